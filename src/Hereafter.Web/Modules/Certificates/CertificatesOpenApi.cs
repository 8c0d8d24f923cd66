using System.Text;
using Hereafter.Domain.Certificates;
using Microsoft.AspNetCore.OpenApi;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>Puts the national form's code lists into the OpenAPI document, where department systems read them.</summary>
internal sealed class CertificatesOpenApi : IOpenApiDocumentTransformer
{
    private static readonly (string Field, IReadOnlyList<CodeEntry> List)[] Lists =
    [
        ("decedent.sex", CodeLists.Sex),
        ("decedent.idType", CodeLists.IdType),
        ("decedent.maritalStatus", CodeLists.MaritalStatus),
        ("decedent.education", CodeLists.Education),
        ("death.placeType", CodeLists.PlaceType),
        ("death.pregnancyStatus", CodeLists.PregnancyStatus),
        ("causes.partI[].line", CodeLists.CauseLine),
        ("causes.partI[].interval.unit", CodeLists.IntervalUnit),
        ("causes.diagnosisBasis", CodeLists.DiagnosisBasis),
        ("causes.highestDiagnosisLevel", CodeLists.HighestDiagnosisLevel),
        ("causes.manner", CodeLists.Manner),
    ];

    public Task TransformAsync(Microsoft.OpenApi.OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Hereafter API · 百姓身后事服务平台";
        document.Info.Version = "v1";
        var text = new StringBuilder();
        text.AppendLine("Department systems authenticate with OAuth 2.0 client credentials at `POST /connect/token` and send `Authorization: Bearer <token>`.");
        text.AppendLine("Errors are RFC 9457 problem details; validation errors (400) are keyed by JSON path, e.g. `decedent.idNumber`, with messages in Chinese (send the culture cookie or `?culture=en` for English).");
        text.AppendLine();
        text.AppendLine("## Certificate code lists (国卫规划发〔2026〕5号)");
        text.AppendLine("Coded fields carry these codes as strings. `ethnicity` and `nationality` are Chinese names (汉族, 中国); `death.dateTime` is ISO 8601 with offset.");
        foreach (var (field, list) in Lists)
        {
            text.AppendLine();
            text.AppendLine($"**{field}**");
            text.AppendLine();
            text.AppendLine("| code | 中文 | English |");
            text.AppendLine("| --- | --- | --- |");
            foreach (var e in list) text.AppendLine($"| `{e.Code}` | {e.Chinese} | {e.English} |");
        }
        text.AppendLine();
        text.AppendLine("Certificate numbers: the decedent's citizen ID (18 characters; 15-digit IDs are converted), else the passport/other ID, else (unidentified, name \"无\") the issuer's unified social credit code followed by a 4-digit serial of the year.");
        document.Info.Description = text.ToString();
        return Task.CompletedTask;
    }
}
