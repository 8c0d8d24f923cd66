using System.Security.Cryptography;
using System.Text;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Certificates.Features.LookupCertificate;

/// <summary>Settings of section <c>RateLimits:CertificateLookups</c>; a limit of 0 or less is no limit.</summary>
public sealed class CertificateLookupOptions
{
    public const string Section = "RateLimits:CertificateLookups";
    /// <summary>Distinct certificate numbers one organisation may look up in any hour.</summary>
    public int PerHour { get; set; } = 150;
    /// <summary>Distinct certificate numbers one organisation may look up in any 24 hours.</summary>
    public int PerDay { get; set; } = 500;
    /// <summary>The supervisor's list shows organisations that looked up more distinct numbers than this in the last 24 hours.</summary>
    public int ReportThreshold { get; set; } = 200;
}

/// <summary>An organisation's lookups of certificates by number in the last 24 hours (监管：证明查询异常).</summary>
public sealed record LookupActivity(Guid OrganisationId, string OrganisationName, int DistinctNumbers, int Lookups, DateTimeOffset LastAt);

/// <summary>
/// Lookups of certificates by number (a copy 4, a death notice, copy 2, a print): each organisation may look up so many
/// distinct numbers per hour and per day, counted in the database so that the limit holds however many nodes answer.
/// Numbers that are not found count too (that is what guessing looks like); a number looked up again within the window
/// does not count again. An issuer reading its own certificates and civil affairs (the supervisor) are not counted.
/// </summary>
public sealed class CertificateLookups(HereafterDbContext db, CertificateFinder finder, TimeProvider clock, IOptions<CertificateLookupOptions> options)
{
    private const int LockClass = 727003;

    public static bool Counted(Actor actor, Guid? issuerOrganisationId) =>
        actor.OrganisationType != OrganisationType.CivilAffairs && actor.OrganisationId != issuerOrganisationId;

    /// <summary>The certificate with this number, the lookup counted against the organisation's limit (429 above it), found or not.</summary>
    public async Task<Certificate> FindAsync(Actor actor, string number, CancellationToken ct)
    {
        Certificate certificate;
        try
        {
            certificate = await finder.FindAsync(number, ct);
        }
        catch (ProblemException e) when (e.Status == StatusCodes.Status404NotFound && Counted(actor, null))
        {
            await RecordAsync(actor, number, ct);
            throw;
        }
        if (Counted(actor, certificate.IssuerOrganisationId)) await RecordAsync(actor, certificate.Number, ct);
        return certificate;
    }

    /// <summary>The certificate with this opaque id (a link from a worklist), counted like a lookup by its number.</summary>
    public async Task<Certificate> FindAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var certificate = await finder.FindByIdAsync(id, ct);
        if (Counted(actor, certificate.IssuerOrganisationId)) await RecordAsync(actor, certificate.Number, ct);
        return certificate;
    }

    /// <summary>Records the lookup, or throws 429 (with Retry-After) when it would exceed the organisation's limit.</summary>
    public async Task RecordAsync(Actor actor, string number, CancellationToken ct)
    {
        var settings = options.Value;
        var hash = Hash(number);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // One organisation's lookups are counted one at a time across nodes (SQLite has a single writer anyway).
            if (db.IsPostgres)
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {actor.OrganisationId.GetHashCode()})", ct);
            var now = clock.GetUtcNow();
            await CheckAsync(actor.OrganisationId, hash, now, TimeSpan.FromHours(1), settings.PerHour, new Message("certificates.lookup.hourly-limit-reached"), ct);
            await CheckAsync(actor.OrganisationId, hash, now, TimeSpan.FromDays(1), settings.PerDay, new Message("certificates.lookup.daily-limit-reached"), ct);
            db.Add(new CertificateLookup
            {
                OrganisationId = actor.OrganisationId,
                OrganisationName = actor.OrganisationName.Length > 128 ? actor.OrganisationName[..128] : actor.OrganisationName,
                NumberHash = hash,
                At = now.ToUniversalTime(),
            });
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private async Task CheckAsync(Guid organisationId, string hash, DateTimeOffset now, TimeSpan window, int limit, Message limitReached, CancellationToken ct)
    {
        if (limit <= 0) return;
        var since = (now - window).ToUniversalTime();
        var lookups = db.Set<CertificateLookup>().AsNoTracking().Where(l => l.OrganisationId == organisationId && l.At > since);
        if (await lookups.AnyAsync(l => l.NumberHash == hash, ct)) return;
        if (await lookups.Select(l => l.NumberHash).Distinct().CountAsync(ct) < limit) return;
        // Room again when the oldest lookup in the window leaves it.
        var oldest = await lookups.OrderBy(l => l.At).Select(l => l.At).FirstAsync(ct);
        throw ProblemException.TooManyRequests(
            limitReached.With("limit", limit),
            oldest + window - now);
    }

    /// <summary>Organisations that looked up more distinct numbers than <paramref name="threshold"/> (or the configured threshold) in the last 24 hours, most first.</summary>
    public async Task<IReadOnlyList<LookupActivity>> UnusualAsync(int? threshold, CancellationToken ct)
    {
        var over = threshold ?? options.Value.ReportThreshold;
        var since = (clock.GetUtcNow() - TimeSpan.FromDays(1)).ToUniversalTime();
        // A day's lookups are bounded by the limits above: grouped here rather than in provider-specific SQL.
        var rows = await db.Set<CertificateLookup>().AsNoTracking().Where(l => l.At > since)
            .Select(l => new { l.OrganisationId, l.OrganisationName, l.NumberHash, l.At }).ToListAsync(ct);
        return rows.GroupBy(r => r.OrganisationId)
            .Select(g => new LookupActivity(g.Key, g.OrderByDescending(r => r.At).First().OrganisationName,
                g.Select(r => r.NumberHash).Distinct(StringComparer.Ordinal).Count(), g.Count(), g.Max(r => r.At)))
            .Where(a => a.DistinctNumbers > over)
            .OrderByDescending(a => a.DistinctNumbers).ThenBy(a => a.OrganisationName, StringComparer.Ordinal)
            .ToList();
    }

    public static string Hash(string number) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(number.Trim().ToUpperInvariant())));
}
