using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace GraphRag.Embeddings.Bert;

/// <summary>
/// Hugging Face's BertPreTokenizer on normalised text: words are split at white space, and every
/// punctuation character is a word of its own. Punctuation is BERT's: any ASCII character that is neither
/// a letter, a digit nor white space ($, +, ^, ` … included), or any Unicode punctuation (P*). Other
/// symbols (°, ², €, emoji) stay inside their word, for WordPiece to match or make [UNK]. Exact special-token
/// spellings are one word each.
/// </summary>
/// <remarks>
/// Microsoft.ML.Tokenizers' own BERT pre-tokenizer deletes every symbol-category character
/// (dotnet/machinelearning#7725): "x + y" loses its "+", "°C" its "°".
/// </remarks>
internal sealed class BertWordSplitter(IReadOnlyList<string> specialTokens) : PreTokenizer
{
    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text) => Split(text.AsSpan());

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text) => Split(text);

    private List<(int Offset, int Length)> Split(ReadOnlySpan<char> text)
    {
        var words = new List<(int, int)>();
        var wordStart = -1;
        var i = 0;
        while (i < text.Length)
        {
            var (special, token) = NextSpecialToken(text, i, specialTokens, onlyAt: true);
            if (token is not null && special == i)
            {
                Flush(i);
                words.Add((i, token.Length));
                i += token.Length;
                continue;
            }
            Rune.DecodeFromUtf16(text[i..], out var rune, out var length);
            if (BertTextNormalizer.IsWhiteSpace(rune))
            {
                Flush(i);
            }
            else if (IsPunctuation(rune))
            {
                Flush(i);
                words.Add((i, length));
            }
            else if (wordStart < 0)
            {
                wordStart = i;
            }
            i += length;
        }
        Flush(text.Length);
        return words;

        void Flush(int end)
        {
            if (wordStart >= 0) words.Add((wordStart, end - wordStart));
            wordStart = -1;
        }
    }

    private static bool IsPunctuation(Rune rune)
    {
        var c = rune.Value;
        if (c is >= 33 and <= 47 or >= 58 and <= 64 or >= 91 and <= 96 or >= 123 and <= 126) return true;
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    /// <summary>The first exact occurrence of a special token at or after <paramref name="start"/> (only at it when <paramref name="onlyAt"/>), or (text length, null).</summary>
    internal static (int At, string? Token) NextSpecialToken(ReadOnlySpan<char> text, int start, IReadOnlyList<string> specialTokens, bool onlyAt = false)
    {
        var best = (At: text.Length, Token: (string?)null);
        foreach (var token in specialTokens)
        {
            var rest = text[start..];
            var at = onlyAt ? (rest.StartsWith(token, StringComparison.Ordinal) ? 0 : -1) : rest.IndexOf(token, StringComparison.Ordinal);
            if (at >= 0 && start + at < best.At) best = (start + at, token);
        }
        return best;
    }
}
