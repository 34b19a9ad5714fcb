using System.Text.RegularExpressions;
using GraphRag.Text;

namespace GraphRag.Graph.Extract;

/// <summary>An acronym and its expansion as defined in the text, e.g. "Normalized Discounted Cumulative Gain (NDCG)".</summary>
public sealed record AcronymDefinition(string Acronym, TextSpan AcronymSpan, string Expansion, TextSpan ExpansionSpan);

/// <summary>
/// Finds "long form (SHORT)" and "SHORT (long form)" with the Schwartz–Hearst algorithm (Pacific
/// Symposium on Biocomputing 2003): the short form's characters, matched right to left, must occur
/// in order in the long form, the first one at a word start.
/// </summary>
public static partial class AcronymFinder
{
    public static List<AcronymDefinition> Find(string text, TextSpan sentence)
    {
        var found = new List<AcronymDefinition>();
        var body = text.Substring(sentence.Start, sentence.Length);
        foreach (Match m in Parenthesised().Matches(body))
        {
            var inner = m.Groups["inner"];
            var before = body[..m.Index].TrimEnd();
            if (IsShortForm(inner.Value))
            {
                var shortForm = inner.Value;
                var letters = shortForm.TrimEnd('s').Count(char.IsLetterOrDigit);
                var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var window = string.Join(' ', words.TakeLast(Math.Min(letters + 5, letters * 2)));
                var longForm = BestLongForm(shortForm.EndsWith('s') && shortForm.Length > 2 ? shortForm[..^1] : shortForm, window);
                if (longForm is null || longForm.Length <= shortForm.Length)
                    continue;
                var longStart = sentence.Start + before.Length - longForm.Length;
                found.Add(new AcronymDefinition(shortForm, new TextSpan(sentence.Start + inner.Index, sentence.Start + inner.Index + inner.Length),
                    longForm, new TextSpan(longStart, longStart + longForm.Length)));
            }
            else
            {
                // "SHORT (long form)": the word right before the parenthesis is the short form.
                var last = LastWord().Match(before);
                if (!last.Success || !IsShortForm(last.Value))
                    continue;
                var longForm = BestLongForm(last.Value, inner.Value);
                if (longForm is null || longForm != inner.Value.Trim() || longForm.Split(' ').Length > 8)
                    continue;
                found.Add(new AcronymDefinition(last.Value, new TextSpan(sentence.Start + last.Index, sentence.Start + last.Index + last.Length),
                    longForm, new TextSpan(sentence.Start + inner.Index, sentence.Start + inner.Index + inner.Length)));
            }
        }
        foreach (Match m in DashDefinition().Matches(body))
        {
            var shortForm = m.Groups["short"].Value;
            if (!IsShortForm(shortForm))
                continue;
            var letters = shortForm.TrimEnd('s').Count(char.IsLetterOrDigit);
            var words = WordAfterDash().Matches(body, m.Index + m.Length).Select(w => w.Groups["word"]).Take(letters * 2).ToList();
            for (var k = Math.Min(letters, words.Count); k <= words.Count; k++)
            {
                if (k == 0)
                    continue;
                var start = words[0].Index;
                var end = words[k - 1].Index + words[k - 1].Length;
                var candidate = body[start..end];
                if (char.ToLowerInvariant(words[k - 1].Value[0]) != char.ToLowerInvariant(shortForm.TrimEnd('s')[^1]))
                    continue;
                if (BestLongForm(shortForm.EndsWith('s') && shortForm.Length > 2 ? shortForm[..^1] : shortForm, candidate) == candidate)
                {
                    found.Add(new AcronymDefinition(shortForm,
                        new TextSpan(sentence.Start + m.Groups["short"].Index, sentence.Start + m.Groups["short"].Index + shortForm.Length),
                        candidate, new TextSpan(sentence.Start + start, sentence.Start + end)));
                    break;
                }
            }
        }
        return found;
    }

    /// <summary>2–10 characters, starting with a letter, at least two capitals ("NDCG", "LLMs", "GPT-3").</summary>
    public static bool IsShortForm(string s) =>
        s.Length is >= 2 and <= 10 && char.IsLetter(s[0]) && s.Count(char.IsUpper) >= 2 && !s.Contains(' ')
        && s.All(c => char.IsLetterOrDigit(c) || c == '-');

    /// <summary>Schwartz–Hearst's findBestLongForm, returning the shortest long form that covers the short form.</summary>
    public static string? BestLongForm(string shortForm, string longForm)
    {
        var s = shortForm.Length - 1;
        var l = longForm.Length - 1;
        while (s >= 0)
        {
            var c = char.ToLowerInvariant(shortForm[s]);
            if (!char.IsLetterOrDigit(c))
            {
                s--;
                continue;
            }
            while ((l >= 0 && char.ToLowerInvariant(longForm[l]) != c) || (s == 0 && l > 0 && char.IsLetterOrDigit(longForm[l - 1])))
                l--;
            if (l < 0)
                return null;
            l--;
            s--;
        }
        var start = longForm.LastIndexOf(' ', Math.Max(l, 0)) + 1;
        if (l < 0)
            start = 0;
        var result = longForm[start..].Trim();
        var first = result.Split(' ')[0];
        return result.Length == 0 || Lexicon.FunctionWords.Contains(first) ? null : result;
    }

    [GeneratedRegex(@"\((?<inner>[^()\n]{2,80})\)")]
    private static partial Regex Parenthesised();

    /// <summary>"NDCG — Normalized Discounted Cumulative Gain": a short form, a dash, then its long form.</summary>
    [GeneratedRegex(@"\b(?<short>[\p{L}][\p{L}\p{N}-]{1,9})\s+[—–-]{1,2}\s+(?=\p{Lu})")]
    private static partial Regex DashDefinition();

    [GeneratedRegex(@"\G[\s]*(?<word>[\p{L}\p{N}][\p{L}\p{N}'’-]*)")]
    private static partial Regex WordAfterDash();

    [GeneratedRegex(@"[\p{L}\p{N}-]+$")]
    private static partial Regex LastWord();
}
