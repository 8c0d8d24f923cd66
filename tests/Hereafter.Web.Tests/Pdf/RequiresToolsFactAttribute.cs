namespace Hereafter.Web.Tests.Pdf;

/// <summary>A fact that reports itself skipped, naming what to install, when a command-line tool is not on PATH.</summary>
public sealed class RequiresToolsFactAttribute : FactAttribute
{
    public RequiresToolsFactAttribute(params string[] tools)
    {
        var missing = tools.Where(t => FindOnPath(t) is null).ToArray();
        if (missing.Length > 0)
        {
            Skip = $"Requires {string.Join(", ", missing)} on PATH (Debian: apt-get install -y poppler-utils zbar-tools).";
        }
    }

    public static string? FindOnPath(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OperatingSystem.IsWindows() ? new[] { tool + ".exe", tool } : new[] { tool })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
