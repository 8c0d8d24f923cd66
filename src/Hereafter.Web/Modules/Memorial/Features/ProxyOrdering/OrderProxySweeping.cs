using System.Globalization;
using System.Text.RegularExpressions;
using Hereafter.Domain.Input;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Pricing;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Modules.Memorial.Features.ProxyOrders;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyOrdering;

/// <summary>
/// A citizen orders proxy sweeping (<c>POST /api/v1/memorial/proxy-orders</c>): each option must be a proxy-sweeping item
/// of the chosen site's published list with a price in force today (China date), and the order keeps that price per
/// line. Every problem of the request is answered at once (400, one field each: an unknown option or one not on the
/// site's list names itself). The same idempotency key returns the order made the first time.
/// </summary>
public sealed partial class OrderProxySweepingHandler(HereafterDbContext db, IPublishedPrices prices, ProxyOrderViews views, TimeProvider clock)
{
    /// <summary>How far ahead a date may be wanted: half a year covers Qingming, 中元 and 寒衣 from any day.</summary>
    public const int MaxDaysAhead = 180;
    public const int MaxOptions = 10;
    public const int MaxIdempotencyKeyLength = 100;
    public const int MaxMessageLength = 2000;

    [GeneratedRegex("^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    public async Task<ProxyOrderView> HandleAsync(Citizen citizen, ProxyOrderRequest request, string? idempotencyKey, CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key is { Length: > MaxIdempotencyKeyLength }) throw new FieldValidationException("idempotencyKey", new Message("memorial.proxy.idempotency-key.too-long"));
        if (key is not null && await ExistingAsync(citizen, key, ct) is { } earlier) return earlier;

        var errors = new FieldErrors();
        var today = ChinaTime.Today(clock);
        var site = await SiteAsync(request.InstitutionId, today, errors, ct);
        var lines = Lines(request.Options, site, errors);
        var deceased = Text(request.DeceasedName, 50, "deceasedName", errors,
            new Message("memorial.proxy.deceased-name.required"), new Message("memorial.proxy.deceased-name.invalid"));
        var grave = Text(request.GraveLocation, 100, "graveLocation", errors,
            new Message("memorial.proxy.grave-location.required"), new Message("memorial.proxy.grave-location.invalid"));
        var date = WantedDate(request.WantedDate, today, errors);
        var phone = Phone(string.IsNullOrWhiteSpace(request.ContactPhone) ? citizen.Phone : request.ContactPhone, errors);
        var (message, messageValid) = ProxyText.Lines(request.Message, MaxMessageLength);
        if (!messageValid) errors.Add("message", new Message("memorial.proxy.message.invalid"));
        errors.ThrowIfAny();

        var order = new ProxyOrder
        {
            Id = Guid.NewGuid(), InstitutionId = site!.Value.Id, InstitutionPhone = site.Value.Phone, CitizenSubject = citizen.Subject,
            CitizenName = citizen.Name.Length > 50 ? citizen.Name[..50] : citizen.Name, DeceasedName = deceased, GraveLocation = grave,
            WantedDate = date!.Value, ContactPhone = phone, Message = message, Status = ProxyOrderStatus.Ordered,
            OrderedAt = clock.GetUtcNow().ToUniversalTime(), IdempotencyKey = key,
            Lines = [.. lines.Select((p, i) => new ProxyOrderLine
            {
                LineNo = i + 1, ItemId = p.ItemId, Code = p.Code, Name = p.Name, Unit = p.Unit, Price = p.Price, PriceEffectiveFrom = p.EffectiveFrom,
            })],
        };
        order.Total = order.Lines.Sum(l => l.Price);
        db.Add(order);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (key is not null && UniqueViolation.Is(e))
        {
            // The same request again, at the same moment: the one that committed first is the order.
            db.ChangeTracker.Clear();
            return await ExistingAsync(citizen, key, ct) ?? throw new InvalidOperationException("An order's idempotency key collided but no order holds it.", e);
        }
        return await views.ReadAsync(order.Id, ct) ?? throw new InvalidOperationException("The order just saved is missing.");
    }

    private async Task<ProxyOrderView?> ExistingAsync(Citizen citizen, string key, CancellationToken ct)
    {
        var id = await db.Set<ProxyOrder>().AsNoTracking().Where(o => o.CitizenSubject == citizen.Subject && o.IdempotencyKey == key)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? await views.ReadAsync(found, ct) : null;
    }

    private readonly record struct Site(Guid Id, string Name, string Phone, IReadOnlyList<PublishedPrice> Items);

    /// <summary>The site and its proxy-sweeping items in force today; an institution without any is not a choice.</summary>
    private async Task<Site?> SiteAsync(Guid? institutionId, DateOnly today, FieldErrors errors, CancellationToken ct)
    {
        if (institutionId is not { } id || id == Guid.Empty)
        {
            errors.Add("institutionId", new Message("memorial.proxy.site.required"));
            return null;
        }
        var items = (await prices.FindAsync(ProxySweepingItems.Prefix, id, today, ct))
            .Where(p => ProxyOptions.IsSiteType(p.InstitutionType) && ProxySweepingItems.IsProxySweeping(p.Code)).ToList();
        if (items.Count == 0)
        {
            errors.Add("institutionId", new Message("memorial.proxy.site.unknown"));
            return null;
        }
        return new Site(id, items[0].InstitutionName, items[0].InstitutionPhone, items);
    }

    private static List<PublishedPrice> Lines(IReadOnlyList<string>? options, Site? site, FieldErrors errors)
    {
        var chosen = new List<PublishedPrice>();
        var codes = options ?? [];
        if (codes.Count == 0) errors.Add("options", new Message("memorial.proxy.options.required"));
        if (codes.Count > MaxOptions)
        {
            errors.Add("options", new Message("memorial.proxy.options.too-many").With("max", MaxOptions));
            return chosen;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i]?.Trim() ?? "";
            var shown = Shown(code);
            if (!ProxySweepingItems.IsProxySweeping(code))
                errors.Add($"options[{i}]", new Message("memorial.proxy.option.unknown").With("option", shown));
            else if (!seen.Add(code))
                errors.Add($"options[{i}]", new Message("memorial.proxy.option.duplicate").With("option", shown));
            else if (site is { } s)
            {
                if (s.Items.FirstOrDefault(p => p.Code == code) is { } item) chosen.Add(item);
                else errors.Add($"options[{i}]", new Message("memorial.proxy.option.not-published").With("option", shown).With("site", s.Name));
            }
        }
        return chosen;
    }

    /// <summary>What the person sent, fit to repeat in a message.</summary>
    private static string Shown(string code) => ProxyText.Shown(code, 64, "?");

    private static string Text(string? raw, int max, string field, FieldErrors errors, Message required, Message invalid)
    {
        var text = raw?.Trim() ?? "";
        var problems = FreeText.Check(text, max);
        if (problems.HasFlag(FreeTextProblems.Missing)) errors.Add(field, required);
        else if (problems != FreeTextProblems.None) errors.Add(field, invalid.With("max", max));
        return text;
    }

    private static DateOnly? WantedDate(string? raw, DateOnly today, FieldErrors errors)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add("wantedDate", new Message("memorial.proxy.wanted-date.required"));
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add("wantedDate", new Message("memorial.proxy.wanted-date.invalid-format"));
            return null;
        }
        if (date < today)
            errors.Add("wantedDate", new Message("memorial.proxy.wanted-date.past").With("today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        else if (date > today.AddDays(MaxDaysAhead))
            errors.Add("wantedDate", new Message("memorial.proxy.wanted-date.too-far").With("days", MaxDaysAhead));
        return date;
    }

    private static string Phone(string? raw, FieldErrors errors)
    {
        var number = (raw ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        if (number.Length == 0) errors.Add("contactPhone", new Message("memorial.proxy.contact-phone.required"));
        else if (!PhonePattern().IsMatch(number)) errors.Add("contactPhone", new Message("memorial.proxy.contact-phone.invalid"));
        return number;
    }
}
