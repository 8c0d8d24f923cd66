using System.Globalization;
using System.Text;
using System.Text.Json;
using Hereafter.Domain.Identity;

namespace Hereafter.Bench;

/// <summary>What the generator meant a roll row to be (the ground truth the engines are scored against).</summary>
public enum Truth : byte
{
    /// <summary>A living person: unmatched, unless rule 4(b)/(c) catches a namesake (marked below).</summary>
    Alive,
    Exact,
    /// <summary>4(a): the deceased's ID with another name.</summary>
    ReviewA,
    /// <summary>4(b): the deceased's ID with a one-digit typo or one adjacent swap, same name.</summary>
    ReviewB,
    /// <summary>4(c): the deceased's name and birth date with another (valid) ID.</summary>
    ReviewC,
    /// <summary>A living person whose name and birth date (or near ID) happen to match a death: review by the rules, not a death.</summary>
    AliveNamesake,
    Rejected,
}

/// <summary>The generated files and what they should give; <c>meta.json</c> holds the counts, <c>truth.csv</c> one line per
/// row that is not a plain living person (<c>account,truth,death_id</c>).</summary>
public sealed record ReconcileFiles(string Directory, string Deaths, string Roll, string TruthFile, ReconcileMeta Meta);

public sealed record ReconcileMeta(int Version, int Seed, int Deaths, long Rows, long DeceasedRows, long Exact, long ReviewA, long ReviewB, long ReviewC,
    long AliveNamesakes, long Rejected, long BlankLines, long DeathsFileRows, long DeathsFileBad, long RollBytes, long DeathsBytes);

/// <summary>
/// Deterministic synthetic deaths file and payee roll (fixed seed; <see cref="Random"/> with a seed is stable across runs),
/// with the dirty cases of issue #4. Written once per parameter set into a cache folder and reused: a <c>meta.json</c>
/// written last marks a complete set.
/// </summary>
public static class ReconcileData
{
    public const int Version = 2;
    public const int Seed = 20261126;
    public const string RollHeader = "id_number,name,birth_date,monthly_amount,paid_through,program,account";

    // County-level codes (GB/T 2260) across provinces, Guizhou weighted by repetition.
    private static readonly string[] Regions =
    [
        "520102", "520103", "520111", "520112", "520113", "520115", "520181", "520102", "520103", "520111",
        "110101", "110102", "110105", "110108", "120101", "130102", "140105", "150102", "210102", "220102",
        "230102", "310101", "310104", "310115", "320102", "320106", "330102", "330106", "340102", "350102",
        "360102", "370102", "410102", "420102", "420106", "430102", "440103", "440106", "440305", "450102",
        "460105", "500101", "500103", "510104", "510107", "530102", "540102", "610102", "620102", "630102",
        "640104", "650102", "522301", "522401", "522601", "522701", "520201", "520302", "520402", "520502",
    ];
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string GivenChars = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华玉兰建国德文斌志红梅鹏飞辉波宁林海燕萍雪琴云凤莲珍霞春秋菊花荣贵福禄寿喜才财富忠诚义礼智信仁和安康乐永长金银宝树松柏山川江河湖";
    private static readonly string[] UyghurParts = ["买买提", "艾力", "阿不都", "热合曼", "古丽", "努尔", "阿依", "吐尔逊", "帕提古丽", "迪丽拜尔", "艾合买提", "玉素甫"];
    private static readonly string[] LatinFirst = ["JOHN", "MARY", "DAVID", "ANNA", "PETER", "MARIA", "JAMES", "LINDA"];
    private static readonly string[] LatinLast = ["SMITH", "BROWN", "MILLER", "GARCIA", "MUELLER", "ROSSI", "NGUYEN", "KIM"];
    private static readonly string[] Dots = ["·", "・", "•", "‧", "･", "", " ", "\u3000"];
    private static readonly (string Code, decimal Min, decimal Max)[] Programmes =
    [
        ("enterprise-pension", 1800m, 6500m), ("resident-pension", 120m, 400m), ("employee-medical", 80m, 300m),
        ("resident-medical", 20m, 60m), ("dibao", 500m, 900m), ("tekun", 900m, 1400m),
        ("elderly-allowance", 50m, 300m), ("disability-allowance", 90m, 200m),
    ];
    private static readonly Month Current = new(2025, 10);

    public static string CacheDirectory(int deaths, long rows) =>
        Path.Combine(Path.GetTempPath(), "hereafter-bench", $"reconcile-v{Version}-s{Seed}-d{deaths}-r{rows}");

    public static ReconcileFiles Ensure(int deaths, long rows, TextWriter log)
    {
        var dir = CacheDirectory(deaths, rows);
        var metaPath = Path.Combine(dir, "meta.json");
        var files = (string m) => new ReconcileFiles(dir, Path.Combine(dir, "deaths.csv"), Path.Combine(dir, "roll.csv"), Path.Combine(dir, "truth.csv"),
            JsonSerializer.Deserialize<ReconcileMeta>(m)!);
        if (File.Exists(metaPath))
        {
            log.WriteLine($"data: reusing {dir}");
            return files(File.ReadAllText(metaPath));
        }
        Directory.CreateDirectory(dir);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var meta = new Generator(deaths, rows).Write(dir);
        File.WriteAllText(metaPath, JsonSerializer.Serialize(meta)); // last: marks the set complete
        log.WriteLine($"data: generated {dir} in {clock.Elapsed.TotalSeconds:F1} s");
        return files(File.ReadAllText(metaPath));
    }

    /// <summary>The rules' name key: no whitespace or middle dots, ASCII, lower case (the generator's own, for ground truth).</summary>
    public static string NameKey(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || c is '·' or '・' or '•' or '‧' or '･') continue;
            var a = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            sb.Append(char.ToLowerInvariant(a));
        }
        return sb.ToString();
    }

    private readonly record struct Month(int Year, int Number)
    {
        public int Index => Year * 12 + Number - 1;
        public static Month FromIndex(int i) => new(i / 12, i % 12 + 1);
        public static Month Of(DateOnly d) => new(d.Year, d.Month);
    }

    private sealed record Person(string Id, string Name, DateOnly Birth, DateOnly Death);

    private sealed class Generator(int deathCount, long rowCount)
    {
        private readonly Random _r = new(Seed);
        private readonly HashSet<long> _used = [];
        private readonly List<Person> _deaths = new(deathCount);
        private readonly Dictionary<string, Person> _byId = new(deathCount);
        private readonly HashSet<(string, DateOnly)> _nameBirth = [];

        public ReconcileMeta Write(string dir)
        {
            var (deathsFileRows, deathsBad) = WriteDeaths(Path.Combine(dir, "deaths.csv"));
            var m = WriteRoll(Path.Combine(dir, "roll.csv"), Path.Combine(dir, "truth.csv"));
            return m with { DeathsFileRows = deathsFileRows, DeathsFileBad = deathsBad, DeathsBytes = new FileInfo(Path.Combine(dir, "deaths.csv")).Length };
        }

        private bool Chance(double p) => _r.NextDouble() < p;
        private T Pick<T>(IReadOnlyList<T> items) => items[_r.Next(items.Count)];

        // Common surnames dominate as in China (the first of the list ~9 %, as 王 and 李 are ~7 % each); given names
        // are spread, so the most common full names come out at ~0.01–0.02 % of people, like 张伟.
        private char Zipf(string chars)
        {
            var u = _r.NextDouble();
            return chars[Math.Min(chars.Length - 1, (int)(chars.Length * u * u))];
        }

        private string NewName()
        {
            var k = _r.NextDouble();
            if (k < 0.004) return $"{Pick(LatinFirst)} {Pick(LatinLast)}";
            if (k < 0.014) return $"{Pick(UyghurParts)}·{Pick(UyghurParts)}";
            var given = Chance(0.15) ? GivenChars[_r.Next(GivenChars.Length)].ToString() : $"{GivenChars[_r.Next(GivenChars.Length)]}{GivenChars[_r.Next(GivenChars.Length)]}";
            return Zipf(Surnames) + given;
        }

        private string NewId(DateOnly birth)
        {
            while (true)
            {
                var region = Pick(Regions);
                var body = $"{region}{birth:yyyyMMdd}{_r.Next(1000):D3}";
                if (_used.Add(long.Parse(body, CultureInfo.InvariantCulture))) return body + IdNumber.ComputeCheckCharacter(body);
            }
        }

        private DateOnly Date(DateOnly from, DateOnly to) => from.AddDays(_r.Next(to.DayNumber - from.DayNumber + 1));

        private (long Rows, long Bad) WriteDeaths(string path)
        {
            using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
            w.Write("id_number,name,birth_date,death_date\n");
            long rows = 0, bad = 0;
            void Line(string id, string name, string birth, string death) { w.Write($"{id},{name},{birth},{death}\n"); rows++; }
            for (var i = 0; i < deathCount; i++)
            {
                var birth = Date(new DateOnly(1922, 1, 1), new DateOnly(1968, 12, 31));
                var p = new Person(NewId(birth), NewName(), birth, Date(new DateOnly(2015, 1, 1), new DateOnly(2025, 9, 30)));
                // The register's own dirt: a record with a bad death date before the good one (the good one is used),
                // a junk record, a repeated ID with another date after the good one (the first is used).
                if (Chance(0.0002)) { Line(p.Id, p.Name, $"{birth:yyyy-MM-dd}", Pick(["", "不详", "2023-02-30"])); bad++; }
                if (Chance(0.0002)) { Line(p.Id[..16], NewName(), "", "2020-01-01"); bad++; }
                Line(DirtyId(p.Id, 0.3), Chance(0.03) ? VariantName(p.Name) : p.Name, $"{birth:yyyy-MM-dd}", $"{p.Death:yyyy-MM-dd}");
                if (Chance(0.0005)) { Line(p.Id, p.Name, $"{birth:yyyy-MM-dd}", $"{p.Death.AddYears(1):yyyy-MM-dd}"); bad++; }
                _deaths.Add(p);
                _byId[p.Id] = p;
                _nameBirth.Add((NameKey(p.Name), birth));
            }
            return (rows, bad);
        }

        /// <summary>The same ID as a messy system would hold it; <paramref name="dirt"/> scales how often.</summary>
        private string DirtyId(string id, double dirt = 1)
        {
            if (!Chance(0.3 * dirt)) return id;
            switch (_r.Next(8))
            {
                case 0: return $" {id}  ";
                case 1: return $"{id[..6]} {id[6..14]} {id[14..]}";
                case 2: return $"{id[..6]}-{id[6..14]}-{id[14..]}";
                case 3: return FullWidth(id);
                case 4: return $"{FullWidth(id[..9])}{id[9..]}\u3000";
                case 5: return id[17] == 'X' ? id[..17] + "x" : $"\t{id}";
                default: return id[6..8] == "19" ? id[..6] + id[8..17] : id; // 15-digit legacy: no century, no check character
            }
        }

        private static string FullWidth(string s) => string.Concat(s.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c));

        /// <summary>The same name as another clerk typed it: spaces, U+3000, another middle dot, full-width or lower-case Latin.</summary>
        private string VariantName(string name)
        {
            if (name.Contains('·')) return name.Replace("·", Pick(Dots));
            if (name.Contains(' ')) // Latin
            {
                var s = name.Replace(" ", Pick([" ", "", "\u3000", "  "]));
                return _r.Next(3) switch { 0 => FullWidth(s), 1 => s.ToLowerInvariant(), _ => s };
            }
            return _r.Next(4) switch
            {
                0 => $"{name[0]} {name[1..]}",
                1 => $"{name[0]}\u3000{name[1..]}",
                2 => $" {name} ",
                _ => string.Join(' ', name.ToCharArray()),
            };
        }

        private string OtherName(string name)
        {
            while (true)
            {
                var other = name[..^1] + GivenChars[_r.Next(GivenChars.Length)];
                if (NameKey(other) != NameKey(name)) return other;
            }
        }

        private string BirthColumn(DateOnly birth) => _r.Next(100) switch
        {
            < 70 => $"{birth:yyyy-MM-dd}",
            < 80 => $"{birth:yyyy/MM/dd}",
            < 88 => $"{birth:yyyyMMdd}",
            < 98 => "",
            _ => "不详",
        };

        private ReconcileMeta WriteRoll(string path, string truthPath)
        {
            using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
            using var t = new StreamWriter(truthPath, false, new UTF8Encoding(false), 1 << 16);
            w.Write(RollHeader + "\n");
            t.Write("account,truth,death_id\n");
            long deceased = 0, exact = 0, a = 0, b = 0, c = 0, namesakes = 0, rejected = 0, blanks = 0;
            var nameIndex = _deaths.ToLookup(d => NameKey(d.Name)); // for namesakes among the living
            var sb = new StringBuilder(160);
            for (long row = 0; row < rowCount; row++)
            {
                var account = $"6217{row:D12}";
                var (code, min, max) = Pick(Programmes);
                var amount = Math.Round(min + (max - min) * (decimal)_r.NextDouble(), _r.Next(3) == 0 ? 0 : 2);
                var amountText = amount.ToString(_r.Next(4) == 0 ? "0.00" : "0.##", CultureInfo.InvariantCulture);
                if (amount >= 1000 && Chance(0.2)) amountText = $"\"{amount.ToString("#,##0.00", CultureInfo.InvariantCulture)}\"";
                var paid = Current;
                string id, name, birth;
                Truth truth;
                Person? death = null;
                if (Chance(0.02))
                {
                    deceased++;
                    death = _deaths[_r.Next(_deaths.Count)];
                    paid = Month.FromIndex(Math.Min(Current.Index, Month.Of(death.Death).Index - 2 + _r.Next(40)));
                    var k = _r.Next(100);
                    (truth, id, name, birth) = k switch
                    {
                        < 85 => (Truth.Exact, DirtyId(death.Id), Chance(0.2) ? VariantName(death.Name) : death.Name, BirthColumn(death.Birth)),
                        < 88 => (Truth.ReviewA, DirtyId(death.Id), OtherName(death.Name), BirthColumn(death.Birth)),
                        < 92 => (Truth.ReviewB, Typo(death.Id), death.Name, BirthColumn(death.Birth)),
                        < 95 => (Truth.ReviewB, Swap(death.Id), death.Name, BirthColumn(death.Birth)),
                        _ => (Truth.ReviewC, DirtyId(OtherId(death, nameIndex)), death.Name, Chance(0.5) ? $"{death.Birth:yyyy-MM-dd}" : ""),
                    };
                    switch (truth) { case Truth.Exact: exact++; break; case Truth.ReviewA: a++; break; case Truth.ReviewB: b++; break; default: c++; break; }
                }
                else
                {
                    var born = Date(new DateOnly(1930, 1, 1), new DateOnly(2005, 12, 31));
                    var trueId = NewId(born);
                    name = NewName();
                    birth = BirthColumn(born);
                    truth = Truth.Alive;
                    id = DirtyId(trueId);
                    var suspect = Chance(0.001);
                    if (suspect) id = trueId[..17] + (trueId[17] == '0' ? '1' : '0'); // wrong check character: a suspect ID, goes on
                    if (Chance(0.2)) name = VariantName(name);
                    var key = NameKey(name);
                    var born2 = ParseBirth(birth) ?? born;
                    if (_nameBirth.Contains((key, born2)) || (suspect && NearDeath(id, key, nameIndex)))
                    {
                        truth = Truth.AliveNamesake;
                        namesakes++;
                    }
                    // Rows the rules reject (living people only, so recall counts every death).
                    var bad = _r.Next(10_000);
                    if (bad < 60)
                    {
                        if (truth == Truth.AliveNamesake) namesakes--;
                        rejected++;
                        truth = Truth.Rejected;
                        switch (bad % 6)
                        {
                            case 0: amountText = Pick(["-12.50", "12.345", "1.2e3", "NaN", "Infinity", "", "abc", "¥800"]); break;
                            case 1: paid = default; break; // bad month below
                            case 2: id = Pick(["", "   ", trueId[..16], trueId[..10] + "ABCDEFGH", trueId + "1"]); break;
                            case 3:
                                sb.Clear().Append(id).Append(',').Append(name).Append(Chance(0.5) ? "\r\n" : "\n");
                                w.Write(sb);
                                t.Write($",{truth},\n");
                                continue;
                            case 4: amountText = Pick(["-0.01", "1.5.0", "--", "0x10", "1/2"]); break;
                            default: paid = default; break;
                        }
                    }
                }
                var paidText = paid == default
                    ? Pick(["2025-13", "2025-00", "25-10", "", "2025.10", "2025-1x", "十月"])
                    : _r.Next(10) switch { < 7 => $"{paid.Year:D4}-{paid.Number:D2}", < 9 => $"{paid.Year:D4}/{paid.Number:D2}", _ => $"{paid.Year:D4}{paid.Number:D2}" };
                sb.Clear().Append(id).Append(',').Append(name).Append(',').Append(birth).Append(',').Append(amountText).Append(',')
                    .Append(paidText).Append(',').Append(code).Append(',').Append(account).Append(Chance(0.1) ? "\r\n" : "\n");
                w.Write(sb);
                if (truth != Truth.Alive) t.Write($"{account},{truth},{death?.Id}\n");
                if (Chance(0.001)) { w.Write(Chance(0.5) ? "\r\n" : "\n"); blanks++; }
            }
            w.Flush();
            return new ReconcileMeta(Version, Seed, deathCount, rowCount, deceased, exact, a, b, c, namesakes, rejected, blanks, 0, 0, w.BaseStream.Length, 0);
        }

        /// <summary>Another valid ID for the same birth date, not within one change or swap of a same-name death (that would be 4(b)).</summary>
        private string OtherId(Person death, ILookup<string, Person> byName)
        {
            while (true)
            {
                var id = NewId(death.Birth);
                if (!byName[NameKey(death.Name)].Any(d => Near(d.Id, id))) return id;
            }
        }

        private static DateOnly? ParseBirth(string s) =>
            DateOnly.TryParseExact(s, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        /// <summary>A suspect ID (wrong check character) within one change or swap of a same-name death: rule 4(b) applies to a living person.</summary>
        private static bool NearDeath(string id, string key, ILookup<string, Person> byName) =>
            byName[key].Any(d => Near(d.Id, id));

        public static bool Near(string x, string y)
        {
            if (x.Length != 18 || y.Length != 18) return false;
            int first = -1, diffs = 0;
            for (var i = 0; i < 18; i++)
            {
                if (x[i] == y[i]) continue;
                if (++diffs > 2) return false;
                if (first < 0) first = i;
            }
            return diffs == 1 || (diffs == 2 && first < 17 && x[first] == y[first + 1] && x[first + 1] == y[first]);
        }

        /// <summary>One wrong digit anywhere (the check character included), never landing on another death's ID.</summary>
        private string Typo(string id)
        {
            while (true)
            {
                var i = _r.Next(18);
                var c = i == 17 ? "0123456789X"[_r.Next(11)] : (char)('0' + _r.Next(10));
                if (c == id[i]) continue;
                var typo = id[..i] + c + id[(i + 1)..];
                if (!_byId.ContainsKey(typo)) return typo;
            }
        }

        private string Swap(string id)
        {
            while (true)
            {
                var i = _r.Next(17);
                // An X swapped out of the last place makes an ID the rules reject, not a near match.
                if (id[i] == id[i + 1] || id[i + 1] == 'X') continue;
                var swapped = id[..i] + id[i + 1] + id[i] + id[(i + 2)..];
                if (!_byId.ContainsKey(swapped)) return swapped;
            }
        }
    }

}
