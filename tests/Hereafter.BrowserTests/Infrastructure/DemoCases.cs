using Hereafter.Web.Modules.Sharing.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.BrowserTests.Infrastructure;

/// <summary>The death cases the Development demo data opens at start-up (from its certificates), once they are open.</summary>
public static class DemoCases
{
    /// <summary>The case opened for the demo certificate <paramref name="number"/>; waits up to 90 s for the outbox to open it.</summary>
    public static async Task<Guid> OpenedForAsync(BrowserAppFactory app, string number)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            using var scope = app.Services.CreateScope();
            var found = await scope.ServiceProvider.GetRequiredService<IDeathCaseDirectory>().FindByCertificateNumberAsync(number, CancellationToken.None);
            if (found is not null) return found.CaseId;
            await Task.Delay(200);
        }
        throw new TimeoutException($"No case was opened for the demo certificate ending {number[^4..]}.");
    }
}
