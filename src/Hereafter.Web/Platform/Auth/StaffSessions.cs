using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Platform.Auth;

/// <summary>
/// Re-validates signed-in staff cookies against the database: when a cookie was last checked more than
/// <see cref="CheckInterval"/> ago, its security stamp must still be the account's and the account must be enabled;
/// otherwise the session ends (the cookie is removed and the request runs signed out). Changing an account's roles,
/// password or disabling it changes its stamp (<see cref="StaffAccount"/>), so the change reaches every open session
/// on every node within a minute.
/// </summary>
public static class StaffSessions
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);
    private const string CheckedAtItem = "hereafter.checked";

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var checkedAt = context.Properties.Items.TryGetValue(CheckedAtItem, out var text)
                        && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : context.Properties.IssuedUtc ?? DateTimeOffset.MinValue;
        if (now - checkedAt < CheckInterval && checkedAt <= now) return;

        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(StaffSignIn.SecurityStampClaim);
        var current = Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? await services.GetRequiredService<HereafterDbContext>().Set<StaffAccount>().AsNoTracking()
                .Where(a => a.Id == id).Select(a => new { a.SecurityStamp, a.IsDisabled })
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted)
            : null;
        if (current is null || current.IsDisabled || stamp is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(current.SecurityStamp)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.Properties.Items[CheckedAtItem] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }
}

/// <summary>Changes to staff accounts that end the account's open sessions (an administration page can call these).</summary>
public sealed class StaffAccountAdministration(HereafterDbContext db)
{
    public Task ChangeRolesAsync(Guid accountId, IEnumerable<string> roles, CancellationToken ct = default) =>
        ChangeAsync(accountId, a => a.ChangeRoles(roles), ct);

    public Task DisableAsync(Guid accountId, CancellationToken ct = default) => ChangeAsync(accountId, a => a.Disable(), ct);

    public Task EnableAsync(Guid accountId, CancellationToken ct = default) => ChangeAsync(accountId, a => a.Enable(), ct);

    private async Task ChangeAsync(Guid accountId, Action<StaffAccount> change, CancellationToken ct)
    {
        var account = await db.Set<StaffAccount>().FirstOrDefaultAsync(a => a.Id == accountId, ct)
                      ?? throw Errors.ProblemException.NotFound(new Message("auth.staff-account.not-found"));
        change(account);
        await db.SaveChangesAsync(ct);
    }
}
