using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Pricing.Contracts;

// Categories, pricing modes, plot types and warning rules are pure vocabulary of the rules and live in
// Hereafter.Domain.Pricing (PriceCategory, PricingMode, PlotType, WarningRule).

/// <summary>Kinds of institution that publish a price list (the <c>type</c> of the public API), in directory order.</summary>
public enum InstitutionType
{
    /// <summary>殡仪馆.</summary>
    FuneralHome,
    /// <summary>公墓 (public-welfare or commercial, see <see cref="Contracts.CemeteryKind"/>).</summary>
    Cemetery,
    /// <summary>骨灰堂.</summary>
    Columbarium,
    /// <summary>殡葬服务店.</summary>
    ServiceShop,
}

/// <summary>公益性公墓 (government price) or 经营性公墓 (commercial, reference ranges).</summary>
public enum CemeteryKind
{
    PublicWelfare,
    Commercial,
}

/// <summary>A proposed price: <c>proposed</c> until the bureau approves or rejects it (stored and sent as its code, ADR 0013).</summary>
public enum PriceChangeStatus
{
    Proposed,
    Approved,
    Rejected,
}

/// <summary>A price warning is <c>open</c> until a supervisor (or the rejection of its proposal) closes it.</summary>
public enum WarningStatus
{
    Open,
    Closed,
}

public static class PricingCodeNames
{
    /// <summary>殡仪馆, 公墓, 骨灰堂, 殡葬服务店.</summary>
    public static string ChineseName(this InstitutionType type) => type switch
    {
        InstitutionType.FuneralHome => "殡仪馆",
        InstitutionType.Cemetery => "公墓",
        InstitutionType.Columbarium => "骨灰堂",
        InstitutionType.ServiceShop => "殡葬服务店",
        _ => type.ToCode(),
    };

    /// <summary>公益性, 经营性.</summary>
    public static string ChineseName(this CemeteryKind kind) => kind switch
    {
        CemeteryKind.PublicWelfare => "公益性",
        CemeteryKind.Commercial => "经营性",
        _ => "",
    };

    /// <summary>待审核, 已批准, 已驳回.</summary>
    public static string ChineseName(this PriceChangeStatus status) => status switch
    {
        PriceChangeStatus.Proposed => "待审核",
        PriceChangeStatus.Approved => "已批准",
        PriceChangeStatus.Rejected => "已驳回",
        _ => status.ToCode(),
    };
}
