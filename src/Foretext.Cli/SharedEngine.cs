// One HarfBuzz measurer per process: fonts load once and shaped words stay cached across commands and requests.

using Foretext.HarfBuzz;

namespace Foretext.Cli;

internal static class SharedEngine
{
    private static readonly Lazy<HarfBuzzTextMeasurer> s_measurer = new(() => new HarfBuzzTextMeasurer());
    private static readonly Lazy<TextLayoutEngine> s_engine = new(() => new TextLayoutEngine(s_measurer.Value));

    public static HarfBuzzTextMeasurer Measurer => s_measurer.Value;

    public static TextLayoutEngine Engine => s_engine.Value;
}
