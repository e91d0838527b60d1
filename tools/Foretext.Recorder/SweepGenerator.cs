// Stage: browser oracle, seeded short-text sweep.
// Input: a seed and the shared corpora (snippets are cut from their texts).
// Output: GroupCount x 8 sizes x 8 widths LineCases: snippets of every corpus script plus mixed bidi, emoji,
// URLs, numbers, soft hyphens and NBSP, over six font stacks, white-space normal and pre-wrap, some keep-all,
// some letter-spacing. Deterministic from the seed (Pcg32); the snapshot stores every text, so comparing
// against it never needs this generator again.
using System.Globalization;

namespace Foretext.Recorder;

/// <summary>Generates the seeded short-text sweep.</summary>
public static class SweepGenerator
{
    /// <summary>Bumped whenever the same seed would give different cases.</summary>
    public const string Version = "sweep-v2";

    /// <summary>Text groups; each is laid out at every size and width.</summary>
    public const int GroupCount = 128;

    /// <summary>Font sizes in px (one fractional, to exercise subpixel advances).</summary>
    public static readonly IReadOnlyList<double> Sizes = [10, 12, 13, 14, 15.5, 16, 20, 24];

    /// <summary>Box widths in px (fractional ones included; the narrow ones force overflow-wrap).</summary>
    public static readonly IReadOnlyList<double> Widths = [48, 75, 110, 150.5, 200, 260, 333, 420];

    /// <summary>Primary families of the font stacks, all fonts the corpora use.</summary>
    public static readonly IReadOnlyList<(string Family, string Generic)> Stacks =
    [
        ("Noto Serif", "serif"),
        ("Noto Sans", "sans-serif"),
        ("DejaVu Sans", "sans-serif"),
        ("Noto Sans CJK JP", "sans-serif"),
        ("Noto Serif CJK SC", "serif"),
        ("Noto Sans CJK KR", "sans-serif"),
    ];

    private const string ColorEmoji = "Noto Color Emoji";

    private static readonly string[] s_kinds =
    [
        "corpus", "bidi", "emoji", "url", "numbers", "shy", "nbsp",
    ];

    private static readonly string[] s_emoji =
    [
        "\U0001F600", "\U0001F44D\U0001F3FD", "\U0001F469\u200D\U0001F4BB", "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466",
        "\U0001F1EF\U0001F1F5", "\u2764\uFE0F", "\U0001F9D1\U0001F3FF\u200D\U0001F680", "\u2708\uFE0F", "1\uFE0F\u20E3",
        "\U0001F3F3\uFE0F\u200D\U0001F308", "\U0001F389", "\U0001F44B\U0001F3FB", "\U0001F363", "\u263A",
    ];

    private static readonly string[] s_numbers =
    [
        "1,234,567.89", "3.14159", "2026-03-10", "12:30", "+1 (555) 010-9999", "50%", "$12.99", "\u20AC1.234,56",
        "v2.3.1", "0x7FFF", "1/2", "-273.15\u00B0C", "10\u00D710", "\u00B112", "4.5e-3", "100,000", "#42", "7:00-9:00",
    ];

    private static readonly string[] s_longWords =
    [
        "incomprehensibilities", "supercalifragilisticexpialidocious", "internationalization",
        "Donaudampfschifffahrtsgesellschaft", "antidisestablishmentarianism", "counterrevolutionaries",
        "electroencephalographically", "uncharacteristically",
    ];

    private static readonly string[] s_nbspJoins =
    [
        "10\u00A0kg", "Mr.\u00A0Gatsby", "100\u00A0000", "\u00A7\u00A012", "5\u00A0km/h", "p.\u00A042", "9\u00A0h\u00A030",
        "50\u202F%", "foo\u2060bar", "alpha\u200Bbeta", "New\u00A0York\u00A0City", "Fig.\u00A07",
    ];

    /// <summary>All sweep cases for a seed.</summary>
    public static IReadOnlyList<LineCase> Generate(ulong seed, IReadOnlyList<CorpusInfo> corpora)
    {
        var rng = new Pcg32(seed);
        Dictionary<string, string[]> lines = corpora.ToDictionary(
            c => c.Id,
            c => c.Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 20).ToArray());
        CorpusInfo english = corpora.First(c => c.Lang == "en");
        CorpusInfo arabic = corpora.First(c => c.Lang == "ar");
        CorpusInfo hebrew = corpora.First(c => c.Lang == "he");
        var cases = new List<LineCase>(GroupCount * Sizes.Count * Widths.Count);

        for (int g = 0; g < GroupCount; g++)
        {
            // Kinds cycle so every kind meets every stack; corpus snippets take every other group, in corpus order.
            string kind = g % 2 == 0 ? "corpus" : s_kinds[1 + ((g / 2) % (s_kinds.Length - 1))];
            CorpusInfo corpus = corpora[(g / 2) % corpora.Count];
            (string family, string generic) = Stacks[((g / 2) + (g / 12)) % Stacks.Count];
            var families = new List<string> { family };
            string lang = "en";
            string dir = "ltr";
            string text;

            switch (kind)
            {
                case "corpus":
                    text = Snippet(rng, lines[corpus.Id], rng.Next(24, 220));
                    families.Add(CssFontFamilies.Named(corpus.Font)[0]);
                    lang = corpus.Lang;
                    dir = corpus.Dir;
                    if (corpus.Id == "mixed-app-text")
                    {
                        families.AddRange(CssFontFamilies.Named(corpus.Font).Skip(1));
                    }

                    break;
                case "bidi":
                    text = Bidi(rng, lines[english.Id], lines[arabic.Id], lines[hebrew.Id]);
                    families.Add(CssFontFamilies.Named(arabic.Font)[0]);
                    families.Add(CssFontFamilies.Named(hebrew.Font)[0]);
                    if (rng.Next(2) == 1)
                    {
                        dir = "rtl";
                        lang = rng.Next(2) == 0 ? "ar" : "he";
                    }

                    break;
                case "emoji":
                    text = Interleave(rng, Words(rng, lines[english.Id], rng.Next(4, 30)), s_emoji, 3);
                    families.Add(ColorEmoji);
                    break;
                case "url":
                    text = Url(rng, lines[english.Id]);
                    break;
                case "numbers":
                    text = Interleave(rng, Words(rng, lines[english.Id], rng.Next(4, 24)), s_numbers, 2);
                    break;
                case "shy":
                    text = SoftHyphens(rng, lines[english.Id]);
                    break;
                default:
                    text = Interleave(rng, Words(rng, lines[english.Id], rng.Next(4, 24)), s_nbspJoins, 2);
                    break;
            }

            // The g / 12 term flips the parity every round of the six odd-group kinds, so each kind gets both.
            string whiteSpace = ((g / 2) + (g / 12)) % 2 == 1 ? "pre-wrap" : "normal";
            if (whiteSpace == "pre-wrap")
            {
                text = PreWrapify(rng, text, tab: g % 16 == 3);
            }

            string wordBreak = g % 5 == 0 ? "keep-all" : "normal";
            double letterSpacing = (g % 7) switch { 3 => 1, 5 => 0.5, 6 => -0.25, _ => 0 };
            string stack = string.Join(", ", families.Distinct().Select(f => $"\"{f}\"")) + ", " + generic;

            for (int s = 0; s < Sizes.Count; s++)
            {
                double size = Sizes[s];
                double lineHeight = Math.Ceiling(size * 1.4);
                string font = $"{Format(size)}px {stack}";
                for (int w = 0; w < Widths.Count; w++)
                {
                    string id = $"sweep-{g:D3}-{(kind == "corpus" ? corpus.Id : kind)}-s{Format(size)}-w{Format(Widths[w])}";
                    cases.Add(new LineCase(id, text, font, lineHeight, Widths[w], whiteSpace, wordBreak, letterSpacing, lang, dir));
                }
            }
        }

        return cases;
    }

    private static string Format(double v) => v.ToString(CultureInfo.InvariantCulture);

    // A run of whole grapheme clusters from a random line, trimmed, about `length` UTF-16 units long.
    private static string Snippet(Pcg32 rng, string[] lines, int length)
    {
        string line = rng.Pick(lines);
        int[] bounds = StringInfo.ParseCombiningCharacters(line);
        int startIndex = rng.Next(Math.Max(1, bounds.Length - Math.Min(bounds.Length - 1, length / 2)));
        int start = bounds[startIndex];
        int end = line.Length;
        foreach (int b in bounds)
        {
            if (b >= start + length)
            {
                end = b;
                break;
            }
        }

        return line[start..end].Trim();
    }

    private static List<string> Words(Pcg32 rng, string[] lines, int count)
    {
        var words = new List<string>();
        while (words.Count < count)
        {
            string[] lineWords = rng.Pick(lines).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int from = rng.Next(lineWords.Length);
            for (int i = from; i < lineWords.Length && words.Count < count; i++)
            {
                words.Add(lineWords[i]);
            }
        }

        return words;
    }

    private static string Interleave(Pcg32 rng, List<string> words, string[] extras, int every)
    {
        var parts = new List<string>();
        foreach (string word in words)
        {
            parts.Add(word);
            if (rng.Next(every + 1) == 0)
            {
                parts.Add(rng.Pick(extras));
            }
        }

        parts.Insert(rng.Next(parts.Count + 1), rng.Pick(extras));
        return string.Join(" ", parts);
    }

    private static string Bidi(Pcg32 rng, string[] english, string[] arabic, string[] hebrew)
    {
        var segments = new List<string>
        {
            string.Join(" ", Words(rng, english, rng.Next(2, 8))),
            string.Join(" ", Words(rng, rng.Next(2) == 0 ? arabic : hebrew, rng.Next(2, 8))),
            rng.Pick(s_numbers),
            string.Join(" ", Words(rng, english, rng.Next(1, 5))),
        };
        if (rng.Next(2) == 0)
        {
            segments.Add("\u00AB" + string.Join(" ", Words(rng, arabic, rng.Next(1, 4))) + "\u00BB");
        }

        for (int i = segments.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (segments[i], segments[j]) = (segments[j], segments[i]);
        }

        return string.Join(rng.Next(3) == 0 ? ", " : " ", segments) + (rng.Next(2) == 0 ? "." : "!");
    }

    private static string Url(Pcg32 rng, string[] english)
    {
        List<string> words = Words(rng, english, 12)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 0)
            .ToList();
        while (words.Count < 6)
        {
            words.Add("page");
        }

        string url = $"https://{words[0]}.example.com/{words[1]}/{words[2]}-{words[3]}/{words[4]}?q={words[5]}&lang=en&id={rng.Next(100000)}";
        if (rng.Next(2) == 0)
        {
            url += "#" + string.Join("_", words.Skip(6));
        }

        string before = string.Join(" ", Words(rng, english, rng.Next(0, 8)));
        string after = string.Join(" ", Words(rng, english, rng.Next(0, 8)));
        return $"{before} {url} {after}".Trim();
    }

    private static string SoftHyphens(Pcg32 rng, string[] english)
    {
        List<string> words = Words(rng, english, rng.Next(4, 20));
        words.Insert(rng.Next(words.Count + 1), rng.Pick(s_longWords));
        words.Insert(rng.Next(words.Count + 1), rng.Pick(s_longWords));
        var result = new List<string>();
        foreach (string word in words)
        {
            if (word.Length < 8)
            {
                result.Add(word);
                continue;
            }

            var sb = new System.Text.StringBuilder();
            int next = rng.Next(2, 4);
            for (int i = 0; i < word.Length; i++)
            {
                sb.Append(word[i]);
                if (i + 1 == next && i + 2 < word.Length && char.IsLetter(word[i]) && char.IsLetter(word[i + 1]))
                {
                    sb.Append('\u00AD');
                    next += rng.Next(2, 5);
                }
            }

            result.Add(sb.ToString());
        }

        return string.Join(" ", result);
    }

    // pre-wrap keeps what normal collapses: doubled spaces, line feeds, trailing spaces, sometimes a tab.
    private static string PreWrapify(Pcg32 rng, string text, bool tab)
    {
        var sb = new System.Text.StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (c == ' ')
            {
                switch (rng.Next(10))
                {
                    case 0:
                        sb.Append("  ");
                        continue;
                    case 1:
                        sb.Append('\n');
                        continue;
                    case 2 when tab:
                        sb.Append('\t');
                        continue;
                    case 3:
                        sb.Append("   ");
                        continue;
                }
            }

            sb.Append(c);
        }

        if (rng.Next(3) == 0)
        {
            sb.Append("  ");
        }

        return sb.ToString();
    }
}
