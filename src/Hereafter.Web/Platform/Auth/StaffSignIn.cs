using System.Security.Claims;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Platform.Auth;

/// <summary>
/// Checks a staff member's user name and password and builds the cookie principal.
/// Unknown user and wrong password give the same answer and take about the same time; a disabled account answers
/// the same too. Repeated failures lock the user name (<see cref="SignInLockout"/>), known or not.
/// </summary>
public sealed class StaffSignIn(HereafterDbContext db, IPasswordHasher<StaffAccount> hasher, SignInLockout lockout)
{
    /// <summary>The claim carrying the account's security stamp at sign-in; see <see cref="StaffSessions"/>.</summary>
    public const string SecurityStampClaim = "stamp";

    // A real hash to verify against when the user does not exist, so timing does not reveal user names.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<StaffAccount>().HashPassword(new StaffAccount(), "no-such-user"));

    public enum Outcome { SignedIn, WrongCredentials, LockedOut }

    public sealed record Attempt(Outcome Outcome, ClaimsPrincipal? Principal = null);

    public async Task<Attempt> SignInAsync(string? userName, string? password, CancellationToken ct = default)
    {
        userName = userName?.Trim();
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password)) return new Attempt(Outcome.WrongCredentials);
        if (await lockout.IsLockedAsync(userName, ct)) return new Attempt(Outcome.LockedOut);
        var principal = await VerifyAsync(userName, password, ct);
        if (principal is null)
            return new Attempt(await lockout.RecordFailureAsync(userName, ct) ? Outcome.LockedOut : Outcome.WrongCredentials);
        await lockout.ClearAsync(userName, ct);
        return new Attempt(Outcome.SignedIn, principal);
    }

    /// <summary>The principal for a right user name and password of an enabled account; null otherwise. No lockout.</summary>
    public async Task<ClaimsPrincipal?> VerifyAsync(string? userName, string? password, CancellationToken ct = default)
    {
        userName = userName?.Trim();
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password)) return null;

        var account = await db.Set<StaffAccount>().FirstOrDefaultAsync(a => a.UserName == userName, ct);
        if (account is null)
        {
            hasher.VerifyHashedPassword(new StaffAccount(), DummyHash.Value, password);
            return null;
        }
        var result = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed || account.IsDisabled) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // Same password, stronger hash: not a change that should end the account's sessions.
            account.PasswordHash = hasher.HashPassword(account, password);
            await db.SaveChangesAsync(ct);
        }

        var org = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == account.OrganisationId, ct);
        if (org is null) return null;
        var identity = Actor.CreateIdentity(CookieAuthenticationDefaults.AuthenticationScheme, account.Id.ToString(), account.DisplayName,
            org.Id, org.Name, org.Type, account.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        identity.AddClaim(new Claim(SecurityStampClaim, account.SecurityStamp));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Only paths on this site: "/x" but not "//host" or "/\host", which browsers treat as other hosts.</summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>Demo accounts as the sign-in page lists them in Development.</summary>
    public sealed record DemoAccount(string UserName, string DisplayName, string OrganisationName, OrganisationType OrganisationType, string Roles);

    public Task<List<DemoAccount>> DemoAccountsAsync(CancellationToken ct = default) =>
        (from a in db.Set<StaffAccount>().AsNoTracking()
         join o in db.Set<Organisation>() on a.OrganisationId equals o.Id
         orderby o.Type, o.Name, a.UserName
         select new DemoAccount(a.UserName, a.DisplayName, o.Name, o.Type, a.Roles))
        .ToListAsync(ct);
}
