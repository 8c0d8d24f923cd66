using Hereafter.Domain.Messages;

namespace Hereafter.Web.Modules.Reconciliation;

/// <summary>
/// What the clerk is told of a failed job: a catalogue message for the stored <c>ErrorCode</c> (the engine's
/// <c>RollFormatException.Code</c>, or <c>internal</c>); the engine's own stored text follows it unchanged.
/// </summary>
public static class RollFailures
{
    public static Message Describe(string? code) => code switch
    {
        "empty" => new Message("reconciliation.roll-file.empty"),
        "not-csv-or-xlsx" => new Message("reconciliation.roll-file.not-csv-or-xlsx"),
        "missing-columns" => new Message("reconciliation.roll-file.missing-columns"),
        "binary" => new Message("reconciliation.roll-file.binary"),
        "encoding" => new Message("reconciliation.roll-file.encoding"),
        "too-large" => new Message("reconciliation.roll-file.too-large"),
        "too-many-strings" => new Message("reconciliation.roll-file.too-many-strings"),
        "record-too-long" => new Message("reconciliation.roll-file.record-too-long"),
        "internal" => new Message("reconciliation.roll.interrupted"),
        _ => new Message("reconciliation.roll-file.unreadable"),
    };

    /// <summary>Whether the code has its own message (then the engine's stored text, Chinese and English, is not shown).</summary>
    public static bool Knows(string? code) => Describe(code).Key != "reconciliation.roll-file.unreadable";
}
