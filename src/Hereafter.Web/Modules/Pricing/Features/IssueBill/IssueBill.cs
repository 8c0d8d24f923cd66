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
        var errors = new Dictionary<string, string[]>();
        if (request.InstitutionId is null) errors["institutionId"] = ["请指定出具结算单的机构。"];
        var serviceDate = today;
        if (!string.IsNullOrWhiteSpace(request.ServiceDate))
        {
            if (!PricingTime.TryParseDate(request.ServiceDate, out serviceDate)) errors["serviceDate"] = ["服务日期格式应为 yyyy-MM-dd。"];
            else if (serviceDate > today) errors["serviceDate"] = [$"服务日期不能晚于今天（{today:yyyy-MM-dd}）。"];
        }
        var lines = request.Lines ?? [];
        if (lines.Count == 0) errors["lines"] = ["结算单至少要有一项。"];
        if (lines.Count > 100) errors["lines"] = ["一张结算单最多 100 项。"];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is null || lines[i].ItemId is null) errors[$"lines[{i}].itemId"] = ["请选择项目。"];
            if (lines[i]?.Quantity is null or < 1 or > BillPricing.MaxQuantity) errors[$"lines[{i}].quantity"] = [$"数量须在 1 到 {BillPricing.MaxQuantity} 之间。"];
        }
        if (errors.Count > 0) throw new FieldValidationException(errors);
        var institutionId = request.InstitutionId!.Value;
        if (!await db.Set<PricingInstitution>().AnyAsync(i => i.Id == institutionId, ct))
            throw new FieldValidationException(new Dictionary<string, string[]> { ["institutionId"] = ["没有以此 id 公示价目表的机构。"] });
        if (!PricingAccess.IsStaffOf(actor, institutionId))
            throw ProblemException.Forbidden("Only the institution's own staff issue its bills.");

        var deathCase = await cases.FindAsync(caseId, ct) ?? throw ProblemException.NotFound("No such case.");
        if (!deathCase.IsLinked(institutionId))
            throw ProblemException.Forbidden(NotLinkedMessage);
        if (deathCase.Status != CaseStatus.Open) throw ProblemException.Conflict("The case is cancelled: its certificate was revoked.");
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
                string.Join("; ", refusals.Select(r => $"{r.Path}: {r.Message}")));

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
    public const string NotLinkedMessage =
        "This institution is not linked to the case: only the funeral home the family chose, or an institution civil affairs linked to the case, may bill it.";

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
        ProblemException.Conflict("Another bill of this case was issued at the same moment and changed its subsidy; issue this bill again.");

    private static int CaseLockKey(Guid caseId) => BitConverter.ToInt32(caseId.ToByteArray(), 0);
}
