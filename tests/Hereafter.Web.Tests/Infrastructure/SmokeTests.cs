using System.Net;

namespace Hereafter.Web.Tests.Infrastructure;

public sealed class SmokeTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task HomePage_IsChineseByDefault()
    {
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/");
        Assert.Contains("百姓身后事服务平台", html);
        Assert.Contains("lang=\"zh-CN\"", html);
    }

    [Fact]
    public async Task HomePage_SwitchesToEnglish()
    {
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/?culture=en");
        Assert.Contains("after-death affairs", html);
    }

    [Fact]
    public async Task OpenApiDocument_IsPublished()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadAsStringAsync();
        Assert.Contains("/connect/token", document);
        Assert.Contains("/api/v1/certificates", document);
        Assert.Contains("/api/v1/verify/{token}", document);
        Assert.Contains("/api/v1/audit/verify", document);
        Assert.Contains("居民身份证", document);
        Assert.Contains("causes.manner", document);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-docs")).StatusCode);
    }
}
