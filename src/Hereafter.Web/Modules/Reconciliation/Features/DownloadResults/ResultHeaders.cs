using System.Text;

namespace Hereafter.Web.Modules.Reconciliation.Features.DownloadResults;

/// <summary>
/// The header row of a result file downloaded from the pages: in Chinese on a Chinese page, the engine's own column
/// names on an English one, after a UTF-8 BOM (Excel on Chinese Windows reads a BOM-less file as GBK). The records
/// under it are the engine's bytes; the command line's files keep the engine's header and no BOM.
/// </summary>
public static class ResultHeaders
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["row"] = "行号",
        ["id_number"] = "身份证号",
        ["name"] = "姓名",
        ["program"] = "项目",
        ["account"] = "账号",
        ["monthly_amount"] = "月发放金额",
        ["paid_through"] = "已发放至",
        ["death_date"] = "死亡日期",
        ["stop_from"] = "应自何月停发",
        ["overpaid_months"] = "多发月数",
        ["overpaid_amount"] = "应追回金额",
        ["suspect_id"] = "身份证号校验位有误",
        ["reason"] = "原因",
        ["candidate_id_number"] = "比对对象身份证号",
        ["candidate_name"] = "比对对象姓名",
        ["candidate_death_date"] = "比对对象死亡日期",
    };

    public static string Name(string column, bool english) => english ? column : Chinese.GetValueOrDefault(column, column);

    /// <summary>Copies an engine CSV to a new file with a BOM and the header in the page's language; deletes the engine's file.</summary>
    public static string Localise(string engineCsv, bool english)
    {
        var target = Path.Combine(Path.GetTempPath(), $"hereafter-{Guid.NewGuid():n}.csv");
        try
        {
            using var input = File.OpenRead(engineCsv);
            using var output = File.Create(target);
            var header = new List<byte>();
            for (var b = input.ReadByte(); b is not (-1 or '\n'); b = input.ReadByte()) header.Add((byte)b);
            var names = Encoding.UTF8.GetString([.. header]).Split(',').Select(c => Name(c, english));
            output.Write(Encoding.UTF8.GetPreamble());
            output.Write(Encoding.UTF8.GetBytes(string.Join(',', names) + "\n"));
            input.CopyTo(output);
        }
        finally
        {
            File.Delete(engineCsv);
        }
        return target;
    }
}
