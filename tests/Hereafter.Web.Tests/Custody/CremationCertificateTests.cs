using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Hereafter.Domain.Custody;
using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Hereafter.Web.Tests.Custody;

/// <summary>The 火化证明: issue, PDF, QR verification, collection and reissue.</summary>
public sealed class CremationCertificateTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task IssuedOnce_AfterTheCremation_WithAFieldsPdf()
    {
        var home = await factory.ClientForAsync("demo-funeral-home");
        var notYet = await factory.RecordAtAsync(CustodyState.InStorage);
        Assert.Equal(["wrong-state"], await (await home.PostAsync($"/api/v1/custody/{notYet.CustodyId}/cremation-certificate", null)).RefusalsAsync());

        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var number = await home.IssueCremationCertificateAsync(seeded.CustodyId);
        Assert.StartsWith("GY-FUNERAL-HOME-", number);
        Assert.Equal(["cremation-certificate-already-issued"], await (await home.PostAsync($"/api/v1/custody/{seeded.CustodyId}/cremation-certificate", null)).RefusalsAsync());

        var response = await home.GetAsync($"/api/v1/custody/{seeded.CustodyId}/cremation-certificate.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(seeded.CertificateNumber, response.Content.Headers.ContentDisposition?.ToString() ?? "");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal(595, page.Width, 1);
        var text = string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<CustodyRecord>().AsNoTracking().SingleAsync(r => r.Id == seeded.CustodyId);
        foreach (var expected in new[] { "火化证明", "姓名", record.DecedentName, "性别", "男", "身份证号码", seeded.CertificateNumber, "死亡时间", "火化时间",
                     "火化证明编号", number, "出具日期", "贵阳市殡仪馆", "火化证明专用章" })
            Assert.Contains(expected, text);

        // Another funeral home cannot print it.
        var other = await factory.ClientForAsync("demo-funeral-home-2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/custody/{seeded.CustodyId}/cremation-certificate.pdf")).StatusCode);
    }

    [Fact]
    public async Task TheQrToken_VerifiesWithMaskedData_AndAForgedOneIsInvalid()
    {
        var home = await factory.ClientForAsync("demo-funeral-home");
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var number = await home.IssueCremationCertificateAsync(seeded.CustodyId);
        var token = await TokenAsync(seeded.CustodyId);

        var anonymous = factory.CreateClient();
        var answer = await (await anonymous.GetAsync($"/api/v1/verify/{token}")).JsonAsync();
        Assert.Equal("valid", answer.GetProperty("status").GetString());
        Assert.Equal("cremation-certificate", answer.GetProperty("document").GetString());
        Assert.Equal(number, answer.GetProperty("number").GetString());
        Assert.Equal(PersonalDataMask.IdNumber(seeded.CertificateNumber), answer.GetProperty("maskedIdNumber").GetString());
        Assert.Equal("贵阳市殡仪馆", answer.GetProperty("issuer").GetString());
        Assert.DoesNotContain(seeded.CertificateNumber, answer.GetRawText());

        var page = await anonymous.GetStringAsync($"/verify/{token}");
        Assert.Contains("火化证明验证", page);
        Assert.Contains(number, page);
        Assert.DoesNotContain(seeded.CertificateNumber, page);

        // One changed character breaks the signature.
        var forged = token[..60] + (token[60] == 'A' ? 'B' : 'A') + token[61..];
        Assert.Equal("invalid", (await (await anonymous.GetAsync($"/api/v1/verify/{forged}")).JsonAsync()).GetProperty("status").GetString());
        Assert.Contains("无效或伪造", await anonymous.GetStringAsync($"/verify/{forged}"));

        // A 火化证明's token is no death certificate at pickup.
        var scan = await home.PostAsJsonAsync("/api/v1/custody", new { certificateNumber = token, pickedUpAt = DateTimeOffset.UtcNow, fromAddress = "x" });
        Assert.NotEqual(HttpStatusCode.Created, scan.StatusCode);
    }

    [Fact]
    public async Task Collection_ThenReissueOnce_OnlyToTheFirstCollector()
    {
        var home = await factory.ClientForAsync("demo-funeral-home");
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var url = $"/api/v1/custody/{seeded.CustodyId}/cremation-certificate";
        var collector = CustodySeed.PersonInCharge;
        var stranger = People.Next();

        Assert.Equal(["cremation-certificate-not-issued"], await (await home.PostAsJsonAsync(url + "/collection", new { name = collector.Name, idNumber = collector.IdNumber, relationship = "child" })).RefusalsAsync());
        await home.IssueCremationCertificateAsync(seeded.CustodyId);
        Assert.Equal(["cremation-certificate-not-collected"], await (await home.PostAsJsonAsync(url + "/reissue", new { reason = "遗失", idNumber = collector.IdNumber })).RefusalsAsync());
        Assert.Equal(["idNumber", "relationship"], await (await home.PostAsJsonAsync(url + "/collection", new { name = collector.Name, idNumber = "123", relationship = "x" })).FieldsAsync());

        Assert.Equal(HttpStatusCode.OK, (await home.PostAsJsonAsync(url + "/collection", new { name = collector.Name, idNumber = collector.IdNumber, relationship = "child" })).StatusCode);
        Assert.Equal(["cremation-certificate-already-collected"], await (await home.PostAsJsonAsync(url + "/collection", new { name = stranger.Name, idNumber = stranger.IdNumber, relationship = "child" })).RefusalsAsync());

        var firstToken = await TokenAsync(seeded.CustodyId);
        Assert.Equal(["reason"], await (await home.PostAsJsonAsync(url + "/reissue", new { reason = "", idNumber = collector.IdNumber })).FieldsAsync());
        Assert.Equal(["reissue-to-another-person"], await (await home.PostAsJsonAsync(url + "/reissue", new { reason = "遗失", idNumber = stranger.IdNumber })).RefusalsAsync());
        Assert.Equal(HttpStatusCode.OK, (await home.PostAsJsonAsync(url + "/reissue", new { reason = "遗失", idNumber = collector.IdNumber.ToLowerInvariant() })).StatusCode);
        Assert.Equal(["cremation-certificate-already-reissued"], await (await home.PostAsJsonAsync(url + "/reissue", new { reason = "又遗失", idNumber = collector.IdNumber })).RefusalsAsync());

        // The lost paper's code now says it was replaced; the reissued one is valid and printed 补发.
        var anonymous = factory.CreateClient();
        Assert.Equal("superseded", (await (await anonymous.GetAsync($"/api/v1/verify/{firstToken}")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("valid", (await (await anonymous.GetAsync($"/api/v1/verify/{await TokenAsync(seeded.CustodyId)}")).JsonAsync()).GetProperty("status").GetString());
        using var document = PdfDocument.Open(await home.GetByteArrayAsync(url + ".pdf"));
        Assert.Contains("补发", document.GetPage(1).Text);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var line = await db.Set<CustodyStepEntry>().SingleAsync(s => s.CustodyId == seeded.CustodyId && s.Step == CustodyStep.ReissueCremationCertificate);
        Assert.Contains("遗失", line.Note);
    }

    [RequiresToolsFact("pdftoppm", "zbarimg")]
    public async Task TheQrCodeInThePdf_DecodesToTheVerificationAddress()
    {
        var home = await factory.ClientForAsync("demo-funeral-home");
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        await home.IssueCremationCertificateAsync(seeded.CustodyId);
        var dir = Path.Combine(Path.GetTempPath(), "hereafter-tests", "crem-qr-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        try
        {
            var pdfPath = Path.Combine(dir, "c.pdf");
            await File.WriteAllBytesAsync(pdfPath, await home.GetByteArrayAsync($"/api/v1/custody/{seeded.CustodyId}/cremation-certificate.pdf"));
            await Run("pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", pdfPath, Path.Combine(dir, "page"));
            var decoded = (await Run("zbarimg", "--raw", "-q", Directory.GetFiles(dir, "page*.png").Single())).Trim();
            Assert.EndsWith("/verify/" + await TokenAsync(seeded.CustodyId), decoded);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task OnceTheAshesArePlaced_TheQrCodeSaysWrittenOff()
    {
        var home = await factory.ClientForAsync("demo-funeral-home");
        var seeded = await factory.RecordAtAsync(CustodyState.AshesReleased);
        var number = await home.IssueCremationCertificateAsync(seeded.CustodyId);
        var token = await TokenAsync(seeded.CustodyId);
        var cemetery = await factory.ClientForAsync("demo-cemetery");
        var burial = await cemetery.PostAsJsonAsync("/api/v1/burials",
            new { cremationCertificateNumber = number, plotOrNiche = "松园-01-001", buriedAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.Created, burial.StatusCode);

        var anonymous = factory.CreateClient();
        var answer = await (await anonymous.GetAsync($"/api/v1/verify/{token}")).JsonAsync();
        Assert.Equal("written-off", answer.GetProperty("status").GetString());
        Assert.Equal(number, answer.GetProperty("number").GetString());
        var page = await anonymous.GetStringAsync($"/verify/{token}");
        Assert.Contains("已注销（骨灰已安放）", page);
        Assert.Contains("不能再用于购买墓位或安葬", page);
    }

    private async Task<string> TokenAsync(Guid custodyId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return (await db.Set<CremationCertificate>().AsNoTracking().SingleAsync(c => c.CustodyId == custodyId)).Token!;
    }

    private static async Task<string> Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return await output;
    }
}
