using System.Globalization;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing.Features.IssueBill;

/// <summary>
/// An institution issues a bill (结算单) for a death case: only items of its own published list, each at the price
/// in force on the service date; free basic services are subsidised automatically for residents (household
/// registration in the city, read from the death certificate), up to each item's cap and, across all the
/// funeral's bills, the bureau's per-funeral cap.
/// </summary>
public sealed class IssueBillHandler(
    HereafterDbContext db, IDeathCaseDirectory cases, ICertificateContent certificates, BillQueries bills, AuditLog audit, TimeProvider clock)
{
    /// <summary>Household registration in this city counts as resident (Guiyang, region 5201xx).</summary>
    public const string CityName = "贵阳市";
    public const string CityRegionPrefix = "5201";

    public async Task<BillDto> HandleAsync(Actor actor, Guid caseId, CreateBillRequest request, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var errors = new FieldErrors();
        if (request.InstitutionId is null) errors.Add("institutionId", new Message("pricing.bill.institution-required"));
        var serviceDate = today;
        if (!string.IsNullOrWhiteSpace(request.ServiceDate))
        {
            if (!PricingTime.TryParseDate(request.ServiceDate, out serviceDate)) errors.Add("serviceDate", new Message("pricing.bill.service-date-invalid-format"));
            else if (serviceDate > today) errors.Add("serviceDate", new Message("pricing.bill.service-date-in-future").With("today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        var lines = request.Lines ?? [];
        if (lines.Count == 0) errors.Add("lines", new Message("pricing.bill.no-lines"));
        if (lines.Count > 100) errors.Add("lines", new Message("pricing.bill.too-many-lines").With("max", 100));
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is null || lines[i].ItemId is null) errors.Add($"lines[{i}].itemId", new Message("pricing.item.required"));
            if (lines[i]?.Quantity is null or < 1 or > BillPricing.MaxQuantity) errors.Add($"lines[{i}].quantity", BillPricing.QuantityOutOfRange);
        }
        errors.ThrowIfAny();
        var institutionId = request.InstitutionId!.Value;
        if (!await db.Set<PricingInstitution>().AnyAsync(i => i.Id == institutionId, ct))
            throw new FieldValidationException("institutionId", new Message("pricing.price-list.not-found"));
        if (!PricingAccess.IsStaffOf(actor, institutionId))
            throw ProblemException.Forbidden(new Message("pricing.bill.staff-only"));

        var deathCase = await cases.FindAsync(caseId, ct) ?? throw ProblemException.NotFound(new Message("sharing.case.not-found"));
        if (!deathCase.IsLinked(institutionId))
            throw ProblemException.Forbidden(NotLinkedMessage);
        if (deathCase.Status != CaseStatus.Open) throw ProblemException.Conflict(new Message("sharing.case.cancelled"));
        var certificate = await certificates.CurrentAsync(deathCase.CertificateId, ct);
        var resident = certificate is not null && BillPricing.IsResident(
            certificate.Data.Decedent.HouseholdAddress, certificate.Data.Decedent.IdNumber, CityName, CityRegionPrefix);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The per-funeral subsidy cap spans this case's bills: one bill of a case at a time (SQLite has one writer anyway).
        if (db.IsPostgres)
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727102, {0})", [CaseLockKey(caseId)], ct);
        var settings = await PricingSettingsStore.ReadAsync(db, ct);
        var grant = await db.Set<SubsidyGrant>().AsNoTracking().FirstOrDefaultAsync(g => g.CaseId == caseId, ct);
        var granted = grant?.Granted ?? 0m;
        var requested = lines.Select(l => new BillLineRequest(l.ItemId!.Value, l.Quantity!.Value)).ToList();
        var catalogue = await PricingCatalogue.LoadAsync(db, requested.Select(l => l.ItemId).Distinct().ToList(), ct);
        var (priced, refusals) = BillPricing.Price(requested, catalogue.Items, institutionId, serviceDate, resident, granted, settings.ResidentSubsidyCapPerFuneral);
        if (priced is null)
            throw new ProblemException(StatusCodes.Status422UnprocessableEntity, "Only published items can be charged",
                new Message("pricing.bill.lines-not-chargeable").With("refusals", string.Join("; ", refusals.Select(r => $"{r.Path}: {Texts.Of(r.Explanation)}"))));

        var now = clock.GetUtcNow();
        var family = FamilyBillCode.New();
        var bill = new Bill
        {
            Id = Guid.NewGuid(), Number = $"JS{serviceDate:yyyyMMdd}{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}",
            CaseId = caseId, InstitutionId = institutionId, ServiceDate = serviceDate, Resident = resident,
            Total = priced.Total, Subsidy = priced.Subsidy, Payable = priced.Payable, IssuedAt = now, IssuedBy = actor.Name,
            FamilyCodeHash = family.Hash,
        };
        db.Add(bill);
        db.AddRange(priced.Lines.Select((l, n) => new BillLine
        {
            BillId = bill.Id, LineNo = n + 1, ItemId = l.Item.ItemId, Name = l.Item.Name, Category = l.Item.Category, Unit = l.Item.Unit,
            UnitPrice = l.UnitPrice, Quantity = l.Quantity, Amount = l.Amount, Subsidy = l.Subsidy, Payable = l.Payable,
            PriceEffectiveFrom = l.PriceEffectiveFrom,
        }));
        if (bill.Subsidy > 0) await GrantAsync(caseId, grant, bill.Subsidy, now, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { throw SubsidyRace(); }
        await audit.RecordAsync(actor, "bill.issue", $"bill:{bill.Number}", "funeral-service",
            $"case {caseId}: total {bill.Total:0.00}, subsidy {bill.Subsidy:0.00}, payable {bill.Payable:0.00}", ct);
        await tx.CommitAsync(ct);
        return (await bills.BillsAsync(b => b.Id == bill.Id, ct)).Single() with { FamilyUrl = FamilyBillCode.Url(family.Code) };
    }

    /// <summary>Shown to an institution that is not linked to the case (API ProblemDetails and the staff page).</summary>
    public static Message NotLinkedMessage => new Message("pricing.bill.institution-not-linked");

    /// <summary>
    /// Spends the case's subsidy once: the first grant inserts the case's row (its key refuses a second insert), later
    /// ones move it from the amount this bill was priced against. A concurrent bill that got there first makes this
    /// one fail with 409 rather than grant the cap twice.
    /// </summary>
    private async Task GrantAsync(Guid caseId, SubsidyGrant? before, decimal subsidy, DateTimeOffset now, CancellationToken ct)
    {
        if (before is null)
        {
            db.Add(new SubsidyGrant { CaseId = caseId, Granted = subsidy, UpdatedAt = now });
            return;
        }
        var total = before.Granted + subsidy;
        var moved = await db.Set<SubsidyGrant>().Where(g => g.CaseId == caseId && g.Granted == before.Granted)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.Granted, total).SetProperty(g => g.UpdatedAt, now), ct);
        if (moved == 0) throw SubsidyRace();
    }

    private static ProblemException SubsidyRace() =>
        ProblemException.Conflict(new Message("pricing.bill.subsidy-race"));

    private static int CaseLockKey(Guid caseId) => BitConverter.ToInt32(caseId.ToByteArray(), 0);
}
