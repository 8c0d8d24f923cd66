using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Certificates;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>Who certifies which death, how the number is made, and what the supervisor sees (DOMAIN §3).</summary>
public sealed class CertificateRulesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient client, CertificateData data)
    {
        var response = await client.PostAsJsonAsync("/api/v1/certificates", data, Web);
        return (response.StatusCode, await response.JsonAsync());
    }

    private static string Ago(TimeSpan span) =>
        DateTimeOffset.UtcNow.Subtract(span).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz");

    [Fact]
    public async Task HealthCentre_CertifiesAHomeDeath_WithItsInvestigationRecord()
    {
        var centre = await factory.ClientForAsync("demo-health-centre");
        var p = People.Next();
        var data = Sample.HomeDeath(p.Name, p.Sex, p.IdNumber, p.BirthDate.ToString("yyyy-MM-dd"), Ago(TimeSpan.FromHours(6)), "赵春梅", "210520102067890");
        var (status, body) = await Post(centre, data);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(p.IdNumber, body.GetProperty("number").GetString());

        var withoutInvestigation = await Post(centre, data with { Investigation = null, Decedent = data.Decedent with { IdNumber = People.Next().IdNumber } });
        Assert.Equal(HttpStatusCode.BadRequest, withoutInvestigation.Status);
        Assert.True(withoutInvestigation.Body.GetProperty("errors").TryGetProperty("investigation.history", out _));
    }

    [Fact]
    public async Task UnnaturalDeathOutsideAFacility_IsForThePolice()
    {
        var data = Sample.UnidentifiedAccident(Ago(TimeSpan.FromHours(3)), "陈刚", "GA52010200123");
        var hospital = await factory.ClientForAsync("demo-hospital");
        var refused = await Post(hospital, data);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.True(refused.Body.GetProperty("errors").TryGetProperty("causes.manner", out _));

        var police = await factory.ClientForAsync("demo-police");
        Assert.Equal(HttpStatusCode.Created, (await Post(police, data)).Status);
    }

    [Fact]
    public async Task LegacyFifteenDigitId_BecomesThe18DigitNumber()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var p = People.Next();
        var legacy = p.IdNumber[..6] + p.IdNumber[8..17];
        var data = People.HospitalDeath(p);
        var (status, body) = await Post(hospital, data with { Decedent = data.Decedent with { IdNumber = legacy } });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(p.IdNumber, body.GetProperty("number").GetString());
    }

    [Fact]
    public async Task PassportHolder_IsNumberedByPassport()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var p = People.Next();
        var passport = "E" + Random.Shared.Next(10_000_000, 99_999_999);
        var data = People.HospitalDeath(p);
        data = data with { Decedent = data.Decedent with { Name = "John Smith", IdType = "2", IdNumber = passport, Nationality = "英国", Ethnicity = "不适用" } };
        var (status, body) = await Post(hospital, data);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(passport, body.GetProperty("number").GetString());
    }

    [Fact]
    public async Task IllDefinedUnderlyingCause_IsIssuedWithAWarning_CountedForTheSupervisor()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var data = People.HospitalDeath(People.Next());
        data = data with
        {
            Causes = data.Causes with
            {
                PartI = [new CauseLine { Line = "a", Text = "心脏骤停", Interval = new CauseInterval { Value = 10, Unit = "minutes" }, Icd10 = "I46.9" }],
                UnderlyingCauseIcd10 = "I46.9",
            },
        };
        var (status, body) = await Post(hospital, data);
        Assert.Equal(HttpStatusCode.Created, status);
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == IcdQuality.IllDefinedUnderlyingCause);
        Assert.Equal("causes.underlyingCauseIcd10", warning.GetProperty("path").GetString());
        Assert.False(string.IsNullOrWhiteSpace(warning.GetProperty("message").GetString()));

        var number = body.GetProperty("number").GetString()!;
        var view = await (await hospital.GetAsync($"/api/v1/certificates/{number}")).JsonAsync();
        Assert.Contains(view.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == IcdQuality.IllDefinedUnderlyingCause);

        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        var list = await (await supervisor.GetAsync("/api/v1/certificates?list=all&pageSize=200")).JsonAsync();
        Assert.True(list.GetProperty("counts").GetProperty("withWarnings").GetInt32() >= 1);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("maskedNumber").GetString() == Hereafter.Domain.Identity.PersonalDataMask.IdNumber(number) && i.GetProperty("warningCount").GetInt32() >= 1);
    }

    [Fact]
    public async Task CertifiedMoreThanADayAfterDeath_IsListedAsLate_WithMaskedNumbers()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var p = People.Next();
        var (status, _) = await Post(hospital, People.HospitalDeath(p, DateTimeOffset.UtcNow.AddDays(-3).ToOffset(TimeSpan.FromHours(8))));
        Assert.Equal(HttpStatusCode.Created, status);

        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        var response = await supervisor.GetAsync("/api/v1/certificates?list=late&pageSize=200");
        var text = await response.Content.ReadAsStringAsync();
        var late = JsonDocument.Parse(text).RootElement;
        // Two random people may share an ID's last four digits: the masked name tells them apart.
        var row = Assert.Single(late.GetProperty("items").EnumerateArray(), i => i.GetProperty("maskedNumber").GetString() == p.IdNumber[..4] + "**********" + p.IdNumber[^4..]
            && i.GetProperty("maskedName").GetString() == Hereafter.Domain.Identity.PersonalDataMask.Name(p.Name));
        Assert.True(row.GetProperty("certifiedLate").GetBoolean());
        Assert.DoesNotContain(p.IdNumber, text);
        Assert.DoesNotContain(p.Name, text);
    }

    [Fact]
    public async Task Issuer_SeesOnlyItsOwnCertificates_AndDepartmentsCannotList()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var list = await (await hospital.GetAsync("/api/v1/certificates?pageSize=200")).JsonAsync();
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal("贵阳市第一人民医院", i.GetProperty("issuer").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await hospital.GetAsync("/api/v1/certificates?list=review")).StatusCode);
        var bank = await factory.ClientForAsync("demo-bank");
        Assert.Equal(HttpStatusCode.Forbidden, (await bank.GetAsync("/api/v1/certificates")).StatusCode);
    }
}
