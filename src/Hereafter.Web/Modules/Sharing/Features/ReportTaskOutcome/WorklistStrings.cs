using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Sharing.Features.ReportTaskOutcome;

/// <summary>English for the worklist's family items: what the family asked, and a bank's answer form.</summary>
[EnglishStrings]
internal static class WorklistStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // What the family asked.
        ["申请人"] = "Applicant",
        ["申请人身份证号"] = "Applicant's ID number",
        ["与逝者关系"] = "Relationship to the deceased",
        ["收款银行"] = "Payout bank",
        ["收款账号"] = "Payout account",
        ["账户户名"] = "Account holder",
        ["缴费年限（年）"] = "Contribution years",
        ["家属确认提取金额（元）"] = "Amount the family confirmed (yuan)",
        ["本行累计已提取（元）"] = "Released by this bank so far (yuan)",
        ["一并销户"] = "Close the accounts",
        ["书面承诺"] = "Written undertaking",
        ["承诺时间"] = "Undertaking given at",
        ["申请人已作出书面承诺"] = "The applicant gave the written undertaking",
        ["是"] = "Yes",
        ["否"] = "No",
        ["配偶"] = "Spouse",
        ["子女"] = "Child",
        ["父母"] = "Parent",
        ["兄弟姐妹"] = "Brother or sister",
        ["孙子女、外孙子女"] = "Grandchild",
        ["祖父母、外祖父母"] = "Grandparent",
        ["其他亲属或丧事承办人"] = "Other relative or person in charge of the funeral",
        // A bank's answer.
        ["答复存款查询"] = "Answer the deposit query",
        ["查询到的账户"] = "Accounts found",
        ["每行一个账户；账号只保存后四位。未查到账户时留空，直接登记结果。"] =
            "One account a row; only the last four digits of the number are kept. If no account was found, leave the rows empty and record the outcome.",
        ["账户 {0}"] = "Account {0}",
        ["账户类型"] = "Account type",
        ["余额（元）"] = "Balance (yuan)",
        ["活期"] = "Current",
        ["定期"] = "Fixed-term",
        ["其他"] = "Other",
        ["请填写账号"] = "Enter the account number",
        ["请填写余额"] = "Enter the balance",
        ["可办理小额存款提取（向家属提供）"] = "Offer the family small-deposit release",
        ["每位逝者在本行合计不超过 5 万元，账户一并销户；家属确认并作出书面承诺后，本行会收到提取事项。"] =
            "At most 50,000 yuan per deceased at this bank, with the accounts closed; once the family confirms and gives the written undertaking, a release task reaches this bank.",
        ["小额存款提取"] = "Small-deposit release",
        ["已向家属提供"] = "Offered to the family",
        ["未提供"] = "Not offered",
        ["已报告账户（余额，元）"] = "Accounts reported (balance, yuan)",
        ["未查到账户"] = "No account found",
        ["支付金额（元）"] = "Amount paid (yuan)",
    };
}
