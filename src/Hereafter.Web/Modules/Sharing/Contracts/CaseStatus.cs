using System.Text.Json.Serialization;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>A death case is <c>open</c>, or <c>cancelled</c> when its certificate is revoked (证明已撤销).</summary>
[JsonConverter(typeof(CodedValueJsonConverter<CaseStatus>))]
public readonly record struct CaseStatus : ICodedValue<CaseStatus>
{
    public static readonly CaseStatus Open = new("open");
    public static readonly CaseStatus Cancelled = new("cancelled");

    public static IReadOnlyList<CaseStatus> All { get; } = [Open, Cancelled];

    private CaseStatus(string code) => Code = code;

    public string Code { get; }

    public static CaseStatus FromCode(string code) => new(code);

    // Converts to and from its code implicitly because tests that predate the type compare a case's stored
    // status with "cancelled" and are kept unchanged (issue #9); new code compares with Open and Cancelled.
    public static implicit operator string(CaseStatus status) => status.Code;
    public static implicit operator CaseStatus(string code) => new(code);

    public override string ToString() => Code;
}
