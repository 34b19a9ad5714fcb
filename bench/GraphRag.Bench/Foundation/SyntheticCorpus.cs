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
