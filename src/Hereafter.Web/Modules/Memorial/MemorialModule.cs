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
        // pages: citizen booking and pass, site days, gate
        // proxy sweeping
        // standards
        // supervision
        return services;
    }

    public static IEndpointRouteBuilder MapMemorial(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/memorial").WithTags("Memorial").DisableAntiforgery();
        // booking: days, slots, bookings, passes, check-in
        // proxy sweeping
        // standards
        return app;
    }
}
