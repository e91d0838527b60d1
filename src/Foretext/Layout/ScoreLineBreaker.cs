// Stage: Layout. text-wrap: pretty and text-wrap: balance as Blink's ScoreLineBreaker chooses line ends: a
// Knuth-Plass-style search over the break opportunities of a paragraph's greedy lines (Chromium 156 balances with it
// too: the older bisection of ParagraphLineBreaker matched 44 of the 48 recorded balance cases, this 48).
// Input: a PreparedText, a width and the greedy lines. Output: the same number of lines, possibly ending elsewhere.
// Blink (score_line_breaker.cc, line_break_candidate.cc, LineBreaker::AppendCandidates):
// - pretty looks at the last kMaxLinesForOptimal (4) greedy lines of each paragraph (a paragraph ends at a forced
//   break), and only when the last line is shorter than a third of the available width and has no break
//   opportunity inside, or when the two lines before the last both end with a hyphen; balance looks at a whole paragraph of at most kMaxLinesForBalance (6) lines;
// - candidates: every opportunity on those lines, positions in float from the window's start: pos_if_break where the
//   line's content would end (trailing spaces hang; a soft hyphen adds the hyphen), pos_no_break where the next line
//   would start; at least 3 opportunities besides the paragraph end, else nothing changes;
// - penalties (Minikin's): hyphen = available x font size x 2, line = twice that, orphans: +10000 on the last
//   opportunity before the end (and on the hyphenated ones before it);
// - score of a line = (available + 1/64 - width)^2, overfull 1e12; pretty scores the last line 0 (plus 4 x the
//   hyphen penalty of its start), balance scores it like the others; the best total wins (ties to the later
//   start), pruned as Blink prunes;
// - a result with another line count than greedy is dropped.

using Foretext.Fonts;

namespace Foretext.Layout;

internal static class ScoreLineBreaker
{
    private const int MaxLinesForOptimal = 4;
    private const int MaxLinesForBalance = 6;
    private const int MinCandidates = 3;
    private const float ScoreInfinity = float.MaxValue;
    private const float ScoreOverfull = 1e12f;
    private const float LastLinePenaltyMultiplier = 4f;
    private const float OrphansPenalty = 10000f;

    /// <summary>Lays out every line of <paramref name="p"/> at <paramref name="maxWidth"/> with <paramref name="wrap"/>.</summary>
    public static List<LayoutLineRange> Lines(PreparedText p, double maxWidth, TextWrap wrap)
    {
        bool balance = wrap == TextWrap.Balance;
        var lines = new List<LayoutLineRange>();
        LayoutCursor cursor = default;
        while (LineWalker.NextLine(p, cursor, maxWidth, out LayoutLineRange line))
        {
            lines.Add(line);
            cursor = line.End;
        }

        if (wrap == TextWrap.Wrap || double.IsPositiveInfinity(maxWidth) || Array.Exists(p._flags, f => f.Kind() == SegmentKind.Tab))
        {
            return lines; // Blink disables score line breaking for a block with preserved tabs
        }

        float fontSize = (float)CssFont.Parse(p.Font).SizePx;
        int paragraphStart = 0;
        for (int k = 0; k < lines.Count; k++)
        {
            LayoutCursor end = lines[k].End;
            bool endsParagraph = k == lines.Count - 1
                || (end.GraphemeIndex == 0 && end.SegmentIndex > 0 && p._flags[end.SegmentIndex - 1].Kind() == SegmentKind.HardBreak);
            if (!endsParagraph)
            {
                continue;
            }

            int count = k + 1 - paragraphStart;
            int window = balance ? (count <= MaxLinesForBalance ? count : 0) : Math.Min(count, MaxLinesForOptimal);
            if (window >= 2)
            {
                Optimize(p, maxWidth, fontSize, lines, k + 1 - window, window, balance);
            }

            paragraphStart = k + 1;
        }

        return lines;
    }

    private struct Candidate
    {
        public int Segment; // the opportunity follows this segment; -1 for the window's start
        public float PosNoBreak;
        public float PosIfBreak;
        public float Penalty;
        public bool Hyphenated;
    }

    private struct Score
    {
        public float Value;
        public int Previous;
        public int LineIndex;
    }

    private static void Optimize(PreparedText p, double maxWidth, float fontSize, List<LayoutLineRange> lines, int first, int window, bool balance)
    {
        SegmentFlags[] flags = p._flags;
        LayoutCursor windowStart = lines[first].Start;
        LayoutCursor windowEnd = lines[first + window - 1].End;
        for (int k = first; k < first + window; k++)
        {
            if (lines[k].Start.GraphemeIndex != 0 || lines[k].End.GraphemeIndex != 0)
            {
                return; // a line broken inside a word (overflow-wrap) has no opportunity to move to
            }
        }

        // The segments of the window, less a forced break that ends it.
        int firstSegment = windowStart.SegmentIndex;
        int endSegment = windowEnd.SegmentIndex;
        if (endSegment > firstSegment && flags[endSegment - 1].Kind() == SegmentKind.HardBreak)
        {
            endSegment--;
        }

        int lastText = endSegment - 1;
        while (lastText >= firstSegment && flags[lastText].Kind() != SegmentKind.Text)
        {
            lastText--;
        }

        if (lastText < firstSegment)
        {
            return;
        }

        long available = LineWalker.AvailableLayoutUnits(maxWidth);
        if (!balance)
        {
            // ShouldOptimize: the last line is short (LayoutUnit / 3 truncates) and holds a single word, or the two
            // lines before it both end with a hyphen.
            LayoutLineRange last = lines[first + window - 1];
            long lastWidth = (long)Math.Round(last.Width * PreparedText.LayoutUnitsPerPixel);
            bool shortLastWord = lastWidth < available / 3 && !CanBreakInside(p, last.Start.SegmentIndex, lastText);
            bool twoHyphens = window >= 3 && lines[first + window - 2].EndsWithHyphen && lines[first + window - 3].EndsWithHyphen;
            if (!shortLastWord && !twoHyphens)
            {
                return;
            }
        }

        float availablePx = available / (float)PreparedText.LayoutUnitsPerPixel;
        float hyphenPenalty = availablePx * fontSize * 2;
        float linePenalty = hyphenPenalty * 2;

        var candidates = new List<Candidate> { new() { Segment = -1 } };
        float position = 0;
        float contentEnd = 0;
        bool atBreak = true; // spaces after an opportunity (or at the start) move where the next line starts
        for (int i = firstSegment; i < endSegment; i++)
        {
            float width = (float)(p.Width(i) / 65536.0);
            switch (flags[i].Kind())
            {
                case SegmentKind.Text:
                    position += width;
                    contentEnd = position;
                    atBreak = false;
                    break;
                case SegmentKind.Space:
                    position += width;
                    if (atBreak)
                    {
                        Candidate previous = candidates[^1];
                        previous.PosNoBreak = position;
                        candidates[^1] = previous;
                    }

                    break;
                default:
                    return; // a tab or a forced break inside the window: not modelled
            }

            if (i > lastText || (flags[i] & SegmentFlags.BreakAfter) == 0 || i == lastText)
            {
                continue;
            }

            bool hyphenated = (flags[i] & SegmentFlags.SoftHyphen) != 0 && flags[i].Kind() == SegmentKind.Text;
            candidates.Add(new Candidate
            {
                Segment = i,
                PosNoBreak = position,
                PosIfBreak = (hyphenated ? contentEnd + p.HyphenWidth(i) / (float)PreparedText.LayoutUnitsPerPixel : contentEnd) + (float)(Math.Max(0, p.EndAdjustment(i)) / 65536.0), // a reshaped unsafe line end
                Penalty = hyphenated ? hyphenPenalty : 0,
                Hyphenated = hyphenated,
            });
            atBreak = true;
        }

        candidates.Add(new Candidate { Segment = endSegment - 1, PosNoBreak = position, PosIfBreak = contentEnd });
        if (candidates.Count < MinCandidates + 2)
        {
            return;
        }

        if (candidates.Count >= 4)
        {
            for (int j = candidates.Count - 2; j >= 0; j--)
            {
                Candidate c = candidates[j];
                c.Penalty += OrphansPenalty;
                candidates[j] = c;
                if (!c.Hyphenated)
                {
                    break;
                }
            }
        }

        float availableToFit = (available + 1) / (float)PreparedText.LayoutUnitsPerPixel; // LayoutUnit::AddEpsilon
        var scores = new Score[candidates.Count];
        int active = 0;
        for (int end = 1; end < candidates.Count; end++)
        {
            Candidate endCandidate = candidates[end];
            bool isLast = end == candidates.Count - 1;
            float best = ScoreInfinity;
            int bestPrevious = 0;
            float startEdge = endCandidate.PosIfBreak - availableToFit;
            float bestHope = 0;
            for (int start = active; start < end; start++)
            {
                float startScore = scores[start].Value;
                if (startScore + bestHope >= best)
                {
                    continue;
                }

                Candidate startCandidate = candidates[start];
                float delta = startCandidate.PosNoBreak - startEdge;
                float widthScore = 0;
                float additional = 0;
                if (delta < 0)
                {
                    widthScore = ScoreOverfull;
                }
                else if (isLast && !balance)
                {
                    additional = LastLinePenaltyMultiplier * startCandidate.Penalty;
                }
                else
                {
                    widthScore = delta * delta;
                }

                if (delta < 0)
                {
                    active = start + 1;
                }
                else
                {
                    bestHope = widthScore;
                }

                float score = startScore + widthScore + additional;
                if (score <= best)
                {
                    best = score;
                    bestPrevious = start;
                }
            }

            scores[end] = new Score { Value = best + endCandidate.Penalty + linePenalty, Previous = bestPrevious, LineIndex = scores[bestPrevious].LineIndex + 1 };
        }

        if (scores[^1].LineIndex != window)
        {
            return; // Blink falls back to greedy when the line count differs
        }

        var breaks = new int[window];
        for (int i = candidates.Count - 1, n = window - 1; i > 0; i = scores[i].Previous, n--)
        {
            breaks[n] = i;
        }

        LayoutCursor lineStart = windowStart;
        for (int n = 0; n < window; n++)
        {
            Candidate c = candidates[breaks[n]];
            bool lastLine = n == window - 1;
            LayoutCursor lineEnd = lastLine ? windowEnd : LineWalker.CursorAfter(p, c.Segment);
            lines[first + n] = LineWalker.LineThrough(p, lineStart, lastLine ? windowEnd.SegmentIndex - 1 : c.Segment, lineEnd, !lastLine && c.Hyphenated);
            lineStart = lineEnd;
        }
    }

    /// <summary>LineBreaker::CanBreakInside: an opportunity before the line's last text segment.</summary>
    private static bool CanBreakInside(PreparedText p, int firstSegment, int lastText)
    {
        for (int i = firstSegment; i < lastText; i++)
        {
            if ((p._flags[i] & SegmentFlags.BreakAfter) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
