using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Platform.Signing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Memorial.Features.Booking;

/// <summary>
/// Gate staff scan a pass (<c>POST /api/v1/memorial/passes/{passToken}/check-in</c>): its signature must verify (400 for
/// something that is not a pass at all, 404 for a forged or unknown one), it is valid at its own site only (403), in its
/// slot give or take <see cref="MemorialOptions.PassGraceMinutes"/> (409 naming the slot), and once: one conditional
/// UPDATE marks it used, so of two scanners one succeeds and the other is told when it was used (409).
/// </summary>
public sealed class CheckInHandler(HereafterDbContext db, CertificateTokens tokens, AuditLog audit, IOptions<MemorialOptions> options, TimeProvider clock)
{
    public async Task<CheckInResult> HandleAsync(Actor actor, string passToken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MemorialAccess.IsSite(actor)) throw ProblemException.Forbidden(new Message("memorial.pass.site-staff-only"));
        var token = TokenOf(passToken);
        var check = await tokens.VerifyAsync(token, ct);
        if (!check.Valid)
            throw check.Reason is "bad signature" or "unknown signing key"
                ? ProblemException.NotFound(new Message("memorial.pass.not-genuine"))
                : ProblemException.BadRequest(new Message("memorial.pass.unreadable"));
        if (check.Payload!.Format != CertificateTokens.BookingPassFormat) throw ProblemException.BadRequest(new Message("memorial.pass.not-a-pass"));

        var id = check.Payload.VersionId;
        var found = await FindAsync(id, ct);
        if (found is null
            || !BookingPasses.Digest(found.Booking.Id, found.Booking.SlotId, found.Booking.InstitutionId, found.Booking.Date,
                found.Booking.CitizenIdNumber, found.Booking.PartySize, found.Booking.CarPlate).AsSpan().SequenceEqual(check.Payload.ContentDigest))
            throw ProblemException.NotFound(new Message("memorial.pass.not-genuine"));
        if (found.Booking.InstitutionId != actor.OrganisationId)
            throw ProblemException.Forbidden(new Message("memorial.pass.other-site").With("site", found.SiteName));
        if (Refusal(found) is { } refused) throw refused;

        var now = clock.GetUtcNow();
        var grace = TimeSpan.FromMinutes(options.Value.PassGraceMinutes);
        var starts = SlotTimes.StartsAt(found.Booking.Date, found.Start);
        var ends = SlotTimes.EndsAt(found.Booking.Date, found.End);
        if (now < starts - grace || now > ends + grace)
            throw new ProblemException(StatusCodes.Status409Conflict, "Conflict", new Message(now < starts ? "memorial.pass.too-early" : "memorial.pass.too-late")
                .With("date", found.Booking.Date.ToString("yyyy-MM-dd")).With("start", PublishDayHandler.Hm(found.Start))
                .With("end", PublishDayHandler.Hm(found.End)).With("grace", options.Value.PassGraceMinutes))
            {
                Extensions = new Dictionary<string, object?> { ["slotStart"] = ChinaTime.ToChina(starts), ["slotEnd"] = ChinaTime.ToChina(ends) },
            };

        var by = PublishDayHandler.Truncate(actor.Name, 100);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.Set<MemorialBooking>().Where(b => b.Id == id && b.CheckedInAt == null && b.CancelledAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.CheckedInAt, now).SetProperty(b => b.CheckedInBy, by), ct);
        if (marked == 0)
        {
            await tx.RollbackAsync(ct);
            throw (await FindAsync(id, ct) is { } after ? Refusal(after) : null) ?? ProblemException.NotFound(new Message("memorial.pass.not-genuine"));
        }
        // The gate sees the visitor's name and plate: personal data read by staff.
        await audit.RecordAsync(actor, "memorial.pass.checked-in", $"memorial-booking:{id}", "memorial",
            $"{found.Booking.Date:yyyy-MM-dd} {PublishDayHandler.Hm(found.Start)}-{PublishDayHandler.Hm(found.End)}, party {found.Booking.PartySize}", ct);
        await tx.CommitAsync(ct);
        var b = found.Booking;
        return new CheckInResult(b.Id, found.SiteName, b.Date, found.Start, found.End, b.PartySize, b.CarPlate, b.CitizenName, ChinaTime.ToChina(now));
    }

    /// <summary>The token of a scan: the token itself or an address ending in it (a route value keeps its slashes encoded).</summary>
    public static string TokenOf(string? scanned)
    {
        var text = (scanned?.Trim() ?? "").Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var slash = text.LastIndexOf('/');
        return slash >= 0 ? text[(slash + 1)..] : text;
    }

    private sealed record Found(MemorialBooking Booking, TimeOnly Start, TimeOnly End, string SiteName);

    private Task<Found?> FindAsync(Guid id, CancellationToken ct) =>
        (from b in db.Set<MemorialBooking>().AsNoTracking()
         join s in db.Set<MemorialSlot>() on b.SlotId equals s.Id
         join o in db.Set<Organisation>() on b.InstitutionId equals o.Id
         where b.Id == id
         select new Found(b, s.Start, s.End, o.Name)).FirstOrDefaultAsync(ct);

    private static ProblemException? Refusal(Found found)
    {
        if (found.Booking.CancelledAt is not null) return ProblemException.Conflict(new Message("memorial.pass.cancelled"));
        if (found.Booking.CheckedInAt is { } used)
            return new ProblemException(StatusCodes.Status409Conflict, "Conflict",
                new Message("memorial.pass.used").With("at", ChinaTime.Minutes(used)).With("by", found.Booking.CheckedInBy ?? ""))
            {
                Extensions = new Dictionary<string, object?> { ["checkedInAt"] = ChinaTime.ToChina(used) },
            };
        return null;
    }
}
