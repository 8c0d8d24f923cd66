using System.Data.Common;
using System.Text.Json.Serialization;
using Hereafter.Domain.Input;
using Hereafter.Domain.Memorial;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Hereafter.Web.Modules.Memorial.Features.Booking;

/// <summary>A booking made (or found again by its key), or the refusal to answer.</summary>
public sealed record BookingOutcome(BookingCreated? Booking, ProblemException? Refusal);

/// <summary>
/// A citizen books a slot (<c>POST /api/v1/memorial/bookings</c>; ADR 0032). The places are taken by one conditional
/// UPDATE of the slot's counters, in the same transaction as the booking's INSERT: the database decides who gets the last
/// place, on any number of nodes, and its check constraints refuse an overbooking whatever the code does. Before that,
/// one read of the slot refuses at once what cannot succeed (not open yet, over, full, party too large). The pass is signed
/// before the transaction and inserted with the booking: no lock is held while it is signed, and a booking never lacks its pass. The same <c>Idempotency-Key</c> from the same citizen returns the same booking, whether the first
/// request finished or is still running; with another body it is refused (422).
/// </summary>
public sealed class BookHandler(
    HereafterDbContext db, BookingPasses passes, ICertificateStandings standings, IOptions<MemorialOptions> options, TimeProvider clock)
{
    public const int MaxIdempotencyKeyLength = 100;
    public const string IdempotencyKeyField = "Idempotency-Key";

    public async Task<BookingCreated> HandleAsync(Citizen citizen, BookRequest request, string? idempotencyKey, CancellationToken ct)
    {
        var outcome = await TryHandleAsync(citizen, request, idempotencyKey, ct);
        return outcome.Booking ?? throw outcome.Refusal!;
    }

    /// <summary>
    /// As <see cref="HandleAsync"/>, but the rush's expected refusals (409: not open, over, full, already booked) are
    /// returned rather than thrown: most answers of a Qingming morning are "full", and a throw through the middleware
    /// costs more than the answer. Invalid input (400), an unknown slot (404) and a reused key (422) are still thrown.
    /// </summary>
    public async Task<BookingOutcome> TryHandleAsync(Citizen citizen, BookRequest request, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        ArgumentNullException.ThrowIfNull(request);
        var wanted = Validate(request, idempotencyKey);

        // One round trip: the slot with its day, and the booking an earlier request with the same key made, if any
        // (at most one: the key is unique per citizen).
        var slot = wanted.Key is null
            ? await ReadSlot(db, wanted.SlotId)
            : await ReadSlotAndKey(db, wanted.SlotId, citizen.Subject, wanted.Key);
        if (slot?.Earlier is { } earlier) return new(await ReplayAsync(earlier, wanted, ct), null);
        if (slot is null)
        {
            // The key may have booked another slot: a reused key is 422 whatever slot it names now.
            if (wanted.Key is not null && await ByKeyAsync(citizen.Subject, wanted.Key, ct) is { } other) return new(await ReplayAsync(other, wanted, ct), null);
            throw ProblemException.NotFound(new Message("memorial.slot.not-found"));
        }
        var now = clock.GetUtcNow();
        if (now < slot.OpensAt)
            return Refused(new ProblemException(StatusCodes.Status409Conflict, "Conflict",
                new Message("memorial.booking.not-open-yet").With("opensAt", ChinaTime.Minutes(slot.OpensAt)))
            {
                Extensions = new Dictionary<string, object?> { ["opensAt"] = ChinaTime.ToChina(slot.OpensAt) },
            });
        if (now >= SlotTimes.EndsAt(slot.Slot.Date, slot.Slot.End))
            return Refused(ProblemException.Conflict(new Message("memorial.booking.slot-over")
                .With("date", slot.Slot.Date.ToString("yyyy-MM-dd")).With("end", PublishDayHandler.Hm(slot.Slot.End))));
        if (wanted.PartySize > slot.PartyLimit)
            throw new FieldValidationException("partySize", new Message("memorial.booking.party-over-limit").With("limit", slot.PartyLimit));
        if (wanted.RecentGraveCertificate is { } number) await CheckRecentGraveAsync(number, slot.Slot.Date, ct);
        // Cheap early answer: when the read already shows no room, no transaction is started.
        if (Shortage(SlotPlaces.Of(slot.Slot), wanted) is { } full) return Refused(full);

        var booking = new MemorialBooking
        {
            Id = Guid.NewGuid(), SlotId = slot.Slot.Id, InstitutionId = slot.Slot.InstitutionId, Date = slot.Slot.Date, ActiveDate = slot.Slot.Date,
            CitizenSubject = citizen.Subject, CitizenName = PublishDayHandler.Truncate(citizen.Name, 50),
            CitizenIdNumber = citizen.IdNumber.Trim().ToUpperInvariant(), Phone = PublishDayHandler.Truncate(citizen.Phone, 20),
            PartySize = wanted.PartySize, CarPlate = wanted.CarPlate, RecentGraveCertificate = wanted.RecentGraveCertificate,
            IdempotencyKey = wanted.Key, BookedAt = now,
        };
        // Signed before the transaction (everything it covers is known now), so the pass commits with the booking in one
        // statement and no lock is held while SM2 works; a signature is wasted only when the slot fills meanwhile.
        booking.PassToken = await passes.SignAsync(PassFacts.Of(booking), ct);
        bool taken;
        try
        {
            taken = db.IsPostgres ? await InsertOnPostgresAsync(booking, ct) : await InsertOnSqliteAsync(booking, ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return await AfterUniqueViolationAsync(booking, wanted, ct);
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            return await AfterUniqueViolationAsync(booking, wanted, ct);
        }
        if (!taken)
        {
            var places = await db.Set<MemorialSlot>().AsNoTracking().Where(s => s.Id == booking.SlotId)
                .Select(s => new SlotPlaces(s.People, s.Cars, s.RecentQuota, s.GeneralBooked, s.RecentBooked, s.CarsBooked)).SingleAsync(ct);
            // Between the conditional UPDATE and this read a cancellation may have freed a place: still the same answer
            // (first come, first served at the UPDATE), saying what is left now.
            return Refused(Shortage(places, wanted) ?? Full("memorial.booking.full-people", places));
        }
        return new(new BookingCreated(booking.Id, booking.PassToken, passes.Url(booking.Id)), null);
    }

    private static BookingOutcome Refused(ProblemException refusal) => new(null, refusal);

    private sealed record SlotRead(MemorialSlot Slot, DateTimeOffset OpensAt, int PartyLimit, MemorialBooking? Earlier);

    // Compiled once: the hot read of every attempt skips LINQ translation and the query cache's lookup.
    private static readonly Func<HereafterDbContext, Guid, Task<SlotRead?>> ReadSlot = EF.CompileAsyncQuery(
        (HereafterDbContext db, Guid slotId) =>
            (from s in db.Set<MemorialSlot>().AsNoTracking()
             join d in db.Set<MemorialDay>().AsNoTracking() on s.DayId equals d.Id
             where s.Id == slotId
             select new SlotRead(s, d.OpensAt, d.PartyLimit, null)).FirstOrDefault());

    private static readonly Func<HereafterDbContext, Guid, string, string, Task<SlotRead?>> ReadSlotAndKey = EF.CompileAsyncQuery(
        (HereafterDbContext db, Guid slotId, string subject, string key) =>
            (from s in db.Set<MemorialSlot>().AsNoTracking()
             join d in db.Set<MemorialDay>().AsNoTracking() on s.DayId equals d.Id
             from e in db.Set<MemorialBooking>().AsNoTracking().Where(b => b.CitizenSubject == subject && b.IdempotencyKey == key).DefaultIfEmpty()
             where s.Id == slotId
             select new SlotRead(s, d.OpensAt, d.PartyLimit, e)).FirstOrDefault());

    /// <summary>The request, checked and normalised: 400 with every field's problem.</summary>
    private static Wanted Validate(BookRequest request, string? idempotencyKey)
    {
        var errors = new FieldErrors();
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key is not null && FreeText.Check(key, MaxIdempotencyKeyLength) != FreeTextProblems.None)
            errors.Add(IdempotencyKeyField, new Message("memorial.booking.idempotency-key-invalid").With("max", MaxIdempotencyKeyLength));
        if (request.SlotId == Guid.Empty) errors.Add("slotId", new Message("memorial.booking.slot-required"));
        if (request.PartySize < 1) errors.Add("partySize", new Message("memorial.booking.party-size-invalid"));
        string? plate = null;
        if (!string.IsNullOrWhiteSpace(request.CarPlate))
        {
            plate = CarPlate.Normalise(request.CarPlate);
            if (plate is null) errors.Add("carPlate", new Message("memorial.booking.car-plate-invalid"));
        }
        var certificate = string.IsNullOrWhiteSpace(request.RecentGraveCertificate) ? null : request.RecentGraveCertificate.Trim();
        if (certificate is not null && (certificate.Length > 32 || certificate.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-')))
            errors.Add("recentGraveCertificate", new Message("memorial.booking.recent-grave-unknown"));
        errors.ThrowIfAny();
        return new Wanted(request.SlotId, request.PartySize, plate, certificate, key);
    }

    /// <summary>What a booking asks for, normalised; a retry must ask for the same.</summary>
    private sealed record Wanted(Guid SlotId, int PartySize, string? CarPlate, string? RecentGraveCertificate, string? Key)
    {
        public bool RecentGrave => RecentGraveCertificate is not null;
        public int Cars => CarPlate is null ? 0 : 1;

        public bool SameAs(MemorialBooking b) =>
            b.SlotId == SlotId && b.PartySize == PartySize && b.CarPlate == CarPlate && b.RecentGraveCertificate == RecentGraveCertificate;
    }

    /// <summary>409 saying what ran out (people, the places outside the recent-grave quota, or parking) and what is left; null when there is room.</summary>
    private static ProblemException? Shortage(SlotPlaces places, Wanted wanted)
    {
        if (places.LeftFor(wanted.RecentGrave) < wanted.PartySize)
            return Full(!wanted.RecentGrave && places.RecentPlacesLeft >= wanted.PartySize ? "memorial.booking.full-general" : "memorial.booking.full-people",
                places, wanted.RecentGrave);
        return places.CarsLeft < wanted.Cars ? Full("memorial.booking.full-cars", places, wanted.RecentGrave) : null;
    }

    private static ProblemException Full(string key, SlotPlaces places, bool recentGrave = false)
    {
        var left = places.LeftFor(recentGrave);
        return new ProblemException(StatusCodes.Status409Conflict, "Conflict",
            new Message(key).With("left", left).With("carsLeft", places.CarsLeft).With("quota", places.RecentQuota))
        {
            Extensions = new Dictionary<string, object?>
            {
                ["ranOut"] = key == "memorial.booking.full-cars" ? "cars" : "people",
                ["peopleLeft"] = left,
                ["carsLeft"] = places.CarsLeft,
            },
        };
    }

    /// <summary>
    /// A booking against the recent-grave quota names the grave's active death certificate, the death within
    /// <see cref="MemorialOptions.RecentGraveYears"/> years before the visit.
    /// </summary>
    private async Task CheckRecentGraveAsync(string number, DateOnly visit, CancellationToken ct)
    {
        var standing = await standings.ByNumberAsync(number, ct);
        if (standing is null) throw new FieldValidationException("recentGraveCertificate", new Message("memorial.booking.recent-grave-unknown"));
        if (standing.Status != CertificateStandingStatus.Active)
            throw new FieldValidationException("recentGraveCertificate", new Message("memorial.booking.recent-grave-not-active"));
        var years = options.Value.RecentGraveYears;
        if (ChinaTime.DateOf(standing.DeathAt) < visit.AddYears(-years))
            throw new FieldValidationException("recentGraveCertificate", new Message("memorial.booking.recent-grave-too-old").With("years", years));
    }

    /// <summary>
    /// PostgreSQL: the UPDATE and the INSERT are one statement (a data-modifying CTE), so the slot's row lock is held for
    /// that statement and its commit only: one round trip. No room → the UPDATE returns no row and nothing is inserted.
    /// </summary>
    private async Task<bool> InsertOnPostgresAsync(MemorialBooking b, CancellationToken ct)
    {
        const string sql = """
            WITH room AS (
                UPDATE memorial_slots
                SET "GeneralBooked" = "GeneralBooked" + @general, "RecentBooked" = "RecentBooked" + @recent, "CarsBooked" = "CarsBooked" + @cars
                WHERE "Id" = @slot
                  AND "GeneralBooked" + "RecentBooked" + @party <= "People"
                  AND "GeneralBooked" + @general <= "People" - "RecentQuota"
                  AND "CarsBooked" + @cars <= "Cars"
                RETURNING "Id", "InstitutionId", "Date")
            INSERT INTO memorial_bookings ("Id", "SlotId", "InstitutionId", "Date", "ActiveDate", "CitizenSubject", "CitizenName",
                "CitizenIdNumber", "Phone", "PartySize", "CarPlate", "RecentGraveCertificate", "IdempotencyKey", "BookedAt", "PassToken")
            SELECT @id, "Id", "InstitutionId", "Date", "Date", @subject, @name, @idNumber, @phone, @party, @plate, @certificate, @key, @bookedAt, @pass
            FROM room
            """;
        var recent = b.RecentGraveCertificate is not null;
        var inserted = await db.Database.ExecuteSqlRawAsync(sql,
        [
            Param("general", NpgsqlDbType.Integer, recent ? 0 : b.PartySize),
            Param("recent", NpgsqlDbType.Integer, recent ? b.PartySize : 0),
            Param("cars", NpgsqlDbType.Integer, b.CarPlate is null ? 0 : 1),
            Param("party", NpgsqlDbType.Integer, b.PartySize),
            Param("slot", NpgsqlDbType.Uuid, b.SlotId),
            Param("id", NpgsqlDbType.Uuid, b.Id),
            Param("subject", NpgsqlDbType.Varchar, b.CitizenSubject),
            Param("name", NpgsqlDbType.Varchar, b.CitizenName),
            Param("idNumber", NpgsqlDbType.Varchar, b.CitizenIdNumber),
            Param("phone", NpgsqlDbType.Varchar, b.Phone),
            Param("plate", NpgsqlDbType.Varchar, b.CarPlate),
            Param("certificate", NpgsqlDbType.Varchar, b.RecentGraveCertificate),
            Param("key", NpgsqlDbType.Varchar, b.IdempotencyKey),
            Param("bookedAt", NpgsqlDbType.TimestampTz, b.BookedAt.ToUniversalTime()),
            Param("pass", NpgsqlDbType.Varchar, b.PassToken),
        ], ct);
        return inserted == 1;
    }

    private static NpgsqlParameter Param(string name, NpgsqlDbType type, object? value) => new(name, type) { Value = value ?? DBNull.Value };

    /// <summary>SQLite (one writer at a time): the INSERT, then the conditional UPDATE, in one transaction.</summary>
    private async Task<bool> InsertOnSqliteAsync(MemorialBooking b, CancellationToken ct)
    {
        var recent = b.RecentGraveCertificate is not null ? b.PartySize : 0;
        var general = b.PartySize - recent;
        var cars = b.CarPlate is null ? 0 : 1;
        var party = b.PartySize;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(b);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.Entry(b).State = EntityState.Detached;
        }
        var updated = await db.Set<MemorialSlot>()
            .Where(s => s.Id == b.SlotId && s.GeneralBooked + s.RecentBooked + party <= s.People
                        && s.GeneralBooked + general <= s.People - s.RecentQuota && s.CarsBooked + cars <= s.Cars)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.GeneralBooked, s => s.GeneralBooked + general)
                .SetProperty(s => s.RecentBooked, s => s.RecentBooked + recent)
                .SetProperty(s => s.CarsBooked, s => s.CarsBooked + cars), ct);
        if (updated != 1)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        await tx.CommitAsync(ct);
        return true;
    }

    private Task<MemorialBooking?> ByKeyAsync(string subject, string key, CancellationToken ct) =>
        db.Set<MemorialBooking>().AsNoTracking().FirstOrDefaultAsync(b => b.CitizenSubject == subject && b.IdempotencyKey == key, ct);

    /// <summary>The retried request's booking: the same one when it asks for the same, 422 when the key is reused for another.</summary>
    private async Task<BookingCreated> ReplayAsync(MemorialBooking earlier, Wanted wanted, CancellationToken ct)
    {
        if (!wanted.SameAs(earlier))
            throw new ProblemException(StatusCodes.Status422UnprocessableEntity, "Unprocessable entity",
                new Message("memorial.booking.idempotency-key-reused"))
            {
                Extensions = new Dictionary<string, object?> { ["id"] = earlier.Id },
            };
        var token = await passes.EnsureAsync(PassFacts.Of(earlier), ct);
        return new BookingCreated(earlier.Id, token, passes.Url(earlier.Id)) { Replayed = true };
    }

    /// <summary>
    /// A unique index refused the INSERT: the same key's request committed first (answer its booking), or the citizen
    /// already holds a booking at this site that day (409 naming its slot).
    /// </summary>
    private async Task<BookingOutcome> AfterUniqueViolationAsync(MemorialBooking b, Wanted wanted, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (wanted.Key is not null && await ByKeyAsync(b.CitizenSubject, wanted.Key, ct) is { } winner)
            return new(await ReplayAsync(winner, wanted, ct), null);
        var held = await (from x in db.Set<MemorialBooking>().AsNoTracking()
                          join s in db.Set<MemorialSlot>() on x.SlotId equals s.Id
                          where x.InstitutionId == b.InstitutionId && x.CitizenIdNumber == b.CitizenIdNumber && x.ActiveDate == b.Date
                          select new { x.Id, s.Start, s.End }).FirstOrDefaultAsync(ct);
        if (held is null) return Refused(ProblemException.Conflict(new Message("memorial.booking.try-again")));
        return Refused(new ProblemException(StatusCodes.Status409Conflict, "Conflict", new Message("memorial.booking.already-booked")
            .With("date", b.Date.ToString("yyyy-MM-dd")).With("start", PublishDayHandler.Hm(held.Start)).With("end", PublishDayHandler.Hm(held.End)))
        {
            Extensions = new Dictionary<string, object?> { ["id"] = held.Id },
        });
    }
}
