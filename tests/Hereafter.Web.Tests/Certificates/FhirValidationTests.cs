using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Certificates.Features.ExportFhirDocument;
using Hereafter.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>
/// Issue #15: the exported FHIR documents pass Firely's validator (base R4, see <see cref="FhirValidation"/>) with no
/// error, and every resource names the VRDR profile it follows. Each document is fetched over the API as a
/// health-statistics system would, after issuing, correcting or revoking the certificate through it.
/// </summary>
public sealed class FhirValidationTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private Task<string> IssueAsync(string clientId, CertificateData data) => factory.IssueAsync(data, clientId);

    private async Task<Bundle> ExportAsync(string clientId, string number)
    {
        var client = await factory.ClientForAsync(clientId);
        var response = await client.GetAsync($"/api/v1/certificates/{number}/fhir");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new FhirJsonDeserializer().Deserialize<Bundle>(await response.Content.ReadAsStringAsync());
    }

    /// <summary>No error or fatal issue, and the VRDR profiles declared where VRDR has one.</summary>
    private static void AssertValidVrdrDocument(Bundle bundle)
    {
        FhirValidation.AssertNoErrors(FhirValidation.Validate(bundle));
        Assert.Equal([FhirDocumentBuilder.Profiles.DeathCertificateDocument], bundle.Meta?.Profile);
        Assert.All(bundle.Entry.Select(e => e.Resource).OfType<Resource>(), resource =>
        {
            // VRDR has no profile for the issuing organisation: it declares none.
            if (resource is Organization)
            {
                Assert.Empty(resource.Meta?.Profile ?? []);
                return;
            }
            var profile = Assert.Single(resource.Meta?.Profile ?? []);
            Assert.StartsWith(FhirDocumentBuilder.Profiles.Base, profile);
        });
    }

    private static List<Observation> Observations(Bundle bundle, string loinc) =>
        [.. bundle.Entry.Select(e => e.Resource).OfType<Observation>().Where(o => o.Code.Coding.Any(c => c.Code == loinc))];

    private static T Single<T>(Bundle bundle) where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>().Single();

    [Fact]
    public async Task NaturalDeath_WithAThreeLineChain_AndTwoContributingConditions_IsValid()
    {
        var data = People.HospitalDeath(People.Next());
        data = data with
        {
            Causes = data.Causes with
            {
                PartI =
                [
                    new CauseLine { Line = "a", Text = "急性心肌梗死", Interval = new CauseInterval { Value = 3, Unit = "hours" }, Icd10 = "I21.9" },
                    new CauseLine { Line = "b", Text = "冠状动脉粥样硬化性心脏病", Interval = new CauseInterval { Value = 8, Unit = "years" }, Icd10 = "I25.1" },
                    new CauseLine { Line = "c", Text = "原发性高血压", Interval = new CauseInterval { Value = 20, Unit = "years" }, Icd10 = "I10" },
                ],
                PartII = [new OtherCondition { Text = "2型糖尿病", Icd10 = "E11.9" }, new OtherCondition { Text = "慢性肾脏病3期", Icd10 = "N18.3" }],
                UnderlyingCauseIcd10 = "I10",
            },
        };
        var bundle = await ExportAsync("demo-hospital", await IssueAsync("demo-hospital", data));

        AssertValidVrdrDocument(bundle);
        Assert.Equal(3, Observations(bundle, FhirDocumentBuilder.Codes.CauseOfDeathPart1).Count);
        var partII = Assert.IsType<CodeableConcept>(Assert.Single(Observations(bundle, FhirDocumentBuilder.Codes.CauseOfDeathPart2)).Value);
        Assert.Equal(["E11.9", "N18.3"], partII.Coding.Select(c => c.Code));
    }

    [Fact]
    public async Task InjuryDeath_IsValid()
    {
        // The form has no injury section of its own: an injury death is an accidental manner with an external cause
        // (ICD-10 chapter XX) as the underlying cause. A hospital may certify it when the person died there.
        var data = People.HospitalDeath(People.Next());
        data = data with
        {
            Causes = data.Causes with
            {
                PartI =
                [
                    new CauseLine { Line = "a", Text = "重型颅脑损伤", Interval = new CauseInterval { Value = 6, Unit = "hours" }, Icd10 = "S06.9" },
                    new CauseLine { Line = "b", Text = "行人被小汽车撞伤（交通事故）", Interval = new CauseInterval { Value = 7, Unit = "hours" }, Icd10 = "V03.1" },
                ],
                PartII = [],
                UnderlyingCauseIcd10 = "V03.1",
                Manner = "2",
            },
        };
        var bundle = await ExportAsync("demo-hospital", await IssueAsync("demo-hospital", data));

        AssertValidVrdrDocument(bundle);
        var manner = Assert.IsType<CodeableConcept>(Assert.Single(Observations(bundle, FhirDocumentBuilder.Codes.MannerOfDeath)).Value);
        Assert.Equal("7878000", manner.Coding.Single().Code);
        Assert.Equal("V03.1", Assert.IsType<CodeableConcept>(Assert.Single(Observations(bundle, FhirDocumentBuilder.Codes.UnderlyingCause)).Value).Coding.Single().Code);
    }

    [Fact]
    public async Task UnidentifiedDecedent_IsValid()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-5).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz");
        var data = Hereafter.Web.Platform.Demo.Sample.UnidentifiedAccident(at, "陈刚", "GA52010200123");
        var bundle = await ExportAsync("demo-police", await IssueAsync("demo-police", data));

        AssertValidVrdrDocument(bundle);
        var name = Assert.Single(Single<Patient>(bundle).Name);
        Assert.Null(name.Text);
        Assert.Equal(FhirDocumentBuilder.DataAbsentReason, Assert.Single(name.Extension).Url);
    }

    [Fact]
    public async Task CorrectedCertificate_IsValid()
    {
        var data = People.HospitalDeath(People.Next());
        var number = await IssueAsync("demo-hospital", data);
        var hospital = await factory.ClientForAsync("demo-hospital");
        var corrected = data with { Decedent = data.Decedent with { HouseholdAddress = "贵州省贵阳市云岩区北京路1号" } };
        var response = await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/correction", new { reason = "户籍地址填写错误", certificate = corrected }, Web);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var bundle = await ExportAsync("demo-hospital", number);

        AssertValidVrdrDocument(bundle);
        Assert.Equal(CompositionStatus.Amended, Single<Composition>(bundle).Status);
        Assert.Equal("贵州省贵阳市云岩区北京路1号", Single<Patient>(bundle).Address.Single().Text);
    }

    [Fact]
    public async Task RevokedCertificate_IsValid()
    {
        var number = await IssueAsync("demo-hospital", People.HospitalDeath(People.Next()));
        var hospital = await factory.ClientForAsync("demo-hospital");
        Assert.Equal(HttpStatusCode.OK, (await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/revocation", new { reason = "误开：患者转院后死亡" })).StatusCode);
        var bundle = await ExportAsync("demo-hospital", number);

        AssertValidVrdrDocument(bundle);
        Assert.Equal(CompositionStatus.EnteredInError, Single<Composition>(bundle).Status);
        Assert.All(bundle.Entry.Select(e => e.Resource).OfType<Observation>(), o => Assert.Equal(ObservationStatus.EnteredInError, o.Status));
    }

    // The validator can fail: a test that only ever sees a clean outcome proves nothing.

    private static Bundle Built() => FhirDocumentBuilder.Build(new FhirDocumentSource(
        "520102193001011234", 1, CertificateStatus.Issued, DateTimeOffset.UtcNow, "贵阳市第一人民医院", "12520100429400086T",
        People.HospitalDeath(People.Next()), DateTimeOffset.UtcNow));

    [Fact]
    public void TheBuiltSample_IsValid_SoTheFailuresBelowAreTheBreakages()
    {
        FhirValidation.AssertNoErrors(FhirValidation.Validate(Built()));
    }

    [Fact]
    public void BrokenResources_AreErrors()
    {
        var bundle = Built();
        var observation = bundle.Entry.FindIndex(e => e.Resource is Observation);
        var patient = bundle.Entry.FindIndex(e => e.Resource is Patient);
        ((Observation)bundle.Entry[observation].Resource!).Status = null;
        ((Observation)bundle.Entry[observation].Resource!).Code = null!;
        ((Patient)bundle.Entry[patient].Resource!).BirthDateElement = new Date("1930-13-45");
        // bdl-10, a FhirPath invariant: a document must have a timestamp.
        bundle.Timestamp = null;

        var outcome = FhirValidation.Validate(bundle);

        var errors = FhirValidation.Errors(outcome);
        bool Reported(string location, string text) =>
            errors.Any(i => i.Expression.Concat(i.Location).Contains(location) && (i.Details?.Text ?? i.Diagnostics ?? "").Contains(text, StringComparison.Ordinal));
        Assert.True(Reported($"Bundle.entry[{observation}].resource[0]", "'status'"), FhirValidation.Describe(outcome));
        Assert.True(Reported($"Bundle.entry[{observation}].resource[0]", "'code'"), FhirValidation.Describe(outcome));
        Assert.True(Reported($"Bundle.entry[{patient}].resource[0].birthDate[0]", "1930-13-45"), FhirValidation.Describe(outcome));
        Assert.True(Reported("Bundle", "bdl-10"), FhirValidation.Describe(outcome));
    }

    [Fact]
    public void UnknownNonVrdrProfile_IsAnError()
    {
        const string nope = "http://example.org/StructureDefinition/nope";
        var bundle = Built();
        Single<Patient>(bundle).Meta = new Meta { Profile = [FhirDocumentBuilder.Profiles.Decedent, nope] };

        var outcome = FhirValidation.Validate(bundle);

        var errors = FhirValidation.Errors(outcome).Select(i => i.Details?.Text ?? i.Diagnostics ?? "").ToList();
        Assert.True(errors.Any(e => e.Contains(nope, StringComparison.Ordinal)), FhirValidation.Describe(outcome));
        // Only the unknown profile: the VRDR one beside it is still left out, not reported.
        Assert.DoesNotContain(errors, e => e.Contains(FhirDocumentBuilder.Profiles.Base, StringComparison.Ordinal));
    }
}
