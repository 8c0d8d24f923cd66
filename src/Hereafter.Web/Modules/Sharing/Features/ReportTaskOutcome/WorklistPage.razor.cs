using System.Globalization;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Components.Forms;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Hereafter.Web.Modules.Sharing.Features.ReportTaskOutcome;

/// <summary>
/// The worklist of a department or bank: every task addressed to it, the case's notification task and each item a
/// family asked for, as its own card with its own outcome form (posted with the case and the item).
/// </summary>
public partial class WorklistPage
{
    private const int Take = 200;
    private const string MonthPattern = @"\d{4}-\d{2}";
    /// <summary>Empty account rows every bank form offers after those already reported.</summary>
    private const int SpareRows = 3;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;
    [SupplyParameterFromQuery(Name = "all")] private bool? AllQuery { get; set; }

    private sealed record Saved(string Name, string Number, CaseTaskStatus Status, string? EffectiveDate);

    private Actor _actor = default!;
    private Department? _department;
    private bool _forbidden;
    private IReadOnlyList<CaseRow> _rows = [];
    private (Guid CaseId, CaseTaskItem Item)? _posted;
    private string? _savedKey;
    private string? _failedKey;
    private WorklistPost? _form;
    private FormErrors _errors = new();
    private Saved? _saved;
    private string? _problem;

    private bool All => AllQuery ?? false;
    private bool IsPolice => _department == Department.Police;
    /// <summary>The actor's department, once the page is not forbidden.</summary>
    private Department Own => _department!.Value;
    private string Title => IsPolice ? "户口注销待办" : "待办事项";
    private string DateLabel => SharingLabels.EffectiveDateLabel(Own);

    private (CaseTaskStatus Status, string Label)[] Options =>
    [
        (CaseTaskStatus.Received, "已接收"),
        (CaseTaskStatus.Done, IsPolice ? "已办结（户口已注销）" : "已办结"),
        (CaseTaskStatus.Rejected, "退回"),
        (CaseTaskStatus.NotApplicable, "不适用"),
    ];

    private static string ItemName(CaseTaskItem item) => Texts.IsEnglish ? item.EnglishName() : item.ChineseName();

    private static string AmountLabel(CaseTaskItem item) => item == CaseTaskItem.DepositRelease ? "支付金额（元）" : "金额（元）";

    /// <summary>A bank records the day it answers: the date field starts at today (China time).</summary>
    private string? DefaultDate(CaseTaskDto task) =>
        task.Department == Department.Bank && task.EffectiveDate is null ? ChinaTime.Today(Clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    /// <summary>A release is paid as the family confirmed it: the amount field starts at that amount.</summary>
    private static string? DefaultAmount(CaseTaskDto task) =>
        task.Item == CaseTaskItem.DepositRelease && task.Amount is null && task.Details?["amount"] is { } asked
            && decimal.TryParse(asked.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? amount.ToString("0.00", CultureInfo.InvariantCulture) : null;

    /// <summary>The account rows of a bank's form: as posted after a mistake, else those reported, then spare rows.</summary>
    private IReadOnlyList<AccountRow> AccountRows(CaseTaskDto task, bool failed)
    {
        var rows = failed && _form is not null
            ? _form.Accounts.ToList()
            : (task.Bank?.Accounts ?? []).Select(a => new AccountRow(a.Type, a.AccountMasked, a.Balance.ToString("0.00", CultureInfo.InvariantCulture))).ToList();
        var blank = rows.Count(r => r.Blank);
        while (blank++ < SpareRows && rows.Count < WorklistPost.MaxRows) rows.Add(new AccountRow(null, null, null));
        return rows;
    }

    /// <summary>The element a summary link of a card's field leads to; the status group leads to its first option.</summary>
    private static string? FieldId(string key, string field)
    {
        if (field.StartsWith("accounts[", StringComparison.Ordinal) && field.IndexOf(']') is var end and > 9
            && int.TryParse(field[9..end], NumberStyles.None, CultureInfo.InvariantCulture, out var row) && field.Length > end + 2)
            return BankAccountRows.FieldId(key, row, field[(end + 2)..]);
        return field switch
        {
            "status" => $"status-{key}-{CaseTaskStatus.Received.ToCode()}",
            "effectiveDate" => $"date-{key}",
            "note" => $"note-{key}",
            "amount" => $"amount-{key}",
            "accounts" => BankAccountRows.FieldId(key, 0, "accountNumber"),
            "releaseOffered" => $"release-{key}",
            _ => null,
        };
    }

    protected override async Task OnInitializedAsync()
    {
        var actor = Actor.From(HttpContext.User);
        if (actor is null || SharingAccess.DepartmentOf(actor) is not { } department)
        {
            _forbidden = true;
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        _actor = actor;
        _department = department;
        // A posted task stays listed even when it is no longer open, so its form (and the result) is on the page.
        if (HttpMethods.IsPost(HttpContext.Request.Method) && HttpContext.Request.HasFormContentType)
            _posted = WorklistPost.TaskOf(HttpContext.Request.Form);
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        _rows = await Cases.HandleAsync(_actor, All, _posted?.CaseId, Take, HttpContext.RequestAborted);

    private async Task SaveAsync()
    {
        if (_posted is not var (caseId, item)) return;
        var form = WorklistPost.Read(HttpContext.Request.Form, caseId, item);
        _form = form;
        _errors = new FormErrors();
        var request = form.ToRequest(_errors, T);
        if (_errors.Any)
        {
            _failedKey = form.Key;
            return;
        }
        try
        {
            var task = await Outcomes.HandleAsync(_actor, caseId, Own.ToCode(), request, HttpContext.RequestAborted, item.ToCode());
            _savedKey = form.Key;
            await LoadAsync();
            var row = _rows.FirstOrDefault(r => r.CaseId == caseId);
            _saved = new Saved(row?.MaskedName ?? "", row?.MaskedNumber ?? "", task.Status, task.EffectiveDate);
        }
        catch (FieldValidationException e)
        {
            _failedKey = form.Key;
            foreach (var (key, messages) in e.Errors)
                _errors.Add(form.FormKeyOf(key), key switch
                {
                    "status" => [T["请选择办理结果"]],
                    "effectiveDate" when form.EffectiveDate is null => [string.Format(T["办结时须填写{0}"], T[DateLabel])],
                    _ => messages,
                });
        }
        catch (ProblemException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            _problem = T[new Message("sharing.page.task-not-found")];
        }
        catch (ProblemException e) when (e.Status == StatusCodes.Status403Forbidden)
        {
            _problem = T[new Message("sharing.page.task-forbidden")];
        }
    }

    /// <summary>"Saved the outcome for 张*国 (…): Done." with the stored name marked as Chinese on an English page.</summary>
    private RenderFragment SavedMessage(Saved saved) => builder =>
    {
        var template = T["已保存 {0}（{1}）的办理结果：{2}。"];
        var at = template.IndexOf("{0}", StringComparison.Ordinal);
        builder.AddContent(0, template[..at]);
        builder.OpenElement(1, "span");
        builder.AddAttribute(2, "lang", "zh-CN");
        builder.AddContent(3, saved.Name);
        builder.CloseElement();
        var rest = string.Format(template[(at + 3)..].Replace("{1}", "{0}").Replace("{2}", "{1}"), saved.Number, T[saved.Status.ChineseName()]);
        if (saved.Status == CaseTaskStatus.Done && saved.EffectiveDate is { } date) rest += string.Format(T["{0}：{1}。"], T[DateLabel], date);
        builder.AddContent(4, rest);
    };
}
