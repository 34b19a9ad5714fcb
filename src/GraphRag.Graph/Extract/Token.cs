using System.Text.RegularExpressions;

namespace GraphRag.Graph.Extract;

/// <summary>A word of a sentence with its span in the article's text.</summary>
public readonly record struct Token(string Text, int Start, int End)
{
    public bool IsCapitalised => char.IsUpper(Text[0]);

    /// <summary>"NDCG", "GPT-3", "PyTorch", "word2vec": capitals after the first letter, or letters mixed with digits.</summary>
    public bool IsCodeLike =>
        (Text.Skip(1).Count(char.IsUpper) >= 1 && Text.Count(char.IsLetter) >= 2)
        || (Text.Any(char.IsLetter) && Text.Any(char.IsDigit) && Text.Length >= 3 && char.IsLetter(Text[0]));
}

public static partial class Tokenizer
{
    /// <summary>Words, keeping inner hyphens, dots, apostrophes and digits ("scikit-learn", "GPT-3.5", "Node.js").</summary>
    public static List<Token> Tokenize(string text, TextSpan span)
    {
        var tokens = new List<Token>();
        foreach (Match m in Word().Matches(text.Substring(span.Start, span.Length)))
            tokens.Add(new Token(m.Value, span.Start + m.Index, span.Start + m.Index + m.Length));
        return tokens;
    }

    [GeneratedRegex(@"[\p{L}\p{N}](?:[\p{L}\p{N}]|[-'’.](?=[\p{L}\p{N}]))*")]
    private static partial Regex Word();
}
