using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyOrders;

/// <summary>English of proxy sweeping's pages (the family's order pages, the site's orders) and its menu link.</summary>
[EnglishStrings]
internal static class ProxyStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // The menu group (StaffLinks.Groups.Memorial), shared with the other memorial services.
        ["纪念服务"] = "Memorial services",
        ["预订代祭扫"] = "Order proxy sweeping",
        ["不能亲自前往时，可以请公墓、骨灰堂的工作人员代为清洁墓碑、献花、代读祭文。价格为该单位公示的价格，按下单时的价格计费；费用线下直接付给该单位。完成后，工作人员上传的照片会显示在订单页上。"] =
            "When you cannot go yourself, the staff of the cemetery or columbarium can clean the headstone, lay flowers or read a eulogy for you. Prices are the ones the institution publishes, as they stand when you order; you pay the institution directly, offline. When it is done, the staff's photos appear on the order's page.",
        ["选择公墓或骨灰堂"] = "Choose a cemetery or columbarium",
        ["该单位没有公示代祭扫服务价格，请从下面的列表中选择。"] = "That institution publishes no proxy-sweeping prices: choose one from the list below.",
        ["目前没有公墓或骨灰堂公示代祭扫服务价格。"] = "No cemetery or columbarium publishes proxy-sweeping prices yet.",
        ["{0} 项服务，{1} 元起"] = "{0} services, from {1} yuan",
        ["填写订单"] = "Your order",
        ["公墓或骨灰堂"] = "Cemetery or columbarium",
        ["更换"] = "Change",
        ["服务项目"] = "Services",
        ["可多选。价格为该单位公示的价格。"] = "Choose one or more. Prices are the institution's published prices.",
        ["{0} 元"] = "{0} yuan",
        ["逝者姓名"] = "Name of the deceased",
        ["墓位位置"] = "Grave",
        ["墓区、排、号，例如：松园 3 排 12 号。"] = "Section, row and number, e.g. Pine Garden, row 3, no. 12.",
        ["希望代祭扫的日期"] = "Date wanted",
        ["工作人员需要时会打这个电话。"] = "The staff call this number if they need to.",
        ["祭文或嘱托（选填）"] = "Eulogy or wishes (optional)",
        ["需要代读的祭文、卡片上的留言等，最多 2000 字。"] = "The eulogy to read, the words for the card and so on; at most 2,000 characters.",
        ["费用线下支付：请直接付给该单位，本平台不代收任何费用。"] = "Payment is offline: pay the institution directly; the platform collects no money.",
        ["提交订单"] = "Place the order",
        ["我的代祭扫订单"] = "My proxy-sweeping orders",
        ["您还没有代祭扫订单。"] = "You have no proxy-sweeping orders yet.",
        ["日期"] = "Date",
        ["代祭扫订单"] = "Proxy-sweeping orders",
        ["返回代祭扫"] = "Back to proxy sweeping",
        ["没有找到这份代祭扫订单。"] = "There is no such proxy-sweeping order.",
        ["订单已提交。工作人员完成后，照片会显示在这里。"] = "Your order is placed. When the staff have done it, their photos appear here.",
        ["下单时间"] = "Ordered at",
        ["祭文或嘱托"] = "Eulogy or wishes",
        ["服务项目与价格"] = "Services and prices",
        ["价格为下单时该单位公示的价格，之后调价不影响本订单。"] = "Prices are the institution's published prices when you ordered; a later change of price does not change this order.",
        ["费用线下支付：请直接付给该单位（电话 {0}），本平台不代收任何费用。"] = "Payment is offline: pay the institution directly (phone {0}); the platform collects no money.",
        ["完成情况"] = "Done",
        ["完成时间"] = "Completed at",
        ["工作人员留言"] = "Note from the staff",
        ["代祭扫照片 {0}"] = "Proxy-sweeping photo {0}",
        ["待完成"] = "Ordered",
        ["已完成"] = "Completed",
        ["订单已提交，等待公墓或骨灰堂的工作人员在预订日期完成。"] = "The order is placed and waits for the cemetery's or columbarium's staff to do it on the date wanted.",
        ["工作人员已完成代祭扫，并上传了照片。"] = "The staff have done it and uploaded photos.",
        ["只有公墓、骨灰堂的工作人员可以办理代祭扫订单。"] = "Only the staff of a cemetery or columbarium handle proxy-sweeping orders.",
        ["家属按本单位公示的价格预订代祭扫，费用由家属线下支付给本单位。完成后请在订单中上传照片（JPEG 或 PNG），家属即可在订单页查看。"] =
            "Families order proxy sweeping at this institution's published prices and pay it directly, offline. When an order is done, upload its photos (JPEG or PNG) and the family sees them on the order's page.",
        ["还没有代祭扫订单。"] = "No proxy-sweeping orders yet.",
        ["{0} 的代祭扫"] = "Proxy sweeping on {0}",
        ["预订人"] = "Ordered by",
        ["{0} 张照片"] = "{0} photos",
        ["返回代祭扫订单"] = "Back to proxy-sweeping orders",
        ["已完成，家属可以在订单页查看照片。"] = "Completed: the family can see the photos on the order's page.",
        ["完成人"] = "Completed by",
        ["费用由家属线下直接支付给本单位，本平台不代收。"] = "The family pays this institution directly, offline; the platform collects nothing.",
        ["完成并上传照片"] = "Complete with photos",
        ["照片"] = "Photos",
        ["JPEG 或 PNG 格式，最多 {0} 张，每张不超过 {1} MB。照片会重新编码，去掉拍摄位置等信息。"] =
            "JPEG or PNG, at most {0} photos of at most {1} MB each. Photos are re-encoded, which removes where they were taken and other metadata.",
        ["留言（选填）"] = "Note (optional)",
        ["给家属的话，最多 500 字。"] = "A word for the family; at most 500 characters.",
        ["确认完成"] = "Confirm it is done",
        ["家属预订的代祭扫服务：按公示价格下单，完成后上传照片给家属查看。"] = "Proxy sweeping families order at the published prices; upload photos when done for the family to see.",
    };
}
