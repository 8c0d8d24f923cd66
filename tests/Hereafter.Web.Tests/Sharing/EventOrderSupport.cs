using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Platform.Outbox;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>
/// Makes the handling of chosen certificates' integration events fail: once, or until released. It runs
/// as one more handler of the event, inside the transaction of the real one, so a failure undoes the
/// real handler's writes as any failing handler would.
/// </summary>
public sealed class HandlerTraps
{
    private readonly ConcurrentDictionary<(string Number, string Type), int> _failOnce = new();
    private readonly ConcurrentDictionary<string, bool> _failAlways = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();

    public void FailOnce(string number, string type) => _failOnce[(number, type)] = 1;
    public void FailAlways(string number) => _failAlways[number] = true;
    public void Release(string number) => _failAlways.TryRemove(number, out _);
    public int Failures(string number) => _failures.GetValueOrDefault(number);

    public void Check(string number, string type)
    {
        var fail = _failAlways.ContainsKey(number) || _failOnce.TryRemove((number, type), out _);
        if (!fail) return;
        _failures.AddOrUpdate(number, 1, (_, n) => n + 1);
        throw new InvalidOperationException($"Test trap: {type} of {number} fails");
    }

    private sealed class Handler(HandlerTraps traps, string type) : IIntegrationEventHandler
    {
        public string EventType => type;

        public Task HandleAsync(OutboxMessage message, CancellationToken ct)
        {
            var number = JsonDocument.Parse(message.PayloadJson).RootElement.GetProperty("number").GetString()!;
            traps.Check(number, type);
            return Task.CompletedTask;
        }
    }

    public static void Register(IServiceCollection services, HandlerTraps traps)
    {
        services.AddSingleton(traps);
        foreach (var type in new[] { CertificateEventTypes.Issued, CertificateEventTypes.Corrected, CertificateEventTypes.Revoked })
            services.AddScoped<IIntegrationEventHandler>(_ => new Handler(traps, type));
    }
}

/// <summary>A platform whose certificate event handling can be made to fail.</summary>
public sealed class TrappedFactory : HereafterFactory
{
    public HandlerTraps Traps { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => HandlerTraps.Register(s, Traps));
    }
}

public static class EventOrderSteps
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<HttpResponseMessage> CorrectAsync(this HttpClient hospital, People.Person person, string address) =>
        await hospital.PostAsJsonAsync($"/api/v1/certificates/{person.IdNumber}/correction", new
        {
            reason = "户籍地址错误",
            certificate = People.HospitalDeath(person) is var data ? data with { Decedent = data.Decedent with { HouseholdAddress = address } } : null,
        }, Web);

    public static async Task<HttpResponseMessage> RevokeAsync(this HttpClient hospital, string number) =>
        await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/revocation", new { reason = "误开" }, Web);

    public static async Task<HttpResponseMessage> ReissueAsync(this HttpClient hospital, string number) =>
        await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/reissue", new { reason = "家属遗失第三联" }, Web);

    /// <summary>The event types of one certificate in a department's feed, in feed order.</summary>
    public static List<string> TypesOf(this IEnumerable<JsonElement> feed, string number) =>
        feed.Where(e => e.GetProperty("certificateNumber").GetString() == number).Select(e => e.GetProperty("type").GetString()!).ToList();

    /// <summary>Waits (bounded) until the condition holds; fails with the message otherwise.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Timed out waiting for {what}.");
    }
}
