using System.Net.Http.Json;
using System.Text.Json;

namespace Hereafter.Bench;

/// <summary>
/// The public price list page of one institution (static SSR, what a phone in the city opens) against the bare
/// <c>/health</c> endpoint, with the same load generator, connections and duration, one after the other in the same
/// process. The institution is the one with the longest list in the demo data, so the page is the heaviest one.
/// </summary>
internal static class Prices
{
    public static async Task<int> RunAsync(Options o)
    {
        if (Scenarios.ChooseWrk(o) is not { } useWrk) return 2;

        using var counters = new ProcessCounters();
        using var host = new BenchHost(o.Postgres);
        var baseUrl = host.BaseUrl;
        Console.WriteLine($"host: {baseUrl}, {host.DatabaseDescription}, Development (demo data seeded), logging Warning");

        string path;
        using (var probe = new HttpClient { BaseAddress = new Uri(baseUrl) })
        {
            var lists = await probe.GetFromJsonAsync<JsonElement>("/api/v1/price-lists");
            var (id, name, items) = (Guid.Empty, "", -1);
            foreach (var summary in lists.EnumerateArray())
            {
                var candidate = summary.GetProperty("institutionId").GetGuid();
                var list = await probe.GetFromJsonAsync<JsonElement>($"/api/v1/price-lists/{candidate}");
                var count = list.GetProperty("items").GetArrayLength();
                if (count > items) (id, name, items) = (candidate, summary.GetProperty("name").GetString() ?? "", count);
            }
            if (items < 0) { Console.WriteLine("FAILED: no institution publishes a price list"); return 1; }
            path = $"/prices/{id}";
            var page = await probe.GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            Console.WriteLine($"page probe: {path} ({name}, {items} items): {(int)page.StatusCode}, {html.Length} characters, " +
                              $"cache {(page.Headers.Age is null ? "miss" : "hit")}");
            if (!page.IsSuccessStatusCode || !html.Contains("12358", StringComparison.Ordinal) || !html.Contains(name, StringComparison.Ordinal))
            {
                Console.WriteLine("page probe: expected 200 with the institution's name and the complaint line 12358");
                return 1;
            }
        }

        var warmUp = TimeSpan.FromSeconds(o.WarmUp);
        var duration = TimeSpan.FromSeconds(o.Seconds);
        var generator = useWrk ? $"wrk ({WrkLoad.DefaultPath}, separate process)" : "in-process HttpClient generator";
        var whose = useWrk ? "server only; wrk is another process" : "server + load generator";
        Console.WriteLine($"load: {generator}, {o.Connections} connections, {o.WarmUp:F0} s warm-up then {o.Seconds:F0} s measured per endpoint");
        var prices = await Scenarios.LoadAsync(useWrk, $"prices GET {path}", baseUrl, [path], o.Connections, warmUp, duration, counters);
        Console.WriteLine(prices.Description);
        Console.WriteLine($"  process during prices ({whose}, measured window): {prices.Counters}");
        var bare = await Scenarios.LoadAsync(useWrk, "bare GET /health", baseUrl, ["/health"], o.Connections, warmUp, duration, counters);
        Console.WriteLine(bare.Description);
        Console.WriteLine($"  process during bare ({whose}, measured window): {bare.Counters}");

        var problems = prices.Problems + bare.Problems;
        if (problems > 0) Console.WriteLine($"FAILED: {problems} requests were not answered 2xx (non-2xx answers and socket errors)");
        Console.WriteLine($"prices: {prices.RequestsPerSecond:F0} req/s, bare: {bare.RequestsPerSecond:F0} req/s, " +
                          $"ratio {prices.RequestsPerSecond / bare.RequestsPerSecond:F2}");
        return problems > 0 ? 1 : 0;
    }
}
