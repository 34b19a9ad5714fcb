using GraphRag.Text;
using GraphRag.Ingest.Chunking;
using GraphRag.Retrieve.Dense;

namespace GraphRag.Tests.Retrieve.Dense;

public class SentenceWindowsTests
{
    [Fact]
    public void Long_text_becomes_consecutive_windows_of_whole_sentences_within_the_budget()
    {
        var text = string.Join(" ", Enumerable.Range(1, 30).Select(i => $"Sentence {i} says something about attention heads."));
        var windows = SentenceWindows.Split(text, 40);
        Assert.True(windows.Count > 1);
        Assert.All(windows, w => Assert.True(Tokens.Count(w) <= 40));
        Assert.All(windows, w => Assert.StartsWith("Sentence", w));
        Assert.Equal(text.Replace(" ", ""), string.Concat(windows).Replace(" ", ""));
    }

    [Fact]
    public void Short_text_is_one_window()
    {
        Assert.Equal(["One sentence only."], SentenceWindows.Split("One sentence only.", 40));
    }
}
