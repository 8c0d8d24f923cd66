using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Reconciliation;

/// <summary>Jobs and result rows as the API and pages show them: lists mask ID numbers and names.</summary>
public static class RollDtos
{
    public static RollJobDto Job(RollJob j, RollSummaryDto? summary) => new(
        j.Id, j.Programme, ReconciliationAccess.ProgrammeName(j.Programme), j.Department, j.FileName, j.SizeBytes, j.Status.ToCode(),
        j.CreatedAt, j.UploadedBy, j.StartedAt, j.FinishedAt, j.RowsDone, j.BytesDone,
        j.Status == JobStatus.Completed ? 100 : j.SizeBytes > 0 ? (int)Math.Min(99, j.BytesDone * 100 / j.SizeBytes) : 0,
        j.ErrorCode, j.ErrorMessage, summary);

    /// <summary>The engine's figures of a completed job, without the follow-up.</summary>
    public static RollSummaryDto Figures(RollJob job) => new(job.Rows, job.ExactStops, job.ReviewCount, job.RejectedCount, job.Unmatched,
        job.OverpaidMonths, job.OverpaidAmount, job.DeathsUsed);

    public static StopDto Stop(StopResult s) => new(
        s.Row, s.Origin.ToCode(), PersonalDataMask.IdNumber(s.IdNumber), PersonalDataMask.Name(s.Name), s.Programme, s.MonthlyAmount, s.PaidThrough,
        s.DeathDate.ToString("yyyy-MM-dd"), s.StopFrom, s.OverpaidMonths, s.OverpaidAmount, s.SuspectId, s.ExecutedMonth, s.RecoveredAmount,
        s.RecoveredOn?.ToString("yyyy-MM-dd"));

    public static ReviewDto Review(ReviewResult r) => new(
        r.Row, r.Reason.ToCode(), ReconciliationLabels.Reason(r.Reason), PersonalDataMask.IdNumber(r.IdNumber), PersonalDataMask.Name(r.Name),
        PersonalDataMask.IdNumber(r.CandidateIdNumber), PersonalDataMask.Name(r.CandidateName), r.CandidateBirthDate?.ToString("yyyy-MM-dd"),
        r.CandidateDeathDate.ToString("yyyy-MM-dd"), r.MonthlyAmount, r.PaidThrough, r.StopFrom, r.OverpaidMonths, r.OverpaidAmount,
        r.Decision.ToCode(), r.DismissReason);

    public static RejectedDto Rejected(RejectedResult r) => new(r.Row, r.Reason);
}
