// Stage: browser oracle (the truth Foretext is measured against).
// Input: LineCase paragraphs and span-width requests.
// Output: Chromium's line starts, heights, widths and the platform fonts it really used.
// Drives Debian's chromium through Microsoft.Playwright (the driver ships inside the NuGet package; no browser
// is ever downloaded). The line search itself runs in the page (measure.js); fonts come from the DevTools
// protocol (CSS.getPlatformFontsForNode), so a case never passes on a font that silently fell back.
using System.Reflection;
using System.Text.Json;
using Microsoft.Playwright;

namespace Foretext.Recorder;

/// <summary>One headless Chromium page used as a layout oracle. Not thread-safe: one case at a time.</summary>
public sealed partial class ChromiumOracle : IAsyncDisposable
{
    /// <summary>Default browser: Debian's chromium package.</summary>
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// 0: the whole paragraph is one text node, as users write it. Each text node is its own inline item and its
    /// own ShapeResult in Chromium, and line fitting depends on LayoutUnit rounding inside an item, so cutting
    /// the text into nodes (faster to probe) moved 6 of 71 Gatsby breaks; --chunk N still does it for speed checks.
    /// </summary>
    public const int DefaultChunkSize = 0;

    /// <summary>Launch flags: headless, no sandbox (root in containers), no network side traffic.</summary>
    public static readonly IReadOnlyList<string> LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static readonly Lazy<string> s_script = new(LoadScript);

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IPage _page;
    private readonly ICDPSession _cdp;
    private readonly int _chunkSize;
    private LineCase? _current;

    private ChromiumOracle(IPlaywright playwright, IBrowser browser, IPage page, ICDPSession cdp, int chunkSize)
    {
        _playwright = playwright;
        _browser = browser;
        _page = page;
        _cdp = cdp;
        _chunkSize = chunkSize;
    }

    /// <summary>Env CHROMIUM_PATH, else <see cref="DefaultExecutablePath"/>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultExecutablePath;

    /// <summary>True when the browser executable exists.</summary>
    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>The browser's version string, e.g. 156.0.8078.79.</summary>
    public string Version => _browser.Version;

    /// <summary>Renders <paramref name="html"/> in a new page of this browser and saves a full-page PNG.</summary>
    public async Task ScreenshotAsync(string html, string pngPath)
    {
        IPage page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        try
        {
            await page.SetContentAsync(html);
            await page.WaitForSelectorAsync("body[data-ready='1']");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = pngPath, FullPage = true });
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Starts Chromium with one blank page and a DevTools session on it.</summary>
    /// <param name="chunkSize">Text node size for long text; 0 puts the whole text in one node.</param>
    public static async Task<ChromiumOracle> LaunchAsync(int chunkSize = DefaultChunkSize)
    {
        IPlaywright playwright = await Playwright.CreateAsync();
        try
        {
            IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = LaunchArgs,
            });
            IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                DeviceScaleFactor = 1,
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            });
            IPage page = await context.NewPageAsync();
            await page.SetContentAsync(
                "<!doctype html><html><head><meta charset=\"utf-8\"><style>html,body{margin:0;padding:0}</style></head><body></body></html>");
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = s_script.Value });
            ICDPSession cdp = await context.NewCDPSessionAsync(page);
            await cdp.SendAsync("DOM.enable");
            await cdp.SendAsync("CSS.enable");
            return new ChromiumOracle(playwright, browser, page, cdp, chunkSize);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Lays out one case and reads back its lines, height and fonts.</summary>
    public async Task<LineMeasurement> MeasureLinesAsync(LineCase lineCase)
    {
        bool reuse = lineCase.SameParagraphAs(_current);
        _current = null;
        JsonElement result = await _page.EvaluateAsync<JsonElement>(
            "c => window.__foretext.measure(c)",
            new
            {
                text = reuse ? string.Empty : lineCase.Text,
                font = lineCase.Font,
                lineHeight = lineCase.LineHeight,
                width = lineCase.Width,
                whiteSpace = lineCase.WhiteSpace,
                wordBreak = lineCase.WordBreak,
                letterSpacing = lineCase.LetterSpacing,
                lang = lineCase.Lang,
                dir = lineCase.Dir,
                chunkSize = _chunkSize,
                reuse,
            });
        _current = lineCase;

        double height = result.GetProperty("height").GetDouble();
        int[] lines = result.GetProperty("lines").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        int gaps = result.GetProperty("gaps").GetInt32();
        int probes = result.GetProperty("probes").GetInt32();
        IReadOnlyList<PlatformFont> fonts = await PlatformFontsAsync();

        var errors = new List<string>();
        IReadOnlyList<string> named = CssFontFamilies.Named(lineCase.Font);
        if (named.Count > 0 && !fonts.Any(f => named.Contains(f.FamilyName, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add($"none of the named families ({string.Join(", ", named)}) was used; used: "
                + string.Join(", ", fonts.Select(f => f.FamilyName)));
        }

        if (gaps > 0)
        {
            errors.Add($"{gaps} line(s) with no drawn character were skipped");
        }

        return new LineMeasurement(height, lines, fonts, errors.Count == 0 ? null : string.Join("; ", errors), probes);
    }

    /// <summary>
    /// Line starts of the last measured case found another way: the caret at the start edge of each line box
    /// (caretPositionFromPoint; the right edge when <paramref name="rightToLeft"/>). Agrees with
    /// <see cref="MeasureLinesAsync"/> only for unidirectional text.
    /// </summary>
    public async Task<int[]> CaretLineStartsAsync(bool rightToLeft) =>
        await _page.EvaluateAsync<int[]>("rtl => window.__foretext.caretStarts(rtl)", rightToLeft);

    /// <summary>Width of a white-space:pre span holding the text (getBoundingClientRect().width).</summary>
    /// <param name="font">CSS font shorthand.</param>
    /// <param name="options">key=value options: lang and dir become attributes, the rest CSS properties
    /// (camelCase keys are turned into kebab-case; bare numbers get px).</param>
    /// <param name="text">The text, already unescaped.</param>
    public async Task<double> MeasureSpanWidthAsync(string font, IReadOnlyDictionary<string, string> options, string text)
    {
        _current = null;
        var style = new Dictionary<string, string>();
        string? lang = null;
        string? dir = null;
        foreach ((string key, string value) in options)
        {
            if (key == "lang")
            {
                lang = value;
            }
            else if (key == "dir")
            {
                dir = value;
            }
            else
            {
                bool number = double.TryParse(value, System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out _);
                bool unitless = key is "tabSize" or "fontWeight" or "lineHeight";
                style[Kebab(key)] = number && !unitless ? value + "px" : value;
            }
        }

        return await _page.EvaluateAsync<double>(
            "c => window.__foretext.spanWidth(c)", new { font, style, lang, dir, text });
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    private async Task<IReadOnlyList<PlatformFont>> PlatformFontsAsync()
    {
        JsonElement? doc = await _cdp.SendAsync("DOM.getDocument", new Dictionary<string, object> { ["depth"] = 1 });
        int rootId = doc!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        JsonElement? query = await _cdp.SendAsync(
            "DOM.querySelector", new Dictionary<string, object> { ["nodeId"] = rootId, ["selector"] = "#case" });
        int nodeId = query!.Value.GetProperty("nodeId").GetInt32();
        JsonElement? fonts = await _cdp.SendAsync(
            "CSS.getPlatformFontsForNode", new Dictionary<string, object> { ["nodeId"] = nodeId });
        return fonts!.Value.GetProperty("fonts").EnumerateArray()
            .Select(f => new PlatformFont(
                f.GetProperty("familyName").GetString() ?? string.Empty,
                f.TryGetProperty("postScriptName", out JsonElement ps) ? ps.GetString() ?? string.Empty : string.Empty,
                (int)f.GetProperty("glyphCount").GetDouble()))
            .ToList();
    }

    private static string Kebab(string key) =>
        string.Concat(key.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));

    private static string LoadScript()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Foretext.Recorder.measure.js")
            ?? throw new InvalidOperationException("measure.js resource missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
