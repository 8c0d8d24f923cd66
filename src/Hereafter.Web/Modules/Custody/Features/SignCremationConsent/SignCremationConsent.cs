using Hereafter.Domain.Custody;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.SignCremationConsent;

/// <summary>The 遗体火化确认书 as the counter enters it (the API's body); <see cref="Relationship"/> is a code of the family portal's list.</summary>
public sealed record CremationConsentRequest(string? Name, string? IdNumber, string? Relationship, string? Phone, DateTimeOffset? SignedAt);

/// <summary>The step's answer: the record and the state it is in after the step.</summary>
public sealed record CustodyStepDone(Guid Id, string State);

/// <summary>Where a 确认书 was signed: by the person in charge on their phone, or on paper entered at the counter.</summary>
public static class ConsentChannels
{
    public const string Phone = "phone";
    public const string Counter = "counter";
}

/// <summary>
/// 签署遗体火化确认书: the person in charge (丧事承办人) names themselves, their ID, their relationship and phone. At the
/// counter the funeral home enters the signed paper; on a phone the person in charge signs with the name and ID their
/// real-name sign-in verified (ADR 0029). Field problems are a 400 (ID checksum, phone, relationship); what the loop
/// refuses (the deceased's own ID, a signature before the death, a cremated or frozen record) is a 409. The latest
/// signature counts until the cremation; each one is a line of the timeline with its channel.
/// </summary>
public sealed class SignCremationConsentHandler(HereafterDbContext db, CustodyRecords records, TimeProvider clock)
{
    /// <summary>The funeral home enters a signed paper 确认书.</summary>
    public async Task<CustodyStepDone> AtCounterAsync(Actor actor, Guid id, CremationConsentRequest request, CancellationToken ct)
    {
        var record = await records.RequireHeldAsync(actor, id, ct);
        var errors = new FieldErrors();
        var name = PersonFields.Name(request.Name, errors);
        var idNumber = PersonFields.IdNumber(request.IdNumber, errors);
        var relationship = PersonFields.Relationship(request.Relationship, errors);
        var phone = PersonFields.Phone(request.Phone, errors);
        var now = clock.GetUtcNow();
        if (request.SignedAt is null) errors.Add("signedAt", new Message("custody.consent.signed-at.required"));
        else if (request.SignedAt > now.AddMinutes(5)) errors.Add("signedAt", new Message("custody.consent.signed-at.future"));
        errors.ThrowIfAny();
        return await SignAsync(record, actor, new CremationConsent
        {
            CustodyId = record.Id, Name = name, IdNumber = idNumber, Relationship = relationship, Phone = phone,
            SignedAt = request.SignedAt!.Value.ToUniversalTime(), Channel = ConsentChannels.Counter,
        }, ct);
    }

    /// <summary>
    /// The person in charge signs on their phone: name and ID are the verified claims of their sign-in, the time is now.
    /// <paramref name="id"/> comes from the signed link the funeral home showed them (<see cref="ConsentLinks"/>).
    /// </summary>
    public async Task<CustodyStepDone> OnPhoneAsync(Citizen citizen, Guid id, string? relationshipCode, string? phoneNumber, CancellationToken ct)
    {
        var record = await db.Set<CustodyRecord>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw CustodyRecords.NotFound();
        var errors = new FieldErrors();
        var relationship = PersonFields.Relationship(relationshipCode, errors);
        var phone = PersonFields.Phone(phoneNumber, errors);
        errors.ThrowIfAny();
        return await SignAsync(record, citizen.ToActor(), new CremationConsent
        {
            CustodyId = record.Id, Name = citizen.Name, IdNumber = IdNumber.Normalize(citizen.IdNumber), Relationship = relationship, Phone = phone,
            SignedAt = clock.GetUtcNow(), Channel = ConsentChannels.Phone,
        }, ct);
    }

    /// <summary>The relationship codes accepted: the family portal's list.</summary>
    public static IReadOnlyList<Relationship> RelationshipOptions => PersonFields.RelationshipOptions;

    private async Task<CustodyStepDone> SignAsync(CustodyRecord record, Actor actor, CremationConsent consent, CancellationToken ct)
    {
        var facts = await records.FactsAsync(record, certificateActive: true, ct);
        CustodyRecords.Require(facts, CustodyStep.SignConsent, new StepInput(new ConsentFacts(consent.IdNumber, consent.SignedAt)));
        consent.RecordedBy = actor.Name;
        consent.RecordedAt = clock.GetUtcNow();
        var existing = await db.Set<CremationConsent>().FirstOrDefaultAsync(c => c.CustodyId == record.Id, ct);
        if (existing is null) db.Add(consent);
        else db.Entry(existing).CurrentValues.SetValues(consent);
        records.AddStep(record, actor, CustodyStep.SignConsent, consent.SignedAt, document: "遗体火化确认书",
            note: $"{consent.Channel}: {consent.Name} {PersonalDataMask.IdNumber(consent.IdNumber)}");
        await records.SaveAsync(record, ct);
        return new CustodyStepDone(record.Id, record.State.ToCode());
    }
}
