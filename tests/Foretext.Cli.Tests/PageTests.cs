// The comparison page in headless Chromium: the overlay's line starts must equal the DOM's as the width moves.
// Saves page-*.png under the test output directory.

using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Foretext.Cli.Tests;

[Collection(ServiceCollection.Name)]
public sealed class PageTests(ServiceFixture service)
{
    [ChromiumFact]
    public async Task Overlay_matches_the_dom_line_starts_as_the_width_moves()
    {
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await ChromiumRasterizer.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 700 }, DeviceScaleFactor = 1 });
        await page.GotoAsync(service.BaseAddress.ToString());
        foreach (int width in new[] { 320, 180, 455, 97 })
        {
            await page.EvalOnSelectorAsync("#width", "(el, w) => { el.value = w; el.dispatchEvent(new Event('input')); }", width);
            await page.WaitForFunctionAsync("w => window.foretextState && !window.foretextState.pending && window.foretextState.width === w", width);
            JsonElement state = (await page.EvaluateAsync<JsonElement>("window.foretextState"));
            int[] dom = [.. state.GetProperty("dom").EnumerateArray().Select(e => e.GetInt32())];
            int[] predicted = [.. state.GetProperty("predicted").EnumerateArray().Select(e => e.GetInt32())];
            Assert.True(dom.Length > 1, $"width {width}: the page found {dom.Length} lines");
            Assert.Equal(dom, predicted);
            Assert.Equal(-1, state.GetProperty("firstDiff").GetInt32());
            Assert.Equal(predicted.Length, await page.Locator("#overlay .box").CountAsync());
            Assert.Equal(0, await page.Locator("#overlay .box.first-diff").CountAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, $"page-{width}.png") });
        }
    }

    [ChromiumFact]
    public void Render_writes_a_png()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "render-sample.png");
        CliRun run = CliRun.Invoke("render", "--sample", "--out", path);
        Assert.True(run.ExitCode == 0, run.Error);
        byte[] png = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }
}
