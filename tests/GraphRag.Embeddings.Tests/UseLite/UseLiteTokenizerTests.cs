using GraphRag.Embeddings.UseLite;

namespace GraphRag.Embeddings.Tests.UseLite;

public class UseLiteTokenizerTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    // Expected ids from the original tokenizer: the Tokenizer class of @energetic-ai/embeddings 0.2.0
    // (dist/index.js) run on Node 20 with the package's vocab.json, `tokenizer.encode(text)`.
    [Theory]
    [InlineData("Hello world", new[] { 341, 4125, 311 })]
    [InlineData("Café déjà vu — naïve", new[] { 823, 209, 1133, 602, 1133, 785, 4969, 1174, 194, 405, 1216, 0, 105 })]
    [InlineData("ﬁ ＡＢＣ ½ ①", new[] { 1480, 74, 2512, 207, 7935, 288, 207 })]                 // NFKC: fi, ABC, 1⁄2, 1
    [InlineData("Emoji 🚀🔥 ±×÷", new[] { 184, 451, 2501, 30, 0, 30, 7972, 7441, 0 })]            // unknown runs merge into one 0
    [InlineData("tab\there\nnew", new[] { 5520, 0, 586, 53, 0, 2664 })]                            // tab and newline are unknown
    [InlineData("smile :) :-) http://x", new[] { 3084, 658, 6600, 290, 255, 152 })]               // pieces with a null score
    [InlineData("", new int[0])]
    [InlineData("  two  spaces ", new[] { 30, 30, 174, 30, 1016, 7, 30 })]
    [InlineData("\ud800 lone", new[] { 30, 0, 1148, 296 })]                                        // a lone surrogate is one symbol
    [InlineData("The the the", new[] { 34, 9, 9 })]
    [InlineData("ß straße İstanbul", new[] { 30, 0, 638, 276, 0, 59, 30, 0, 7, 1588, 4913 })]
    public void Produces_the_same_ids_as_the_TFjs_tokenizer(string text, int[] expected)
    {
        var model = fixture.ModelOrSkip();
        Assert.Equal(expected, model.Tokenizer.Encode(text));
    }

    [Fact]
    public void Texts_longer_than_the_maximum_are_cut_to_its_first_tokens()
    {
        var model = fixture.ModelOrSkip();
        var text = string.Join(' ', Enumerable.Range(0, 300).Select(i => $"word{i}"));
        var all = model.Tokenizer.Encode(text);
        var kept = model.Tokenize(text);
        Assert.True(all.Length > model.MaxTokens);
        Assert.Equal(128, model.MaxTokens); // ClipToMaxLength/Less/y in the graph
        Assert.Equal(all[..model.MaxTokens], kept);
    }

    [Fact]
    public void A_vocabulary_that_is_not_a_list_of_pairs_is_rejected_with_its_path()
    {
        using var dir = new GraphRag.Tests.TempDirectory();
        var path = dir.File("vocab.json");
        File.WriteAllText(path, """{"not": "a list"}""");
        var error = Assert.Throws<InvalidDataException>(() => UseLiteTokenizer.Load(path));
        Assert.Contains(path, error.Message);
    }
}
