using Hereafter.Domain.Certificates;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.IssueCertificate;

/// <summary>
/// Issues a certificate: validate (400, nothing saved), then in one transaction allocate the number,
/// refuse an exact duplicate (409, also enforced by a unique index), hold a possible duplicate for
/// review (202), otherwise issue, sign and audit (201).
/// </summary>
public sealed class IssueCertificateHandler(
    HereafterDbContext db, CertificateFinder finder, CertificateVersions versions, CertificateHistory history,
    CertificateChangedEvents events, VerificationLinks links, AuditLog audit, TimeProvider clock)
{
    public static readonly TimeSpan PossibleDuplicateWindow = TimeSpan.FromDays(5);

    /// <summary>
    /// The 请核对 step: every check issuing makes before it writes (the certifier's right, the rules, an active
    /// certificate for the same number), and nothing saved. Returns the data as it would be issued, with birth
    /// date and sex read from the citizen ID when they were left blank.
    /// </summary>
    public async Task<CertificateChecked> CheckAsync(Actor actor, CertificateData data, CancellationToken ct)
    {
        var (validation, content) = Validate(actor, data, clock.GetUtcNow());
        // An unidentified person has no ID number: the serial is allocated only when issuing.
        if (content.IdNumber is { } number && await db.Set<Certificate>().AsNoTracking().AnyAsync(c => c.ActiveNumber == number, ct))
            throw CertificateConflicts.Duplicate();
        return new CertificateChecked(content.Data, CertificateValidationAnswers.Warnings(validation.Warnings));
    }

    private static (CertificateValidation Validation, NormalizedCertificate Content) Validate(Actor actor, CertificateData data, DateTimeOffset now)
    {
        if (!CertificateAccess.CanCertify(actor))
            throw ProblemException.Forbidden(new Message("certificates.issue.certifier-only"));
        var validation = CertificateValidator.Validate(data, new CertificateContext(now, actor.OrganisationType?.ToCode() ?? ""));
        return (validation, CertificateValidationAnswers.RequireValid(validation));
    }

    public async Task<CertificateIssued> HandleAsync(Actor actor, CertificateData data, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (validation, content) = Validate(actor, data, now);
        var issuer = await finder.OrganisationAsync(actor.OrganisationId, ct);

        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var numberKind = EnumCodes<CertificateNumberKind>.Parse(content.NumberKind);
            var number = numberKind == CertificateNumberKind.Unidentified
                ? await NextUnidentifiedNumberAsync(issuer.CreditCode, ChinaTime.ToChina(now).Year, ct)
                : content.IdNumber!;
            var nameKey = DecedentNameKey.Of(content.Data.Decedent.Name!);
            if (content.BirthDate is { } birth)
                await LockDuplicateKeyAsync($"{nameKey}|{birth:yyyyMMdd}", ct);

            if (await db.Set<Certificate>().AnyAsync(c => c.ActiveNumber == number, ct))
                throw CertificateConflicts.Duplicate();

            var deathUtc = content.DeathAt.ToUniversalTime();
            Certificate? possible = null;
            if (content.BirthDate is { } birthDate)
            {
                var from = deathUtc - PossibleDuplicateWindow;
                var to = deathUtc + PossibleDuplicateWindow;
                possible = await db.Set<Certificate>()
                    .Where(c => c.ActiveNumber != null && c.NameKey == nameKey && c.BirthDate == birthDate
                                && c.DeathAt >= from && c.DeathAt <= to && c.Number != number)
                    .OrderBy(c => c.CertifiedAt).FirstOrDefaultAsync(ct);
            }

            var certificate = new Certificate
            {
                Id = Guid.NewGuid(),
                Number = number,
                ActiveNumber = number,
                NumberKind = numberKind,
                Status = possible is null ? CertificateStatus.Issued : CertificateStatus.PendingReview,
                CurrentVersion = 1,
                IssuerOrganisationId = issuer.Id,
                DecedentName = content.Data.Decedent.Name!,
                NameKey = nameKey,
                BirthDate = content.BirthDate,
                Sex = content.Sex,
                DeathAt = deathUtc,
                CertifiedAt = now,
                CertifiedLate = now - deathUtc > TimeSpan.FromDays(1),
                WarningCount = validation.Warnings.Count,
                PossibleDuplicateOfId = possible?.Id,
                ReviewNote = possible is null ? null : $"possible duplicate of {PersonalDataMask.IdNumber(possible.Number)}",
            };
            if (possible is null) CertificateIssuance.MarkIssued(certificate, clock.GetUtcNow());
            db.Add(certificate);
            var version = await versions.AddAsync(certificate, content, validation.Warnings, actor, null, ct);
            history.Add(certificate, possible is null ? CertificateActionKind.Issued : CertificateActionKind.HeldForReview, actor, certificate.ReviewNote);
            await db.SaveChangesAsync(ct);
            if (possible is null)
            {
                await events.PublishAsync(CertificateEventTypes.Issued, certificate, null, null, ct);
                await db.SaveChangesAsync(ct);
            }
            await audit.RecordAsync(actor, possible is null ? "certificate.issue" : "certificate.hold-for-review",
                $"certificate:{number}", "certification", $"version 1, {validation.Warnings.Count} warnings", ct);
            await tx.CommitAsync(ct);

            return new CertificateIssued(number, 1, certificate.Status.ToCode(),
                version.Token is null ? null : links.For(version.Token),
                CertificateValidationAnswers.Warnings(validation.Warnings), certificate.Id);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw CertificateConflicts.Duplicate();
        }
    }

    /// <summary>Credit code + 4-digit serial of the year, allocated atomically in the database.</summary>
    private async Task<string> NextUnidentifiedNumberAsync(string creditCode, int year, CancellationToken ct)
    {
        var serial = (await db.Database.SqlQueryRaw<int>(
            """
            INSERT INTO certificate_unidentified_serials ("IssuerCreditCode", "Year", "LastSerial") VALUES ({0}, {1}, 1)
            ON CONFLICT ("IssuerCreditCode", "Year") DO UPDATE SET "LastSerial" = certificate_unidentified_serials."LastSerial" + 1
            RETURNING "LastSerial" AS "Value"
            """, creditCode, year).ToListAsync(ct)).Single();
        if (serial > 9999) throw ProblemException.Conflict(new Message("certificates.issue.unidentified-serial-exhausted"));
        return $"{creditCode}{serial:D4}";
    }

    /// <summary>Locks a (name, birth date) row until commit, so possible duplicates are checked one at a time.</summary>
    private Task LockDuplicateKeyAsync(string key, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO certificate_duplicate_locks ("Key") VALUES ({0})
            ON CONFLICT ("Key") DO UPDATE SET "Key" = excluded."Key"
            """, [key], ct);
}

/// <summary>What the 请核对 step shows: the certificate as it would be issued, and its data-quality warnings.</summary>
public sealed record CertificateChecked(CertificateData Data, IReadOnlyList<WarningDto> Warnings);
