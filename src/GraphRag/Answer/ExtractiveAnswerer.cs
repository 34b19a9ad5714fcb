using System.Runtime.CompilerServices;
using GraphRag.Retrieve;
using GraphRag.Text;

namespace GraphRag.Answer;

/// <summary>
/// Answers from the notes without a language model: retrieves passages, and when the best of them
/// holds at least half of the question's words, picks the sentences that cover most of the
/// question (rare words weigh more) and cites each one. Otherwise it says the notes do not
/// answer the question rather than printing the nearest noise.
/// </summary>
public sealed class ExtractiveAnswerer(PassageSearch search) : IAnswerer
{
    public const string NotFound = "Your notes do not seem to answer this question.";

    private const int PassagesConsidered = 8;
    private const int MaxSentences = 3;
    private const double MinPassageCoverage = 0.5;
    private const double MinShareOfBestSentence = 0.6;

    public async IAsyncEnumerable<AnswerEvent> AnswerAsync(Question question, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = SearchQuery.Parse(question.Text);
        var hits = (await search.SearchAsync(query, PassagesConsidered, question.Mode, cancellationToken)).Hits;
        yield return new PassagesFound(hits);
        yield return new AnswerCompleted(Compose(question.Text, query, hits));
    }

    private static GroundedAnswer Compose(string question, SearchQuery query, IReadOnlyList<SearchHit> hits)
    {
        var stems = query.Terms.Select(Stemmer.Stem).Distinct().ToList();
        var relevant = hits
            .Where(h => Coverage(stems, Stemmer.Stems(h.Title + " " + h.HeadingPath + " " + h.Text)) >= MinPassageCoverage)
            .ToList();
        var candidates = Candidates(relevant).ToList();
        if (candidates.Count == 0 || stems.Count == 0)
            return new GroundedAnswer(question, NotFound, [], Found: false, "extractive");

        // Inverse frequency over the candidate sentences: a word in every sentence tells little.
        var weights = stems.ToDictionary(s => s, s =>
            Math.Log(1 + (double)candidates.Count / (1 + candidates.Count(c => c.Stems.Contains(s)))));
        var scored = candidates
            .Select(c => (Candidate: c, Score: weights.Where(w => c.Stems.Contains(w.Key)).Sum(w => w.Value) + 0.05 / c.Hit.Rank))
            .Where(x => x.Score > 0.05)
            .OrderByDescending(x => x.Score)
            .ToList();
        if (scored.Count == 0)
            return new GroundedAnswer(question, NotFound, [], Found: false, "extractive");
        var best = scored[0].Score;
        var chosen = scored
            .TakeWhile(x => x.Score >= MinShareOfBestSentence * best)
            .Take(MaxSentences)
            .Select(x => x.Candidate)
            // Read in source order: by passage rank, then position within the passage.
            .OrderBy(c => c.Hit.Rank).ThenBy(c => c.Start)
            .ToList();

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

    private static double Coverage(IReadOnlyList<string> stems, HashSet<string> present) =>
        stems.Count == 0 ? 0 : (double)stems.Count(present.Contains) / stems.Count;

    private sealed record Candidate(SearchHit Hit, string Text, int Start, int End, HashSet<string> Stems);

    private static IEnumerable<Candidate> Candidates(IReadOnlyList<SearchHit> hits)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            foreach (var sentence in Sentences.Split(hit.Text))
            {
                var text = sentence.Of(hit.Text);
                // Overlapping chunks repeat sentences; headings-only lines and fragments make poor answers.
                if (Tokens.Count(text) < 5 || !seen.Add(text))
                    continue;
                yield return new Candidate(hit, text, sentence.Start, sentence.End, Stemmer.Stems(text));
            }
        }
    }
}
