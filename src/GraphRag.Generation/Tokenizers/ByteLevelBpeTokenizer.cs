using System.Text;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace GraphRag.Generation.Tokenizers;

/// <summary>
/// Byte-level BPE as in GPT-2, Llama 3 and Qwen: text is cut into words by a pre-tokenizer regex,
/// each word's UTF-8 bytes are spelled with GPT-2's printable byte alphabet, and adjacent symbols are
/// merged by merge rank (lowest first) until no listed merge applies. The merging is Microsoft.ML.Tokenizers'
/// <see cref="BpeTokenizer"/>; around it this class gives a decoder what the library does not: control tokens
/// recognised only in template markup, BOS on request, and each token's bytes for streaming.
/// </summary>
public sealed class ByteLevelBpeTokenizer : ITokenizer
{
    /// <summary>GPT-2's pre-tokenizer (tokenizer.ggml.pre "gpt-2" and the default).</summary>
    public const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>Llama 3's pre-tokenizer ("llama-bpe"): case-insensitive contractions, numbers in groups of three.</summary>
    public const string Llama3Pattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>Qwen2's pre-tokenizer: like Llama 3 but digits one at a time.</summary>
    public const string Qwen2Pattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private static readonly char[] ByteToChar = BuildByteAlphabet();
    private static readonly Dictionary<char, byte> CharToByte =
        Enumerable.Range(0, 256).ToDictionary(b => ByteToChar[b], b => (byte)b);

    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _ids;
    private readonly byte[][] _bytes;
    private readonly BpeTokenizer _bpe;
    private readonly SpecialTokenSplitter _specials;

    public ByteLevelBpeTokenizer(string[] tokens, IEnumerable<string> merges, TokenType[]? types, int? bosTokenId,
        int? eosTokenId, bool addBos, string pattern = Gpt2Pattern)
    {
        _tokens = tokens;
        types ??= tokens.Select(_ => TokenType.Normal).ToArray();
        BosTokenId = bosTokenId;
        EosTokenId = eosTokenId;
        AddsBos = addBos;
        _ids = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Length; i++)
            _ids.TryAdd(tokens[i], i);
        _bytes = new byte[tokens.Length][];
        for (var i = 0; i < tokens.Length; i++)
        {
            _bytes[i] = types[i] == TokenType.Control ? [] : SpelledToBytes(tokens[i]);
        }
        _bpe = BpeTokenizer.Create(new BpeOptions(_ids)
        {
            Merges = merges,
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant), specialTokens: null),
        });
        _specials = new SpecialTokenSplitter(Enumerable.Range(0, tokens.Length)
            .Where(i => types[i] is TokenType.Control or TokenType.UserDefined)
            .Select(i => (tokens[i], i)));
    }

    public int VocabularySize => _tokens.Length;

    public int? BosTokenId { get; }

    public int? EosTokenId { get; }

    public bool AddsBos { get; }

    public int? FindToken(string text) => _ids.TryGetValue(text, out var id) ? id : null;

    public ReadOnlySpan<byte> TokenBytes(int id) => (uint)id < (uint)_bytes.Length ? _bytes[id] : [];

    /// <summary>The pre-tokenizer regex for a GGUF tokenizer.ggml.pre name.</summary>
    public static string PatternFor(string? preTokenizer) => preTokenizer switch
    {
        "llama-bpe" or "llama3" or "smaug-bpe" => Llama3Pattern,
        "qwen2" => Qwen2Pattern,
        _ => Gpt2Pattern,
    };

    public int[] Encode(string text, bool addSpecial = true, bool parseSpecial = false) =>
        Encode([new TextSegment(text, parseSpecial)], addSpecial);

    public int[] Encode(IEnumerable<TextSegment> segments, bool addSpecial = true)
    {
        var output = new List<int>();
        if (addSpecial && AddsBos && BosTokenId is { } bos)
            output.Add(bos);
        foreach (var (part, specialId) in _specials.Split(segments))
        {
            if (specialId is { } id)
            {
                output.Add(id);
                continue;
            }
            output.AddRange(_bpe.EncodeToIds(part));
        }
        return output.ToArray();
    }

    public string Decode(IEnumerable<int> ids)
    {
        var bytes = new List<byte>();
        foreach (var id in ids)
            bytes.AddRange(TokenBytes(id).ToArray());
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static byte[] SpelledToBytes(string token)
    {
        var bytes = new byte[token.Length];
        for (var i = 0; i < token.Length; i++)
        {
            // Added tokens (e.g. "<|endoftext|>") may use characters outside the byte alphabet: keep their UTF-8.
            if (!CharToByte.TryGetValue(token[i], out bytes[i]))
                return Encoding.UTF8.GetBytes(token);
        }
        return bytes;
    }

    /// <summary>GPT-2's bytes_to_unicode: printable Latin-1 bytes map to themselves, the rest to U+0100 upwards.</summary>
    private static char[] BuildByteAlphabet()
    {
        var map = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            map[b] = printable ? (char)b : (char)next++;
        }
        return map;
    }
}
