using Hereafter.Domain.Custody;

namespace Hereafter.Web.Modules.Custody.Features.SuperviseCustody;

/// <summary>What each state and overdue reason means, for the status legend (Chinese; pages translate with <c>T[...]</c>).</summary>
public static class SupervisionWords
{
    public static string StateExplanation(CustodyState state) => state switch
    {
        CustodyState.PickedUp => "殡仪馆已凭死亡证明接运遗体，尚未入库。",
        CustodyState.InStorage => "遗体已入库存放，存放期限从到馆起算，延期须登记理由。",
        CustodyState.Cremated => "已凭死亡证明、遗体火化确认书和承办人身份火化。",
        CustodyState.AshesReleased => "骨灰已按协议交付，尚待公墓或骨灰堂确认安放（葬）。",
        CustodyState.AshesStored => "骨灰寄存在殡仪馆。",
        CustodyState.Placed => "公墓或骨灰堂的安葬（放）记录已闭环。",
        CustodyState.Unclaimed => "骨灰寄存期满无人认领，已转为无主骨灰处理。",
        _ => "",
    };

    public static string ReasonExplanation(CustodyOverdue reason) => reason switch
    {
        CustodyOverdue.OverStorageLimit => "遗体存放已超过期限（到馆起算的天数或登记的延期），且未延期。",
        CustodyOverdue.PlacementOverdue => "骨灰交付后超过规定天数仍未确认安放（葬），须发提醒函和骨灰去向告知函。",
        CustodyOverdue.Unclaimed => "骨灰寄存期满无人认领，或已转为无主骨灰。",
        _ => "",
    };
}
