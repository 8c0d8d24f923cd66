using Hereafter.Domain.Custody;
using Hereafter.Domain.Input;
using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Custody.Features.ReleaseAshes;

/// <param name="To">Who received the ashes (name as typed), or where they went.</param>
public sealed record ReleaseAshesRequest(DateTimeOffset? ReleasedAt, string? To);

public sealed record AshesReleased(Guid Id, string State);

/// <summary>
/// 骨灰交付: the holding funeral home hands the ashes over for the declared destination. From then on the follow-up
/// job counts the days until a cemetery's burial record (or another placement) closes the loop.
/// </summary>
public sealed class ReleaseAshesHandler(CustodyRecords records, AuditLog audit, TimeProvider clock)
{
    public const int MaxToLength = 100;

    public async Task<AshesReleased> HandleAsync(Actor actor, Guid id, ReleaseAshesRequest request, CancellationToken ct)
    {
        var record = await records.RequireHeldAsync(actor, id, ct);
        var errors = new FieldErrors();
        var now = clock.GetUtcNow();
        if (request.ReleasedAt is not { } at) errors.Add("releasedAt", new Message("custody.release.released-at-required"));
        else if (at > now.AddMinutes(5)) errors.Add("releasedAt", new Message("custody.release.released-at-future"));
        else if (record.CrematedAt is { } cremated && at < cremated) errors.Add("releasedAt", new Message("custody.release.released-at-before-cremation"));
        var to = request.To?.Trim();
        if (string.IsNullOrEmpty(to)) errors.Add("to", new Message("custody.release.to-required"));
        else if (FreeText.Check(to, MaxToLength) != FreeTextProblems.None) errors.Add("to", new Message("custody.release.to-invalid").With("max", MaxToLength));
        errors.ThrowIfAny();

        var after = CustodyRecords.Require(await records.FactsAsync(record, !record.Frozen, ct), CustodyStep.ReleaseAshes);
        record.State = after.State!.Value;
        record.AshesReleasedAt = request.ReleasedAt!.Value.ToUniversalTime();
        record.AshesReleasedTo = to;
        records.AddStep(record, actor, CustodyStep.ReleaseAshes, record.AshesReleasedAt.Value, note: to);
        await records.SaveAsync(record, ct);
        await audit.RecordAsync(actor, "custody.ashes-release", $"custody:{record.Id}", "custody", "", ct);
        return new AshesReleased(record.Id, record.State.ToCode());
    }
}
