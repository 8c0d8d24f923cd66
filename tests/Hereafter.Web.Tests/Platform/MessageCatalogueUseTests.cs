using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hereafter.Domain.Messages;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Platform;

/// <summary>Every message the code says is in both catalogues, and the API sends its key as a stable code.</summary>
public sealed partial class MessageCatalogueUseTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public void EveryKeyTheSourceNames_IsInBothCatalogues()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var keys = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();
        Assert.NotEmpty(keys);
        var missing = keys.Where(k => !MessageCatalogue.Chinese.Texts.ContainsKey(k.Key) || !MessageCatalogue.English.Texts.ContainsKey(k.Key))
            .Select(k => $"{k.File}: {k.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Not in the catalogues:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task FieldErrors_CarryTheirCode_AndTheTextInTheAskedLanguage()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var issued = await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(People.Next()));
        var number = (await issued.JsonAsync()).GetProperty("number").GetString()!;

        var chinese = await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/reissue", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        var body = await chinese.JsonAsync();
        Assert.Equal("请填写原因", body.GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal("certificates.reason.required", body.GetProperty("errorCodes").GetProperty("reason")[0].GetString());

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/certificates/{number}/reissue") { Content = JsonContent.Create(new { reason = new string('长', 501) }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await hospital.SendAsync(request)).JsonAsync();
        Assert.Equal("The reason is too long (500 characters at most).", english.GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal("certificates.reason.too-long", english.GetProperty("errorCodes").GetProperty("reason")[0].GetString());
    }

    [Fact]
    public async Task RequestAttributes_AnswerWithTheirCatalogueMessage()
    {
        var clerk = await factory.ClientForAsync("demo-social-security");
        // A roll that is not the clerk's is refused later: the request itself is checked first and answered 400.
        var response = await clerk.PostAsJsonAsync($"/api/v1/reconciliation/rolls/{Guid.NewGuid()}/review/1/dismissal", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("排除时须填写原因", body.GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal("reconciliation.dismissal.reason-required", body.GetProperty("errorCodes").GetProperty("reason")[0].GetString());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hereafter.slnx")) && !File.Exists(Path.Combine(directory.FullName, "Hereafter.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("No repository root above " + AppContext.BaseDirectory);
    }

    // new Message("key"), ErrorMessage = "key", and Message-typed constants written as "area.words".
    [GeneratedRegex("""(?:new Message\(|ErrorMessage = )"(?<key>[a-z0-9][a-z0-9.\-]*)"|Message\("(?<key>[a-z0-9][a-z0-9.\-]*)"\)""")]
    private static partial Regex KeyLiteral();
}
