using GraphRag.Text;

namespace GraphRag.Graph.Extract;

/// <summary>
/// Named things by their spelling: code-like tokens ("NDCG", "GPT-3", "PyTorch", "word2vec") and
/// runs of capitalised words, which may include acronyms ("Claude Shannon", "Graph RAG"). At a
/// sentence start capitals prove nothing: leading words the article also writes in lower case (or
/// that are function words) are dropped, and a lone capitalised first word counts only if the
/// article capitalises it mid-sentence too. Title-case labels ("Handling Long Sequences:") and
/// headings are not names.
/// </summary>
public static class NameFinder
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "de", "van", "von", "der", "la" };

    public static IEnumerable<Candidate> Find(string text, IReadOnlyList<Word> tokens, bool isHeading, ISet<string> lowercaseWords, Func<string, bool> keepInitialWord)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsCodeLike && !IsContraction(token.Text) && !(token.IsCapitalised && i + 1 < tokens.Count && tokens[i + 1].IsCapitalised && Adjacent(token, tokens[i + 1])))
            {
                if (!Lexicon.Stopwords.Contains(token.Text))
                    yield return new Candidate(new TextSpan(token.Start, token.End), token.Text,
                        AcronymFinder.IsShortForm(token.Text) ? CandidateKind.Acronym : CandidateKind.CodeLike);
                continue;
            }
            if (isHeading || !token.IsCapitalised)
                continue;
            var end = i;
            while (end + 1 < tokens.Count && Continues(tokens, end + 1))
                end++;
            while (end > i && Connectors.Contains(tokens[end].Text))
                end--;
            var run = (Start: i, End: end);
            i = end;
            if (run.Start == 0 && end + 1 < tokens.Count && text[tokens[end].End] == ':')
                continue;
            var start = run.Start;
            if (start == 0)
            {
                while (start <= end && (IsOrdinary(tokens[start].Text, lowercaseWords) || IsContraction(tokens[start].Text)))
                    start++;
                if (start == 0 && end == 0 && !keepInitialWord(Bare(tokens[0].Text)) && !StartsList(text, tokens))
                    continue;
            }
            while (start <= end && (Lexicon.Stopwords.Contains(tokens[start].Text) || IsContraction(tokens[start].Text)))
                start++;
            if (start > end)
                continue;
            var words = tokens.Skip(start).Take(end - start + 1).Select(t => t.Text).ToList();
            words[^1] = Bare(words[^1]);
            var surface = string.Join(' ', words);
            var last = tokens[end];
            var stop = last.End - (last.Text.Length - words[^1].Length);
            if (surface.Length >= 2 && !surface.All(char.IsDigit))
                yield return new Candidate(new TextSpan(tokens[start].Start, stop), surface, CandidateKind.ProperName);
        }
    }

    /// <summary>"Einstein’s" → "Einstein".</summary>
    public static string Bare(string word) =>
        word.EndsWith("’s", StringComparison.Ordinal) || word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;

    private static bool IsContraction(string word) =>
        (word.Contains('’') || word.Contains('\'')) && Bare(word) == word;

    /// <summary>"Google, Microsoft …", "Spotify and Netflix …": a capitalised first word listed with another capitalised word.</summary>
    private static bool StartsList(string text, IReadOnlyList<Word> tokens) =>
        tokens.Count > 2 && tokens[1].Text is "and" or "or" ? tokens[2].IsCapitalised
            : tokens.Count > 1 && text[tokens[0].End] == ',' && tokens[1].IsCapitalised;

    private static bool Adjacent(Word a, Word b) => b.Start - a.End == 1;

    private static bool Continues(IReadOnlyList<Word> tokens, int index)
    {
        var t = tokens[index];
        if (!Adjacent(tokens[index - 1], t) || Bare(tokens[index - 1].Text) != tokens[index - 1].Text)
            return false;
        if (t.IsCapitalised)
            return true;
        return Connectors.Contains(t.Text) && index + 1 < tokens.Count && tokens[index + 1].IsCapitalised && Adjacent(t, tokens[index + 1]);
    }

    private static bool IsOrdinary(string word, ISet<string> lowercaseWords) =>
        Lexicon.Stopwords.Contains(word) || Lexicon.Verbs.Contains(word) || lowercaseWords.Contains(Bare(word).ToLowerInvariant()) || word.Length < 2;
}
