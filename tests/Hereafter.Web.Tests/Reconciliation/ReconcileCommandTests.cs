using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Reconciliation.Features.ReconcileFromCommandLine;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>The <c>reconcile</c> verb: files in, the engine's files out, one clear line on unusable input.</summary>
public sealed class ReconcileCommandTests(HereafterFactory factory) : IClassFixture<HereafterFactory>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hereafter-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string Zhang = "52010219500307001" + IdNumberCheck("52010219500307001");
    private static string IdNumberCheck(string first17) => Hereafter.Domain.Identity.IdNumber.ComputeCheckCharacter(first17).ToString();

    private string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, (encoding ?? new UTF8Encoding(false)).GetBytes(text));
        return path;
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(bool terminal, params string[] args)
    {
        using var scope = factory.Services.CreateScope();
        var command = scope.ServiceProvider.GetRequiredService<ReconcileCommand>();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await command.RunAsync(["reconcile", .. args], stdout, stderr, terminal, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task WithADeathsFile_WritesTheFourFiles_AndPrintsTheSummary()
    {
        var deaths = Write("deaths.csv", $"id_number,name,birth_date,death_date\n{Zhang},张三,1950-03-07,2026-03-15\nbad,某人,,2026-01-01\n");
        // GBK with Chinese headers, a lower-case x free ID with full-width digits, a bad month.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var fullWidth = string.Concat(Zhang.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c));
        var roll = Write("roll.csv", $"身份证号,姓名,月发放金额,已发放至\r\n{fullWidth},张 三,2000.00,2026-06\r\n{Zhang},张三,100,2026-13\r\n",
            Encoding.GetEncoding("GB18030"));
        var outDir = Path.Combine(_dir, "out");

        var (code, stdout, stderr) = await RunAsync(false, "--roll", roll, "--deaths", deaths, "--program", "enterprise-pension", "--out", outDir);

        Assert.True(code == 0, stderr);
        Assert.Contains("rows 2: exact stops 1, review 0, rejected 1, unmatched 0; overpaid 3 months, 6000.00 yuan", stdout);
        Assert.Contains("progress: 2 rows", stdout); // plain lines when not on a terminal
        Assert.DoesNotContain("\r", stdout);
        var stops = File.ReadAllLines(Path.Combine(outDir, "stops.csv"));
        Assert.Equal(ResultFilesSink.StopsHeader, stops[0]);
        Assert.StartsWith($"2,{Zhang},", stops[1]);
        Assert.EndsWith("2026-04,3,6000.00,false", stops[1]);
        Assert.Equal(["row,reason"], File.ReadAllLines(Path.Combine(outDir, "rejected.csv"))[..1]);
        Assert.StartsWith("3,", File.ReadAllLines(Path.Combine(outDir, "rejected.csv"))[1]);
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement;
        Assert.Equal(1, summary.GetProperty("exactStops").GetInt64());
        Assert.Equal(1, summary.GetProperty("deathsRejected").GetArrayLength());
        Assert.Contains("deaths row 3", stdout);
    }

    [Fact]
    public async Task OnATerminal_TheProgressBarRedrawsInPlace()
    {
        var deaths = Write("d.csv", $"id_number,name,birth_date,death_date\n{Zhang},张三,1950-03-07,2026-03-15\n");
        var roll = Write("r.csv", $"id_number,name,monthly_amount,paid_through\n{Zhang},张三,10,2026-03\n");
        var (code, stdout, _) = await RunAsync(true, "--roll", roll, "--deaths", deaths, "--program", "dibao", "--out", Path.Combine(_dir, "t"));
        Assert.Equal(0, code);
        Assert.Contains("\r[", stdout);
        Assert.Contains("100%", stdout);
    }

    [Fact]
    public async Task WithoutADeathsFile_UsesThePlatformsActiveCertificates()
    {
        var person = People.Next();
        await Hereafter.Web.Tests.Sharing.SharingTestHelpers.IssueAsync(factory, person);
        var roll = Write("p.csv", $"id_number,name,monthly_amount,paid_through\n{person.IdNumber},{person.Name},150.00,2099-12\n");
        var outDir = Path.Combine(_dir, "platform");
        var (code, stdout, stderr) = await RunAsync(false, "--roll", roll, "--program", "elderly-allowance", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("exact stops 1", stdout);
        Assert.StartsWith($"2,{person.IdNumber},", File.ReadAllLines(Path.Combine(outDir, "stops.csv"))[1]);
    }

    [Theory]
    [InlineData("missing-roll", "roll file not found")]
    [InlineData("unknown-programme", "unknown programme 'pension'")]
    [InlineData("bad-encoding", "unknown encoding 'latin-9000'")]
    [InlineData("empty-roll", "roll.csv")]
    [InlineData("no-out", "--out is required")]
    public async Task UnusableInput_ExitsNonZero_WithOneClearLine(string situation, string expected)
    {
        var deaths = Write("deaths.csv", $"id_number,name,birth_date,death_date\n{Zhang},张三,1950-03-07,2026-03-15\n");
        var roll = Write("roll.csv", situation == "empty-roll" ? "" : $"id_number,name,monthly_amount,paid_through\n{Zhang},张三,1,2026-01\n");
        string[] args = situation switch
        {
            "missing-roll" => ["--roll", Path.Combine(_dir, "nope.csv"), "--deaths", deaths, "--program", "dibao", "--out", _dir],
            "unknown-programme" => ["--roll", roll, "--deaths", deaths, "--program", "pension", "--out", _dir],
            "bad-encoding" => ["--roll", roll, "--deaths", deaths, "--program", "dibao", "--encoding", "latin-9000", "--out", _dir],
            "no-out" => ["--roll", roll, "--program", "dibao"],
            _ => ["--roll", roll, "--deaths", deaths, "--program", "dibao", "--out", Path.Combine(_dir, "o")],
        };
        var (code, _, stderr) = await RunAsync(false, args);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.StartsWith("reconcile: ", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task TheBuiltApp_RunsTheVerb_AndExitsNonZeroOnAMissingFile()
    {
        var app = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { app, "reconcile", "--roll", Path.Combine(_dir, "absent.csv"), "--program", "dibao", "--out", _dir },
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(app)!,
        };
        start.Environment["Storage__DataDirectory"] = Path.Combine(_dir, "data");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Production refuses to start without these.
        start.Environment["Platform__PublicBaseUrl"] = "https://hereafter.test";
        start.Environment["Platform__DataProtection__Key"] = HereafterFactory.TestKeyRingKey;
        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var stderr = await stderrTask;
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("reconcile: roll file not found", stderr);
        Assert.DoesNotContain("Exception", stderr);
    }
}
