using Hereafter.Domain.Messages;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Reconciliation.Features.UploadRoll;

/// <summary>
/// Stores an uploaded roll in the database in 1 MiB chunks and queues it. The file is checked only where it
/// is cheap (size, empty, obviously not CSV/XLSX); the engine decides the rest when it runs.
/// </summary>
public sealed class UploadRollHandler(HereafterDbContext db, AuditLog audit, TimeProvider clock, IOptions<ReconciliationSettings> settings, RollWorkSignal signal)
{
    public const int ChunkSize = 1024 * 1024;

    public async Task<RollAccepted> HandleAsync(Actor actor, string? programme, string? fileName, Stream? content, long? declaredLength, CancellationToken ct)
    {
        var department = ReconciliationAccess.RequireDepartment(actor);
        var errors = new FieldErrors();
        var code = programme?.Trim();
        if (string.IsNullOrEmpty(code)) errors.Add("programme", new Message("reconciliation.programme.required"));
        else if (!ProgrammeRules.Defaults.TryGetValue(code, out _))
            errors.Add("programme", new Message("reconciliation.programme.unknown-with-choices").With("code", code).With("choices", string.Join(", ", ProgrammeRules.Defaults.Keys)));
        if (content is null) errors.Add("file", new Message("reconciliation.upload.file-required"));
        errors.ThrowIfAny();
        if (ProgrammeRules.Defaults[code!].Department != department)
            throw ProblemException.Forbidden(new Message("reconciliation.programme.other-department").With("code", code).With("department", ProgrammeRules.Defaults[code!].Department));
        var limit = settings.Value.MaxUploadBytes;
        if (declaredLength > limit) throw TooLarge(limit);

        var job = new RollJob
        {
            Id = Guid.NewGuid(), OrganisationId = actor.OrganisationId, OrganisationName = actor.OrganisationName,
            Department = department, Programme = code!, FileName = CleanFileName(fileName), UploadedBy = actor.Name,
            CreatedAt = clock.GetUtcNow(), Status = JobStatus.Uploading,
            // While uploading, the lease is the upload's heartbeat: renewed with every chunk; once it lapses the
            // upload counts as abandoned and the worker's sweep deletes it (RollWorker.DeleteAbandonedUploadsAsync).
            LeaseUntil = clock.GetUtcNow() + TimeSpan.FromMinutes(settings.Value.AbandonedUploadMinutes),
        };
        db.Add(job);
        await db.SaveChangesAsync(ct);
        try
        {
            // Each chunk commits on its own: a long upload never holds the (SQLite: only) writer lock.
            var buffer = new byte[ChunkSize];
            long total = 0;
            var index = 0;
            while (true)
            {
                var filled = await FillAsync(content!, buffer, ct);
                if (filled == 0) break;
                total += filled;
                if (total > limit) throw TooLarge(limit);
                if (index == 0) Sniff(buffer.AsSpan(0, filled));
                db.Add(new UploadChunk { JobId = job.Id, Index = index++, Data = buffer[..filled] });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                var heartbeat = clock.GetUtcNow() + TimeSpan.FromMinutes(settings.Value.AbandonedUploadMinutes);
                await db.Set<RollJob>().Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, heartbeat), ct);
                if (filled < ChunkSize) break;
            }
            if (total == 0) throw new FieldValidationException("file", new Message("reconciliation.upload.file-empty"));
            await db.Set<RollJob>().Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.SizeBytes, total).SetProperty(j => j.ChunkCount, index)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct);
        }
        catch
        {
            // The chunks go with the job (cascade); nothing half-uploaded stays queued.
            db.ChangeTracker.Clear();
            await db.Set<RollJob>().Where(j => j.Id == job.Id).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        await audit.RecordAsync(actor, "reconciliation.upload", $"reconciliation:{job.Id}", "benefit-reconciliation",
            $"{code}: {job.FileName}", ct);
        signal.Notify();
        return new RollAccepted(job.Id, JobStatus.Queued.ToCode());
    }

    public static ProblemException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "Payload too large",
            new Message("reconciliation.upload.too-large").With("limit", limit / 1024 / 1024));

    private static async Task<int> FillAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), ct);
            if (read == 0) break;
            filled += read;
        }
        return filled;
    }

    /// <summary>Turns away what is plainly not a roll before storing it; everything else is the engine's call.</summary>
    private static void Sniff(ReadOnlySpan<byte> head)
    {
        Message? problem = null;
        if (head.StartsWith("PK\u0003\u0004"u8)) return; // XLSX is a zip; the engine reads it
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0])) problem = new Message("reconciliation.upload.old-excel");
        else if (head.StartsWith("%PDF"u8)) problem = new Message("reconciliation.upload.pdf");
        else if (head[..Math.Min(head.Length, 4096)].Contains((byte)0)) problem = new Message("reconciliation.upload.binary");
        if (problem is not null) throw new FieldValidationException("file", problem);
    }

    private static string CleanFileName(string? name)
    {
        var file = Path.GetFileName(name ?? "").Trim();
        file = new string(file.Where(ch => !char.IsControl(ch)).ToArray());
        if (file.Length == 0) file = "roll";
        return file.Length > 200 ? file[^200..] : file;
    }
}

public static class UploadRollEndpoint
{
    public static void MapUploadRoll(this RouteGroupBuilder api, long limit)
    {
        api.MapPost("/rolls", async Task<IResult> (HttpContext http, UploadRollHandler handler, CancellationToken ct) =>
            {
                var actor = Actor.Require(http);
                // Refused before a byte of the body is read; a chunked body is cut off at the limit below.
                if (http.Request.ContentLength > limit + ReconciliationModule.FormOverhead) throw UploadRollHandler.TooLarge(limit);
                if (!http.Request.HasFormContentType)
                    throw Platform.Errors.ProblemException.BadRequest(new Message("reconciliation.upload.multipart-required"));
                IFormCollection form;
                try
                {
                    form = await http.Request.ReadFormAsync(ct);
                }
                catch (Exception e) when (e is InvalidDataException || (e is BadHttpRequestException b && b.StatusCode == StatusCodes.Status413PayloadTooLarge))
                {
                    // The multipart reader refuses a body over MultipartBodyLengthLimit before the handler sees it.
                    throw UploadRollHandler.TooLarge(limit);
                }
                var file = form.Files.GetFile("file");
                await using var content = file?.OpenReadStream();
                var accepted = await handler.HandleAsync(actor, form["programme"].ToString(), file?.FileName, content, file?.Length, ct);
                return TypedResults.Accepted($"/api/v1/reconciliation/rolls/{accepted.Id}", accepted);
            })
            .WithMetadata(new RequestSizeLimitAttribute(limit + ReconciliationModule.FormOverhead))
            .WithFormOptions(multipartBodyLengthLimit: limit + ReconciliationModule.FormOverhead)
            .WithSummary("Upload a payee roll (multipart: file = CSV or XLSX, programme = e.g. enterprise-pension) to reconcile against the platform's deaths")
            .WithDescription("202 { id, status: queued }; poll GET /rolls/{id}. 400 no or unknown programme, empty or plainly not CSV/XLSX; 403 a programme of another department; 413 over Reconciliation:MaxUploadBytes (default 512 MiB). A file the engine cannot read ends as status failed with errorCode and error.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<RollAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }
}
