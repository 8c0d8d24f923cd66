using CsCheck;
using Hereafter.Domain.Reconciliation;
using static Hereafter.Domain.Tests.Reconciliation.Recon;

namespace Hereafter.Domain.Tests.Reconciliation;

public class ReconciliationPropertyTests
{
    private const string MessyChars = "0123456789xX -－‐—０１２３４５６７８９ｘＸ\u3000\t·・•‧･aAｂＢzZ张三";

    private static readonly Gen<string> MessyText = Gen.Char[MessyChars].Array[0, 24].Select(chars => new string(chars));

    [Fact]
    public void NormalizeId_IsIdempotent() =>
        MessyText.Sample(raw =>
        {
            var once = RollNormalisation.NormalizeId(raw);
            Assert.Equal(once, RollNormalisation.NormalizeId(once));
        });

    [Fact]
    public void NormalizeName_IsIdempotent() =>
        MessyText.Sample(raw =>
        {
            var once = RollNormalisation.NormalizeName(raw);
            Assert.Equal(once, RollNormalisation.NormalizeName(once));
        });

    [Fact]
    public void NormalizeId_OfAValidIdWrittenMessily_IsTheId() =>
        Gen.Select(Gen.Long[0, 99_999_999_999_999_999], Gen.Int[0, 3], Gen.Bool).Sample((digits, style, fullWidth) =>
        {
            var id = Id(digits.ToString("D17", System.Globalization.CultureInfo.InvariantCulture));
            var messy = style switch
            {
                0 => $" {id} ",
                1 => $"{id[..6]}-{id[6..14]}-{id[14..]}",
                2 => $"{id[..6]}\u3000{id[6..]}".ToLowerInvariant(),
                _ => $"\t{id}",
            };
            if (fullWidth)
            {
                messy = string.Concat(messy.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c));
            }

            Assert.Equal(id, RollNormalisation.NormalizeId(messy));
        });

    // A small register in which several people share a name, so that rule order and candidate choice matter.
    private static readonly Death[] People =
    [
        new(Id("52010219500307001"), "张伟", new DateOnly(1950, 3, 7), new DateOnly(2026, 3, 15)),
        new(Id("52010219500307011"), "张伟", null, new DateOnly(2026, 1, 2)),
        new(Id("11010519491231002"), "李娜", new DateOnly(1949, 12, 31), new DateOnly(2025, 12, 31)),
        new(Id("65010219600505004"), "阿合买提·买买提", null, new DateOnly(2026, 2, 10)),
        new(Id("44010119800101001"), "John Smith", new DateOnly(1980, 1, 1), new DateOnly(2026, 5, 1)),
    ];

    private static readonly string[] Variants = ["", " ", "\u3000"];

    /// <summary>A roll line of one of the kinds the rules tell apart.</summary>
    private static readonly Gen<string> Line =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, People.Length - 1], Gen.Int[0, 16], Gen.Int[0, 9], Gen.Int[1, 12], Gen.Int[0, 99_999])
            .Select((kind, p, position, digit, month, amount) =>
            {
                var person = People[p];
                var id = person.IdNumber;
                var name = person.Name;
                var birth = person.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
                var money = $"\"{amount / 100m:#,0.00}\"";
                switch (kind)
                {
                    case 1: // one character changed
                        id = id[..position] + (char)('0' + (id[position] - '0' + digit % 9 + 1) % 10) + id[(position + 1)..];
                        break;
                    case 2: // adjacent swap
                        id = id[..position] + id[position + 1] + id[position] + id[(position + 2)..];
                        break;
                    case 3: // another name
                        name = "王" + name;
                        break;
                    case 4: // another ID, same name and birth date
                        id = Id("3301011950030700" + digit);
                        birth = "1950-03-07";
                        break;
                    case 5: // someone else
                        id = Id($"3301011990{month:D2}{digit + 10}00{digit}");
                        name = "路人" + digit;
                        break;
                    case 6:
                        money = "-1";
                        break;
                    case 7:
                        return $"{id},{name},{birth},{money},2026-{month + 12},,";
                    case 8:
                        return $"{id},{name}";
                    default: // the same person written messily
                        name = Variants[digit % 3] + string.Join(Variants[month % 3], name.ToCharArray());
                        break;
                }

                return $"{id},{name},{birth},{money},2026-{month:D2},,acct{digit}";
            });

    private static string Describe(Recorded result, long row) =>
        result.Stops.FirstOrDefault(s => s.Entry.Row == row) is { } stop ? $"stop {stop.Death.IdNumber} {stop.Terms}"
        : result.Reviews.FirstOrDefault(r => r.Entry.Row == row) is { } review ? $"review {review.Reason} {review.Candidate.IdNumber} {review.Terms}"
        : result.Rejected.FirstOrDefault(r => r.Row == row) is { } rejected ? $"reject {rejected.Reason}"
        : "unmatched";

    [Fact]
    public void Classification_DoesNotDependOnRowOrder() =>
        Gen.Select(Line.Array[1, 30], Gen.Int).Sample((lines, seed) =>
        {
            var deaths = DeathRegister.From(People);
            var order = Enumerable.Range(0, lines.Length).ToArray();
            new Random(seed).Shuffle(order);

            var original = Run(Roll(lines), deaths);
            var shuffled = Run(Roll([.. order.Select(i => lines[i])]), deaths);

            for (var j = 0; j < order.Length; j++)
            {
                Assert.Equal(Describe(original, order[j] + 2), Describe(shuffled, j + 2));
            }

            Assert.Equal(original.Summary with { DeathsRejected = [] }, shuffled.Summary with { DeathsRejected = [] });
        }, iter: 200);

    [Fact]
    public void ResultFiles_AreDeterministic() =>
        Line.Array[0, 20].Sample(lines =>
        {
            var roll = Roll(lines);
            var first = Path.Combine(Path.GetTempPath(), "recon-p1-" + Guid.NewGuid().ToString("N"));
            var second = Path.Combine(Path.GetTempPath(), "recon-p2-" + Guid.NewGuid().ToString("N"));
            try
            {
                foreach (var dir in new[] { first, second })
                {
                    using var sink = new ResultFilesSink(dir);
                    sink.WriteSummary(Reconciler.Run(DeathRegister.From(People), Utf8(roll), new ReconciliationOptions(Pension), sink));
                }

                foreach (var name in new[] { "stops.csv", "review.csv", "rejected.csv", "summary.json" })
                {
                    Assert.Equal(File.ReadAllBytes(Path.Combine(first, name)), File.ReadAllBytes(Path.Combine(second, name)));
                }
            }
            finally
            {
                Directory.Delete(first, true);
                Directory.Delete(second, true);
            }
        }, iter: 30);
}
