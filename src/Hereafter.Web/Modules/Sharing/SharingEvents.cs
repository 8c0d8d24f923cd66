using System.Text.Json;
using System.Text.Json.Nodes;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Json;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>
/// Writes department events: one row per department, with only the fields that department may see
/// (never more than its copy: no department receives causes of death or medical details).
/// </summary>
public sealed class SharingEvents(HereafterDbContext db, TimeProvider clock)
{
    public void Add(string type, DeathCase deathCase, Department department, JsonObject data, Guid? organisationId = null, Guid? sourceMessageId = null)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var envelope = new SharingEventDto(id, type, now, deathCase.Id, deathCase.CertificateNumber, data);
        db.Add(new SharingEvent
        {
            Id = id,
            Type = type,
            OccurredAt = now,
            CaseId = deathCase.Id,
            CertificateNumber = deathCase.CertificateNumber,
            Department = department,
            OrganisationId = organisationId,
            Json = JsonSerializer.Serialize(envelope, PlatformJson.Options),
            SourceMessageId = sourceMessageId,
        });
    }

    /// <summary>What a department may see of a certificate change.</summary>
    public static JsonObject CertificateData(CertificateChanged change, Department department)
    {
        var d = change.Data.Decedent;
        var decedent = new JsonObject
        {
            ["name"] = d.Name, ["sex"] = d.Sex, ["idType"] = d.IdType, ["idNumber"] = d.IdNumber,
            ["birthDate"] = d.BirthDate, ["householdAddress"] = d.HouseholdAddress,
        };
        var death = new JsonObject { ["dateTime"] = change.Data.Death.DateTime, ["placeType"] = change.Data.Death.PlaceType };
        if (department is Department.Police or Department.CivilAffairs)
        {
            decedent["ethnicity"] = d.Ethnicity;
            decedent["nationality"] = d.Nationality;
            decedent["maritalStatus"] = d.MaritalStatus;
            decedent["residenceAddress"] = d.ResidenceAddress;
        }
        // The police also learn whether the death was natural (unnatural deaths need their attention).
        if (department == Department.Police) death["manner"] = change.Data.Causes.Manner;
        var data = new JsonObject
        {
            ["version"] = change.Version,
            ["status"] = change.Status,
            ["issuer"] = change.IssuerName,
            ["certifiedAt"] = change.CertifiedAt,
            ["decedent"] = decedent,
            ["death"] = death,
            ["task"] = new JsonObject { ["department"] = department.ToCode() },
        };
        if (change.PreviousNumber is not null) data["previousNumber"] = change.PreviousNumber;
        if (change.Reason is not null) data["reason"] = change.Reason;
        RemoveNulls(data);
        return data;
    }

    private static void RemoveNulls(JsonObject o)
    {
        foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList()) o.Remove(key);
        foreach (var child in o.Select(p => p.Value).OfType<JsonObject>()) RemoveNulls(child);
    }
}
