using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;

namespace Hereafter.Web.Platform.Auth;

/// <summary>OpenIddict's entities (added by <c>UseOpenIddict()</c>) under the platform's snake_case table names.</summary>
internal sealed class OidcTables :
    IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreApplication>, IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreAuthorization>,
    IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreScope>, IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreToken>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreApplication> b) => b.ToTable("oidc_applications");
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreAuthorization> b) => b.ToTable("oidc_authorizations");
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreScope> b) => b.ToTable("oidc_scopes");
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreToken> b) => b.ToTable("oidc_tokens");
}
