using Hereafter.Domain.Time;
using Hereafter.Domain.Certificates;
using Hereafter.Web.Platform.Demo;

namespace Hereafter.Web.Tests.Infrastructure;

/// <summary>Unique, valid fictional people so tests sharing a database never collide.</summary>
public static class People
{
    private static int _counter;
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘";
    private const string Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国德文斌";

    public sealed record Person(string Name, string Sex, string IdNumber, DateOnly BirthDate);

    private static readonly int Offset = Random.Shared.Next(0, 1_000_000);
    private const int Days = 365 * 50;

    /// <summary>
    /// A person no other call in this process shares: consecutive calls get consecutive birth dates (so no
    /// two are even possible duplicates) and the sequence number moves on after 50 years of dates.
    /// Region 520112 (乌当区) is not used by the demo data.
    /// </summary>
    public static Person Next(string sex = "1")
    {
        var n = Interlocked.Increment(ref _counter) + Offset;
        var name = $"{Surnames[n % Surnames.Length]}{Given[n / 7 % Given.Length]}{Given[n / 13 % Given.Length]}";
        var birth = new DateOnly(1930, 1, 1).AddDays(n % Days);
        var sequence = n / Days % 500 * 2 + (sex == "1" ? 1 : 0);
        return new Person(name, sex, DemoData.IdFor("520112", birth, sequence), birth);
    }

    /// <summary>A valid hospital death yesterday morning, local Guiyang time.</summary>
    public static CertificateData HospitalDeath(Person p, DateTimeOffset? deathAt = null)
    {
        var at = deathAt ?? ChinaTime.At(ChinaTime.Today(TimeProvider.System).AddDays(-1), new TimeOnly(10, 0));
        return Sample.HospitalDeath(p.Name, p.Sex, p.IdNumber, p.BirthDate.ToString("yyyy-MM-dd"), at.ToString("yyyy-MM-ddTHH:mm:sszzz"),
            "贵阳市第一人民医院", "王立新", "110520100012345",
            [("a", "急性心肌梗死", 3m, "hours", "I21.9"), ("b", "冠状动脉粥样硬化性心脏病", 8m, "years", "I25.1")], "I21.9");
    }
}
