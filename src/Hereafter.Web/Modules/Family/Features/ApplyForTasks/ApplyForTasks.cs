using System.Text.Json.Nodes;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Family.Features.ApplyForTasks;

/// <summary>
/// The one application form: item codes (<see cref="CaseTaskItems.FamilyChoosable"/>), the banks asked for deposits
/// (none: every bank on the platform), 缴费年限 for survivor benefits, and the account that receives payments.
/// </summary>
public sealed record ApplicationRequest(IReadOnlyList<string>? Items, IReadOnlyList<Guid>? Banks, decimal? ContributionYears, PayoutAccountRequest? PayoutAccount);

/// <param name="Bank">开户银行 as the family names it (e.g. 中国工商银行贵阳分行).</param>
/// <param name="AccountNumber">12 to 30 digits; spaces are ignored.</param>
public sealed record PayoutAccountRequest(string? Bank, string? AccountNumber, string? HolderName);

/// <summary>Answer to an application: every task asked for, <c>created</c> false where the case already had it.</summary>
public sealed record ApplicationCreated(Guid ApplicationId, Guid CaseId, DateTimeOffset SubmittedAt, IReadOnlyList<CaseTaskItem> Items,
    decimal? ContributionYears, PayoutAccountDto? PayoutAccount, IReadOnlyList<AppliedTaskDto> Tasks);

/// <summary>The payout account as every answer shows it: the number masked.</summary>
public sealed record PayoutAccountDto(string Bank, string AccountMasked, string HolderName);

public sealed record AppliedTaskDto(Guid TaskId, CaseTaskItem Item, Department Department, Guid? OrganisationId, string? OrganisationName, bool Created);

/// <summary>
/// Opens one task per item (deposit queries: one per bank) on the case the citizen is admitted to, each pre-filled
/// with the shared data its department needs (the applicant's verified identity and relationship, the deceased's name,
/// the payout account, the contribution years), so nothing is asked twice. All or nothing: the tasks, the application
/// and its audit entry commit together.
/// </summary>
public sealed class ApplyForTasksHandler(
    HereafterDbContext db, FamilyCaseAccess access, FamilyCaseFacts facts, ICaseTaskRequests requests, AuditLog audit, TimeProvider clock)
{
    /// <summary>Items whose department pays money to the family, so a payout account is required.</summary>
    public static readonly IReadOnlySet<CaseTaskItem> PayingItems = new HashSet<CaseTaskItem>
    {
        CaseTaskItem.Pension, CaseTaskItem.SurvivorBenefits, CaseTaskItem.MedicalAccount, CaseTaskItem.HousingFund, CaseTaskItem.FuneralSubsidy,
    };

    public const decimal MaxContributionYears = 60;

    public async Task<ApplicationCreated> HandleAsync(Citizen citizen, Guid caseId, ApplicationRequest request, CancellationToken ct)
    {
        var admission = await access.RequireAdmittedAsync(citizen, caseId, ct);
        var (items, banks, payout) = await ValidateAsync(request, ct);
        var decedent = (await facts.ReadAsync(caseId, ct)).DecedentName;
        var applicant = new JsonObject
        {
            ["name"] = citizen.Name,
            ["idNumberMasked"] = PersonalDataMask.IdNumber(citizen.IdNumber),
            ["phone"] = citizen.Phone,
            ["relationship"] = admission.Relationship.ToCode(),
            ["relationshipName"] = admission.Relationship.ChineseName(),
        };
        var applicationId = Guid.NewGuid();
        var taskRequests = new List<TaskRequest>();
        foreach (var item in items)
        {
            if (item == CaseTaskItem.BankDeposits)
                taskRequests.AddRange(banks.Select(b => new TaskRequest(item, b.Id, Details(item, applicationId, decedent, applicant, payout, request.ContributionYears))));
            else
                taskRequests.Add(new TaskRequest(item, null, Details(item, applicationId, decedent, applicant, payout, request.ContributionYears)));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var opened = await requests.OpenAsync(caseId, taskRequests, "citizen:" + citizen.Subject, ct);
        var now = clock.GetUtcNow();
        var needsPayout = items.Any(PayingItems.Contains);
        var application = new FamilyApplication
        {
            Id = applicationId, CaseId = caseId, CitizenSubject = citizen.Subject, SubmittedAt = now,
            ContributionYears = items.Contains(CaseTaskItem.SurvivorBenefits) ? request.ContributionYears : null,
            PayoutBank = needsPayout ? payout?.Bank : null,
            PayoutAccountMasked = needsPayout ? payout?.AccountMasked : null,
            PayoutHolderName = needsPayout ? payout?.HolderName : null,
            Tasks = opened.Select(t => new FamilyApplicationTask
            {
                ApplicationId = applicationId, CaseId = caseId, CitizenSubject = citizen.Subject, Item = t.Item,
                OrganisationId = t.OrganisationId, TaskId = t.TaskId, Created = t.Created,
            }).ToList(),
        };
        db.Add(application);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(citizen.ToActor(), "family.application.submit", $"case:{caseId}", "family-application",
            $"application {applicationId}: {string.Join(',', items.Select(i => i.ToCode()))}; {opened.Count(t => t.Created)} of {opened.Count} tasks opened", ct);
        await tx.CommitAsync(ct);

        var names = await BankNamesAsync(opened.Select(t => t.OrganisationId).OfType<Guid>().ToList(), ct);
        return new ApplicationCreated(applicationId, caseId, now, items, application.ContributionYears,
            needsPayout && payout is not null ? new PayoutAccountDto(payout.Bank, payout.AccountMasked, payout.HolderName) : null,
            opened.Select(t => new AppliedTaskDto(t.TaskId, t.Item, t.Department, t.OrganisationId,
                t.OrganisationId is { } id && names.TryGetValue(id, out var name) ? name : null, t.Created)).ToList());
    }

    private sealed record Payout(string Bank, string AccountNumber, string AccountMasked, string HolderName);

    private async Task<(List<CaseTaskItem> Items, List<Organisation> Banks, Payout? Payout)> ValidateAsync(ApplicationRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var items = new List<CaseTaskItem>();
        var codes = (request.Items ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0) errors.Add("items", new Message("family.application.items-required"));
        foreach (var code in codes)
        {
            if (EnumCodes<CaseTaskItem>.TryParse(code, out var item) && CaseTaskItems.FamilyChoosable.Contains(item)) items.Add(item);
            else errors.Add("items", new Message("family.application.item-unknown").With("item", code)
                .With("items", string.Join(", ", CaseTaskItems.FamilyChoosable.Select(i => i.ToCode()))));
        }
        items = CaseTaskItems.FamilyChoosable.Where(items.Contains).ToList();

        var banks = new List<Organisation>();
        var bankIds = (request.Banks ?? []).Distinct().ToList();
        if (bankIds.Count > 0 && !items.Contains(CaseTaskItem.BankDeposits))
            errors.Add("banks", new Message("family.application.banks-without-deposits"));
        else if (items.Contains(CaseTaskItem.BankDeposits))
        {
            var all = await db.Set<Organisation>().AsNoTracking().Where(o => o.Type == OrganisationType.Bank).OrderBy(o => o.Code).ToListAsync(ct);
            foreach (var id in bankIds.Where(id => all.All(b => b.Id != id)))
                errors.Add("banks", new Message("family.application.bank-unknown").With("bank", id));
            banks = bankIds.Count == 0 ? all : all.Where(b => bankIds.Contains(b.Id)).ToList();
            if (all.Count == 0) errors.Add("banks", new Message("family.application.no-banks"));
        }

        if (items.Contains(CaseTaskItem.SurvivorBenefits))
        {
            if (request.ContributionYears is not { } years)
                errors.Add("contributionYears", new Message("family.application.contribution-years-required"));
            else if (years is < 0 or > MaxContributionYears || decimal.Round(years, 2) != years)
                errors.Add("contributionYears", new Message("family.application.contribution-years-invalid").With("max", MaxContributionYears));
        }

        Payout? payout = null;
        var paying = items.Where(PayingItems.Contains).ToList();
        if (paying.Count > 0)
        {
            var account = request.PayoutAccount;
            var bank = account?.Bank?.Trim() ?? "";
            var number = new string((account?.AccountNumber ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
            var holder = account?.HolderName?.Trim() ?? "";
            var itemNames = string.Join("、", paying.Select(i => i.ChineseName()));
            if (account is null)
                errors.Add("payoutAccount", new Message("family.application.payout-required").With("items", itemNames));
            else
            {
                if (bank.Length == 0) errors.Add("payoutAccount.bank", new Message("family.application.payout-bank-required"));
                else if (!new FreeTextAttribute(50).IsValid(bank)) errors.Add("payoutAccount.bank", new Message("family.application.payout-bank-invalid"));
                if (number.Length is < 12 or > 30 || !number.All(char.IsAsciiDigit))
                    errors.Add("payoutAccount.accountNumber", new Message("family.application.payout-account-invalid"));
                if (holder.Length == 0) errors.Add("payoutAccount.holderName", new Message("family.application.payout-holder-required"));
                else if (!new FreeTextAttribute(50).IsValid(holder)) errors.Add("payoutAccount.holderName", new Message("family.application.payout-holder-invalid"));
            }
            payout = new Payout(bank, number, PayoutAccounts.Mask(number), holder);
        }
        errors.ThrowIfAny();
        return (items, banks, payout);
    }

    private static JsonObject Details(CaseTaskItem item, Guid applicationId, string decedent, JsonObject applicant, Payout? payout, decimal? contributionYears)
    {
        var details = new JsonObject
        {
            ["applicationId"] = applicationId.ToString(),
            ["decedentName"] = decedent,
            ["applicant"] = applicant.DeepClone(),
        };
        if (PayingItems.Contains(item) && payout is not null)
            details["payoutAccount"] = new JsonObject { ["bank"] = payout.Bank, ["accountNumber"] = payout.AccountNumber, ["holderName"] = payout.HolderName };
        if (item == CaseTaskItem.SurvivorBenefits) details["contributionYears"] = contributionYears;
        return details;
    }

    private async Task<Dictionary<Guid, string>> BankNamesAsync(List<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.Set<Organisation>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
}

/// <summary>Payout account numbers as answers and pages show them.</summary>
public static class PayoutAccounts
{
    /// <summary>All but the last four digits hidden: 6222021234567890 → ************7890.</summary>
    public static string Mask(string number) => number.Length <= 4 ? new string('*', number.Length) : new string('*', number.Length - 4) + number[^4..];
}
