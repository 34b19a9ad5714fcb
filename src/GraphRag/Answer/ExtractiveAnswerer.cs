using GraphRag.Ingest.Chunking;
using GraphRag.Retrieve;

namespace GraphRag.Answer;

/// <summary>
/// Answers from the notes without a language model: retrieves passages, picks the sentences that
/// cover most of the question's words (rare words weigh more), and cites each one. When no
/// sentence covers enough of the question, it says the notes do not answer it rather than
/// printing the nearest noise.
/// </summary>
public sealed class ExtractiveAnswerer(IRetriever retriever)
{
    public const string NotFound = "Your notes do not seem to answer this question.";

    private const int PassagesConsidered = 8;
    private const int MaxSentences = 3;
    private const double MinCoverage = 0.5;

    public async Task<GroundedAnswer> AnswerAsync(string question, CancellationToken cancellationToken = default)
    {
        var hits = await retriever.SearchAsync(question, PassagesConsidered, cancellationToken);
        var stems = TermMatcher.QueryStems(question);
        var candidates = Candidates(hits).ToList();
        if (candidates.Count == 0 || stems.Count == 0)
            return new GroundedAnswer(question, NotFound, [], Found: false, "extractive");

        // Inverse document frequency over the candidate sentences: a word in every sentence tells little.
        var weights = stems.ToDictionary(s => s, s =>
            Math.Log(1 + (double)candidates.Count / (1 + candidates.Count(c => c.Stems.Contains(s)))));
        var totalWeight = weights.Values.Sum();

        var chosen = candidates
            .Select(c => (Candidate: c, Coverage: weights.Where(w => c.Stems.Contains(w.Key)).Sum(w => w.Value) / totalWeight))
            .Where(x => x.Coverage >= MinCoverage)
            .OrderByDescending(x => x.Coverage + 0.05 / x.Candidate.Hit.Rank)
            .Take(MaxSentences)
            .Select(x => x.Candidate)
            // Read in source order: by passage rank, then position within the passage.
            .OrderBy(c => c.Hit.Rank).ThenBy(c => c.Start)
            .ToList();
        if (chosen.Count == 0)
            return new GroundedAnswer(question, NotFound, [], Found: false, "extractive");

        var citations = new List<Citation>();
        var parts = new List<string>();
        foreach (var sentence in chosen)
        {
            var n = citations.FindIndex(c => c.ChunkId == sentence.Hit.ChunkId) + 1;
            if (n == 0)
            {
                var first = chosen.First(s => s.Hit.ChunkId == sentence.Hit.ChunkId);
                var last = chosen.Last(s => s.Hit.ChunkId == sentence.Hit.ChunkId);
                // The quote is an exact slice of the article, so its offsets can be checked and highlighted.
                var quote = sentence.Hit.Text[first.Start..last.End];
                citations.Add(new Citation(citations.Count + 1, sentence.Hit.ChunkId, sentence.Hit.ArticleId, sentence.Hit.Title,
                    sentence.Hit.HeadingPath, quote, sentence.Hit.StartOffset + first.Start, sentence.Hit.StartOffset + last.End));
                n = citations.Count;
            }
            parts.Add($"{sentence.Text} [{n}]");
        }
        return new GroundedAnswer(question, string.Join(" ", parts), citations, Found: true, "extractive");
    }

    private sealed record Candidate(SearchHit Hit, string Text, int Start, int End, HashSet<string> Stems);

    private static IEnumerable<Candidate> Candidates(IReadOnlyList<SearchHit> hits)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            foreach (var (start, end) in SentenceSplitter.Split(hit.Text))
            {
                var text = hit.Text[start..end];
                // Overlapping chunks repeat sentences; headings-only lines and fragments make poor answers.
                if (TokenCounter.Count(text) < 5 || !seen.Add(text))
                    continue;
                yield return new Candidate(hit, text, start, end, TermMatcher.Stems(text));
            }
        }
    }
}
