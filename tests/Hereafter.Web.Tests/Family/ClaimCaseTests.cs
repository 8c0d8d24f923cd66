using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Family.Features.ListMyCases;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Family;

/// <summary>A citizen claims a case by certificate number and the deceased's name (handlers through DI).</summary>
public sealed class ClaimCaseTests(ClaimCaseTests.Factory factory) : IClassFixture<ClaimCaseTests.Factory>
{
    /// <summary>A low claim limit, so the limit test stays short.</summary>
    public sealed class Factory : HereafterFactory
    {
        protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
        {
            ["RateLimits:FamilyClaim:PermitLimit"] = "4", ["RateLimits:FamilyClaim:WindowSeconds"] = "600",
        };
    }

    [Fact]
    public async Task FamilyContact_IsAdmittedAtOnce()
    {
        var death = await factory.DeathAsync();
        var citizen = FamilyTestSupport.FamilyContact();

        var answer = await factory.ClaimAsync(citizen, death);

        Assert.Equal("admitted", answer.Admission);
        Assert.Equal(death.CaseId, answer.CaseId);
        var admission = await factory.AdmissionAsync(citizen, death.CaseId);
        Assert.Equal(AdmissionStatus.Admitted, admission.Status);
        Assert.Equal(Relationship.Child, admission.Relationship);
        Assert.Equal("family contact", admission.DecidedBy);
    }

    [Fact]
    public async Task NumberAndName_WrittenWithSpacesAndFullWidth_StillFindTheCase()
    {
        var death = await factory.DeathAsync();
        var fullWidth = new string(death.Number.Select(c => c is >= '0' and <= '9' ? (char)(c + 0xFEE0) : c).ToArray());
        var spaced = string.Join(' ', death.Person.Name.ToCharArray());

        var answer = await factory.ClaimAsync(FamilyTestSupport.FamilyContact(), " " + fullWidth + " ", spaced);

        Assert.Equal(death.CaseId, answer.CaseId);
    }

    [Fact]
    public async Task SomeoneElse_MustUploadProof()
    {
        var death = await factory.DeathAsync();
        var citizen = FamilyTestSupport.Stranger();

        var answer = await factory.ClaimAsync(citizen, death, "grandchild");

        Assert.Equal("pending-proof", answer.Admission);
        Assert.Equal(AdmissionStatus.PendingProof, (await factory.AdmissionAsync(citizen, death.CaseId)).Status);
    }

    [Fact]
    public async Task WrongName_AndWrongNumber_AnswerTheSame404()
    {
        var death = await factory.DeathAsync();
        var other = await factory.DeathAsync();
        var citizen = FamilyTestSupport.FamilyContact();

        var wrongName = await Assert.ThrowsAsync<ProblemException>(() => factory.ClaimAsync(citizen, death.Number, other.Person.Name));
        var wrongNumber = await Assert.ThrowsAsync<ProblemException>(() => factory.ClaimAsync(citizen, People.Next().IdNumber, death.Person.Name));

        Assert.Equal(404, wrongName.Status);
        Assert.Equal((wrongName.Status, wrongName.Title, wrongName.Code, wrongName.Detail), (wrongNumber.Status, wrongNumber.Title, wrongNumber.Code, wrongNumber.Detail));
        Assert.Equal("family.claim.not-found", wrongName.Code);
        var audited = await factory.AuditAsync("family.case.claim");
        Assert.Contains(audited, e => e.ActorId == "citizen:" + citizen.Subject && e.Details == "not-found" && e.Subject.StartsWith("certificate-number-hash:"));
        Assert.DoesNotContain(audited, e => e.Subject.Contains(death.Number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RepeatedClaim_ReturnsTheSameAdmission_WithoutASecondRow()
    {
        var death = await factory.DeathAsync();
        var citizen = FamilyTestSupport.Stranger();

        var first = await factory.ClaimAsync(citizen, death);
        var again = await factory.ClaimAsync(citizen, death, "spouse");

        Assert.Equal(first, again);
        using var scope = factory.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<FamilyAdmission>()
            .CountAsync(a => a.CaseId == death.CaseId && a.CitizenSubject == citizen.Subject);
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task MissingFields_AreFieldErrors()
    {
        var e = await Assert.ThrowsAsync<FieldValidationException>(() => factory.ClaimAsync(FamilyTestSupport.Stranger(), " ", "", "cousin"));
        Assert.Equal(["certificateNumber", "decedentName", "relationship"], e.Errors.Keys.Order());
    }

    [Fact]
    public async Task TooManyClaims_By_OneCitizen_Are429_WithRetryAfter()
    {
        var citizen = FamilyTestSupport.Stranger();
        for (var i = 0; i < 4; i++)
            Assert.Equal(404, (await Assert.ThrowsAsync<ProblemException>(() => factory.ClaimAsync(citizen, People.Next().IdNumber, "张三"))).Status);

        var limited = await Assert.ThrowsAsync<ProblemException>(() => factory.ClaimAsync(citizen, People.Next().IdNumber, "张三"));

        Assert.Equal(429, limited.Status);
        Assert.Equal("family.claim.too-many", limited.Code);
        Assert.True(limited.RetryAfter > TimeSpan.Zero);
        // Another citizen is not held back by the first one's guesses.
        var death = await factory.DeathAsync();
        Assert.Equal("pending-proof", (await factory.ClaimAsync(FamilyTestSupport.Stranger(), death)).Admission);
    }

    [Fact]
    public async Task MyCases_ListAdmittedWithFullName_AndPendingClaimsMasked()
    {
        var admitted = await factory.DeathAsync();
        var pending = await factory.DeathAsync();
        var citizen = FamilyTestSupport.FamilyContact();
        await factory.ClaimAsync(citizen, admitted);
        await factory.ClaimAsync(citizen with { Phone = "13000000000" }, pending, "sibling");

        using var scope = factory.Services.CreateScope();
        var mine = await scope.ServiceProvider.GetRequiredService<ListMyCasesHandler>().HandleAsync(citizen, default);

        var own = Assert.Single(mine.Cases);
        Assert.Equal((admitted.CaseId, admitted.Person.Name, "child"), (own.CaseId, own.DecedentName, own.Relationship));
        var claim = Assert.Single(mine.PendingClaims);
        Assert.Equal((pending.CaseId, "pending-proof", "sibling"), (claim.CaseId, claim.Status, claim.Relationship));
        Assert.Equal(Hereafter.Domain.Identity.PersonalDataMask.Name(pending.Person.Name), claim.DecedentNameMasked);
        Assert.NotEqual(pending.Person.Name, claim.DecedentNameMasked);
        Assert.Contains(await factory.AuditAsync("family.cases.read"), e => e.ActorId == "citizen:" + citizen.Subject && e.Details.Contains(admitted.CaseId.ToString()));
    }
}
