using Hereafter.Domain.Certificates;
using Microsoft.Extensions.Time.Testing;
using static Hereafter.Domain.Tests.Certificates.ValidCertificate;

namespace Hereafter.Domain.Tests.Certificates;

/// <summary>
/// The validator's "today" is the China date. The platform passes its clock's UTC instant, so from 16:00 UTC
/// (00:00 in China) a UTC "today" is a day behind: a death after China midnight investigated the same day was
/// rejected as investigated "in the future".
/// </summary>
public class ChinaDateValidationTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // 23:30 and 00:30 China time on 20/21 November 2026, as a UTC clock reports them.
    private static CertificateContext At2330China => new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 15, 30, 0, TimeSpan.Zero)).GetUtcNow(), "hospital");
    private static CertificateContext At0030China => new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 16, 30, 0, TimeSpan.Zero)).GetUtcNow(), "hospital");

    private static CertificateData HomeDeath(string deathAt, string investigated)
    {
        var data = AtHome();
        return data with { Death = data.Death! with { DateTime = deathAt }, Investigation = data.Investigation! with { Date = investigated } };
    }

    [Fact]
    public void At2330China_ADeathAt2310China_IsValid_NotInTheFuture()
    {
        var result = CertificateValidator.Validate(HomeDeath("2026-11-20T23:10:00+08:00", "2026-11-20"), At2330China);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 23, 10, 0, China), result.Normalized!.DeathAt);
    }

    [Fact]
    public void At0030China_ADeathAt0010_InvestigatedTheSameChinaDay_IsValid()
    {
        var result = CertificateValidator.Validate(HomeDeath("2026-11-21T00:10:00+08:00", "2026-11-21"), At0030China);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void At0030China_ADeathGivenInUtc_IsDatedByItsChinaDate()
    {
        // 16:10 UTC on the 20th is 00:10 on the 21st in China: an investigation on the 21st is not before the death.
        var result = CertificateValidator.Validate(HomeDeath("2026-11-20T16:10:00Z", "2026-11-21"), At0030China);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void At0030China_ADeathTomorrowInChina_IsRejected()
    {
        var result = CertificateValidator.Validate(HomeDeath("2026-11-22T00:10:00+08:00", "2026-11-21"), At0030China);
        Assert.Contains(result.Errors, e => (e.Path, e.Code) == ("death.dateTime", CertificateValidator.Codes.InFuture));
    }

    [Fact]
    public void At2330China_AnInvestigationDatedTomorrowInChina_IsRejected()
    {
        var result = CertificateValidator.Validate(HomeDeath("2026-11-20T23:10:00+08:00", "2026-11-21"), At2330China);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("investigation.date", CertificateValidator.Codes.InFuture), (error.Path, error.Code));
    }
}
