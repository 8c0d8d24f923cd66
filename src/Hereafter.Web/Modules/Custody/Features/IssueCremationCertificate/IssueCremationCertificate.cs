using Hereafter.Domain.Custody;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Platform.Signing;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.IssueCremationCertificate;

public sealed record CremationCertificateIssued(string Number);

/// <summary>
/// 出具火化证明 after the cremation: the next number of the funeral home's series for the China year of issue
/// (<c>{HOME CODE}-{year}-{serial:000000}</c>), the content digest and the signed QR token (format 2, ADR 0029). The
/// serial is taken by an UPDATE of the series row in the same transaction as the certificate, so concurrent issues (of
/// other records) queue on that row and never share or skip a number; a second issue for the same record fails on the
/// record's version or on the one-certificate-per-record unique index (409), rolling its serial back with it.
/// </summary>
public sealed class IssueCremationCertificateHandler(HereafterDbContext db, CustodyRecords records, CertificateTokens tokens, TimeProvider clock)
{
    public async Task<CremationCertificateIssued> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var record = await records.RequireHeldAsync(actor, id, ct);
        var facts = await records.FactsAsync(record, certificateActive: true, ct);
        CustodyRecords.Require(facts, CustodyStep.IssueCremationCertificate);
        var home = await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == record.FuneralHomeId)
            .Select(o => new { o.Code, o.Name }).FirstAsync(ct);
        var now = clock.GetUtcNow();
        var year = ChinaTime.ToChina(now).Year;
        await EnsureSeriesAsync(record.FuneralHomeId, year, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<CremationCertificateSerial>().Where(s => s.FuneralHomeId == record.FuneralHomeId && s.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSerial, x => x.LastSerial + 1), ct);
        var serial = await db.Set<CremationCertificateSerial>().AsNoTracking()
            .Where(s => s.FuneralHomeId == record.FuneralHomeId && s.Year == year).Select(s => s.LastSerial).FirstAsync(ct);
        var certificate = new CremationCertificate
        {
            Id = Guid.NewGuid(), CustodyId = record.Id, FuneralHomeId = record.FuneralHomeId, Year = year, Serial = serial,
            Number = NumberOf(home.Code, year, serial), IssuedAt = now, IssuedBy = actor.Name,
        };
        await SignAsync(certificate, record, home.Name, tokens, now, ct);
        db.Add(certificate);
        records.AddStep(record, actor, CustodyStep.IssueCremationCertificate, now, document: $"火化证明 {certificate.Number}");
        await records.SaveAsync(record, ct);
        await tx.CommitAsync(ct);
        return new CremationCertificateIssued(certificate.Number);
    }

    /// <summary><c>{HOME CODE}-{year}-{serial:000000}</c>: unique per funeral home and year, and across homes by the code.</summary>
    public static string NumberOf(string homeCode, int year, int serial)
    {
        var prefix = homeCode.ToUpperInvariant();
        return $"{(prefix.Length > 20 ? prefix[..20] : prefix)}-{year}-{serial:000000}";
    }

    /// <summary>(Re)computes the digest of the printed content and signs the QR token for it.</summary>
    public static async Task SignAsync(CremationCertificate certificate, CustodyRecord record, string funeralHome, CertificateTokens tokens, DateTimeOffset now, CancellationToken ct)
    {
        var digest = CremationCertificateContent.Of(record, certificate, funeralHome).Digest();
        certificate.ContentDigest = Convert.ToHexStringLower(digest);
        certificate.Token = await tokens.SignAsync(new CertificateTokenPayload(certificate.Id, digest, now) { Format = CertificateTokens.CremationFormat }, ct);
    }

    /// <summary>The year's series row, created once (a concurrent creation loses on the key and is ignored).</summary>
    private async Task EnsureSeriesAsync(Guid homeId, int year, CancellationToken ct)
    {
        if (await db.Set<CremationCertificateSerial>().AnyAsync(s => s.FuneralHomeId == homeId && s.Year == year, ct)) return;
        var row = new CremationCertificateSerial { FuneralHomeId = homeId, Year = year, LastSerial = 0 };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another issue created it first.
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}

public static class IssueCremationCertificateEndpoint
{
    public static RouteGroupBuilder MapIssueCremationCertificate(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/cremation-certificate", async (Guid id, HttpContext http, IssueCremationCertificateHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, ct)))
            .WithSummary("Issue the 火化证明 after the cremation → { number } unique per funeral home and year")
            .Produces<CremationCertificateIssued>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
