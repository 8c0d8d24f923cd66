namespace Hereafter.Web.Modules.Reconciliation.Features.UploadRoll;

internal static class ReconciliationPageLimits
{
    /// <summary>What the upload page lets the server read at all (attributes need a constant); the configured limit is checked below it.</summary>
    public const long Ceiling = 2L * 1024 * 1024 * 1024;
}
