// `batch-cases N OUT.jsonl`: N short cases for `./foretext batch`, drawn deterministically from the corpora's
// sentences (one or two sentences of one corpus, in that corpus's font, lang and direction, at a width of
// 150-600 px). Repeated texts are allowed, as in real traffic; the CLI prepares each distinct text once.

using System.Text.Json;

namespace Foretext.Bench;

internal static class BatchCases
{
    private const ulong Seed = 0xBA7C4_CA5E5;

    public static int Write(int count, string path)
    {
        List<(Corpus Corpus, List<string> Sentences)> pools = Corpora.All
            .Select(c => (c, Corpora.Sentences(c.Text)))
            .Where(p => p.Item2.Count > 0)
            .ToList();
        var rng = new SplitMix64(Seed);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream);
        byte[] newline = [(byte)'\n'];
        for (int i = 0; i < count; i++)
        {
            (Corpus corpus, List<string> sentences) = pools[rng.Next(pools.Count)];
            string text = sentences[rng.Next(sentences.Count)];
            if (rng.Next(2) == 0)
            {
                text += " " + sentences[rng.Next(sentences.Count)];
            }

            distinct.Add(text);
            writer.WriteStartObject();
            writer.WriteString("id", $"c{i}");
            writer.WriteString("text", text);
            writer.WriteString("font", corpus.Font);
            writer.WriteNumber("lineHeight", corpus.LineHeight);
            writer.WriteNumber("width", 150 + rng.Next(451));
            if (corpus.Options.Lang is { } lang)
            {
                writer.WriteString("lang", lang);
            }

            writer.WriteString("dir", corpus.Dir);
            writer.WriteEndObject();
            writer.Flush();
            stream.Write(newline);
            writer.Reset();
        }

        Console.Error.WriteLine($"batch-cases: {count} cases, {distinct.Count} distinct texts, written to {path}");
        return 0;
    }
}
