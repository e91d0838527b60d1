// Stage: browser parity, snapshot reader.
// Input: one case line of a snapshot JSONL file (corpus texts are filled in from shared/ by BrowserSnapshot).
// Output: the case's CSS inputs and Chromium's answer: height, line count, line starts (UTF-16 offsets of the
// first character drawn on each line), fonts used, and an error when the answer is not to be trusted.

namespace Foretext.Recorder;

/// <summary>One recorded paragraph layout.</summary>
public sealed record SnapshotCase
{
    /// <summary>Unique id in its file (corpora: <c>corpusId@width</c>; app: <c>stringId@width</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The original text; for corpora read from shared/ and checked against the header's sha256.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>CSS font shorthand.</summary>
    public required string Font { get; init; }

    /// <summary>CSS line-height in px.</summary>
    public double LineHeight { get; init; }

    /// <summary>Box width in CSS px.</summary>
    public double Width { get; init; }

    /// <summary><c>normal</c> or <c>pre-wrap</c>.</summary>
    public required string WhiteSpace { get; init; }

    /// <summary><c>normal</c> or <c>keep-all</c>.</summary>
    public required string WordBreak { get; init; }

    /// <summary>CSS letter-spacing in px; 0 is <c>normal</c>.</summary>
    public double LetterSpacing { get; init; }

    /// <summary>HTML lang attribute.</summary>
    public required string Lang { get; init; }

    /// <summary>HTML dir attribute.</summary>
    public required string Dir { get; init; }

    /// <summary>Chromium's getBoundingClientRect().height of the div.</summary>
    public double Height { get; init; }

    /// <summary>Number of lines Chromium made.</summary>
    public int LineCount { get; init; }

    /// <summary>UTF-16 offset of the first character drawn on each line (collapsed white space never starts one).</summary>
    public required int[] Lines { get; init; }

    /// <summary>Platform fonts Chromium used.</summary>
    public required SnapshotFont[] Fonts { get; init; }

    /// <summary>Null, or why this answer is not a valid oracle (e.g. none of the named fonts was used).</summary>
    public string? Error { get; init; }

    /// <summary>The white-space value as Foretext's enum.</summary>
    public global::Foretext.Text.WhiteSpace WhiteSpaceMode => WhiteSpace switch
    {
        "normal" => global::Foretext.Text.WhiteSpace.Normal,
        "pre-wrap" => global::Foretext.Text.WhiteSpace.PreWrap,
        _ => throw new InvalidDataException($"{Id}: white-space {WhiteSpace} unsupported"),
    };

    /// <summary>The word-break value as Foretext's enum.</summary>
    public global::Foretext.Text.WordBreak WordBreakMode => WordBreak switch
    {
        "normal" => global::Foretext.Text.WordBreak.Normal,
        "keep-all" => global::Foretext.Text.WordBreak.KeepAll,
        _ => throw new InvalidDataException($"{Id}: word-break {WordBreak} unsupported"),
    };

    /// <summary>The same paragraph as a recorder case, to lay it out again in Chromium.</summary>
    public LineCase ToLineCase() =>
        new(Id, Text, Font, LineHeight, Width, WhiteSpace, WordBreak, LetterSpacing, Lang, Dir);
}
