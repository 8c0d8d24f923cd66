using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Dashboard.Features.ReadDashboard;

/// <summary><c>GET /api/v1/supervision/dashboard</c>: the filter as understood, the districts to choose from, and each area's figures.</summary>
public sealed record DashboardFigures(string From, string To, District? District, IReadOnlyList<District> Districts, CertificateFigures Certificates, CaseTaskFigures Tasks, BookingFigures Memorial)
{
    public IReadOnlyList<string> Months => Certificates.Months.Select(m => m.Month).ToList();

    /// <summary>The filter as understood, for the links from each figure to the list behind it.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public FigureFilter Filter { get; init; } = null!;
}

/// <summary>
/// Composes the dashboard from each module's figure contract for one <see cref="FigureFilter"/>. Counts only: no
/// personal data leaves here, so reading it is not audited (the lists behind the figures are).
/// </summary>
public sealed class DashboardHandler(ICertificateFigures certificates, ICaseTaskFigures tasks, IBookingFigures memorial, DistrictDirectory districts, TimeProvider clock)
{
    public async Task<DashboardFigures> HandleAsync(Actor actor, string? from, string? to, string? district, CancellationToken ct)
    {
        if (!DashboardAccess.Sees(actor)) throw ProblemException.Forbidden(new Message("figures.dashboard-civil-affairs-only"));
        var filter = FigureFilter.Parse(from, to, district, clock);
        var all = await districts.ListAsync(ct);
        District? chosen = null;
        if (filter.District is { } code)
            chosen = all.FirstOrDefault(d => d.Code == code)
                ?? throw new FieldValidationException("district", new Message("figures.district-unknown").With("code", code));
        // One module after the other: they share the request's database context.
        var certificateFigures = await certificates.ForAsync(filter, ct);
        var taskFigures = await tasks.ForAsync(filter, ct);
        var bookingFigures = await memorial.ForAsync(filter, ct);
        return new DashboardFigures(filter.From.ToString(), filter.To.ToString(), chosen, all, certificateFigures, taskFigures, bookingFigures) { Filter = filter };
    }
}
