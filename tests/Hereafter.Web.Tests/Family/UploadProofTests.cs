using Hereafter.Domain.Family;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Family;

/// <summary>A citizen uploads proof of relationship for their own claim (handler through DI).</summary>
public sealed class UploadProofTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private async Task<(Hereafter.Web.Platform.Auth.Citizen Citizen, FamilyTestSupport.Death Death)> ClaimAsync()
    {
        var death = await factory.DeathAsync();
        var citizen = FamilyTestSupport.Stranger();
        await factory.ClaimAsync(citizen, death, "grandchild");
        return (citizen, death);
    }

    [Fact]
    public async Task Pdf_IsStoredWithItsHash_AndTheClaimWaitsForReview()
    {
        var (citizen, death) = await ClaimAsync();
        var bytes = ProofBytes.Pdf(4000);

        var uploaded = await factory.UploadAsync(citizen, death.CaseId, bytes, "application/pdf", "户口簿.pdf");

        Assert.Equal(("pending-review", "application/pdf", 4000L), (uploaded.Admission, uploaded.ContentType, uploaded.Size));
        var admission = await factory.AdmissionAsync(citizen, death.CaseId);
        Assert.Equal(AdmissionStatus.PendingReview, admission.Status);
        using var scope = factory.Services.CreateScope();
        var proof = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<FamilyProof>().SingleAsync(p => p.AdmissionId == admission.Id);
        Assert.Equal(bytes, proof.Content);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), proof.Sha256);
        Assert.Contains(await factory.AuditAsync("family.proof.upload"), e => e.Subject == $"admission:{admission.Id}" && e.ActorId == "citizen:" + citizen.Subject);
    }

    public static TheoryData<string, string, string, int, string> Refused => new()
    {
        { "oversize", "application/pdf", "big.pdf", 413, "family.proof.too-large" },
        { "empty", "application/pdf", "empty.pdf", 422, "family.proof.empty" },
        { "exe", "application/pdf", "户口簿.pdf", 422, "family.proof.executable" },
        { "exe", "image/jpeg", "photo.jpg", 422, "family.proof.executable" },
        { "png", "application/pdf", "proof.pdf", 422, "family.proof.type-mismatch" },
        { "text", "text/plain", "proof.txt", 422, "family.proof.unsupported-type" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task BadFiles_AreRefused_WithTheirOwnMessage_AndTheClaimStillWaitsForProof(string kind, string contentType, string name, int status, string code)
    {
        var (citizen, death) = await ClaimAsync();
        var bytes = kind switch
        {
            "oversize" => ProofBytes.Pdf((int)ProofFile.MaxBytes + 1),
            "empty" => [],
            "exe" => ProofBytes.WindowsExe(),
            "png" => ProofBytes.Png(),
            _ => "这是一段文字"u8.ToArray(),
        };

        var refused = await Assert.ThrowsAsync<ProblemException>(() => factory.UploadAsync(citizen, death.CaseId, bytes, contentType, name));

        Assert.Equal((status, code), (refused.Status, refused.Code));
        Assert.Equal(AdmissionStatus.PendingProof, (await factory.AdmissionAsync(citizen, death.CaseId)).Status);
    }

    [Fact]
    public async Task AnotherCitizensCase_OrOneNeverClaimed_Is404()
    {
        var (_, death) = await ClaimAsync();
        var other = FamilyTestSupport.Stranger();

        var notMine = await Assert.ThrowsAsync<ProblemException>(() => factory.UploadAsync(other, death.CaseId, ProofBytes.Pdf(), "application/pdf", "a.pdf"));
        var none = await Assert.ThrowsAsync<ProblemException>(() => factory.UploadAsync(other, Guid.NewGuid(), ProofBytes.Pdf(), "application/pdf", "a.pdf"));

        Assert.Equal((404, "family.case.not-found"), (notMine.Status, notMine.Code));
        Assert.Equal((none.Status, none.Code, none.Detail), (notMine.Status, notMine.Code, notMine.Detail));
    }

    [Fact]
    public async Task AdmittedOrUnderReview_Is409()
    {
        var death = await factory.DeathAsync();
        var contact = FamilyTestSupport.FamilyContact();
        await factory.ClaimAsync(contact, death);
        var admitted = await Assert.ThrowsAsync<ProblemException>(() => factory.UploadAsync(contact, death.CaseId, ProofBytes.Png(), "image/png", "a.png"));
        Assert.Equal((409, "family.proof.already-admitted"), (admitted.Status, admitted.Code));

        var (citizen, pending) = await ClaimAsync();
        await factory.UploadAsync(citizen, pending.CaseId, ProofBytes.Jpeg(), "image/jpeg", "a.jpg");
        var again = await Assert.ThrowsAsync<ProblemException>(() => factory.UploadAsync(citizen, pending.CaseId, ProofBytes.Jpeg(), "image/jpeg", "b.jpg"));
        Assert.Equal((409, "family.proof.under-review"), (again.Status, again.Code));
    }
}
