namespace Hereafter.Web.Modules.Certificates.Contracts;

/// <summary>One person the platform has certified dead, as other modules may match on (citizen ID only).</summary>
/// <param name="DeathDate">The local (Asia/Shanghai) date of death.</param>
public sealed record ActiveDeath(string IdNumber, string Name, DateOnly? BirthDate, DateOnly DeathDate);

/// <summary>
/// The platform's active certificates as a death register for matching payee rolls (应停未停): issued,
/// not revoked, current version, with a citizen ID (unidentified bodies and foreign IDs are left out).
/// Callers audit the read themselves: they know the purpose.
/// </summary>
public interface IActiveDeaths
{
    /// <summary>Streams every active death in certificate order; memory stays flat for any number of certificates.</summary>
    IAsyncEnumerable<ActiveDeath> ReadAllAsync(CancellationToken ct);

    /// <summary>The id of the active certificate of the person with this citizen ID (18 characters), or null.</summary>
    Task<Guid?> FindCertificateIdAsync(string idNumber, CancellationToken ct);
}
