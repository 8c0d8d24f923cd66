using Hereafter.Web.Components;
using Hereafter.Web.Modules.Certificates;
using Hereafter.Web.Modules.Sharing;
using Hereafter.Web.Modules.Reconciliation;
using Hereafter.Web.Modules.Pricing;
using Hereafter.Web.Modules.Family;
using Hereafter.Web.Modules.Custody;
using Hereafter.Web.Modules.Memorial;
using Hereafter.Web.Modules.Dashboard;
using Hereafter.Web.Platform.Outbox;
using Hereafter.Web.Platform.Signing;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Json;
using Hereafter.Web.Platform.Localization;
using Hereafter.Web.Platform.Navigation;
using Hereafter.Web.Platform.RateLimits;
using Hereafter.Web.Platform.Security;
using Hereafter.Web.Modules.Pricing.Features.BrowsePrices;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
// Outside Development: refuses to start without the settings a deployment needs; HSTS, Secure cookies, proxies.
builder.Services.AddPlatformSecurity(builder.Configuration, builder.Environment);
// Chinese text goes out as UTF-8 characters, not as numeric entities; API bodies leave out nulls.
builder.Services.AddPlatformJson();
builder.Services.AddPlatformData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPlatformErrors();
// Data Protection keys live in the database: every node shares them, and protected values survive restarts.
builder.Services.AddPlatformDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddPlatformAuth();
builder.Services.AddFamilyIdentity(builder.Configuration, builder.Environment);
builder.Services.AddPlatformAudit();
builder.Services.AddPlatformLocalization();
builder.Services.AddPlatformSigning();
builder.Services.AddPlatformOutbox();
builder.Services.AddPlatformRateLimits(builder.Configuration);
builder.Services.AddPlatformNavigation();
builder.Services.AddDashboard();
builder.Services.AddCertificates();
builder.Services.AddSharing();
builder.Services.AddReconciliation();
builder.Services.AddPricing();
builder.Services.AddFamily();
builder.Services.AddCustody(builder.Configuration);
builder.Services.AddMemorial(builder.Configuration);
builder.Services.AddOpenApi(o => o.AddDocumentTransformer<Hereafter.Web.Modules.Certificates.CertificatesOpenApi>());
builder.Services.AddRazorComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAntiforgery();
builder.Services.AddPricingPages();

var app = builder.Build();

await app.Services.MigrateDatabaseAsync();
// Load or create the signing key now: creating it registers its public key, which must not happen
// inside a certificate's transaction (SQLite has one writer).
await app.Services.GetRequiredService<SigningKeyStore>().GetSigningKeyAsync();
if (args is ["rotate-signing-key", ..])
{
    // dotnet run --project src/Hereafter.Web -- rotate-signing-key: new certificates use a new key;
    // the old one is marked retired and keeps verifying what it signed.
    var keyId = await app.Services.GetRequiredService<SigningKeyStore>().RotateAsync();
    Console.WriteLine($"New signing key {keyId}; earlier keys keep verifying their certificates.");
    return;
}
if (args is ["reconcile", ..])
{
    // dotnet run --project src/Hereafter.Web -- reconcile --roll <file> [--deaths <file>] --program <code> [--encoding utf-8|gbk] --out <dir>
    using var scope = app.Services.CreateScope();
    Environment.ExitCode = await scope.ServiceProvider.GetRequiredService<Hereafter.Web.Modules.Reconciliation.Features.ReconcileFromCommandLine.ReconcileCommand>()
        .RunAsync(args, Console.Out, Console.Error, terminal: !Console.IsOutputRedirected, CancellationToken.None);
    return;
}
if (app.Environment.IsDevelopment())
{
    // Demo data: the platform's organisations and accounts, then each module's own, each once (ADR 0008).
    await app.Services.SeedPlatformDemoAsync();
    await app.Services.SeedCertificatesDemoAsync();
    await app.Services.SeedReconciliationDemoAsync();
    await app.Services.SeedPricingDemoAsync();
    await app.Services.SeedCustodyDemoAsync();
    await app.Services.SeedMemorialDemoAsync();
}

app.UsePlatformSecurity();
app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true });
// Friendly pages for people; the API keeps its status codes and ProblemDetails bodies.
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api") && !ctx.Request.Path.StartsWithSegments("/connect"),
    branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseRouting();
app.UsePlatformRateLimits();
app.UseReconciliationUploadLimits();
app.UsePlatformLocalization();
app.UseAuthentication();
app.UseApiAntiforgery();
app.UseAuthorization();
app.UseAntiforgery();
// After authentication: signed-in people are never served from (or stored in) the public price pages' cache.
app.UsePublicPriceCache();

app.MapStaticAssets();
app.MapOpenApi();
app.MapScalarApiReference("/api-docs");
app.MapPlatformAuth();
app.MapFamilyProvider();
app.MapFamilyIdentity();
app.MapPlatformAudit();
app.MapPlatformOutbox();
app.MapPlatformLocalization();
app.MapCertificates();
app.MapSharing();
app.MapReconciliation();
app.MapPricing();
app.MapFamily();
app.MapCustody();
app.MapMemorial();
app.MapDashboard();
app.MapGet("/health", () => Results.Ok(new { status = "ok" })).ExcludeFromDescription();
app.MapRazorComponents<App>();

app.Run();

/// <summary>Entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
