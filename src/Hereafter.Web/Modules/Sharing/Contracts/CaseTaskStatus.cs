using System.Text.Json.Serialization;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>
/// A department's task on a case: <c>pending</c> until the department reports <c>received</c>, then
/// <c>done</c>, <c>rejected</c> or <c>not-applicable</c>.
/// </summary>
[JsonConverter(typeof(CodedValueJsonConverter<CaseTaskStatus>))]
public readonly record struct CaseTaskStatus : ICodedValue<CaseTaskStatus>
{
    public static readonly CaseTaskStatus Pending = new("pending");
    public static readonly CaseTaskStatus Received = new("received");
    public static readonly CaseTaskStatus Done = new("done");
    public static readonly CaseTaskStatus Rejected = new("rejected");
    public static readonly CaseTaskStatus NotApplicable = new("not-applicable");

    public static IReadOnlyList<CaseTaskStatus> All { get; } = [Pending, Received, Done, Rejected, NotApplicable];

    /// <summary>What a department may report (pending is only where a task starts).</summary>
    public static IReadOnlyList<CaseTaskStatus> Reportable { get; } = [Received, Done, Rejected, NotApplicable];

    private CaseTaskStatus(string code) => Code = code;

    public string Code { get; }

    public static CaseTaskStatus FromCode(string code) => new(code);

    /// <summary>Still waiting for the department: pending or received.</summary>
    public bool IsOpen => this == Pending || this == Received;

    /// <summary>待处理, 已接收, 已办结, 已退回, 不适用.</summary>
    public string ChineseName =>
        this == Pending ? "待处理" :
        this == Received ? "已接收" :
        this == Done ? "已办结" :
        this == Rejected ? "已退回" :
        this == NotApplicable ? "不适用" : Code;

    public override string ToString() => Code;
}
