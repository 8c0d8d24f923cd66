using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Memorial.Features.Booking;

/// <summary>The booking API (ADR 0032): days, slots, bookings, passes.</summary>
public static class BookingEndpoints
{
    public static RouteGroupBuilder MapBooking(this RouteGroupBuilder api)
    {
        api.MapPost("/sites/{institutionId:guid}/days", async (Guid institutionId, PublishDayRequest request, HttpContext http, PublishDayHandler handler, CancellationToken ct) =>
            {
                var day = await handler.HandleAsync(Actor.Require(http), institutionId, request, ct);
                return TypedResults.Created($"/api/v1/memorial/slots?site={institutionId}&date={day.Date:yyyy-MM-dd}", day);
            })
            .RequireAuthorization()
            .WithSummary("A cemetery or columbarium publishes a booking day: { date, opensAt, slots: [{ start, end, people, cars }], partyLimit, recentGraveQuota? } → 201")
            .WithDescription("The site's own staff or system only (403 otherwise). 400 with a field error when the date is before today (China date), a slot ends before it starts or overlaps another, people < 1, cars < 0, partyLimit < 1, the recent-grave quota exceeds a slot's people, or opensAt is not before the day starts. 409 { detail, id } when the site already published that date.")
            .Produces<DayPublished>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/slots", async (Guid site, DateOnly date, SlotQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.SlotsAsync(site, date, ct)))
            .AllowAnonymous()
            .WithSummary("Public: a site's slots on a date with the places left (people, cars, recent-grave places) and whether booking is open")
            .WithDescription("peopleLeft is what a general booking may take (the recent-grave quota still unused is held back); recentPlacesLeft what a booking for a grave of the last years may take. open is true from opensAt until the slot ends. An empty list when the site has not published that date.")
            .Produces<IReadOnlyList<SlotView>>();

        api.MapPost("/bookings", async (BookRequest request, HttpContext http, BookHandler handler, CancellationToken ct) =>
            {
                var outcome = await handler.TryHandleAsync(Citizen.Require(http), request, IdempotencyKey(http), ct);
                if (outcome.Refusal is { } refused) return Results.Problem(refused.ToProblemDetails());
                var created = outcome.Booking!;
                return created.Replayed
                    ? Results.Ok(created)
                    : Results.Created($"/api/v1/memorial/bookings/{created.Id}", created);
            })
            .RequireAuthorization(FamilyAuth.ApiPolicy)
            .WithSummary("A citizen books a slot: { slotId, partySize, carPlate?, recentGraveCertificate? } → 201 { id, passToken, passUrl }")
            .WithDescription("Citizen access token only. 400 with a field error for a party size outside 1..the day's limit, a car plate that is not a Chinese plate, a recent-grave certificate that is unknown, not in force or older than the recent-grave years. 409 { detail, ranOut, peopleLeft, carsLeft } when full; 409 { detail, opensAt } before booking opens; 409 when the slot is over; 409 { detail, id } when the citizen (by ID number) already holds a booking at that site that day. An Idempotency-Key header (at most 100 characters) makes a retried request answer 200 with the same booking; the same key with a different body is 422.")
            .Produces<BookingCreated>(StatusCodes.Status201Created)
            .Produces<BookingCreated>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/bookings", async (HttpContext http, MyBookingQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(Citizen.Require(http), ct)))
            .RequireAuthorization(FamilyAuth.ApiPolicy)
            .WithSummary("The citizen's own bookings, newest first, with their passes")
            .Produces<IReadOnlyList<BookingView>>();

        api.MapGet("/bookings/{id:guid}", async (Guid id, HttpContext http, MyBookingQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ReadAsync(Citizen.Require(http), id, ct)))
            .RequireAuthorization(FamilyAuth.ApiPolicy)
            .WithSummary("One of the citizen's bookings (404 when not theirs)")
            .Produces<BookingView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/bookings/{id:guid}", async (Guid id, HttpContext http, CancelBookingHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Citizen.Require(http), id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(FamilyAuth.ApiPolicy)
            .WithSummary("The citizen cancels a booking → 204; its places return at once")
            .WithDescription("404 for someone else's booking; 409 when the pass was used or the slot has ended. Cancelling a cancelled booking is 204.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/passes/{passToken}/check-in", async (string passToken, HttpContext http, CheckInHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), passToken, ct)))
            .RequireAuthorization()
            .WithSummary("Gate staff check a pass in → 200 the first time, 409 { detail, checkedInAt } after")
            .WithDescription("Site staff or system only. 400 when the text is not a pass; 404 when its signature does not verify or no booking matches; 403 at another site; 409 when cancelled, already used (saying when) or outside the slot give or take the grace minutes (saying the slot's times).")
            .Produces<CheckInResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/sites/{institutionId:guid}/bookings", async (Guid institutionId, DateOnly date, HttpContext http, SiteBookingQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(Actor.Require(http), institutionId, date, ct)))
            .RequireAuthorization()
            .WithSummary("The site's bookings of a day, for its own staff (ID numbers masked; audited)")
            .Produces<IReadOnlyList<BookingView>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static string? IdempotencyKey(HttpContext http)
    {
        var values = http.Request.Headers[BookHandler.IdempotencyKeyField];
        if (values.Count > 1)
            throw new FieldValidationException(BookHandler.IdempotencyKeyField,
                new Message("memorial.booking.idempotency-key-invalid").With("max", BookHandler.MaxIdempotencyKeyLength));
        return values.Count == 1 ? values[0] : null;
    }
}
