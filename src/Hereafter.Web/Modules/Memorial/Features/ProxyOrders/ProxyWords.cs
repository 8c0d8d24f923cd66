using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyOrders;

/// <summary>The words of an order's state on the pages, with the sentence that explains each (Chinese; pages translate).</summary>
public static class ProxyWords
{
    public static string Word(ProxyOrderStatus status) => status switch
    {
        ProxyOrderStatus.Completed => "已完成",
        _ => "待完成",
    };

    public static string Explanation(ProxyOrderStatus status) => status switch
    {
        ProxyOrderStatus.Completed => "工作人员已完成代祭扫，并上传了照片。",
        _ => "订单已提交，等待公墓或骨灰堂的工作人员在预订日期完成。",
    };

    public static IReadOnlyList<(string Code, string Label, string Explanation)> Legend(Texts t) =>
        [.. EnumCodes<ProxyOrderStatus>.All.Select(s => (s.ToCode(), t[Word(s)], t[Explanation(s)]))];
}
