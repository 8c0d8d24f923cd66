using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Time;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>Calls of the counter's API (pickup, arrival, extension, read) for the custody tests.</summary>
public static class CounterTestSupport
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Yesterday 11:00 China time: an hour after <see cref="People.HospitalDeath"/>'s death.</summary>
    public static DateTimeOffset AfterDeath => ChinaTime.At(ChinaTime.Today(TimeProvider.System).AddDays(-1), new TimeOnly(11, 0));

    public static Task<HttpResponseMessage> PickUpAsync(this HttpClient client, string number, DateTimeOffset? at = null, string from = "贵阳市第一人民医院") =>
        client.PostAsJsonAsync("/api/v1/custody", new { certificateNumber = number, pickedUpAt = at ?? AfterDeath, fromAddress = from }, Web);

    public static Task<HttpResponseMessage> PickUpScannedAsync(this HttpClient client, string scanned, DateTimeOffset? at = null) =>
        client.PostAsJsonAsync("/api/v1/custody", new { scanned, pickedUpAt = at ?? AfterDeath, fromAddress = "贵阳市第一人民医院" }, Web);

    public static Task<HttpResponseMessage> ArriveAsync(this HttpClient client, Guid id, DateTimeOffset at) =>
        client.PostAsJsonAsync($"/api/v1/custody/{id}/arrival", new { arrivedAt = at }, Web);

    public static Task<HttpResponseMessage> ExtendAsync(this HttpClient client, Guid id, DateTimeOffset? until, string? reason) =>
        client.PostAsJsonAsync($"/api/v1/custody/{id}/storage-extensions", new { until, reason }, Web);

    public static async Task<JsonElement> RecordAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/custody/{id}");
        response.EnsureSuccessStatusCode();
        return await response.JsonAsync();
    }

    public static Guid Id(this JsonElement body) => body.GetProperty("id").GetGuid();

    public static async Task<List<AuditEntry>> AuditOfAsync(this HereafterFactory factory, Guid custodyId)
    {
        using var scope = factory.Services.CreateScope();
        var subject = $"custody:{custodyId}";
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Subject == subject).OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>Issues a certificate and returns its number and verification URL (the QR code's content).</summary>
    public static async Task<(string Number, string Url)> IssueWithUrlAsync(this HereafterFactory factory, People.Person person)
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var response = await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(person), Web);
        response.EnsureSuccessStatusCode();
        var body = await response.JsonAsync();
        return (body.GetProperty("number").GetString()!, body.GetProperty("verificationUrl").GetString()!);
    }
}
