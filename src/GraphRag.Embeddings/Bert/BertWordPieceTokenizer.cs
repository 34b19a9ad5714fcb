using System.Text;
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace GraphRag.Embeddings.Bert;

/// <summary>
/// Text to the token ids a BERT model reads, framed as [CLS] … [SEP] and cut to a maximum length:
/// Microsoft.ML.Tokenizers' <see cref="BertTokenizer"/> does WordPiece, given our normaliser and word
/// splitter (<see cref="BertTextNormalizer"/>, <see cref="BertWordSplitter"/>), which follow Hugging Face's
/// BERT rules where the library's own defaults do not (line breaks, symbols). Lower-casing also strips
/// accents, as Hugging Face's BertNormalizer does for uncased models. Tests compare every id with
/// Hugging Face's Tokenizers.js.
/// </summary>
public sealed class BertWordPieceTokenizer
{
    private readonly BertTokenizer _tokenizer;

    private BertWordPieceTokenizer(BertTokenizer tokenizer) => _tokenizer = tokenizer;

    public int ClassificationTokenId => _tokenizer.ClassificationTokenId;

    public int SeparatorTokenId => _tokenizer.SeparatorTokenId;

    public int PaddingTokenId => _tokenizer.PaddingTokenId;

    /// <summary>The largest id this tokenizer can produce, to check against the model's embedding table.</summary>
    public int MaxId { get; private init; }

    /// <summary>A WordPiece vocabulary file: one token per line, the line number its id.</summary>
    public static BertWordPieceTokenizer FromVocabulary(Stream vocabulary, bool lowerCase, string source)
    {
        using var buffer = new MemoryStream();
        vocabulary.CopyTo(buffer);
        var lines = CountLines(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (lines == 0) throw new InvalidDataException($"{source} is empty; a WordPiece vocabulary has one token per line.");
        buffer.Position = 0;
        var tokenizer = Create(buffer, new BertOptions(), lowerCase, stripAccents: lowerCase, splitCjk: true, source);
        return new BertWordPieceTokenizer(tokenizer) { MaxId = lines - 1 };
    }

    /// <summary>
    /// A Hugging Face tokenizer.json with a WordPiece model: the vocabulary is taken from model.vocab, and
    /// lower-casing, accent stripping and CJK splitting from a BertNormalizer when there is one.
    /// </summary>
    public static BertWordPieceTokenizer FromTokenizerJson(Stream json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source} is not valid JSON: {ex.Message}", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{source} has no \"model\" object; is it a Hugging Face tokenizer.json?");
            var type = model.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type != "WordPiece")
                throw new InvalidDataException($"{source}: the tokenizer model is \"{type}\"; only WordPiece (BERT) tokenizers are supported. Give a vocab.txt instead.");
            if (!model.TryGetProperty("vocab", out var vocab) || vocab.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{source}: model.vocab is missing or not an object of token → id.");

            var tokens = new SortedDictionary<int, string>();
            foreach (var entry in vocab.EnumerateObject())
            {
                if (!tokens.TryAdd(entry.Value.GetInt32(), entry.Name))
                    throw new InvalidDataException($"{source}: id {entry.Value.GetInt32()} is given to two tokens.");
            }
            if (tokens.Count == 0 || tokens.Keys.First() != 0 || tokens.Keys.Last() != tokens.Count - 1)
                throw new InvalidDataException($"{source}: model.vocab's ids must run from 0 without gaps; they run {tokens.Keys.FirstOrDefault()}..{tokens.Keys.LastOrDefault()} over {tokens.Count} tokens.");

            var lowerCase = true;
            var stripAccents = true;
            var splitCjk = true;
            var options = new BertOptions
            {
                UnknownToken = StringOr(model, "unk_token", "[UNK]"),
                ContinuingSubwordPrefix = StringOr(model, "continuing_subword_prefix", "##"),
                MaxInputCharsPerWord = model.TryGetProperty("max_input_chars_per_word", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : 100,
            };
            if (root.TryGetProperty("normalizer", out var normalizer) && normalizer.ValueKind == JsonValueKind.Object)
            {
                var normalizerType = normalizer.TryGetProperty("type", out var nt) ? nt.GetString() : null;
                if (normalizerType != "BertNormalizer")
                    throw new InvalidDataException($"{source}: the normalizer is \"{normalizerType}\"; only BertNormalizer is supported.");
                lowerCase = BoolOr(normalizer, "lowercase", true);
                // Hugging Face: strip_accents null means "as lowercase".
                stripAccents = normalizer.TryGetProperty("strip_accents", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False ? s.GetBoolean() : lowerCase;
                splitCjk = BoolOr(normalizer, "handle_chinese_chars", true);
            }

            var lines = new StringBuilder();
            foreach (var token in tokens.Values) lines.Append(token).Append('\n');
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString()));
            return new BertWordPieceTokenizer(Create(stream, options, lowerCase, stripAccents, splitCjk, source)) { MaxId = tokens.Count - 1 };
        }
    }

    /// <summary>[CLS], the text's wordpieces (at most <paramref name="maxTokens"/> − 2 of them), [SEP].</summary>
    public int[] Encode(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);
        var pieces = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        var kept = Math.Min(pieces.Count, maxTokens - 2);
        var ids = new int[kept + 2];
        ids[0] = ClassificationTokenId;
        for (var i = 0; i < kept; i++) ids[i + 1] = pieces[i];
        ids[^1] = SeparatorTokenId;
        return ids;
    }

    /// <summary>Wordpieces of <paramref name="text"/> with [CLS] and [SEP], uncut: what a window of text must keep within the model's maximum.</summary>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _tokenizer.EncodeToIds(text, addSpecialTokens: false).Count + 2;
    }

    /// <summary>Special tokens that text may spell out; Hugging Face maps them to their ids before normalising.</summary>
    private static readonly string[] SpecialTokens = ["[CLS]", "[SEP]", "[PAD]", "[MASK]", "[UNK]"];

    private static BertTokenizer Create(Stream vocabulary, BertOptions options, bool lowerCase, bool stripAccents, bool splitCjk, string source)
    {
        options.Normalizer = new BertTextNormalizer(lowerCase, stripAccents, splitCjk, SpecialTokens);
        options.PreTokenizer = new BertWordSplitter(SpecialTokens);
        options.LowerCaseBeforeTokenization = false;
        options.RemoveNonSpacingMarks = false;
        try
        {
            return BertTokenizer.Create(vocabulary, options);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{source}: not a usable WordPiece vocabulary ({ex.Message}). It needs [CLS], [SEP], [PAD], [UNK] and [MASK].", ex);
        }
    }

    private static int CountLines(ReadOnlySpan<byte> text)
    {
        var lines = text.Count((byte)'\n');
        return text.Length > 0 && text[^1] != (byte)'\n' ? lines + 1 : lines;
    }

    private static string StringOr(JsonElement element, string name, string fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : fallback;

    private static bool BoolOr(JsonElement element, string name, bool fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : fallback;
}
