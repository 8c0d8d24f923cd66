using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>Ordering and completing proxy sweeping through the API, as a family app and a cemetery's system would.</summary>
public static class ProxyTestSupport
{
    public const string Jingyun = "jingyunshan-cemetery";
    public const string Qianling = "qianling-public-cemetery";

    public static string Tomorrow => PricingTestHelpers.Today.AddDays(1).ToString("yyyy-MM-dd");

    public static object Order(Guid site, params string[] options) => new
    {
        institutionId = site, options, deceasedName = "张三丰", graveLocation = "松园 3 排 12 号", wantedDate = Tomorrow,
        contactPhone = "13800138000", message = "爸爸，我们都很好，勿念。",
    };

    public static async Task<HttpResponseMessage> PostOrderAsync(this HttpClient citizen, object order, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/memorial/proxy-orders") { Content = JsonContent.Create(order) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await citizen.SendAsync(request);
    }

    /// <summary>An order at 景云山公墓 for cleaning and flowers by <paramref name="citizen"/>; its JSON.</summary>
    public static async Task<JsonElement> OrderOkAsync(this HereafterFactory factory, HttpClient citizen, params string[] options)
    {
        var site = await factory.InstitutionAsync(Jingyun);
        var response = await citizen.PostOrderAsync(Order(site, options.Length > 0 ? options : [ProxySweepingItems.CleanHeadstone, ProxySweepingItems.Flowers]));
        return await response.ExpectJsonAsync(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient staff, Guid orderId, params (string Name, byte[] Bytes)[] files) =>
        staff.CompleteAsync(orderId, null, files);

    public static async Task<HttpResponseMessage> CompleteAsync(this HttpClient staff, Guid orderId, string? note, params (string Name, byte[] Bytes)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            // What the uploader claims is not what the platform believes: every part says image/jpeg.
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "photos", name);
        }
        if (note is not null) form.Add(new StringContent(note), "note");
        return await staff.PostAsync($"/api/v1/memorial/proxy-orders/{orderId}/completion", form);
    }

    public static string Status(this JsonElement order) => order.GetProperty("status").GetString()!;

    public static Guid OrderId(this JsonElement order) => order.GetProperty("id").GetGuid();

    /// <summary>The error texts of a 400's field(s) whose key starts with <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<string> Errors(this JsonElement problem, string prefix) =>
        [.. problem.GetProperty("errors").EnumerateObject().Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateArray().Select(v => v.GetString()!))];

    public static async Task<List<ProxyPhoto>> StoredPhotosAsync(this HereafterFactory factory, Guid orderId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<ProxyPhoto>().AsNoTracking()
            .Where(p => p.OrderId == orderId).OrderBy(p => p.Number).ToListAsync();
    }

    public static async Task<List<string>> AuditActionsAsync(this HereafterFactory factory, string subject)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Subject == subject).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
    }
}
