using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>
/// Where a department's events are delivered is the department's decision: a department system whose client is
/// granted the subscriptions scope, or staff with the department's administrator role. Every creation is audited.
/// </summary>
public sealed class SubscriptionAuthorizationTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly object Body = new { callbackUrl = "http://127.0.0.1:9/hook", eventTypes = new[] { "certificate.issued" } };

    private async Task<AuditEntry?> AuditOfAsync(Guid subscriptionId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var subject = $"subscription:{subscriptionId}";
        return await db.Set<AuditEntry>().AsNoTracking().FirstOrDefaultAsync(a => a.Action == "subscription.create" && a.Subject == subject);
    }

    private async Task<HttpClient> TokenClientAsync(string clientId, string? scope = null)
    {
        var client = factory.CreateClient();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = DemoData.Secret };
        if (scope is not null) form["scope"] = scope;
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        response.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.JsonAsync()).GetProperty("access_token").GetString());
        return client;
    }

    /// <summary>Staff signed in with the cookie, sending the antiforgery token a page of the site gave them.</summary>
    private async Task<(HttpClient Client, string Antiforgery, TestStaff.Seeded Staff)> StaffAsync(string roles)
    {
        var staff = await factory.SeedStaffAsync(displayName: "邓伟", organisationType: OrganisationType.Police, organisationName: "测试公安分局", roles: roles);
        var client = await factory.SignedInClientAsync(staff);
        var token = HtmlForms.AntiforgeryToken(await client.GetStringAsync("/"));
        return (client, token, staff);
    }

    private static HttpRequestMessage Post(string? antiforgery)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/subscriptions") { Content = JsonContent.Create(Body, options: Web) };
        if (antiforgery is not null) request.Headers.Add("RequestVerificationToken", antiforgery);
        return request;
    }

    [Fact]
    public async Task ADepartmentClientGrantedTheScope_Creates_AndItIsAudited()
    {
        var police = await TokenClientAsync("demo-police");
        var response = await police.PostAsJsonAsync("/api/v1/subscriptions", Body, Web);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        var audit = await AuditOfAsync(id);
        Assert.NotNull(audit);
        Assert.Equal("demo-police", audit.ActorId);
        Assert.Contains("127.0.0.1:9/hook", audit.Details);
    }

    [Fact]
    public async Task AClientWithoutTheScope_Gets403WithTheReason()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            if (!await db.Set<ApiClient>().AnyAsync(c => c.ClientId == "test-police-reader"))
            {
                var police = await db.Set<Organisation>().FirstAsync(o => o.Code == "gy-police-nanming");
                await scope.ServiceProvider.GetRequiredService<DepartmentClients>().RegisterAsync("test-police-reader", DemoData.Secret, police.Id,
                    "户籍查询系统", [DepartmentScopes.Certificates, DepartmentScopes.Events]);
            }
        }
        var before = await CountCreatedAsync();
        foreach (var client in new[] { await TokenClientAsync("test-police-reader"), await TokenClientAsync("demo-police", DepartmentScopes.Events) })
        {
            var response = await client.PostAsJsonAsync("/api/v1/subscriptions", Body, Web);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(DepartmentScopes.Subscriptions, (await response.JsonAsync()).GetProperty("detail").GetString());
            // Reading is still theirs.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/subscriptions")).StatusCode);
        }
        Assert.Equal(before, await CountCreatedAsync());
    }

    private async Task<int> CountCreatedAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<AuditEntry>().CountAsync(a => a.Action == "subscription.create");
    }

    [Fact]
    public async Task StaffWithoutTheAdministratorRole_Gets403WithTheReason()
    {
        var (client, antiforgery, _) = await StaffAsync(Roles.Clerk);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.SendAsync(Post(antiforgery));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("administrator", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheDepartmentsAdministrator_Creates_AndItIsAudited()
    {
        var (client, antiforgery, staff) = await StaffAsync(Roles.Administrator);
        var response = await client.SendAsync(Post(antiforgery));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var audit = await AuditOfAsync((await response.JsonAsync()).GetProperty("id").GetGuid());
        Assert.NotNull(audit);
        Assert.Equal(staff.AccountId.ToString(), audit.ActorId);
        Assert.Equal(staff.OrganisationId, audit.OrganisationId);
    }

    [Fact]
    public async Task TheDemoDepartmentAdministrators_HaveTheRole()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var admins = await db.Set<StaffAccount>().AsNoTracking().Where(a => a.UserName.StartsWith("admin.")).ToListAsync();
        Assert.Contains(admins, a => a.UserName == "admin.police");
        Assert.All(admins, a => Assert.Contains(Roles.Administrator, a.Roles.Split(',')));
    }
}

/// <summary>A cookie alone never changes state through the API: cross-site requests carry the cookie, not the antiforgery token.</summary>
public sealed class CookieApiRequestTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task ACookieAuthenticatedPostWithoutAntiforgery_Is401_WhileGetsAndTheSameCallWithTheTokenWork()
    {
        var staff = await factory.SeedStaffAsync(displayName: "罗佳", organisationType: OrganisationType.Police, organisationName: "测试公安分局", roles: Roles.Administrator);
        var client = await factory.SignedInClientAsync(staff);
        var body = new { callbackUrl = "http://127.0.0.1:9/hook", eventTypes = new[] { "certificate.issued" } };

        var forged = await client.PostAsJsonAsync("/api/v1/subscriptions", body);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        var wrongToken = new HttpRequestMessage(HttpMethod.Post, "/api/v1/subscriptions") { Content = JsonContent.Create(body) };
        wrongToken.Headers.Add("RequestVerificationToken", "made-up");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrongToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync($"/api/v1/subscriptions/{Guid.NewGuid()}")).StatusCode);

        // Reading with the cookie (the pages' download links) still works.
        var list = await client.GetAsync("/api/v1/subscriptions");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty((await list.JsonAsync()).EnumerateArray());

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/subscriptions") { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", HtmlForms.AntiforgeryToken(await client.GetStringAsync("/")));
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
    }
}
