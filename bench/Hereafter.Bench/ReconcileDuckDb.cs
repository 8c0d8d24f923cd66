using System.Globalization;
using DuckDB.NET.Data;
using Hereafter.Domain.Reconciliation;

namespace Hereafter.Bench;

/// <summary>
/// The peer: issue #4's classification written as the DuckDB SQL a skilled analyst would write for a roll and a deaths
/// file (issue #16): DuckDB's parallel CSV reader on all cores with the dialect and columns given, the roll streamed
/// through hash joins against the register (never stored whole), the rules as CASE expressions, results written with
/// COPY. It writes the same files as the engine's <c>ResultFilesSink</c> (stops.csv, review.csv, rejected.csv) plus the
/// summary figures; the differences are that rows are identified by <c>account</c>, not a line number, and that their order
/// is DuckDB's (nearly input order; see bench/README.md).
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
        // HEREAFTER_DUCKDB_PROFILE=<folder>: DuckDB's per-operator profile of each step, step-N.txt (what EXPLAIN ANALYZE shows).
        var profile = Environment.GetEnvironmentVariable("HEREAFTER_DUCKDB_PROFILE");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var n = 0;
        foreach (var (name, sql) in Script(deathsPath, rollPath, outDir))
        {
            var step = System.Diagnostics.Stopwatch.StartNew();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            using var cmd = conn.CreateCommand();
            cmd.CommandText = string.IsNullOrEmpty(profile) ? sql
                : $"PRAGMA enable_profiling = 'query_tree'; SET profiling_output = {Lit(Path.Combine(profile, $"step-{++n}.txt"))};\n{sql}";
            cmd.ExecuteNonQuery();
            // CPU seconds of the process beside the wall time: on a shared machine the wall time swings with the load
            log($"duckdb: {name} {step.Elapsed.TotalSeconds:F2} s (cpu {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s)");
        }
        using var q = conn.CreateCommand();
        q.CommandText = """
            SELECT (SELECT n FROM roll_rows),
                   count(*) FILTER (WHERE cls = 'exact'), count(*) FILTER (WHERE cls = 'a'),
                   count(*) FILTER (WHERE cls = 'b'), count(*) FILTER (WHERE cls = 'c'),
                   count(*) FILTER (WHERE cls = 'rejected'),
                   coalesce(sum(overpaid_months) FILTER (WHERE cls = 'exact'), 0)::BIGINT,
                   coalesce(sum(overpaid_amount) FILTER (WHERE cls = 'exact'), 0)::VARCHAR,
                   ((SELECT count(*) FROM deaths_raw) - (SELECT count(*) FROM deaths))::BIGINT
            FROM outcome
            """;
        using var r = q.ExecuteReader();
        r.Read();
        long L(int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
        var (rows, exact, a, b, c, rejected) = (L(0), L(1), L(2), L(3), L(4), L(5));
        return new RunResult("duckdb", clock.Elapsed.TotalSeconds, 0, rows, exact, a, b, c, rejected, rows - exact - a - b - c - rejected,
            L(6), decimal.Parse(r.GetString(7), CultureInfo.InvariantCulture), L(8));
    }

    private static string Scalar(DuckDBConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static string Lit(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// The CSV dialect, given rather than sniffed. <c>new_line = '\r\n'</c> is what keeps the parallel reader exact on a
    /// file that mixes LF and CRLF rows: without it DuckDB 1.5.6 either refuses the file or, with <c>store_rejects</c> or
    /// <c>ignore_errors</c>, silently returns the row after a <c>\r</c>|<c>\n</c> split by a buffer boundary twice (see
    /// bench/README.md). <c>null_padding</c> keeps a row with too few columns as a row (the missing fields NULL) and
    /// <c>nullstr</c> a string no file holds, so that an empty field stays '' and NULL means "missing".
    /// </summary>
    public const string CsvDialect =
        @"auto_detect = false, header = true, delim = ',', quote = '""', escape = '""', new_line = '\r\n', strict_mode = false, " +
        @"null_padding = true, nullstr = '\0'";

    public static IEnumerable<(string Name, string Sql)> Script(string deathsPath, string rollPath, string outDir)
    {
        var fullWidth = new string([.. Enumerable.Range(0xFF01, 94).Select(i => (char)i)]);
        var ascii = new string([.. Enumerable.Range(0x21, 94).Select(i => (char)i)]);
        var fullLatin = new string([.. Enumerable.Range(0xFF21, 26).Concat(Enumerable.Range(0xFF41, 26)).Select(i => (char)i)]);
        var asciiLatin = new string([.. Enumerable.Range('A', 26).Concat(Enumerable.Range('a', 26)).Select(i => (char)i)]);
        var weights = string.Join(", ", Weights);
        var programmes = string.Join(", ", ProgrammeRules.Defaults.Keys.Select(k => Lit(k.ToLowerInvariant())));
        const string rollColumns = "{'id_number': 'VARCHAR', 'name': 'VARCHAR', 'birth_date': 'VARCHAR', 'monthly_amount': 'VARCHAR', " +
                                   "'paid_through': 'VARCHAR', 'program': 'VARCHAR', 'account': 'VARCHAR'}";
        var roll = $"read_csv({Lit(rollPath)}, {CsvDialect}, columns = {rollColumns})";

        // Rule 1: IDs lose whitespace (U+3000 too) and hyphens, full-width forms become ASCII, x becomes X, 15 digits
        // become 18 with the century 19 and a computed check character. Names lose whitespace and middle dots, full-width
        // Latin becomes ASCII, case is folded. DuckDB's translate() costs microseconds a call (it rebuilds its map each
        // time), so it runs only on values that can need it (non-ASCII IDs, names with a full-width Latin letter).
        yield return ("macros", $$"""
            SET disabled_optimizers = 'build_side_probe_side';
            CREATE MACRO check_char(b) AS
                substr('10X98765432', list_dot_product(list_transform(string_split(rpad(left(b, 17), 17, '0'), ''), x -> coalesce(TRY_CAST(x AS INTEGER), 0)), [{{weights}}])::INTEGER % 11 + 1, 1);
            CREATE MACRO ascii_only(s) AS strlen(s) = length(s);
            CREATE MACRO id_clean(s) AS upper(CASE WHEN ascii_only(s) THEN s ELSE translate(s, {{Lit(fullWidth)}}, {{Lit(ascii)}}) END);
            CREATE MACRO id_strip(s) AS regexp_replace(coalesce(s, ''), '[\s\x{00A0}\x{3000}\-‐‑‒–—−]', '', 'g');
            CREATE MACRO id18(s) AS CASE WHEN regexp_full_match(s, '[0-9]{15}')
                THEN substr(s, 1, 6) || '19' || substr(s, 7, 9) || check_char(substr(s, 1, 6) || '19' || substr(s, 7, 9)) ELSE s END;
            CREATE MACRO nid(s) AS id18(id_clean(id_strip(s)));
            CREATE MACRO name_strip(s) AS regexp_replace(coalesce(s, ''), '[\s\x{00A0}\x{3000}·・•‧･]', '', 'g');
            CREATE MACRO nname(s) AS lower(CASE WHEN regexp_matches(s, '[\x{FF21}-\x{FF3A}\x{FF41}-\x{FF5A}]')
                THEN translate(name_strip(s), {{Lit(fullLatin)}}, {{Lit(asciiLatin)}}) ELSE name_strip(s) END);
            CREATE MACRO valid_id(s) AS regexp_full_match(s, '[0-9]{17}[0-9X]');
            CREATE MACRO as_date(s) AS try_strptime(trim(s), ['%Y-%m-%d', '%Y/%m/%d', '%Y%m%d'])::DATE;
            CREATE MACRO near(x, y) AS hamming(x, y) = 1 OR (hamming(x, y) = 2 AND damerau_levenshtein(x, y) = 1);
            CREATE MACRO month_text(m) AS printf('%04d-%02d', m // 12, m % 12 + 1);
            """);

        // The register: the first valid record of each ID (17 digits and a digit or X with the right check character,
        // and a death date that parses). The file is read in parallel into a table (1M rows), whose rowid keeps file
        // order, so "first" needs no serial numbering. The normalised values are stored before they are tested: tested in
        // the same statement, DuckDB pushes the filter below the projection and evaluates the normalisation once per
        // mention (nid() 17 times in the check character): 10 s instead of about 2.
        yield return ("deaths read", $$"""
            CREATE TABLE deaths_raw AS
            SELECT * FROM read_csv({{Lit(deathsPath)}}, {{CsvDialect}},
                columns = {'id_number': 'VARCHAR', 'name': 'VARCHAR', 'birth_date': 'VARCHAR', 'death_date': 'VARCHAR'});
            """);
        yield return ("deaths normalise", """
            CREATE TABLE deaths_n AS
            SELECT rowid AS rn, nid(id_number) AS id, nname(name) AS nm, name, birth_date, as_date(death_date) AS dd FROM deaths_raw;
            """);
        yield return ("deaths register", """
            CREATE TABLE deaths AS
            SELECT rn, id, nm, name, dd, year(dd) * 12 + month(dd) - 1 AS dm,
                   coalesce(as_date(birth_date), try_strptime(substr(id, 7, 8), '%Y%m%d')::DATE) AS bd
            FROM deaths_n
            WHERE valid_id(id) AND dd IS NOT NULL AND check_char(substr(id, 1, 17)) = substr(id, 18, 1)
            QUALIFY row_number() OVER (PARTITION BY id ORDER BY rn) = 1;
            DROP TABLE deaths_n;
            """);
        yield return ("register keys", """
            CREATE TABLE near_head AS SELECT nm, left(id, 8) AS k, string_agg(id, ',') AS ids FROM deaths WHERE nm <> '' GROUP BY ALL;
            CREATE TABLE near_tail AS SELECT nm, substr(id, 10) AS k, string_agg(id, ',') AS ids FROM deaths WHERE nm <> '' GROUP BY ALL;
            CREATE TABLE by_birth AS SELECT nm, bd, arg_min(id, rn) AS id FROM deaths WHERE nm <> '' AND bd IS NOT NULL GROUP BY ALL;
            """);

        // Rules 2–4 on the roll in one streaming pass: the roll is parsed in parallel, normalised, checked (rule 2 as a
        // CASE) and probed against hash tables built from the register: the ID (exact / (a)), name + the first 8 or the
        // last 9 characters of the ID ((b): an ID one change or one adjacent swap away keeps one of the two, so the
        // candidates of each key are checked with hamming/damerau_levenshtein), and name + birth date ((c)). Only rows
        // with a result are kept (a few per cent). DuckDB estimates ~42 rows for read_csv and would hash the roll
        // (all of it, in memory) as the build side; build_side_probe_side is turned off (first step) so that the
        // register is the build side, as written.
        yield return ("roll (parse, normalise, match)", $$"""
            CREATE TABLE outcome_raw AS
            WITH norm AS (
                SELECT nid(id_number) AS id, nname(name) AS nm, name, birth_date, trim(monthly_amount) AS a, trim(paid_through) AS p,
                       program, account
                FROM {{roll}}),
            checked AS (
                SELECT *,
                       CASE WHEN account IS NULL THEN 'too few columns'
                            WHEN NOT valid_id(id) THEN CASE WHEN id = '' THEN 'id missing' ELSE 'id malformed' END
                            WHEN NOT regexp_full_match(a, '([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]{1,2})?') THEN 'amount invalid'
                            WHEN NOT regexp_full_match(p, '[0-9]{4}[-/]?(0[1-9]|1[0-2])') THEN 'paid_through invalid'
                            WHEN trim(program) <> '' AND NOT list_contains([{{programmes}}], lower(trim(program))) THEN 'program unknown'
                       END AS reason,
                       coalesce(as_date(birth_date), try_strptime(substr(id, 7, 8), '%Y%m%d')::DATE) AS bd
                FROM norm),
            -- (b) candidates come as a comma-separated list per key (usually one ID): a lambda only when there are several.
            matched AS (
                SELECT c.*, e.id AS eid, e.nm AS enm,
                       CASE WHEN c.reason IS NULL AND e.id IS NULL AND (h.ids IS NOT NULL OR t.ids IS NOT NULL) THEN
                           CASE WHEN length(h.ids) > 18 OR length(t.ids) > 18
                                THEN list_min(list_filter(string_split(concat_ws(',', h.ids, t.ids), ','), x -> near(c.id, x)))
                                ELSE least(CASE WHEN near(c.id, h.ids) THEN h.ids END, CASE WHEN near(c.id, t.ids) THEN t.ids END) END
                       END AS bid,
                       bb.id AS cid
                FROM checked c
                LEFT JOIN deaths e ON c.id = e.id
                LEFT JOIN near_head h ON c.nm = h.nm AND left(c.id, 8) = h.k
                LEFT JOIN near_tail t ON c.nm = t.nm AND substr(c.id, 10) = t.k
                LEFT JOIN by_birth bb ON c.nm = bb.nm AND c.bd = bb.bd)
            SELECT CASE WHEN reason IS NOT NULL THEN 'rejected'
                        WHEN eid IS NOT NULL THEN CASE WHEN nm = enm AND nm <> '' THEN 'exact' ELSE 'a' END
                        WHEN bid IS NOT NULL THEN 'b'
                        WHEN cid IS NOT NULL THEN 'c' END AS cls,
                   CASE WHEN reason IS NULL THEN coalesce(eid, bid, cid) END AS did,
                   id, name, program, account, a, p, reason
            FROM matched
            WHERE reason IS NOT NULL OR eid IS NOT NULL OR bid IS NOT NULL OR cid IS NOT NULL;
            """);

        // The roll's row count for the summary. DuckDB's reader exposes no line numbers, and the one pass above keeps
        // only rows with a result, so the count is a second (parallel) parse; row_number() OVER () in the pass above
        // would give it but put the whole pipeline on one thread.
        yield return ("roll rows (count)", $"CREATE TABLE roll_rows AS SELECT count(*) AS n FROM {roll};");

        // Rule 3 and the overpayment: stop from the month after the month of death; overpaid months = max(0, paid
        // through − death month), times the monthly amount, in DECIMAL.
        yield return ("terms", """
            CREATE TABLE outcome AS
            SELECT o.rowid AS seq, o.*, d.id AS death_id, d.name AS death_name, d.dd,
                   TRY_CAST(replace(o.a, ',', '') AS DECIMAL(18, 2)) AS amount,
                   TRY_CAST(substr(o.p, 1, 4) AS INTEGER) * 12 + TRY_CAST(right(o.p, 2) AS INTEGER) - 1 AS pt,
                   d.dm + 1 AS stop_from, greatest(0, pt - d.dm) AS overpaid_months, greatest(0, pt - d.dm) * amount AS overpaid_amount,
                   check_char(substr(o.id, 1, 17)) <> substr(o.id, 18, 1) AS suspect_id
            FROM outcome_raw o LEFT JOIN deaths d ON d.id = o.did;
            """);

        // The engine's files and columns; rows are identified by account (the engine's first column, the physical line
        // number, is not available from DuckDB's reader). seq is the order in which the pass above emitted the rows:
        // input order, except that a LEFT hash join's probe can emit a vector's matched rows before its unmatched ones
        // (on the 1M/10M roll 3 of 168,456 stops, 2,071 of 58,424 rejected rows out of place). Exact input order would
        // need row_number() OVER (), which puts the whole pass on one thread, or the roll stored in a table.
        var o = (string f) => Lit(Path.Combine(outDir, f));
        yield return ("write (COPY)", $$"""
            COPY (SELECT id AS id_number, trim(name) AS name, program, account, amount AS monthly_amount, month_text(pt) AS paid_through,
                         dd AS death_date, month_text(stop_from) AS stop_from, overpaid_months, overpaid_amount, suspect_id
                  FROM outcome WHERE cls = 'exact' ORDER BY seq) TO {{o("stops.csv")}} (HEADER);
            COPY (SELECT CASE cls WHEN 'a' THEN 'id-match-name-differs' WHEN 'b' THEN 'id-near-match' ELSE 'name-and-birth-date' END AS reason,
                         id AS id_number, trim(name) AS name, program, account, amount AS monthly_amount, month_text(pt) AS paid_through,
                         suspect_id, death_id AS candidate_id_number, death_name AS candidate_name, dd AS candidate_death_date,
                         month_text(stop_from) AS stop_from, overpaid_months, overpaid_amount
                  FROM outcome WHERE cls IN ('a', 'b', 'c') ORDER BY seq) TO {{o("review.csv")}} (HEADER);
            COPY (SELECT account, reason FROM outcome WHERE cls = 'rejected' ORDER BY seq) TO {{o("rejected.csv")}} (HEADER);
            COPY (SELECT account, CASE cls WHEN 'exact' THEN 'exact' ELSE 'review-' || cls END AS class FROM outcome
                  WHERE cls <> 'rejected' ORDER BY seq) TO {{o("check.csv")}} (HEADER);
            """);
    }
}
