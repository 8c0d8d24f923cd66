using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Time;
using Hereafter.Web.Platform.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hereafter.Bench;

/// <summary>
/// The Qingming rush (预约祭扫): <c>--attempts</c> distinct citizens (20,000) press "book" on <c>--places</c> places
/// (2,000: 20 slots of one day at 景云山公墓) over HTTP, <c>--connections</c> at a time, on PostgreSQL; then the
/// database is asked whether any slot holds more people or cars than its capacity. The peer is a prepared single-row
/// INSERT of the same row into a twin of the bookings table, on the same database in the same run (<see cref="BookingPeer"/>).
/// Last line: <c>booking: &lt;b&gt; attempts/s, raw insert: &lt;r&gt; rows/s, p99 &lt;ms&gt; ms, overbooked &lt;n&gt;, ratio &lt;b/r&gt;</c>.
/// </summary>
internal static class Booking
{
    public const string PostgresVariable = "HEREAFTER_TEST_POSTGRES";
    private const string Site = "jingyunshan-cemetery";
    private const string SiteClient = "demo-cemetery";
    private const int Slots = 20;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(Options o)
    {
        try
        {
            return await RunScenarioAsync(o);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"FAILED: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunScenarioAsync(Options o)
    {
        var server = o.Postgres ?? Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.WriteLine($"booking: {PostgresVariable} is not set. The booking benchmark runs on PostgreSQL only: set it to a server " +
                              "connection string, e.g. \"Host=127.0.0.1;Port=5432;Username=hereafter;Password=hereafter;Database=postgres\" " +
                              "(a database of its own is created there and dropped at the end).");
            return 2;
        }
        var attempts = o.Attempts ?? 20_000;
        var places = o.Places ?? 2_000;
        if (places % Slots != 0 || places / Slots < 10) { Console.WriteLine($"--places must be a multiple of {Slots} and at least {Slots * 10}."); return 2; }
        if (attempts > BookingCitizens.Capacity) { Console.WriteLine($"--attempts: at most {BookingCitizens.Capacity}."); return 2; }
        var connections = o.Connections;
        var warmAttempts = Math.Min(2_000, Math.Max(200, attempts / 10));

        Console.WriteLine($"load average (1, 5, 15 min): {LoadAverage()}");
        using var counters = new ProcessCounters();
        using var dbTime = new BookingDbTime();
        using var host = new BenchHost(server);
        var baseUrl = host.BaseUrl;
        var appDatabase = host.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Postgres"]
            ?? throw new InvalidOperationException("The host has no PostgreSQL connection string.");
        Console.WriteLine($"host: {baseUrl}, {host.DatabaseDescription} on {new NpgsqlConnectionStringBuilder(server).Host}, " +
                          $"Development (demo data seeded), logging Warning; {await ServerSettingsAsync(appDatabase)}");

        // Setup, not measured: every citizen signs in through the demo identity provider (authorization code + PKCE).
        var signIn = await BookingCitizens.SignInAsync(baseUrl, attempts, parallel: 16, counters);
        Console.WriteLine($"sign-in (setup, not measured): {attempts} citizens in {signIn.Seconds:F1} s ({attempts / signIn.Seconds:F0}/s, " +
                          $"{signIn.Parallel} at a time; authorize, sign-in page, form post, authorize, token: 5 requests each)");
        Console.WriteLine($"  process during sign-in: {signIn.Counters}; {signIn.Steps}");

        // Two days at the site, opened an hour ago: a small warm-up day and the measured day, each 20 slots.
        var site = await SiteIdAsync(appDatabase);
        var perSlot = places / Slots;
        var carsPerSlot = perSlot / 10;
        using var staff = await SiteClientAsync(baseUrl);
        // Three weeks ahead, clear of the demo data's days (today, +1, +2, +7 and Qingming).
        var (warmDate, warmSlots) = await PublishAsync(staff, site, ChinaTime.Today(TimeProvider.System).AddDays(21), perSlot / 10, 1);
        var (date, slots) = await PublishAsync(staff, site, warmDate.AddDays(1), perSlot, carsPerSlot);
        Console.WriteLine($"days: {date:yyyy-MM-dd} at {Site} ({site}), {Slots} slots × {perSlot} people and {carsPerSlot} cars, party limit 4, " +
                          $"opened an hour ago; warm-up day {warmDate:yyyy-MM-dd}, {Slots} slots × {perSlot / 10} people and 1 car");

        // Citizen i tries slot i mod 20 with a party of 1; every fifth of a slot's citizens comes by car (cars run out before people).
        var attemptsOf = (IReadOnlyList<Guid> daySlots, int count) => Enumerable.Range(0, count).Select(i => new BookingLoad.Attempt(i,
            signIn.AccessTokens[i], JsonSerializer.SerializeToUtf8Bytes(new { slotId = daySlots[i % Slots], partySize = 1, carPlate = Plate(i) }, Web),
            Guid.NewGuid().ToString())).ToArray();
        var warmList = attemptsOf(warmSlots, warmAttempts);
        var measuredList = attemptsOf(slots, attempts);

        using var client = BookingLoad.Client(baseUrl, connections);
        var warm = await BookingLoad.RunAsync(client, warmList, connections, counters);
        Console.WriteLine(warm.Describe("warm-up (not measured)"));
        if (warm.Count(201) == 0 || warm.Unexpected > 0)
        {
            Console.WriteLine($"FAILED: the warm-up booked nothing or got unexpected answers ({warm.Problems.Count} problems)");
            foreach (var p in warm.Problems.Take(5)) Console.WriteLine($"  {p}");
            foreach (var (detail, n) in warm.RefusalDetails) Console.WriteLine($"  409 × {n}: {detail}");
            return 1;
        }

        // The peer, before the measured run: rows like the run's bookings (real pass tokens of the warm-up), same concurrency.
        await BookingPeer.CreateTablesAsync(appDatabase);
        var passTokens = warm.PassTokens.OfType<string>().ToArray();
        var peerRows = (int first, int count, DateOnly day) => Enumerable.Range(first, count).Select(i =>
        {
            var citizen = DemoCitizens.ForIdNumber(BookingCitizens.IdNumber(i % BookingCitizens.Capacity))!;
            return new BookingPeer.Row(slots[i % Slots], site, day, citizen.Subject, citizen.Name, citizen.IdNumber, citizen.Phone,
                Plate(i), Guid.NewGuid().ToString(), passTokens[i % passTokens.Length]);
        }).ToArray();
        Console.WriteLine($"peer table {BookingPeer.Indexed} (LIKE memorial_bookings INCLUDING ALL, + its foreign key):");
        foreach (var line in await BookingPeer.DescribeAsync(appDatabase, BookingPeer.Indexed)) Console.WriteLine($"  {line}");
        // The app's idle pooled connections are closed first: with max_connections 100 both pools at full size do not fit.
        Console.WriteLine($"database connections before the peer: {await ReleaseAppConnectionsAsync(appDatabase)}");
        await BookingPeer.InsertAsync(appDatabase, BookingPeer.Indexed, peerRows(0, warmAttempts, warmDate), connections); // warm-up
        var peerWaits = BookingWaits.Start(appDatabase);
        var beforePeer = counters.Take();
        var peerBefore = await BookingPeer.InsertAsync(appDatabase, BookingPeer.Indexed, peerRows(0, attempts, date), connections);
        Console.WriteLine($"raw insert (peer, before the run) {peerBefore.Describe()}");
        Console.WriteLine($"  process during the peer (its Npgsql client only): {counters.Take().Since(beforePeer, attempts)}");
        Console.WriteLine($"  database sessions during the peer: {await peerWaits.StopAsync()}");

        // The app's pool open again before the clock starts: citizens who got no place in the warm-up try again (all 409).
        var rewarm = await BookingLoad.RunAsync(client, attemptsOf(warmSlots, Math.Min(attempts, 2 * warmAttempts))[warmAttempts..], connections, counters);
        Console.WriteLine(rewarm.Describe("re-warm (not measured)"));

        // The measured rush.
        Console.WriteLine($"load average before the rush: {LoadAverage()}");
        dbTime.Reset();
        var runWaits = BookingWaits.Start(appDatabase);
        var run = await BookingLoad.RunAsync(client, measuredList, connections, counters);
        var waits = await runWaits.StopAsync();
        Console.WriteLine(run.Describe("booking POST /api/v1/memorial/bookings"));
        Console.WriteLine($"  load average after the rush: {LoadAverage()}");
        Console.WriteLine($"  process during the run (server + load generator, same process): {run.Counters}");
        Console.WriteLine($"  the app's database time: {dbTime.Describe(run.Attempts)}");
        Console.WriteLine($"  database sessions during the run: {waits}");
        foreach (var (detail, n) in run.RefusalDetails.OrderByDescending(d => d.Value)) Console.WriteLine($"  409 × {n}: {detail}");
        foreach (var p in run.Problems.Take(5)) Console.WriteLine($"  problem: {p}");

        Console.WriteLine($"database connections before the peer: {await ReleaseAppConnectionsAsync(appDatabase)}");
        // The peer again, after the run (new dates, so the unique indexes accept the same citizens): the better one counts.
        var peerAfter = await BookingPeer.InsertAsync(appDatabase, BookingPeer.Indexed, peerRows(0, attempts, date.AddDays(1)), connections);
        Console.WriteLine($"raw insert (peer, after the run) {peerAfter.Describe()}");
        var plain = await BookingPeer.InsertAsync(appDatabase, BookingPeer.Plain, peerRows(0, attempts, date), connections);
        Console.WriteLine($"insert ceiling (context only, not the ratio's peer) {plain.Describe()}");
        var peer = Math.Max(peerBefore.RowsPerSecond, peerAfter.RowsPerSecond);

        // What the database holds afterwards.
        var check = await CheckAsync(appDatabase, slots, run);
        foreach (var line in check.Lines) Console.WriteLine(line);

        var failed = run.Unexpected > 0 || check.Failed;
        if (failed) Console.WriteLine("FAILED: see above");
        Console.WriteLine($"booking: {run.AttemptsPerSecond:F0} attempts/s, raw insert: {peer:F0} rows/s, p99 {run.All.PercentileMilliseconds(99):F2} ms, " +
                          $"overbooked {check.Overbooked}, ratio {run.AttemptsPerSecond / peer:F2}");
        return failed ? 1 : 0;
    }

    /// <summary>Every fifth citizen of each slot's queue comes by car (citizen i tries slot i mod 20).</summary>
    private static string? Plate(int i) => i / Slots % 5 == 4 ? $"贵A{i % 100_000:D5}" : null;

    private sealed record Check(int Overbooked, bool Failed, IReadOnlyList<string> Lines);

    /// <summary>
    /// Counts, from the bookings table, the people and cars of every slot of the day against its capacity; compares the
    /// slot's counters with its bookings; and the bookings with the 201s: none lost (answered 201, not stored), none unseen
    /// (stored, but the citizen was told 409), no citizen twice.
    /// </summary>
    private static async Task<Check> CheckAsync(string database, IReadOnlyList<Guid> slots, BookingLoad.Result run)
    {
        var lines = new List<string>();
        var failed = false;
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        var (overPeople, overCars, mismatched, booked, capacity, bookings) = (0, 0, 0, 0, 0, 0);
        await using (var cmd = new NpgsqlCommand(
            """
            SELECT s."People", s."Cars", s."GeneralBooked" + s."RecentBooked", s."CarsBooked",
                   coalesce(sum(b."PartySize") FILTER (WHERE b."CancelledAt" IS NULL), 0)::int,
                   (count(b."CarPlate") FILTER (WHERE b."CancelledAt" IS NULL))::int,
                   (count(b."Id") FILTER (WHERE b."CancelledAt" IS NULL))::int
            FROM memorial_slots s LEFT JOIN memorial_bookings b ON b."SlotId" = s."Id"
            WHERE s."Id" = ANY(@slots)
            GROUP BY s."Id", s."People", s."Cars", s."GeneralBooked", s."RecentBooked", s."CarsBooked"
            """, conn))
        {
            cmd.Parameters.AddWithValue("slots", slots.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (people, cars, counterPeople, counterCars, heads, carCount, n) =
                    (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6));
                overPeople += Math.Max(0, heads - people);
                overCars += Math.Max(0, carCount - cars);
                if (counterPeople != heads || counterCars != carCount) mismatched++;
                booked += heads;
                capacity += people;
                bookings += n;
            }
        }
        var stored = new HashSet<Guid>();
        var twice = 0;
        await using (var cmd = new NpgsqlCommand(
            """
            SELECT "Id" FROM memorial_bookings WHERE "SlotId" = ANY(@slots) AND "CancelledAt" IS NULL;
            SELECT count(*)::int FROM (SELECT 1 FROM memorial_bookings WHERE "SlotId" = ANY(@slots) AND "CancelledAt" IS NULL
                                       GROUP BY "CitizenIdNumber" HAVING count(*) > 1) AS d;
            """, conn))
        {
            cmd.Parameters.AddWithValue("slots", slots.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) stored.Add(reader.GetGuid(0));
            await reader.NextResultAsync();
            if (await reader.ReadAsync()) twice = reader.GetInt32(0);
        }
        var answered = run.BookingIds.OfType<Guid>().ToHashSet();
        var lost = answered.Count(id => !stored.Contains(id));
        var unseen = stored.Count(id => !answered.Contains(id));
        var overbooked = overPeople + overCars;
        lines.Add($"database: {bookings} bookings, {booked} of {capacity} places taken; overbooked {overPeople} people and {overCars} cars beyond capacity " +
                  $"(counted from memorial_bookings per slot); slot counters disagreeing with their bookings: {mismatched} slots");
        lines.Add($"  201 answers {answered.Count}: lost (201 but not stored) {lost}, unseen (stored but not answered 201) {unseen}, citizens with two bookings {twice}");
        if (overbooked > 0 || mismatched > 0 || lost > 0 || unseen > 0 || twice > 0) failed = true;
        if (booked < capacity && run.Count(409) > 0)
            lines.Add($"  note: {capacity - booked} places were left free while {run.Count(409)} attempts were refused (party of 1 each)");
        return new Check(overbooked, failed, lines);
    }

    /// <summary>Closes the idle connections of this process's pools (the app's too); how many sessions the database has before and after.</summary>
    private static async Task<string> ReleaseAppConnectionsAsync(string database)
    {
        async Task<long> CountAsync()
        {
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) - 1 FROM pg_stat_activity WHERE datname = current_database()", conn);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }
        var before = await CountAsync();
        NpgsqlConnection.ClearAllPools();
        await Task.Delay(200);
        return $"{before} open, {await CountAsync()} after closing the idle ones";
    }

    private static async Task<Guid> SiteIdAsync(string database)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT \"Id\" FROM organisations WHERE \"Code\" = @code", conn);
        cmd.Parameters.AddWithValue("code", Site);
        return await cmd.ExecuteScalarAsync() is Guid id ? id : throw new InvalidOperationException($"No organisation {Site} in the demo data.");
    }

    private static async Task<string> ServerSettingsAsync(string database)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT current_setting('server_version') || ', max_connections ' || current_setting('max_connections') || ', synchronous_commit ' || " +
            "current_setting('synchronous_commit') || ', fsync ' || current_setting('fsync') || ', shared_buffers ' || current_setting('shared_buffers')", conn);
        return "PostgreSQL " + (string)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>The site's department system (client credentials), which publishes days.</summary>
    private static async Task<HttpClient> SiteClientAsync(string baseUrl)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, UseProxy = false }) { BaseAddress = new Uri(baseUrl) };
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = SiteClient, ["client_secret"] = DemoData.Secret,
        }));
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"POST /connect/token ({SiteClient}) answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Publishes a day of 20 half-hour slots from 08:00, opened an hour ago, on <paramref name="from"/> or the first later
    /// date the site has not published; that date and the slot ids in order.
    /// </summary>
    private static async Task<(DateOnly Date, IReadOnlyList<Guid> Slots)> PublishAsync(HttpClient staff, Guid site, DateOnly from, int people, int cars)
    {
        for (var date = from; date < from.AddDays(60); date = date.AddDays(1))
            if (await TryPublishAsync(staff, site, date, people, cars) is { } slots) return (date, slots);
        throw new InvalidOperationException($"No free date in the 60 days from {from:yyyy-MM-dd}.");
    }

    private static async Task<IReadOnlyList<Guid>?> TryPublishAsync(HttpClient staff, Guid site, DateOnly date, int people, int cars)
    {
        var slots = Enumerable.Range(0, Slots).Select(s => new
        {
            start = new TimeOnly(8, 0).AddMinutes(30 * s).ToString("HH:mm"), end = new TimeOnly(8, 0).AddMinutes(30 * s + 30).ToString("HH:mm"),
            people, cars,
        }).ToArray();
        var opensAt = DateTimeOffset.UtcNow.AddHours(-1).ToOffset(TimeSpan.FromHours(8));
        using var response = await staff.PostAsJsonAsync($"/api/v1/memorial/sites/{site}/days",
            new { date = date.ToString("yyyy-MM-dd"), opensAt, slots, partyLimit = 4, recentGraveQuota = (int?)null }, Web);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Conflict && body.Contains("memorial.days.already-published", StringComparison.Ordinal)) return null;
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Publishing {date:yyyy-MM-dd} answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("slots").EnumerateArray()
            .OrderBy(s => TimeOnly.Parse(s.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            .Select(s => s.GetProperty("id").GetGuid()).ToArray();
    }

    internal static string LoadAverage()
    {
        try { return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }
}
