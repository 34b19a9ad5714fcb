using System.Globalization;
using System.Text;

namespace GraphRag.Generation.Tokenizers;

/// <summary>
/// SentencePiece-style BPE as used by Llama 2, TinyLlama and llama2.c vocabularies: spaces become
/// '▁', a '▁' is put in front (add_dummy_prefix), characters are merged greedily by the score of the
/// merged piece (highest first, leftmost on ties), and characters missing from the vocabulary fall
/// back to their UTF-8 bytes as &lt;0xNN&gt; tokens. This is llama.cpp's llm_tokenizer_spm.
/// </summary>
public sealed class SentencePieceTokenizer : ITokenizer
{
    private const char SpaceMarker = '\u2581';

    private readonly string[] _pieces;
    private readonly float[] _scores;
    private readonly TokenType[] _types;
    private readonly Dictionary<string, int> _ids;
    private readonly byte[][] _bytes;
    private readonly int[] _byteTokens = new int[256];
    private readonly SpecialTokenSplitter _specials;
    private readonly bool _addDummyPrefix;

    public SentencePieceTokenizer(string[] pieces, float[] scores, TokenType[] types, int? bosTokenId, int? eosTokenId,
        int? unknownTokenId, bool addBos, bool addDummyPrefix = true)
    {
        if (scores.Length != pieces.Length || types.Length != pieces.Length)
            throw new ArgumentException($"SentencePiece vocabulary: {pieces.Length} pieces but {scores.Length} scores and {types.Length} types.");
        _pieces = pieces;
        _scores = scores;
        _types = types;
        BosTokenId = bosTokenId;
        EosTokenId = eosTokenId;
        UnknownTokenId = unknownTokenId;
        AddsBos = addBos;
        _addDummyPrefix = addDummyPrefix;
        _ids = new Dictionary<string, int>(pieces.Length, StringComparer.Ordinal);
        for (var i = 0; i < pieces.Length; i++)
            _ids.TryAdd(pieces[i], i);
        Array.Fill(_byteTokens, -1);
        _bytes = new byte[pieces.Length][];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (types[i] == TokenType.Byte && TryParseByteToken(pieces[i], out var b))
            {
                _byteTokens[b] = i;
                _bytes[i] = [b];
            }
            else
            {
                _bytes[i] = types[i] is TokenType.Control or TokenType.Unknown or TokenType.Unused
                    ? []
                    : Encoding.UTF8.GetBytes(pieces[i].Replace(SpaceMarker, ' '));
            }
        }
        _specials = new SpecialTokenSplitter(Enumerable.Range(0, pieces.Length)
            .Where(i => types[i] is TokenType.Control or TokenType.UserDefined)
            .Select(i => (pieces[i], i)));
    }

    public int VocabularySize => _pieces.Length;

    public int? BosTokenId { get; }

    public int? EosTokenId { get; }

    public int? UnknownTokenId { get; }

    public bool AddsBos { get; }

    public int? FindToken(string text) => _ids.TryGetValue(text, out var id) ? id : null;

    public ReadOnlySpan<byte> TokenBytes(int id) => (uint)id < (uint)_bytes.Length ? _bytes[id] : [];

    public int[] Encode(string text, bool addSpecial = true, bool parseSpecial = false) =>
        Encode([new TextSegment(text, parseSpecial)], addSpecial);

    public int[] Encode(IEnumerable<TextSegment> segments, bool addSpecial = true)
    {
        var output = new List<int>();
        if (addSpecial && AddsBos && BosTokenId is { } bos)
            output.Add(bos);
        // Like llama.cpp: a text run at the start or right after a special token gets the dummy space prefix.
        var previousWasSpecial = true;
        foreach (var (part, specialId) in _specials.Split(segments))
        {
            if (specialId is { } id)
            {
                output.Add(id);
                previousWasSpecial = true;
                continue;
            }
            EncodePlain(_addDummyPrefix && previousWasSpecial ? " " + part : part, output);
            previousWasSpecial = false;
        }
        return output.ToArray();
    }

    public string Decode(IEnumerable<int> ids)
    {
        var bytes = new List<byte>();
        foreach (var id in ids)
            bytes.AddRange(TokenBytes(id).ToArray());
        var text = Encoding.UTF8.GetString(bytes.ToArray());
        return _addDummyPrefix && text.StartsWith(' ') ? text[1..] : text;
    }

    private void EncodePlain(string text, List<int> output)
    {
        if (text.Length == 0)
            return;
        var normalized = text.Replace(' ', SpaceMarker);
        var symbols = SplitCharacters(normalized);
        var queue = new PriorityQueue<Bigram, (float, int)>();
        for (var i = 1; i < symbols.Count; i++)
            TryAddBigram(normalized, symbols, i - 1, i, queue);

        while (queue.TryDequeue(out var bigram, out _))
        {
            var left = symbols[bigram.Left];
            var right = symbols[bigram.Right];
            // Skip bigrams made stale by an earlier merge of either side.
            if (left.Length == 0 || right.Length == 0 || left.Length + right.Length != bigram.Length)
                continue;
            symbols[bigram.Left] = left with { Length = left.Length + right.Length, Next = right.Next };
            symbols[bigram.Right] = right with { Length = 0 };
            if (right.Next >= 0)
                symbols[right.Next] = symbols[right.Next] with { Prev = bigram.Left };
            TryAddBigram(normalized, symbols, symbols[bigram.Left].Prev, bigram.Left, queue);
            TryAddBigram(normalized, symbols, bigram.Left, symbols[bigram.Left].Next, queue);
        }

        for (var i = 0; i >= 0 && i < symbols.Count; i = symbols[i].Next)
        {
            var piece = normalized.Substring(symbols[i].Start, symbols[i].Length);
            if (_ids.TryGetValue(piece, out var id))
            {
                output.Add(id);
                continue;
            }
            foreach (var b in Encoding.UTF8.GetBytes(piece))
            {
                var byteToken = _byteTokens[b];
                if (byteToken >= 0)
                    output.Add(byteToken);
                else if (UnknownTokenId is { } unk)
                    output.Add(unk);
            }
        }
    }

    private void TryAddBigram(string text, List<Symbol> symbols, int left, int right, PriorityQueue<Bigram, (float, int)> queue)
    {
        if (left < 0 || right < 0)
            return;
        var length = symbols[left].Length + symbols[right].Length;
        if (_ids.TryGetValue(text.Substring(symbols[left].Start, length), out var id))
            queue.Enqueue(new Bigram(left, right, length), (-_scores[id], left));
    }

    /// <summary>One symbol per character (a surrogate pair counts as one), linked to its neighbours.</summary>
    private static List<Symbol> SplitCharacters(string text)
    {
        var symbols = new List<Symbol>(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var length = char.IsSurrogatePair(text, i) ? 2 : 1;
            symbols.Add(new Symbol(i, length, symbols.Count - 1, symbols.Count + 1));
            i += length;
        }
        symbols[^1] = symbols[^1] with { Next = -1 };
        return symbols;
    }

    private static bool TryParseByteToken(string piece, out byte value)
    {
        value = 0;
        return piece.Length == 6 && piece.StartsWith("<0x", StringComparison.Ordinal) && piece[5] == '>'
            && byte.TryParse(piece.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
    }

    private readonly record struct Symbol(int Start, int Length, int Prev, int Next);

    private readonly record struct Bigram(int Left, int Right, int Length);
}
