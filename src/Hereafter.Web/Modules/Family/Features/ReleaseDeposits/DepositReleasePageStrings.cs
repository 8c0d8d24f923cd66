using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Family.Features.ReleaseDeposits;

/// <summary>English for the family's small-deposit release page.</summary>
[EnglishStrings]
internal static class DepositReleasePageStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["小额存款提取"] = "Small-deposit release",
        ["您没有向这家银行查询逝者的存款。请先在办事申请中选择这家银行，银行答复后再来提取。"] =
            "You did not ask this bank about the deceased's deposits. Choose this bank in your application first, then come back once it has answered.",
        ["返回办事进度"] = "Back to the progress page",
        ["已提交提取申请"] = "Release requested",
        ["本次提取"] = "This release",
        ["本行累计提取"] = "Released at this bank in total",
        ["本行还可提取"] = "Still releasable at this bank",
        ["接下来"] = "What happens next",
        ["银行已收到您的提取申请，会在 5 个工作日内联系您，核对身份后把款项付到您申请中填写的账户，或请您带身份证到网点领取。"] =
            "The bank has your request. Within 5 working days it contacts you, checks your identity and pays the money into the account in your application, or asks you to collect it at a branch with your ID card.",
        ["这是逝者在本行的最后一笔存款：银行付款后注销逝者在本行的全部账户；丧葬费、抚恤金另行全额支付。"] =
            "This takes the last of the deceased's deposits at this bank: after paying, the bank closes all the deceased's accounts there; funeral grants and survivors' pensions are paid in full as well.",
        ["银行办结后，您会收到短信和站内通知，办事进度页也会显示结果。"] =
            "When the bank has finished you get a text message and a notification, and the progress page shows the result.",
        ["银行答复的账户"] = "Accounts the bank reported",
        ["银行还没有答复存款查询。答复后您会收到通知，再来这里提取。"] =
            "The bank has not answered the deposit query yet. You will be notified when it does; come back here then.",
        ["银行没有查到逝者的存款账户，无需提取。"] = "The bank found no accounts of the deceased: there is nothing to release.",
        ["不计入限额，由银行销户时全额支付"] = "Outside the limit: paid in full when the bank closes the accounts",
        ["账户余额合计"] = "Total of all accounts",
        ["可提取余额（不含丧葬费、抚恤金）"] = "Releasable balance (without funeral grants and survivors' pensions)",
        ["每家银行限额"] = "Limit per bank",
        ["本行已提取"] = "Released at this bank",
        ["提取存款"] = "Release deposits",
        ["按规定，同一家银行每位逝者合计最多提取 5 万元，无需继承公证；丧葬费、抚恤金不计入。可以分次提取；提完全部可提取余额时，逝者在本行的全部账户一并注销。"] =
            "Up to 50,000 yuan in total per bank for each deceased person can be released without a notarised certificate of inheritance; funeral grants and survivors' pensions do not count. You may release in several parts; when the whole releasable balance is released, all the deceased's accounts at this bank are closed together.",
        ["提取金额（元）"] = "Amount (yuan)",
        ["最多 {0}，精确到分"] = "At most {0}, to the fen",
        ["承诺书"] = "Undertaking",
        ["我已阅读并同意以上承诺"] = "I have read and give this undertaking",
        ["确认提取"] = "Confirm the release",
        ["超过小额存款提取限额（同一家银行合计最多 5 万元）：本行还可提取 {0}。"] =
            "Over the small-deposit limit (at most 50,000 yuan in total per bank): {0} can still be released at this bank.",
        ["超过银行答复的可提取余额：本行还可提取 {0}。"] = "More than the releasable balance the bank reported: {0} can still be released at this bank.",
        ["请填写数字金额，例如 5000 或 5000.50。"] = "Enter the amount in figures, e.g. 5000 or 5000.50.",
        ["已销户"] = "Closed",
        ["待答复"] = "Awaiting answer",
        ["可提取"] = "Release offered",
        ["不提供"] = "Not offered",
        ["银行还没有答复存款查询；答复后会通知您。"] = "The bank has not answered the deposit query yet; you will be notified when it does.",
        ["银行提供小额存款提取，您可以在限额内提取。"] = "The bank offers small-deposit release: you can release up to the limit.",
        ["银行不提供小额存款提取，请持继承公证书等材料到银行网点办理。"] =
            "The bank does not offer small-deposit release: take the notarised certificate of inheritance and other documents to one of its branches.",
        ["可提取余额已全部提取，逝者在本行的账户已一并注销。"] = "The whole releasable balance was released and the deceased's accounts at this bank are closed.",
    };
}
