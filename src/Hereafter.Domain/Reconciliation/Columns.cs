namespace Hereafter.Domain.Reconciliation;

/// <summary>A column a file may or must have, with the header names accepted for it (English and Chinese).</summary>
internal sealed record ColumnSpec(string English, string Chinese, bool Required, params string[] Aliases)
{
    public bool Matches(ReadOnlySpan<char> header)
    {
        header = header.Trim().Trim('\uFEFF').Trim();
        if (header.Equals(English, StringComparison.OrdinalIgnoreCase) || header.Equals(Chinese, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var alias in Aliases)
        {
            if (header.Equals(alias, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

internal static class Columns
{
    public static readonly ColumnSpec RollId = new("id_number", "身份证号", true, "身份证号码", "公民身份号码");
    public static readonly ColumnSpec RollName = new("name", "姓名", true);
    public static readonly ColumnSpec RollBirth = new("birth_date", "出生日期", false);
    public static readonly ColumnSpec RollAmount = new("monthly_amount", "月发放金额", true);
    public static readonly ColumnSpec RollPaidThrough = new("paid_through", "已发放至", true);
    public static readonly ColumnSpec RollProgram = new("program", "项目", false, "programme");
    public static readonly ColumnSpec RollAccount = new("account", "账号", false, "帐号");

    /// <summary>The order of the indexes <see cref="Map"/> returns for a roll.</summary>
    public static readonly ColumnSpec[] Roll = [RollId, RollName, RollBirth, RollAmount, RollPaidThrough, RollProgram, RollAccount];

    public static readonly ColumnSpec[] Deaths =
    [
        RollId, RollName, RollBirth, new("death_date", "死亡日期", true),
    ];

    /// <summary>Finds each column in the header (any order, extra columns ignored; the first of repeated names wins).</summary>
    /// <returns>The field index per spec, -1 for an absent optional column.</returns>
    /// <exception cref="RollFormatException">A required column is missing.</exception>
    public static int[] Map(RollRows header, ColumnSpec[] specs)
    {
        var map = new int[specs.Length];
        List<ColumnSpec>? missing = null;
        for (var s = 0; s < specs.Length; s++)
        {
            map[s] = -1;
            for (var i = 0; i < header.Count; i++)
            {
                if (specs[s].Matches(header.Field(i)))
                {
                    map[s] = i;
                    break;
                }
            }

            if (map[s] < 0 && specs[s].Required)
            {
                (missing ??= []).Add(specs[s]);
            }
        }

        if (missing is not null)
        {
            var chinese = string.Join("、", missing.Select(c => c.Chinese));
            var english = string.Join(", ", missing.Select(c => c.English));
            throw new RollFormatException("missing-columns",
                $"缺少列：{chinese}。Missing column(s): {english}. The first non-blank line must be the header row.");
        }

        return map;
    }
}
