using System.Globalization;
using System.Text.Json.Nodes;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ReadChangeFeed;

/// <summary>
/// The change feed: the caller's department's events in commit order. The cursor is the last feed
/// position returned; paging with it sees every event once. A page with events is a read of personal data: it is
/// audited, one entry per page naming its certificates (an empty page, the usual poll, reads none and is not).
/// </summary>
public sealed class ReadChangeFeedHandler(HereafterDbContext db, FeedSequencer sequencer, AuditLog audit)
{
    public const int MaxLimit = 500;

    public async Task<FeedPage> HandleAsync(Actor actor, string? after, int? limit, CancellationToken ct)
    {
        var department = SharingAccess.DepartmentOf(actor)
                         ?? throw ProblemException.Forbidden(new Message("sharing.feed.department-only"));
        long cursor = 0;
        if (!string.IsNullOrEmpty(after) && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out cursor) || cursor < 0))
            throw new FieldValidationException("after", new Message("sharing.feed.cursor-invalid"));
        var take = limit ?? 100;
        if (take is < 1 or > MaxLimit)
            throw new FieldValidationException("limit", new Message("sharing.limit.out-of-range").With("max", MaxLimit));

        await sequencer.AssignAsync(ct);
        var rows = await db.Set<SharingEvent>().AsNoTracking()
            .Where(e => e.Department == department && (e.OrganisationId == null || e.OrganisationId == actor.OrganisationId) && e.FeedPosition > cursor)
            .OrderBy(e => e.FeedPosition).Take(take)
            .Select(e => new { e.FeedPosition, e.CertificateNumber, e.Json })
            .ToListAsync(ct);
        var next = rows.Count == 0 ? cursor : rows[^1].FeedPosition!.Value;
        if (rows.Count > 0)
        {
            var certificates = rows.Select(r => r.CertificateNumber).Where(n => n.Length > 0).Distinct().ToList();
            await audit.RecordAsync(actor, "feed.read", $"feed:{department.ToCode()}", $"death-notification:{department.ToCode()}",
                $"{rows.Count} events after {cursor} through {next}; certificates: {string.Join(", ", certificates)}", ct);
        }
        return new FeedPage(rows.Select(r => JsonNode.Parse(r.Json)!).ToList(), next.ToString(CultureInfo.InvariantCulture));
    }
}
