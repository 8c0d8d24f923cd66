using Hereafter.Domain.Custody;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Custody.Features.FollowUpPlacements;

public sealed record FollowUpResult(int Letters, int Unclaimed);

/// <summary>
/// The follow-up of ashes never placed (DOMAIN.md §7): ashes released (or taken home) and not placed
/// <see cref="CustodyOptions.PlacementFollowUpDays"/> China days after their release get a reminder letter to the
/// person in charge and a 骨灰去向告知函 to the township of household registration; ashes stored for
/// <see cref="CustodyOptions.UnclaimedAfterDays"/> become 无主骨灰. Days are China calendar days: released on
/// 1 January (Beijing time), due on 1 April at 00:00 Beijing time with the default 90. Safe to run concurrently: a
/// letter is unique per record and kind, a state change goes through the record's version.
/// </summary>
public sealed class PlacementFollowUp(HereafterDbContext db, CustodyRecords records, AuditLog audit, IOptions<CustodyOptions> options, TimeProvider clock)
{
    /// <summary>Who the job's timeline lines and audit entries name.</summary>
    public static readonly Actor Job = new("custody-follow-up", "骨灰去向跟踪作业", Guid.Empty, "", null, new HashSet<string>());

    public async Task<FollowUpResult> SweepAsync(CancellationToken ct)
    {
        // The supervision list's rule (CustodyDeadlines): what it shows as overdue is what gets a letter.
        var now = clock.GetUtcNow();
        var letters = await WriteLettersAsync(CustodyDeadlines.StartedBefore(now, options.Value.PlacementFollowUpDays), ct);
        var unclaimed = await MarkUnclaimedAsync(CustodyDeadlines.StartedBefore(now, options.Value.UnclaimedAfterDays), ct);
        if (letters + unclaimed > 0)
            await audit.RecordAsync(Job, "custody.follow-up", "custody", "custody", $"{letters} letters, {unclaimed} unclaimed", ct);
        return new FollowUpResult(letters, unclaimed);
    }

    private async Task<int> WriteLettersAsync(DateTimeOffset releasedBefore, CancellationToken ct)
    {
        var due = await db.Set<CustodyRecord>().AsNoTracking()
            .Where(r => r.State == CustodyState.AshesReleased && r.AshesReleasedAt < releasedBefore)
            .Where(r => db.Set<FollowUpLetter>().Count(l => l.CustodyId == r.Id) < 2)
            .Select(r => new { r.Id, r.HouseholdAddress, r.AshesReleasedTo })
            .ToListAsync(ct);
        var written = 0;
        foreach (var record in due)
        {
            var inCharge = await db.Set<CremationConsent>().AsNoTracking().Where(c => c.CustodyId == record.Id).Select(c => c.Name).FirstOrDefaultAsync(ct);
            var recipients = new[]
            {
                (FollowUpLetterKind.Reminder, inCharge ?? record.AshesReleasedTo ?? "丧事承办人"),
                (FollowUpLetterKind.TownshipNotice, Township.Of(record.HouseholdAddress)),
            };
            foreach (var (kind, recipient) in recipients)
            {
                if (await db.Set<FollowUpLetter>().AnyAsync(l => l.CustodyId == record.Id && l.Kind == kind, ct)) continue;
                db.Add(new FollowUpLetter { Id = Guid.NewGuid(), CustodyId = record.Id, Kind = kind, Recipient = recipient, CreatedAt = clock.GetUtcNow() });
                try
                {
                    await db.SaveChangesAsync(ct);
                    written++;
                }
                catch (DbUpdateException e) when (UniqueViolation.Is(e))
                {
                    // Another node wrote it between our check and our insert: one letter, as it should be.
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
        return written;
    }

    private async Task<int> MarkUnclaimedAsync(DateTimeOffset storedBefore, CancellationToken ct)
    {
        var ids = await db.Set<CustodyRecord>().AsNoTracking()
            .Where(r => r.State == CustodyState.AshesStored && r.AshesStoredAt < storedBefore)
            .Select(r => r.Id).ToListAsync(ct);
        var marked = 0;
        foreach (var id in ids)
        {
            var record = await db.Set<CustodyRecord>().FirstAsync(r => r.Id == id, ct);
            var refusals = CustodyLoop.Refusals(await records.FactsAsync(record, !record.Frozen, ct), CustodyStep.MarkUnclaimed);
            if (refusals.Count > 0)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            var now = clock.GetUtcNow();
            record.State = CustodyState.Unclaimed;
            record.UnclaimedAt = now;
            records.AddStep(record, Job, CustodyStep.MarkUnclaimed, now, note: $"寄存满 {options.Value.UnclaimedAfterDays} 天无人认领");
            try
            {
                await records.SaveAsync(record, ct);
                marked++;
            }
            catch (ProblemException e) when (e.Status == StatusCodes.Status409Conflict)
            {
                // Changed meanwhile (another node marked it, or the family came): the next run looks again.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return marked;
    }
}
