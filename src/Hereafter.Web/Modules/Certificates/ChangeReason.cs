using Hereafter.Domain.Input;
using Hereafter.Web.Platform.Errors;
using Hereafter.Domain.Messages;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>The reason every change after issue (correct, reissue, revoke, review) must give.</summary>
public static class ChangeReason
{
    public static string Require(string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        var problems = FreeText.Check(trimmed, 500);
        if (problems.HasFlag(FreeTextProblems.Missing))
            throw new FieldValidationException("reason", new Message("certificates.reason.required"));
        if (problems.HasFlag(FreeTextProblems.TooLong))
            throw new FieldValidationException("reason", new Message("certificates.reason.too-long").With("max", 500));
        if (problems.HasFlag(FreeTextProblems.ForbiddenCharacter))
            throw new FieldValidationException("reason", new Message("certificates.reason.forbidden-characters"));
        return trimmed;
    }
}
