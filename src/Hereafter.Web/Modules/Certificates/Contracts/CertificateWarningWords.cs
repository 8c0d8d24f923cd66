namespace Hereafter.Web.Modules.Certificates.Contracts;

/// <summary>The Chinese words of a data-quality warning's code (IcdQuality, CertificateValidator), for figures and lists; English through <c>T[…]</c>.</summary>
public static class CertificateWarningWords
{
    public static string Of(string code) => code switch
    {
        "ill-defined-underlying-cause" => "根本死因编码不明确",
        "sex-specific-code" => "死因编码与性别不符",
        "perinatal-code-after-first-year" => "一岁以上使用围产期编码",
        "injury-manner-without-external-cause" => "损伤死亡缺少外部原因编码",
        "underlying-cause-not-lowest-line" => "根本死因不在最低一行",
        "interval-chain-not-increasing" => "发病至死亡间隔未逐行递增",
        _ => code,
    };
}
