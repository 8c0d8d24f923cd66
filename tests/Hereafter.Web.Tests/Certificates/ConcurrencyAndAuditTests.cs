using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Certificates;

public sealed class ConcurrencyAndAuditTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task FiftyParallelIssues_ForOnePerson_GiveExactlyOne201()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var data = People.HospitalDeath(People.Next());
        using var gate = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, 50).Select(async _ =>
        {
            await gate.WaitAsync();
            var response = await hospital.PostAsJsonAsync("/api/v1/certificates", data, Web);
            return response.StatusCode;
        }).ToList();
        gate.Release(50);
        var codes = await Task.WhenAll(tasks);
        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.Created));
        Assert.Equal(49, codes.Count(c => c == HttpStatusCode.Conflict));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        Assert.Equal(1, await db.Set<Hereafter.Web.Modules.Certificates.Data.Certificate>().CountAsync(c => c.Number == data.Decedent.IdNumber));
    }

    [Fact]
    public async Task ChangingAnAuditRowDirectly_IsDetectedByVerify()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        Assert.Equal(HttpStatusCode.Created, (await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(People.Next()), Web)).StatusCode);
        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        var before = await (await supervisor.GetAsync("/api/v1/audit/verify")).JsonAsync();
        Assert.True(before.GetProperty("valid").GetBoolean());
        Assert.True(before.GetProperty("entries").GetInt64() > 1);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            // A DBA with full rights can lift the append-only trigger; the hash chain still tells.
            if (db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries DISABLE TRIGGER USER");
                await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Purpose\" = 'tampered' WHERE \"Sequence\" = 2");
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries ENABLE TRIGGER USER");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS audit_entries_no_update");
                await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Purpose\" = 'tampered' WHERE \"Sequence\" = 2");
            }
        }
        var after = await (await supervisor.GetAsync("/api/v1/audit/verify")).JsonAsync();
        Assert.False(after.GetProperty("valid").GetBoolean());
        Assert.Equal(2, after.GetProperty("firstBrokenEntry").GetInt64());
    }

    [Fact]
    public async Task AuditRows_CannotBeUpdatedOrDeletedThroughNormalSql()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE \"Sequence\" = 1"));
    }
}
