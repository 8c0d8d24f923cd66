using Hereafter.Domain.Time;
using System.Globalization;
using Hereafter.Domain.Certificates;
using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Organisations;
using Hl7.Fhir.Model;

namespace Hereafter.Web.Modules.Certificates.Features.ExportFhirDocument;

/// <summary>What the FHIR document is built from: the certificate's current version and its issuer.</summary>
public sealed record FhirDocumentSource(
    string Number, int Version, CertificateStatus Status, DateTimeOffset CertifiedAt,
    string IssuerName, string? IssuerCreditCode, CertificateData Data, DateTimeOffset Now)
{
    /// <summary>The issuer's type: a police station's forensic doctor certifies as a medical examiner, others as physicians.</summary>
    public OrganisationType IssuerType { get; init; } = OrganisationType.Hospital;
}

/// <summary>
/// Builds a FHIR R4 document Bundle shaped after the VRDR (Vital Records Death Reporting, STU3) profiles on
/// plain Firely 6 resources: Composition first (its event the death certification), then the decedent Patient, the
/// certifier Practitioner, the issuing Organization, the DeathCertification Procedure and one Observation per VRDR
/// observation (cause of death part 1 per line, part 2 as one observation, date of death, manner of death, underlying
/// cause). Each resource but the Organization (VRDR has no profile for an issuer) names its VRDR profile in
/// <c>meta.profile</c>. Entries are <c>urn:uuid:</c> full URLs and reference each other by them. docs/fhir.md describes
/// the document for the systems that take it.
/// </summary>
public static class FhirDocumentBuilder
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string V2IdentifierType = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public const string VrdrSections = "http://hl7.org/fhir/us/vrdr/CodeSystem/vrdr-document-section-cs";
    /// <summary>VRDR's own component codes (the cause-of-death line number).</summary>
    public const string VrdrComponents = "http://hl7.org/fhir/us/vrdr/CodeSystem/vrdr-component-cs";
    public const string DataAbsentReason = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    public const string DataAbsentReasonCodes = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    /// <summary>Marks the Practitioner that is the death certifier (VRDR extension, <c>valueCode</c> certifier).</summary>
    public const string CertifierRoleExtension = "http://hl7.org/fhir/us/vrdr/StructureDefinition/practitioner-role-death-certifier";

    /// <summary>The VRDR profiles the resources declare in <c>meta.profile</c>.</summary>
    public static class Profiles
    {
        public const string Base = "http://hl7.org/fhir/us/vrdr/StructureDefinition/";
        public const string DeathCertificateDocument = Base + "vrdr-death-certificate-document";
        public const string DeathCertificate = Base + "vrdr-death-certificate";
        public const string Decedent = Base + "vrdr-decedent";
        public const string Certifier = Base + "vrdr-certifier";
        public const string DeathCertification = Base + "vrdr-death-certification";
        public const string CauseOfDeathPart1 = Base + "vrdr-cause-of-death-part1";
        public const string CauseOfDeathPart2 = Base + "vrdr-cause-of-death-part2";
        public const string DeathDate = Base + "vrdr-death-date";
        public const string MannerOfDeath = Base + "vrdr-manner-of-death";
        public const string AutomatedUnderlyingCauseOfDeath = Base + "vrdr-automated-underlying-cause-of-death";
    }

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
        /// <summary>In <see cref="VrdrComponents"/>, not LOINC.</summary>
        public const string LineNumber = "lineNumber";
        public const string Interval = "69440-6";
        public const string CauseOfDeathPart2 = "69441-4";
        public const string DateOfDeath = "81956-5";
        public const string MannerOfDeath = "69449-7";
        public const string UnderlyingCause = "80358-5";

        // SNOMED CT.
        public const string DeathCertification = "308646001";
        public const string DiagnosticProcedure = "103693007";
        public const string CertifiedByPhysician = "434651000124107";
        public const string CertifiedByExaminer = "455381000124109";
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
        var status = ObservationStatusOf(source.Status);

        var patient = Entry(NewPatient(source), Profiles.Decedent);
        var practitioner = Entry(NewCertifier(data.Certifier), Profiles.Certifier);
        var organization = Entry(new Organization
        {
            Name = source.IssuerName,
            Identifier = string.IsNullOrEmpty(source.IssuerCreditCode) ? [] : [new Identifier(CreditCodeSystem, source.IssuerCreditCode)],
        }, profile: null);
        var certification = Entry(new Procedure
        {
            Status = status == ObservationStatus.EnteredInError ? EventStatus.EnteredInError : EventStatus.Completed,
            Category = Coded(Snomed, Codes.DiagnosticProcedure, "Diagnostic procedure"),
            Code = Coded(Snomed, Codes.DeathCertification, "Death certification"),
            Subject = patient.Reference,
            Performed = new FhirDateTime(certifiedAt),
            Performer = [new Procedure.PerformerComponent { Function = CertifierType(source.IssuerType), Actor = practitioner.Reference }],
        }, Profiles.DeathCertification);

        EntryRef Observed(string code, string display, string profile, Action<Observation> fill) =>
            Entry(NewObservation(code, display, status, patient, practitioner, fill), profile);
        var partI = data.Causes.PartI
            .Select(line => Observed(Codes.CauseOfDeathPart1, "Cause of death part 1", Profiles.CauseOfDeathPart1, PartI(line)))
            .ToList();
        // VRDR has one part 2 observation: the conditions' texts in one, and each known ICD-10 code.
        var conditions = data.Causes.PartII.Where(c => Text(c.Text) is not null || Text(c.Icd10) is not null).ToList();
        var partII = conditions.Count == 0 ? null
            : Observed(Codes.CauseOfDeathPart2, "Contributing cause of death", Profiles.CauseOfDeathPart2, o => o.Value = new CodeableConcept
            {
                Text = string.Join("；", conditions.Select(c => Text(c.Text) ?? Text(c.Icd10))),
                Coding = [.. conditions.Select(c => Text(c.Icd10)).OfType<string>().Select(code => new Coding(Icd10, code))],
            });
        var deathDate = DeathTime(data.Death.DateTime) is { } deathTime
            ? Observed(Codes.DateOfDeath, "Date and time of death", Profiles.DeathDate, o => o.Value = new FhirDateTime(deathTime))
            : null;
        var manner = Text(data.Causes.Manner) is { } mannerCode
            ? Observed(Codes.MannerOfDeath, "Manner of death", Profiles.MannerOfDeath, o => o.Value = Manner(mannerCode))
            : null;
        var underlying = Text(data.Causes.UnderlyingCauseIcd10) is { } underlyingCode
            ? Observed(Codes.UnderlyingCause, "Underlying cause of death", Profiles.AutomatedUnderlyingCauseOfDeath,
                o => o.Value = Cause(data.Causes.PartI.FirstOrDefault(l => l.Icd10 == underlyingCode)?.Text, underlyingCode))
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
            // The documented event is the death certification (VRDR: exactly one, its detail the procedure).
            Event =
            [
                new Composition.EventComponent
                {
                    Code = [Coded(Snomed, Codes.DiagnosticProcedure, "Diagnostic procedure")],
                    Detail = [certification.Reference],
                },
            ],
            Section =
            [
                Section("DecedentDemographics", "Decedent demographics", "死者基本信息", [patient]),
                Section("DeathInvestigation", "Death investigation", "死亡情况", Present(deathDate)),
                Section("DeathCertification", "Death certification", "死亡原因",
                    [practitioner, certification, .. Present(manner), .. partI, .. Present(partII)]),
                Section("CodedContent", "Coded content", "根本死亡原因", Present(underlying)),
            ],
        }, Profiles.DeathCertificate);
        ((Composition)composition.Resource).Section.RemoveAll(s => s.Entry.Count == 0);

        IEnumerable<EntryRef> entries =
        [
            composition, patient, practitioner, organization, certification, .. partI, .. Present(partII),
            .. Present(deathDate), .. Present(manner), .. Present(underlying),
        ];
        return new Bundle
        {
            Meta = new Meta { Profile = [Profiles.DeathCertificateDocument] },
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

    private static EntryRef Entry(Resource resource, string? profile)
    {
        if (profile is not null) resource.Meta = new Meta { Profile = [profile] };
        return new($"urn:uuid:{Guid.NewGuid()}", resource);
    }

    private static List<EntryRef> Present(EntryRef? entry) => entry is null ? [] : [entry];

    private static Composition.SectionComponent Section(string code, string display, string title, IEnumerable<EntryRef> entries) => new()
    {
        Title = title,
        Code = Coded(VrdrSections, code, display),
        Entry = entries.Select(e => e.Reference).ToList(),
    };

    /// <summary>
    /// The observations' and procedure's status: final while the certificate stands, preliminary while it is held for
    /// review, entered in error once it is revoked or rejected (as the Composition is).
    /// </summary>
    private static ObservationStatus ObservationStatusOf(CertificateStatus status) => status switch
    {
        CertificateStatus.Issued => ObservationStatus.Final,
        CertificateStatus.PendingReview => ObservationStatus.Preliminary,
        _ => ObservationStatus.EnteredInError,
    };

    /// <summary>VRDR's certifier types (SNOMED CT): a police station's forensic doctor as medical examiner, others as physicians.</summary>
    private static CodeableConcept CertifierType(OrganisationType issuer) => issuer == OrganisationType.Police
        ? Coded(Snomed, Codes.CertifiedByExaminer, "Death certification by medical examiner or coroner (procedure)")
        : Coded(Snomed, Codes.CertifiedByPhysician, "Death certification by physician (procedure)");

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
            // VRDR fixes deceasedBoolean; the time of death is in the DeathDate observation.
            Deceased = new FhirBoolean(true),
            // 无 is how the form names an unidentified body: a name that says it is unknown rather than a false one.
            Name = [Name(Text(d.Name) is { } name && name != "无" ? name : null)],
        };
        if (Text(d.HouseholdAddress) is { } household)
            patient.Address = [new Address { Text = household, Use = Address.AddressUse.Home, Country = "CN" }];
        return patient;
    }

    private static Practitioner NewCertifier(CertifierData certifier) => new()
    {
        Extension = [new Extension(CertifierRoleExtension, new Code("certifier"))],
        Name = [Name(Text(certifier.Name))],
        Identifier = Text(certifier.LicenseNumber) is { } license ? [new Identifier(PractitionerLicenseSystem, license)] : [],
    };

    /// <summary>
    /// A name as FHIR wants it: the written form as text, family and given apart (<see cref="PersonName"/>: Chinese names
    /// family first); an unknown name is a name with only a data-absent-reason.
    /// </summary>
    private static HumanName Name(string? written)
    {
        if (PersonName.Split(written) is not { } split)
            return new HumanName { Extension = [new Extension(DataAbsentReason, new Code("unknown"))] };
        return new HumanName { Use = HumanName.NameUse.Official, Text = written, Family = split.Family, Given = split.Given };
    }

    /// <summary>The certificate number as the decedent's identifier, in the system of the ID it is.</summary>
    private static Identifier PatientIdentifier(string? idType, string number) => idType switch
    {
        "1" => new Identifier(CitizenIdSystem, number) { Type = Coded(V2IdentifierType, "NI", "National unique individual identifier", "居民身份证") },
        "2" => new Identifier(PassportSystem, number) { Type = Coded(V2IdentifierType, "PPN", "Passport number", "护照") },
        "9" => new Identifier(OtherIdSystem, number),
        _ => new Identifier(CertificateNumberSystem, number),
    };

    private static Observation NewObservation(string code, string display, ObservationStatus status, EntryRef patient, EntryRef practitioner,
        Action<Observation> fill)
    {
        var observation = new Observation
        {
            Status = status,
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
                Code = Coded(VrdrComponents, Codes.LineNumber, "lineNumber"),
                Value = new Integer(number),
            });
        // VRDR wants the interval on every line: unknown (data absent) when the form left it empty.
        o.Component.Add(new Observation.ComponentComponent
        {
            Code = Coded(Loinc, Codes.Interval, "Interval from onset to death"),
            Value = line.Interval is { Value: { } value, Unit: { } unit } && UnitToUcum.TryGetValue(unit, out var ucum)
                ? new Quantity { Value = value, Unit = ucum, System = Ucum, Code = ucum }
                : Coded(DataAbsentReasonCodes, "unknown", "Unknown"),
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
