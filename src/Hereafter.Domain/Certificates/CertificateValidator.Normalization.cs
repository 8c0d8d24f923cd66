using Hereafter.Domain.Identity;

namespace Hereafter.Domain.Certificates;

public static partial class CertificateValidator
{
    /// <summary>Canonical copy of valid data: trimmed strings (blank → null), the normalised ID, upper-case ICD codes.</summary>
    private static CertificateData Normalize(CertificateData data, string? idNumber)
    {
        var d = data.Decedent;
        var c = data.Causes;
        return new CertificateData
        {
            Decedent = new DecedentData
            {
                Name = Clean(d.Name),
                Sex = Clean(d.Sex),
                Ethnicity = Clean(d.Ethnicity),
                Nationality = Clean(d.Nationality),
                IdType = Clean(d.IdType),
                IdNumber = idNumber,
                BirthDate = Clean(d.BirthDate),
                MaritalStatus = Clean(d.MaritalStatus),
                Education = Clean(d.Education),
                Occupation = Clean(d.Occupation),
                WorkUnit = Clean(d.WorkUnit),
                HouseholdAddress = Clean(d.HouseholdAddress),
                ResidenceAddress = Clean(d.ResidenceAddress),
            },
            Death = new DeathData
            {
                DateTime = Clean(data.Death.DateTime),
                PlaceType = Clean(data.Death.PlaceType),
                PlaceName = Clean(data.Death.PlaceName),
                PregnancyStatus = Clean(data.Death.PregnancyStatus),
            },
            Causes = new CausesData
            {
                PartI = c.PartI.Select(l => new CauseLine
                {
                    Line = Clean(l.Line)?.ToLowerInvariant(),
                    Text = Clean(l.Text),
                    Interval = new CauseInterval { Value = l.Interval?.Value, Unit = Clean(l.Interval?.Unit) },
                    Icd10 = IcdOrNull(l.Icd10),
                }).ToList(),
                PartII = c.PartII.Select(o => new OtherCondition { Text = Clean(o.Text), Icd10 = IcdOrNull(o.Icd10) }).ToList(),
                UnderlyingCauseIcd10 = IcdOrNull(c.UnderlyingCauseIcd10),
                DiagnosisBasis = Clean(c.DiagnosisBasis),
                HighestDiagnosisLevel = Clean(c.HighestDiagnosisLevel),
                Manner = Clean(c.Manner),
            },
            Informant = new InformantData
            {
                Name = Clean(data.Informant.Name),
                Relationship = Clean(data.Informant.Relationship),
                Phone = Clean(data.Informant.Phone),
                Address = Clean(data.Informant.Address),
            },
            Certifier = new CertifierData { Name = Clean(data.Certifier.Name), LicenseNumber = Clean(data.Certifier.LicenseNumber) },
            Investigation = data.Investigation is not { } i
                ? null
                : new InvestigationData
                {
                    History = Clean(i.History),
                    InformantName = Clean(i.InformantName),
                    InferredCause = Clean(i.InferredCause),
                    Investigator = Clean(i.Investigator),
                    Date = Clean(i.Date),
                },
        };
    }

    private static string? IcdOrNull(string? raw) => IcdCode.TryNormalize(raw, out var code) ? code : null;
}
