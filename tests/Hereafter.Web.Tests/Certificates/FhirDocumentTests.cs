using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Certificates.Features.ExportFhirDocument;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>
/// GET /api/v1/certificates/{number}/fhir: the certificate as a VRDR-shaped FHIR R4 document that a
/// health-statistics system parses back with Firely, for the organisations that read a medical copy.
/// </summary>
public sealed class FhirDocumentTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<(string Number, CertificateData Data)> IssuedAsync(CertificateData? data = null)
    {
        data ??= People.HospitalDeath(People.Next());
        return (await factory.IssueAsync(data), data);
    }

    private static Bundle Parse(string json) => new FhirJsonDeserializer().Deserialize<Bundle>(json);

    private static List<Observation> Observations(Bundle bundle, string loinc) =>
        bundle.Entry.Select(e => e.Resource).OfType<Observation>().Where(o => o.Code.Coding.Any(c => c.System == FhirDocumentBuilder.Loinc && c.Code == loinc)).ToList();

    private static Observation.ComponentComponent Component(Observation o, string loinc) =>
        Assert.Single(o.Component, c => c.Code.Coding.Any(x => x.Code == loinc));

    private static int? LineNumber(Observation o) =>
        Assert.IsType<Integer>(Assert.Single(o.Component, c => c.Code.Coding.Any(x => x.System == FhirDocumentBuilder.VrdrComponents && x.Code == "lineNumber")).Value).Value;

    private static Quantity Interval(Observation o) => Assert.IsType<Quantity>(Component(o, "69440-6").Value);

    private static CodeableConcept Concept(Observation o) => Assert.IsType<CodeableConcept>(o.Value);

    [Fact]
    public async Task Issuer_GetsADocumentBundle_ThatRoundTripsThroughFirely()
    {
        var (number, data) = await IssuedAsync();
        var hospital = await factory.ClientForAsync("demo-hospital");
        var response = await hospital.GetAsync($"/api/v1/certificates/{number}/fhir");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(Bundle.BundleType.Document, bundle.Type);
        Assert.NotNull(bundle.Identifier);
        Assert.NotNull(bundle.Timestamp);
        Assert.All(bundle.Entry, e => Assert.StartsWith("urn:uuid:", e.FullUrl));
        Assert.Equal(bundle.Entry.Count, bundle.Entry.Select(e => e.FullUrl).Distinct().Count());
        var byUrl = bundle.Entry.ToDictionary(e => e.FullUrl!, e => e.Resource);

        var composition = Assert.IsType<Composition>(bundle.Entry[0].Resource);
        Assert.Equal(CompositionStatus.Final, composition.Status);
        Assert.Contains(composition.Type.Coding, c => c.System == "http://loinc.org" && c.Code == "64297-5" && c.Display == "Death certificate");
        Assert.Equal("居民死亡医学证明", composition.Title);
        var patient = Assert.IsType<Patient>(byUrl[composition.Subject!.Reference!]);
        var practitioner = Assert.IsType<Practitioner>(byUrl[composition.Author[0].Reference!]);
        var read = await (await hospital.GetAsync($"/api/v1/certificates/{number}")).JsonAsync();
        var certifiedAt = read.GetProperty("certifiedAt").GetDateTimeOffset();
        var date = DateTimeOffset.Parse(composition.Date!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(8), date.Offset);
        Assert.Equal(certifiedAt.ToUnixTimeSeconds(), date.ToUnixTimeSeconds());

        // Every section entry resolves inside the bundle, and every observation is in a section.
        var sectioned = composition.Section.SelectMany(s => s.Entry).Select(r => r.Reference).ToList();
        Assert.All(sectioned, r => Assert.True(byUrl.ContainsKey(r!), r));
        var observationUrls = bundle.Entry.Where(e => e.Resource is Observation).Select(e => e.FullUrl).ToList();
        Assert.NotEmpty(observationUrls);
        Assert.All(observationUrls, u => Assert.Contains(u, sectioned));

        // Decedent.
        var identifier = Assert.Single(patient.Identifier);
        Assert.Equal(number, identifier.Value);
        Assert.Equal("urn:oid:2.16.156.10011.1.3", identifier.System);
        Assert.Equal(data.Decedent.Name, patient.Name.Single().Text);
        Assert.Equal(data.Decedent.Name![..1], patient.Name.Single().Family);
        Assert.Equal([data.Decedent.Name[1..]], patient.Name.Single().Given);
        Assert.Equal(AdministrativeGender.Male, patient.Gender);
        Assert.Equal(data.Decedent.BirthDate, patient.BirthDate);
        Assert.Equal(data.Decedent.HouseholdAddress, patient.Address.Single().Text);
        Assert.True(Assert.IsType<FhirBoolean>(patient.Deceased).Value);

        // Certifier.
        Assert.Equal("王立新", practitioner.Name.Single().Text);
        Assert.Equal("王", practitioner.Name.Single().Family);
        Assert.Equal("110520100012345", practitioner.Identifier.Single().Value);

        // Cause of death part I: one observation per line, in the submitted chain.
        var partI = Observations(bundle, "69453-9");
        Assert.Equal(data.Causes.PartI.Count, partI.Count);
        foreach (var (line, lineNumber, ucum) in new[] { (data.Causes.PartI[0], 1, "h"), (data.Causes.PartI[1], 2, "a") })
        {
            var o = Assert.Single(partI, x => LineNumber(x) == lineNumber);
            Assert.Equal(ObservationStatus.Final, o.Status);
            Assert.Equal(composition.Subject.Reference, o.Subject!.Reference);
            var value = Assert.IsType<CodeableConcept>(o.Value);
            Assert.Equal(line.Text, value.Text);
            var coding = Assert.Single(value.Coding);
            Assert.Equal("http://hl7.org/fhir/sid/icd-10", coding.System);
            Assert.Equal(line.Icd10, coding.Code);
            var interval = Interval(o);
            Assert.Equal(line.Interval!.Value, interval.Value);
            Assert.Equal(ucum, interval.Code);
            Assert.Equal(ucum, interval.Unit);
            Assert.Equal("http://unitsofmeasure.org", interval.System);
        }

        // Part II.
        var partII = Assert.Single(Observations(bundle, "69441-4"));
        var other = Assert.IsType<CodeableConcept>(partII.Value);
        Assert.Equal("2型糖尿病", other.Text);
        Assert.Equal("E11.9", other.Coding.Single().Code);

        // Date of death: the submitted instant with its own offset.
        var died = Assert.IsType<FhirDateTime>(Assert.Single(Observations(bundle, "81956-5")).Value);
        Assert.Equal(data.Death.DateTime, died.Value);
        Assert.Equal(DateTimeOffset.Parse(data.Death.DateTime!, System.Globalization.CultureInfo.InvariantCulture), died.ToDateTimeOffset(TimeSpan.Zero));

        // Manner: natural.
        var manner = Assert.IsType<CodeableConcept>(Assert.Single(Observations(bundle, "69449-7")).Value);
        var snomed = Assert.Single(manner.Coding);
        Assert.Equal("http://snomed.info/sct", snomed.System);
        Assert.Equal("38605008", snomed.Code);
        Assert.Equal("自然死亡", manner.Text);

        // Underlying cause.
        var underlying = Assert.IsType<CodeableConcept>(Assert.Single(Observations(bundle, "80358-5")).Value);
        Assert.Equal("I21.9", underlying.Coding.Single().Code);
    }

    [Fact]
    public async Task Police_ReadCopy2_MayFetch_AndTheExportIsAudited()
    {
        var (number, _) = await IssuedAsync();
        var police = await factory.ClientForAsync("demo-police");
        var response = await police.GetAsync($"/api/v1/certificates/{number}/fhir");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Bundle.BundleType.Document, Parse(await response.Content.ReadAsStringAsync()).Type);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var entry = await db.Set<AuditEntry>().Where(e => e.Subject == $"certificate:{number}" && e.Action == "certificate.read-fhir")
            .OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal("household-registration-cancellation", entry.Purpose);
    }

    [Theory]
    [InlineData("demo-civil-affairs", HttpStatusCode.OK)]
    [InlineData("demo-funeral-home", HttpStatusCode.Forbidden)]
    [InlineData("demo-cemetery", HttpStatusCode.Forbidden)]
    [InlineData("demo-bank", HttpStatusCode.Forbidden)]
    [InlineData("demo-social-security", HttpStatusCode.Forbidden)]
    [InlineData("demo-health-centre", HttpStatusCode.Forbidden)]
    public async Task OnlyReadersOfAMedicalCopy_MayFetch(string clientId, HttpStatusCode expected)
    {
        var (number, _) = await IssuedAsync();
        var client = await factory.ClientForAsync(clientId);
        var response = await client.GetAsync($"/api/v1/certificates/{number}/fhir");
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
            Assert.DoesNotContain("急性心肌梗死", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unauthenticated_Is401()
    {
        var (number, _) = await IssuedAsync();
        var response = await factory.CreateClient().GetAsync($"/api/v1/certificates/{number}/fhir");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnknownNumber_Is404()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var response = await hospital.GetAsync("/api/v1/certificates/52010219000101999X/fhir");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // The builder alone: mappings the HTTP tests' sample certificate does not reach.

    private static Bundle Build(CertificateData data, string number = "520102193001011234", CertificateStatus status = CertificateStatus.Issued, int version = 1) =>
        Parse(new FhirJsonSerializer().SerializeToString(FhirDocumentBuilder.Build(new FhirDocumentSource(
            number, version, status, DateTimeOffset.UtcNow, "贵阳市第一人民医院", "12520100429400086T", data, DateTimeOffset.UtcNow))));

    private static CertificateData Sample(string manner = "1") =>
        People.HospitalDeath(People.Next()) with { Causes = People.HospitalDeath(People.Next()).Causes with { Manner = manner } };

    [Theory]
    [InlineData("1", "38605008")]
    [InlineData("2", "7878000")]
    [InlineData("3", "44301001")]
    [InlineData("4", "27935005")]
    [InlineData("5", "185973002")]
    [InlineData("9", "65037004")]
    public void Manner_MapsToSnomed_WithTheChineseLabelAsText(string code, string snomed)
    {
        var bundle = Build(Sample(code));
        var manner = Assert.IsType<CodeableConcept>(Assert.Single(Observations(bundle, "69449-7")).Value);
        Assert.Equal(snomed, manner.Coding.Single().Code);
        Assert.Equal("http://snomed.info/sct", manner.Coding.Single().System);
        Assert.False(string.IsNullOrEmpty(manner.Coding.Single().Display));
        Assert.Equal(CodeLists.Chinese(CodeLists.Manner, code), manner.Text);
    }

    [Theory]
    [InlineData("1", AdministrativeGender.Male)]
    [InlineData("2", AdministrativeGender.Female)]
    [InlineData("0", AdministrativeGender.Unknown)]
    [InlineData("9", AdministrativeGender.Unknown)]
    public void Sex_MapsToGender(string sex, AdministrativeGender gender)
    {
        var data = Sample();
        var patient = Build(data with { Decedent = data.Decedent with { Sex = sex } }).Entry.Select(e => e.Resource).OfType<Patient>().Single();
        Assert.Equal(gender, patient.Gender);
    }

    [Theory]
    [InlineData("1", "urn:oid:2.16.156.10011.1.3")]
    [InlineData("2", FhirDocumentBuilder.PassportSystem)]
    [InlineData("9", FhirDocumentBuilder.OtherIdSystem)]
    [InlineData(null, FhirDocumentBuilder.CertificateNumberSystem)]
    public void PatientIdentifier_IsTheNumber_InTheSystemOfItsIdType(string? idType, string system)
    {
        var data = Sample();
        var bundle = Build(data with { Decedent = data.Decedent with { IdType = idType } }, number: "E12345678");
        var identifier = bundle.Entry.Select(e => e.Resource).OfType<Patient>().Single().Identifier.Single();
        Assert.Equal(system, identifier.System);
        Assert.Equal("E12345678", identifier.Value);
    }

    [Fact]
    public void UnidentifiedBody_HasAnUnknownName_AndAnUncodedLine_HasNoCoding_AndMinutesAreUcumMin()
    {
        var data = Hereafter.Web.Platform.Demo.Sample.UnidentifiedAccident("2026-11-20T06:10:00+08:00", "陈法医", "110520100099999");
        data = data with
        {
            Causes = data.Causes with
            {
                PartI = [data.Causes.PartI[0], new CauseLine { Line = "b", Text = "不详原因落水", Interval = new CauseInterval { Value = 30, Unit = "minutes" } }],
            },
        };
        var bundle = Build(data, number: "12520100429400086T0001");
        var patient = bundle.Entry.Select(e => e.Resource).OfType<Patient>().Single();
        var name = Assert.Single(patient.Name);
        Assert.Null(name.Text);
        Assert.Null(name.Family);
        var absent = Assert.Single(name.Extension);
        Assert.Equal("http://hl7.org/fhir/StructureDefinition/data-absent-reason", absent.Url);
        Assert.Equal("unknown", Assert.IsType<Code>(absent.Value).Value);
        Assert.True(Assert.IsType<FhirBoolean>(patient.Deceased).Value);
        Assert.Equal("2026-11-20T06:10:00+08:00", Assert.IsType<FhirDateTime>(Assert.Single(Observations(bundle, "81956-5")).Value).Value);
        var lineB = Assert.Single(Observations(bundle, "69453-9"), o => LineNumber(o) == 2);
        Assert.Empty(Concept(lineB).Coding);
        Assert.Equal("不详原因落水", Concept(lineB).Text);
        Assert.Equal("min", Interval(lineB).Code);
        Assert.Equal("7878000", Concept(Assert.Single(Observations(bundle, "69449-7"))).Coding.Single().Code);
    }

    [Theory]
    [InlineData(CertificateStatus.Issued, 2, CompositionStatus.Amended)]
    [InlineData(CertificateStatus.PendingReview, 1, CompositionStatus.Preliminary)]
    [InlineData(CertificateStatus.Revoked, 1, CompositionStatus.EnteredInError)]
    public void CompositionStatus_FollowsTheCertificate(CertificateStatus status, int version, CompositionStatus expected)
    {
        var composition = Assert.IsType<Composition>(Build(Sample(), status: status, version: version).Entry[0].Resource);
        Assert.Equal(expected, composition.Status);
    }

    // Issue #15: what a VRDR consumer enforces, each read from the exported JSON.

    private static string Json(CertificateData data, CertificateStatus status = CertificateStatus.Issued, int version = 1,
        Hereafter.Web.Platform.Organisations.OrganisationType issuer = Hereafter.Web.Platform.Organisations.OrganisationType.Hospital) =>
        new FhirJsonSerializer().SerializeToString(FhirDocumentBuilder.Build(new FhirDocumentSource(
            "520102193001011234", version, status, DateTimeOffset.UtcNow, "贵阳市第一人民医院", "12520100429400086T", data, DateTimeOffset.UtcNow) { IssuerType = issuer }));

    private static IEnumerable<JsonElement> Resources(JsonDocument json, string type) =>
        json.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).Where(r => r.GetProperty("resourceType").GetString() == type);

    private static Dictionary<string, JsonElement> ByUrl(JsonDocument json) =>
        json.RootElement.GetProperty("entry").EnumerateArray().ToDictionary(e => e.GetProperty("fullUrl").GetString()!, e => e.GetProperty("resource"));

    private static List<string> SectionEntries(JsonElement composition, string section) =>
        [.. composition.GetProperty("section").EnumerateArray()
            .Single(s => s.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString() == section)
            .GetProperty("entry").EnumerateArray().Select(r => r.GetProperty("reference").GetString()!)];

    [Theory]
    [InlineData(Hereafter.Web.Platform.Organisations.OrganisationType.Hospital, "434651000124107")]
    [InlineData(Hereafter.Web.Platform.Organisations.OrganisationType.HealthCentre, "434651000124107")]
    [InlineData(Hereafter.Web.Platform.Organisations.OrganisationType.Police, "455381000124109")]
    public void CompositionEvent_IsTheDeathCertificationProcedure_PerformedByTheCertifier(Hereafter.Web.Platform.Organisations.OrganisationType issuer, string certifierType)
    {
        using var json = JsonDocument.Parse(Json(Sample(), issuer: issuer));
        var byUrl = ByUrl(json);
        var composition = Resources(json, "Composition").Single();
        var @event = Assert.Single(composition.GetProperty("event").EnumerateArray());
        Assert.Equal("103693007", @event.GetProperty("code")[0].GetProperty("coding")[0].GetProperty("code").GetString());
        var procedureUrl = Assert.Single(@event.GetProperty("detail").EnumerateArray()).GetProperty("reference").GetString()!;
        var procedure = byUrl[procedureUrl];
        Assert.Equal("Procedure", procedure.GetProperty("resourceType").GetString());
        Assert.Equal("completed", procedure.GetProperty("status").GetString());
        var code = procedure.GetProperty("code").GetProperty("coding")[0];
        Assert.Equal(("http://snomed.info/sct", "308646001"), (code.GetProperty("system").GetString(), code.GetProperty("code").GetString()));
        Assert.Equal(composition.GetProperty("date").GetString(), procedure.GetProperty("performedDateTime").GetString());
        var performer = Assert.Single(procedure.GetProperty("performer").EnumerateArray());
        Assert.Equal(certifierType, performer.GetProperty("function").GetProperty("coding")[0].GetProperty("code").GetString());
        var certifierUrl = performer.GetProperty("actor").GetProperty("reference").GetString()!;
        Assert.Equal("Practitioner", byUrl[certifierUrl].GetProperty("resourceType").GetString());
        // The certifier and the procedure are both listed in the DeathCertification section.
        Assert.Contains(procedureUrl, SectionEntries(composition, "DeathCertification"));
        Assert.Contains(certifierUrl, SectionEntries(composition, "DeathCertification"));
    }

    [Fact]
    public void PartOneLineNumber_UsesVrdrsComponentCode_NotLoinc()
    {
        var text = Json(Sample());
        Assert.DoesNotContain("69444-4", text);
        using var json = JsonDocument.Parse(text);
        var lines = Resources(json, "Observation").Where(o => o.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString() == "69453-9").ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, o =>
        {
            var component = o.GetProperty("component").EnumerateArray().Single(c => c.GetProperty("code").GetProperty("coding")[0].GetProperty("system").GetString()
                == "http://hl7.org/fhir/us/vrdr/CodeSystem/vrdr-component-cs");
            Assert.Equal("lineNumber", component.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString());
            Assert.InRange(component.GetProperty("valueInteger").GetInt32(), 1, 2);
        });
    }

    [Fact]
    public void PartOneLine_WithoutInterval_SaysTheIntervalIsUnknown()
    {
        var data = Sample();
        data = data with { Causes = data.Causes with { PartI = [data.Causes.PartI[0] with { Interval = null }] } };
        var line = Assert.Single(Observations(Build(data), "69453-9"));
        var interval = Assert.IsType<CodeableConcept>(Component(line, "69440-6").Value);
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown"), (interval.Coding.Single().System, interval.Coding.Single().Code));
    }

    [Fact]
    public void Decedent_IsDeceasedTrue_TheDateOnlyInTheDeathDateObservation()
    {
        var data = Sample();
        var text = Json(data);
        Assert.DoesNotContain("deceasedDateTime", text);
        using var json = JsonDocument.Parse(text);
        Assert.True(Resources(json, "Patient").Single().GetProperty("deceasedBoolean").GetBoolean());
        var date = Resources(json, "Observation").Single(o => o.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString() == "81956-5");
        Assert.Equal(data.Death.DateTime, date.GetProperty("valueDateTime").GetString());
    }

    [Theory]
    [InlineData("王立新", "王", "立新")]
    [InlineData("欧阳修文", "欧阳", "修文")]
    public void Names_HaveFamilyAndGiven_ChineseFamilyNameFirst(string name, string family, string given)
    {
        var data = Sample();
        data = data with { Decedent = data.Decedent with { Name = name }, Certifier = data.Certifier with { Name = name } };
        using var json = JsonDocument.Parse(Json(data));
        foreach (var type in new[] { "Patient", "Practitioner" })
        {
            var written = Assert.Single(Resources(json, type).Single().GetProperty("name").EnumerateArray());
            Assert.Equal(name, written.GetProperty("text").GetString());
            Assert.Equal(family, written.GetProperty("family").GetString());
            Assert.Equal(given, Assert.Single(written.GetProperty("given").EnumerateArray()).GetString());
        }
    }

    [Fact]
    public void Certifier_CarriesTheCertifierRoleExtension()
    {
        using var json = JsonDocument.Parse(Json(Sample()));
        var extension = Assert.Single(Resources(json, "Practitioner").Single().GetProperty("extension").EnumerateArray());
        Assert.Equal("http://hl7.org/fhir/us/vrdr/StructureDefinition/practitioner-role-death-certifier", extension.GetProperty("url").GetString());
        Assert.Equal("certifier", extension.GetProperty("valueCode").GetString());
    }

    [Fact]
    public void PartTwo_IsOneObservation_WithEveryConditionsTextAndCode()
    {
        var data = Sample();
        data = data with
        {
            Causes = data.Causes with
            {
                PartII = [new OtherCondition { Text = "2型糖尿病", Icd10 = "E11.9" }, new OtherCondition { Text = "慢性肾脏病" }, new OtherCondition { Text = "高血压病", Icd10 = "I10" }],
            },
        };
        var partII = Assert.Single(Observations(Build(data), "69441-4"));
        var value = Concept(partII);
        Assert.Equal("2型糖尿病；慢性肾脏病；高血压病", value.Text);
        Assert.Equal(["E11.9", "I10"], value.Coding.Select(c => c.Code));
        Assert.All(value.Coding, c => Assert.Equal("http://hl7.org/fhir/sid/icd-10", c.System));
    }

    [Fact]
    public void NoPartTwoConditions_NoPartTwoObservation()
    {
        var data = Sample();
        Assert.Empty(Observations(Build(data with { Causes = data.Causes with { PartII = [] } }), "69441-4"));
    }

    [Theory]
    [InlineData(CertificateStatus.Revoked, "entered-in-error", "entered-in-error")]
    [InlineData(CertificateStatus.Rejected, "entered-in-error", "entered-in-error")]
    [InlineData(CertificateStatus.PendingReview, "preliminary", "completed")]
    [InlineData(CertificateStatus.Issued, "final", "completed")]
    public void ObservationsAndProcedure_FollowTheCertificatesStatus(CertificateStatus status, string observations, string procedure)
    {
        using var json = JsonDocument.Parse(Json(Sample(), status: status));
        var statuses = Resources(json, "Observation").Select(o => o.GetProperty("status").GetString()).ToList();
        Assert.Equal(6, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(observations, s));
        Assert.Equal(procedure, Resources(json, "Procedure").Single().GetProperty("status").GetString());
    }

    [Fact]
    public void EveryResource_DeclaresTheVrdrProfileItFollows()
    {
        using var json = JsonDocument.Parse(Json(Sample()));
        const string vrdr = "http://hl7.org/fhir/us/vrdr/StructureDefinition/";
        Assert.Equal(vrdr + "vrdr-death-certificate-document", json.RootElement.GetProperty("meta").GetProperty("profile")[0].GetString());
        var expected = new Dictionary<string, string>
        {
            ["Composition"] = "vrdr-death-certificate", ["Patient"] = "vrdr-decedent", ["Practitioner"] = "vrdr-certifier",
            ["Procedure"] = "vrdr-death-certification", ["69453-9"] = "vrdr-cause-of-death-part1", ["69441-4"] = "vrdr-cause-of-death-part2",
            ["81956-5"] = "vrdr-death-date", ["69449-7"] = "vrdr-manner-of-death", ["80358-5"] = "vrdr-automated-underlying-cause-of-death",
        };
        var seen = new HashSet<string>();
        foreach (var resource in json.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")))
        {
            var type = resource.GetProperty("resourceType").GetString()!;
            // VRDR has no profile for the issuing organisation (docs/fhir.md): it declares none.
            if (type == "Organization")
            {
                Assert.False(resource.TryGetProperty("meta", out _));
                continue;
            }
            var key = type == "Observation" ? resource.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString()! : type;
            Assert.Equal(vrdr + expected[key], Assert.Single(resource.GetProperty("meta").GetProperty("profile").EnumerateArray()).GetString());
            seen.Add(key);
        }
        Assert.Equal(expected.Keys.Order(), seen.Order());
    }
}
