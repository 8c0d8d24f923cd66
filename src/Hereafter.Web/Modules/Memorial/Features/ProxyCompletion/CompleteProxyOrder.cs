using System.Globalization;
using System.Security.Cryptography;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Modules.Memorial.Features.ProxyOrders;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyCompletion;

/// <summary>
/// The site's staff complete an order with photos (<c>POST /api/v1/memorial/proxy-orders/{id}/completion</c>, or the
/// order's page): every file is judged by decoding it (<see cref="ProxyPhotos"/>), and if any one is refused nothing is
/// stored and each refused file is named with its reason. The order becomes completed once: the completion is one
/// conditional UPDATE in the photos' transaction, so a second completion, even at the same moment on another node,
/// is 409 and leaves the first one's photos alone. Another site's order is 404; a non-site organisation is 403.
/// </summary>
public sealed class CompleteProxyOrderHandler(
    HereafterDbContext db, ProxyOrderViews views, AuditLog audit, IOptions<MemorialOptions> options, TimeProvider clock)
{
    public const int MaxNoteLength = 500;

    public async Task<ProxyOrderView> HandleAsync(Actor actor, Guid orderId, IReadOnlyList<IFormFile> posted, string? note, CancellationToken ct)
    {
        // A file field left empty still posts a part without a name or bytes: that is no photo, not an empty photo.
        var files = posted.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (!MemorialAccess.IsSite(actor)) throw ProblemException.Forbidden(new Message("memorial.proxy.site-only"));
        var owner = await views.OwnerAsync(orderId, ct);
        if (owner is null || !MemorialAccess.RunsSite(actor, owner.InstitutionId))
            throw ProblemException.NotFound(new Message("memorial.proxy.order-not-found"));
        if (await CompletedAtAsync(orderId, ct) is { } earlier) throw AlreadyCompleted(earlier);

        var errors = new FieldErrors();
        var (text, noteValid) = ProxyText.Lines(note, MaxNoteLength);
        if (!noteValid) errors.Add("note", new Message("memorial.proxy.note.invalid").With("max", MaxNoteLength));
        var photos = await CheckAsync(files, errors, ct);
        if (errors.Count > 0)
        {
            await audit.RecordAsync(actor, "memorial.proxy.photos-refused", $"proxy-order:{orderId}", "proxy-sweeping",
                $"{files.Count} files sent; nothing stored", ct);
            errors.ThrowIfAny();
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // The only way to completed: a second completion (another page, another node) finds no 'ordered' row.
            var updated = await db.Set<ProxyOrder>()
                .Where(o => o.Id == orderId && o.Status == ProxyOrderStatus.Ordered)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Status, ProxyOrderStatus.Completed)
                    .SetProperty(o => o.CompletedAt, now)
                    .SetProperty(o => o.CompletedBy, actor.Name.Length > 100 ? actor.Name[..100] : actor.Name)
                    .SetProperty(o => o.CompletionNote, text), ct);
            if (updated == 0)
            {
                await tx.RollbackAsync(ct);
                throw AlreadyCompleted(await CompletedAtAsync(orderId, ct) ?? now);
            }
            db.AddRange(photos.Select((p, i) => new ProxyPhoto
            {
                Id = Guid.NewGuid(), OrderId = orderId, Number = i + 1, ContentType = p.ContentType, Width = p.Width, Height = p.Height,
                Size = p.Content.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(p.Content)), Content = p.Content, UploadedAt = now,
            }));
            // Saved with the audit entry, in the completion's transaction.
            await audit.RecordAsync(actor, "memorial.proxy.completed", $"proxy-order:{orderId}", "proxy-sweeping",
                $"{photos.Count} photos; {photos.Sum(p => p.Content.Length)} bytes stored", ct);
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        return await views.ReadAsync(orderId, ct) ?? throw ProblemException.NotFound(new Message("memorial.proxy.order-not-found"));
    }

    private Task<DateTimeOffset?> CompletedAtAsync(Guid orderId, CancellationToken ct) =>
        db.Set<ProxyOrder>().AsNoTracking().Where(o => o.Id == orderId).Select(o => o.CompletedAt).FirstOrDefaultAsync(ct);

    private static ProblemException AlreadyCompleted(DateTimeOffset at) =>
        ProblemException.Conflict(new Message("memorial.proxy.already-completed").With("at", ChinaTime.Minutes(at)));

    /// <summary>Every file's verdict, all of them (so the person learns every problem at once); the photos to store when none is refused.</summary>
    private async Task<List<ProcessedPhoto>> CheckAsync(IReadOnlyList<IFormFile> files, FieldErrors errors, CancellationToken ct)
    {
        var settings = options.Value;
        var accepted = new List<ProcessedPhoto>();
        if (files.Count == 0)
        {
            errors.Add("photos", new Message("memorial.proxy.photo.required"));
            return accepted;
        }
        if (files.Count > settings.ProxyPhotoMaxCount)
            errors.Add("photos", new Message("memorial.proxy.photo.too-many")
                .With("max", settings.ProxyPhotoMaxCount).With("count", files.Count)
                .With("files", string.Join("、", files.Skip(settings.ProxyPhotoMaxCount).Select((f, i) => FileName(f.FileName, settings.ProxyPhotoMaxCount + i)))));
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var name = FileName(file.FileName, i);
            var field = $"photos[{i}]";
            if (file.Length > settings.ProxyPhotoMaxBytes)
            {
                errors.Add(field, new Message("memorial.proxy.photo.too-large").With("file", name)
                    .With("size", Megabytes(file.Length)).With("max", Megabytes(settings.ProxyPhotoMaxBytes)));
                continue;
            }
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
            var check = ProxyPhotos.Process(bytes);
            if (check.Photo is { } photo)
            {
                accepted.Add(photo);
                continue;
            }
            var message = check.Problem switch
            {
                ProxyPhotoProblem.Empty => new Message("memorial.proxy.photo.empty"),
                ProxyPhotoProblem.UnsupportedFormat => new Message("memorial.proxy.photo.unsupported-format").With("format", check.Format),
                ProxyPhotoProblem.Damaged => new Message("memorial.proxy.photo.damaged"),
                ProxyPhotoProblem.TooManyPixels => new Message("memorial.proxy.photo.too-many-pixels")
                    .With("width", check.Width).With("height", check.Height).With("megapixels", ProxyPhotos.MaxPixels / 1_000_000),
                _ => new Message("memorial.proxy.photo.not-an-image"),
            };
            errors.Add(field, message.With("file", name));
        }
        return accepted;
    }

    /// <summary>The name the person chose, without its folder, fit to repeat; "#n" (its place) when it is not.</summary>
    private static string FileName(string? raw, int index) =>
        ProxyText.Shown(Path.GetFileName((raw ?? "").Replace('\\', '/')), 80, $"#{index + 1}");

    public static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.##", CultureInfo.InvariantCulture);
}
