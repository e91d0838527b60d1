// The prepare half of the public API (Pretext's prepare / prepareWithSegments / clearCache), bound to one measurer.

using Foretext.Layout;
using Foretext.Shaping;

namespace Foretext;

/// <summary>
/// Prepares text for layout with one <see cref="ITextMeasurer"/>: the expensive phase, done once per
/// (text, font, options). Thread-safe when the measurer is. Lay the result out with <see cref="TextLayout"/>.
/// </summary>
public sealed class TextLayoutEngine
{
    private readonly ITextMeasurer _measurer;

    /// <summary>Creates an engine over a measurer (for real fonts, Foretext.HarfBuzz's measurer).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="measurer"/> is null.</exception>
    public TextLayoutEngine(ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(measurer);
        _measurer = measurer;
    }

    /// <summary>The measurer this engine prepares with.</summary>
    public ITextMeasurer Measurer => _measurer;

    /// <summary>
    /// Processes white space, finds break opportunities and grapheme clusters, and measures every segment of
    /// <paramref name="text"/> in <paramref name="font"/> (a CSS <c>font</c> shorthand).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The text is longer than <see cref="PrepareOptions.MaxTextLength"/>, or letter spacing is not finite.</exception>
    /// <exception cref="FormatException">The measurer cannot parse <paramref name="font"/>.</exception>
    /// <remarks>Lone surrogates are measured as U+FFFD and C0/C1 controls other than tab and line feed as zero-width, as browsers draw them; offsets are unchanged.</remarks>
    public PreparedText Prepare(string text, string font, PrepareOptions? options = null)
        => TextPreparer.Prepare(text, font, options ?? PrepareOptions.Default, _measurer);

    /// <summary>Like <see cref="Prepare"/>, and also keeps each segment's text, kind, width and bidi level.</summary>
    /// <inheritdoc cref="Prepare" path="/exception"/>
    public PreparedTextWithSegments PrepareWithSegments(string text, string font, PrepareOptions? options = null)
    {
        PrepareOptions resolved = options ?? PrepareOptions.Default;
        PreparedText prepared = TextPreparer.Prepare(text, font, resolved, _measurer, keepLevels: true);
        return new PreparedTextWithSegments(prepared, BidiLevels.ForSegments(prepared));
    }

    /// <summary>
    /// Prepares a rich inline paragraph (Pretext's <c>prepareRichInline</c>): runs of text, each in its own CSS font and
    /// letter spacing, flowing as one paragraph, as spans in one <c>div</c> with <c>white-space: normal</c>. White space
    /// collapses across item boundaries, lines break between items only where the joined text has an opportunity, each
    /// item is measured (and fitted) as its own shaping item, and atomic items (<see cref="RichInlineBreak.Never"/>)
    /// move whole to the next line. Lay the result out with <see cref="TextLayout"/>.
    /// </summary>
    /// <param name="items">The runs in order; copied, so later changes to the list do not reach the result.</param>
    /// <param name="options">Paragraph options (lang, word-break, overflow-wrap, direction); <see cref="PrepareOptions.LetterSpacing"/> is ignored (each item has its own).</param>
    /// <example>
    /// <code>
    /// var engine = new TextLayoutEngine(new HarfBuzzTextMeasurer());
    /// PreparedRichInline prepared = engine.PrepareRichInline(
    /// [
    ///     new RichInlineItem("Ping ", "16px \"Noto Sans\", sans-serif"),
    ///     new RichInlineItem("@maria", "14px \"Noto Sans\", sans-serif") { Break = RichInlineBreak.Never, ExtraWidth = 12 },
    ///     new RichInlineItem(" about the release.", "16px \"Noto Sans\", sans-serif"),
    /// ], new PrepareOptions { Lang = "en" });
    /// LayoutResult result = TextLayout.LayoutRichInline(prepared, maxWidth: 120, lineHeight: 24);
    /// </code>
    /// </example>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentException">An item is null or has no text or font.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An item's extra width is NaN, infinite, negative or over 10,000 px, its letter spacing is not finite, an atomic item is wider than 32,767 px, or the items hold more than <see cref="PrepareOptions.MaxTextLength"/> units.</exception>
    /// <exception cref="NotSupportedException"><paramref name="options"/> asks for <c>white-space: pre-wrap</c>.</exception>
    /// <exception cref="FormatException">The measurer cannot parse an item's font.</exception>
    public PreparedRichInline PrepareRichInline(IReadOnlyList<RichInlineItem> items, PrepareOptions? options = null)
        => RichInlinePreparer.Prepare(items, options ?? PrepareOptions.Default, _measurer);

    /// <summary>
    /// Measures the ellipsis for <see cref="TextLayout.LayoutClamped"/> in the font and language <paramref name="prepared"/>
    /// was prepared with. With no <paramref name="ellipsis"/>, picks Chromium's: U+2026 when the primary font has it
    /// (asked through <see cref="IPrimaryFontMeasurer"/>; assumed when the measurer cannot tell), else "...".
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    public TextEllipsis MeasureEllipsis(PreparedText prepared, string? ellipsis = null)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var style = new MeasureStyle(prepared.Font, prepared.Options.Lang, prepared.Options.LetterSpacing);
        ellipsis ??= _measurer is IPrimaryFontMeasurer primary && !primary.PrimaryFontHasCodePoint(0x2026, style) ? "..." : "\u2026";
        double[] advances = new double[ellipsis.Length];
        _measurer.MeasureAdvances(ellipsis, style, advances);

        // ShapeResult::SnappedWidth: the float sum of advances rounded up to a LayoutUnit.
        float sum = 0;
        foreach (double advance in advances)
        {
            sum += (float)advance;
        }

        return new TextEllipsis(ellipsis, Math.Ceiling(sum * 64 - 1e-6) / 64);
    }

    /// <summary>
    /// Measures what <see cref="TextLayout.LayoutNormalLineHeight"/> needs for <c>line-height: normal</c>: the primary
    /// font's metrics and those of every face that shapes each segment of <paramref name="prepared"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="NotSupportedException">The measurer does not implement <see cref="IFontMetricsMeasurer"/>.</exception>
    public LineHeightMetrics PrepareLineMetrics(PreparedText prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (_measurer is not IFontMetricsMeasurer metrics)
        {
            throw new NotSupportedException($"{_measurer.GetType().Name} does not report font metrics (IFontMetricsMeasurer).");
        }

        return LineHeightMetrics.Build(prepared, metrics);
    }

    /// <summary>
    /// Drops cached measurements held by the measurer, if it caches (<see cref="IMeasurementCache"/>), and the
    /// process-wide cache of word runs segmented again from a line start (Thai, Lao, Khmer, Myanmar).
    /// </summary>
    public void ClearCache()
    {
        if (_measurer is IMeasurementCache cache)
        {
            cache.ClearCache();
        }

        Layout.RestartedSegmentationCache.Clear();
    }
}
