using System.Net;
using System.Net.Http.Json;
using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>The holding funeral home's 骨灰安放（葬）协议 and the release of the ashes, through the API.</summary>
public sealed class AshesAgreementAndReleaseTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private async Task<Guid> OrganisationAsync(string code)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<Organisation>().Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
    }

    private async Task<T> ReadAsync<T>(Func<HereafterDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<HereafterDbContext>());
    }

    [Fact]
    public async Task CemeteryPlotAgreement_ThenRelease_MovesToAshesReleased_WithTimelineLines()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var home = await factory.ClientForAsync("demo-funeral-home");
        var cemetery = await OrganisationAsync("jingyunshan-cemetery");

        var agreed = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-agreement",
            new { destinationType = "cemetery-plot", institutionId = cemetery, plotOrNiche = "B区-02-018" });
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        var body = await agreed.JsonAsync();
        Assert.Equal("cremated", body.GetProperty("state").GetString());
        Assert.Equal("cemetery-plot", body.GetProperty("destination").GetString());

        var released = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-release",
            new { releasedAt = DateTimeOffset.UtcNow.AddMinutes(-1), to = "王小明" });
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal("ashes-released", (await released.JsonAsync()).GetProperty("state").GetString());

        var (record, agreement, steps) = await ReadAsync(async db => (
            await db.Set<CustodyRecord>().SingleAsync(r => r.Id == seeded.CustodyId),
            await db.Set<AshesAgreement>().SingleAsync(a => a.CustodyId == seeded.CustodyId),
            await db.Set<CustodyStepEntry>().Where(s => s.CustodyId == seeded.CustodyId).Select(s => s.Step).ToListAsync()));
        Assert.Equal(CustodyState.AshesReleased, record.State);
        Assert.Equal("王小明", record.AshesReleasedTo);
        Assert.Equal(cemetery, agreement.InstitutionId);
        Assert.Equal("B区-02-018", agreement.PlotOrNiche);
        Assert.Contains(CustodyStep.RecordAshesAgreement, steps);
        Assert.Contains(CustodyStep.ReleaseAshes, steps);
    }

    [Fact]
    public async Task TakenHome_WithoutTheUndertaking_Is409_WithIt_TheTextIsStored()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var home = await factory.ClientForAsync("demo-funeral-home");

        var refused = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-agreement", new { destinationType = "taken-home" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var codes = (await refused.JsonAsync()).GetProperty("refusals").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Equal(["undertaking-missing"], codes);

        const string undertaking = "本人承诺将骨灰安放在合法的公墓或骨灰堂，不乱埋乱葬。";
        var agreed = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-agreement", new { destinationType = "taken-home", undertaking });
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Equal(undertaking, await ReadAsync(db => db.Set<AshesAgreement>().Where(a => a.CustodyId == seeded.CustodyId).Select(a => a.Undertaking).SingleAsync()));
    }

    [Fact]
    public async Task FuneralHomeStorage_MovesToAshesStored_AndReleaseIsRefusedUntilAnotherDestination()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var home = await factory.ClientForAsync("demo-funeral-home");

        var stored = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-agreement", new { destinationType = "funeral-home-storage" });
        Assert.Equal("ashes-stored", (await stored.JsonAsync()).GetProperty("state").GetString());
        Assert.NotNull(await ReadAsync(db => db.Set<CustodyRecord>().Where(r => r.Id == seeded.CustodyId).Select(r => r.AshesStoredAt).SingleAsync()));

        var refused = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-release", new { releasedAt = DateTimeOffset.UtcNow, to = "王小明" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        var changed = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-agreement", new { destinationType = "sea-scattering" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var released = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-release", new { releasedAt = DateTimeOffset.UtcNow, to = "王小明" });
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
    }

    [Fact]
    public async Task PlotWithoutInstitution_OrWithAHospital_IsAFieldError()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var home = await factory.ClientForAsync("demo-funeral-home");
        var missing = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-agreement", new { destinationType = "columbarium-niche" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.JsonAsync()).GetProperty("errors").TryGetProperty("institutionId", out _));

        var hospital = await OrganisationAsync("gy-first-hospital");
        var wrong = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-agreement",
            new { destinationType = "cemetery-plot", institutionId = hospital });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        var unknown = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-agreement", new { destinationType = "moon" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("destinationType", out _));
    }

    [Fact]
    public async Task AnotherFuneralHome_Gets404_AndACemetery403()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var other = await factory.ClientForAsync("demo-funeral-home-2");
        var cemetery = await factory.ClientForAsync("demo-cemetery");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-agreement", new { destinationType = "sea-scattering" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cemetery.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-release", new { releasedAt = DateTimeOffset.UtcNow, to = "王" })).StatusCode);
    }

    [Fact]
    public async Task AgreementBeforeCremation_IsRefusedWithTheState()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        var home = await factory.ClientForAsync("demo-funeral-home");
        var refused = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-agreement", new { destinationType = "sea-scattering" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("wrong-state", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TwentyConcurrentReleases_OneSucceeds()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var home = await factory.ClientForAsync("demo-funeral-home");
        Assert.Equal(HttpStatusCode.OK, (await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-agreement", new { destinationType = "sea-scattering" })).StatusCode);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/ashes-release", new { releasedAt = DateTimeOffset.UtcNow, to = "王小明" })));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await ReadAsync(db => db.Set<CustodyStepEntry>().CountAsync(s => s.CustodyId == seeded.CustodyId && s.Step == CustodyStep.ReleaseAshes)));
    }
}
