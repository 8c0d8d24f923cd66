using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Memorial.Features.Booking;

/// <summary>
/// A site publishes a booking day with its slots (<c>POST /api/v1/memorial/sites/{institutionId}/days</c>): only its own
/// staff (403 otherwise); the date not before China's today; slots that end after they start and do not overlap, each
/// with at least one place and no negative car places; a party limit of at least one; a recent-grave quota no larger
/// than any slot; booking opening before the day starts. One day per site and date: a second is refused with 409 by the
/// unique index, whoever publishes it first.
/// </summary>
public sealed class PublishDayHandler(HereafterDbContext db, TimeProvider clock)
{
    /// <summary>More slots than a day has quarter hours is a mistake, not a timetable.</summary>
    public const int MaxSlots = 96;

    public async Task<DayPublished> HandleAsync(Actor actor, Guid institutionId, PublishDayRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MemorialAccess.RunsSite(actor, institutionId)) throw ProblemException.Forbidden(new Message("memorial.days.own-site-only"));
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        var today = ChinaTime.Today(clock);
        if (request.Date < today) errors.Add("date", new Message("memorial.days.date-past").With("today", today.ToString("yyyy-MM-dd")));
        if (request.PartyLimit < 1) errors.Add("partyLimit", new Message("memorial.days.party-limit-invalid"));
        var quota = request.RecentGraveQuota ?? 0;
        if (quota < 0) errors.Add("recentGraveQuota", new Message("memorial.days.quota-negative"));
        var slots = request.Slots ?? [];
        if (slots.Count == 0) errors.Add("slots", new Message("memorial.days.slots-required"));
        if (slots.Count > MaxSlots) errors.Add("slots", new Message("memorial.days.too-many-slots").With("max", MaxSlots));
        for (var i = 0; i < slots.Count && slots.Count <= MaxSlots; i++)
        {
            var slot = slots[i];
            var field = $"slots[{i}]";
            if (slot is null)
            {
                errors.Add(field, new Message("memorial.days.slots-required"));
                continue;
            }
            if (slot.End <= slot.Start) errors.Add($"{field}.end", new Message("memorial.days.slot-end-before-start"));
            if (slot.People < 1) errors.Add($"{field}.people", new Message("memorial.days.slot-people-invalid"));
            if (slot.Cars < 0) errors.Add($"{field}.cars", new Message("memorial.days.slot-cars-invalid"));
            if (quota > 0 && slot.People >= 1 && quota > slot.People)
                errors.Add("recentGraveQuota", new Message("memorial.days.quota-over-slot").With("people", slot.People).With("start", Hm(slot.Start)));
        }
        if (!errors.Has("slots"))
        {
            // Sorted by start, each slot must start at or after the end of the one before.
            var ordered = slots.Select((s, i) => (Slot: s!, Index: i)).Where(s => s.Slot.End > s.Slot.Start).OrderBy(s => s.Slot.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (before, after) = (ordered[i - 1], ordered[i]);
                if (after.Slot.Start < before.Slot.End)
                    errors.Add($"slots[{after.Index}].start", new Message("memorial.days.slots-overlap")
                        .With("start", Hm(after.Slot.Start)).With("end", Hm(after.Slot.End))
                        .With("otherStart", Hm(before.Slot.Start)).With("otherEnd", Hm(before.Slot.End)));
            }
        }
        var dayStarts = ChinaTime.StartOfDayUtc(request.Date);
        if (request.OpensAt == default) errors.Add("opensAt", new Message("memorial.days.opens-at-required"));
        else if (request.OpensAt >= dayStarts)
            errors.Add("opensAt", new Message("memorial.days.opens-at-after-day").With("date", request.Date.ToString("yyyy-MM-dd")));
        errors.ThrowIfAny();

        var siteName = await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == institutionId).Select(o => o.Name).SingleOrDefaultAsync(ct)
                       ?? throw ProblemException.NotFound(new Message("memorial.site.not-found"));
        var day = new MemorialDay
        {
            Id = Guid.NewGuid(), InstitutionId = institutionId, Date = request.Date, OpensAt = request.OpensAt.ToUniversalTime(),
            PartyLimit = request.PartyLimit, RecentGraveQuota = quota, PublishedBy = Truncate(actor.Name, 100), PublishedAt = now,
            Slots = slots.OrderBy(s => s!.Start).Select(s => new MemorialSlot
            {
                Id = Guid.NewGuid(), InstitutionId = institutionId, Date = request.Date, Start = s!.Start, End = s.End,
                People = s.People, Cars = s.Cars, RecentQuota = quota,
            }).ToList(),
        };
        db.Add(day);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            var existing = await db.Set<MemorialDay>().AsNoTracking().Where(d => d.InstitutionId == institutionId && d.Date == request.Date)
                .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
            throw new ProblemException(StatusCodes.Status409Conflict, "Conflict",
                new Message("memorial.days.already-published").With("date", request.Date.ToString("yyyy-MM-dd")))
            {
                Extensions = new Dictionary<string, object?> { ["id"] = existing },
            };
        }
        return new DayPublished(day.Id, institutionId, day.Date,
            day.Slots.Select(s => SlotTimes.View(s, siteName, day.PartyLimit, day.OpensAt, now)).ToList());
    }

    internal static string Hm(TimeOnly t) => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
