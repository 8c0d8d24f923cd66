namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>
/// The deceased's name of death cases, for modules that list cases to someone already entitled to them (a citizen's
/// own cases, the civil-affairs review of family admissions). Callers mask and audit as their readers require.
/// </summary>
public interface ICaseDecedents
{
    /// <summary>The deceased's name (as currently certified) of each of these cases that exists, by case id.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct);
}
