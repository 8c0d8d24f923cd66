using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>
/// Loads a death case locked for the rest of the transaction, so that changes to one case (a certificate
/// event reaching every task, a department added to the case) happen one after the other: a department
/// added while a revocation is being shared either gets the revocation too or is refused because the case
/// is cancelled. On SQLite writers are serialised already.
/// </summary>
internal static class DeathCaseRows
{
    public static Task<DeathCase?> LockByCertificateAsync(HereafterDbContext db, Guid certificateId, CancellationToken ct) => db.IsPostgres
        ? db.Set<DeathCase>().FromSqlRaw("""SELECT * FROM sharing_cases WHERE "CertificateId" = {0} FOR UPDATE""", certificateId).FirstOrDefaultAsync(ct)
        : db.Set<DeathCase>().FirstOrDefaultAsync(c => c.CertificateId == certificateId, ct);

    public static Task<DeathCase?> LockAsync(HereafterDbContext db, Guid caseId, CancellationToken ct) => db.IsPostgres
        ? db.Set<DeathCase>().FromSqlRaw("""SELECT * FROM sharing_cases WHERE "Id" = {0} FOR UPDATE""", caseId).FirstOrDefaultAsync(ct)
        : db.Set<DeathCase>().FirstOrDefaultAsync(c => c.Id == caseId, ct);
}
