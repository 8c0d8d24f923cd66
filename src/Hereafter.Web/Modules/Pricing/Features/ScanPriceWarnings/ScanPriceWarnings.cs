using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Pricing.Features.ScanPriceWarnings;

/// <summary>The bureau runs the plot warning scan now (it also runs on every approval and threshold change); answers the warnings it opened.</summary>
public sealed class ScanPriceWarningsHandler(HereafterDbContext db, PlotWarningScanner scanner, PriceWarningQueries warnings, AuditLog audit)
{
    public async Task<IReadOnlyList<PriceWarningDto>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (!PricingAccess.Decides(actor))
            throw ProblemException.Forbidden(new Message("pricing.warning-scan.forbidden"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var raised = await scanner.ScanAsync(ct);
        await audit.RecordAsync(actor, "price-warning.scan", "price-warnings", "price-regulation", $"{raised.Count} raised", ct);
        await tx.CommitAsync(ct);
        return await warnings.ReadManyAsync(raised.Select(w => w.Id).ToList(), ct);
    }
}
