using Microsoft.Playwright;

namespace Hereafter.BrowserTests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for the whole browser collection. Playwright's bundled driver talks to it;
/// no browser is ever downloaded (never run <c>playwright install</c>). When Chromium is missing nothing is
/// launched and <see cref="ChromiumFactAttribute"/> skips the tests.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";
    public static bool IsAvailable => File.Exists(ExecutablePath);

    /// <summary>A phone-sized viewport (iPhone 12–15 class).</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    /// <summary>Where <see cref="ScreenshotAsync"/> writes; HEREAFTER_SCREENSHOTS overrides it.</summary>
    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("HEREAFTER_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException($"Chromium is not running: is {ExecutablePath} installed?");

    public async Task InitializeAsync()
    {
        if (!IsAvailable) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies and storage) whose relative URLs resolve against <paramref name="baseUrl"/>.
    /// Dispose it with <c>await using</c>. Pass <see cref="Phone"/> to emulate a phone (touch, mobile viewport meta).
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(string baseUrl, ViewportSize? viewport = null)
    {
        var phone = viewport is not null && viewport.Width < 600;
        return Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = viewport ?? Desktop,
            IsMobile = phone,
            HasTouch = phone,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
    }

    /// <summary>How wide the page is laid out; more than the viewport means it scrolls sideways.</summary>
    public static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("document.documentElement.scrollWidth");

    /// <summary>Fails when the page scrolls sideways at the phone's width (390 px).</summary>
    public static async Task AssertFitsPhoneAsync(IPage page)
    {
        var width = await ScrollWidthAsync(page);
        Assert.True(width <= Phone.Width, $"{page.Url} scrolls sideways at {Phone.Width} px: scrollWidth {width}");
    }

    /// <summary>Fails when a link, button or field is smaller than a 44 × 44 px touch target.</summary>
    public static async Task AssertTouchTargetAsync(ILocator target)
    {
        var box = await target.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height >= 44 && box.Width >= 44, $"touch target {box.Width}×{box.Height}");
    }

    /// <summary>Fails unless the label of field <paramref name="id"/> sits above the field (not beside it).</summary>
    public static async Task AssertLabelAboveAsync(IPage page, string id)
    {
        var label = await page.Locator($"label[for={id}]").BoundingBoxAsync();
        var field = await page.Locator($"#{id}").BoundingBoxAsync();
        Assert.NotNull(label);
        Assert.NotNull(field);
        Assert.True(label.Y + label.Height <= field.Y + 1, $"the label of {id} is not above it ({label.Y}+{label.Height} vs {field.Y})");
    }

    /// <summary>Saves a full-page PNG as <c>{name}.png</c> in <see cref="ScreenshotDirectory"/> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>Browser tests share one Chromium and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "browser";
}

/// <summary>A fact that is skipped, not failed, on a machine without Debian's Chromium.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!ChromiumFixture.IsAvailable) Skip = "Chromium not found at /usr/bin/chromium: install Debian's chromium to run browser tests";
    }
}
