using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Hereafter.Web.Platform.Security;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Platform.Data;

/// <summary>One ASP.NET Core Data Protection key (its XML), kept in the database so every node shares the key ring.</summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> b)
    {
        b.ToTable("data_protection_keys");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}

/// <summary>
/// Stores the key ring in the platform database (what <c>PersistKeysToDbContext</c> does, without another package):
/// secrets protected on one node unprotect on every other, and survive restarts. The keys are encrypted at
/// rest outside Development (<see cref="Security.KeyRingEncryption"/>): a copy of the database alone unprotects nothing.
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return db.Set<DataProtectionKeyRecord>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        db.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

public static class DataProtectionModule
{
    public static IServiceCollection AddPlatformDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Outside Development the key ring must be encrypted at rest: refuse to start otherwise.
        Security.ProductionSettings.Require(configuration, environment);
        services.AddDataProtection().SetApplicationName("Hereafter").ProtectKeysFromConfiguration(configuration);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }
}
