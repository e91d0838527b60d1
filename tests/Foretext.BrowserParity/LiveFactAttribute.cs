// Stage: browser parity, live tests.
// Input: env CHROMIUM_PATH (default /usr/bin/chromium) and env CI.
// Output: a [Fact] that is skipped, with the reason, when Chromium is missing on a developer machine, and
// that runs (and so fails loudly) when CI=true, where Chromium must be installed.
using Foretext.Recorder;
using Xunit;

namespace Foretext.BrowserParity;

/// <summary>A fact that needs a real Chromium; trait Category=Live should accompany it.</summary>
public sealed class LiveFactAttribute : FactAttribute
{
    /// <summary>Skips when Chromium is not installed, except on CI.</summary>
    public LiveFactAttribute()
    {
        if (!ChromiumOracle.IsInstalled && !IsCi)
        {
            Skip = $"Chromium not found at {ChromiumOracle.ExecutablePath}: install Debian's chromium package or set CHROMIUM_PATH.";
        }
    }

    /// <summary>True when env CI is "true" (CI must have a browser).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
