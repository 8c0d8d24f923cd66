namespace Hereafter.Web.Modules.Certificates;

/// <summary>The possible-duplicate key of a decedent's name.</summary>
public static class DecedentNameKey
{
    /// <summary>The name without spaces and middle dots, lower-case Latin.</summary>
    public static string Of(string name) =>
        new string(name.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('·' or '・' or '•' or '‧' or '･')).ToArray()).ToLowerInvariant();
}
