using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Pricing.Contracts;
using System.Text.Json.Serialization;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Dashboard.Features.ReadDashboard;

/// <summary><c>GET /api/v1/supervision/dashboard</c>: the filter as understood, the districts to choose from, and each area's figures.</summary>
public sealed record DashboardFigures(string From, string To, District? District, IReadOnlyList<District> Districts, CertificateFigures Certificates, CaseTaskFigures Tasks,
    BenefitStopFigures BenefitStops, FuneralPriceFigures FuneralPrices, CustodyFigures Custody, BookingFigures Memorial)
{
    /// <summary>The filter the figures answer, for the links to the lists behind them (not part of the JSON).</summary>
    [JsonIgnore] public FigureFilter Filter { get; init; } = default!;

    public IReadOnlyList<string> Months => Certificates.Months.Select(m => m.Month).ToList();

    /// <summary>The filter as the lists behind the figures take it (<see cref="FigureFilter.Query"/>), for drill-down links.</summary>
    [JsonIgnore] public string Query => Filter.Query;
}

/// <summary>
/// Composes the dashboard from each module's figure contract for one <see cref="FigureFilter"/>. Counts only: no
/// personal data leaves here, so reading it is not audited (the lists behind the figures are).
/// </summary>
public sealed class DashboardHandler(ICertificateFigures certificates, ICaseTaskFigures tasks, IBenefitStopFigures benefitStops, IFuneralPriceFigures funeralPrices,
    ICustodyFigures custody, IBookingFigures memorial, DistrictDirectory districts, TimeProvider clock)
{
    public async Task<DashboardFigures> HandleAsync(Actor actor, string? from, string? to, string? district, CancellationToken ct)
    {
        if (!DashboardAccess.Sees(actor)) throw ProblemException.Forbidden(new Message("figures.dashboard-civil-affairs-only"));
        var (filter, chosen, all) = await districts.ParseAsync(from, to, district, clock, ct);
        // One module after the other: they share the request's database context.
        var certificateFigures = await certificates.ForAsync(filter, ct);
        var taskFigures = await tasks.ForAsync(filter, ct);
        var custodyFigures = await custody.ForAsync(filter, ct);
        var bookingFigures = await memorial.ForAsync(filter, ct);
        var stopFigures = await benefitStops.ForAsync(filter, ct);
        var priceFigures = await funeralPrices.ForAsync(filter, ct);
        return new DashboardFigures(filter.From.ToString(), filter.To.ToString(), chosen, all, certificateFigures, taskFigures, stopFigures, priceFigures, custodyFigures, bookingFigures)
        {
            Filter = filter,
        };
    }
}
