// Stage: browser oracle, rich inline flow (rich.js): every line start as (item, offset) and the height.
using System.Text.Json;
using Microsoft.Playwright;

namespace Foretext.Recorder;

public sealed partial class ChromiumOracle
{
    private bool _richLoaded;

    /// <summary>Lays out one rich inline case; returns the height and every line start as (item index, UTF-16 offset in its text).</summary>
    public async Task<(double Height, int[][] Lines)> MeasureRichAsync(RichCase c)
    {
        _current = null;
        if (!_richLoaded)
        {
            using Stream stream = typeof(ChromiumOracle).Assembly.GetManifestResourceStream("Foretext.Recorder.rich.js")
                ?? throw new InvalidOperationException("rich.js resource missing");
            using var reader = new StreamReader(stream);
            await _page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = await reader.ReadToEndAsync() });
            _richLoaded = true;
        }

        var items = c.Items.Select(i => new { text = i.Text, font = i.Font, letterSpacing = i.LetterSpacing, atomic = i.Atomic, extraWidth = i.ExtraWidth }).ToArray();
        // Fonts load on first use: lay the case out once and wait for them before measuring.
        await _page.EvaluateAsync("c => window.__foretextRich(c)", new { items, width = c.Width, lineHeight = c.LineHeight, lang = c.Lang, dir = c.Dir, wordBreak = c.WordBreak });
        await _page.EvaluateAsync("() => document.fonts.ready");
        JsonElement r = await _page.EvaluateAsync<JsonElement>(
            "c => window.__foretextRich(c)",
            new { items, width = c.Width, lineHeight = c.LineHeight, lang = c.Lang, dir = c.Dir, wordBreak = c.WordBreak });
        return (r.GetProperty("height").GetDouble(),
            r.GetProperty("lines").EnumerateArray().Select(e => e.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray());
    }
}
