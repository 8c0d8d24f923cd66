using System.Globalization;
using Hereafter.Domain.Messages;
using Microsoft.AspNetCore.Localization;

namespace Hereafter.Web.Platform.Localization;

/// <summary>zh-CN by default; English is chosen with the language switch (a culture cookie).</summary>
public static class LocalizationModule
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddPlatformLocalization(this IServiceCollection services)
    {
        services.AddSingleton<Texts>();
        return services;
    }

    public static IApplicationBuilder UsePlatformLocalization(this IApplicationBuilder app)
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
        };
        // Only an explicit choice switches a page's language: it is Chinese unless the user asks otherwise. A
        // department system's API call may ask for English messages with Accept-Language.
        var acceptLanguage = new AcceptLanguageHeaderRequestCultureProvider { Options = options };
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
            new CustomRequestCultureProvider(http => http.Request.Path.StartsWithSegments("/api")
                ? acceptLanguage.DetermineProviderCultureResult(http)
                : Task.FromResult<ProviderCultureResult?>(null)),
        ];
        return app.UseRequestLocalization(options);
    }

    public static IEndpointRouteBuilder MapPlatformLocalization(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (!Cultures.Any(c => c.Name == culture)) return Results.BadRequest();
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
        return app;
    }
}

/// <summary>
/// UI strings in both cultures. Keys are the Chinese text itself, so a page reads naturally
/// and a missing English entry falls back to Chinese rather than to a key.
/// </summary>
public sealed class Texts
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string zh] => IsEnglish && English.TryGetValue(zh, out var en) ? en : zh;

    /// <summary>A catalogue message in the page's language.</summary>
    public string this[Message message] => Of(message);

    /// <summary>A catalogue message in the current request's language (zh-CN unless English was chosen).</summary>
    public static string Of(Message message) => message.In(IsEnglish);

    /// <summary>
    /// The platform's strings plus every feature's own table: a static class marked
    /// <see cref="EnglishStringsAttribute"/> with a static <c>Strings</c> dictionary (Chinese → English).
    /// </summary>
    private static Dictionary<string, string> English => LazyEnglish.Value;
    private static readonly Lazy<Dictionary<string, string>> LazyEnglish = new(Collect);

    private static Dictionary<string, string> Collect()
    {
        var all = new Dictionary<string, string>(Platform, StringComparer.Ordinal);
        foreach (var type in typeof(Texts).Assembly.GetTypes().Where(t => t.IsDefined(typeof(EnglishStringsAttribute), false)))
        {
            if (type.GetField("Strings", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)?.GetValue(null)
                is IReadOnlyDictionary<string, string> strings)
                foreach (var (zh, en) in strings) all[zh] = en;
        }
        return all;
    }

    private static readonly Dictionary<string, string> Platform = new(StringComparer.Ordinal)
    {
        ["百姓身后事服务平台"] = "Hereafter: after-death affairs service",
        ["首页"] = "Home",
        ["登录"] = "Sign in",
        ["退出"] = "Sign out",
        ["用户名"] = "User name",
        ["密码"] = "Password",
        ["页面不存在"] = "Page not found",
        ["出错了"] = "Something went wrong",
        ["无权访问"] = "Access denied",
        ["证明验证"] = "Certificate verification",
        ["接口文档"] = "API reference",
        ["工作人员登录"] = "Staff sign-in",
        ["演示账号"] = "Demo accounts",
        ["仅在开发环境显示。所有演示账号的密码均为"] = "Shown in the Development environment only. Every demo account's password is",
        ["数据库中还没有工作人员账号。"] = "The database has no staff accounts yet.",
        ["角色"] = "Roles",
        // Organisation type labels (OrganisationType.ChineseName).
        ["医院"] = "Hospital",
        ["社区卫生服务中心"] = "Community health centre",
        ["公安机关"] = "Police",
        ["民政局"] = "Civil affairs bureau",
        ["殡仪馆"] = "Funeral home",
        ["公墓"] = "Cemetery",
        ["人力资源和社会保障局"] = "Human resources and social security bureau",
        ["医疗保障局"] = "Healthcare security bureau",
        ["住房公积金管理中心"] = "Housing provident fund centre",
        ["银行"] = "Bank",
        ["交警"] = "Traffic police",
        ["残疾人联合会"] = "Disabled persons' federation",
    };
}

/// <summary>Marks a static class holding a feature's <c>Strings</c> table for <see cref="Texts"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EnglishStringsAttribute : Attribute;
