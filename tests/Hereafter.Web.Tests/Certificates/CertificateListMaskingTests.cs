using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Identity;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Certificates;

/// <summary><c>GET /api/v1/certificates</c> is described as masked: it must not carry any full ID number.</summary>
public sealed class CertificateListMaskingTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("demo-civil-affairs", "all")]
    [InlineData("demo-civil-affairs", "late")]
    [InlineData("demo-hospital", "all")]
    public async Task TheList_ShowsOnlyMaskedNumbersAndNames_NeverTheFullIdNumber(string client, string list)
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var person = People.Next();
        var late = People.HospitalDeath(person, DateTimeOffset.UtcNow.AddDays(-3).ToOffset(TimeSpan.FromHours(8)));
        Assert.Equal(HttpStatusCode.Created, (await hospital.PostAsJsonAsync("/api/v1/certificates", late, Web)).StatusCode);

        var reader = await factory.ClientForAsync(client);
        var response = await reader.GetAsync($"/api/v1/certificates?list={list}&pageSize=200");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var items = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();

        Assert.DoesNotContain(person.IdNumber, text);
        Assert.DoesNotContain(person.Name, text);
        Assert.Contains(items, i => i.GetProperty("maskedNumber").GetString() == PersonalDataMask.IdNumber(person.IdNumber)
                                    && i.GetProperty("maskedName").GetString() == PersonalDataMask.Name(person.Name));
        Assert.All(items, i =>
        {
            Assert.False(i.TryGetProperty("number", out _), "a list row carries the full number");
            Assert.Contains("*", i.GetProperty("maskedNumber").GetString()!, StringComparison.Ordinal);
        });
        // No 18-character citizen ID appears anywhere in the page, whoever it belongs to.
        Assert.DoesNotMatch(@"\d{17}[\dX]", text);
    }
}
