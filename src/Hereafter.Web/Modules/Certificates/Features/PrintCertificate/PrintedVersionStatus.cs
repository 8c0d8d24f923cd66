namespace Hereafter.Web.Modules.Certificates.Features.PrintCertificate;

/// <summary>What a printed version is stamped as; given as <c>issued</c>, <c>superseded</c> or <c>revoked</c>.</summary>
public enum PrintedVersionStatus
{
    Issued,
    /// <summary>An older version of a corrected certificate.</summary>
    Superseded,
    Revoked,
}
