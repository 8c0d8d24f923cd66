using Hereafter.Domain.Custody;
using Hereafter.Domain.Time;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Custody;

/// <summary>火化证明 numbers: one series per funeral home and China year of issue; concurrent issues never share a number.</summary>
public sealed class CremationCertificateNumberTests
{
    [Fact]
    public async Task TheSeries_IsPerFuneralHome_AndRestartsAtChinaMidnightOfNewYear()
    {
        // 23:30 on 31 December in Guiyang is 15:30 UTC.
        using var factory = new FakeClockFactory(ChinaTime.At(new DateOnly(2026, 12, 31), new TimeOnly(23, 30)).ToUniversalTime());
        var gy = await factory.ClientForAsync("demo-funeral-home");
        var wudang = await factory.ClientForAsync("demo-funeral-home-2");

        var first = await gy.IssueCremationCertificateAsync((await factory.RecordAtAsync(CustodyState.Cremated)).CustodyId);
        var second = await gy.IssueCremationCertificateAsync((await factory.RecordAtAsync(CustodyState.Cremated)).CustodyId);
        var otherHome = await wudang.IssueCremationCertificateAsync((await factory.RecordAtAsync(CustodyState.Cremated, funeralHomeCode: "wudang-funeral-home")).CustodyId);
        // Demo data may have used the first numbers of the year: the series goes on from there, one by one.
        Assert.StartsWith("GY-FUNERAL-HOME-2026-", first);
        Assert.Equal(Serial(first) + 1, Serial(second));
        Assert.StartsWith("WUDANG-FUNERAL-HOME-2026-", otherHome);

        // 00:30 on 1 January China time (still 31 December in UTC): the 2027 series.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var newYear = await gy.IssueCremationCertificateAsync((await factory.RecordAtAsync(CustodyState.Cremated)).CustodyId);
        Assert.Equal("GY-FUNERAL-HOME-2027-000001", newYear);
    }

    [Fact]
    public async Task ConcurrentIssues_GetDistinctConsecutiveNumbers_AndOnePerRecord()
    {
        using var factory = new HereafterFactory();
        var records = new List<Guid>();
        for (var i = 0; i < 5; i++) records.Add((await factory.RecordAtAsync(CustodyState.Cremated)).CustodyId);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++) clients.Add(await factory.ClientForAsync("demo-funeral-home"));
        // 20 tries: 4 per record, all at once.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => clients[i % 4].PostAsync($"/api/v1/custody/{records[i % 5]}/cremation-certificate", null)));
        Assert.Equal(5, responses.Count(r => r.IsSuccessStatusCode));
        Assert.All(responses.Where(r => !r.IsSuccessStatusCode), r => Assert.Equal(System.Net.HttpStatusCode.Conflict, r.StatusCode));
        var numbers = new List<string>();
        foreach (var r in responses.Where(r => r.IsSuccessStatusCode)) numbers.Add((await r.JsonAsync()).GetProperty("number").GetString()!);
        var year = ChinaTime.ToChina(DateTimeOffset.UtcNow).Year;
        Assert.All(numbers, n => Assert.StartsWith($"GY-FUNERAL-HOME-{year}-", n));
        var serials = numbers.Select(Serial).Order().ToList();
        Assert.Equal(Enumerable.Range(serials[0], 5), serials);
    }

    private static int Serial(string number) => int.Parse(number[(number.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
