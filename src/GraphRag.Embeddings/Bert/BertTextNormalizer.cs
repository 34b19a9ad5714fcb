using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace GraphRag.Embeddings.Bert;

/// <summary>
/// Hugging Face's BertNormalizer, rule for rule (tokenizers' normalizers/bert.rs, itself the original BERT
/// tokenization.py): drop NUL, U+FFFD and "other" characters (Cc, Cf, Cn, Co, Cs) except tab, CR and LF;
/// turn every white-space character into a space; put spaces around CJK ideographs; strip accents (NFD,
/// then drop non-spacing marks); lower-case. Spellings of special tokens ([CLS], [SEP], …) are left as they
/// are, as Hugging Face matches them before normalising.
/// </summary>
/// <remarks>
/// Microsoft.ML.Tokenizers' own BERT normalisation deletes \n, \t and \r instead of treating them as spaces
/// (dotnet/machinelearning#7724), which joins the words around every line break.
/// </remarks>
internal sealed class BertTextNormalizer(bool lowerCase, bool stripAccents, bool splitCjk, IReadOnlyList<string> specialTokens) : Normalizer
{
    public override string Normalize(string original) => Normalize(original.AsSpan());

    public override string Normalize(ReadOnlySpan<char> original)
    {
        var output = new StringBuilder(original.Length + 8);
        var start = 0;
        while (start < original.Length)
        {
            var (at, token) = BertWordSplitter.NextSpecialToken(original, start, specialTokens);
            NormalizePlain(original[start..at], output);
            if (token is null) break;
            output.Append(token);
            start = at + token.Length;
        }
        return output.ToString();
    }

    private void NormalizePlain(ReadOnlySpan<char> text, StringBuilder output)
    {
        var cleaned = new StringBuilder(text.Length + 8);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is 0 or 0xFFFD || IsControl(rune)) continue;
            if (IsWhiteSpace(rune))
                cleaned.Append(' ');
            else if (splitCjk && IsCjk(rune.Value))
                cleaned.Append(' ').Append(rune.ToString()).Append(' ');
            else
                cleaned.Append(rune.ToString());
        }

        var result = cleaned.ToString();
        if (stripAccents)
        {
            var decomposed = result.Normalize(NormalizationForm.FormD);
            var kept = new StringBuilder(decomposed.Length);
            foreach (var rune in decomposed.EnumerateRunes())
                if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark) kept.Append(rune.ToString());
            result = kept.ToString();
        }
        output.Append(lowerCase ? result.ToLowerInvariant() : result);
    }

    /// <summary>BERT counts tab, LF and CR as white space, not as control characters.</summary>
    internal static bool IsWhiteSpace(Rune rune) => rune.Value is '\t' or '\n' or '\r' || Rune.IsWhiteSpace(rune);

    private static bool IsControl(Rune rune) => rune.Value is not ('\t' or '\n' or '\r') && Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;

    /// <summary>The CJK Unified Ideographs blocks BERT splits character by character (not Hiragana, Katakana or Hangul).</summary>
    private static bool IsCjk(int c) => c is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF
        or >= 0x2A700 and <= 0x2B73F or >= 0x2B740 and <= 0x2B81F or >= 0x2B820 and <= 0x2CEAF or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;
}
