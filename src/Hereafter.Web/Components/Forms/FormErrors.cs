using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Components.Forms;

/// <summary>
/// A form's validation messages keyed by field (the posted name or a JSON path), in the order they were added.
/// Pages cascade it to their fields (<see cref="TextInput"/>, <see cref="SelectInput"/>, <see cref="FieldError"/>)
/// and hand it to the one <see cref="ErrorSummary"/> at the top of the form.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>No errors; a fresh instance each time so that no page can add to another page's errors.</summary>
    public static FormErrors None => new();

    /// <summary>A handler's field errors; <paramref name="field"/> maps a request path to the form's field key.</summary>
    public static FormErrors FromValidation(FieldValidationException e, Func<string, string>? field = null)
    {
        var errors = new FormErrors();
        foreach (var (path, messages) in e.Errors) errors.Add(field is null ? path : field(path), messages);
        return errors;
    }

    public bool Any => _order.Count > 0;
    public int Count => _byField.Values.Sum(v => v.Count);

    /// <summary>The field the summary's first link points at.</summary>
    public string? FirstField => _order.Count > 0 ? _order[0] : null;

    public FormErrors Add(string field, string message) => Add(field, [message]);

    public FormErrors Add(string field, IEnumerable<string> messages)
    {
        if (!_byField.TryGetValue(field, out var list))
        {
            _byField[field] = list = [];
            _order.Add(field);
        }
        foreach (var m in messages) if (!list.Contains(m)) list.Add(m);
        return this;
    }

    public void Replace(string field, string message)
    {
        if (!_byField.ContainsKey(field)) _order.Add(field);
        _byField[field] = [message];
    }

    public bool Has(string field) => _byField.ContainsKey(field);

    public IReadOnlyList<string> For(string field) => _byField.TryGetValue(field, out var list) ? list : [];

    /// <summary>Every message with its field, fields in the order they were added.</summary>
    public IEnumerable<(string Field, string Message)> Entries =>
        _order.SelectMany(f => _byField[f].Select(m => (f, m)));
}
