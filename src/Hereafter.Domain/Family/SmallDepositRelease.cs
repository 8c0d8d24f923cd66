using Hereafter.Domain.Messages;

namespace Hereafter.Domain.Family;

/// <summary>
/// Small-deposit release (已故存款人小额存款提取, 金规〔2024〕6号, ADR 0026): a close relative withdraws a deceased's
/// deposits at one bank without a notarised inheritance certificate, at most <see cref="LimitPerBank"/> yuan per bank
/// per deceased, on a written undertaking (承诺书). Funeral grants (丧葬费) and survivors' pensions (抚恤金) paid into the
/// deceased's accounts do not count towards the limit: accounts the bank names as such are left out of the
/// releasable balance and paid out in full by the bank when it closes the accounts.
/// </summary>
public static class SmallDepositRelease
{
    /// <summary>At most this much (yuan) per bank per deceased.</summary>
    public const decimal LimitPerBank = 50_000m;

    /// <summary>The limit in fen (分): the database ledger counts integer fen so that SQLite compares numbers, not text.</summary>
    public const long LimitPerBankFen = 5_000_000;

    /// <summary>The version of <see cref="UndertakingText"/> a release records with the time it was given.</summary>
    public const string UndertakingVersion = "2026-12-v1";

    /// <summary>The applicant's written undertaking (承诺书), shown on the page and recorded by version with each release.</summary>
    public const string UndertakingText =
        "本人承诺：本人是逝者的近亲属（配偶、子女或父母）或经公证遗嘱指定的继承人、受遗赠人；所提交的死亡证明和亲属关系材料真实有效；" +
        "提取的存款依法属于逝者的遗产，如有其他继承人或债权人主张权利，由本人负责返还并承担相应的法律责任；同意在存款全部提取后一并注销逝者在该银行的全部账户。";

    /// <summary>The undertaking in English, for the English page (the recorded text is <see cref="UndertakingText"/>).</summary>
    public const string UndertakingTextEnglish =
        "I undertake that I am a close relative of the deceased (spouse, child or parent) or an heir or legatee named in a notarised will; " +
        "that the death certificate and proof of relationship I gave are true; that the deposits I withdraw belong to the deceased's estate, " +
        "and that I will return them and bear the legal consequences if another heir or a creditor claims them; and that all the deceased's " +
        "accounts at this bank are closed together once their deposits are withdrawn.";

    /// <summary>Whether an account the bank reported holds a funeral grant or survivors' pension (丧葬费, 抚恤金): outside the limit.</summary>
    public static bool IsOutsideLimit(string accountType) =>
        accountType.Contains("丧葬", StringComparison.Ordinal) || accountType.Contains("抚恤", StringComparison.Ordinal);

    /// <summary>What the limit applies to: the balances of every account except funeral grants and survivors' pensions.</summary>
    public static decimal ReleasableBalance(IEnumerable<(string Type, decimal Balance)> accounts) =>
        accounts.Where(a => !IsOutsideLimit(a.Type)).Sum(a => a.Balance);

    /// <summary>Yuan to fen; the amount has at most two decimals (checked by <see cref="CheckAmount"/>).</summary>
    public static long ToFen(decimal yuan) => (long)decimal.Round(yuan * 100m, 0, MidpointRounding.ToEven);

    public static decimal ToYuan(long fen) => fen / 100m;

    /// <summary>What may still be released at a bank: the lesser of the limit's and the balance's remainders, never below zero.</summary>
    public static decimal Remaining(decimal releasableBalance, decimal releasedTotal) =>
        Math.Max(0m, Math.Min(LimitPerBank, releasableBalance) - releasedTotal);

    /// <summary>The amount's own problem (not positive, more than two decimals), or null.</summary>
    public static Message? CheckAmount(decimal? amount) => amount switch
    {
        null => new Message("family.deposit-release.amount-required"),
        <= 0m => new Message("family.deposit-release.amount-not-positive"),
        var a when decimal.Round(a.Value, 2) != a.Value => new Message("family.deposit-release.amount-too-precise"),
        _ => null,
    };
}
