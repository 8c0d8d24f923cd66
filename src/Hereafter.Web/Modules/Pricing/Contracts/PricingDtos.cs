using Hereafter.Domain.Pricing;
using System.ComponentModel.DataAnnotations;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Pricing.Contracts;

/// <summary>One institution in the public directory (<c>GET /api/v1/price-lists</c>).</summary>
/// <param name="Type">funeral-home | cemetery | columbarium | service-shop.</param>
/// <param name="CemeteryKind">public-welfare | commercial for cemeteries; absent otherwise.</param>
/// <param name="UpdatedAt">When the price list last changed (a price approved or published).</param>
public sealed record InstitutionSummary(
    Guid InstitutionId, string Name, InstitutionType Type, string District, DateTimeOffset UpdatedAt,
    CemeteryKind? CemeteryKind, string Address, string Phone);

/// <summary>Plot details of a <c>plot</c> item. <c>Price</c> of the item is the 墓位使用费.</summary>
/// <param name="MaintenanceFeePerYear">维护管理费 per year.</param>
/// <param name="TermYears">Term the use fee covers (e.g. 20 years).</param>
/// <param name="TotalForTerm">墓位使用费 + 维护管理费 × term.</param>
public sealed record PlotDetails(
    PlotType PlotType, string PlotTypeName, decimal AreaM2, decimal MaintenanceFeePerYear, int TermYears, bool PublicWelfare,
    decimal PricePerSquareMetre, decimal TotalForTerm);

/// <summary>One line of the standardized price list, priced as in force on the list's date.</summary>
/// <param name="Code">Standard item code shared across institutions (e.g. <c>basic.cremation</c>), for comparison.</param>
/// <param name="Category">basic | non-basic | goods | plot.</param>
/// <param name="PricingMode">government-guided | reference-range | market.</param>
/// <param name="SubsidyCap">For <c>freeForResidents</c> items: most the city pays for a resident on this item; null = the whole price.</param>
/// <param name="EffectiveFrom">Since when this price is in force.</param>
/// <param name="PreviousPrice">The price before, when it changed.</param>
/// <param name="Warning">The item is under an open price warning.</param>
/// <param name="WarningRules">Rules of its open warnings; absent when none.</param>
public sealed record PriceListItem(
    Guid ItemId, string Code, string Name, PriceCategory Category, string Unit, decimal Price, PricingMode PricingMode,
    decimal? Cap, decimal? RangeMin, decimal? RangeMax, bool FreeForResidents, decimal? SubsidyCap,
    string LegalBasis, string PricingBasis, DateOnly EffectiveFrom, decimal? PreviousPrice, bool Warning,
    IReadOnlyList<WarningRule>? WarningRules, PlotDetails? Plot);

/// <summary>The standardized price list of one institution (<c>GET /api/v1/price-lists/{institutionId}</c>).</summary>
/// <param name="AsOf">China-local date whose prices are shown.</param>
/// <param name="ComplaintPhone">12358 price complaint line.</param>
public sealed record PriceListDto(
    Guid InstitutionId, string Name, InstitutionType Type, string District, CemeteryKind? CemeteryKind, string Address, string Phone,
    string ComplaintPhone, string PricingBasis, IReadOnlyList<PriceListItem> Items, DateTimeOffset UpdatedAt, DateOnly AsOf);

/// <summary>One price of an item's history.</summary>
public sealed record PriceHistoryEntry(decimal Price, DateOnly EffectiveFrom, Guid? PriceChangeId);

/// <summary>A comparable item (standard code) and how many institutions list it.</summary>
public sealed record ComparableItem(string Code, string Name, PriceCategory Category, int Institutions);

/// <summary>One institution's price for a compared item.</summary>
public sealed record ComparisonRow(
    Guid InstitutionId, string InstitutionName, InstitutionType InstitutionType, string District, Guid ItemId, string ItemName,
    string Unit, decimal Price, PricingMode PricingMode, bool FreeForResidents, decimal? SubsidyCap, bool Warning, DateOnly EffectiveFrom);

/// <summary>One item across institutions, cheapest first.</summary>
public sealed record ItemComparison(string Code, string Name, PriceCategory Category, DateOnly AsOf, IReadOnlyList<ComparisonRow> Rows);

/// <summary>A calculator (or bill) line: an item of a published list and how many.</summary>
public sealed record SelectionLine(Guid? ItemId, int? Quantity);

/// <summary>Calculator input: items from any institutions; <c>resident</c> applies resident subsidies.</summary>
public sealed record CalculationRequest(IReadOnlyList<SelectionLine>? Lines, bool Resident = true, string? Date = null);

/// <summary>A priced line: amount = unit price × quantity; subsidy is what the city pays; payable what the family pays.</summary>
public sealed record PricedLine(
    Guid ItemId, Guid InstitutionId, string InstitutionName, string Name, PriceCategory Category, string Unit,
    decimal UnitPrice, int Quantity, decimal Amount, decimal Subsidy, decimal Payable, DateOnly PriceEffectiveFrom);

/// <summary>Calculator answer.</summary>
public sealed record CalculationResult(DateOnly Date, bool Resident, IReadOnlyList<PricedLine> Lines, decimal Total, decimal Subsidy, decimal Payable,
    decimal ResidentSubsidyCapPerFuneral);

/// <summary>Institution staff propose a price (<c>POST /api/v1/institutions/{id}/price-changes</c>).</summary>
/// <param name="EffectiveFrom">yyyy-MM-dd, today or later (China time).</param>
/// <param name="Reason">Required when the price is outside its reference range.</param>
public sealed record ProposePriceChangeRequest(Guid? ItemId, decimal? NewPrice, string? EffectiveFrom, string? Reason);

/// <summary>Answer to a proposal: 201 with the change's id; warnings raised by it (outside the reference range).</summary>
public sealed record PriceChangeCreated(Guid Id, PriceChangeStatus Status, bool OutsideReferenceRange, IReadOnlyList<Guid> WarningIds);

/// <summary>Approval or rejection (rejection requires a reason).</summary>
public sealed record DecisionRequest(string? Reason);

public sealed record PriceChangeDto(
    Guid Id, Guid InstitutionId, string InstitutionName, Guid ItemId, string ItemName, PriceCategory Category, string Unit,
    decimal? CurrentPrice, decimal NewPrice, DateOnly EffectiveFrom, string? Reason, PriceChangeStatus Status, bool OutsideReferenceRange,
    PricingMode PricingMode, decimal? Cap, decimal? RangeMin, decimal? RangeMax,
    DateTimeOffset ProposedAt, string ProposedBy, DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionReason);

/// <summary>A price warning with its evidence (observed value against the threshold).</summary>
/// <param name="Evidence">A sentence in Chinese naming the figures compared.</param>
/// <param name="Observed">The figure that broke the rule (price, price per m², area or rise in percent).</param>
/// <param name="Threshold">The limit it broke.</param>
public sealed record PriceWarningDto(
    Guid Id, Guid InstitutionId, string InstitutionName, Guid ItemId, string ItemName, PriceCategory Category, WarningRule Rule, string RuleName,
    string Evidence, decimal Observed, decimal Threshold, decimal PriceAtWarning, WarningStatus Status, DateTimeOffset RaisedAt,
    Guid? PriceChangeId, DateTimeOffset? ClosedAt, string? ClosedBy, string? CloseNote);

/// <param name="Note">How the warning was handled: required, at most 1000 characters, no angle brackets.</param>
public sealed record CloseWarningRequest(
    [property: Required(ErrorMessage = "pricing.warning.close-note-invalid")]
    [property: FreeText(1000, AllowControlCharacters = true, ErrorMessage = "pricing.warning.close-note-invalid")]
    string? Note);

/// <summary>Thresholds and statistics baseline the bureau sets (<c>GET/PUT /api/v1/pricing/settings</c>).</summary>
/// <param name="MedianFactor">Warn when price per m² is above this × the city median of the same plot type (1.5).</param>
/// <param name="MedianMinimumPlots">Fewest plots of a type before the median rule applies (3).</param>
/// <param name="RisePercent">Warn when a plot price rose by more than this within <paramref name="RiseWindowMonths"/> (10).</param>
/// <param name="AshesGraveMaxArea">Guizhou limit, m² (1).</param>
/// <param name="SingleGraveMaxArea">Guizhou limit, m² (4).</param>
/// <param name="DoubleGraveMaxArea">Guizhou limit, m² (6).</param>
/// <param name="ResidentSubsidyCapPerFuneral">Most the city pays per funeral of a resident across all bills.</param>
/// <param name="BaselineAveragePerFuneral">Average bill per funeral the statistics compare with.</param>
/// <param name="BaselineLabel">What the baseline is, e.g. "2023年全市平均".</param>
public sealed record PricingSettingsDto(
    decimal MedianFactor, int MedianMinimumPlots, decimal RisePercent, int RiseWindowMonths,
    decimal AshesGraveMaxArea, decimal SingleGraveMaxArea, decimal DoubleGraveMaxArea,
    decimal ResidentSubsidyCapPerFuneral, decimal BaselineAveragePerFuneral,
    [property: FreeText(100, AllowControlCharacters = true, ErrorMessage = "pricing.settings.baseline-label-invalid")] string BaselineLabel,
    DateTimeOffset? UpdatedAt = null, string? UpdatedBy = null);

/// <summary>A bill (结算单) for a case: catalogue items only (<c>POST /api/v1/cases/{caseId}/bills</c>).</summary>
/// <param name="ServiceDate">yyyy-MM-dd; today (China time) when absent. Prices are those in force on this date.</param>
public sealed record CreateBillRequest(Guid? InstitutionId, IReadOnlyList<SelectionLine>? Lines, string? ServiceDate);

/// <summary>A priced bill. Total = sum of amounts; subsidy paid by the city; payable by the family.</summary>
/// <param name="Resident">The decedent's household registration is in the city (from the death certificate).</param>
/// <param name="FamilyUrl">
/// Only in the answer that issues the bill: the family's link to it, <c>/bills/{code}</c> (no sign-in). The code is
/// 128 random bits and only its hash is stored, so it is shown this once: print it or hand it to the family.
/// </param>
public sealed record BillDto(
    Guid Id, string Number, Guid CaseId, Guid InstitutionId, string InstitutionName, DateOnly ServiceDate, bool Resident,
    IReadOnlyList<PricedLine> Lines, decimal Total, decimal Subsidy, decimal Payable, DateTimeOffset IssuedAt, string IssuedBy,
    string? FamilyUrl = null);

/// <summary>A bill as the family sees it through its link: the bill, the decedent's masked name and the complaint line.</summary>
public sealed record FamilyBillView(BillDto Bill, string DecedentNameMasked, string ComplaintPhone);

/// <summary>Statistics query: months yyyy-MM inclusive, optionally one institution.</summary>
/// <param name="District">A district's six-digit region code: then <c>from</c>/<c>to</c> are read as the dashboard reads them and only bills of
/// the district's institutions count.</param>
public sealed record StatisticsQuery(string? From, string? To, Guid? InstitutionId, string? District = null);

/// <summary>
/// Bill statistics for one group. A funeral is a case; its cost is the sum of its bills' totals in the group.
/// Shares are fractions (0–1) of the total amount by category.
/// </summary>
public sealed record StatisticsRow(
    string Key, string Label, int Funerals, int Bills, decimal Total, decimal AveragePerFuneral, decimal MedianPerFuneral,
    decimal AveragePayablePerFuneral, decimal Subsidy, decimal BasicShare, decimal NonBasicShare, decimal GoodsShare, decimal PlotShare,
    decimal? ChangeVsBaselinePercent);

public sealed record StatisticsDto(
    string From, string To, Guid? InstitutionId, decimal BaselineAveragePerFuneral, string BaselineLabel,
    StatisticsRow Overall, IReadOnlyList<StatisticsRow> ByInstitution, IReadOnlyList<StatisticsRow> ByMonth, string? District = null);
