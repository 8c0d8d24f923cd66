using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Tests.Custody;

public class CustodyOptionsTests
{
    private sealed class DocumentsFactory(params string[] documents) : HereafterFactory
    {
        protected override IDictionary<string, string?> ExtraSettings() =>
            documents.Select((d, i) => (Key: $"Custody:Documents:{i}", Value: (string?)d)).ToDictionary(x => x.Key, x => x.Value);
    }

    [Fact]
    public void WithoutConfiguration_TheChecklistIsTheDomainsDefaultSet()
    {
        using var factory = new HereafterFactory();
        var options = factory.Services.GetRequiredService<IOptions<CustodyOptions>>().Value;
        Assert.Equal(CustodyDocuments.DefaultSet, options.DocumentSet);
        Assert.Equal((3, 90, 365), (options.StorageDays, options.PlacementFollowUpDays, options.UnclaimedAfterDays));
    }

    [Fact]
    public void AConfiguredDocumentSet_IsReadFromItsCodes()
    {
        using var factory = new DocumentsFactory("cremation-certificate", "cremation-consent", "ashes-agreement");
        var options = factory.Services.GetRequiredService<IOptions<CustodyOptions>>().Value;
        Assert.Equal([CustodyDocument.CremationCertificate, CustodyDocument.CremationConsent, CustodyDocument.AshesAgreement], options.DocumentSet);
    }

    [Fact]
    public void AnUnknownDocumentCode_StopsTheStartNamingTheSetting()
    {
        using var factory = new DocumentsFactory("cremation-certificate", "death-notice");
        var e = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("Custody:Documents", e.ToString());
    }
}
