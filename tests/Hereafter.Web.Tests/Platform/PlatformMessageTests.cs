using System.Net;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Platform;

/// <summary>Platform problems are said through the catalogue: Chinese by default, English when asked, with their code.</summary>
public sealed class PlatformMessageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task OutboxSupervision_RefusedToAHospital_InChineseByDefault_AndEnglishWhenAsked()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");

        var chinese = await hospital.GetAsync("/api/v1/supervision/outbox");
        Assert.Equal(HttpStatusCode.Forbidden, chinese.StatusCode);
        var body = await chinese.JsonAsync();
        Assert.Equal("只有民政监管人员可以查看集成事件的状态", body.GetProperty("detail").GetString());
        Assert.Equal("platform.outbox.supervisor-only", body.GetProperty("code").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/supervision/outbox");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await hospital.SendAsync(request)).JsonAsync();
        Assert.Equal("Only the civil-affairs supervisor sees the state of integration events.", english.GetProperty("detail").GetString());
        Assert.Equal("platform.outbox.supervisor-only", english.GetProperty("code").GetString());
    }
}
