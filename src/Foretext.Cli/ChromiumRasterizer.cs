// Turns an SVG into a PNG by letting Debian's Chromium draw it (Microsoft.Playwright drives it; no browser is
// ever downloaded). One browser per call: render is a one-shot command.

using Microsoft.Playwright;

namespace Foretext.Cli;

internal static class ChromiumRasterizer
{
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    /// <summary>Headless, no sandbox (root in containers), no network side traffic.</summary>
    public static readonly IReadOnlyList<string> LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Env CHROMIUM_PATH, else Debian's chromium.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultExecutablePath;

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium not found at {ExecutablePath}: install Debian's chromium (scripts/setup.sh) or set CHROMIUM_PATH.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = LaunchArgs });
    }

    public static async Task WritePngAsync(string svg, double width, double height, string path, double scale = 2)
    {
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            DeviceScaleFactor = (float)scale,
            ViewportSize = new ViewportSize { Width = (int)Math.Ceiling(width), Height = (int)Math.Ceiling(height) },
        });
        await page.SetContentAsync($"<!doctype html><html><body style=\"margin:0\">{svg}</body></html>");
        await page.Locator("svg").ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
    }
}
