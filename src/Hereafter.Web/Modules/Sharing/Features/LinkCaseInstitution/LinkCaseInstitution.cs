using System.ComponentModel.DataAnnotations;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.LinkCaseInstitution;

/// <summary><c>organisationId</c>: a funeral home, cemetery, columbarium or service shop the family chose; <c>reason</c>: why.</summary>
public sealed record LinkCaseInstitutionRequest(
    Guid? OrganisationId,
    [property: Required(ErrorMessage = "sharing.case.reason-invalid")]
    [property: FreeText(500, ErrorMessage = "sharing.case.reason-invalid")]
    string? Reason);

/// <summary>An institution linked to a case.</summary>
public sealed record CaseInstitutionDto(Guid CaseId, Guid OrganisationId, string OrganisationName, DateTimeOffset LinkedAt, string LinkedBy, string Reason);

/// <summary>
/// Civil affairs links an institution the family chose to a case, so that it may bill the case (and use its city
/// subsidy). Only linked institutions bill a case; no certificate data is shared with them by the link.
/// </summary>
public sealed class LinkCaseInstitutionHandler(HereafterDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Organisation types that bill families.</summary>
    public static readonly OrganisationType[] Linkable =
        [OrganisationType.FuneralHome, OrganisationType.Cemetery, OrganisationType.Columbarium, OrganisationType.ServiceShop];

    public async Task<CaseInstitutionDto> HandleAsync(Actor actor, Guid caseId, LinkCaseInstitutionRequest request, CancellationToken ct)
    {
        if (!SharingAccess.Supervises(actor))
            throw ProblemException.Forbidden(new Message("sharing.case-institution.civil-affairs-only"));
        var errors = new FieldErrors();
        var organisation = request.OrganisationId is { } id
            ? await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
            : null;
        if (organisation is null || !Linkable.Contains(organisation.Type))
            errors.Add("organisationId", new Message("sharing.case-institution.organisation-required"));
        RequestValidation.Check(request, "", errors);
        errors.ThrowIfAny();
        var reason = request.Reason!.Trim();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var deathCase = await db.Set<DeathCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct)
                        ?? throw ProblemException.NotFound(new Message("sharing.case.not-found"));
        if (deathCase.Status != CaseStatus.Open) throw ProblemException.Conflict(new Message("sharing.case.cancelled"));
        if (await db.Set<CaseInstitution>().AnyAsync(l => l.CaseId == caseId && l.OrganisationId == organisation!.Id, ct))
            throw AlreadyLinked(organisation!);
        var link = new CaseInstitution
        {
            CaseId = caseId, OrganisationId = organisation!.Id, LinkedAt = clock.GetUtcNow(), LinkedBy = actor.Name, Reason = reason,
        };
        db.Add(link);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { throw AlreadyLinked(organisation); }
        await audit.RecordAsync(actor, "case.institution-linked", $"case:{caseId}", "death-case", $"{organisation.Name}: {reason}", ct);
        await tx.CommitAsync(ct);
        return new CaseInstitutionDto(caseId, organisation.Id, organisation.Name, link.LinkedAt, link.LinkedBy, link.Reason);
    }

    private static ProblemException AlreadyLinked(Organisation organisation) =>
        ProblemException.Conflict(new Message("sharing.case-institution.already-linked").With("organisation", organisation.Name));
}
