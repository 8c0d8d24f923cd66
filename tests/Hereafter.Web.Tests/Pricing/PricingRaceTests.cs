using System.Net;
using System.Net.Http.Json;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Pricing;

/// <summary>
/// Twenty supervisors deciding one price change or closing one warning at once: one 2xx, nineteen 409, and the
/// price history gets at most one row. Runs on both databases; the PostgreSQL run has real parallelism.
/// </summary>
public sealed class PricingRaceTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const int Supervisors = 20;
    private static readonly DateOnly Today = PricingTestHelpers.Today;

    private static void AssertOneWinner(HttpResponseMessage[] answers)
    {
        var codes = answers.Select(a => a.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.OK));
        Assert.Equal(Supervisors - 1, codes.Count(c => c == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task TwentyConcurrentApprovalsAndRejections_OneDecides_HistoryGetsAtMostOneRow()
    {
        var shop = await factory.InstitutionAsync("huimin-service-shop");
        var wreath = (await factory.CreateClient().PriceListAsync(shop)).Item("goods.wreath");
        var historyBefore = (await (await factory.CreateClient().GetAsync($"/api/v1/price-items/{wreath.Id()}/history")).JsonAsync()).GetArrayLength();
        var id = await (await factory.ClientForAsync("demo-service-shop")).ProposeOkAsync(shop, wreath.Id(), 95m, Today.AddDays(5));
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var answers = await Task.WhenAll(Enumerable.Range(0, Supervisors).Select(n => n % 2 == 0
            ? bureau.PostAsync($"/api/v1/price-changes/{id}/approval", null)
            : bureau.PostAsJsonAsync($"/api/v1/price-changes/{id}/rejection", new { reason = $"驳回 {n}" })));

        AssertOneWinner(answers);
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).JsonAsync();
        var stored = await (await bureau.GetAsync($"/api/v1/price-changes/{id}")).JsonAsync();
        Assert.Equal(winner.GetProperty("status").GetString(), stored.GetProperty("status").GetString());
        var historyAfter = (await (await factory.CreateClient().GetAsync($"/api/v1/price-items/{wreath.Id()}/history")).JsonAsync()).GetArrayLength();
        Assert.Equal(historyBefore + (stored.GetProperty("status").GetString() == "approved" ? 1 : 0), historyAfter);
    }

    [Fact]
    public async Task TwentyConcurrentCloses_OfOneWarning_OneCloses()
    {
        var columbarium = await factory.InstitutionAsync("yongan-columbarium");
        var urn = (await factory.CreateClient().PriceListAsync(columbarium)).Item("goods.urn-basic"); // range 200–500
        var created = await (await (await factory.ClientForAsync("demo-columbarium")).ProposeAsync(columbarium, urn.Id(), 690m, Today.AddDays(6), "改用青花瓷骨灰盒"))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var warningId = created.GetProperty("warningIds")[0].GetGuid();
        var bureau = await factory.ClientForAsync("demo-civil-affairs");

        var answers = await Task.WhenAll(Enumerable.Range(0, Supervisors).Select(n =>
            bureau.PostAsJsonAsync($"/api/v1/price-warnings/{warningId}/closure", new { note = $"已核实 {n}" })));

        AssertOneWinner(answers);
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).JsonAsync();
        var stored = await (await bureau.GetAsync($"/api/v1/price-warnings/{warningId}")).JsonAsync();
        Assert.Equal("closed", stored.GetProperty("status").GetString());
        Assert.Equal(winner.GetProperty("closeNote").GetString(), stored.GetProperty("closeNote").GetString());
    }
}
