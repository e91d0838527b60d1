// Stage: Shaping. ICU script codes (what the script run iterator speaks) to HarfBuzz scripts and back, through their
// ISO 15924 codes. Built once from ICU's own names.

using System.Collections.Frozen;
using HarfBuzzSharp;

namespace Foretext.HarfBuzz;

internal static class ScriptMap
{
    private static readonly Lazy<(Script[] ToHarfBuzz, FrozenDictionary<Script, int> ToIcu)> s_tables = new(Build);

    public static Script ToHarfBuzz(int icuScript)
    {
        Script[] table = s_tables.Value.ToHarfBuzz;
        return (uint)icuScript < (uint)table.Length ? table[icuScript] : Script.Unknown;
    }

    public static int ToIcu(Script script) => s_tables.Value.ToIcu.TryGetValue(script, out int code) ? code : Foretext.Text.ScriptRuns.Common;

    private static (Script[], FrozenDictionary<Script, int>) Build()
    {
        const int Codes = 256; // ICU 72 defines about 200
        var toHarfBuzz = new Script[Codes];
        var toIcu = new Dictionary<Script, int>();
        for (int code = 0; code < Codes; code++)
        {
            string? name = Foretext.Text.ScriptRuns.ShortName(code);
            toHarfBuzz[code] = name is { Length: 4 } && Script.TryParse(name, out Script script) ? script : Script.Unknown;
            if (toHarfBuzz[code] != Script.Unknown)
            {
                toIcu.TryAdd(toHarfBuzz[code], code);
            }
        }

        toHarfBuzz[Foretext.Text.ScriptRuns.Common] = Script.Common;
        toHarfBuzz[Foretext.Text.ScriptRuns.Inherited] = Script.Inherited;
        toIcu[Script.Common] = Foretext.Text.ScriptRuns.Common;
        toIcu[Script.Inherited] = Foretext.Text.ScriptRuns.Inherited;
        return (toHarfBuzz, toIcu.ToFrozenDictionary());
    }
}
