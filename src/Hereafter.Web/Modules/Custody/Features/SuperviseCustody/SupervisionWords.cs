using Hereafter.Domain.Custody;

namespace Hereafter.Web.Modules.Custody.Features.SuperviseCustody;

/// <summary>What each overdue reason means, for the status legend (Chinese; pages translate with <c>T[...]</c>); the states' words are <see cref="CustodyStatusWords"/>.</summary>
public static class SupervisionWords
{
    public static string ReasonExplanation(CustodyOverdue reason) => reason switch
    {
        CustodyOverdue.OverStorageLimit => "遗体存放已超过期限（到馆起算的天数或登记的延期），且未延期。",
        CustodyOverdue.PlacementOverdue => "骨灰交付后超过规定天数仍未确认安放（葬），须发提醒函和骨灰去向告知函。",
        CustodyOverdue.Unclaimed => "骨灰寄存期满无人认领，或已转为无主骨灰。",
        _ => "",
    };
}
