using GraphRag.Text;

namespace GraphRag.Graph.Extract;

/// <summary>
/// Multi-word technical terms by corpus statistics: the C-value of Frantzi, Ananiadou and Mima (2000)
/// over candidate noun phrases (2–4 lower-case words, no function words or verbs, not ending in an
/// adverb). C(a) = log2|a| · f(a) for a term nested in no longer candidate, else
/// log2|a| · (f(a) − mean f of the longer candidates containing it). Frequencies count this article's
/// occurrences; a phrase the corpus already knows as an entity is kept on one occurrence.
/// </summary>
public sealed class TermFinder(double minimumCValue = 2.0, int maximumWords = 4)
{
    public List<Candidate> Find(IReadOnlyList<IReadOnlyList<Word>> sentences, Func<string, bool> isKnown)
    {
        var occurrences = new Dictionary<string, List<(TextSpan Span, string Surface)>>(StringComparer.Ordinal);
        // Phrases that end where their run of content words ends: their last word is the head noun.
        var endsNounPhrase = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tokens in sentences)
        {
            foreach (var run in Runs(tokens))
            {
                for (var n = 1; n <= Math.Min(maximumWords, run.Count); n++)
                {
                    for (var s = 0; s + n <= run.Count; s++)
                    {
                        var words = run.Skip(s).Take(n).ToList();
                        if (!IsTermShape(words) || (n == 1 && !words[0].Text.Contains('-')))
                            continue;
                        var surface = string.Join(' ', words.Select(w => w.Text));
                        var key = EntityKeys.Normalize(surface);
                        if (!occurrences.TryGetValue(key, out var list))
                            occurrences[key] = list = [];
                        list.Add((new TextSpan(words[0].Start, words[^1].End), surface));
                        if (s + n == run.Count)
                            endsNounPhrase.Add(key);
                    }
                }
            }
        }
        var frequency = occurrences.ToDictionary(kv => kv.Key, kv => kv.Value.Count, StringComparer.Ordinal);
        var containing = ContainingFrequencies(frequency);
        var kept = new List<Candidate>();
        foreach (var (key, list) in occurrences)
        {
            if (CValue(key, frequency[key], containing.GetValueOrDefault(key)) >= minimumCValue || isKnown(key) || (endsNounPhrase.Contains(key) && HasTypedHead(key)))
                kept.AddRange(list.Select(o => new Candidate(o.Span, o.Surface, CandidateKind.Term)));
        }
        return kept;
    }

    /// <param name="containing">Frequencies of the longer candidates that contain the term; null when none.</param>
    public static double CValue(string key, int frequency, List<int>? containing)
    {
        var length = key.Split(' ', '-').Length;
        var nested = containing is null ? 0 : containing.Average();
        return Math.Log2(length) * (frequency - nested);
    }

    /// <summary>A phrase whose head word names a kind of technical thing ("statistical analysis", "ranking metric") is a term on one occurrence.</summary>
    private static bool HasTypedHead(string key) => key.Contains(' ') && EntityTypeClassifier.FromName(key) is not null and not Model.EntityTypes.Organization;

    /// <summary>For every candidate, the frequencies of the longer candidates it is a contiguous part of.</summary>
    private static Dictionary<string, List<int>> ContainingFrequencies(Dictionary<string, int> frequency)
    {
        var containing = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (key, f) in frequency)
        {
            var words = key.Split(' ');
            var parts = new HashSet<string>(StringComparer.Ordinal);
            for (var n = 2; n < words.Length; n++)
                for (var s = 0; s + n <= words.Length; s++)
                    parts.Add(string.Join(' ', words, s, n));
            foreach (var part in parts.Where(frequency.ContainsKey))
            {
                if (!containing.TryGetValue(part, out var list))
                    containing[part] = list = [];
                list.Add(f);
            }
        }
        return containing;
    }

    /// <summary>Maximal stretches of adjacent lower-case content words (a sentence's first word may be capitalised).</summary>
    private static IEnumerable<List<Word>> Runs(IReadOnlyList<Word> tokens)
    {
        var run = new List<Word>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var content = IsContentWord(t, i == 0);
            var adjacent = run.Count == 0 || t.Start - run[^1].End <= 1;
            if (!adjacent || !content)
            {
                if (run.Count >= 1)
                    yield return run;
                run = [];
                if (!content)
                    continue;
            }
            run.Add(t);
        }
        if (run.Count >= 1)
            yield return run;
    }

    private static bool IsContentWord(Word t, bool sentenceStart) =>
        t.Text.Length >= 2
        && (char.IsLower(t.Text[0]) || (sentenceStart && char.IsUpper(t.Text[0])))
        && t.Text.Skip(1).All(c => char.IsLower(c) || c == '-')
        && !Lexicon.IsFunctionOrVerb(t.Text);

    private static bool IsTermShape(List<Word> words)
    {
        var last = words[^1].Text;
        var first = words[0].Text;
        if (words.Count > 1 && (first.EndsWith("ed", StringComparison.Ordinal) || (first.EndsWith('s') && !first.EndsWith("ss", StringComparison.Ordinal))))
            return false;
        return !last.EndsWith("ed", StringComparison.Ordinal) && !last.EndsWith("ive", StringComparison.Ordinal)
            && !last.EndsWith("ful", StringComparison.Ordinal) && !last.EndsWith("ous", StringComparison.Ordinal)
            && !last.EndsWith("able", StringComparison.Ordinal) && !last.EndsWith("al", StringComparison.Ordinal);
    }
}
