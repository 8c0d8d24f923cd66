using Hereafter.Domain.Custody;
using Hereafter.Domain.Input;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.RecordAshesAgreement;

/// <param name="DestinationType">A code of <see cref="AshesDestination"/> (<c>cemetery-plot</c>, <c>taken-home</c>…).</param>
/// <param name="InstitutionId">The cemetery or columbarium; required for a plot or a niche.</param>
/// <param name="Undertaking">The signed 骨灰去向承诺书's text; required for ashes taken home.</param>
public sealed record AshesAgreementRequest(string? DestinationType, Guid? InstitutionId = null, string? PlotOrNiche = null, string? Undertaking = null);

public sealed record AshesAgreementRecorded(Guid Id, string State, string Destination);

/// <summary>
/// 骨灰安放（葬）协议: the holding funeral home records the family's declared destination (again, if the family changes
/// it before release). Ashes taken home need the 骨灰去向承诺书; storage at the funeral home moves the record to
/// <c>ashes-stored</c> (the domain's rule).
/// </summary>
public sealed class RecordAshesAgreementHandler(HereafterDbContext db, CustodyRecords records, AuditLog audit, TimeProvider clock)
{
    public const int MaxPlotLength = 100;
    public const int MaxUndertakingLength = 1000;

    public async Task<AshesAgreementRecorded> HandleAsync(Actor actor, Guid id, AshesAgreementRequest request, CancellationToken ct)
    {
        var record = await records.RequireHeldAsync(actor, id, ct);
        var errors = new FieldErrors();
        AshesDestination destination = default;
        if (string.IsNullOrWhiteSpace(request.DestinationType)) errors.Add("destinationType", new Message("custody.ashes.destination-required"));
        else if (!EnumCodes<AshesDestination>.TryParse(request.DestinationType.Trim(), out destination))
            errors.Add("destinationType", new Message("custody.ashes.destination-unknown"));
        var plot = request.PlotOrNiche?.Trim() is { Length: > 0 } p ? p : null;
        if (FreeText.Check(plot, MaxPlotLength, required: false) != FreeTextProblems.None)
            errors.Add("plotOrNiche", new Message("custody.ashes.plot-invalid").With("max", MaxPlotLength));
        var undertaking = request.Undertaking?.Trim() is { Length: > 0 } u ? u : null;
        if (FreeText.Check(undertaking, MaxUndertakingLength, required: false, allowControlCharacters: true) != FreeTextProblems.None)
            errors.Add("undertaking", new Message("custody.ashes.undertaking-invalid").With("max", MaxUndertakingLength));
        Organisation? institution = null;
        var needsInstitution = destination is AshesDestination.CemeteryPlot or AshesDestination.ColumbariumNiche && !errors.Has("destinationType");
        if (request.InstitutionId is { } institutionId)
        {
            institution = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == institutionId, ct);
            if (institution is null || institution.Type is not (OrganisationType.Cemetery or OrganisationType.Columbarium))
                errors.Add("institutionId", new Message("custody.ashes.institution-not-placement"));
        }
        else if (needsInstitution) errors.Add("institutionId", new Message("custody.ashes.institution-required"));
        errors.ThrowIfAny();

        var input = new StepInput(Destination: destination, Undertaking: undertaking is not null);
        var after = CustodyRecords.Require(await records.FactsAsync(record, !record.Frozen, ct), CustodyStep.RecordAshesAgreement, input);
        var now = clock.GetUtcNow();
        var agreement = await db.Set<AshesAgreement>().FirstOrDefaultAsync(a => a.CustodyId == record.Id, ct);
        if (agreement is null) db.Add(agreement = new AshesAgreement { CustodyId = record.Id });
        agreement.Destination = destination;
        agreement.InstitutionId = institution?.Id;
        agreement.PlotOrNiche = plot;
        agreement.Undertaking = undertaking;
        agreement.RecordedBy = actor.Name;
        agreement.RecordedAt = now;
        if (after.State == CustodyState.AshesStored && record.State != CustodyState.AshesStored) record.AshesStoredAt = now;
        record.State = after.State!.Value;
        var place = string.Join(" ", new[] { institution?.Name, plot }.OfType<string>());
        records.AddStep(record, actor, CustodyStep.RecordAshesAgreement, now, place.Length > 0 ? place : null,
            undertaking is null ? "骨灰安放（葬）协议" : "骨灰安放（葬）协议、骨灰去向承诺书", destination.ChineseName());
        await records.SaveAsync(record, ct);
        await audit.RecordAsync(actor, "custody.ashes-agreement", $"custody:{record.Id}", "custody", destination.ToCode(), ct);
        return new AshesAgreementRecorded(record.Id, record.State.ToCode(), destination.ToCode());
    }
}
