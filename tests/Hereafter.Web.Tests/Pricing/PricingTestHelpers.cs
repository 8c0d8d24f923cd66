using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Pricing;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Pricing;

public static class PricingTestHelpers
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Today in China, as the platform sees it.</summary>
    public static DateOnly Today => Hereafter.Domain.Time.ChinaTime.Today(TimeProvider.System);

    public static async Task<Guid> InstitutionAsync(this HereafterFactory factory, string organisationCode)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return await db.Set<Organisation>().Where(o => o.Code == organisationCode).Select(o => o.Id).SingleAsync();
    }

    public static async Task<JsonElement> PriceListAsync(this HttpClient client, Guid institutionId, DateOnly? asOf = null)
    {
        var response = await client.GetAsync($"/api/v1/price-lists/{institutionId}" + (asOf is { } d ? $"?asOf={d:yyyy-MM-dd}" : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>The item of a price list with this standard code.</summary>
    public static JsonElement Item(this JsonElement priceList, string code) =>
        priceList.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    public static Guid Id(this JsonElement item) => item.GetProperty("itemId").GetGuid();

    public static decimal Price(this JsonElement item) => item.GetProperty("price").GetDecimal();

    /// <summary>
    /// Issues a certificate (a Guiyang resident unless the data says otherwise), waits for its death case and, as
    /// civil affairs on the family's behalf, adds the family's chosen funeral home (贵阳市殡仪馆) so that it may bill the case.
    /// </summary>
    public static async Task<Guid> OpenCaseAsync(this HereafterFactory factory, Func<CertificateData, CertificateData>? change = null)
    {
        var caseId = await factory.OpenUnlinkedCaseAsync(change);
        var civil = await factory.ClientForAsync("demo-civil-affairs");
        var chosen = await civil.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks",
            new { department = "funeral-home", reason = "家属选择贵阳市殡仪馆", organisationId = await factory.InstitutionAsync("gy-funeral-home") }, Web);
        Assert.Equal(HttpStatusCode.Created, chosen.StatusCode);
        return caseId;
    }

    /// <summary>Civil affairs links another institution the family chose (cemetery, columbarium, shop) to the case.</summary>
    public static async Task LinkAsync(this HereafterFactory factory, Guid caseId, string organisationCode)
    {
        var civil = await factory.ClientForAsync("demo-civil-affairs");
        var linked = await civil.PostAsJsonAsync($"/api/v1/cases/{caseId}/institutions",
            new { organisationId = await factory.InstitutionAsync(organisationCode), reason = "家属选择" }, Web);
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
    }

    /// <summary>Issues a certificate and waits for its death case; no institution is linked to it.</summary>
    public static async Task<Guid> OpenUnlinkedCaseAsync(this HereafterFactory factory, Func<CertificateData, CertificateData>? change = null)
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var data = People.HospitalDeath(People.Next());
        if (change is not null) data = change(data);
        var response = await hospital.PostAsJsonAsync("/api/v1/certificates", data, Web);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.JsonAsync()).GetProperty("number").GetString()!;
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            using (var scope = factory.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
                var id = await db.Set<Hereafter.Web.Modules.Sharing.Data.DeathCase>().Where(c => c.CertificateNumber == number)
                    .Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
                if (id is { } caseId) return caseId;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No death case opened for {number}.");
    }

    public static async Task<HttpResponseMessage> ProposeAsync(this HttpClient client, Guid institutionId, Guid itemId, decimal newPrice, DateOnly from, string? reason = null) =>
        await client.PostAsJsonAsync($"/api/v1/institutions/{institutionId}/price-changes",
            new { itemId, newPrice, effectiveFrom = from.ToString("yyyy-MM-dd"), reason }, Web);

    public static async Task<Guid> ProposeOkAsync(this HttpClient client, Guid institutionId, Guid itemId, decimal newPrice, DateOnly from, string? reason = null)
    {
        var response = await client.ProposeAsync(institutionId, itemId, newPrice, from, reason);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> BillAsync(this HttpClient client, Guid caseId, Guid institutionId, DateOnly? serviceDate, params (Guid ItemId, int Quantity)[] lines) =>
        await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/bills",
            new { institutionId, serviceDate = serviceDate?.ToString("yyyy-MM-dd"), lines = lines.Select(l => new { itemId = l.ItemId, quantity = l.Quantity }) }, Web);

    public static async Task<JsonElement> ExpectJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        return await response.JsonAsync();
    }
}
