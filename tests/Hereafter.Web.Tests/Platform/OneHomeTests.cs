namespace Hereafter.Web.Tests.Platform;

/// <summary>
/// Concepts with one home (ADR 0008): China time in Domain/Time/ChinaTime.cs, JSON settings in
/// Platform/Json/PlatformJson.cs, free-text rules in Domain/Input/FreeText.cs. A second definition is found by
/// its tell-tale code in src/ (generated migrations aside).
/// </summary>
public sealed class OneHomeTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Hereafter.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Hereafter.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Lines of src/ containing <paramref name="code"/>, as "path:line: text", outside the allowed files and lines.</summary>
    private static string[] Occurrences(string code, params string[] allowed) =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)
                && !f.Contains("/Migrations/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(Path.Combine(Root, f)).Select((text, i) => (File: f, Line: i + 1, Text: text.Trim())))
            .Where(l => l.Text.Contains(code, StringComparison.Ordinal))
            .Where(l => !allowed.Any(a => l.File == a || $"{l.File}: {l.Text}" == a))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToArray();

    [Theory]
    [InlineData("FindSystemTimeZoneById")]
    [InlineData("FromHours(8)")]
    [InlineData("\"Asia/Shanghai\"")]
    [InlineData("TimeSpan(8, 0, 0)")]
    public void ChinaTime_IsDefinedOnlyInChinaTime(string code)
    {
        var found = Occurrences(code, "src/Hereafter.Domain/Time/ChinaTime.cs",
            // Eight hours of a working day, not the UTC+8 offset.
            "src/Hereafter.Web/Platform/Auth/AuthModule.cs: o.ExpireTimeSpan = TimeSpan.FromHours(8);");
        Assert.True(found.Length == 0, "Use Hereafter.Domain.Time.ChinaTime:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("UnicodeRanges")]
    [InlineData("JsonSerializerDefaults")]
    [InlineData("JavaScriptEncoder.Create")]
    public void JsonSettings_AreDefinedOnlyInPlatformJson(string code)
    {
        var found = Occurrences(code, "src/Hereafter.Web/Platform/Json/PlatformJson.cs");
        Assert.True(found.Length == 0, "Use Hereafter.Web.Platform.Json.PlatformJson:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("char.IsControl")]
    [InlineData("Contains('<')")]
    [InlineData("Contains('>')")]
    public void FreeTextRules_AreDefinedOnlyInFreeText(string code)
    {
        var found = Occurrences(code, "src/Hereafter.Domain/Input/FreeText.cs",
            // Not free text: a sign-in return URL, and an uploaded file's name cleaned for display.
            "src/Hereafter.Web/Platform/Auth/StaffSignIn.cs: && !url.Any(char.IsControl);",
            "src/Hereafter.Web/Modules/Reconciliation/Features/UploadRoll/UploadRoll.cs: file = new string(file.Where(ch => !char.IsControl(ch)).ToArray());");
        Assert.True(found.Length == 0, "Use Hereafter.Domain.Input.FreeText:\n" + string.Join("\n", found));
    }
}
