using System.Net;
using System.Net.Http.Json;
using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>The 遗体火化确认书 entered at the counter: field errors are 400, the loop's refusals 409.</summary>
public sealed class CremationConsentTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static object Consent(string? idNumber = null, string relationship = "child", string phone = "13912345678", DateTimeOffset? signedAt = null) => new
    {
        name = CustodySeed.PersonInCharge.Name, idNumber = idNumber ?? CustodySeed.PersonInCharge.IdNumber, relationship, phone,
        signedAt = signedAt ?? DateTimeOffset.UtcNow.AddMinutes(-5),
    };

    [Fact]
    public async Task TheCounter_RecordsTheConsent_WithItsChannel_AndATimelineLine()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        var home = await factory.ClientForAsync("demo-funeral-home");
        var response = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/cremation-consent", Consent(), CremationSupport.Web);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("in-storage", (await response.JsonAsync()).GetProperty("state").GetString());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var consent = await db.Set<CremationConsent>().SingleAsync(c => c.CustodyId == seeded.CustodyId);
        Assert.Equal("counter", consent.Channel);
        Assert.Equal(CustodySeed.PersonInCharge.IdNumber, consent.IdNumber);
        Assert.True(await db.Set<CustodyStepEntry>().AnyAsync(s => s.CustodyId == seeded.CustodyId && s.Step == CustodyStep.SignConsent));

        // A second signature replaces the first (the latest counts until the cremation).
        Assert.Equal(HttpStatusCode.OK, (await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/cremation-consent", Consent(phone: "0851-83851234"), CremationSupport.Web)).StatusCode);
        Assert.Equal("0851-83851234", (await db.Set<CremationConsent>().AsNoTracking().SingleAsync(c => c.CustodyId == seeded.CustodyId)).Phone);
    }

    [Fact]
    public async Task FieldProblems_Are400_EachOnItsField()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        var home = await factory.ClientForAsync("demo-funeral-home");
        var badChecksum = CustodySeed.PersonInCharge.IdNumber[..17] + (CustodySeed.PersonInCharge.IdNumber[17] == '0' ? '1' : '0');
        var response = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/cremation-consent",
            Consent(idNumber: badChecksum, relationship: "neighbour", phone: "12345", signedAt: DateTimeOffset.UtcNow.AddDays(1)), CremationSupport.Web);
        Assert.Equal(["idNumber", "phone", "relationship", "signedAt"], await response.FieldsAsync());

        var empty = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/cremation-consent", new { }, CremationSupport.Web);
        Assert.Equal(["idNumber", "name", "phone", "relationship", "signedAt"], await empty.FieldsAsync());
    }

    [Fact]
    public async Task TheDeceasedsOwnId_OrASignatureBeforeTheDeath_Is409()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        var home = await factory.ClientForAsync("demo-funeral-home");
        var own = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/cremation-consent", Consent(idNumber: seeded.CertificateNumber), CremationSupport.Web);
        Assert.Equal(["consent-inconsistent"], await own.RefusalsAsync());
        var early = await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/cremation-consent", Consent(signedAt: DateTimeOffset.UtcNow.AddDays(-5)), CremationSupport.Web);
        Assert.Equal(["consent-inconsistent"], await early.RefusalsAsync());
    }

    [Fact]
    public async Task AnotherFuneralHome_GetsNotFound_AndACrematedRecordRefuses()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        var other = await factory.ClientForAsync("demo-funeral-home-2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/cremation-consent", Consent(), CremationSupport.Web)).StatusCode);

        var cremated = await factory.RecordAtAsync(CustodyState.Cremated);
        var home = await factory.ClientForAsync("demo-funeral-home");
        var late = await home.PostAsJsonAsync($"/api/v1/custody/{cremated.CustodyId}/cremation-consent", Consent(), CremationSupport.Web);
        Assert.Equal(["already-cremated"], await late.RefusalsAsync());
    }
}
