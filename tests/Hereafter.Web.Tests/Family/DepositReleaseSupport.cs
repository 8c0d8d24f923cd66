using System.Collections.Concurrent;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Family.Features.ReleaseDeposits;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Family;

/// <summary>
/// The platform with the banks' answers under the test's control: <see cref="BankTasks"/> stands in for the tasks of
/// <c>Modules/Sharing</c> behind <see cref="ICaseTaskProgress"/> and <see cref="ICaseTaskRequests"/>, so each test sets
/// what a bank answered to a case's deposit query and sees the deposit-release tasks a release opened.
/// </summary>
public sealed class DepositReleaseFactory : HereafterFactory
{
    public BankTasks Banks { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<ICaseTaskProgress>(Banks);
            s.AddSingleton<ICaseTaskRequests>(Banks);
        });
    }

    public static Citizen Wang => Of(DemoCitizens.Wang);
    public static Citizen Li => Of(DemoCitizens.Li);

    public static Citizen Of(DemoCitizens.DemoCitizen c) => new(c.Subject, c.Name, c.IdNumber, c.Phone);

    /// <summary>A case (only its id: the family module keeps no foreign key to it) with <paramref name="citizen"/> admitted.</summary>
    public async Task<Guid> AdmittedCaseAsync(Citizen citizen)
    {
        var caseId = Guid.NewGuid();
        await this.AdmitAsync(caseId, citizen);
        return caseId;
    }

    /// <summary>Releases through the handler in a scope of its own, as one request would.</summary>
    public async Task<DepositReleaseDto> ReleaseAsync(Citizen citizen, Guid caseId, Guid? bankId, decimal? amount, bool? undertaking = true,
        PayoutAccountRequest? payout = null)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReleaseDepositHandler>()
            .HandleAsync(citizen, caseId, new ReleaseDepositRequest(bankId, amount, undertaking, payout), CancellationToken.None);
    }

    public async Task<DepositLedger?> LedgerAsync(Guid caseId, Guid bankId)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Set<DepositLedger>(), l => l.CaseId == caseId && l.BankId == bankId);
    }
}

public static class FamilyAdmissions
{
    /// <summary>Admits <paramref name="citizen"/> to the case as a child of the deceased, as the admission step would.</summary>
    public static async Task AdmitAsync(this HereafterFactory factory, Guid caseId, Citizen citizen)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        db.Add(new FamilyAdmission
        {
            Id = Guid.NewGuid(), CaseId = caseId, CitizenSubject = citizen.Subject, CitizenName = citizen.Name, CitizenIdNumber = citizen.IdNumber,
            CitizenPhone = citizen.Phone, Relationship = Relationship.Child, Status = AdmissionStatus.Admitted,
            CreatedAt = DateTimeOffset.UtcNow, DecidedAt = DateTimeOffset.UtcNow, DecidedBy = "family contact",
        });
        await db.SaveChangesAsync();
    }
}

/// <summary>Deposit-query tasks and their answers per case, and the tasks a release asked for.</summary>
public sealed class BankTasks : ICaseTaskProgress, ICaseTaskRequests
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, TaskProgress>> _byCase = new();
    public ConcurrentQueue<(Guid CaseId, TaskRequest Request, string RequestedBy)> Opened { get; } = new();

    /// <summary>The family asked <paramref name="bankId"/>; <paramref name="answer"/> null while the bank has not answered.</summary>
    public Guid Asked(Guid caseId, Guid bankId, BankAnswer? answer, string bankName = "中国工商银行贵阳分行")
    {
        var now = DateTimeOffset.UtcNow;
        _byCase.GetOrAdd(caseId, _ => new())[bankId] = new TaskProgress(Guid.NewGuid(), CaseTaskItem.BankDeposits, Department.Bank, bankId, bankName,
            answer is null ? CaseTaskStatus.Pending : CaseTaskStatus.Done, now, now, now.AddDays(5), false, null, null, null, answer, []);
        return bankId;
    }

    public static BankAnswer Offered(params (string Type, decimal Balance)[] accounts) =>
        new(true, [.. accounts.Select((a, i) => new DepositAccount(a.Type, $"************{1000 + i}", a.Balance))]);

    public Task<IReadOnlyList<TaskProgress>> ForCaseAsync(Guid caseId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<TaskProgress>>(_byCase.TryGetValue(caseId, out var tasks) ? [.. tasks.Values] : []);

    public Task<IReadOnlyList<RequestedTask>> OpenAsync(Guid caseId, IReadOnlyList<TaskRequest> requests, string requestedBy, CancellationToken ct)
    {
        foreach (var r in requests) Opened.Enqueue((caseId, r, requestedBy));
        return Task.FromResult<IReadOnlyList<RequestedTask>>(
            [.. requests.Select(r => new RequestedTask(Guid.NewGuid(), r.Item, Department.Bank, r.OrganisationId, true))]);
    }
}
