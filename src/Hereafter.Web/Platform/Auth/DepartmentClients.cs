using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Hereafter.Web.Platform.Auth;

/// <summary>
/// Registers a department system's client: an OpenIddict application (client credentials only, the secret hashed by
/// OpenIddict, the granted scopes as permissions) and the platform's record of which organisation it acts for.
/// </summary>
public sealed class DepartmentClients(HereafterDbContext db, IOpenIddictApplicationManager applications)
{
    public async Task RegisterAsync(string clientId, string secret, Guid organisationId, string name,
        IEnumerable<string> scopes, string roles = Roles.System, CancellationToken ct = default)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in scopes) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        db.Add(new ApiClient { ClientId = clientId, OrganisationId = organisationId, Name = name, Roles = roles });
        await db.SaveChangesAsync(ct);
        await applications.CreateAsync(descriptor, ct);
    }
}
