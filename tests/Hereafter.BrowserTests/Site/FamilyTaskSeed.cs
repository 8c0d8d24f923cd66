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
/// social-security and bank worklists the crawl scans show family items and the bank's answer form, not only empty lists.
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
                await db.SaveChangesAsync();
                await tx.CommitAsync();
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("No demo case was opened to put a family's application on.");
    }
}
