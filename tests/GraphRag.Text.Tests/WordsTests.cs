namespace GraphRag.Text.Tests;

public class WordsTests
{
    [Fact]
    public void Inner_hyphens_apostrophes_and_dots_stay_inside_a_word()
    {
        Assert.Equal(["scikit-learn", "don't", "GPT-3.5", "Node.js", "e.g", "NDCG"],
            Words.Of("scikit-learn, don't: GPT-3.5 (Node.js) e.g. NDCG.").ToList());
    }

    [Fact]
    public void Offsets_slice_each_word_back_out_of_the_text()
    {
        const string text = "  Précision@10 vs. recall — 0.45%";
        var words = Words.Find(text);
        Assert.Equal(["Précision", "10", "vs", "recall", "0.45"], words.Select(w => w.Text));
        Assert.All(words, w => Assert.Equal(w.Text, text[w.Start..w.End]));
    }

    [Fact]
    public void A_span_limits_the_search_and_keeps_offsets_in_the_whole_text()
    {
        const string text = "alpha beta gamma";
        var words = Words.Find(text, new TextSpan(6, 16));
        Assert.Equal([("beta", 6), ("gamma", 11)], words.Select(w => (w.Text, w.Start)));
    }

    [Theory]
    [InlineData("NDCG", true)]
    [InlineData("GPT-3", true)]
    [InlineData("PyTorch", true)]
    [InlineData("word2vec", true)]
    [InlineData("Ranking", false)]
    [InlineData("metric", false)]
    public void Code_like_words_mix_capitals_or_digits(string word, bool codeLike) =>
        Assert.Equal(codeLike, new Word(word, 0, word.Length).IsCodeLike);
}
