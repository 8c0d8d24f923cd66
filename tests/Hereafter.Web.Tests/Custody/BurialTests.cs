using System.Net;
using System.Net.Http.Json;
using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>A cemetery's burial record closes the loop, only against an active document; plot sales follow the same rule.</summary>
public sealed class BurialTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private async Task<T> ReadAsync<T>(Func<HereafterDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<HereafterDbContext>());
    }

    /// <summary>A 火化证明 row for a seeded record, as the cremation part issues it.</summary>
    internal static async Task<string> CremationCertificateAsync(HereafterFactory factory, CustodySeed.Seeded seeded, DateTimeOffset? writtenOff = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var serial = await db.Set<CremationCertificate>().CountAsync() + 1;
        var number = $"TEST{Guid.NewGuid().ToString("n")[..6].ToUpperInvariant()}{serial:D4}";
        db.Add(new CremationCertificate
        {
            Id = Guid.NewGuid(), CustodyId = seeded.CustodyId, FuneralHomeId = seeded.FuneralHomeId, Year = 2026, Serial = serial, Number = number,
            IssuedAt = DateTimeOffset.UtcNow.AddHours(-4), IssuedBy = "测试", ContentDigest = "00", WrittenOffAt = writtenOff,
        });
        await db.SaveChangesAsync();
        return number;
    }

    private static object Burial(string? certificate = null, string? cremation = null, string plot = "A区-03-007") =>
        new { certificateNumber = certificate, cremationCertificateNumber = cremation, plotOrNiche = plot, buriedAt = DateTimeOffset.UtcNow.AddMinutes(-5) };

    [Fact]
    public async Task BurialAgainstTheCremationCertificate_Places_ClearsTheOpenKey_WritesItOff_AndPublishesPlaced()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.AshesReleased);
        var number = await CremationCertificateAsync(factory, seeded);
        var cemetery = await factory.ClientForAsync("demo-cemetery");

        var answer = await cemetery.PostAsJsonAsync("/api/v1/burials", Burial(cremation: number));
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal("placed", (await answer.JsonAsync()).GetProperty("state").GetString());

        var record = await ReadAsync(db => db.Set<CustodyRecord>().SingleAsync(r => r.Id == seeded.CustodyId));
        Assert.Equal(CustodyState.Placed, record.State);
        Assert.Null(record.OpenPersonKey);
        Assert.Equal("A区-03-007", record.PlotOrNiche);
        Assert.NotNull(record.PlacementInstitutionId);
        Assert.NotNull(await ReadAsync(db => db.Set<CremationCertificate>().Where(c => c.Number == number).Select(c => c.WrittenOffAt).SingleAsync()));
        Assert.Equal(1, await ReadAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Type == CustodyEventTypes.Placed && m.PayloadJson.Contains(seeded.CustodyId.ToString()))));
        Assert.Equal(1, await ReadAsync(db => db.Set<CustodyStepEntry>().CountAsync(s => s.CustodyId == seeded.CustodyId && s.Step == CustodyStep.Place)));

        // The certificate is spent: a second use (a plot sale, another burial) is refused.
        var again = await cemetery.PostAsJsonAsync("/api/v1/plot-sales", new { cremationCertificateNumber = number, plotOrNiche = "A区-03-008", soldAt = DateTimeOffset.UtcNow });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task BurialAgainstTheDeathCertificate_Places_AndWritesOffItsCremationCertificate()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.AshesReleased);
        var number = await CremationCertificateAsync(factory, seeded);
        var cemetery = await factory.ClientForAsync("demo-cemetery");
        var answer = await cemetery.PostAsJsonAsync("/api/v1/burials", Burial(certificate: seeded.CertificateNumber));
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.NotNull(await ReadAsync(db => db.Set<CremationCertificate>().Where(c => c.Number == number).Select(c => c.WrittenOffAt).SingleAsync()));
        Assert.Equal("death-certificate", await ReadAsync(db => db.Set<Burial>().Where(b => b.CustodyId == seeded.CustodyId).Select(b => b.DocumentKind).SingleAsync()));
    }

    [Fact]
    public async Task WithoutAnActiveDocument_Is409()
    {
        var cemetery = await factory.ClientForAsync("demo-cemetery");
        // An unknown and a written-off 火化证明.
        Assert.Equal(HttpStatusCode.Conflict, (await cemetery.PostAsJsonAsync("/api/v1/burials", Burial(cremation: "NOSUCH0001"))).StatusCode);
        var seeded = await factory.RecordAtAsync(CustodyState.AshesReleased);
        var spent = await CremationCertificateAsync(factory, seeded, writtenOff: DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Equal(HttpStatusCode.Conflict, (await cemetery.PostAsJsonAsync("/api/v1/burials", Burial(cremation: spent))).StatusCode);

        // A revoked death certificate.
        var revoked = await factory.RecordAtAsync(CustodyState.AshesReleased);
        var hospital = await factory.ClientForAsync("demo-hospital");
        Assert.True((await hospital.RevokeAsync(revoked.CertificateNumber)).IsSuccessStatusCode);
        var answer = await cemetery.PostAsJsonAsync("/api/v1/burials", Burial(certificate: revoked.CertificateNumber));
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Equal(CustodyState.AshesReleased, await ReadAsync(db => db.Set<CustodyRecord>().Where(r => r.Id == revoked.CustodyId).Select(r => r.State).SingleAsync()));
        Assert.Equal(HttpStatusCode.Conflict, (await cemetery.PostAsJsonAsync("/api/v1/plot-sales",
            new { certificateNumber = revoked.CertificateNumber, plotOrNiche = "C区-01-001", soldAt = DateTimeOffset.UtcNow })).StatusCode);
    }

    [Fact]
    public async Task RecordNotReleased_Is409WithTheState()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var cemetery = await factory.ClientForAsync("demo-cemetery");
        var answer = await cemetery.PostAsJsonAsync("/api/v1/burials", Burial(certificate: seeded.CertificateNumber));
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Contains("wrong-state", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NeitherOrBothNumbers_AreFieldErrors_AndAFuneralHomeIsForbidden()
    {
        var cemetery = await factory.ClientForAsync("demo-cemetery");
        Assert.Equal(HttpStatusCode.BadRequest, (await cemetery.PostAsJsonAsync("/api/v1/burials", Burial())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cemetery.PostAsJsonAsync("/api/v1/burials", Burial("1", "2"))).StatusCode);
        var home = await factory.ClientForAsync("demo-funeral-home");
        Assert.Equal(HttpStatusCode.Forbidden, (await home.PostAsJsonAsync("/api/v1/burials", Burial("1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await home.PostAsJsonAsync("/api/v1/plot-sales", new { certificateNumber = "1", plotOrNiche = "x", soldAt = DateTimeOffset.UtcNow })).StatusCode);
    }

    [Fact]
    public async Task TwentyConcurrentBurials_OneIsRecorded()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.AshesReleased);
        var number = await CremationCertificateAsync(factory, seeded);
        var cemetery = await factory.ClientForAsync("demo-cemetery");
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            cemetery.PostAsJsonAsync("/api/v1/burials", i % 2 == 0 ? Burial(cremation: number, plot: $"D区-{i:D2}") : Burial(certificate: seeded.CertificateNumber, plot: $"D区-{i:D2}"))));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await ReadAsync(db => db.Set<Burial>().CountAsync(b => b.CustodyId == seeded.CustodyId)));
        Assert.Equal(1, await ReadAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Type == CustodyEventTypes.Placed && m.PayloadJson.Contains(seeded.CustodyId.ToString()))));
    }

    [Fact]
    public async Task PlotSale_AgainstAnActiveCertificate_Is201_AndThePlotIsSoldOnce()
    {
        var number = await factory.IssueAsync();
        var cemetery = await factory.ClientForAsync("demo-cemetery");
        var plot = $"E区-{Guid.NewGuid().ToString("n")[..4]}";
        var sold = await cemetery.PostAsJsonAsync("/api/v1/plot-sales", new { certificateNumber = number, plotOrNiche = plot, soldAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.Created, sold.StatusCode);
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            cemetery.PostAsJsonAsync("/api/v1/plot-sales", new { certificateNumber = number, plotOrNiche = plot, soldAt = DateTimeOffset.UtcNow.AddMinutes(-1) })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await ReadAsync(db => db.Set<PlotSale>().CountAsync(s => s.PlotOrNiche == plot)));
    }
}
