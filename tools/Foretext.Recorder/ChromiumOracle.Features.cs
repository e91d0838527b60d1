// Stage: browser oracle, CSS features (features.js): line starts, height and the first hidden character.
using System.Text.Json;
using Microsoft.Playwright;

namespace Foretext.Recorder;

public sealed partial class ChromiumOracle
{
    private bool _featuresLoaded;

    /// <summary>Lays out one feature case; returns the height, every line start and the first hidden offset (-1 when none is seen).</summary>
    public async Task<(double Height, int[] Lines, int Hidden)> MeasureFeatureAsync(FeatureCase c)
    {
        _current = null;
        if (!_featuresLoaded)
        {
            using Stream stream = typeof(ChromiumOracle).Assembly.GetManifestResourceStream("Foretext.Recorder.features.js")
                ?? throw new InvalidOperationException("features.js resource missing");
            using var reader = new StreamReader(stream);
            await _page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = await reader.ReadToEndAsync() });
            await _page.EvaluateAsync("() => document.fonts.ready");
            _featuresLoaded = true;
        }

        JsonElement r = await _page.EvaluateAsync<JsonElement>(
            "c => window.__foretextFeatures(c)",
            new { text = c.Text, font = c.Font, width = c.Width, lineHeight = c.LineHeight, css = c.Css, lang = c.Lang, dir = c.Dir });
        return (r.GetProperty("height").GetDouble(),
            r.GetProperty("lines").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
            r.GetProperty("hidden").GetInt32());
    }
}
