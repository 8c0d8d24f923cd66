using System.Text.Json.Nodes;
using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.BrowserTests.Site;

/// <summary>
/// Before the crawl: a family's application on one demo case (pension, survivor benefits, a deposit query to 工行), so the
/// social-security and bank worklists the crawl scans show family items and the bank's answer form, not only empty lists;
/// and 王丽 admitted to it, so the family's pages are crawled with a case on them.
/// </summary>
public static class FamilyTaskSeed
{
    public static async Task AddAsync(BrowserAppFactory app)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var open = await db.Set<DeathCase>().AsNoTracking().Where(c => c.Status == CaseStatus.Open).OrderBy(c => c.OpenedAt).FirstOrDefaultAsync();
            if (open is not null)
            {
                var icbc = await db.Set<Organisation>().SingleAsync(o => o.Code == "icbc-guiyang");
                var details = new JsonObject
                {
                    ["applicant"] = new JsonObject { ["name"] = "王丽", ["idNumberMasked"] = "5201**********0024", ["phone"] = "13800000002", ["relationship"] = "spouse" },
                    ["payoutAccount"] = new JsonObject { ["bank"] = "中国工商银行", ["accountNumber"] = "6212260200009876789", ["holderName"] = "王丽" },
                    ["contributionYears"] = 25,
                };
                await using var tx = await db.Database.BeginTransactionAsync();
                await scope.ServiceProvider.GetRequiredService<ICaseTaskRequests>().OpenAsync(open.Id,
                [
                    new TaskRequest(CaseTaskItem.Pension, null, details), new TaskRequest(CaseTaskItem.SurvivorBenefits, null, details),
                    new TaskRequest(CaseTaskItem.BankDeposits, icbc.Id, details),
                ], "王丽（家属）", CancellationToken.None);
                // 王丽 is admitted to the case, so the family crawl reaches its progress and application pages.
                var wang = Hereafter.Web.Platform.Demo.DemoCitizens.Wang;
                db.Add(new Hereafter.Web.Modules.Family.Data.FamilyAdmission
                {
                    Id = Guid.NewGuid(), CaseId = open.Id, CitizenSubject = wang.Subject, CitizenName = wang.Name, CitizenIdNumber = wang.IdNumber,
                    CitizenPhone = wang.Phone, Relationship = Hereafter.Web.Modules.Family.Contracts.Relationship.Spouse,
                    Status = Hereafter.Web.Modules.Family.Contracts.AdmissionStatus.Admitted, CreatedAt = DateTimeOffset.UtcNow,
                    DecidedAt = DateTimeOffset.UtcNow, DecidedBy = "family contact",
                });
                await db.SaveChangesAsync();
                await tx.CommitAsync();
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("No demo case was opened to put a family's application on.");
    }
}
