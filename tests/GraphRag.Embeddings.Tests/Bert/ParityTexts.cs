using System.Text.Json;
using GraphRag.Tests;

namespace GraphRag.Embeddings.Tests.Bert;

/// <summary>
/// The texts the encoders are checked on (ONNX Runtime against the engine): the notes' 63 eval questions,
/// 30 corpus lines of every length, 19 corpus passages of 1 to 700 words (past the 512-wordpiece limit),
/// and edge cases: empty and blank texts, accents, other scripts, emoji, numbers, URLs, special-token
/// spellings, control characters, an over-long word. Deterministic: the same list every run.
/// </summary>
public static class ParityTexts
{
    public static IReadOnlyList<string> EdgeCases { get; } =
    [
        "",
        " ",
        "\t\n  \r\n",
        "a",
        "!!!",
        "🙂",
        "naïve café résumé déjà vu",
        "ÜNÏCÖDÉ ÅÄÖ Straße Œuvre",
        "日本語のテキストと漢字",
        "Привет, мир! Как дела?",
        "x² + y² = z², ½ ≤ ¾",
        "3.14159 2,000,000 1e-9 42% $1.5M -7 +8",
        "https://example.com/path/to/page?q=1&lang=en#top",
        "[CLS] [SEP] [MASK] [PAD] [UNK]",
        "e-mail: someone@example.org, phone +1-555-0100",
        "ThE QuIcK BrOwN FoX JuMpS OvEr ThE LaZy DoG",
        "don't won't it's y'all rock'n'roll",
        "zero\u200bwidth\u0000control\u0007chars",
        new string('x', 120) + " an over-long word becomes [UNK]",
        string.Join(" ", Enumerable.Repeat("supercalifragilisticexpialidocious", 40)),
        string.Join(" ", Enumerable.Range(0, 600).Select(i => $"{i}")),
    ];

    /// <summary>Declared after <see cref="EdgeCases"/>, which it includes (static initialisers run in order).</summary>
    public static IReadOnlyList<string> All { get; } = Build();

    private static List<string> Build()
    {
        var texts = new List<string>();
        foreach (var line in File.ReadLines(TestPaths.Repo("eval", "notes", "questions.jsonl")))
        {
            using var question = JsonDocument.Parse(line);
            texts.Add(question.RootElement.GetProperty("text").GetString()!);
        }

        var lines = Directory.GetFiles(TestPaths.Repo("corpus"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList();
        // 30 lines spread over the length distribution: the shortest, the longest, and evenly in between.
        var byLength = lines.OrderBy(l => l.Length).ThenBy(l => l, StringComparer.Ordinal).ToList();
        for (var i = 0; i < 30; i++) texts.Add(byLength[(int)((long)i * (byLength.Count - 1) / 29)]);

        // Passages: consecutive lines from a fixed start until about this many words.
        int[] words = [1, 3, 8, 20, 40, 60, 80, 100, 130, 160, 190, 220, 260, 300, 340, 380, 420, 500, 700];
        for (var i = 0; i < words.Length; i++)
        {
            var start = (i * 997) % (lines.Count - 400);
            var passage = new List<string>();
            var count = 0;
            for (var j = start; count < words[i]; j++)
            {
                var lineWords = lines[j].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var take = Math.Min(lineWords.Length, words[i] - count);
                passage.Add(string.Join(' ', lineWords.Take(take)));
                count += take;
            }
            texts.Add(string.Join('\n', passage));
        }

        texts.AddRange(EdgeCases);
        return texts;
    }
}
