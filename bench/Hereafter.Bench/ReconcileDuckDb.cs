using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace Hereafter.Bench;

/// <summary>
/// The peer: DuckDB doing issue #4's classification in SQL on the same files, with DuckDB's defaults (threads = cores,
/// memory_limit = 80 % of RAM, in-memory database, insertion order preserved). It writes the same kind of output as the
/// engine's <c>ResultFilesSink</c>: stops.csv, review.csv, rejected.csv in input order, plus the summary figures.
/// </summary>
public static class ReconcileDuckDb
{
    // GB 11643 weights for the first 17 digits; check character = "10X98765432"[sum % 11].
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static RunResult Run(string deathsPath, string rollPath, string outDir, Action<string> log)
    {
        using var conn = new DuckDBConnection("Data Source=:memory:");
        conn.Open();
        var settings = Scalar(conn, "SELECT current_setting('threads') || ' threads, memory_limit ' || current_setting('memory_limit') || ', version ' || version()");
        log($"duckdb: {settings}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (name, sql) in Script(deathsPath, rollPath, outDir))
        {
            var step = System.Diagnostics.Stopwatch.StartNew();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
            log($"duckdb: {name} {step.Elapsed.TotalSeconds:F2} s");
        }
        using var q = conn.CreateCommand();
        q.CommandText = """
            SELECT (SELECT count(*) FROM roll) + (SELECT count(*) FROM short_rows),
                   (SELECT count(*) FROM matched WHERE cls = 'exact'),
                   (SELECT count(*) FROM matched WHERE cls = 'a'),
                   (SELECT count(*) FROM matched WHERE cls = 'b'),
                   (SELECT count(*) FROM matched WHERE cls = 'c'),
                   (SELECT count(*) FROM roll WHERE reason IS NOT NULL) + (SELECT count(*) FROM short_rows),
                   (SELECT coalesce(sum(overpaid_months), 0)::BIGINT FROM stops WHERE cls = 'exact'),
                   (SELECT coalesce(sum(overpaid_amount), 0) FROM stops WHERE cls = 'exact')::VARCHAR,
                   ((SELECT count(*) FROM deaths_all) - (SELECT count(*) FROM deaths))::BIGINT
            """;
        using var r = q.ExecuteReader();
        r.Read();
        var rows = Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture);
        long L(int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
        var (exact, a, b, c, rejected) = (L(1), L(2), L(3), L(4), L(5));
        var result = new RunResult("duckdb", clock.Elapsed.TotalSeconds, 0, rows, exact, a, b, c, rejected, rows - exact - a - b - c - rejected,
            L(6), decimal.Parse(r.GetString(7), CultureInfo.InvariantCulture), L(8));
        return result;
    }

    private static string Scalar(DuckDBConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static string Lit(string s) => "'" + s.Replace("'", "''") + "'";

    public static IEnumerable<(string Name, string Sql)> Script(string deathsPath, string rollPath, string outDir)
    {
        var fullWidth = new string(Enumerable.Range(0xFF01, 94).Select(i => (char)i).ToArray());
        var ascii = new string(Enumerable.Range(0x21, 94).Select(i => (char)i).ToArray());
        var fullLatin = new string(Enumerable.Range(0xFF21, 26).Concat(Enumerable.Range(0xFF41, 26)).Select(i => (char)i).ToArray());
        var asciiLatin = new string(Enumerable.Range('A', 26).Concat(Enumerable.Range('a', 26)).Select(i => (char)i).ToArray());
        var sum = string.Join(" + ", Weights.Select((w, i) => $"CAST(substr(b, {i + 1}, 1) AS INTEGER) * {w}"));
        // No sniffing (rows with too few columns mislead it): the dialect and columns are given, every value read as text.
        // Rows with too few columns go to DuckDB's reject_errors table (store_rejects) rather than being padded with
        // NULLs: null_padding makes the parallel reader refuse some files ("does not support a full read").
        const string csv = "auto_detect = false, header = true, delim = ',', quote = '\"', escape = '\"', strict_mode = false, store_rejects = true";

        // DuckDB's translate() costs microseconds a call (it rebuilds its map each time), so it runs only on the
        // values that can need it: non-ASCII IDs, names holding a full-width Latin letter. That is what a careful
        // SQL author would write; without it DuckDB spends most of its time there.
        // Rule 1: IDs lose whitespace (U+3000 too) and hyphens, full-width forms become ASCII, x becomes X,
        // 15 digits become 18 with the century 19 and a computed check character.
        yield return ("macros", $$"""
            CREATE MACRO check_char(b) AS substr('10X98765432', ({{sum}}) % 11 + 1, 1);
            CREATE MACRO ascii_only(s) AS strlen(s) = length(s);
            CREATE MACRO id_clean(s) AS upper(CASE WHEN ascii_only(s) THEN s ELSE translate(s, {{Lit(fullWidth)}}, {{Lit(ascii)}}) END);
            CREATE MACRO id_strip(s) AS regexp_replace(coalesce(s, ''), '[\s\x{00A0}\x{3000}-]', '', 'g');
            CREATE MACRO id18(s) AS CASE WHEN regexp_full_match(s, '[0-9]{15}')
                THEN substr(s, 1, 6) || '19' || substr(s, 7, 9) || check_char(substr(s, 1, 6) || '19' || substr(s, 7, 9)) ELSE s END;
            CREATE MACRO nid(s) AS id18(id_clean(id_strip(s)));
            CREATE MACRO name_strip(s) AS regexp_replace(coalesce(s, ''), '[\s\x{00A0}\x{3000}·・•‧･]', '', 'g');
            CREATE MACRO nname(s) AS lower(CASE WHEN regexp_matches(s, '[\x{FF21}-\x{FF3A}\x{FF41}-\x{FF5A}]')
                THEN translate(name_strip(s), {{Lit(fullLatin)}}, {{Lit(asciiLatin)}}) ELSE name_strip(s) END);
            CREATE MACRO valid_id(s) AS regexp_full_match(s, '[0-9]{17}[0-9X]');
            CREATE MACRO as_date(s) AS try_strptime(s, ['%Y-%m-%d', '%Y/%m/%d', '%Y%m%d'])::DATE;
            CREATE MACRO near(x, y) AS hamming(x, y) = 1 OR (hamming(x, y) = 2 AND damerau_levenshtein(x, y) = 1);
            CREATE MACRO month_text(m) AS printf('%04d-%02d', m // 12, m % 12 + 1);
            """);

        // The register: the first valid record of each ID (an ID of 17 digits and a digit or X with the right check
        // character — the engine's reading of "an invalid ID" for the register — and a death date that parses).
        yield return ("deaths", $$"""
            CREATE TABLE deaths_all AS
            SELECT row_number() OVER () + 1 AS rn, nid(id_number) AS id, nname(name) AS nm, name, birth_date,
                   as_date(death_date) AS dd
            FROM read_csv({{Lit(deathsPath)}}, {{csv}},
                columns = {'id_number': 'VARCHAR', 'name': 'VARCHAR', 'birth_date': 'VARCHAR', 'death_date': 'VARCHAR'});
            CREATE TABLE deaths AS
            SELECT rn, id, nm, name, dd, year(dd) * 12 + month(dd) - 1 AS dm,
                   coalesce(as_date(birth_date), try_strptime(substr(id, 7, 8), '%Y%m%d')::DATE) AS bd
            FROM deaths_all WHERE valid_id(id) AND check_char(substr(id, 1, 17)) = substr(id, 18, 1) AND dd IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY id ORDER BY rn) = 1;
            """);

        // Rule 2: reject rows with too few columns (reject_errors, one line per missing column, so distinct by the
        // line's byte position), a bad ID, amount or month. Row numbers of read rows count records from 2 (DuckDB's reader
        // skips blank lines and has no line numbers); short rows carry reject_errors' line.
        // DuckDB 1.5.6's parallel CSV reader returned one row twice on this generated roll (10M rows, LF and CRLF mixed)
        // where a 32,000,000-byte buffer boundary fell between a row's \r and \n (the row after it, at byte 512,000,001,
        // came out twice; no error, nothing in reject_errors). So the roll is parsed by one thread into a table and
        // everything after that, normalisation included, runs in parallel on the table.
        yield return ("roll read (serial)", $$"""
            CREATE TABLE roll_raw AS
            SELECT row_number() OVER () + 1 AS rn, *
            FROM read_csv({{Lit(rollPath)}}, {{csv}}, parallel = false,
                columns = {'id_number': 'VARCHAR', 'name': 'VARCHAR', 'birth_date': 'VARCHAR', 'monthly_amount': 'VARCHAR',
                           'paid_through': 'VARCHAR', 'program': 'VARCHAR', 'account': 'VARCHAR'});
            """);
        yield return ("roll", $$"""
            CREATE TABLE roll AS
            WITH raw AS (
                SELECT rn, nid(id_number) AS id, name, birth_date, monthly_amount AS a, paid_through AS p, program, account FROM roll_raw)
            SELECT rn, id, nname(name) AS nm, name, program, account,
                   CASE WHEN NOT valid_id(id) THEN 'bad id'
                        WHEN a IS NULL OR NOT regexp_full_match(a, '([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]{1,2})?') THEN 'bad amount'
                        WHEN p IS NULL OR NOT regexp_full_match(p, '[0-9]{4}[-/]?(0[1-9]|1[0-2])') THEN 'bad month'
                   END AS reason,
                   TRY_CAST(replace(a, ',', '') AS DECIMAL(18, 2)) AS amount,
                   TRY_CAST(substr(p, 1, 4) AS INTEGER) * 12 + TRY_CAST(right(p, 2) AS INTEGER) - 1 AS pt,
                   coalesce(as_date(birth_date), try_strptime(substr(id, 7, 8), '%Y%m%d')::DATE) AS bd
            FROM raw;
            CREATE TABLE short_rows AS
            SELECT line_byte_position, min(line) AS line, 'too few columns: ' || min(error_type) AS reason
            FROM reject_errors GROUP BY line_byte_position;
            DROP TABLE roll_raw;
            """);

        // Rules 3–4: exact / (a) on the ID; (b) same name, one change or adjacent swap (such IDs share the first 8 or
        // the last 9 characters, so two equi-joins find every candidate); (c) same name and birth date.
        yield return ("match", """
            CREATE TABLE matched AS
            WITH ok AS (SELECT rn, id, nm, bd FROM roll WHERE reason IS NULL),
            ex AS (SELECT ok.rn, d.rn AS drn, CASE WHEN ok.nm = d.nm THEN 'exact' ELSE 'a' END AS cls FROM ok JOIN deaths d ON ok.id = d.id),
            rest AS (SELECT * FROM ok ANTI JOIN deaths d ON ok.id = d.id),
            near_any AS (
                SELECT r.rn, d.rn AS drn FROM rest r JOIN deaths d ON r.nm = d.nm AND substr(r.id, 1, 8) = substr(d.id, 1, 8) WHERE near(r.id, d.id)
                UNION ALL
                SELECT r.rn, d.rn AS drn FROM rest r JOIN deaths d ON r.nm = d.nm AND substr(r.id, 10) = substr(d.id, 10) WHERE near(r.id, d.id)),
            b AS (SELECT rn, min(drn) AS drn, 'b' AS cls FROM near_any GROUP BY rn),
            c AS (SELECT r.rn, min(d.rn) AS drn, 'c' AS cls FROM (SELECT * FROM rest ANTI JOIN b ON rest.rn = b.rn) r
                  JOIN deaths d ON r.nm = d.nm AND r.bd = d.bd GROUP BY r.rn)
            SELECT * FROM ex UNION ALL SELECT * FROM b UNION ALL SELECT * FROM c;
            """);

        // Overpayment: stop from the month after the month of death; overpaid months = max(0, paid through − death month).
        yield return ("terms", """
            CREATE TABLE stops AS
            SELECT m.rn, m.cls, r.id, r.name, r.program, r.account, r.amount, r.pt, d.id AS death_id, d.name AS death_name, d.dd,
                   d.dm + 1 AS stop_from, greatest(0, r.pt - d.dm) AS overpaid_months, greatest(0, r.pt - d.dm) * r.amount AS overpaid_amount
            FROM matched m JOIN roll r ON r.rn = m.rn JOIN deaths d ON d.rn = m.drn;
            """);

        // The same columns as the engine's ResultFilesSink (stops.csv, review.csv, rejected.csv), in input order.
        var o = (string f) => Lit(Path.Combine(outDir, f));
        yield return ("write", $$"""
            COPY (SELECT rn AS row, id AS id_number, trim(name) AS name, program, account, amount AS monthly_amount, month_text(pt) AS paid_through,
                         dd AS death_date, month_text(stop_from) AS stop_from, overpaid_months, overpaid_amount,
                         check_char(substr(id, 1, 17)) <> substr(id, 18, 1) AS suspect_id
                  FROM stops WHERE cls = 'exact' ORDER BY rn) TO {{o("stops.csv")}} (HEADER);
            COPY (SELECT rn AS row, CASE cls WHEN 'a' THEN 'id-match-name-differs' WHEN 'b' THEN 'id-near-match' ELSE 'name-and-birth-date' END AS reason,
                         id AS id_number, trim(name) AS name, program, account, amount AS monthly_amount, month_text(pt) AS paid_through,
                         check_char(substr(id, 1, 17)) <> substr(id, 18, 1) AS suspect_id,
                         death_id AS candidate_id_number, death_name AS candidate_name, dd AS candidate_death_date,
                         month_text(stop_from) AS stop_from, overpaid_months, overpaid_amount
                  FROM stops WHERE cls <> 'exact' ORDER BY rn) TO {{o("review.csv")}} (HEADER);
            COPY (SELECT row, reason FROM (SELECT rn AS row, reason FROM roll WHERE reason IS NOT NULL UNION ALL SELECT line, reason FROM short_rows)
                  ORDER BY row) TO {{o("rejected.csv")}} (HEADER);
            COPY (SELECT account, CASE cls WHEN 'exact' THEN 'exact' ELSE 'review-' || cls END AS class FROM stops) TO {{o("check.csv")}} (HEADER);
            """);
    }
}
