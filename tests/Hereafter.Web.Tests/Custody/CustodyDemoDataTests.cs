using Hereafter.Web.Modules.Custody;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;

namespace Hereafter.Web.Tests.Custody;

/// <summary>The Development demo has custody records at several states, so the pages and the site crawl have content.</summary>
public sealed class CustodyDemoDataTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task Demo_HasARecordOverTheLimit_OneCremated_AndOnePlacedAtTheDemoCemetery_WithTheirEvents()
    {
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var items = await CustodyListTests.ItemsAsync(bureau, "");
        var demo = items.Where(i => i.GetProperty("funeralHome").GetString() == "贵阳市殡仪馆" && !i.GetProperty("maskedName").GetString()!.StartsWith('测')).ToList();
        Assert.Contains(demo, i => i.GetProperty("state").GetString() == "in-storage" && i.GetProperty("overdue").GetString() == "over-storage-limit");
        Assert.Contains(demo, i => i.GetProperty("state").GetString() == "cremated");
        Assert.Contains(demo, i => i.GetProperty("state").GetString() == "placed" && i.GetProperty("placementInstitution").GetString() == "景云山公墓");

        var zhang = DemoData.IdFor("520102", new DateOnly(1935, 1, 20), 53);
        await bureau.WaitForEventAsync(zhang, "custody.placed");
        var li = DemoData.IdFor("520103", new DateOnly(1938, 9, 2), 242);
        await (await factory.ClientForAsync("demo-police")).WaitForEventAsync(li, "custody.cremated");
    }

    [Fact]
    public async Task Demo_IsSeededOnce()
    {
        await factory.Services.SeedCustodyDemoAsync();
        var items = await CustodyListTests.ItemsAsync(await factory.ClientForAsync("demo-civil-affairs"), "state=placed");
        Assert.Single(items, i => i.GetProperty("placementInstitution").GetString() == "景云山公墓" && i.GetProperty("maskedName").GetString()!.StartsWith('张'));
    }
}
