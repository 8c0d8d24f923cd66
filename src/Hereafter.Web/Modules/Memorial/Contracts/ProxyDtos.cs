namespace Hereafter.Web.Modules.Memorial.Contracts;

/// <summary>A proxy-sweeping order is <c>ordered</c> until the institution's staff complete it with photos (once).</summary>
public enum ProxyOrderStatus
{
    Ordered,
    Completed,
}

/// <summary>One option a site offers, at its published price today.</summary>
/// <param name="Code">Standard item code, e.g. <c>nonbasic.proxy-sweep.clean</c>: what an order names.</param>
public sealed record ProxyOption(string Code, string Name, string Unit, decimal Price, DateOnly PriceEffectiveFrom);

/// <summary>A cemetery or columbarium whose published list has proxy-sweeping items (<c>GET /api/v1/memorial/proxy-options</c>).</summary>
public sealed record ProxySite(Guid InstitutionId, string Name, string Phone, IReadOnlyList<ProxyOption> Options);

/// <summary><c>POST /api/v1/memorial/proxy-orders</c> (a citizen's token).</summary>
/// <param name="Options">Item codes from the site's published list (<see cref="ProxyOption.Code"/>), each once.</param>
/// <param name="GraveLocation">Section, row and plot or niche, as the family knows them (墓区、排、号).</param>
/// <param name="WantedDate">yyyy-MM-dd, China date, from today on.</param>
/// <param name="ContactPhone">A mainland mobile or a landline with area code; the signed-in citizen's phone when absent.</param>
/// <param name="Message">Optional: the eulogy to read, the words for the card, a wish (at most 2,000 characters).</param>
public sealed record ProxyOrderRequest(
    Guid? InstitutionId, IReadOnlyList<string>? Options, string? DeceasedName, string? GraveLocation, string? WantedDate,
    string? ContactPhone, string? Message);

/// <summary>An ordered option at the price it had when ordered.</summary>
public sealed record ProxyOrderLineView(string Code, string Name, string Unit, decimal Price, DateOnly PriceEffectiveFrom);

/// <summary>A completion photo; <paramref name="Url"/> serves it to the order's citizen and the site's staff only.</summary>
public sealed record ProxyPhotoView(Guid Id, int Number, string Url, string ContentType, int Width, int Height, int Size);

/// <summary>One order as its citizen and the site's staff see it (201 of ordering, 200 of completion and of reading).</summary>
/// <param name="Payment">Always <c>offline</c>: the family pays the institution directly; the platform takes no money.</param>
/// <param name="PaymentNote">What to pay, to whom and how, in the request's language.</param>
/// <param name="PageUrl">The citizen's page of the order.</param>
public sealed record ProxyOrderView(
    Guid Id, Guid InstitutionId, string InstitutionName, string InstitutionPhone, ProxyOrderStatus Status,
    string DeceasedName, string GraveLocation, DateOnly WantedDate, string ContactPhone, string? Message,
    IReadOnlyList<ProxyOrderLineView> Lines, decimal Total, string Payment, string PaymentNote,
    string OrdererName, DateTimeOffset OrderedAt, DateTimeOffset? CompletedAt, string? CompletedBy, string? CompletionNote,
    IReadOnlyList<ProxyPhotoView> Photos, string PageUrl);

/// <summary>A line of a list of orders. For the site's staff the names and the phone are masked.</summary>
public sealed record ProxyOrderSummary(
    Guid Id, Guid InstitutionId, string InstitutionName, ProxyOrderStatus Status, string DeceasedName, string GraveLocation,
    DateOnly WantedDate, string OrdererName, string ContactPhone, IReadOnlyList<string> Options, decimal Total,
    DateTimeOffset OrderedAt, DateTimeOffset? CompletedAt, int Photos);
