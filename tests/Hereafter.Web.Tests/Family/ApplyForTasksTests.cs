using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Family.Features.ApplyForTasks;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Family;

/// <summary>The one application form's handler, called as the page and the API call it, with a seeded admission.</summary>
public sealed class ApplyForTasksTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly PayoutAccountRequest Account = new("中国工商银行贵阳分行", "6222 0224 0201 2345 678", "王丽");

    private Task<ApplicationCreated> ApplyAsync(Hereafter.Web.Platform.Auth.Citizen citizen, Guid caseId, ApplicationRequest request) =>
        factory.WithAsync<ApplyForTasksHandler, ApplicationCreated>(h => h.HandleAsync(citizen, caseId, request, CancellationToken.None));

    [Fact]
    public async Task Apply_WithSeveralItemsAndTwoBanks_OpensOneTaskPerItemAndBank_AndARepeatOpensNone()
    {
        var (caseId, citizen) = await factory.AdmittedCaseAsync();
        var banks = await factory.BanksAsync();
        var request = new ApplicationRequest(["pension", "survivor-benefits", "driving-licence", "bank-deposits", "pension"],
            [banks["icbc-guiyang"], banks["bank-of-guiyang"]], 12.5m, Account);

        var first = await ApplyAsync(citizen, caseId, request);

        Assert.Equal([CaseTaskItem.Pension, CaseTaskItem.SurvivorBenefits, CaseTaskItem.DrivingLicence, CaseTaskItem.BankDeposits], first.Items);
        Assert.Equal(5, first.Tasks.Count);
        Assert.All(first.Tasks, t => Assert.True(t.Created));
        Assert.Equal(2, first.Tasks.Count(t => t.Item == CaseTaskItem.BankDeposits));
        Assert.Contains(first.Tasks, t => t.OrganisationId == banks["icbc-guiyang"] && t.OrganisationName == "中国工商银行贵阳分行");
        Assert.Equal(new string('*', 15) + "5678", first.PayoutAccount!.AccountMasked);
        Assert.Equal(12.5m, first.ContributionYears);

        var again = await ApplyAsync(citizen, caseId, request);
        Assert.Equal(5, again.Tasks.Count);
        Assert.All(again.Tasks, t => Assert.False(t.Created));
        Assert.Equal(first.Tasks.Select(t => t.TaskId).Order(), again.Tasks.Select(t => t.TaskId).Order());

        var progress = await factory.WithAsync<ICaseTaskProgress, IReadOnlyList<TaskProgress>>(p => p.ForCaseAsync(caseId, CancellationToken.None));
        Assert.Single(progress, t => t.Item == CaseTaskItem.Pension);
        Assert.Equal(2, progress.Count(t => t.Item == CaseTaskItem.BankDeposits));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var stored = await db.Set<FamilyApplication>().Where(a => a.CaseId == caseId).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, a => Assert.Equal(new string('*', 15) + "5678", a.PayoutAccountMasked));
        Assert.Equal(2, await db.Set<AuditEntry>().CountAsync(e => e.Action == "family.application.submit" && e.Subject == $"case:{caseId}"));
    }

    [Fact]
    public async Task Apply_BankDepositsWithNoBankChosen_AsksEveryBankOnThePlatform()
    {
        var (caseId, citizen) = await factory.AdmittedCaseAsync();
        var banks = await factory.BanksAsync();

        var created = await ApplyAsync(citizen, caseId, new ApplicationRequest(["bank-deposits"], [], null, null));

        Assert.Equal(banks.Values.Order(), created.Tasks.Select(t => t.OrganisationId!.Value).Order());
        Assert.Null(created.PayoutAccount);
    }

    [Fact]
    public async Task Apply_WithProblems_NamesEachField_AndSavesNothing()
    {
        var (caseId, citizen) = await factory.AdmittedCaseAsync();

        var e = await Assert.ThrowsAsync<FieldValidationException>(() => ApplyAsync(citizen, caseId,
            new ApplicationRequest(["pension", "lottery", "survivor-benefits"], [Guid.NewGuid()], 61m, new PayoutAccountRequest("", "1234-5678", " "))));

        Assert.Equal(["family.application.item-unknown"], e.Codes["items"]);
        Assert.Equal(["family.application.banks-without-deposits"], e.Codes["banks"]);
        Assert.Equal(["family.application.contribution-years-invalid"], e.Codes["contributionYears"]);
        Assert.Equal(["family.application.payout-bank-required"], e.Codes["payoutAccount.bank"]);
        Assert.Equal(["family.application.payout-account-invalid"], e.Codes["payoutAccount.accountNumber"]);
        Assert.Equal(["family.application.payout-holder-required"], e.Codes["payoutAccount.holderName"]);
        Assert.Contains("lottery", e.Errors["items"][0]);

        var missing = await Assert.ThrowsAsync<FieldValidationException>(() => ApplyAsync(citizen, caseId,
            new ApplicationRequest(["survivor-benefits", "bank-deposits"], [Guid.NewGuid()], null, null)));
        Assert.Equal(["family.application.contribution-years-required"], missing.Codes["contributionYears"]);
        Assert.Equal(["family.application.payout-required"], missing.Codes["payoutAccount"]);
        Assert.Equal(["family.application.bank-unknown"], missing.Codes["banks"]);

        var none = await Assert.ThrowsAsync<FieldValidationException>(() => ApplyAsync(citizen, caseId, new ApplicationRequest([], null, null, null)));
        Assert.Equal(["family.application.items-required"], none.Codes["items"]);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        Assert.False(await db.Set<FamilyApplication>().AnyAsync(a => a.CaseId == caseId));
        var progress = await scope.ServiceProvider.GetRequiredService<ICaseTaskProgress>().ForCaseAsync(caseId, CancellationToken.None);
        Assert.DoesNotContain(progress, t => t.Item is CaseTaskItem.Pension or CaseTaskItem.SurvivorBenefits or CaseTaskItem.BankDeposits);
    }

    [Fact]
    public async Task Apply_ToACaseTheCitizenIsNotAdmittedTo_IsNotFound()
    {
        var caseId = await factory.NewCaseAsync();
        var stranger = FamilyApplyTestSupport.NewCitizen();

        var e = await Assert.ThrowsAsync<ProblemException>(() => ApplyAsync(stranger, caseId, new ApplicationRequest(["driving-licence"], null, null, null)));

        Assert.Equal(404, e.Status);
    }
}
