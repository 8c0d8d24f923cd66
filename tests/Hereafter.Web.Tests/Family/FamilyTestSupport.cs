using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Family.Features.ClaimCase;
using Hereafter.Web.Modules.Family.Features.UploadProof;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Family;

/// <summary>Certificates, citizens and claims for the family admission tests (through DI until citizens sign in over HTTP).</summary>
public static class FamilyTestSupport
{
    /// <summary>The informant every test certificate names (<c>Sample.HospitalDeath</c>): 王丽, 13985012345.</summary>
    public static Citizen FamilyContact() =>
        new("test-" + Guid.NewGuid().ToString("n")[..12], DemoCitizens.Wang.Name, DemoCitizens.Wang.IdNumber, DemoCitizens.Wang.Phone);

    /// <summary>A citizen on no certificate (测试 + last four digits of a fresh ID number).</summary>
    public static Citizen Stranger()
    {
        var demo = DemoCitizens.ForIdNumber(People.Next().IdNumber)!;
        return new Citizen(demo.Subject, demo.Name, demo.IdNumber, demo.Phone);
    }

    public sealed record Death(People.Person Person, string Number, Guid CaseId);

    /// <summary>Issues a certificate and waits until its death case is open.</summary>
    public static async Task<Death> DeathAsync(this HereafterFactory factory)
    {
        var person = People.Next();
        var number = await factory.IssueAsync(person);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            using (var scope = factory.Services.CreateScope())
            {
                if (await scope.ServiceProvider.GetRequiredService<IDeathCaseDirectory>().FindByCertificateNumberAsync(number, default) is { } found)
                    return new Death(person, number, found.CaseId);
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The death case was not opened.");
    }

    public static async Task<ClaimCaseResponse> ClaimAsync(this HereafterFactory factory, Citizen citizen, string number, string name, string relationship = "child")
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ClaimCaseHandler>()
            .HandleAsync(citizen, new ClaimCaseRequest(number, name, relationship), default);
    }

    public static Task<ClaimCaseResponse> ClaimAsync(this HereafterFactory factory, Citizen citizen, Death death, string relationship = "child") =>
        factory.ClaimAsync(citizen, death.Number, death.Person.Name, relationship);

    public static async Task<ProofUploaded> UploadAsync(this HereafterFactory factory, Citizen citizen, Guid caseId, byte[] bytes, string contentType, string fileName)
    {
        using var scope = factory.Services.CreateScope();
        var file = new FormFile(new MemoryStream(bytes), 0, bytes.Length, "file", fileName)
        {
            Headers = new HeaderDictionary(), ContentType = contentType,
        };
        return await scope.ServiceProvider.GetRequiredService<UploadProofHandler>().HandleAsync(citizen, caseId, file, default);
    }

    public static async Task<FamilyAdmission> AdmissionAsync(this HereafterFactory factory, Citizen citizen, Guid caseId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<FamilyAdmission>().AsNoTracking()
            .SingleAsync(a => a.CaseId == caseId && a.CitizenSubject == citizen.Subject);
    }

    public static async Task<List<AuditEntry>> AuditAsync(this HereafterFactory factory, string action)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>A claim by a stranger with proof uploaded: waiting for a clerk.</summary>
    public static async Task<(Citizen Citizen, Death Death, FamilyAdmission Admission)> PendingReviewAsync(this HereafterFactory factory)
    {
        var death = await factory.DeathAsync();
        var citizen = Stranger();
        await factory.ClaimAsync(citizen, death, "grandchild");
        await factory.UploadAsync(citizen, death.CaseId, ProofBytes.Pdf(), "application/pdf", "户口簿.pdf");
        var admission = await factory.AdmissionAsync(citizen, death.CaseId);
        Assert.Equal(AdmissionStatus.PendingReview, admission.Status);
        return (citizen, death, admission);
    }
}

/// <summary>Small files of each kind, by their real first bytes.</summary>
public static class ProofBytes
{
    public static byte[] Pdf(int size = 2048) => Fill("%PDF-1.7\n"u8, size);
    public static byte[] Png(int size = 2048) => Fill([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52], size);
    public static byte[] Jpeg(int size = 2048) => Fill([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46], size);
    public static byte[] WindowsExe(int size = 2048) => Fill("MZ\u0090\0"u8, size);

    private static byte[] Fill(ReadOnlySpan<byte> header, int size)
    {
        var bytes = new byte[size];
        for (var i = header.Length; i < size; i++) bytes[i] = (byte)(i * 31);
        header.CopyTo(bytes);
        return bytes;
    }
}
