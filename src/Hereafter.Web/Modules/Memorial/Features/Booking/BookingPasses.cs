using System.Globalization;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Signing;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Memorial.Features.Booking;

/// <summary>
/// A booking's pass (预约祭扫凭证): a token of format <see cref="CertificateTokens.BookingPassFormat"/> naming the booking
/// and a digest of what it admits (site, day, slot, party, car, person), signed before the booking's transaction (never
/// inside it: SM2 takes ~3 ms) and inserted with it in <see cref="MemorialBooking.PassToken"/>; the citizen's pass page
/// shows it as a QR code.
/// </summary>
public sealed class BookingPasses(HereafterDbContext db, CertificateTokens tokens, IVerificationAddresses addresses)
{
    /// <summary>What a pass asserts, fixed when the booking is made.</summary>
    public static byte[] Digest(Guid id, Guid slotId, Guid site, DateOnly date, string idNumber, int partySize, string? carPlate) =>
        CertificateTokens.Digest(string.Join('|', id.ToString("N"), slotId.ToString("N"), site.ToString("N"),
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), idNumber, partySize.ToString(CultureInfo.InvariantCulture), carPlate ?? ""));

    /// <summary>
    /// The booking's pass, signed and stored now when it has none (a row written without one, as by an earlier version).
    /// Two signers may race: the first stored token is the pass, the other is thrown away.
    /// </summary>
    public async Task<string> EnsureAsync(PassFacts booking, CancellationToken ct)
    {
        if (booking.PassToken is { } existing) return existing;
        var token = await SignAsync(booking, ct);
        var stored = await db.Set<MemorialBooking>().Where(b => b.Id == booking.Id && b.PassToken == null)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.PassToken, token), ct);
        if (stored == 1) return token;
        return await db.Set<MemorialBooking>().AsNoTracking().Where(b => b.Id == booking.Id).Select(b => b.PassToken).SingleAsync(ct) ?? token;
    }

    /// <summary>The pass of a booking about to be made or made (nothing stored).</summary>
    public Task<string> SignAsync(PassFacts booking, CancellationToken ct) =>
        tokens.SignAsync(new CertificateTokenPayload(booking.Id,
            Digest(booking.Id, booking.SlotId, booking.Site, booking.Date, booking.IdNumber, booking.PartySize, booking.CarPlate),
            booking.BookedAt) { Format = CertificateTokens.BookingPassFormat }, ct);

    /// <summary>The citizen's pass page as an absolute address (the configured public base URL).</summary>
    public string Url(Guid bookingId)
    {
        // The verification address is {base}/verify/{token}: its base is the platform's public address.
        const string probe = "/verify/-";
        var verify = addresses.For("-");
        var root = verify.EndsWith(probe, StringComparison.Ordinal) ? verify[..^probe.Length] : "";
        return root + MemorialPages.Pass(bookingId);
    }
}

/// <summary>What signing a booking's pass needs.</summary>
public sealed record PassFacts(Guid Id, Guid SlotId, Guid Site, DateOnly Date, string IdNumber, int PartySize, string? CarPlate, DateTimeOffset BookedAt, string? PassToken)
{
    public static PassFacts Of(MemorialBooking b) =>
        new(b.Id, b.SlotId, b.InstitutionId, b.Date, b.CitizenIdNumber, b.PartySize, b.CarPlate, b.BookedAt, b.PassToken);
}
