using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Memorial.Features.Standards;

/// <summary>The bureau's link to the standards pages' editor (menu group 纪念服务); the public pages are <see cref="StaffLinks.PublicStandards"/>.</summary>
public static class StandardsLinks
{
    public static IEnumerable<StaffLinks.Link> For(Actor actor)
    {
        if (MemorialAccess.Supervises(actor))
            yield return new(MemorialPages.EditStandards, "丧事简办标准管理", "编辑公开的丧事简办、文明祭扫等标准页面，保留每一版及修改人和时间。");
    }
}
