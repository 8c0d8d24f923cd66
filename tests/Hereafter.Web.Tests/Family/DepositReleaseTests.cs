using Hereafter.Domain.Family;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Family;

/// <summary>
/// Small-deposit release (金规〔2024〕6号, ADR 0026) through its handler: within the 50,000-yuan limit per bank per
/// deceased, only where the bank answered and offered release, never above the balance, always with the undertaking.
/// </summary>
public sealed class DepositReleaseTests(DepositReleaseFactory factory) : IClassFixture<DepositReleaseFactory>
{
    private static readonly BankAnswer ThirtyThousand = BankTasks.Offered(("活期", 12_000.50m), ("定期", 18_000m));

    [Fact]
    public async Task ReleaseWithinLimit_IsRecorded_OpensTheBanksTask_NotifiesAndAudits()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), ThirtyThousand);

        var release = await factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 10_000.25m);

        Assert.Equal(10_000.25m, release.Amount);
        Assert.Equal(10_000.25m, release.ReleasedTotal);
        Assert.Equal(20_000.25m, release.Remaining);
        Assert.False(release.AccountsClosed);
        var (_, task, by) = Assert.Single(factory.Banks.Opened, o => o.CaseId == caseId);
        Assert.Equal(CaseTaskItem.DepositRelease, task.Item);
        Assert.Equal(bank, task.OrganisationId);
        Assert.Equal(10_000.25m, task.Details["amount"]!.GetValue<decimal>());
        Assert.Equal(SmallDepositRelease.UndertakingVersion, task.Details["undertaking"]!["version"]!.GetValue<string>());
        Assert.Equal("王丽", by);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var row = await db.Set<DepositRelease>().SingleAsync(r => r.Id == release.Id);
        Assert.Equal(SmallDepositRelease.UndertakingVersion, row.UndertakingVersion);
        Assert.True(row.UndertakingAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(1_000_025, (await factory.LedgerAsync(caseId, bank))!.ReleasedFen);
        var note = await db.Set<FamilyNotification>().SingleAsync(n => n.CaseId == caseId);
        Assert.Contains("10000.25", note.ToMessage().Chinese);
        Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.Action == "family.deposit-release" && e.Subject == $"case:{caseId}"));
    }

    [Fact]
    public async Task OverLimit_Is422_SayingHowMuchRemains()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), BankTasks.Offered(("活期", 80_000m)));
        await factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 45_000m);

        var refused = await Assert.ThrowsAsync<ProblemException>(() => factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 5_000.01m));

        Assert.Equal(422, refused.Status);
        Assert.Equal("family.deposit-release.over-limit", refused.Code);
        Assert.Equal(5_000m, refused.Extensions!["remaining"]);
        Assert.Contains("5000.00", refused.Detail);
        Assert.Equal(4_500_000, (await factory.LedgerAsync(caseId, bank))!.ReleasedFen);
        // Exactly up to the limit is allowed.
        Assert.Equal(50_000m, (await factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 5_000m)).ReleasedTotal);
    }

    [Fact]
    public async Task OneReleaseAboveTheLimit_Is422()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), BankTasks.Offered(("活期", 80_000m)));
        var refused = await Assert.ThrowsAsync<ProblemException>(() => factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 1_000_000_000m));
        Assert.Equal(422, refused.Status);
        Assert.Equal(50_000m, refused.Extensions!["remaining"]);
    }

    [Fact]
    public async Task WithoutTheUndertaking_Is400_AndNothingIsReleased()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), ThirtyThousand);
        foreach (var undertaking in new bool?[] { false, null })
        {
            var refused = await Assert.ThrowsAsync<FieldValidationException>(() => factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 100m, undertaking));
            Assert.Equal(["family.deposit-release.undertaking-required"], refused.Codes["undertaking"]);
        }
        Assert.Null(await factory.LedgerAsync(caseId, bank));
    }

    [Theory]
    [InlineData("0", "family.deposit-release.amount-not-positive")]
    [InlineData("-5", "family.deposit-release.amount-not-positive")]
    [InlineData("100.005", "family.deposit-release.amount-too-precise")]
    public async Task AnAmountNotPositiveOrFinerThanAFen_Is400(string amount, string code)
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), ThirtyThousand);
        var refused = await Assert.ThrowsAsync<FieldValidationException>(() =>
            factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([code], refused.Codes["amount"]);
    }

    [Fact]
    public async Task ABankThatHasNotAnsweredOrDidNotOffer_Is409()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var waiting = factory.Banks.Asked(caseId, Guid.NewGuid(), null);
        var declined = factory.Banks.Asked(caseId, Guid.NewGuid(), new BankAnswer(false, [new DepositAccount("活期", "************1234", 500m)]));

        var notAnswered = await Assert.ThrowsAsync<ProblemException>(() => factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, waiting, 100m));
        var notOffered = await Assert.ThrowsAsync<ProblemException>(() => factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, declined, 100m));
        var notAsked = await Assert.ThrowsAsync<ProblemException>(() => factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, Guid.NewGuid(), 100m));

        Assert.Equal((409, "family.deposit-release.not-answered"), (notAnswered.Status, notAnswered.Code));
        Assert.Equal((409, "family.deposit-release.not-offered"), (notOffered.Status, notOffered.Code));
        Assert.Equal((409, "family.deposit-release.not-asked"), (notAsked.Status, notAsked.Code));
    }

    [Fact]
    public async Task AboveTheBalance_Is422_AndFuneralGrantsAndPensionsDoNotCount()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), BankTasks.Offered(("活期", 3_000m), ("丧葬费", 9_000m), ("抚恤金", 20_000m)));

        var refused = await Assert.ThrowsAsync<ProblemException>(() => factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 3_000.01m));

        Assert.Equal((422, "family.deposit-release.above-balance"), (refused.Status, refused.Code));
        Assert.Equal(3_000m, refused.Extensions!["remaining"]);
    }

    [Fact]
    public async Task TheReleaseTakingTheWholeBalance_ClosesTheAccounts_AndALaterOneIsRefused()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), BankTasks.Offered(("活期", 1_000m), ("定期", 2_000m), ("丧葬费", 9_000m)));

        var first = await factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 1_000m);
        var last = await factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 2_000m);
        var refused = await Assert.ThrowsAsync<ProblemException>(() => factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 0.01m));

        Assert.False(first.AccountsClosed);
        Assert.True(last.AccountsClosed);
        Assert.Equal(0m, last.Remaining);
        Assert.Equal((409, "family.deposit-release.accounts-closed"), (refused.Status, refused.Code));
        Assert.NotNull((await factory.LedgerAsync(caseId, bank))!.ClosedAt);
        // The bank is told to close the accounts and pay the funeral grant outside the limit in full.
        var closing = factory.Banks.Opened.Where(o => o.CaseId == caseId).Last().Request.Details;
        Assert.True(closing["closeAccounts"]!.GetValue<bool>());
        Assert.Equal("丧葬费", closing["outsideLimit"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACaseTheCitizenIsNotAdmittedTo_Is404()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), ThirtyThousand);
        var refused = await Assert.ThrowsAsync<ProblemException>(() => factory.ReleaseAsync(DepositReleaseFactory.Li, caseId, bank, 100m));
        Assert.Equal((404, "family.case.not-found"), (refused.Status, refused.Code));
    }

    [Fact]
    public async Task TheLimitAtOneBank_DoesNotConsumeAnother()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var icbc = factory.Banks.Asked(caseId, Guid.NewGuid(), BankTasks.Offered(("活期", 60_000m)));
        var gyb = factory.Banks.Asked(caseId, Guid.NewGuid(), BankTasks.Offered(("活期", 60_000m)), "贵阳银行营业部");

        await factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, icbc, 50_000m);
        var other = await factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, gyb, 50_000m);

        Assert.Equal(50_000m, other.ReleasedTotal);
        Assert.Equal(5_000_000, (await factory.LedgerAsync(caseId, icbc))!.ReleasedFen);
        Assert.Equal(5_000_000, (await factory.LedgerAsync(caseId, gyb))!.ReleasedFen);
    }

    [Fact]
    public async Task TheDatabaseItselfRefusesALedgerAboveTheLimit()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), ThirtyThousand);
        await factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 100m);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Set<DepositLedger>().Where(l => l.CaseId == caseId && l.BankId == bank)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ReleasedFen, SmallDepositRelease.LimitPerBankFen + 1)));
        Assert.Equal(10_000, (await factory.LedgerAsync(caseId, bank))!.ReleasedFen);
    }

    [Fact]
    public async Task APayoutAccount_ReachesTheBank_AndAWrongOneIs400()
    {
        var caseId = await factory.AdmittedCaseAsync(DepositReleaseFactory.Wang);
        var bank = factory.Banks.Asked(caseId, Guid.NewGuid(), ThirtyThousand);

        var wrong = await Assert.ThrowsAsync<FieldValidationException>(() => factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 100m,
            payout: new Modules.Family.Features.ReleaseDeposits.PayoutAccountRequest("贵阳银行", "12ab", "")));
        await factory.ReleaseAsync(DepositReleaseFactory.Wang, caseId, bank, 100m,
            payout: new Modules.Family.Features.ReleaseDeposits.PayoutAccountRequest("贵阳银行", "6217 0000 1234 5678", "王丽"));

        Assert.Equal(["family.deposit-release.payout-account-invalid"], wrong.Codes["payoutAccount.accountNumber"]);
        Assert.Equal(["family.deposit-release.payout-holder-invalid"], wrong.Codes["payoutAccount.holderName"]);
        var details = Assert.Single(factory.Banks.Opened, o => o.CaseId == caseId).Request.Details;
        Assert.Equal("6217000012345678", details["payoutAccount"]!["accountNumber"]!.GetValue<string>());
    }
}
