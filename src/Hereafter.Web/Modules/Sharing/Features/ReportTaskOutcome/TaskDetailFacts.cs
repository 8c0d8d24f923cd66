using System.Globalization;
using System.Text.Json.Nodes;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Time;

namespace Hereafter.Web.Modules.Sharing.Features.ReportTaskOutcome;

/// <summary>How a fact of a family's request is shown: a word of the page (translated), stored text (marked Chinese), a phone, or figures.</summary>
public enum DetailKind { Word, Stored, Phone, Figure }

/// <param name="Label">The label's Chinese text (the page translates it).</param>
public sealed record DetailFact(string Label, string Value, DetailKind Kind);

/// <summary>
/// What a family asked, as its department's worklist shows it: only the known facts of a request's details, in a fixed
/// order, and never a full ID or account number (masked again here whatever the sender stored). Unknown keys are left
/// out, so nothing a department may not see (a cause of death) can reach the page through them.
/// </summary>
public static class TaskDetailFacts
{
    private static readonly Dictionary<string, string> RelationshipNames = new(StringComparer.Ordinal)
    {
        ["spouse"] = "配偶", ["child"] = "子女", ["parent"] = "父母", ["sibling"] = "兄弟姐妹",
        ["grandchild"] = "孙子女、外孙子女", ["grandparent"] = "祖父母、外祖父母", ["other"] = "其他亲属或丧事承办人",
    };

    public static IReadOnlyList<DetailFact> From(JsonObject? details)
    {
        if (details is null) return [];
        var facts = new List<DetailFact>();
        var applicant = details["applicant"] as JsonObject;
        Add(facts, "申请人", Text(applicant?["name"]), DetailKind.Stored);
        Add(facts, "申请人身份证号", Masked(Text(applicant?["idNumberMasked"]) ?? Text(applicant?["idNumber"])), DetailKind.Figure);
        Add(facts, "联系电话", Text(applicant?["phone"]), DetailKind.Phone);
        if (Text(applicant?["relationship"] ?? details["relationship"]) is { } relationship)
        {
            if (RelationshipNames.TryGetValue(relationship, out var name)) Add(facts, "与逝者关系", name, DetailKind.Word);
            else Add(facts, "与逝者关系", Text(applicant?["relationshipName"]) ?? relationship, DetailKind.Stored);
        }
        if (details["payoutAccount"] is JsonObject payout)
        {
            Add(facts, "收款银行", Text(payout["bank"]), DetailKind.Stored);
            Add(facts, "收款账号", TaskOutcomeValidation.Mask(Text(payout["accountNumber"]) ?? Text(payout["accountMasked"])), DetailKind.Figure);
            Add(facts, "账户户名", Text(payout["holderName"]), DetailKind.Stored);
        }
        Add(facts, "缴费年限（年）", Text(details["contributionYears"]), DetailKind.Figure);
        Add(facts, "家属确认提取金额（元）", Yuan(details["amount"]), DetailKind.Figure);
        Add(facts, "本行累计已提取（元）", Yuan(details["releasedTotal"]), DetailKind.Figure);
        if (details["closeAccounts"] is JsonValue close && close.TryGetValue<bool>(out var closes))
            Add(facts, "一并销户", closes ? "是" : "否", DetailKind.Word);
        if (details["undertaking"] is JsonObject undertaking)
        {
            Add(facts, "书面承诺", Text(undertaking["text"]), DetailKind.Stored);
            if (Text(undertaking["at"]) is { } at && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var when))
                Add(facts, "承诺时间", ChinaTime.Minutes(when), DetailKind.Figure);
        }
        else if (details["undertaking"] is JsonValue given && given.TryGetValue<bool>(out var yes) && yes)
            Add(facts, "书面承诺", "申请人已作出书面承诺", DetailKind.Word);
        return facts;
    }

    private static void Add(List<DetailFact> facts, string label, string? value, DetailKind kind)
    {
        if (!string.IsNullOrWhiteSpace(value)) facts.Add(new DetailFact(label, value.Trim(), kind));
    }

    private static string? Text(JsonNode? node) => node is JsonValue v ? v.ToString() : null;

    private static string? Masked(string? id) => id is null ? null : PersonalDataMask.IdNumber(id);

    private static string? Yuan(JsonNode? node) =>
        node is JsonValue v && decimal.TryParse(v.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? SharingLabels.Amount(amount) : null;
}
