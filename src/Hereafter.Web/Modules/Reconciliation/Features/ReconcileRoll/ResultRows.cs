using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Reconciliation.Data;

namespace Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;

/// <summary>Engine results to table rows and back (the downloads replay stored rows through the engine's own file writer).</summary>
public static class ResultRows
{
    public static StopResult ToEntity(StopRow r, Guid jobId, int attempt, StopOrigin origin, DateTimeOffset at) => new()
    {
        JobId = jobId, Attempt = attempt, Row = r.Entry.Row, Origin = origin, IdNumber = r.Entry.IdNumber, Name = r.Entry.Name,
        Programme = r.Entry.Programme, Account = r.Entry.Account, MonthlyAmount = r.Entry.MonthlyAmount,
        PaidThrough = r.Entry.PaidThrough.ToString(), SuspectId = r.Entry.SuspectId,
        DeathIdNumber = r.Death.IdNumber, DeathName = r.Death.Name, DeathBirthDate = r.Death.BirthDate, DeathDate = r.Death.DeathDate,
        StopFrom = r.Terms.StopFrom.ToString(), OverpaidMonths = r.Terms.OverpaidMonths, OverpaidAmount = r.Terms.OverpaidAmount,
        IdentifiedAt = at,
    };

    public static ReviewResult ToEntity(ReviewRow r, Guid jobId, int attempt) => new()
    {
        JobId = jobId, Attempt = attempt, Row = r.Entry.Row, Reason = r.Reason, IdNumber = r.Entry.IdNumber, Name = r.Entry.Name,
        Programme = r.Entry.Programme, Account = r.Entry.Account, MonthlyAmount = r.Entry.MonthlyAmount,
        PaidThrough = r.Entry.PaidThrough.ToString(), SuspectId = r.Entry.SuspectId,
        CandidateIdNumber = r.Candidate.IdNumber, CandidateName = r.Candidate.Name, CandidateBirthDate = r.Candidate.BirthDate,
        CandidateDeathDate = r.Candidate.DeathDate, StopFrom = r.Terms.StopFrom.ToString(), OverpaidMonths = r.Terms.OverpaidMonths,
        OverpaidAmount = r.Terms.OverpaidAmount,
    };

    /// <summary>A confirmed review row becomes a stop with the terms the engine computed.</summary>
    public static StopResult Confirmed(ReviewResult r, DateTimeOffset at) => new()
    {
        JobId = r.JobId, Attempt = r.Attempt, Row = r.Row, Origin = StopOrigin.Review, IdNumber = r.IdNumber, Name = r.Name,
        Programme = r.Programme, Account = r.Account, MonthlyAmount = r.MonthlyAmount, PaidThrough = r.PaidThrough, SuspectId = r.SuspectId,
        DeathIdNumber = r.CandidateIdNumber, DeathName = r.CandidateName, DeathBirthDate = r.CandidateBirthDate, DeathDate = r.CandidateDeathDate,
        StopFrom = r.StopFrom, OverpaidMonths = r.OverpaidMonths, OverpaidAmount = r.OverpaidAmount, IdentifiedAt = at,
    };

    public static StopRow ToEngine(StopResult s) => new(
        new RollEntry(s.Row, s.IdNumber, s.Name, s.Programme, s.Account, s.MonthlyAmount, Month(s.PaidThrough), s.SuspectId),
        new Death(s.DeathIdNumber, s.DeathName, s.DeathBirthDate, s.DeathDate),
        new StopTerms(Month(s.StopFrom), s.OverpaidMonths, s.OverpaidAmount));

    public static ReviewRow ToEngine(ReviewResult r) => new(
        new RollEntry(r.Row, r.IdNumber, r.Name, r.Programme, r.Account, r.MonthlyAmount, Month(r.PaidThrough), r.SuspectId),
        r.Reason,
        new Death(r.CandidateIdNumber, r.CandidateName, r.CandidateBirthDate, r.CandidateDeathDate),
        new StopTerms(Month(r.StopFrom), r.OverpaidMonths, r.OverpaidAmount));

    private static YearMonth Month(string text) => new(int.Parse(text[..4]), int.Parse(text[5..7]));
}
