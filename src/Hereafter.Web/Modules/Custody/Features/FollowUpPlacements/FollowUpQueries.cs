using Hereafter.Domain.Custody;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Custody.Features.FollowUpPlacements;

public sealed record FollowUpLetterRow(
    Guid Id, Guid CustodyId, FollowUpLetterKind Kind, string Recipient, string DecedentName, string FuneralHomeName,
    DateTimeOffset? ReleasedAt, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? SentBy);

public sealed record UnclaimedRow(Guid CustodyId, string DecedentName, string? MaskedIdNumber, string FuneralHomeName, DateTimeOffset? StoredAt, DateTimeOffset? UnclaimedAt);

/// <summary>The bureau's follow-up lists (letters to send, 无主骨灰) and one letter's PDF; reads are audited.</summary>
public sealed class FollowUpQueries(HereafterDbContext db, AuditLog audit, IOptions<CustodyOptions> options)
{
    public static void RequireBureau(Actor actor)
    {
        if (!CustodyAccess.Supervises(actor)) throw ProblemException.Forbidden(new Message("custody.follow-up.bureau-only"));
    }

    public async Task<IReadOnlyList<FollowUpLetterRow>> LettersAsync(Actor actor, bool sent, CancellationToken ct)
    {
        RequireBureau(actor);
        var rows = await (from l in db.Set<FollowUpLetter>().AsNoTracking()
                          join r in db.Set<CustodyRecord>() on l.CustodyId equals r.Id
                          join o in db.Set<Organisation>() on r.FuneralHomeId equals o.Id
                          where sent ? l.SentAt != null : l.SentAt == null
                          orderby l.CreatedAt, l.CustodyId, l.Kind
                          select new FollowUpLetterRow(l.Id, l.CustodyId, l.Kind, l.Recipient, r.DecedentName, o.Name, r.AshesReleasedAt, l.CreatedAt, l.SentAt, l.SentBy))
            .Take(500).ToListAsync(ct);
        await audit.RecordAsync(actor, "custody.follow-up.read", "custody:follow-up-letters", "custody", $"{rows.Count} letters", ct);
        return rows;
    }

    public async Task<IReadOnlyList<UnclaimedRow>> UnclaimedAsync(Actor actor, CancellationToken ct)
    {
        RequireBureau(actor);
        var rows = await (from r in db.Set<CustodyRecord>().AsNoTracking()
                          join o in db.Set<Organisation>() on r.FuneralHomeId equals o.Id
                          where r.State == CustodyState.Unclaimed
                          orderby r.UnclaimedAt
                          select new { r.Id, r.DecedentName, r.DecedentIdNumber, o.Name, r.AshesStoredAt, r.UnclaimedAt })
            .Take(500).ToListAsync(ct);
        await audit.RecordAsync(actor, "custody.unclaimed.read", "custody:unclaimed", "custody", $"{rows.Count} records", ct);
        return rows.Select(r => new UnclaimedRow(r.Id, r.DecedentName, r.DecedentIdNumber is null ? null : Hereafter.Domain.Identity.PersonalDataMask.IdNumber(r.DecedentIdNumber),
            r.Name, r.AshesStoredAt, r.UnclaimedAt)).ToList();
    }

    /// <summary>The letter's PDF and a file name without personal data.</summary>
    public async Task<(byte[] Pdf, string FileName)> PdfAsync(Actor actor, Guid letterId, CancellationToken ct)
    {
        RequireBureau(actor);
        var letter = await db.Set<FollowUpLetter>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId, ct)
                     ?? throw ProblemException.NotFound(new Message("custody.follow-up.letter-not-found"));
        var record = await db.Set<CustodyRecord>().AsNoTracking().FirstAsync(r => r.Id == letter.CustodyId, ct);
        var home = await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == record.FuneralHomeId).Select(o => o.Name).FirstAsync(ct);
        var consent = await db.Set<CremationConsent>().AsNoTracking().FirstOrDefaultAsync(c => c.CustodyId == record.Id, ct);
        var agreement = await db.Set<AshesAgreement>().AsNoTracking().FirstOrDefaultAsync(a => a.CustodyId == record.Id, ct);
        var model = new FollowUpLetterModel(letter.Kind, letter.Recipient, record.DecedentName, record.DeathAt, record.HouseholdAddress, home,
            record.AshesReleasedAt ?? letter.CreatedAt, record.AshesReleasedTo, agreement?.Destination.ChineseName() ?? "未申报",
            consent?.Name, consent?.Phone, options.Value.PlacementFollowUpDays, letter.CreatedAt);
        await audit.RecordAsync(actor, "custody.follow-up.print", $"custody:{record.Id}", "custody", letter.Kind.ToCode(), ct);
        return (FollowUpLetterPdf.Render(model), $"{letter.Kind.ToCode()}-{letter.Id:N}.pdf");
    }
}
