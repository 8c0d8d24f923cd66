using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Hereafter.Web.Tests.Infrastructure;

/// <summary>
/// The platform with its <see cref="TimeProvider"/> replaced by a <see cref="FakeTimeProvider"/> set to
/// <paramref name="utcNow"/>, for rules that depend on the China date (23:30 and 00:30 China time are
/// 15:30 and 16:30 UTC). Background waits use real time, so the outbox and workers still run.
/// </summary>
public sealed class FakeClockFactory(DateTimeOffset utcNow) : HereafterFactory
{
    public FakeTimeProvider Clock { get; } = new(utcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
