namespace GraphRag.Text.Tests;

public class ParagraphsTests
{
    private static List<string> Split(string text) =>
        Paragraphs.Split(text).Select(p => p.Of(text)).ToList();

    [Fact]
    public void Blank_lines_separate_paragraphs_and_are_not_part_of_them()
    {
        Assert.Equal(["First paragraph. Two sentences.", "Second one."],
            Split("First paragraph. Two sentences.\n\nSecond one.\n"));
    }

    [Fact]
    public void A_list_without_blank_lines_is_one_paragraph()
    {
        Assert.Equal(["Dice:", "- 3 dice: 7.4%\n- 4 dice: 13.2%", "> formula\n>\n> n is the number of dice"],
            Split("Dice:\n\n- 3 dice: 7.4%\n- 4 dice: 13.2%\n\n> formula\n>\n> n is the number of dice"));
    }

    [Fact]
    public void Whitespace_only_lines_and_carriage_returns_count_as_blank()
    {
        Assert.Equal(["One.", "Two."], Split("\r\n  One.  \r\n \t \r\nTwo.\r\n\r\n"));
    }

    [Fact]
    public void Empty_text_has_no_paragraphs() => Assert.Empty(Paragraphs.Split(""));

    [Fact]
    public void IndexAt_finds_the_paragraph_holding_a_position()
    {
        const string text = "Alpha.\n\nBeta gamma.\n\nDelta.";
        var paragraphs = Paragraphs.Split(text);
        Assert.Equal(1, Paragraphs.IndexAt(paragraphs, text.IndexOf("gamma", StringComparison.Ordinal)));
        Assert.Equal(0, Paragraphs.IndexAt(paragraphs, 0));
        Assert.Equal(2, Paragraphs.IndexAt(paragraphs, text.Length - 1));
        // Between paragraphs: the one before.
        Assert.Equal(0, Paragraphs.IndexAt(paragraphs, text.IndexOf('\n', StringComparison.Ordinal)));
    }
}
