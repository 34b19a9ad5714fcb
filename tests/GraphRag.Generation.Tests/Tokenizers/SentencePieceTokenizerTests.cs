using GraphRag.Generation.Gguf;
using GraphRag.Generation.Tokenizers;

namespace GraphRag.Generation.Tests.Tokenizers;

/// <summary>
/// Fixtures/llama/tokenizer_cases.json: ids = [BOS] + python3-sentencepiece 0.1.97 encode(text), identical
/// to llama.cpp's llama_tokenize and llama2.c's encode for every case.
/// </summary>
public sealed class SentencePieceTokenizerTests
{
    public static TheoryData<int> CaseIndexes() => new(Enumerable.Range(0, Cases().Count));

    private static List<(string Text, int[] Ids, string Decoded)> Cases() =>
        Fixtures.ReadJson("llama", "tokenizer_cases.json").GetProperty("cases").EnumerateArray()
            .Select(c => (c.GetProperty("text").GetString()!, c.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                c.GetProperty("decoded").GetString()!))
            .ToList();

    private static ITokenizer FromGguf()
    {
        using var file = GgufFile.Open(Fixtures.Path("llama", "model-f32.gguf"));
        return TokenizerLoader.FromGguf(file.Metadata);
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Gguf_vocabulary_encodes_like_sentencepiece(int index)
    {
        var (text, ids, _) = Cases()[index];
        Assert.Equal(ids, FromGguf().Encode(text));
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Tokenizer_model_protobuf_encodes_like_sentencepiece(int index)
    {
        var (text, ids, _) = Cases()[index];
        var tokenizer = TokenizerLoader.FromHuggingFace(Fixtures.Path("llama", "hf"));
        Assert.Equal(ids, tokenizer.Encode(text));
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Decoding_the_ids_gives_back_the_text(int index)
    {
        var (_, ids, decoded) = Cases()[index];
        Assert.Equal(decoded, FromGguf().Decode(ids));
    }

    [Fact]
    public void Special_token_text_becomes_one_id_only_when_asked()
    {
        var tokenizer = FromGguf();
        Assert.Equal([1, 2], tokenizer.Encode("<s></s>", addSpecial: false, parseSpecial: true));
        Assert.DoesNotContain(2, tokenizer.Encode("</s>", addSpecial: false, parseSpecial: false));
    }

    [Fact]
    public void Bos_and_eos_come_from_the_metadata()
    {
        var tokenizer = FromGguf();
        Assert.Equal(1, tokenizer.BosTokenId);
        Assert.Equal(2, tokenizer.EosTokenId);
        Assert.True(tokenizer.AddsBos);
    }
}
