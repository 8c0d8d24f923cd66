using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Certificates;
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
/// The FHIR export speaks JSON and XML as the FHIR RESTful API negotiates them (_format over Accept, by quality),
/// and answers 406 rather than JSON to a system that asked for something else.
/// </summary>
public sealed class FhirFormatTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private Task<string> IssuedAsync() => factory.IssueAsync(People.HospitalDeath(People.Next()));

    private async Task<HttpResponseMessage> FetchAsync(string number, string? accept, string query = "")
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/certificates/{number}/fhir{query}");
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await hospital.SendAsync(request);
    }

    private async Task<int> ExportsAuditedAsync(string number)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return await db.Set<AuditEntry>().CountAsync(e => e.Subject == $"certificate:{number}" && e.Action == "certificate.read-fhir");
    }

    [Fact]
    public async Task AcceptFhirXml_GetsXml_ThatFirelyParsesToTheSameDocument()
    {
        var number = await IssuedAsync();
        var response = await FetchAsync(number, "application/fhir+xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<Bundle xmlns=\"http://hl7.org/fhir\"", xml.TrimStart('\uFEFF'));
        var bundle = new FhirXmlDeserializer().Deserialize<Bundle>(xml);
        Assert.Equal(Bundle.BundleType.Document, bundle.Type);
        var composition = Assert.IsType<Composition>(bundle.Entry[0].Resource);
        Assert.Equal(number, composition.Identifier?.Value);
        Assert.Contains(bundle.Entry, e => e.Resource is Observation o && o.Code.Coding.Any(c => c.Code == FhirDocumentBuilder.Codes.CauseOfDeathPart1));
    }

    [Theory]
    [InlineData(null, "application/fhir+json")]
    [InlineData("*/*", "application/fhir+json")]
    [InlineData("application/json", "application/fhir+json")]
    [InlineData("application/fhir+json; fhirVersion=4.0", "application/fhir+json")]
    [InlineData("application/xml", "application/fhir+xml")]
    [InlineData("text/xml", "application/fhir+xml")]
    [InlineData("application/fhir+json;q=0.5, application/fhir+xml;q=0.9", "application/fhir+xml")]
    [InlineData("application/fhir+xml;q=0.1, application/fhir+json", "application/fhir+json")]
    [InlineData("text/html, application/xhtml+xml, */*;q=0.8", "application/fhir+json")]
    [InlineData("application/fhir+json;q=0, */*", "application/fhir+xml")]
    public async Task AcceptHeader_ChoosesTheFormat(string? accept, string expected)
    {
        var number = await IssuedAsync();
        var response = await FetchAsync(number, accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("?_format=xml", "application/fhir+json", "application/fhir+xml")]
    [InlineData("?_format=application/fhir%2Bxml", null, "application/fhir+xml")]
    [InlineData("?_format=json", "application/fhir+xml", "application/fhir+json")]
    public async Task FormatParameter_WinsOverAccept(string query, string? accept, string expected)
    {
        var number = await IssuedAsync();
        var response = await FetchAsync(number, accept, query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("text/html", "")]
    [InlineData("application/pdf", "")]
    [InlineData("application/fhir+json; fhirVersion=3.0", "")]
    [InlineData("application/fhir+json;q=0, application/fhir+xml;q=0", "")]
    [InlineData(null, "?_format=turtle")]
    [InlineData("application/fhir+json", "?_format=text/turtle")]
    public async Task NeitherFormatAcceptable_Is406_AndReadsNothing(string? accept, string query)
    {
        var number = await IssuedAsync();
        var response = await FetchAsync(number, accept, query);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("certificates.fhir.format-not-acceptable", body);
        Assert.DoesNotContain("急性心肌梗死", body);
        Assert.Equal(0, await ExportsAuditedAsync(number));
    }

    [Fact]
    public async Task NotAcceptable_IsToldInChinese_ByDefault()
    {
        var number = await IssuedAsync();
        var response = await FetchAsync(number, "text/html");
        var problem = await response.JsonAsync();
        Assert.Equal("certificates.fhir.format-not-acceptable", problem.GetProperty("code").GetString());
        Assert.Contains("application/fhir+xml", problem.GetProperty("detail").GetString());
        Assert.Contains("格式", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AForbiddenReader_Is403_WhateverTheFormat_AndIsToldWhy()
    {
        var number = await IssuedAsync();
        var funeralHome = await factory.ClientForAsync("demo-funeral-home");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/certificates/{number}/fhir");
        request.Headers.TryAddWithoutValidation("Accept", "application/fhir+xml");
        var response = await funeralHome.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        // A problem is JSON even to a client that asked for XML only: it is told why, not sent an empty body.
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("certificates.fhir.medical-data-forbidden", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public void Negotiate_WithNoPreference_IsJson()
    {
        Assert.Equal(FhirFormat.Json, FhirFormats.Negotiate(null, []));
        Assert.Equal(FhirFormat.Json, FhirFormats.Negotiate(" ", [""]));
        Assert.Equal(FhirFormat.Xml, FhirFormats.Negotiate("XML", ["application/fhir+json"]));
        Assert.Null(FhirFormats.Negotiate("application/fhir+xml; fhirVersion=5.0", []));
    }
}
