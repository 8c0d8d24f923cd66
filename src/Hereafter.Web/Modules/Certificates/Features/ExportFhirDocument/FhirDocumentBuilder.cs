using Hereafter.Domain.Time;
using System.Globalization;
using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Data;
using Hl7.Fhir.Model;

namespace Hereafter.Web.Modules.Certificates.Features.ExportFhirDocument;

/// <summary>What the FHIR document is built from: the certificate's current version and its issuer.</summary>
public sealed record FhirDocumentSource(
    string Number, int Version, CertificateStatus Status, DateTimeOffset CertifiedAt,
    string IssuerName, string? IssuerCreditCode, CertificateData Data, DateTimeOffset Now);

/// <summary>
/// Builds a FHIR R4 document Bundle shaped after the VRDR (Vital Records Death Reporting) profiles on
/// plain Firely 6 resources: Composition first, then the decedent Patient, the certifier Practitioner,
/// the issuing Organization and one Observation per VRDR observation (cause of death part 1 per line,
/// part 2 per condition, date of death, manner of death, underlying cause). Entries are <c>urn:uuid:</c>
/// full URLs and reference each other by them.
/// </summary>
public static class FhirDocumentBuilder
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string V2IdentifierType = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public const string VrdrSections = "http://hl7.org/fhir/us/vrdr/CodeSystem/vrdr-document-section-cs";

    /// <summary>居民身份证号码 (GB 11643), the national OID for the citizen ID number.</summary>
    public const string CitizenIdSystem = "urn:oid:2.16.156.10011.1.3";

    /// <summary>
    /// The platform's own identifier systems (passports, other IDs, certificate numbers of unidentified
    /// people, licences, credit codes). Placeholders until the city registers OIDs for them.
    /// </summary>
    public const string LocalSystemBase = "http://hereafter.local/fhir/sid/";
    public const string PassportSystem = LocalSystemBase + "passport";
    public const string OtherIdSystem = LocalSystemBase + "other-id";
    public const string CertificateNumberSystem = LocalSystemBase + "certificate-number";
    public const string PractitionerLicenseSystem = LocalSystemBase + "practitioner-license";
    public const string CreditCodeSystem = LocalSystemBase + "unified-social-credit-code";

    public static class Codes
    {
        public const string DeathCertificate = "64297-5";
        public const string CauseOfDeathPart1 = "69453-9";
        public const string LineNumber = "69444-4";
        public const string Interval = "69440-6";
        public const string CauseOfDeathPart2 = "69441-4";
        public const string DateOfDeath = "81956-5";
        public const string MannerOfDeath = "69449-7";
        public const string UnderlyingCause = "80358-5";
    }

    /// <summary>The form's manner codes → SNOMED CT (VRDR value set ValueSet-vrdr-manner-of-death-vs).</summary>
    public static readonly IReadOnlyDictionary<string, (string Code, string Display)> MannerToSnomed =
        new Dictionary<string, (string, string)>
        {
            ["1"] = ("38605008", "Natural death"),
            ["2"] = ("7878000", "Accidental death"),
            ["3"] = ("44301001", "Suicide"),
            ["4"] = ("27935005", "Homicide"),
            ["5"] = ("185973002", "Patient awaiting investigation"),
            ["9"] = ("65037004", "Death, manner undetermined"),
        };

    /// <summary>The form's interval units → UCUM.</summary>
    public static readonly IReadOnlyDictionary<string, string> UnitToUcum = new Dictionary<string, string>
    {
        ["minutes"] = "min", ["hours"] = "h", ["days"] = "d", ["months"] = "mo", ["years"] = "a",
    };

    public static Bundle Build(FhirDocumentSource source)
    {
        var data = source.Data;
        var certifiedAt = FhirTime(ChinaTime.ToChina(source.CertifiedAt));

        var patient = Entry(NewPatient(source));
        var practitioner = Entry(new Practitioner
        {
            Name = Text(data.Certifier.Name) is { } certifier ? [new HumanName { Text = certifier }] : [],
            Identifier = Text(data.Certifier.LicenseNumber) is { } license
                ? [new Identifier(PractitionerLicenseSystem, license)]
                : [],
        });
        var organization = Entry(new Organization
        {
            Name = source.IssuerName,
            Identifier = string.IsNullOrEmpty(source.IssuerCreditCode) ? [] : [new Identifier(CreditCodeSystem, source.IssuerCreditCode)],
        });

        var partI = data.Causes.PartI
            .Select(line => Entry(NewObservation(Codes.CauseOfDeathPart1, "Cause of death part 1", patient, practitioner, PartI(line))))
            .ToList();
        var partII = data.Causes.PartII
            .Select(condition => Entry(NewObservation(Codes.CauseOfDeathPart2, "Contributing cause of death", patient, practitioner,
                o => o.Value = Cause(condition.Text, condition.Icd10))))
            .ToList();
        var deathDate = DeathTime(data.Death.DateTime) is { } deathTime
            ? Entry(NewObservation(Codes.DateOfDeath, "Date and time of death", patient, practitioner, o => o.Value = new FhirDateTime(deathTime)))
            : null;
        var manner = Text(data.Causes.Manner) is { } mannerCode
            ? Entry(NewObservation(Codes.MannerOfDeath, "Manner of death", patient, practitioner, o => o.Value = Manner(mannerCode)))
            : null;
        var underlying = Text(data.Causes.UnderlyingCauseIcd10) is { } underlyingCode
            ? Entry(NewObservation(Codes.UnderlyingCause, "Underlying cause of death", patient, practitioner,
                o => o.Value = Cause(data.Causes.PartI.FirstOrDefault(l => l.Icd10 == underlyingCode)?.Text, underlyingCode)))
            : null;

        var composition = Entry(new Composition
        {
            Identifier = new Identifier(CertificateNumberSystem, source.Number),
            Status = StatusOf(source),
            Type = Coded(Loinc, Codes.DeathCertificate, "Death certificate"),
            Subject = patient.Reference,
            Date = certifiedAt,
            Author = [practitioner.Reference, organization.Reference],
            Title = "居民死亡医学证明",
            Attester =
            [
                new Composition.AttesterComponent
                {
                    Mode = Composition.CompositionAttestationMode.Legal, Time = certifiedAt, Party = practitioner.Reference,
                },
            ],
            Custodian = organization.Reference,
            Section =
            [
                Section("DecedentDemographics", "Decedent demographics", "死者基本信息", [patient]),
                Section("DeathInvestigation", "Death investigation", "死亡情况", Present(deathDate)),
                Section("DeathCertification", "Death certification", "死亡原因",
                    [.. partI, .. partII, .. Present(manner)]),
                Section("CodedContent", "Coded content", "根本死亡原因", Present(underlying)),
            ],
        });
        ((Composition)composition.Resource).Section.RemoveAll(s => s.Entry.Count == 0);

        IEnumerable<EntryRef> entries =
        [
            composition, patient, practitioner, organization, .. partI, .. partII,
            .. Present(deathDate), .. Present(manner), .. Present(underlying),
        ];
        return new Bundle
        {
            Type = Bundle.BundleType.Document,
            Identifier = new Identifier("urn:ietf:rfc:3986", $"urn:uuid:{Guid.NewGuid()}"),
            // An instant to the second, in China time like every other time in the document.
            Timestamp = DateTimeOffset.Parse(FhirTime(ChinaTime.ToChina(source.Now)), CultureInfo.InvariantCulture),
            Entry = entries.Select(e => new Bundle.EntryComponent { FullUrl = e.FullUrl, Resource = e.Resource }).ToList(),
        };
    }

    private sealed record EntryRef(string FullUrl, Resource Resource)
    {
        public ResourceReference Reference => new(FullUrl);
    }

    private static EntryRef Entry(Resource resource) => new($"urn:uuid:{Guid.NewGuid()}", resource);

    private static List<EntryRef> Present(EntryRef? entry) => entry is null ? [] : [entry];

    private static Composition.SectionComponent Section(string code, string display, string title, IEnumerable<EntryRef> entries) => new()
    {
        Title = title,
        Code = Coded(VrdrSections, code, display),
        Entry = entries.Select(e => e.Reference).ToList(),
    };

    private static CompositionStatus StatusOf(FhirDocumentSource source) => source.Status switch
    {
        CertificateStatus.Issued when source.Version > 1 => CompositionStatus.Amended,
        CertificateStatus.Issued => CompositionStatus.Final,
        CertificateStatus.PendingReview => CompositionStatus.Preliminary,
        _ => CompositionStatus.EnteredInError,
    };

    private static Patient NewPatient(FhirDocumentSource source)
    {
        var d = source.Data.Decedent;
        var patient = new Patient
        {
            Identifier = [PatientIdentifier(d.IdType, source.Number)],
            Gender = d.Sex switch
            {
                "1" => AdministrativeGender.Male,
                "2" => AdministrativeGender.Female,
                "0" or "9" => AdministrativeGender.Unknown,
                _ => null,
            },
            BirthDate = Text(d.BirthDate),
            Deceased = DeathTime(source.Data.Death.DateTime) is { } died ? new FhirDateTime(died) : new FhirBoolean(true),
        };
        // 无 is how the form names an unidentified body: no name at all rather than a false one.
        if (Text(d.Name) is { } name && name != "无") patient.Name = [new HumanName { Text = name, Use = HumanName.NameUse.Official }];
        if (Text(d.HouseholdAddress) is { } household)
            patient.Address = [new Address { Text = household, Use = Address.AddressUse.Home, Country = "CN" }];
        return patient;
    }

    /// <summary>The certificate number as the decedent's identifier, in the system of the ID it is.</summary>
    private static Identifier PatientIdentifier(string? idType, string number) => idType switch
    {
        "1" => new Identifier(CitizenIdSystem, number) { Type = Coded(V2IdentifierType, "NI", "National unique individual identifier", "居民身份证") },
        "2" => new Identifier(PassportSystem, number) { Type = Coded(V2IdentifierType, "PPN", "Passport number", "护照") },
        "9" => new Identifier(OtherIdSystem, number),
        _ => new Identifier(CertificateNumberSystem, number),
    };

    private static Observation NewObservation(string code, string display, EntryRef patient, EntryRef practitioner, Action<Observation> fill)
    {
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Code = Coded(Loinc, code, display),
            Subject = patient.Reference,
            Performer = [practitioner.Reference],
        };
        fill(observation);
        return observation;
    }

    private static Action<Observation> PartI(CauseLine line) => o =>
    {
        o.Value = Cause(line.Text, line.Icd10);
        var number = line.Line switch { "a" => 1, "b" => 2, "c" => 3, "d" => 4, _ => (int?)null };
        if (number is not null)
            o.Component.Add(new Observation.ComponentComponent
            {
                Code = Coded(Loinc, Codes.LineNumber, "Line number"),
                Value = new Integer(number),
            });
        if (line.Interval is { Value: { } value, Unit: { } unit } && UnitToUcum.TryGetValue(unit, out var ucum))
            o.Component.Add(new Observation.ComponentComponent
            {
                Code = Coded(Loinc, Codes.Interval, "Interval from onset to death"),
                Value = new Quantity { Value = value, Unit = ucum, System = Ucum, Code = ucum },
            });
    };

    // CodeableConcept's three-argument constructor takes text, not display: build the coding explicitly.
    private static CodeableConcept Coded(string system, string code, string display, string? text = null) =>
        new() { Coding = [new Coding(system, code, display)], Text = text };

    private static CodeableConcept Cause(string? text, string? icd10)
    {
        var concept = new CodeableConcept { Text = Text(text) };
        if (Text(icd10) is { } code) concept.Coding.Add(new Coding(Icd10, code));
        return concept;
    }

    private static CodeableConcept Manner(string code)
    {
        var label = CodeLists.Chinese(CodeLists.Manner, code);
        return MannerToSnomed.TryGetValue(code, out var snomed)
            ? Coded(Snomed, snomed.Code, snomed.Display, label)
            : new CodeableConcept { Text = label };
    }

    /// <summary>The time of death as submitted, with its own offset, to the second as FHIR requires.</summary>
    private static string? DeathTime(string? raw) =>
        DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? FhirTime(at) : null;

    private static string FhirTime(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
