using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Family;

/// <summary>What the family's pages say about the case itself, from the case and its certificate.</summary>
/// <param name="DeathDate">China-local date of death (yyyy-MM-dd), when the certificate has one.</param>
/// <param name="CertificateStatus">The certificate's status code (issued, corrected, revoked…).</param>
public sealed record CaseFacts(Guid CaseId, string DecedentName, string? DeathDate, string CertificateStatus, CaseStatus CaseStatus);

/// <summary>Reads <see cref="CaseFacts"/> through the Sharing and Certificates contracts; callers check admission first.</summary>
public sealed class FamilyCaseFacts(IDeathCaseDirectory cases, ICertificateContent certificates)
{
    public async Task<CaseFacts> ReadAsync(Guid caseId, CancellationToken ct)
    {
        var deathCase = await cases.FindAsync(caseId, ct) ?? throw ProblemException.NotFound(new Message("family.case.not-found"));
        var certificate = await certificates.CurrentAsync(deathCase.CertificateId, ct);
        var deathDate = DateTimeOffset.TryParse(certificate?.Data.Death.DateTime, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var at) ? ChinaTime.Date(at) : null;
        return new CaseFacts(caseId, certificate?.Data.Decedent.Name ?? "", deathDate, certificate?.Status ?? "", deathCase.Status);
    }
}
