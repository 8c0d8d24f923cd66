using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.RecordBurial;

/// <param name="Kind">burial or plot-sale.</param>
public sealed record PlacementRow(string Kind, Guid? CustodyId, string DecedentName, string PlotOrNiche, DateTimeOffset At, string DocumentKind, string RecordedBy);

/// <summary>A cemetery's or columbarium's own burials and plot sales, newest first (names are personal data: audited).</summary>
public sealed class BurialQueries(HereafterDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<PlacementRow>> OwnAsync(Actor actor, CancellationToken ct)
    {
        if (!CustodyAccess.IsPlacementInstitution(actor)) throw ProblemException.Forbidden(new Message("custody.placement.institution-only"));
        var burials = await (from b in db.Set<Burial>().AsNoTracking()
                             join r in db.Set<CustodyRecord>() on b.CustodyId equals r.Id
                             where b.InstitutionId == actor.OrganisationId
                             orderby b.RecordedAt descending
                             select new PlacementRow("burial", r.Id, r.DecedentName, b.PlotOrNiche, b.BuriedAt, b.DocumentKind, b.RecordedBy))
            .Take(200).ToListAsync(ct);
        var sales = await db.Set<PlotSale>().AsNoTracking().Where(s => s.InstitutionId == actor.OrganisationId)
            .OrderByDescending(s => s.RecordedAt)
            .Select(s => new PlacementRow("plot-sale", s.CustodyId, s.DecedentName, s.PlotOrNiche, s.SoldAt, s.DocumentKind, s.RecordedBy))
            .Take(200).ToListAsync(ct);
        var rows = burials.Concat(sales).OrderByDescending(r => r.At).ToList();
        await audit.RecordAsync(actor, "custody.burials.read", $"organisation:{actor.OrganisationId}", "custody", $"{rows.Count} rows", ct);
        return rows;
    }
}
