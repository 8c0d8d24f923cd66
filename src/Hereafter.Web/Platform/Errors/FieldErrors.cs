using Hereafter.Domain.Messages;

namespace Hereafter.Web.Platform.Errors;

/// <summary>Collects the problems of a request's fields, then answers them all at once.</summary>
public sealed class FieldErrors
{
    private readonly List<FieldMessage> _errors = [];

    public int Count => _errors.Count;

    /// <summary>Whether <paramref name="field"/> already has a problem (so a later check of it can be skipped).</summary>
    public bool Has(string field) => _errors.Exists(e => e.Field == field);

    public void Add(string field, Message message) => _errors.Add(new FieldMessage(field, message));

    public void AddRange(IEnumerable<FieldMessage> errors) => _errors.AddRange(errors);

    /// <summary>Throws the 400 of every problem collected, if there is one.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw new FieldValidationException(_errors.ToArray());
    }
}
