using Hereafter.Domain.Messages;

namespace Hereafter.Domain.Certificates;

/// <summary>A data-quality finding: shown and recorded with the certificate, never blocking it.</summary>
public sealed record QualityWarning(string Code, string Path, Message Message)
{
    public string Chinese => Message.Chinese;

    public string English => Message.English;
}
