using Hereafter.Domain.Identity;

namespace Hereafter.Web.Platform.Demo;

/// <summary>
/// The demo identity provider's citizens (Development only; password <see cref="DemoData.Secret"/>). 张伟 and 王丽 are
/// the family contacts (informants) on the demo certificates, so they are admitted to those cases at once; 李娜 is on no
/// certificate and must prove her relationship. In Development any checksum-valid citizen ID number also signs in, as
/// <see cref="ForIdNumber"/> describes.
/// </summary>
public static class DemoCitizens
{
    public sealed record DemoCitizen(string UserName, string Name, string IdNumber, string Phone)
    {
        /// <summary>The <c>sub</c> claim: stable per person, never the ID number itself.</summary>
        public string Subject => SubjectFor(IdNumber);
    }

    /// <summary>Informant of 张德明's certificate (his son).</summary>
    public static readonly DemoCitizen Zhang = new("citizen.zhang", "张伟", DemoData.IdFor("520102", new DateOnly(1968, 3, 12), 35), "13608510001");
    /// <summary>Informant of the hospital deaths' certificates (王建国's daughter).</summary>
    public static readonly DemoCitizen Wang = new("citizen.wang", "王丽", DemoData.IdFor("520103", new DateOnly(1970, 8, 21), 46), "13985012345");
    /// <summary>On no certificate: 李秀英's granddaughter, who must upload proof of relationship.</summary>
    public static readonly DemoCitizen Li = new("citizen.li", "李娜", DemoData.IdFor("520111", new DateOnly(1992, 6, 3), 128), "13765432109");

    public static readonly IReadOnlyList<DemoCitizen> All = [Zhang, Li, Wang];

    public static DemoCitizen? ByUserName(string userName) => All.FirstOrDefault(c => c.UserName == userName.Trim());

    /// <summary>
    /// Development only: a checksum-valid citizen ID number signs in as 测试 + its last four characters, with a phone
    /// derived from it (139 + eight digits of the number), so tests and benchmarks can use many people.
    /// </summary>
    public static DemoCitizen? ForIdNumber(string input)
    {
        if (!IdNumber.TryParse(input, out var id, out _)) return null;
        var number = id.ToString();
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return new DemoCitizen(number, "测试" + number[^4..], number, "139" + digits[^8..]);
    }

    /// <summary>A stable subject for a demo person: a hash of the ID number, so the ID never travels as <c>sub</c>.</summary>
    public static string SubjectFor(string idNumber) =>
        "demo-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("hereafter-demo-citizen:" + idNumber)))[..24].ToLowerInvariant();
}
