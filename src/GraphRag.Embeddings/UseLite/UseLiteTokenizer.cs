using System.Text;
using System.Text.Json;

namespace GraphRag.Embeddings.UseLite;

/// <summary>
/// The SentencePiece (unigram) tokenizer of Universal Sentence Encoder lite, reproducing the TF.js
/// implementation (@energetic-ai/embeddings 0.2.0, from tfjs-models' universal-sentence-encoder)
/// piece for piece, including its quirks:
/// <list type="bullet">
/// <item>NFKC normalisation, then "▁" prepended and every U+0020 space replaced by "▁" (tabs and
/// newlines are kept, and usually become unknown).</item>
/// <item>The lattice holds, at each code point, every vocabulary piece starting there; a position
/// where none starts gets one unknown piece (id 0, score 0) of one code point.</item>
/// <item>Viterbi keeps, per end position, the last candidate with score ≥ the best so far, where a
/// best of exactly 0 counts as "none yet".</item>
/// <item>The backward pass steps back by the chosen piece's UTF-16 length, and runs of unknowns
/// collapse into one id 0.</item>
/// </list>
/// Normalisation needs ICU: with InvariantGlobalization on, .NET leaves non-ASCII text unnormalised.
/// Microsoft.ML.Tokenizers 3.0.0's Unigram SentencePiece cannot stand in: it refuses this vocabulary (the piece
/// "”5" appears three times), and with the duplicates renamed it still differs from TF.js where a run of unknown
/// characters is one id 0 here ("🚀🔥") and where spaces repeat (it always collapses them).
/// </summary>
public sealed class UseLiteTokenizer
{
    /// <summary>Vocabulary entries before this index (unk, control symbols) are never matched.</summary>
    private const int ReservedSymbols = 6;

    private const char Separator = '\u2581';

    /// <summary>The id of the unknown piece.</summary>
    public const int UnknownId = 0;

    private readonly string[] _pieces;
    private readonly TrieNode _root = new();

    private UseLiteTokenizer(string[] pieces, double[] scores)
    {
        _pieces = pieces;
        for (var i = ReservedSymbols; i < pieces.Length; i++) Insert(pieces[i], scores[i], i);
    }

    public int VocabularySize => _pieces.Length;

    /// <summary>The text of piece <paramref name="id"/>.</summary>
    public string Piece(int id) => _pieces[id];

    /// <summary>Reads <c>vocab.json</c>: an array of [piece, score] pairs whose index is the token id.</summary>
    public static UseLiteTokenizer Load(string vocabJsonPath)
    {
        if (!File.Exists(vocabJsonPath)) throw new FileNotFoundException($"Vocabulary file not found: {vocabJsonPath}", vocabJsonPath);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(vocabJsonPath));
            var entries = document.RootElement.EnumerateArray().ToArray();
            var pieces = new string[entries.Length];
            var scores = new double[entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                pieces[i] = entries[i][0].GetString() ?? throw new InvalidDataException($"{vocabJsonPath}: entry {i} has no piece text.");
                // A few pieces (":", "://", "▁:)" …) have a null score; JavaScript's null + x treats it as 0.
                scores[i] = entries[i][1].ValueKind == JsonValueKind.Null ? 0 : entries[i][1].GetDouble();
            }
            if (pieces.Length <= ReservedSymbols) throw new InvalidDataException($"{vocabJsonPath}: only {pieces.Length} entries.");
            return new UseLiteTokenizer(pieces, scores);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{vocabJsonPath}: expected a JSON array of [piece, score] pairs ({ex.Message}).", ex);
        }
    }

    /// <summary>Token ids of <paramref name="text"/> (empty for an empty text).</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var symbols = CodePoints(Preprocess(text));
        var n = symbols.Length;

        // Candidates ending at each position, in order of their start (the order TF.js visits them).
        var endingAt = new List<Candidate>?[n + 1];
        for (var start = 0; start < n; start++)
        {
            var found = false;
            var node = _root;
            for (var length = 1; start + length <= n; length++)
            {
                if (!node.Children.TryGetValue(symbols[start + length - 1], out node)) break;
                if (!node.IsEnd) continue;
                (endingAt[start + length] ??= []).Add(new Candidate(length, node.Score, node.Id));
                found = true;
            }
            if (!found) (endingAt[start + 1] ??= []).Add(new Candidate(1, 0, UnknownId));
        }

        var best = new double[n + 1];
        var words = new int[n + 1];
        for (var end = 0; end <= n; end++)
        {
            if (endingAt[end] is not { } candidates) continue;
            foreach (var candidate in candidates)
            {
                var score = candidate.Score + best[end - candidate.Length];
                if (best[end] == 0 || score >= best[end])
                {
                    best[end] = score;
                    words[end] = candidate.Id;
                }
            }
        }

        // Backward pass: TF.js steps back by the piece's JavaScript (UTF-16) length.
        var reversed = new List<int>();
        var previousWasUnknown = false;
        for (var position = n; position > 0; position -= _pieces[words[position]].Length)
        {
            var id = words[position];
            if (!(previousWasUnknown && id == UnknownId)) reversed.Add(id);
            previousWasUnknown = id == UnknownId;
        }
        reversed.Reverse();
        return [.. reversed];
    }

    private static string Preprocess(string text)
    {
        var normalized = NormalizeKeepingLoneSurrogates(text);
        return normalized.Length > 0 ? Separator + normalized.Replace(' ', Separator) : normalized;
    }

    /// <summary>
    /// NFKC as JavaScript's normalize("NFKC") does it: a lone surrogate is kept as it is, where .NET's
    /// Normalize throws. A lone surrogate is a starter nothing composes with, so normalising the runs
    /// between them gives JavaScript's result.
    /// </summary>
    private static string NormalizeKeepingLoneSurrogates(string text)
    {
        var lone = LoneSurrogates(text);
        if (lone.Count == 0)
            return text.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(text.Length);
        var start = 0;
        foreach (var at in lone)
        {
            result.Append(text[start..at].Normalize(NormalizationForm.FormKC)).Append(text[at]);
            start = at + 1;
        }
        return result.Append(text[start..].Normalize(NormalizationForm.FormKC)).ToString();
    }

    private static List<int> LoneSurrogates(string text)
    {
        var lone = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                lone.Add(i);
        }
        return lone;
    }

    /// <summary>Code points as JavaScript's for…of yields them: surrogate pairs joined, lone surrogates kept.</summary>
    private static int[] CodePoints(string s)
    {
        var result = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                result.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else
            {
                result.Add(s[i]);
            }
        }
        return [.. result];
    }

    private void Insert(string piece, double score, int id)
    {
        var node = _root;
        var symbols = CodePoints(piece);
        if (symbols.Length == 0) return;
        foreach (var symbol in symbols)
        {
            if (!node.Children.TryGetValue(symbol, out var child)) node.Children[symbol] = child = new TrieNode();
            node = child;
        }
        node.IsEnd = true;
        node.Score = score;
        node.Id = id;
    }

    private readonly record struct Candidate(int Length, double Score, int Id);

    private sealed class TrieNode
    {
        public Dictionary<int, TrieNode> Children { get; } = [];
        public bool IsEnd { get; set; }
        public double Score { get; set; }
        public int Id { get; set; }
    }
}
