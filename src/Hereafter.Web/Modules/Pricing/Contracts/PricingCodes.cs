using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Pricing.Contracts;

// Categories, pricing modes, plot types and warning rules are pure vocabulary of the rules and live in
// Hereafter.Domain.Pricing (PriceCategories, PricingModes, PlotTypes, WarningRules).

/// <summary>Kinds of institution that publish a price list (the <c>type</c> of the public API).</summary>
public static class InstitutionTypes
{
    /// <summary>殡仪馆.</summary>
    public const string FuneralHome = "funeral-home";
    /// <summary>公墓 (public-welfare or commercial, see <see cref="CemeteryKinds"/>).</summary>
    public const string Cemetery = "cemetery";
    /// <summary>骨灰堂.</summary>
    public const string Columbarium = "columbarium";
    /// <summary>殡葬服务店.</summary>
    public const string ServiceShop = "service-shop";

    public static readonly string[] All = [FuneralHome, Cemetery, Columbarium, ServiceShop];

    public static string ChineseName(string type) => type switch
    {
        FuneralHome => "殡仪馆",
        Cemetery => "公墓",
        Columbarium => "骨灰堂",
        ServiceShop => "殡葬服务店",
        _ => type,
    };
}

/// <summary>公益性公墓 (government price) or 经营性公墓 (commercial, reference ranges).</summary>
public static class CemeteryKinds
{
    public const string PublicWelfare = "public-welfare";
    public const string Commercial = "commercial";

    public static string ChineseName(string? kind) => kind switch
    {
        PublicWelfare => "公益性",
        Commercial => "经营性",
        _ => "",
    };
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

public static class PriceChangeStatusNames
{
    /// <summary>待审核, 已批准, 已驳回.</summary>
    public static string ChineseName(this PriceChangeStatus status) => status switch
    {
        PriceChangeStatus.Proposed => "待审核",
        PriceChangeStatus.Approved => "已批准",
        PriceChangeStatus.Rejected => "已驳回",
        _ => status.ToCode(),
    };
}
