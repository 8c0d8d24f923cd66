using System.Globalization;
using Hereafter.Domain.Certificates;

namespace Hereafter.Web.Tests.Infrastructure;

/// <summary>The certificate page's form fields for given content, as a browser would post them.</summary>
public static class CertificateFormPosts
{
    /// <summary>Posts the form's first step (下一步：核对) with <paramref name="fields"/>: the 请核对 page, or the form with its errors.</summary>
    public static Task<HttpResponseMessage> CheckAsync(HttpClient client, IDictionary<string, string> fields) =>
        HtmlForms.SubmitAsync(client, "/certificates/new", "issue", new Dictionary<string, string>(fields) { ["Step"] = "check" });

    /// <summary>From a 请核对 page, posts one of its buttons' <c>Step</c> (<c>confirm</c>, <c>edit-decedent</c>, …).</summary>
    public static async Task<HttpResponseMessage> FromCheckPageAsync(HttpClient client, HttpResponseMessage checkPage, string step)
    {
        var html = await checkPage.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Step\" value=\"confirm\"", html);
        return await HtmlForms.SubmitAsync(client, checkPage.RequestMessage!.RequestUri!.PathAndQuery, html, "issue",
            new Dictionary<string, string> { ["Step"] = step });
    }

    /// <summary>
    /// Issues through the page as a certifier does: 下一步：核对, then 确认出具 on the 请核对 page. When the first step
    /// refuses (errors on the form), returns that response.
    /// </summary>
    public static async Task<HttpResponseMessage> IssueAsync(HttpClient client, IDictionary<string, string> fields)
    {
        var check = await CheckAsync(client, fields);
        var html = await check.Content.ReadAsStringAsync();
        return html.Contains("name=\"Step\" value=\"confirm\"", StringComparison.Ordinal)
            ? await FromCheckPageAsync(client, check, "confirm")
            : check;
    }

    public static Dictionary<string, string> Fields(CertificateData data)
    {
        var f = new Dictionary<string, string>
        {
            ["Form.Decedent.Name"] = data.Decedent.Name ?? "",
            ["Form.Decedent.Sex"] = data.Decedent.Sex ?? "",
            ["Form.Decedent.Ethnicity"] = data.Decedent.Ethnicity ?? "",
            ["Form.Decedent.Nationality"] = data.Decedent.Nationality ?? "",
            ["Form.Decedent.IdType"] = data.Decedent.IdType ?? "",
            ["Form.Decedent.IdNumber"] = data.Decedent.IdNumber ?? "",
            ["Form.Decedent.BirthDate"] = data.Decedent.BirthDate ?? "",
            ["Form.Decedent.MaritalStatus"] = data.Decedent.MaritalStatus ?? "",
            ["Form.Decedent.Education"] = data.Decedent.Education ?? "",
            ["Form.Decedent.Occupation"] = data.Decedent.Occupation ?? "",
            ["Form.Decedent.WorkUnit"] = data.Decedent.WorkUnit ?? "",
            ["Form.Decedent.HouseholdAddress"] = data.Decedent.HouseholdAddress ?? "",
            ["Form.Decedent.ResidenceAddress"] = data.Decedent.ResidenceAddress ?? "",
            // <input type=datetime-local> posts local time without seconds or offset.
            ["Form.Death.DateTime"] = DateTimeOffset.Parse(data.Death.DateTime!, CultureInfo.InvariantCulture)
                .ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Form.Death.PlaceType"] = data.Death.PlaceType ?? "",
            ["Form.Death.PlaceName"] = data.Death.PlaceName ?? "",
            ["Form.Death.PregnancyStatus"] = data.Death.PregnancyStatus ?? "",
            ["Form.Causes.UnderlyingCauseIcd10"] = data.Causes.UnderlyingCauseIcd10 ?? "",
            ["Form.Causes.DiagnosisBasis"] = data.Causes.DiagnosisBasis ?? "",
            ["Form.Causes.HighestDiagnosisLevel"] = data.Causes.HighestDiagnosisLevel ?? "",
            ["Form.Causes.Manner"] = data.Causes.Manner ?? "",
            ["Form.Informant.Name"] = data.Informant.Name ?? "",
            ["Form.Informant.Relationship"] = data.Informant.Relationship ?? "",
            ["Form.Informant.Phone"] = data.Informant.Phone ?? "",
            ["Form.Informant.Address"] = data.Informant.Address ?? "",
            ["Form.Certifier.Name"] = data.Certifier.Name ?? "",
            ["Form.Certifier.LicenseNumber"] = data.Certifier.LicenseNumber ?? "",
        };
        // Every row of the form is posted, the unused ones empty, as a browser does.
        for (var i = 0; i < 4; i++)
        {
            var line = i < data.Causes.PartI.Count ? data.Causes.PartI[i] : null;
            f[$"Form.Causes.PartI[{i}].Text"] = line?.Text ?? "";
            f[$"Form.Causes.PartI[{i}].IntervalValue"] = line?.Interval?.Value?.ToString(CultureInfo.InvariantCulture) ?? "";
            f[$"Form.Causes.PartI[{i}].IntervalUnit"] = line?.Interval?.Unit ?? "";
            f[$"Form.Causes.PartI[{i}].Icd10"] = line?.Icd10 ?? "";
        }
        for (var i = 0; i < 3; i++)
        {
            var other = i < data.Causes.PartII.Count ? data.Causes.PartII[i] : null;
            f[$"Form.Causes.PartII[{i}].Text"] = other?.Text ?? "";
            f[$"Form.Causes.PartII[{i}].Icd10"] = other?.Icd10 ?? "";
        }
        var inv = data.Investigation;
        f["Form.Investigation.History"] = inv?.History ?? "";
        f["Form.Investigation.InformantName"] = inv?.InformantName ?? "";
        f["Form.Investigation.InferredCause"] = inv?.InferredCause ?? "";
        f["Form.Investigation.Investigator"] = inv?.Investigator ?? "";
        f["Form.Investigation.Date"] = inv?.Date ?? "";
        return f;
    }

    /// <summary>A client signed in with the cookie through the real sign-in page.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this HereafterFactory factory, TestStaff.Seeded staff)
    {
        var client = factory.CreateClient();
        var response = await HtmlForms.SubmitAsync(client, "/signin", "signin",
            new Dictionary<string, string> { ["Input.UserName"] = staff.UserName, ["Input.Password"] = staff.Password });
        response.EnsureSuccessStatusCode();
        return client;
    }
}
