using Hereafter.Domain.Input;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>The reason every change after issue (correct, reissue, revoke, review) must give.</summary>
public static class ChangeReason
{
    public static string Require(string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        var problems = FreeText.Check(trimmed, 500);
        if (problems.HasFlag(FreeTextProblems.Missing))
            throw new FieldValidationException(new Dictionary<string, string[]> { ["reason"] = [Texts.IsEnglish ? "A reason is required." : "请填写原因"] });
        if (problems.HasFlag(FreeTextProblems.TooLong))
            throw new FieldValidationException(new Dictionary<string, string[]> { ["reason"] = [Texts.IsEnglish ? "The reason is too long (500 characters at most)." : "原因不能超过500字"] });
        if (problems.HasFlag(FreeTextProblems.ForbiddenCharacter))
            throw new FieldValidationException(new Dictionary<string, string[]> { ["reason"] = [Texts.IsEnglish ? "The reason contains characters that are not allowed." : "原因含有不允许的字符"] });
        return trimmed;
    }
}
