using System.Globalization;
using System.Text;
using SentencePieceModel = Microsoft.ML.Tokenizers.SentencePieceTokenizer;

namespace GraphRag.Generation.Tokenizers;

/// <summary>
/// SentencePiece-style BPE as used by Llama 2, TinyLlama and llama2.c vocabularies (llama.cpp's llm_tokenizer_spm):
/// spaces become '▁', a '▁' is put in front (add_dummy_prefix), characters are merged by the score of the merged
/// piece, and characters missing from the vocabulary fall back to their UTF-8 bytes as &lt;0xNN&gt; tokens. The
/// encoding is Microsoft.ML.Tokenizers' SentencePiece BPE model; around it this class gives a decoder what the
/// library does not: control tokens recognised only in template markup, BOS on request, and each token's bytes for
/// streaming. A run of text after a control token gets the dummy prefix again, as in llama.cpp.
/// </summary>
public sealed class SentencePieceTokenizer : ITokenizer
{
    private const char SpaceMarker = '\u2581';

    private readonly SentencePieceModel _model;
    private readonly Dictionary<string, int> _ids;
    private readonly byte[][] _bytes;
    private readonly SpecialTokenSplitter _specials;
    private readonly bool _addDummyPrefix;

    /// <summary>A vocabulary given as arrays (GGUF metadata), handed to the library as a SentencePiece model.</summary>
    public SentencePieceTokenizer(string[] pieces, float[] scores, TokenType[] types, int? bosTokenId, int? eosTokenId,
        int? unknownTokenId, bool addBos, bool addDummyPrefix = true)
        : this(pieces, types, bosTokenId, eosTokenId, unknownTokenId, addBos, addDummyPrefix,
            SentencePieceModelWriter.Write(pieces, CheckedScores(pieces, scores, types), types, unknownTokenId, bosTokenId, eosTokenId, addDummyPrefix))
    {
    }

    /// <summary>A vocabulary and the SentencePiece model (a serialized ModelProto) it was read from.</summary>
    internal SentencePieceTokenizer(string[] pieces, TokenType[] types, int? bosTokenId, int? eosTokenId, int? unknownTokenId,
        bool addBos, bool addDummyPrefix, byte[] modelProto)
    {
        BosTokenId = bosTokenId;
        EosTokenId = eosTokenId;
        UnknownTokenId = unknownTokenId;
        AddsBos = addBos;
        _addDummyPrefix = addDummyPrefix;
        using (var stream = new MemoryStream(modelProto, writable: false))
            _model = SentencePieceModel.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        _ids = new Dictionary<string, int>(pieces.Length, StringComparer.Ordinal);
        for (var i = 0; i < pieces.Length; i++)
            _ids.TryAdd(pieces[i], i);
        _bytes = new byte[pieces.Length][];
        for (var i = 0; i < pieces.Length; i++)
        {
            _bytes[i] = types[i] == TokenType.Byte && TryParseByteToken(pieces[i], out var b) ? [b]
                : types[i] is TokenType.Control or TokenType.Unknown or TokenType.Unused ? []
                : Encoding.UTF8.GetBytes(pieces[i].Replace(SpaceMarker, ' '));
        }
        _specials = new SpecialTokenSplitter(Enumerable.Range(0, pieces.Length)
            .Where(i => types[i] is TokenType.Control or TokenType.UserDefined)
            .Select(i => (pieces[i], i)));
    }

    public int VocabularySize => _bytes.Length;

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
        // Plain runs are separated by control tokens, so each one starts the text or follows a control token:
        // the library's dummy prefix on every run is what llama.cpp does.
        foreach (var (part, specialId) in _specials.Split(segments))
        {
            if (specialId is { } id)
                output.Add(id);
            else
                output.AddRange(_model.EncodeToIds(part, addBeginningOfSentence: false, addEndOfSentence: false));
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

    private static float[] CheckedScores(string[] pieces, float[] scores, TokenType[] types) =>
        scores.Length == pieces.Length && types.Length == pieces.Length ? scores
        : throw new ArgumentException($"SentencePiece vocabulary: {pieces.Length} pieces but {scores.Length} scores and {types.Length} types.");

    private static bool TryParseByteToken(string piece, out byte value)
    {
        value = 0;
        return piece.Length == 6 && piece.StartsWith("<0x", StringComparison.Ordinal) && piece[5] == '>'
            && byte.TryParse(piece.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
    }
}
