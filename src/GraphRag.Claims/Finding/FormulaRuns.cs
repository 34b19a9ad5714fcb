using System.Text.RegularExpressions;

namespace GraphRag.Claims.Finding;

/// <summary>A stretch of a line that reads as a formula, with where it sits in the text.</summary>
internal readonly record struct FormulaRun(string Text, int Start, int End);

/// <summary>
/// Cuts the formula out of the prose around it: the formula that ends where an "=" begins ("… is
/// 11%/0.07%" → "11%/0.07%") and the one that starts after it ("= 157 times" → "157"). A run is
/// digits, operators, brackets, percentages, powers and the function names formulas use; it must
/// not be glued to a word ("b(1)", "x1", "4s"), so names of variables and units end it.
/// </summary>
internal static partial class FormulaRuns
{
    private const string Atom =
        @"[0-9.,%()×*/÷^+\-−–—·⋅!²³⁰¹⁴⁵⁶⁷⁸⁹]|\bx\b|\b(?:divided|multiplied)\s+by\b|\bchoose\b|π|\bpi\b" +
        @"|\b(?:sqrt|exp|log10|log|ln|abs|dbinom|pbinom|pnorm|qnorm|factorial|choose|C)(?=\s*\()";

    /// <summary>The formula ending at <paramref name="end"/> (exclusive) in <paramref name="text"/>, not reaching back before <paramref name="from"/>.</summary>
    public static FormulaRun? Before(string text, int from, int end)
    {
        var match = Ranged.Match(TrailingRegex(), text, from, end);
        if (match is null) return null;
        var start = match.Index;
        var stop = match.Index + match.Length;
        Trim(text, ref start, ref stop);
        // A dash that opens the run is prose ("the result — 2 + 2 = 5"), not a sign.
        while (start < stop && text[start] is '—' or '–' && stop - start > 1 && char.IsWhiteSpace(text[start + 1]))
        {
            start++;
            Trim(text, ref start, ref stop);
        }
        if (start > 0 && IsGlue(text[start - 1])) return null;
        return Clean(text, start, stop);
    }

    /// <summary>The formula starting at <paramref name="start"/> in <paramref name="text"/>, not reaching past <paramref name="to"/>.</summary>
    public static FormulaRun? After(string text, int start, int to)
    {
        var match = Ranged.Match(LeadingRegex(), text, start, to);
        if (match is null) return null;
        var begin = match.Index;
        var stop = match.Index + match.Length;
        Trim(text, ref begin, ref stop);
        if (stop < text.Length && stop == match.Index + match.Length && char.IsLetter(text[stop])) return null;
        return Clean(text, begin, stop);
    }

    private static FormulaRun? Clean(string text, int start, int stop)
    {
        // Punctuation of the sentence around the formula, and brackets it opened or closed.
        while (true)
        {
            Trim(text, ref start, ref stop);
            if (start >= stop) return null;
            var run = text[start..stop];
            var balance = run.Count(c => c == '(') - run.Count(c => c == ')');
            if (run[^1] is ',' or '.' or ';' or ':') stop--;
            else if (run[0] is ',' or ';') start++;
            // Markdown emphasis ("= **157** times"): a formula can neither start nor end with '*'.
            else if (run[0] == '*') start++;
            else if (run[^1] == '*') stop--;
            else if (balance < 0 && run[^1] == ')') stop--;
            else if (balance > 0 && run[0] == '(') start++;
            else break;
        }
        var text2 = text[start..stop];
        if (!text2.Any(char.IsAsciiDigit)) return null;
        if (text2[0] is '*' or '/' or '^' or '×' or '÷' or '%' or '!' or ')' or '·') return null;
        var open = text2.Count(c => c == '(');
        if (open != text2.Count(c => c == ')')) return null;
        return new FormulaRun(text2, start, stop);
    }

    private static void Trim(string text, ref int start, ref int stop)
    {
        while (start < stop && char.IsWhiteSpace(text[start])) start++;
        while (stop > start && char.IsWhiteSpace(text[stop - 1])) stop--;
    }

    private static bool IsGlue(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '[' or ']';

    [GeneratedRegex(@"(?:" + Atom + @"|\s)+$", RegexOptions.RightToLeft)]
    private static partial Regex TrailingRegex();

    [GeneratedRegex(@"\G(?:" + Atom + @"|\s)+")]
    private static partial Regex LeadingRegex();
}
