using System.Globalization;
using Hereafter.Domain.Input;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Sharing.Features.ReportTaskOutcome;

/// <summary>Checks a task report before anything is loaded; a bank's accounts come out masked to their last four digits.</summary>
public static class TaskOutcomeValidation
{
    private const decimal MaxAmount = 100_000_000m;

    /// <summary>The item a report names (<c>?item=</c>): default notification; household cancellation is the police's notification task.</summary>
    public static CaseTaskItem ItemOf(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return CaseTaskItem.Notification;
        if (!EnumCodes<CaseTaskItem>.TryParse(code.Trim(), out var item))
        {
            var errors = new FieldErrors();
            errors.Add("item", new Message("sharing.task.item-unknown").With("items", string.Join(" / ", EnumCodes<CaseTaskItem>.All.Select(i => i.ToCode()))));
            errors.ThrowIfAny();
        }
        return item == CaseTaskItem.HouseholdCancellation ? CaseTaskItem.Notification : item;
    }

    /// <summary>The request's problems: a field's later problem replaces its earlier one, so each field answers one message.</summary>
    public static FieldErrors Check(TaskOutcomeRequest r, CaseTaskItem item, out CaseTaskStatus status, out BankReport? bank)
    {
        var found = new Dictionary<string, Message>();
        if (!EnumCodes<CaseTaskStatus>.TryParse(r.Status, out status) || !CaseTaskStatuses.Reportable.Contains(status))
            found["status"] = new Message("sharing.task.status-invalid").With("statuses", string.Join(" / ", CaseTaskStatuses.Reportable.Select(s => s.ToCode())));
        if (status == CaseTaskStatus.Done && string.IsNullOrWhiteSpace(r.EffectiveDate))
            found["effectiveDate"] = new Message("sharing.task.effective-date-required");
        if (!string.IsNullOrWhiteSpace(r.EffectiveDate)
            && !DateOnly.TryParseExact(r.EffectiveDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && !DateOnly.TryParseExact(r.EffectiveDate.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            found["effectiveDate"] = new Message("sharing.task.effective-date-invalid");
        if (status == CaseTaskStatus.Rejected && string.IsNullOrWhiteSpace(r.Note))
            found["note"] = new Message("sharing.task.rejection-reason-required");
        var noteProblems = FreeText.Check(r.Note, 500, required: false);
        if (noteProblems.HasFlag(FreeTextProblems.TooLong)) found["note"] = new Message("sharing.task.note-too-long").With("max", 500);
        if (noteProblems.HasFlag(FreeTextProblems.ForbiddenCharacter))
            found["note"] = new Message("sharing.task.note-forbidden-characters");
        if (!IsYuan(r.Amount)) found["amount"] = new Message("sharing.task.amount-invalid");
        bank = CheckBank(r, item, found);
        var errors = new FieldErrors();
        errors.AddRange(found.Select(f => new FieldMessage(f.Key, f.Value)));
        return errors;
    }

    private static BankReport? CheckBank(TaskOutcomeRequest r, CaseTaskItem item, Dictionary<string, Message> found)
    {
        if (r.Accounts is null && r.ReleaseOffered is null) return null;
        if (item != CaseTaskItem.BankDeposits)
        {
            found[r.Accounts is null ? "releaseOffered" : "accounts"] = new Message("sharing.task.bank-answer-deposits-only");
            return null;
        }
        var accounts = new List<DepositAccount>();
        foreach (var (a, i) in (r.Accounts ?? []).Select((a, i) => (a, i)))
        {
            var type = a.Type?.Trim() ?? "";
            var typeProblems = FreeText.Check(type, 40, required: true);
            if (typeProblems != FreeTextProblems.None) found[$"accounts[{i}].type"] = new Message("sharing.task.account-type-invalid").With("max", 40);
            var masked = Mask(a.AccountNumber ?? a.AccountMasked);
            if (masked is null) found[$"accounts[{i}].accountNumber"] = new Message("sharing.task.account-number-invalid");
            if (a.Balance is null || !IsYuan(a.Balance)) found[$"accounts[{i}].balance"] = new Message("sharing.task.account-balance-invalid");
            accounts.Add(new DepositAccount(type, masked ?? "", a.Balance ?? 0));
        }
        if (accounts.Count > 50) found["accounts"] = new Message("sharing.task.accounts-too-many").With("max", 50);
        return new BankReport(r.Accounts is null ? null : accounts, r.ReleaseOffered);
    }

    private static bool IsYuan(decimal? amount) => amount is null || (amount is >= 0 and <= MaxAmount && decimal.Round(amount.Value, 2) == amount.Value);

    /// <summary>
    /// An account number (full or already masked: digits, spaces, dashes and mask stars only) as stored: <c>****</c> and
    /// its last four digits. Null when it has fewer than four digits or other characters.
    /// </summary>
    public static string? Mask(string? account)
    {
        var text = account?.Trim() ?? "";
        if (text.Length is 0 or > 40 || text.Any(c => !char.IsAsciiDigit(c) && c is not ('*' or '＊' or ' ' or '-'))) return null;
        var digits = text.Where(char.IsAsciiDigit).ToArray();
        return digits.Length < 4 ? null : "****" + new string(digits[^4..]);
    }
}
