using System.Globalization;
using System.Text.RegularExpressions;
using Hereafter.Domain.Messages;
using Hereafter.Web.Components.Forms;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Localization;
using Microsoft.Extensions.Primitives;

namespace Hereafter.Web.Modules.Sharing.Features.ReportTaskOutcome;

/// <summary>One account row of a bank's answer form, as typed.</summary>
public sealed record AccountRow(string? Type, string? AccountNumber, string? Balance)
{
    /// <summary>A row without number and balance is ignored (the form always offers a few empty rows).</summary>
    public bool Blank => AccountNumber is null && Balance is null;
}

/// <summary>
/// One task card's posted outcome form on the worklist: which task (case and item), the outcome, and for a bank's deposit
/// query its account rows (<c>accounts[0].type</c>, <c>accounts[0].accountNumber</c>, <c>accounts[0].balance</c>…) and
/// <c>releaseOffered</c>. Blank rows are dropped before the handler sees them; its errors are mapped back to the rows typed.
/// </summary>
public sealed partial record WorklistPost(Guid CaseId, CaseTaskItem Item, string? Status, string? EffectiveDate, string? Note, string? Amount,
    IReadOnlyList<AccountRow> Accounts, bool ReleaseOffered)
{
    /// <summary>The most account rows a form posts (the handler takes at most 50 accounts).</summary>
    public const int MaxRows = 50;

    /// <summary>The card's key in form names and element ids: the case, and the item unless it is the notification task.</summary>
    public static string KeyOf(Guid caseId, CaseTaskItem item) =>
        item == CaseTaskItem.Notification ? caseId.ToString("N") : $"{caseId:N}-{item.ToCode()}";

    public string Key => KeyOf(CaseId, Item);

    /// <summary>The task a post names (hidden <c>caseId</c> and <c>item</c>), without reading the rest; null when it names none.</summary>
    public static (Guid CaseId, CaseTaskItem Item)? TaskOf(IFormCollection form)
    {
        if (!Guid.TryParseExact(form["caseId"].ToString(), "N", out var caseId)) return null;
        var code = form["item"].ToString();
        if (code.Length == 0) return (caseId, CaseTaskItem.Notification);
        return EnumCodes<CaseTaskItem>.TryParse(code, out var item) ? (caseId, item) : null;
    }

    public static WorklistPost Read(IFormCollection form, Guid caseId, CaseTaskItem item)
    {
        // Rows by their index as posted (a row's fields may be missing: it is then blank), up to the last row posted.
        var last = Enumerable.Range(0, MaxRows).LastOrDefault(i => form.ContainsKey($"accounts[{i}].accountNumber") || form.ContainsKey($"accounts[{i}].balance"), -1);
        var rows = new List<AccountRow>();
        for (var i = 0; i <= last; i++)
            rows.Add(new AccountRow(Value(form[$"accounts[{i}].type"]), Value(form[$"accounts[{i}].accountNumber"]), Value(form[$"accounts[{i}].balance"])));
        return new WorklistPost(caseId, item, Value(form["status"]), Value(form["effectiveDate"]), Value(form["note"]), Value(form["amount"]),
            rows, form["releaseOffered"].ToString() == "true");
    }

    /// <summary>The handler's request; what cannot be read as a number is added to <paramref name="errors"/> under the row's own key.</summary>
    public TaskOutcomeRequest ToRequest(FormErrors errors, Texts t)
    {
        if (Status is null) errors.Add("status", t["请选择办理结果"]);
        var amount = Yuan(Amount, "amount", errors, t);
        if (Item != CaseTaskItem.BankDeposits) return new TaskOutcomeRequest(Status, EffectiveDate, Note, amount);
        var accounts = new List<DepositAccountInput>();
        foreach (var (row, i) in Accounts.Select((r, i) => (r, i)).Where(p => !p.r.Blank))
        {
            if (row.AccountNumber is null) errors.Add($"accounts[{i}].accountNumber", t["请填写账号"]);
            if (row.Balance is null) errors.Add($"accounts[{i}].balance", t["请填写余额"]);
            accounts.Add(new DepositAccountInput(row.Type, row.AccountNumber, null, Yuan(row.Balance, $"accounts[{i}].balance", errors, t)));
        }
        return new TaskOutcomeRequest(Status, EffectiveDate, Note, amount, accounts.Count == 0 ? null : accounts, ReleaseOffered);
    }

    /// <summary>A handler's error key as the form's: <c>accounts[j]</c> counts only the rows sent, the form counts every row.</summary>
    public string FormKeyOf(string handlerKey)
    {
        if (AccountKey().Match(handlerKey) is not { Success: true } m) return handlerKey;
        var sent = Accounts.Select((r, i) => (r, i)).Where(p => !p.r.Blank).Select(p => p.i).ToList();
        var j = int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture);
        return j < sent.Count ? $"accounts[{sent[j]}].{m.Groups["field"].Value}" : "accounts";
    }

    private static decimal? Yuan(string? text, string key, FormErrors errors, Texts t)
    {
        if (text is null) return null;
        if (decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        errors.Add(key, t[new Message("sharing.page.amount-not-a-number")]);
        return null;
    }

    private static string? Value(StringValues value) => value.ToString().Trim() is { Length: > 0 } text ? text : null;

    [GeneratedRegex(@"^accounts\[(?<index>\d+)\]\.(?<field>\w+)$")]
    private static partial Regex AccountKey();
}
