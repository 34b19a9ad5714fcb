using System.Text.RegularExpressions;

namespace GraphRag.Bench.Foundation;

/// <summary>
/// The notes repeated with variations: each copy swaps about 5% of the words for other words of
/// the corpus (seeded), so files differ, hashes differ and the vocabulary stays realistic.
/// </summary>
public static partial class SyntheticCorpus
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string[] Notes => Directory.GetFiles(Path.Combine(RepoRoot, "corpus")).Order().ToArray();

    public static string Write(string folder, int copies, int seed = 42)
    {
        Directory.CreateDirectory(folder);
        var texts = Notes.Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList();
        var vocabulary = texts.SelectMany(t => Word().Matches(t.Text).Select(m => m.Value)).Distinct().ToArray();
        var random = new Random(seed);
        for (var copy = 0; copy < copies; copy++)
        {
            foreach (var (name, text) in texts)
            {
                var varied = copy == 0 ? text : Word().Replace(text, m => random.NextDouble() < 0.05 ? vocabulary[random.Next(vocabulary.Length)] : m.Value);
                File.WriteAllText(Path.Combine(folder, $"{copy:D3}_{name}"), varied);
            }
        }
        return folder;
    }

    /// <summary>
    /// One plain-text note of about <paramref name="bytes"/> bytes (UTF-8): the corpus's sentences in
    /// seeded random order, three to seven to a paragraph, about 5% of their words swapped as in
    /// <see cref="Write"/>, under one title. One article with one section: the shape that puts the
    /// most text through each step at once.
    /// </summary>
    public static string WriteSingleFile(string path, long bytes, int seed = 42)
    {
        var texts = Notes.Select(File.ReadAllText).ToList();
        var sentences = texts
            .SelectMany(t => GraphRag.Text.Sentences.Split(t).Select(s => t.Substring(s.Start, s.Length).ReplaceLineEndings(" ").Trim()))
            .Where(s => s.Length is >= 40 and <= 400 && !s.StartsWith('#'))
            .ToArray();
        var vocabulary = texts.SelectMany(t => Word().Matches(t).Select(m => m.Value)).Distinct().ToArray();
        var random = new Random(seed);
        var text = new System.Text.StringBuilder("Plain notes on many things\n\n");
        long written = text.Length;
        while (true)
        {
            var paragraph = new System.Text.StringBuilder();
            var count = random.Next(3, 8);
            for (var i = 0; i < count; i++)
                paragraph.Append(Word().Replace(sentences[random.Next(sentences.Length)],
                    m => random.NextDouble() < 0.05 ? vocabulary[random.Next(vocabulary.Length)] : m.Value)).Append(i + 1 < count ? " " : "\n\n");
            var size = System.Text.Encoding.UTF8.GetByteCount(paragraph.ToString());
            if (written + size > bytes)
                break;
            text.Append(paragraph);
            written += size;
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GraphRag.sln")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    [GeneratedRegex(@"\b[a-z]{4,}\b")]
    private static partial Regex Word();
}
