using System.Security.Cryptography;
using System.Text;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Platform.Auth;

/// <summary>
/// Failed sign-ins of one user name, kept in the database so a lockout holds on every node. The row is keyed by a
/// hash of the normalised user name, whether or not such an account exists: an unknown name locks exactly like a
/// real one, so the lockout reveals nothing about which accounts exist (and no guessed names are stored as text).
/// </summary>
public sealed class SignInFailure
{
    public string UserNameHash { get; set; } = "";
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> b)
    {
        b.ToTable("sign_in_failures");
        b.HasKey(x => x.UserNameHash);
        b.Property(x => x.UserNameHash).HasMaxLength(64);
        b.HasIndex(x => x.LastFailureAt);
    }
}

/// <summary>
/// <see cref="MaxFailures"/> wrong passwords for one user name within <see cref="Window"/> lock it for
/// <see cref="LockoutPeriod"/>; while locked, not even the right password signs in. A successful sign-in clears the count.
/// </summary>
public sealed class SignInLockout(HereafterDbContext db, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);
    /// <summary>Failures further apart than this start counting again.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static string Key(string userName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userName.Trim().ToLowerInvariant())));

    public async Task<bool> IsLockedAsync(string userName, CancellationToken ct)
    {
        var key = Key(userName);
        var now = clock.GetUtcNow();
        return await db.Set<SignInFailure>().AsNoTracking().AnyAsync(f => f.UserNameHash == key && f.LockedUntil > now, ct);
    }

    /// <summary>Counts a failure; true when this failure locked the name.</summary>
    public async Task<bool> RecordFailureAsync(string userName, CancellationToken ct)
    {
        var key = Key(userName);
        var now = clock.GetUtcNow();
        var cutoff = now - Window;
        var set = db.Set<SignInFailure>();
        // One statement per step, so failures on several nodes at once all count.
        if (await IncrementAsync() == 0)
        {
            var row = new SignInFailure { UserNameHash = key, Failures = 1, LastFailureAt = now };
            set.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // Another node inserted the row first.
                db.Entry(row).State = EntityState.Detached;
                await IncrementAsync();
            }
        }
        var until = now + LockoutPeriod;
        var locked = await set.Where(f => f.UserNameHash == key && f.Failures >= MaxFailures && f.LockedUntil == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LockedUntil, until).SetProperty(f => f.Failures, 0), ct) > 0;
        // Rows of names nobody has tried for a day are of no use: clear a few on the way.
        var stale = now - TimeSpan.FromDays(1);
        await set.Where(f => f.LastFailureAt < stale && (f.LockedUntil == null || f.LockedUntil < now))
            .OrderBy(f => f.LastFailureAt).Take(100).ExecuteDeleteAsync(ct);
        return locked;

        Task<int> IncrementAsync() => set.Where(f => f.UserNameHash == key && (f.LockedUntil == null || f.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Failures, f => f.LastFailureAt < cutoff || f.LockedUntil != null ? 1 : f.Failures + 1)
                .SetProperty(f => f.LastFailureAt, now)
                .SetProperty(f => f.LockedUntil, (DateTimeOffset?)null), ct);
    }

    public Task ClearAsync(string userName, CancellationToken ct)
    {
        var key = Key(userName);
        return db.Set<SignInFailure>().Where(f => f.UserNameHash == key).ExecuteDeleteAsync(ct);
    }
}
