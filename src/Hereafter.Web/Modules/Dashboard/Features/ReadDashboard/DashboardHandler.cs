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
public sealed class DashboardHandler(IServiceScopeFactory scopes, DistrictDirectory districts, TimeProvider clock)
{
    public async Task<DashboardFigures> HandleAsync(Actor actor, string? from, string? to, string? district, CancellationToken ct)
    {
        if (!DashboardAccess.Sees(actor)) throw ProblemException.Forbidden(new Message("figures.dashboard-civil-affairs-only"));
        var (filter, chosen, all) = await districts.ParseAsync(from, to, district, clock, ct);
        // The areas are read at once, each through its module's contract in a scope of its own (its own database context
        // and connection): they are read-only counts, so the bureau waits for the longest area rather than for the sum.
        // (On a thread-pool thread each: SQLite's "async" calls complete synchronously, so without it they would run in turn.)
        Task<T> Read<TFigures, T>(Func<TFigures, Task<T>> read) where TFigures : notnull => Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await read(scope.ServiceProvider.GetRequiredService<TFigures>());
        }, ct);
        var certificateFigures = Read<ICertificateFigures, CertificateFigures>(f => f.ForAsync(filter, ct));
        var taskFigures = Read<ICaseTaskFigures, CaseTaskFigures>(f => f.ForAsync(filter, ct));
        var custodyFigures = Read<ICustodyFigures, CustodyFigures>(f => f.ForAsync(filter, ct));
        var bookingFigures = Read<IBookingFigures, BookingFigures>(f => f.ForAsync(filter, ct));
        var stopFigures = Read<IBenefitStopFigures, BenefitStopFigures>(f => f.ForAsync(filter, ct));
        var priceFigures = Read<IFuneralPriceFigures, FuneralPriceFigures>(f => f.ForAsync(filter, ct));
        await Task.WhenAll(certificateFigures, taskFigures, custodyFigures, bookingFigures, stopFigures, priceFigures);
        return new DashboardFigures(filter.From.ToString(), filter.To.ToString(), chosen, all, await certificateFigures, await taskFigures,
            await stopFigures, await priceFigures, await custodyFigures, await bookingFigures)
        {
            Filter = filter,
        };
    }
}
