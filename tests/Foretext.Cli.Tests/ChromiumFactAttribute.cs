// A fact that needs Debian's Chromium: skipped with the reason on a developer machine without it, run (and so
// failing loudly) when env CI=true, where scripts/setup.sh must have installed it.

using Xunit;

namespace Foretext.Cli.Tests;

public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumRasterizer.ExecutablePath) && !IsCi)
        {
            Skip = $"Chromium not found at {ChromiumRasterizer.ExecutablePath}: install Debian's chromium (scripts/setup.sh) or set CHROMIUM_PATH.";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
