using System.Net;
using System.Net.Http.Json;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hereafter.Web.Tests.Sharing.FamilyTaskSupport;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>A family's application opens one task per item (per bank for deposit queries) through <see cref="ICaseTaskRequests"/>.</summary>
public sealed class FamilyTaskRequestTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task OpeningItems_IsIdempotent_AndHouseholdCancellationIsThePoliceNotificationTask()
    {
        var (number, caseId) = await factory.IssueCaseAsync();
        var icbc = await factory.OrganisationIdAsync("icbc-guiyang");
        var first = await factory.OpenAsync(caseId, Ask(CaseTaskItem.Pension), Ask(CaseTaskItem.HouseholdCancellation), Ask(CaseTaskItem.BankDeposits, icbc));
        Assert.Equal([true, false, true], first.Select(t => t.Created));
        Assert.Equal([Department.SocialSecurity, Department.Police, Department.Bank], first.Select(t => t.Department));
        Assert.Equal(CaseTaskItem.HouseholdCancellation, first[1].Item);

        var again = await factory.OpenAsync(caseId, Ask(CaseTaskItem.BankDeposits, icbc), Ask(CaseTaskItem.Pension), Ask(CaseTaskItem.Pension));
        Assert.All(again, t => Assert.False(t.Created));
        Assert.Equal([first[2].TaskId, first[0].TaskId, first[0].TaskId], again.Select(t => t.TaskId));

        var progress = await factory.ProgressAsync(caseId);
        var police = progress.Single(t => t.Department == Department.Police);
        Assert.Equal((CaseTaskItem.Notification, first[1].TaskId), (police.Item, police.TaskId));
        var pension = progress.Single(t => t.Item == CaseTaskItem.Pension);
        Assert.Equal(CaseTaskStatus.Pending, pension.Status);
        Assert.True(pension.AcknowledgeBy > pension.CreatedAt);
        Assert.Equal("王丽（家属）", Assert.Single(pension.History).Actor);
        var deposits = progress.Single(t => t.Item == CaseTaskItem.BankDeposits);
        Assert.Equal(("中国工商银行贵阳分行", (BankAnswer?)null), (deposits.OrganisationName, deposits.Bank));

        // Social security's system sees the request with the family's details; only the bank asked sees its own, without causes.
        var social = await (await factory.ClientForAsync("demo-social-security")).WaitForEventAsync(number, SharingEventTypes.TaskRequested);
        Assert.Equal("pension", social.GetProperty("data").GetProperty("task").GetProperty("item").GetString());
        Assert.Equal("spouse", social.GetProperty("data").GetProperty("details").GetProperty("relationship").GetString());
        var bankEvent = await (await factory.ClientForAsync("demo-bank")).WaitForEventAsync(number, SharingEventTypes.TaskRequested);
        Assert.Equal("bank-deposits", bankEvent.GetProperty("data").GetProperty("task").GetProperty("item").GetString());
        Assert.DoesNotContain("causes", bankEvent.GetRawText());
        Assert.DoesNotContain("manner", bankEvent.GetRawText());
        await factory.WaitUntilQuietAsync();
        Assert.DoesNotContain(await (await factory.SecondBankAsync()).ReadFeedAsync(), e => e.GetProperty("certificateNumber").GetString() == number);
        var policeFeed = await (await factory.ClientForAsync("demo-police")).ReadFeedAsync(500);
        Assert.DoesNotContain(policeFeed, e => e.GetProperty("certificateNumber").GetString() == number && e.GetProperty("type").GetString() == SharingEventTypes.TaskRequested);
    }

    [Fact]
    public async Task ADepositQuery_MustNameABankOnThePlatform()
    {
        var (_, caseId) = await factory.IssueCaseAsync();
        var hospital = await factory.OrganisationIdAsync("gy-first-hospital");
        foreach (var request in new[] { Ask(CaseTaskItem.BankDeposits), Ask(CaseTaskItem.BankDeposits, hospital), Ask(CaseTaskItem.BankDeposits, Guid.NewGuid()) })
        {
            var problem = await Assert.ThrowsAnyAsync<ProblemException>(() => factory.OpenAsync(caseId, request));
            Assert.Equal(400, problem.Status);
        }
        await Assert.ThrowsAnyAsync<ProblemException>(() => factory.OpenAsync(caseId, Ask(CaseTaskItem.Notification)));
        await Assert.ThrowsAnyAsync<ProblemException>(() => factory.OpenAsync(Guid.NewGuid(), Ask(CaseTaskItem.Pension)));
        Assert.DoesNotContain(await factory.ProgressAsync(caseId), t => t.Item != CaseTaskItem.Notification);
    }

    [Fact]
    public async Task TwoConcurrentOpensOfTheSameItem_EndWithOneTask_TheUniqueIndexDecides()
    {
        var (_, caseId) = await factory.IssueCaseAsync();
        var icbc = await factory.OrganisationIdAsync("icbc-guiyang");
        // Both read "no task yet" before either saves: only the database's unique index can keep the second out.
        using var both = new Barrier(2);
        async Task<bool> OpenAndSave()
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var opened = await scope.ServiceProvider.GetRequiredService<ICaseTaskRequests>()
                .OpenAsync(caseId, [Ask(CaseTaskItem.HousingFund), Ask(CaseTaskItem.BankDeposits, icbc)], "家属", CancellationToken.None);
            Assert.All(opened, t => Assert.True(t.Created));
            await Task.Run(() => both.SignalAndWait(TimeSpan.FromSeconds(20)));
            try { await db.SaveChangesAsync(); return true; }
            catch (DbUpdateException e) when (UniqueViolation.Is(e)) { return false; }
            // Two rows each: PostgreSQL may also refuse the second as a deadlock (the two sides insert in different
            // orders); either way the database kept it out. Real callers lock the case row first and never get here.
            catch (Exception e) when (IsDeadlock(e)) { return false; }
        }
        static bool IsDeadlock(Exception? e)
        {
            for (; e is not null; e = e.InnerException)
                if (e is Npgsql.PostgresException { SqlState: "40P01" }) return true;
            return false;
        }
        var saved = await Task.WhenAll(Task.Run(OpenAndSave), Task.Run(OpenAndSave));
        Assert.Equal(1, saved.Count(s => s));
        using var check = factory.Services.CreateScope();
        var tasks = await check.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<CaseTask>().Where(t => t.CaseId == caseId && t.Item != CaseTaskItem.Notification).ToListAsync();
        Assert.Equal(2, tasks.Count);
        // Whoever lost opens again and is answered by the winner's tasks.
        Assert.All(await factory.OpenAsync(caseId, Ask(CaseTaskItem.HousingFund), Ask(CaseTaskItem.BankDeposits, icbc)), t => Assert.False(t.Created));
    }

    [Fact]
    public async Task TheDepartmentSeesItemAndDetails_OnTheCaseAndItsList()
    {
        var (_, caseId) = await factory.IssueCaseAsync();
        await factory.OpenAsync(caseId, Ask(CaseTaskItem.SurvivorBenefits));
        var social = await factory.ClientForAsync("demo-social-security");
        var tasks = (await (await social.GetAsync($"/api/v1/cases/{caseId}")).JsonAsync()).GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(["notification", "survivor-benefits"], tasks.Select(t => t.GetProperty("item").GetString()).Order());
        Assert.Equal("spouse", tasks.Single(t => t.GetProperty("item").GetString() == "survivor-benefits").GetProperty("details").GetProperty("relationship").GetString());
        var rows = (await (await social.GetAsync("/api/v1/cases?take=500")).JsonAsync()).EnumerateArray();
        var row = rows.Single(r => r.GetProperty("caseId").GetGuid() == caseId);
        Assert.Contains(row.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("item").GetString() == "survivor-benefits");
    }
}
