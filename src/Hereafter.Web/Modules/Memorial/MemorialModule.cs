using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Memorial;

/// <summary>
/// Memorial services (DOMAIN.md §8, 移风易俗): tomb-sweeping booking that never overbooks (预约祭扫, ADR 0032), the gate's
/// check-in, proxy sweeping with photos (代祭扫) and the bureau's simplified-funeral standards (丧事简办) at /standards.
/// </summary>
public static class MemorialModule
{
    public static IServiceCollection AddMemorial(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MemorialOptions>().Bind(configuration.GetSection(MemorialOptions.Section))
            .Validate(o => o.NoBookingFromAge >= 0 && o.PassGraceMinutes >= 0 && o.RecentGraveYears > 0 && o.ProxyPhotoMaxCount > 0 && o.ProxyPhotoMaxBytes > 0,
                "Memorial: ages, minutes and counts may not be negative; years, photo count and size must be positive.")
            .ValidateOnStart();
        // booking: days, slots, bookings, passes, check-in
        services.AddScoped<Features.Booking.BookingPasses>();
        services.AddScoped<Features.Booking.PublishDayHandler>();
        services.AddScoped<Features.Booking.SlotQueries>();
        services.AddScoped<Features.Booking.BookHandler>();
        services.AddScoped<Features.Booking.CancelBookingHandler>();
        services.AddScoped<Features.Booking.MyBookingQueries>();
        services.AddScoped<Features.Booking.CheckInHandler>();
        services.AddScoped<Features.Booking.SiteBookingQueries>();
        // pages: citizen booking and pass, site days, gate
        services.AddScoped<Features.BookingPages.BookingPageQueries>();
        Platform.Navigation.NavigationModule.AddStaffLinks(services, Platform.Navigation.StaffLinks.Groups.Memorial, MemorialLinks.For);
        // proxy sweeping
        Features.ProxyOrders.ProxySweeping.AddProxySweeping(services);
        // standards
        services.AddSingleton<Features.Standards.StandardsMarkdown>();
        services.AddScoped<Features.StandardsReading.StandardQueries>();
        services.AddScoped<Features.StandardsEditing.SaveStandardHandler>();
        services.AddStaffLinks(StaffLinks.Groups.Memorial, Features.Standards.StandardsLinks.For);
        // supervision
        services.AddScoped<Features.SuperviseMemorial.MemorialFiguresHandler>();
        services.AddScoped<Contracts.IBookingFigures, Features.ReportFigures.BookingFiguresReader>();
        services.AddStaffLinks(StaffLinks.Groups.Memorial, Features.SuperviseMemorial.SupervisionLinks.For);
        return services;
    }

    public static IEndpointRouteBuilder MapMemorial(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/memorial").WithTags("Memorial").DisableAntiforgery();
        // booking: days, slots, bookings, passes, check-in
        Features.Booking.BookingEndpoints.MapBooking(api);
        // proxy sweeping
        Features.ProxyOrders.ProxySweeping.MapProxySweeping(api);
        // standards
        Features.StandardsReading.StandardsEndpoints.MapReadStandards(api);
        Features.StandardsEditing.SaveStandardEndpoint.MapSaveStandard(api);
        // supervision
        Features.SuperviseMemorial.MemorialFiguresEndpoints.MapMemorialFigures(api);
        return app;
    }
}
