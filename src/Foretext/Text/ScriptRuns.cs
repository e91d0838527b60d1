// Stage: Text. Script runs as Blink's ScriptRunIterator (platform/fonts/script_run_iterator.cc) cuts text for shaping:
// every character has a set of scripts (ICU Script_Extensions, primary script first), a run continues while the
// intersection of the sets stays non-empty, Common and Inherited characters join the run they are in, and paired
// brackets take the script of their opening bracket. Output: (start, end, ICU UScriptCode) runs tiling the text.
// Why it matters for widths: `「“q` is two runs in Blink (`「“` has the CJK scripts of U+300C's extensions, `q` is
// Latin), so `“` is shaped apart from `q` and loses the `“q` kerning of Noto Sans: 6.484375px in Chromium, 5.39 when
// `“q` are shaped together (mixed-app-text; RESEARCH.md "Script runs use Script_Extensions").

using Foretext.Text.Segmentation;

namespace Foretext.Text;

internal static unsafe class ScriptRuns
{
    /// <summary>ICU USCRIPT_COMMON.</summary>
    public const int Common = 0;

    /// <summary>ICU USCRIPT_INHERITED.</summary>
    public const int Inherited = 1;

    private const int Latin = 25;
    private const int Han = 17;
    private const int Hiragana = 20;
    private const int Bopomofo = 5;
    private const int Katakana = 22;
    private const int KatakanaOrHiragana = 54;
    private const int MaxScripts = 32; // Blink's kMaxScriptCount
    private const int MaxBrackets = 32; // Blink's kMaxBrackets
    private const int PropertyEastAsianWidth = 0x1004;
    private const int PropertyPairedBracketType = 0x1015;
    private const int LeftCornerBracket = 0x300C;

    private static int[]? s_hanScripts;

    // Script sets by code point (never mutated once built); bounded, since a text can hold any of 1.1M code points.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, int[]> s_sets = new();
    private const int MaxCachedSets = 1 << 16;

    /// <summary>
    /// Appends the script runs of <paramref name="text"/> to <paramref name="runs"/>. <paramref name="initialScript"/> is the
    /// script of the run the text continues (Common at a paragraph start): leading Common characters join it.
    /// </summary>
    public static void Split(ReadOnlySpan<char> text, int initialScript, List<(int Start, int End, int Script)> runs)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var state = new State(initialScript);
        int runStart = 0;
        int position = 0;
        int ch = CodePointAt(text, 0, out int used);
        int[] set = state.ScriptsOf(ch);
        while (true)
        {
            // Fetch: look one character ahead, since a mark with extra scripts narrows a Common character before it.
            int aheadPosition = position + used;
            int aheadCh = 0;
            int aheadUsed = 0;
            int[]? aheadSet = null;
            if (aheadPosition < text.Length)
            {
                aheadCh = CodePointAt(text, aheadPosition, out aheadUsed);
                aheadSet = state.ScriptsOf(aheadCh);
                if (aheadSet[0] == Inherited && aheadSet.Length > 1)
                {
                    if (set[0] == Common)
                    {
                        set = aheadSet[1..];
                    }

                    aheadSet = [Inherited];
                }
            }

            int bracketType = BracketType(ch);
            state.Next = set;
            if (bracketType == 1)
            {
                state.OpenBracket(ch);
            }
            else if (bracketType == 2)
            {
                state.CloseBracket(ch);
            }

            if (!state.MergeSets())
            {
                int script = state.Resolve();
                if (position > runStart)
                {
                    runs.Add((runStart, position, script));
                }

                state.FixupStack(script, excludeLast: bracketType == 1);
                state.StartNewRun();
                runStart = position;
            }

            if (aheadSet is null)
            {
                break;
            }

            position = aheadPosition;
            ch = aheadCh;
            used = aheadUsed;
            set = aheadSet;
        }

        runs.Add((runStart, text.Length, state.Resolve()));
    }

    /// <summary>Unicode Bidi_Paired_Bracket_Type: 1 open, 2 close, 0 none.</summary>
    private static int BracketType(int ch) => ch switch
    {
        '(' or '[' or '{' => 1,
        ')' or ']' or '}' => 2,
        < 0x80 => 0,
        _ => IcuNative.Instance.GetIntPropertyValue(ch, PropertyPairedBracketType),
    };

    private static int PairedBracket(int ch) => ch switch
    {
        ')' => '(',
        ']' => '[',
        '}' => '{',
        _ => IcuNative.Instance.GetBidiPairedBracket(ch),
    };

    /// <summary>
    /// The script a character commits a run to: its preferred script, also for a Common character whose
    /// Script_Extensions name scripts (`「` U+300C: the CJK scripts); Common for a character that joins any run.
    /// </summary>
    public static int StrongScript(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return char.IsAsciiLetter((char)codePoint) ? Latin : Common;
        }

        int[] set = s_sets.TryGetValue(codePoint, out int[]? cached) ? cached : new State(Common).ScriptsOf(codePoint);
        return set[0] > Inherited ? set[0] : Common;
    }

    /// <summary>The ISO 15924 code of an ICU script (e.g. <c>Latn</c>), or null.</summary>
    public static string? ShortName(int script)
    {
        byte* name = IcuNative.Instance.GetScriptShortName(script);
        return name is null ? null : new string((sbyte*)name);
    }

    private static int CodePointAt(ReadOnlySpan<char> text, int index, out int used)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            used = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        used = 1;
        return c;
    }

    private static bool IsHanScript(int script) => script is Han or Hiragana or Bopomofo;

    /// <summary>ICUScriptData::GetScripts: the character's scripts, the preferred one first.</summary>
    private static int GetScripts(int ch, int[] buffer)
    {
        int status = 0;
        int count;
        fixed (int* p = buffer)
        {
            count = IcuNative.Instance.GetScriptExtensions(ch, p, MaxScripts - 1, &status);
        }

        if (status == 15) // U_BUFFER_OVERFLOW_ERROR: keep what fitted
        {
            count = MaxScripts - 1;
            status = 0;
        }

        int primary = IcuNative.Instance.GetScript(ch, &status);
        if (status > 0 || count <= 0)
        {
            buffer[0] = Common;
            return 1;
        }

        if (primary is Katakana or KatakanaOrHiragana)
        {
            primary = Hiragana; // both are OpenType 'kana'
        }

        if (primary == buffer[0])
        {
            return count;
        }

        if (primary != Inherited && primary != Common)
        {
            int at = Array.IndexOf(buffer, primary, 1, count - 1);
            if (at < 0)
            {
                buffer[count] = primary;
                at = count++;
            }

            (buffer[0], buffer[at]) = (buffer[at], buffer[0]);
            return count;
        }

        if (primary == Common)
        {
            if (count == 1)
            {
                buffer[1] = buffer[0];
                buffer[0] = Common; // Common with a preferred script
                return 2;
            }

            for (int i = 1; i < count; i++)
            {
                if (buffer[0] == Latin || buffer[i] < buffer[0])
                {
                    (buffer[0], buffer[i]) = (buffer[i], buffer[0]);
                }
            }

            return count;
        }

        // Inherited with other scripts: Inherited first, then the preferred one of the others.
        buffer[count] = buffer[0];
        buffer[0] = Inherited;
        count++;
        for (int i = 2; i < count; i++)
        {
            if (buffer[1] == Latin || buffer[i] < buffer[1])
            {
                (buffer[1], buffer[i]) = (buffer[i], buffer[1]);
            }
        }

        return count;
    }

    private static int[] HanScripts()
    {
        int[]? cached = Volatile.Read(ref s_hanScripts);
        if (cached is not null)
        {
            return cached;
        }

        int[] buffer = new int[MaxScripts];
        int status = 0;
        int count;
        fixed (int* p = buffer)
        {
            count = IcuNative.Instance.GetScriptExtensions(LeftCornerBracket, p, MaxScripts - 1, &status);
        }

        cached = buffer.AsSpan(0, Math.Max(count, 0)).ToArray();
        Volatile.Write(ref s_hanScripts, cached);
        return cached;
    }

    private sealed class State
    {
        private readonly int[] _scratch = new int[MaxScripts + 1];
        private readonly List<(int Ch, int Script)> _brackets = [];
        private int[] _current;
        private int[] _next = [];
        private int _fixupDepth;
        private int _commonPreferred = Common;

        public State(int initialScript)
        {
            _current = [initialScript];
        }

        private static readonly int[] s_latin = [Latin];
        private static readonly int[] s_common = [Common];

        /// <summary>The script set of the character being merged (brackets may replace it).</summary>
        public int[] Next
        {
            get => _next;
            set => _next = value;
        }

        /// <summary>ICUScriptData::GetScripts as a fresh array (ASCII answered without ICU).</summary>
        public int[] ScriptsOf(int ch)
        {
            if (ch < 0x80)
            {
                return char.IsAsciiLetter((char)ch) ? s_latin : s_common;
            }

            if (s_sets.TryGetValue(ch, out int[]? cached))
            {
                return cached;
            }

            int count = GetScripts(ch, _scratch);
            int[] set = _scratch.AsSpan(0, count).ToArray();
            if (s_sets.Count < MaxCachedSets)
            {
                s_sets.TryAdd(ch, set);
            }

            return set;
        }

        public void OpenBracket(int ch)
        {
            if (_brackets.Count == MaxBrackets)
            {
                _brackets.RemoveAt(0);
                if (_fixupDepth == MaxBrackets)
                {
                    _fixupDepth--;
                }
            }

            // FixScriptsByEastAsianWidth: a Common East Asian wide/fullwidth/halfwidth bracket takes the CJK scripts.
            if (_next.Length == 1 && _next[0] == Common)
            {
                int width = IcuNative.Instance.GetIntPropertyValue(ch, PropertyEastAsianWidth);
                if (width is 5 or 3 or 2)
                {
                    int[] han = HanScripts();
                    if (han.Length > 0)
                    {
                        _next = han;
                    }
                }
            }

            _brackets.Add((ch, Common));
            _fixupDepth++;
        }

        public void CloseBracket(int ch)
        {
            if (_brackets.Count == 0)
            {
                return;
            }

            int target = PairedBracket(ch);
            for (int i = _brackets.Count - 1; i >= 0; i--)
            {
                if (_brackets[i].Ch != target)
                {
                    continue;
                }

                int script = _brackets[i].Script;
                if (IsHanScript(script))
                {
                    foreach (int s in _current)
                    {
                        if (IsHanScript(s))
                        {
                            script = s;
                            break;
                        }
                    }
                }

                if (script != Common)
                {
                    _next = [script];
                }

                // Blink pops the entries above the match and keeps the matched opening bracket.
                int popped = _brackets.Count - 1 - i;
                _brackets.RemoveRange(i + 1, popped);
                _fixupDepth = Math.Max(0, _fixupDepth - popped);
                return;
            }
        }

        /// <summary>MergeSets: false when the next character cannot continue the run.</summary>
        public bool MergeSets()
        {
            if (_next.Length == 0 || _current.Length == 0)
            {
                return false;
            }

            int priority = _current[0];
            if (_next[0] <= Inherited)
            {
                if (_next.Length == 2 && priority <= Inherited && _commonPreferred == Common)
                {
                    _commonPreferred = _next[1];
                }

                return true;
            }

            if (priority <= Inherited)
            {
                _current = _next;
                return true;
            }

            bool havePriority = Array.IndexOf(_next, priority) >= 0;
            if (_current.Length == 1)
            {
                return havePriority;
            }

            int nextFrom = 0;
            if (!havePriority)
            {
                priority = _next[0];
                nextFrom = 1;
                havePriority = Array.IndexOf(_current, priority, 1) >= 0;
            }

            var kept = new List<int>(_current.Length);
            if (havePriority)
            {
                kept.Add(priority);
            }

            if (nextFrom < _next.Length)
            {
                for (int i = 1; i < _current.Length; i++)
                {
                    if (Array.IndexOf(_next, _current[i], nextFrom) >= 0)
                    {
                        kept.Add(_current[i]);
                    }
                }
            }

            if (kept.Count == 0)
            {
                return false;
            }

            _current = [.. kept];
            return true;
        }

        public int Resolve() => _current[0] == Common ? _commonPreferred : _current[0];

        public void FixupStack(int resolved, bool excludeLast)
        {
            int count = _fixupDepth;
            if (count <= 0)
            {
                return;
            }

            count = Math.Min(count, _brackets.Count);
            int index = _brackets.Count - 1;
            if (excludeLast)
            {
                index--;
                count--;
                _fixupDepth = 1;
            }
            else
            {
                _fixupDepth = 0;
            }

            for (; count > 0 && index >= 0; index--, count--)
            {
                _brackets[index] = (_brackets[index].Ch, resolved);
            }
        }

        public void StartNewRun() => _current = _next;
    }
}
