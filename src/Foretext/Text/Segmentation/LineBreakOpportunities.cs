// Stage: Text/Segmentation (line break opportunities).
// Input: one paragraph of UTF-16 text, its HTML lang and CSS word-break. Output: one BreakOpportunity per
// position between code units (text.Length + 1 of them).
// Spec: UAX #14 as the system ICU implements it, tailored the way Chromium's Blink tailors it for
// line-break: auto (LazyLineBreakIterator::NextBreakablePosition in text_break_iterator.cc): breaks after
// a run of breakable spaces, a pair table for U+0021..U+00FF, and CSS Text 3 word-break: keep-all. ICU is
// opened the way Chromium's ICU data answers for the lang (IcuBreakIterator.ToChromiumAutoLocale), and its
// answers are brought up to the newer UAX #14 of Chromium's ICU (LineBreakRuleUpdates).

namespace Foretext.Text.Segmentation;

/// <summary>Where a line may or must end, as Chromium decides it.</summary>
public static class LineBreakOpportunities
{
    /// <summary>
    /// Computes Chromium's line break opportunities for <paramref name="text"/> (CSS <c>line-break: auto</c>).
    /// <c>result[i]</c> is the opportunity before <c>text[i]</c>, i.e. between <c>text[i - 1]</c> and <c>text[i]</c>;
    /// <c>result[0]</c> is <see cref="BreakOpportunity.None"/> (or <see cref="BreakOpportunity.Mandatory"/> for
    /// empty text) and <c>result[text.Length]</c> is <see cref="BreakOpportunity.Mandatory"/>.
    /// </summary>
    /// <remarks>
    /// <para>A break is allowed after a run of spaces, tabs and line feeds, never inside or before one. Between
    /// two characters from U+0021 to U+00FF Blink's pair table decides (no break after '/', breaks after '-' and '?');
    /// a hyphen-minus before a digit breaks only after a letter or digit. Everything else follows ICU's UAX #14
    /// rules for <paramref name="locale"/> as Chromium's ICU applies them: CSS <c>line-break: normal</c> rules (small
    /// kana and U+30FC may start a line in every language) and Unicode 16 quote and hyphen rules.</para>
    /// <para><see cref="BreakOpportunity.Mandatory"/> marks positions after a hard line break (LF, CR, CR LF, VT, FF,
    /// NEL, U+2028, U+2029; UAX #14 LB4, LB5). For <c>white-space: normal</c> collapse line feeds to spaces before
    /// calling, as Blink does before it breaks lines.</para>
    /// </remarks>
    /// <param name="text">One paragraph.</param>
    /// <param name="locale">The element's language (HTML <c>lang</c>, BCP 47), or null for Chromium's default (en-US).</param>
    /// <param name="wordBreak">CSS <c>word-break</c>.</param>
    /// <param name="result">Receives <c>text.Length + 1</c> values.</param>
    /// <exception cref="ArgumentException"><paramref name="result"/> is not <c>text.Length + 1</c> long.</exception>
    /// <exception cref="IcuUnavailableException">The system ICU library cannot be loaded.</exception>
    public static unsafe void Compute(ReadOnlySpan<char> text, string? locale, WordBreak wordBreak, Span<BreakOpportunity> result)
    {
        CheckLength(text, result);
        result.Clear();
        int length = text.Length;
        result[length] = BreakOpportunity.Mandatory;
        if (length < 2)
        {
            return;
        }

        bool keepAll = wordBreak == WordBreak.KeepAll;
        bool unicode151 = LineBreakRuleUpdates.NeedsUnicode151(IcuNative.Instance);
        bool unicode160 = LineBreakRuleUpdates.NeedsUnicode160(IcuNative.Instance);
        IcuBreakIterator? iterator = null;
        int nextIcuBreak = -1;
        fixed (char* p = text)
        {
            for (int i = 1; i < length; i++)
            {
                char last = p[i - 1];
                char current = p[i];

                // LB4, LB5: after a hard line break, except between CR and LF.
                if (IsHardBreak(last) && !(last == '\r' && current == '\n'))
                {
                    result[i] = BreakOpportunity.Mandatory;
                    continue;
                }

                // Blink BreakSpaceType::kAfterSpaceRun: never before a breakable space, always after a run of them,
                // whatever UAX #14 says about the characters around the run (LB7, LB18; Blink also overrides
                // LB14 "OP SP* x", LB15, LB16, LB17 here).
                if (IsBreakableSpace(current))
                {
                    continue;
                }

                if (IsBreakableSpace(last))
                {
                    result[i] = BreakOpportunity.Allowed;
                    continue;
                }

                char lastLast = i >= 2 ? p[i - 2] : '\0';
                FastBreak fast = ShouldBreakFast(lastLast, last, current);
                if (fast == FastBreak.CanBreak)
                {
                    result[i] = BreakOpportunity.Allowed;
                    continue;
                }

                if (keepAll && KeepAllKeeps(lastLast, last, current))
                {
                    continue;
                }

                if (fast == FastBreak.NoBreak)
                {
                    continue;
                }

                // Blink asks ICU lazily, only where the fast rules had no answer, so ICU's context
                // (LB25 numbers, LB30 brackets) still sees the whole text.
                if (nextIcuBreak < i)
                {
                    if (iterator is null)
                    {
                        iterator = IcuBreakIterator.LineForLang(locale);
                        iterator.SetText(p, length);
                    }

                    nextIcuBreak = iterator.Following(i - 1);
                    if (nextIcuBreak == IcuNative.Done)
                    {
                        nextIcuBreak = length;
                    }
                }

                bool breaks = nextIcuBreak == i;
                if (unicode160)
                {
                    breaks = LineBreakRuleUpdates.Revise(p, length, i, breaks, unicode151, unicode160);
                }

                if (breaks)
                {
                    result[i] = BreakOpportunity.Allowed;
                }
            }

            iterator?.SetText(null, 0);
        }
    }

    /// <summary>
    /// Computes plain UAX #14 line break opportunities with the system ICU's default (root) rules and no
    /// browser tailoring: <see cref="BreakOpportunity.Mandatory"/> where ICU reports a hard break
    /// (UBRK_LINE_HARD) and at the end, <see cref="BreakOpportunity.Allowed"/> at other ICU boundaries.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="result">Receives <c>text.Length + 1</c> values; <c>result[0]</c> is None unless the text is empty.</param>
    /// <exception cref="ArgumentException"><paramref name="result"/> is not <c>text.Length + 1</c> long.</exception>
    /// <exception cref="IcuUnavailableException">The system ICU library cannot be loaded.</exception>
    public static unsafe void ComputeUax14(ReadOnlySpan<char> text, Span<BreakOpportunity> result)
    {
        CheckLength(text, result);
        result.Clear();
        int length = text.Length;
        result[length] = BreakOpportunity.Mandatory;
        if (length == 0)
        {
            return;
        }

        IcuBreakIterator iterator = IcuBreakIterator.Line("root");
        fixed (char* p = text)
        {
            iterator.SetText(p, length);
            iterator.First();
            for (int boundary = iterator.Next(); boundary != IcuNative.Done && boundary < length; boundary = iterator.Next())
            {
                result[boundary] = iterator.RuleStatus() >= IcuNative.LineHardStatus
                    ? BreakOpportunity.Mandatory
                    : BreakOpportunity.Allowed;
            }

            iterator.SetText(null, 0);
        }
    }

    private static void CheckLength(ReadOnlySpan<char> text, Span<BreakOpportunity> result)
    {
        if (result.Length != text.Length + 1)
        {
            throw new ArgumentException(
                "The result span must hold text.Length + 1 values (" + (text.Length + 1) + "), not " + result.Length + ".",
                nameof(result));
        }
    }

    // Blink IsBreakableSpace: the characters white-space: normal collapses.
    private static bool IsBreakableSpace(char c) => c is ' ' or '\t' or '\n';

    // UAX #14 BK, CR, LF, NL.
    private static bool IsHardBreak(char c) => c is '\n' or '\v' or '\f' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private enum FastBreak : byte
    {
        NoBreak,
        CanBreak,
        Unknown,
    }

    // Blink LazyLineBreakIterator::Context::ShouldBreakFast.
    private static FastBreak ShouldBreakFast(char lastLast, char last, char current)
    {
        // Controls other than the breakable spaces hold on to both neighbours.
        if (last < BlinkPairTable.MinChar || current < BlinkPairTable.MinChar)
        {
            return FastBreak.NoBreak;
        }

        if (last == '-')
        {
            if (current <= BlinkPairTable.AsciiMaxChar)
            {
                // '-' before a digit may be a minus sign ("x -1"); Blink breaks only in "ABCD-1234" and "1234-5678".
                if (char.IsAsciiDigit(current))
                {
                    return char.IsAsciiLetterOrDigit(lastLast) ? FastBreak.CanBreak : FastBreak.NoBreak;
                }
            }
            else
            {
                // Blink BreakIteratorHyphenMinus: defer to ICU, which sees more context.
                return FastBreak.Unknown;
            }
        }

        if (last <= BlinkPairTable.MaxChar && current <= BlinkPairTable.MaxChar)
        {
            return BlinkPairTable.Breaks(last, current) ? FastBreak.CanBreak : FastBreak.NoBreak;
        }

        return FastBreak.Unknown;
    }

    // Blink ShouldKeepAfterKeepAll: CSS Text 3 word-break: keep-all keeps letters and numbers (general
    // categories L and N, a mark counting as the character it follows) together, except in the complex
    // scripts (line break class SA: Thai, Lao, Khmer, Myanmar), which still break by dictionary. Like Blink,
    // this looks at single code units, so a surrogate (category Cs) never holds.
    private static bool KeepAllKeeps(char lastLast, char last, char current)
    {
        char before = IsMark(IcuCharProperties.Category(last)) ? lastLast : last;
        return IsLetterOrNumber(IcuCharProperties.Category(before)) && !IsComplexContext(before)
            && IsLetterOrNumber(IcuCharProperties.Category(current)) && !IsComplexContext(current);
    }

    // UCharCategory: 1-5 letters (Lu Ll Lt Lm Lo), 6-8 marks (Mn Me Mc), 9-11 numbers (Nd Nl No).
    private static bool IsLetterOrNumber(int category) => category is (>= 1 and <= 5) or (>= 9 and <= 11);

    private static bool IsMark(int category) => category is >= 6 and <= 8;

    private static bool IsComplexContext(char c) => IcuCharProperties.LineBreak(c) == IcuNative.LineBreakComplexContext;
}
