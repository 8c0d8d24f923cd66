using Hereafter.Web.Modules.Pricing.Features.ApprovePriceChange;
using Hereafter.Web.Modules.Pricing.Features.BrowsePrices;
using Hereafter.Web.Modules.Pricing.Features.ChangePricingSettings;
using Hereafter.Web.Modules.Pricing.Features.ClosePriceWarning;
using Hereafter.Web.Modules.Pricing.Features.ExportToExcel;
using Hereafter.Web.Modules.Pricing.Features.IssueBill;
using Hereafter.Web.Modules.Pricing.Features.ProposePriceChange;
using Hereafter.Web.Modules.Pricing.Features.ReadBills;
using Hereafter.Web.Modules.Pricing.Features.ReadPricingSettings;
using Hereafter.Web.Modules.Pricing.Features.RejectPriceChange;
using Hereafter.Web.Modules.Pricing.Features.ReportFigures;
using Hereafter.Web.Modules.Pricing.Features.ReportStatistics;
using Hereafter.Web.Modules.Pricing.Features.ReviewPriceChanges;
using Hereafter.Web.Modules.Pricing.Features.ReviewPriceWarnings;
using Hereafter.Web.Modules.Pricing.Features.ScanPriceWarnings;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Pricing;

public static class PricingModule
{
    public static IServiceCollection AddPricing(this IServiceCollection services)
    {
        services.AddStaffLinks(StaffLinks.Groups.Prices, PricingLinks.For);
        services.AddScoped<PriceListQueries>();
        services.AddScoped<PlotWarningScanner>();
        services.AddScoped<ProposePriceChangeHandler>();
        services.AddScoped<PriceChangeQueries>();
        services.AddScoped<ApprovePriceChangeHandler>();
        services.AddScoped<RejectPriceChangeHandler>();
        services.AddScoped<PriceWarningQueries>();
        services.AddScoped<ClosePriceWarningHandler>();
        services.AddScoped<ScanPriceWarningsHandler>();
        services.AddScoped<BillQueries>();
        services.AddScoped<IssueBillHandler>();
        services.AddScoped<Features.ShowFamilyBill.ShowFamilyBillHandler>();
        services.AddScoped<Contracts.ICaseBills, Features.ShowFamilyBill.CaseBills>();
        services.AddScoped<Contracts.IPublishedPrices, PublishedPrices>();
        services.AddScoped<ReportStatisticsHandler>();
        services.AddScoped<FuneralPriceFiguresReader>();
        services.AddScoped<Contracts.IFuneralPriceFigures>(sp => sp.GetRequiredService<FuneralPriceFiguresReader>());
        services.AddScoped<FuneralPriceLists>();
        services.AddScoped<ReadPricingSettingsHandler>();
        services.AddScoped<ChangePricingSettingsHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapPricing(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1").WithTags("Prices").AllowAnonymous().DisableAntiforgery();

        open.MapBrowsePrices();
        open.MapExportPriceList();

        var api = app.MapGroup("/api/v1").WithTags("Prices").RequireAuthorization().DisableAntiforgery();

        api.MapProposePriceChange();
        api.MapReviewPriceChanges();
        api.MapApprovePriceChange();
        api.MapRejectPriceChange();
        api.MapReviewPriceWarnings();
        api.MapClosePriceWarning();
        api.MapScanPriceWarnings();
        api.MapReadPricingSettings();
        api.MapChangePricingSettings();
        api.MapIssueBill();
        api.MapReadBills();
        api.MapReportStatistics();
        api.MapFuneralPriceLists();
        api.MapExportStatistics();

        return app;
    }
}
