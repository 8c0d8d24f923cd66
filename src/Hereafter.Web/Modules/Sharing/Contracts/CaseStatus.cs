namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>A death case is <c>open</c>, or <c>cancelled</c> when its certificate is revoked (证明已撤销); stored and sent as its code (ADR 0013).</summary>
public enum CaseStatus
{
    Open,
    Cancelled,
}
