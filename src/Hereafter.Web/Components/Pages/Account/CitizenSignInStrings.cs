using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Components.Pages.Account;

[EnglishStrings]
internal static class CitizenSignInStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["居民实名登录"] = "Citizen sign-in (real-name identity)",
        ["请通过省统一身份认证平台登录。"] = "Sign in with the province's unified identity platform.",
        ["演示身份认证：家属用实名身份登录后办理身后事。"] = "Demo identity provider: families sign in with their real-name identity to handle after-death affairs.",
        ["用户名或身份证号码"] = "User name or citizen ID number",
        ["请输入用户名或身份证号码"] = "Enter your user name or citizen ID number",
        ["用户名或密码不正确。"] = "The user name or password is not right.",
        ["演示居民"] = "Demo citizens",
        ["仅在开发环境显示。密码均为"] = "Shown in the Development environment only. The password is always",
        ["；任何校验位正确的身份证号码也可登录（姓名为“测试”加号码后四位）。"] = "; any citizen ID number with a valid check digit also signs in (named Test, in Chinese, plus its last four characters).",
        ["家属办事"] = "Family services",
        ["您已登录"] = "You are signed in",
        ["姓名"] = "Name",
        ["身份证号码"] = "Citizen ID number",
        ["手机号码"] = "Mobile phone",
        ["退出登录"] = "Sign out",
    };
}
