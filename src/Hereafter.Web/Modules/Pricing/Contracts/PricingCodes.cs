using System.Text.Json.Serialization;
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

/// <summary>A proposed price: <c>proposed</c> until the bureau approves or rejects it.</summary>
[JsonConverter(typeof(CodedValueJsonConverter<PriceChangeStatus>))]
public readonly record struct PriceChangeStatus : ICodedValue<PriceChangeStatus>
{
    public static readonly PriceChangeStatus Proposed = new("proposed");
    public static readonly PriceChangeStatus Approved = new("approved");
    public static readonly PriceChangeStatus Rejected = new("rejected");

    public static IReadOnlyList<PriceChangeStatus> All { get; } = [Proposed, Approved, Rejected];

    private PriceChangeStatus(string code) => Code = code;

    public string Code { get; }

    public static PriceChangeStatus FromCode(string code) => new(code);

    /// <summary>待审核, 已批准, 已驳回.</summary>
    public string ChineseName =>
        this == Proposed ? "待审核" :
        this == Approved ? "已批准" :
        this == Rejected ? "已驳回" : Code;

    public override string ToString() => Code;
}

/// <summary>A price warning is <c>open</c> until a supervisor (or the rejection of its proposal) closes it.</summary>
[JsonConverter(typeof(CodedValueJsonConverter<WarningStatus>))]
public readonly record struct WarningStatus : ICodedValue<WarningStatus>
{
    public static readonly WarningStatus Open = new("open");
    public static readonly WarningStatus Closed = new("closed");

    public static IReadOnlyList<WarningStatus> All { get; } = [Open, Closed];

    private WarningStatus(string code) => Code = code;

    public string Code { get; }

    public static WarningStatus FromCode(string code) => new(code);

    public override string ToString() => Code;
}
