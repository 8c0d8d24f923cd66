namespace Hereafter.Web.Modules.Pricing.Contracts;

/// <summary>
/// Prices of published items for other modules that sell a service at its published price (proxy sweeping orders its
/// <c>nonbasic.proxy-sweep.*</c> items): the item as the public list shows it, priced as in force on a China date.
/// Items without a price in force on that date are not published then and are left out.
/// </summary>
public interface IPublishedPrices
{
    /// <summary>
    /// Items whose standard code starts with <paramref name="codePrefix"/>, of one institution or of every institution
    /// (<paramref name="institutionId"/> null), by institution name then list order.
    /// </summary>
    Task<IReadOnlyList<PublishedPrice>> FindAsync(string codePrefix, Guid? institutionId, DateOnly date, CancellationToken ct);
}

/// <summary>One published item and its price in force.</summary>
/// <param name="Code">Standard item code, e.g. <c>nonbasic.proxy-sweep.clean</c>.</param>
/// <param name="Price">Yuan, as in force on the date asked for.</param>
/// <param name="EffectiveFrom">Since when this price is in force.</param>
public sealed record PublishedPrice(
    Guid InstitutionId, string InstitutionName, InstitutionType InstitutionType, string InstitutionPhone,
    Guid ItemId, string Code, string Name, string Unit, decimal Price, DateOnly EffectiveFrom);
