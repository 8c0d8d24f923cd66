using System.Net;
using System.Text.RegularExpressions;
using Hereafter.Domain.Identity;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>
/// A review row is decided on its own page: the deciding clerk sees the characters that differ (audited), everyone
/// else sees them masked; after a decision every tile and count of the job agrees with the lists.
/// </summary>
public sealed partial class ReviewDecisionPageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task TheDecidingClerk_SeesTheDifferingCharacter_OthersSeeItMasked_AndTheRevealIsAudited()
    {
        // Three different characters: with a repeated one (王桂桂) the changed character's place is ambiguous.
        var dead = People.Next();
        while (dead.Name.Distinct().Count() < 3) dead = People.Next();
        await factory.IssueAsync(dead);
        // The roll writes the name with its middle character changed (张健国 against the certificate's 张建国).
        var other = dead.Name[1] == '健' ? '建' : '健';
        var rollName = $"{dead.Name[0]}{other}{dead.Name[2]}";
        var api = await factory.ClientForAsync("demo-civil-affairs");
        var id = await api.UploadAcceptedAsync("dibao", $"身份证号,姓名,月发放金额,已发放至\n{dead.IdNumber},{rollName},500.00,2099-12\n");
        Assert.Equal("completed", (await api.WaitFinishedAsync(id)).GetProperty("status").GetString());
        var rowPage = $"/reconciliation/{id}/review/2";

        var clerk = await SignedIn.AsAsync(factory, "clerk.civil");
        var jobHtml = await clerk.GetStringAsync($"/reconciliation/{id}");
        Assert.Contains($"href=\"{rowPage}\"", jobHtml); // the row leads to its decision
        Assert.DoesNotContain("<mark>", jobHtml);
        Assert.DoesNotContain(rollName, jobHtml);
        Assert.DoesNotContain(dead.Name, jobHtml);

        var decidingHtml = await clerk.GetStringAsync(rowPage);
        Assert.Contains($"{dead.Name[0]}<mark>{other}</mark>{dead.Name[2]}", decidingHtml);
        Assert.Contains($"{dead.Name[0]}<mark>{dead.Name[1]}</mark>{dead.Name[2]}", decidingHtml);
        Assert.Contains("id=\"differences\"", decidingHtml);
        Assert.Contains($"第 2 位 <q lang=\"zh-CN\">{other}</q>", decidingHtml); // said in text, not only by colour
        Assert.Contains("身份证号：两边相同。", decidingHtml);
        Assert.Contains(PersonalDataMask.IdNumber(dead.IdNumber), decidingHtml); // the ID, equal on both sides, stays masked
        Assert.DoesNotContain(dead.IdNumber, decidingHtml);
        Assert.Contains("_handler\" value=\"confirm\"", decidingHtml);

        // The civil-affairs supervisor may open the row, but is not the clerk deciding it: masked, nothing audited.
        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var supervisorHtml = await supervisor.GetStringAsync(rowPage);
        Assert.DoesNotContain("<mark>", supervisorHtml);
        Assert.DoesNotContain(rollName, supervisorHtml);
        Assert.DoesNotContain(dead.Name, supervisorHtml);
        Assert.Contains(PersonalDataMask.Name(dead.Name), supervisorHtml);

        using (var scope = factory.Services.CreateScope())
        {
            var reveals = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<AuditEntry>()
                .Where(a => a.Subject == $"reconciliation:{id}" && a.Action == "reconciliation.review-compare").ToListAsync();
            var reveal = Assert.Single(reveals);
            Assert.Contains("row 2", reveal.Details);
        }

        // Once decided, the row is no longer on a deciding form: masked for the clerk too.
        var confirmed = await HtmlForms.SubmitAsync(clerk, rowPage, "confirm", new Dictionary<string, string>());
        Assert.Equal($"/reconciliation/{id}", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        var after = await clerk.GetStringAsync(rowPage);
        Assert.DoesNotContain("<mark>", after);
        Assert.DoesNotContain(rollName, after);
    }

    [Fact]
    public async Task AfterEachDecision_EveryTileAndCountOfTheJob_Updates()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        var api = await factory.ClientForAsync("demo-social-security");
        var id = await api.UploadAcceptedAsync("enterprise-pension", roll.Csv);
        await api.WaitFinishedAsync(id);
        var clerk = await SignedIn.AsAsync(factory, "social.wu");
        var job = $"/reconciliation/{id}";

        var before = Tiles(await clerk.GetStringAsync(job));
        Assert.Equal(("1", "2", "2", "1"), (before["exact-stops"], before["review-count"], before["rejected-count"], before["unmatched-count"]));
        Assert.Equal("2,469.00", before["overpaid-amount"]);
        Assert.Equal("2", ListCell(await clerk.GetStringAsync("/reconciliation"), id, "review"));

        // Row 8 (300.00 a month, paid two months past the death) confirmed: a stop more, a review row fewer.
        var confirmed = await HtmlForms.SubmitAsync(clerk, $"{job}/review/8", "confirm", new Dictionary<string, string>());
        var tiles = Tiles(await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(("2", "1", "1"), (tiles["exact-stops"], tiles["review-count"], tiles["unmatched-count"]));
        Assert.Equal("4", tiles["overpaid-months"]);
        Assert.Equal("3,069.00", tiles["overpaid-amount"]);
        Assert.Contains("需人工核实（2，待核实 1）", await confirmed.Content.ReadAsStringAsync());

        // Row 3 dismissed: no review row pending, the row counts as unmatched; the figures still add up to the rows.
        var dismissed = await HtmlForms.SubmitAsync(clerk, $"{job}/review/3", "dismiss", new Dictionary<string, string> { ["reason"] = "同名不同人" });
        tiles = Tiles(await dismissed.Content.ReadAsStringAsync());
        Assert.Equal(("2", "0", "2"), (tiles["exact-stops"], tiles["review-count"], tiles["unmatched-count"]));
        Assert.Equal(int.Parse(tiles["rows-count"]), new[] { "exact-stops", "review-count", "rejected-count", "unmatched-count" }.Sum(k => int.Parse(tiles[k])));

        // The job list and the API say the same.
        var list = await clerk.GetStringAsync("/reconciliation");
        Assert.Equal(("2", "0"), (ListCell(list, id, "stops"), ListCell(list, id, "review")));
        var summary = (await api.WaitFinishedAsync(id)).GetProperty("summary");
        Assert.Equal((2, 0, 2), (summary.GetProperty("stops").GetInt64(), summary.GetProperty("reviewPending").GetInt64(), summary.GetProperty("unmatchedNow").GetInt64()));
        Assert.Equal((1, 2), (summary.GetProperty("exactStops").GetInt64(), summary.GetProperty("review").GetInt64())); // the run's own figures stay
    }

    [Fact]
    public async Task ADismissalWithoutAReason_IsListedInTheErrorSummary_LinkedToTheField()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        var api = await factory.ClientForAsync("demo-social-security");
        var id = await api.UploadAcceptedAsync("enterprise-pension", roll.Csv);
        await api.WaitFinishedAsync(id);
        var clerk = await SignedIn.AsAsync(factory, "social.wu");
        var response = await HtmlForms.SubmitAsync(clerk, $"/reconciliation/{id}/review/3", "dismiss", new Dictionary<string, string> { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error-summary\"", html);
        Assert.Contains($"<a href=\"/reconciliation/{id}/review/3#reason\" data-field=\"reason\">排除时须填写原因</a>", html);
        Assert.Contains("aria-required=\"true\"", html);
    }

    private static Dictionary<string, string> Tiles(string html) =>
        Tile().Matches(html).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["value"].Value);

    /// <summary>The count in the job list's stops or review column for the job.</summary>
    private static string ListCell(string html, Guid id, string anchor) =>
        Regex.Match(html, $"href=\"/reconciliation/{id}#{anchor}\">(?<n>[0-9]*)</a>").Groups["n"].Value;

    [GeneratedRegex("<span class=\"tile-value\" id=\"(?<id>[a-z-]+)\">(?<value>[0-9.,]+)</span>")]
    private static partial Regex Tile();
}
