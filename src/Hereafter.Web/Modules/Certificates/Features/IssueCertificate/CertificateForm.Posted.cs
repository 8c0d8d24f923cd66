namespace Hereafter.Web.Modules.Certificates.Features.IssueCertificate;

public sealed partial class CertificateForm
{
    /// <summary>
    /// Every field as the form posts it (name, value as typed), so the 请核对 step can carry the input as hidden
    /// fields to 确认出具 or back to the form, and the confirmed post is exactly what was checked.
    /// </summary>
    public IEnumerable<(string Name, string? Value)> Posted()
    {
        var d = Decedent;
        yield return ("Form.Decedent.Name", d.Name);
        yield return ("Form.Decedent.Sex", d.Sex);
        yield return ("Form.Decedent.Ethnicity", d.Ethnicity);
        yield return ("Form.Decedent.Nationality", d.Nationality);
        yield return ("Form.Decedent.IdType", d.IdType);
        yield return ("Form.Decedent.IdNumber", d.IdNumber);
        yield return ("Form.Decedent.BirthDate", d.BirthDate);
        yield return ("Form.Decedent.MaritalStatus", d.MaritalStatus);
        yield return ("Form.Decedent.Education", d.Education);
        yield return ("Form.Decedent.Occupation", d.Occupation);
        yield return ("Form.Decedent.WorkUnit", d.WorkUnit);
        yield return ("Form.Decedent.HouseholdAddress", d.HouseholdAddress);
        yield return ("Form.Decedent.ResidenceAddress", d.ResidenceAddress);
        yield return ("Form.Death.DateTime", Death.DateTime);
        yield return ("Form.Death.PlaceType", Death.PlaceType);
        yield return ("Form.Death.PlaceName", Death.PlaceName);
        yield return ("Form.Death.PregnancyStatus", Death.PregnancyStatus);
        for (var i = 0; i < Causes.PartI.Count && i < PartILines; i++)
        {
            var row = Causes.PartI[i];
            yield return ($"Form.Causes.PartI[{i}].Text", row.Text);
            yield return ($"Form.Causes.PartI[{i}].IntervalValue", row.IntervalValue);
            yield return ($"Form.Causes.PartI[{i}].IntervalUnit", row.IntervalUnit);
            yield return ($"Form.Causes.PartI[{i}].Icd10", row.Icd10);
        }
        for (var i = 0; i < Causes.PartII.Count && i < PartIIRows; i++)
        {
            yield return ($"Form.Causes.PartII[{i}].Text", Causes.PartII[i].Text);
            yield return ($"Form.Causes.PartII[{i}].Icd10", Causes.PartII[i].Icd10);
        }
        yield return ("Form.Causes.UnderlyingCauseIcd10", Causes.UnderlyingCauseIcd10);
        yield return ("Form.Causes.DiagnosisBasis", Causes.DiagnosisBasis);
        yield return ("Form.Causes.HighestDiagnosisLevel", Causes.HighestDiagnosisLevel);
        yield return ("Form.Causes.Manner", Causes.Manner);
        yield return ("Form.Investigation.History", Investigation.History);
        yield return ("Form.Investigation.InformantName", Investigation.InformantName);
        yield return ("Form.Investigation.InferredCause", Investigation.InferredCause);
        yield return ("Form.Investigation.Investigator", Investigation.Investigator);
        yield return ("Form.Investigation.Date", Investigation.Date);
        yield return ("Form.Informant.Name", Informant.Name);
        yield return ("Form.Informant.Relationship", Informant.Relationship);
        yield return ("Form.Informant.Phone", Informant.Phone);
        yield return ("Form.Informant.Address", Informant.Address);
        yield return ("Form.Certifier.Name", Certifier.Name);
        yield return ("Form.Certifier.LicenseNumber", Certifier.LicenseNumber);
    }

    /// <summary>Which of birth date and sex the certifier left blank (the check reads them from the citizen ID).</summary>
    public static IReadOnlySet<string> BlankIdentityFields(CertificateForm form)
    {
        var blank = new HashSet<string>(StringComparer.Ordinal);
        if (Blank(form.Decedent.BirthDate)) blank.Add("decedent.birthDate");
        if (Blank(form.Decedent.Sex)) blank.Add("decedent.sex");
        return blank;
    }

    /// <summary>Fills birth date and sex the certifier left blank with what the check read from the citizen ID.</summary>
    public void TakeIdentityFrom(Hereafter.Domain.Certificates.CertificateData data)
    {
        if (Blank(Decedent.BirthDate)) Decedent.BirthDate = data.Decedent.BirthDate;
        if (Blank(Decedent.Sex)) Decedent.Sex = data.Decedent.Sex;
    }

    /// <summary>The form's sections, as the 请核对 step's 修改 buttons name them and the form's section ids carry them.</summary>
    public static readonly IReadOnlyList<string> Sections = ["decedent", "death", "causes", "investigation", "informant", "certifier"];

    /// <summary>The HTML id of a section of the form: <c>section-decedent</c>.</summary>
    public static string SectionId(string section) => "section-" + section;
}
