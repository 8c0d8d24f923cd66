using System.Data.Common;
using System.Text.Json;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Bench;

/// <summary>
/// The dashboard's peer: what a skilled user would write by hand for the same certificate, task and booking figures of a
/// year for the whole city, one grouped statement per table through ADO.NET on the app's own connection: certificates
/// by month and issuer type, review decisions by month, still held, the warning codes of the warned ones, tasks by month
/// and department with each task's first answer (the column the task keeps), bookings by date. Months are CASE ranges on the stored instant (China
/// midnight as UTC, bound as EF binds it), which both SQLite and PostgreSQL run. No HTTP, no JSON, no district list.
/// </summary>
internal sealed class DashboardPeer(HereafterDbContext db)
{
    private readonly DashboardBulk names = new(db);

    public sealed record Figures(int Issued, int WithinDay, int InTimeReported, int Decided, int Pending, int Warned, int WarningKinds, int Tasks, int InTime, int Done, int Overdue, int Bookings)
    {
        public override string ToString() =>
            $"issued {Issued}, certified within a day {WithinDay}, reported in time {InTimeReported}, reviews decided {Decided}, still held {Pending}, " +
            $"with warnings {Warned} ({WarningKinds} kinds), tasks {Tasks}, acknowledged in time {InTime}, done {Done}, overdue now {Overdue}, bookings {Bookings}";
    }

    public async Task<Figures> ReadAsync(int year)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync();
        var bounds = Enumerable.Range(0, 13).Select(m => ChinaTime.StartOfDayUtc(new DateOnly(year, 1, 1).AddMonths(m))).ToArray();
        string Q(string s) => $"\"{s}\"";
        string T<TE>() => Q(names.Table<TE>());
        string C<TE>(string alias, string property) => $"{alias}.{Q(names.Column<TE>(property))}";
        string Month(string column) => "CASE " + string.Join(" ", Enumerable.Range(1, 11).Select(m => $"WHEN {column} < @m{m} THEN {m - 1}")) + " ELSE 11 END";
        void Bounds<TE>(DbCommand cmd, string property)
        {
            cmd.Parameters.Add(names.Parameter<TE>(cmd, "@start", property, bounds[0]));
            cmd.Parameters.Add(names.Parameter<TE>(cmd, "@end", property, bounds[12]));
            for (var m = 1; m < 12; m++) cmd.Parameters.Add(names.Parameter<TE>(cmd, $"@m{m}", property, bounds[m]));
        }

        var (issued, withinDay, reported, warned) = (0, 0, 0, 0);
        await using (var cmd = conn.CreateCommand())
        {
            var at = C<Certificate>("c", nameof(Certificate.CertifiedAt));
            cmd.CommandText = $"""
                SELECT {Month(at)}, o.{Q(names.Column<Organisation>(nameof(Organisation.Type)))}, COUNT(*),
                       SUM(CASE WHEN {C<Certificate>("c", nameof(Certificate.CertifiedLate))} THEN 0 ELSE 1 END),
                       SUM(CASE WHEN {C<Certificate>("c", nameof(Certificate.ReportedLate))} THEN 0 ELSE 1 END),
                       SUM(CASE WHEN {C<Certificate>("c", nameof(Certificate.WarningCount))} > 0 THEN 1 ELSE 0 END)
                FROM {T<Certificate>()} c JOIN {T<Organisation>()} o ON o.{Q("Id")} = {C<Certificate>("c", nameof(Certificate.IssuerOrganisationId))}
                WHERE {at} >= @start AND {at} < @end AND {C<Certificate>("c", nameof(Certificate.ReportedAt))} IS NOT NULL
                GROUP BY 1, 2
                """;
            Bounds<Certificate>(cmd, nameof(Certificate.CertifiedAt));
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                issued += Convert.ToInt32(r.GetValue(2));
                withinDay += Convert.ToInt32(r.GetValue(3));
                reported += Convert.ToInt32(r.GetValue(4));
                warned += Convert.ToInt32(r.GetValue(5));
            }
        }

        var decided = 0;
        await using (var cmd = conn.CreateCommand())
        {
            var at = C<CertificateAction>("a", nameof(CertificateAction.At));
            cmd.CommandText = $"""
                SELECT {Month(at)}, COUNT(*) FROM {T<CertificateAction>()} a
                WHERE {at} >= @start AND {at} < @end AND {C<CertificateAction>("a", nameof(CertificateAction.Action))} IN (@issued, @rejected)
                GROUP BY 1
                """;
            Bounds<CertificateAction>(cmd, nameof(CertificateAction.At));
            cmd.Parameters.Add(names.Parameter<CertificateAction>(cmd, "@issued", nameof(CertificateAction.Action), CertificateActionKind.ReviewIssued));
            cmd.Parameters.Add(names.Parameter<CertificateAction>(cmd, "@rejected", nameof(CertificateAction.Action), CertificateActionKind.ReviewRejected));
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) decided += Convert.ToInt32(r.GetValue(1));
        }

        int pending;
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = $"""
                SELECT COUNT(*) FROM {T<Certificate>()} c
                WHERE {C<Certificate>("c", nameof(Certificate.Status))} = @held AND {C<Certificate>("c", nameof(Certificate.CertifiedAt))} < @end
                """;
            cmd.Parameters.Add(names.Parameter<Certificate>(cmd, "@held", nameof(Certificate.Status), CertificateStatus.PendingReview));
            cmd.Parameters.Add(names.Parameter<Certificate>(cmd, "@end", nameof(Certificate.CertifiedAt), bounds[12]));
            pending = Convert.ToInt32(await cmd.ExecuteScalarAsync());
        }

        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var cmd = conn.CreateCommand())
        {
            var at = C<Certificate>("c", nameof(Certificate.CertifiedAt));
            cmd.CommandText = $"""
                SELECT v.{Q(names.Column<CertificateVersion>(nameof(CertificateVersion.WarningsJson)))}
                FROM {T<Certificate>()} c JOIN {T<CertificateVersion>()} v
                  ON {C<CertificateVersion>("v", nameof(CertificateVersion.CertificateId))} = c.{Q("Id")}
                 AND {C<CertificateVersion>("v", nameof(CertificateVersion.Version))} = {C<Certificate>("c", nameof(Certificate.CurrentVersion))}
                WHERE {at} >= @start AND {at} < @end AND {C<Certificate>("c", nameof(Certificate.ReportedAt))} IS NOT NULL
                  AND {C<Certificate>("c", nameof(Certificate.WarningCount))} > 0
                """;
            cmd.Parameters.Add(names.Parameter<Certificate>(cmd, "@start", nameof(Certificate.CertifiedAt), bounds[0]));
            cmd.Parameters.Add(names.Parameter<Certificate>(cmd, "@end", nameof(Certificate.CertifiedAt), bounds[12]));
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                using var doc = JsonDocument.Parse(r.GetString(0));
                foreach (var code in doc.RootElement.EnumerateArray().Select(w => w.GetProperty("Code").GetString()!).Distinct())
                    kinds[code] = kinds.GetValueOrDefault(code) + 1;
            }
        }

        var (tasks, inTime, done, overdue) = (0, 0, 0, 0);
        await using (var cmd = conn.CreateCommand())
        {
            // The tasks keep their China month (yyyyMM) beside the instant, indexed with the department: a skilled user
            // groups by that column too.
            var month = C<CaseTask>("t", nameof(CaseTask.CreatedMonth));
            var by = C<CaseTask>("t", nameof(CaseTask.AcknowledgeBy));
            var status = C<CaseTask>("t", nameof(CaseTask.Status));
            var first = C<CaseTask>("t", nameof(CaseTask.FirstAnsweredAt));
            cmd.CommandText = $"""
                SELECT {month}, {C<CaseTask>("t", nameof(CaseTask.Department))}, COUNT(*),
                       SUM(CASE WHEN {first} <= {by} THEN 1 ELSE 0 END),
                       SUM(CASE WHEN {status} = @done THEN 1 ELSE 0 END),
                       SUM(CASE WHEN {status} = @pending AND {by} < @now THEN 1 ELSE 0 END)
                FROM {T<CaseTask>()} t
                WHERE {month} >= @first AND {month} <= @last
                GROUP BY 1, 2
                """;
            cmd.Parameters.Add(names.Parameter<CaseTask>(cmd, "@first", nameof(CaseTask.CreatedMonth), year * 100 + 1));
            cmd.Parameters.Add(names.Parameter<CaseTask>(cmd, "@last", nameof(CaseTask.CreatedMonth), year * 100 + 12));
            cmd.Parameters.Add(names.Parameter<CaseTask>(cmd, "@done", nameof(CaseTask.Status), CaseTaskStatus.Done));
            cmd.Parameters.Add(names.Parameter<CaseTask>(cmd, "@pending", nameof(CaseTask.Status), CaseTaskStatus.Pending));
            cmd.Parameters.Add(names.Parameter<CaseTask>(cmd, "@now", nameof(CaseTask.AcknowledgeBy), DateTimeOffset.UtcNow));
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                tasks += Convert.ToInt32(r.GetValue(2));
                inTime += Convert.ToInt32(r.GetValue(3));
                done += Convert.ToInt32(r.GetValue(4));
                overdue += Convert.ToInt32(r.GetValue(5));
            }
        }

        var bookings = 0;
        await using (var cmd = conn.CreateCommand())
        {
            var date = C<MemorialBooking>("b", nameof(MemorialBooking.Date));
            cmd.CommandText = $"""
                SELECT {date}, COUNT(*), SUM({C<MemorialBooking>("b", nameof(MemorialBooking.PartySize))}),
                       COUNT({C<MemorialBooking>("b", nameof(MemorialBooking.CheckedInAt))})
                FROM {T<MemorialBooking>()} b
                WHERE {date} >= @first AND {date} <= @last AND {C<MemorialBooking>("b", nameof(MemorialBooking.CancelledAt))} IS NULL
                GROUP BY 1
                """;
            cmd.Parameters.Add(names.Parameter<MemorialBooking>(cmd, "@first", nameof(MemorialBooking.Date), new DateOnly(year, 1, 1)));
            cmd.Parameters.Add(names.Parameter<MemorialBooking>(cmd, "@last", nameof(MemorialBooking.Date), new DateOnly(year, 12, 31)));
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) bookings += Convert.ToInt32(r.GetValue(1));
        }

        return new Figures(issued, withinDay, reported, decided, pending, warned, kinds.Count, tasks, inTime, done, overdue, bookings);
    }
}
