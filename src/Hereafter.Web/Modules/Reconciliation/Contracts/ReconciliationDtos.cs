using System.ComponentModel.DataAnnotations;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Reconciliation.Contracts;

/// <summary>Answer to an upload: 202 with the job to poll.</summary>
public sealed record RollAccepted(Guid Id, string Status);

/// <summary>A reconciliation job (应停未停比对) as its department sees it. <c>Summary</c> only once completed.</summary>
public sealed record RollJobDto(
    Guid Id, string Programme, string ProgrammeName, string Department, string FileName, long SizeBytes, string Status,
    DateTimeOffset CreatedAt, string UploadedBy, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    long RowsDone, long BytesDone, int Percent, string? ErrorCode, string? Error, RollSummaryDto? Summary);

/// <summary>
/// The figures of the engine's <c>summary.json</c> (as the run found them), plus the figures after the clerks'
/// decisions so far: <c>Stops</c> = exact stops + confirmed review rows, <c>ReviewPending</c> = review rows not yet
/// decided, <c>UnmatchedNow</c> = unmatched + dismissed review rows, <c>OverpaidMonthsNow</c>/<c>OverpaidAmountNow</c>
/// over all stops (so Stops + ReviewPending + Rejected + UnmatchedNow = Rows). The follow-up figures are null in
/// answers that do not compute them.
/// </summary>
public sealed record RollSummaryDto(
    long Rows, long ExactStops, long Review, long Rejected, long Unmatched, long OverpaidMonths, decimal OverpaidAmount,
    int DeathsUsed, long? ReviewPending = null, long? StopsExecuted = null, decimal? Recovered = null,
    long? Stops = null, long? UnmatchedNow = null, long? OverpaidMonthsNow = null, decimal? OverpaidAmountNow = null);

/// <summary>A payment to stop. The ID number is masked in lists; downloads carry it in full (audited).</summary>
public sealed record StopDto(
    long Row, string Origin, string MaskedIdNumber, string MaskedName, string Programme, decimal MonthlyAmount, string PaidThrough,
    string DeathDate, string StopFrom, int OverpaidMonths, decimal OverpaidAmount, bool SuspectId,
    string? ExecutedMonth, decimal? RecoveredAmount, string? RecoveredOn);

public sealed record ReviewDto(
    long Row, string Reason, string ReasonText, string MaskedIdNumber, string MaskedName, string MaskedCandidateIdNumber,
    string MaskedCandidateName, string? CandidateBirthDate, string CandidateDeathDate, decimal MonthlyAmount, string PaidThrough,
    string StopFrom, int OverpaidMonths, decimal OverpaidAmount, string Decision, string? DismissReason);

public sealed record RejectedDto(long Row, string Reason);

public sealed record PageOf<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize);

/// <summary>Dismiss a review row: the reason is required (e.g. "同名不同人，出生地不同").</summary>
public sealed record DismissalRequest(
    [property: Required(ErrorMessage = "reconciliation.dismissal.reason-required")]
    [property: FreeText(500, AllowAngleBrackets = true, ErrorMessage = "reconciliation.dismissal.reason-invalid")]
    string? Reason);

/// <summary>Payments stopped from this month (YYYY-MM).</summary>
public sealed record ExecutionRequest(string? EffectiveMonth);

/// <summary>Overpayment recovered: amount in yuan (two decimals) on a date (YYYY-MM-DD).</summary>
public sealed record RecoveryRequest(decimal? Amount, string? Date);

/// <summary>One programme in one month (the month the stop was identified, or executed, or recovered; see README).</summary>
public sealed record StatisticsRow(
    string Programme, string ProgrammeName, string Month, long StopsIdentified, long StopsExecuted,
    decimal OverpaidIdentified, decimal OverpaidRecovered, decimal MonthlyPaymentsPrevented);

/// <summary>The statistics for a filter: <c>From</c>/<c>To</c>/<c>District</c> null when all months and the whole city were asked for.</summary>
public sealed record StatisticsDto(string? From, string? To, string? Programme, IReadOnlyList<StatisticsRow> Rows, StatisticsRow Total, string? District = null);

/// <summary>遗属待遇 for the family portal: 丧葬补助金, 抚恤金 months and amount, total (yuan).</summary>
public sealed record SurvivorBenefitDto(decimal ContributionYears, decimal MonthlyBase, decimal FuneralGrant, int PensionMonths, decimal SurvivorPension, decimal Total);

/// <summary>
/// A stop behind a supervision figure (<c>identified</c>, <c>executed</c>, <c>recovered</c>): the payee's ID number and
/// name masked, the department that reconciled it, and the dates that place it in a month.
/// </summary>
public sealed record CountedStopDto(
    string MaskedIdNumber, string MaskedName, string Programme, string ProgrammeName, string Organisation, decimal MonthlyAmount, string DeathDate,
    string StopFrom, string IdentifiedOn, decimal OverpaidAmount, string? ExecutedMonth, decimal? RecoveredAmount, string? RecoveredOn);

/// <summary>The list behind a figure: the filter as understood (null months and district: every month, the whole city) and a page of its stops.</summary>
public sealed record CountedStopsDto(string Figure, string? From, string? To, string? District, string? Programme, PageOf<CountedStopDto> Stops);
