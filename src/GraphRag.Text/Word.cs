namespace GraphRag.Text;

/// <summary>A word with its span in the text it was found in.</summary>
public readonly record struct Word(string Text, int Start, int End)
{
    public TextSpan Span => new(Start, End);

    public bool IsCapitalised => char.IsUpper(Text[0]);

    /// <summary>"NDCG", "GPT-3", "PyTorch", "word2vec": capitals after the first letter, or letters mixed with digits.</summary>
    public bool IsCodeLike =>
        (Text.Skip(1).Any(char.IsUpper) && Text.Count(char.IsLetter) >= 2)
        || (Text.Any(char.IsLetter) && Text.Any(char.IsDigit) && Text.Length >= 3 && char.IsLetter(Text[0]));
}
