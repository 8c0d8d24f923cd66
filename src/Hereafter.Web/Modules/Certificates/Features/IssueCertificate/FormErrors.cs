namespace Hereafter.Web.Modules.Certificates.Features.IssueCertificate;

/// <summary>Validation messages keyed by field path (<c>decedent.idNumber</c>), cascaded to the form's fields.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);

    public static readonly FormErrors None = new();

    /// <summary>The handler's errors placed on the form's rows; unparsable input gets its own message.</summary>
    public static FormErrors FromValidation(Hereafter.Web.Platform.Errors.FieldValidationException e, int[] partIRows, int[] partIIRows,
        IReadOnlyList<string> unparsed, string notANumber)
    {
        var errors = new FormErrors();
        foreach (var (path, messages) in e.Errors) errors.Add(CertificateForm.FormPath(path, partIRows, partIIRows), messages);
        foreach (var path in unparsed) errors.Replace(path, notANumber);
        return errors;
    }

    public bool Any => _byPath.Count > 0;
    public int Count => _byPath.Values.Sum(v => v.Count);

    public void Add(string path, IEnumerable<string> messages)
    {
        if (!_byPath.TryGetValue(path, out var list)) _byPath[path] = list = [];
        foreach (var m in messages) if (!list.Contains(m)) list.Add(m);
    }

    public void Replace(string path, string message) => _byPath[path] = [message];

    public IReadOnlyList<string> For(string path) => _byPath.TryGetValue(path, out var list) ? list : [];

    /// <summary>Errors of paths the form has no field for; the page lists them at the top.</summary>
    public IEnumerable<(string Path, string Message)> Unplaced(Func<string, bool> hasField) =>
        _byPath.Where(e => !hasField(e.Key)).SelectMany(e => e.Value.Select(m => (e.Key, m)));
}
