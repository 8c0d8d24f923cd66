using System.Text;

namespace Hereafter.Web.Components.Forms;

/// <summary>The element id of a field from its key (<c>Form.Decedent.Name</c>, <c>items[2].quantity</c>): letters,
/// digits, '-' and '_' only, so it is a valid fragment for the error summary's links.</summary>
public static class FormIds
{
    public static string For(string field)
    {
        var id = new StringBuilder(field.Length);
        foreach (var c in field)
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        return id.ToString().Trim('-');
    }

    /// <summary>The id of the paragraph that holds a field's errors (the input's <c>aria-describedby</c>).</summary>
    public static string ErrorOf(string id) => id + "-error";

    /// <summary>The id of a field's hint.</summary>
    public static string HintOf(string id) => id + "-hint";
}
