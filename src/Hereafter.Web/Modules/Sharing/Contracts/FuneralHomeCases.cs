namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>
/// An open death case whose family chose a funeral home (civil affairs added the funeral home's task to the case):
/// what the funeral home's counter lists to prepare a pickup. Full name and number: the caller masks them in lists.
/// </summary>
/// <param name="CertificateNumber">The certificate's current number (the citizen ID, or the issuer's number).</param>
/// <param name="ChosenAt">When the funeral home was added to the case.</param>
public sealed record FuneralHomeCase(Guid CaseId, Guid CertificateId, string CertificateNumber, string DecedentName, DateTimeOffset DeathAt, DateTimeOffset ChosenAt);

/// <summary>The cases whose family chose a given funeral home.</summary>
public interface IFuneralHomeCases
{
    /// <summary>The open cases that chose <paramref name="funeralHomeId"/>, newest choice first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<FuneralHomeCase>> ChosenAsync(Guid funeralHomeId, int limit, CancellationToken ct);
}
