using System.ComponentModel.DataAnnotations;
using Hereafter.Domain.Custody;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.RecordPickup;

/// <summary>
/// 接运: the certificate presented, by its number or by the QR code scanned from it (the token alone or the whole
/// verification URL), when and where the body was collected.
/// </summary>
public sealed record RecordPickupRequest(
    [property: FreeText(40, ErrorMessage = "custody.pickup.document-invalid")] string? CertificateNumber,
    [property: FreeText(1000, ErrorMessage = "custody.pickup.document-invalid")] string? Scanned,
    DateTimeOffset? PickedUpAt,
    [property: Required(ErrorMessage = "custody.pickup.from-address-invalid")]
    [property: FreeText(200, ErrorMessage = "custody.pickup.from-address-invalid")]
    string? FromAddress);

/// <summary>What a counter's one field holds: a scanned QR code (the whole /verify URL, or a token longer than any number) or a typed number.</summary>
public static class PresentedDocument
{
    /// <summary>Certificate numbers are at most 32 characters; a signed token is longer, a URL has slashes.</summary>
    public static bool IsScan(string text) => text.Contains('/', StringComparison.Ordinal) || text.Trim().Length > 32;

    public static RecordPickupRequest Request(string? presented, DateTimeOffset? pickedUpAt, string? fromAddress)
    {
        var text = presented?.Trim();
        return string.IsNullOrEmpty(text) ? new RecordPickupRequest(null, null, pickedUpAt, fromAddress)
            : IsScan(text) ? new RecordPickupRequest(null, text, pickedUpAt, fromAddress)
            : new RecordPickupRequest(text, null, pickedUpAt, fromAddress);
    }
}

/// <summary>The new record.</summary>
public sealed record CustodyCreated(Guid Id, CustodyState State);

/// <summary>
/// Opens the custody record of a body a funeral home collects: only against an active death certificate (404 unknown,
/// 409 revoked, superseded or not issued, saying which), one open record per person (the unique
/// <see cref="CustodyRecord.OpenPersonKey"/>: of twenty concurrent pickups one commits, the others get 409 with its id).
/// </summary>
public sealed class RecordPickupHandler(
    HereafterDbContext db, CustodyRecords records, ICertificateStandings standings, IDeathCaseDirectory cases, AuditLog audit, TimeProvider clock)
{
    public async Task<CustodyCreated> HandleAsync(Actor actor, RecordPickupRequest request, CancellationToken ct)
    {
        if (!CustodyAccess.IsFuneralHome(actor)) throw ProblemException.Forbidden(new Message("custody.funeral-home-only"));
        var errors = new FieldErrors();
        RequestValidation.Check(request, "", errors);
        var number = Blank(request.CertificateNumber);
        var scanned = Blank(request.Scanned);
        if (number is null && scanned is null && !errors.Has("certificateNumber") && !errors.Has("scanned"))
            errors.Add("certificateNumber", new Message("custody.pickup.document-required"));
        if (number is not null && scanned is not null) errors.Add("scanned", new Message("custody.pickup.one-document"));
        var now = clock.GetUtcNow();
        CustodyTimes.Check(request.PickedUpAt, "pickedUpAt", now, errors);
        errors.ThrowIfAny();

        var standing = (number is not null ? await standings.ByNumberAsync(number, ct) : await standings.ByScanAsync(scanned!, ct))
                       ?? throw ProblemException.NotFound(new Message("custody.certificate.not-found"));
        if (standing.Status != CertificateStandingStatus.Active) throw NotActive(standing.Status);
        // PostgreSQL stores timestamptz in UTC only; the offset a client sent is not kept.
        var pickedUpAt = request.PickedUpAt!.Value.ToUniversalTime();
        if (pickedUpAt < standing.DeathAt) throw new FieldValidationException("pickedUpAt", new Message("custody.pickup.before-death"));

        var personKey = standing.IdNumber ?? standing.CertificateId.ToString("N");
        if (await OpenRecordAsync(personKey, ct) is { } open) throw AlreadyOpen(open);
        CustodyRecords.Require(new CustodyFacts { CertificateActive = true, DecedentIdNumber = standing.IdNumber, DeathAt = standing.DeathAt }, CustodyStep.PickUp);

        var deathCase = await cases.FindByCertificateNumberAsync(standing.Number, ct);
        var place = request.FromAddress!.Trim();
        var record = new CustodyRecord
        {
            Id = Guid.NewGuid(), CertificateId = standing.CertificateId, CertificateNumber = standing.Number,
            PersonKey = personKey, OpenPersonKey = personKey, CaseId = deathCase?.CaseId,
            DecedentName = standing.DecedentName, Sex = standing.Sex, DecedentIdNumber = standing.IdNumber, DeathAt = standing.DeathAt,
            HouseholdAddress = standing.HouseholdAddress, FuneralHomeId = actor.OrganisationId, State = CustodyState.PickedUp,
            PickedUpAt = pickedUpAt, FromAddress = place, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(record);
        records.AddStep(record, actor, CustodyStep.PickUp, pickedUpAt, place, CustodyTimes.DeathCertificate);
        records.Publish(CustodyEventTypes.PickedUp, record, pickedUpAt, actor.OrganisationId, actor.OrganisationName, place);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await records.SaveAsync(record, ct);
        }
        catch (ProblemException e) when (e.Status == StatusCodes.Status409Conflict)
        {
            // The unique open-person key refused a concurrent pickup of the same person: name the record that won.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            throw await OpenRecordAsync(personKey, ct) is { } winner ? AlreadyOpen(winner) : e;
        }
        await audit.RecordAsync(actor, "custody.picked-up", $"custody:{record.Id}", "custody",
            $"certificate {standing.CertificateId:N} ({(number is null ? "scanned" : "typed")})", ct);
        await tx.CommitAsync(ct);
        return new CustodyCreated(record.Id, record.State);
    }

    private Task<Guid?> OpenRecordAsync(string personKey, CancellationToken ct) =>
        db.Set<CustodyRecord>().AsNoTracking().Where(r => r.OpenPersonKey == personKey).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>409 <c>custody.pickup.already-open</c> with the open record's <c>id</c> (the holder opens it; others learn only that it exists).</summary>
    public static ProblemException AlreadyOpen(Guid id) =>
        new(StatusCodes.Status409Conflict, "Conflict", new Message("custody.pickup.already-open"))
        {
            Extensions = new Dictionary<string, object?> { ["id"] = id },
        };

    /// <summary>409 saying why the certificate may not be acted on, with its standing as <c>standing</c>.</summary>
    public static ProblemException NotActive(CertificateStandingStatus status) =>
        new(StatusCodes.Status409Conflict, "Conflict", new Message(status switch
        {
            CertificateStandingStatus.Revoked => "custody.pickup.certificate-revoked",
            CertificateStandingStatus.Superseded => "custody.pickup.certificate-superseded",
            _ => "custody.pickup.certificate-not-issued",
        }))
        {
            Extensions = new Dictionary<string, object?> { ["standing"] = status.ToCode() },
        };
}
