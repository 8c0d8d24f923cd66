using CsCheck;
using Hereafter.Domain.Reconciliation;
using static Hereafter.Domain.Tests.Reconciliation.Recon;

namespace Hereafter.Domain.Tests.Reconciliation;

/// <summary>
/// Rules 4(b) and 4(c) look among the deaths of the row's name. The register scans a name's deaths when it has a few
/// and uses its chain tables when it has more than 64 (<c>DeathRegister.ScanLimit</c>); whichever it uses, the answer
/// must be the one a search of the whole register in register order gives.
/// </summary>
public class SameNameCandidateTests
{
    // 张伟 has more deaths than the scan limit, 李娜 a few, 王芳 one; IDs share a district and three birth dates and
    // differ in a small sequence range, so near IDs and same birth dates are common.
    private static readonly (string Name, int Count)[] Names = [("张伟", 90), ("李娜", 12), ("王芳", 1)];
    private static readonly string[] Births = ["19500307", "19500317", "19610307"];

    private sealed record Person(string Id, string Name, string Birth);

    private static List<Person> Register(Random random)
    {
        var people = new List<Person>();
        var seen = new HashSet<string>();
        foreach (var (name, count) in Names)
        {
            while (people.Count(p => p.Name == name) < count)
            {
                var birth = Births[random.Next(Births.Length)];
                var id = Id($"520102{birth}{random.Next(0, 60):D3}");
                if (seen.Add(id))
                {
                    people.Add(new Person(id, name, birth));
                }
            }
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(people)); // register order mixes the names
        return people;
    }

    private static string Mutate(string id, Random random)
    {
        switch (random.Next(4))
        {
            case 0: // one character changed
                var p = random.Next(18);
                return id[..p] + (char)('0' + ((id[p] == 'X' ? 0 : id[p] - '0') + random.Next(1, 10)) % 10) + id[(p + 1)..];
            case 1: // adjacent swap (never moving an X off the end)
                var s = random.Next(16);
                return id[..s] + id[s + 1] + id[s] + id[(s + 2)..];
            case 2: // two changes: never near
                var a = random.Next(9);
                var b = random.Next(9, 17);
                return id[..a] + (char)('0' + (id[a] - '0' + 1) % 10) + id[(a + 1)..b] + (char)('0' + (id[b] - '0' + 3) % 10) + id[(b + 1)..];
            default: // another ID with one of the birth dates
                return Id($"520102{Births[random.Next(Births.Length)]}{random.Next(0, 60):D3}");
        }
    }

    private static bool IsNear(string a, string b)
    {
        var differ = Enumerable.Range(0, 18).Where(i => a[i] != b[i]).ToArray();
        return differ.Length == 1
            || (differ.Length == 2 && differ[1] == differ[0] + 1 && a[differ[0]] == b[differ[1]] && a[differ[1]] == b[differ[0]]);
    }

    [Fact]
    public void Rule4Candidates_AreTheFirstInRegisterOrder_ForRareAndCommonNames() =>
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var people = Register(random);
            var ids = people.Select(p => p.Id).ToHashSet();
            var lines = new List<string>();
            var expected = new List<string>();
            while (lines.Count < 300)
            {
                var id = Mutate(people[random.Next(people.Count)].Id, random);
                if (ids.Contains(id))
                {
                    continue; // rules 2 and 3 decide an exact ID
                }

                var name = Names[random.Next(Names.Length)].Name;
                var birth = Births[random.Next(Births.Length)];
                lines.Add($"{id},{name},{birth[..4]}-{birth[4..6]}-{birth[6..]},100.00,2026-06,,acct{lines.Count}");
                var near = people.FirstOrDefault(p => p.Name == name && IsNear(id, p.Id));
                var sameBirth = people.FirstOrDefault(p => p.Name == name && p.Birth == birth);
                expected.Add(near is not null ? $"{ReviewReason.IdNearMatch} {near.Id}"
                    : sameBirth is not null ? $"{ReviewReason.NameAndBirthDate} {sameBirth.Id}"
                    : "unmatched");
            }

            var deaths = DeathRegister.From(people.Select(p => new Death(p.Id, p.Name,
                DateOnly.ParseExact(p.Birth, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 1, 1))));
            Assert.Equal(people.Count, deaths.Count);
            var result = Run(Roll([.. lines]), deaths);
            Assert.Empty(result.Stops);
            Assert.Empty(result.Rejected);
            for (var j = 0; j < lines.Count; j++)
            {
                var row = j + 2;
                var review = result.Reviews.SingleOrDefault(r => r.Entry.Row == row);
                Assert.Equal(expected[j], review is null ? "unmatched" : $"{review.Reason} {review.Candidate.IdNumber}");
            }

            // both paths were exercised: near and birth-date candidates of the common name and of the rare ones
            Assert.Contains(result.Reviews, r => r.Entry.Name == "张伟" && r.Reason == ReviewReason.IdNearMatch);
            Assert.Contains(result.Reviews, r => r.Entry.Name != "张伟" && r.Reason == ReviewReason.IdNearMatch);
        }, iter: 40);
}
