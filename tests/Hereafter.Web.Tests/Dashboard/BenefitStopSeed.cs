using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Dashboard;

/// <summary>
/// Benefit stops written straight into the reconciliation tables, for people certified dead (citizen-ID certificates) by
/// an issuer of a district of the test's own, so the dashboard's and the statistics' figures can be worked out by hand.
/// </summary>
public static class BenefitStopSeed
{
    private static int _next;

    /// <summary>A death with an issued citizen-ID certificate of <paramref name="issuer"/>; returns the death's ID number.</summary>
    public static async Task<string> DeathAsync(this HereafterFactory factory, Guid issuer, int year)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var id = Guid.NewGuid();
        var number = "52990" + year.ToString("D4") + Interlocked.Increment(ref _next).ToString("D9");
        var at = new DateTimeOffset(year, 1, 2, 0, 0, 0, TimeSpan.Zero);
        db.Add(new Certificate
        {
            Id = id, Number = number, ActiveNumber = number, NumberKind = CertificateNumberKind.CitizenId, Status = CertificateStatus.Issued,
            CurrentVersion = 1, IssuerOrganisationId = issuer, DecedentName = "测试", NameKey = "测试" + id.ToString("N")[..6], Sex = "1",
            DeathAt = at.AddHours(-3), CertifiedAt = at, ReportedAt = at.AddHours(1),
        });
        db.Add(new CertificateVersion
        {
            Id = Guid.NewGuid(), CertificateId = id, Version = 1, DataJson = "{}", WarningsJson = "[]", ContentDigest = "", CreatedAt = at, CreatedBy = "测试",
        });
        await db.SaveChangesAsync();
        return number;
    }

    /// <summary>One stop of a roll.</summary>
    /// <param name="Death">The death's ID number (the certificate's).</param>
    /// <param name="IdentifiedAt">China time.</param>
    /// <param name="ExecutedMonth">The month payments stopped from, when executed (executed at <paramref name="IdentifiedAt"/> + the row number in hours).</param>
    public sealed record Stop(
        string Death, string Programme, DateTime IdentifiedAt, decimal MonthlyAmount, decimal OverpaidAmount, string PayeeName,
        string? ExecutedMonth = null, decimal? Recovered = null, DateOnly? RecoveredOn = null);

    /// <summary>A roll whose job completed (attempt 2), its stops in row order; <paramref name="completed"/> false leaves the job running.</summary>
    public static async Task<Guid> RollAsync(this HereafterFactory factory, string department, bool completed, params Stop[] stops)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var job = new RollJob
        {
            Id = Guid.NewGuid(), OrganisationId = Guid.NewGuid(), OrganisationName = "测试" + department, Department = department, Programme = stops[0].Programme,
            FileName = "roll.csv", UploadedBy = "测试", CreatedAt = DateTimeOffset.UtcNow, Status = completed ? JobStatus.Completed : JobStatus.Running,
            Attempt = 2, CompletedAttempt = completed ? 2 : null,
        };
        db.Add(job);
        var row = 1;
        foreach (var s in stops)
        {
            row++;
            var identified = new DateTimeOffset(s.IdentifiedAt, ChinaTime.Offset).ToUniversalTime();
            db.Add(new StopResult
            {
                JobId = job.Id, Attempt = 2, Row = row, IdNumber = PayeeId(s.Death), Name = s.PayeeName, Programme = s.Programme, MonthlyAmount = s.MonthlyAmount,
                PaidThrough = "2099-01", DeathIdNumber = s.Death, DeathName = "测试", DeathDate = new DateOnly(2000, 1, 1), StopFrom = "2000-02",
                OverpaidAmount = s.OverpaidAmount, IdentifiedAt = identified,
                ExecutedMonth = s.ExecutedMonth, ExecutedAt = s.ExecutedMonth is null ? null : identified.AddHours(row), ExecutedBy = s.ExecutedMonth is null ? null : "测试",
                RecoveredAmount = s.Recovered, RecoveredOn = s.RecoveredOn, RecoveredBy = s.Recovered is null ? null : "测试",
            });
        }
        // A row of an earlier, abandoned attempt never counts.
        db.Add(new StopResult
        {
            JobId = job.Id, Attempt = 1, Row = 2, IdNumber = PayeeId(stops[0].Death), Name = "旧尝试", Programme = stops[0].Programme, MonthlyAmount = 99m,
            PaidThrough = "2099-01", DeathIdNumber = stops[0].Death, DeathName = "测试", DeathDate = new DateOnly(2000, 1, 1), StopFrom = "2000-02",
            OverpaidAmount = 99m, IdentifiedAt = new DateTimeOffset(stops[0].IdentifiedAt, ChinaTime.Offset).ToUniversalTime().AddDays(-1),
        });
        await db.SaveChangesAsync();
        return job.Id;
    }

    /// <summary>The payee's ID number on the roll (the death's, as an exact match has it).</summary>
    public static string PayeeId(string death) => death;
}
