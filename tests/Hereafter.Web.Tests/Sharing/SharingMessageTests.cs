using System.Net;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pricing;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>Sharing's messages come from the catalogue: the API sends their code, and each language its own text.</summary>
public sealed class SharingMessageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task AFeedLimitOutOfRange_AnswersItsCode_InChineseByDefault_AndInEnglishWhenAsked()
    {
        var police = await factory.ClientForAsync("demo-police");
        var chinese = await (await police.GetAsync("/api/v1/events?limit=0")).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("limit 须在 1 至 500 之间", chinese.GetProperty("errors").GetProperty("limit")[0].GetString());
        Assert.Equal("sharing.limit.out-of-range", chinese.GetProperty("errorCodes").GetProperty("limit")[0].GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events?limit=0");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await police.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("limit must be between 1 and 500", english.GetProperty("errors").GetProperty("limit")[0].GetString());
        Assert.Equal("sharing.limit.out-of-range", english.GetProperty("errorCodes").GetProperty("limit")[0].GetString());
    }

    [Fact]
    public async Task AnUnknownCase_Answers404_WithItsCode_InChineseByDefault()
    {
        var civil = await factory.ClientForAsync("demo-civil-affairs");
        var missing = await (await civil.GetAsync($"/api/v1/cases/{Guid.NewGuid()}")).ExpectJsonAsync(HttpStatusCode.NotFound);
        Assert.Equal("sharing.case.not-found", missing.GetProperty("code").GetString());
        Assert.Equal("没有此案件。", missing.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUnknownDepartment_IsNamedInEnglish_WhenAsked()
    {
        var police = await factory.ClientForAsync("demo-police");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{Guid.NewGuid()}/tasks/astrology/outcome")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { status = "received" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var refused = await (await police.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.NotFound);
        Assert.Equal("sharing.department.unknown", refused.GetProperty("code").GetString());
        Assert.StartsWith("Unknown department 'astrology'.", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ADepartmentNamedLikeAPlaceholder_IsStillAnswered404()
    {
        var police = await factory.ClientForAsync("demo-police");
        var refused = await (await police.PostAsync($"/api/v1/cases/{Guid.NewGuid()}/tasks/%7Bx%7D/outcome",
            System.Net.Http.Json.JsonContent.Create(new { status = "received" }))).ExpectJsonAsync(HttpStatusCode.NotFound);
        Assert.Equal("sharing.department.unknown", refused.GetProperty("code").GetString());
        Assert.StartsWith("未知的部门「{x}」。", refused.GetProperty("detail").GetString());
    }
}
