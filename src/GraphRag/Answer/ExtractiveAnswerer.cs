using System.Runtime.CompilerServices;
using GraphRag.Retrieve;
using GraphRag.Store;

namespace GraphRag.Answer;

/// <summary>
/// Answers from the notes without a language model. Retrieves passages (and, for a question with
/// parts, passages for each part), scores their sentences as answers (<see cref="SentenceScorer"/>),
/// and answers when the best sentence's score, the evidence, reaches a threshold set on the dev
/// questions; otherwise it says the notes do not answer the question and names the closest passage.
/// The answer is the best sentence, the best for each part of the question, and close runners-up,
/// grouped by article and read in the order they stand there, each with its exact citation, and with
/// what the notes' checks say of it (<see cref="IStatementChecks"/>) where that bears on the answer.
/// </summary>
public sealed class ExtractiveAnswerer(PassageSearch search, SentenceScorer? scorer = null, AnswerOptions? options = null,
    IStatementChecks? statementChecks = null, ArticleStore? store = null) : IAnswerer
{
    public const string NotFound = "Your notes do not seem to answer this question.";

    private const int PassagesConsidered = 10;
    private const int PassagesPerPart = 5;
    /// <summary>How deep the ranking is read for passages of an article the question names, and how many of them are kept.</summary>
    private const int SourceDepth = 40;
    private const int PassagesPerSource = 3;
    private const int MaxSentences = 2;
    /// <summary>A runner-up joins the answer when it scores this share of the best sentence.</summary>
    private const double RunnerUpShare = 0.9;

    private readonly SentenceScorer _scorer = scorer ?? new SentenceScorer(null);
    private readonly AnswerOptions _options = options ?? new AnswerOptions();

    public async IAsyncEnumerable<AnswerEvent> AnswerAsync(Question question, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var mode = question.Mode ?? (search.Modes.Available.Contains(_options.Mode, StringComparer.OrdinalIgnoreCase) ? _options.Mode : null);
        var sources = store is null ? [] : NamedSources.Find(question.Text, store.ArticleTitles);
        // Named articles are searched for (their titles help), then set aside: what is asked of them is the rest.
        var asked = NamedSources.Without(question.Text, sources);
        var parts = QuestionParts.Split(asked);
        // What a named article says may rank below other articles' passages: then the ranking is read deeper.
        var ranked = (await search.SearchAsync(question.Text, sources.Count > 0 ? SourceDepth : PassagesConsidered, mode, cancellationToken)).Hits;
        var hits = ranked.Take(PassagesConsidered).ToList();
        foreach (var source in sources)
        {
            var more = ranked.Where(h => source.ArticleIds.Contains(h.ArticleId) && hits.All(k => k.ChunkId != h.ChunkId)).Take(PassagesPerSource).ToList();
            hits.AddRange(more.Select((h, i) => h with { Rank = hits.Count + i + 1 }));
        }
        if (parts.Count > 1)
        {
            foreach (var part in parts)
            {
                var more = (await search.SearchAsync(part, PassagesPerPart, mode, cancellationToken)).Hits;
                hits.AddRange(more.Where(h => hits.All(k => k.ChunkId != h.ChunkId)).Select(h => h with { Rank = hits.Count + 1 }));
            }
        }
        yield return new PassagesFound(hits);
        var checks = statementChecks?.InArticles(hits.Select(h => h.ArticleId)) ?? [];
        var sentences = await _scorer.ScoreAsync(asked, parts, hits, checks, cancellationToken);
        yield return new AnswerCompleted(Compose(question.Text, sentences, sources));
    }

    private double MinEvidence => _scorer.UsesMeaning ? _options.MinEvidence : _options.MinWordsEvidence;

    private GroundedAnswer Compose(string question, IReadOnlyList<ScoredSentence> sentences, IReadOnlyList<NamedSource> sources)
    {
        if (sentences.Count == 0)
            return new GroundedAnswer(question, NotFound, [], Found: false, "extractive");
        // A question that names its sources asks what they say: the answer comes from them when they hold any candidate.
        var named = sentences.Where(s => sources.Any(n => n.ArticleIds.Contains(s.Hit.ArticleId))).ToList();
        var ranked = (named.Count > 0 ? named : sentences).OrderByDescending(s => s.Score).ToList();
        var best = ranked[0];
        if (best.Score < MinEvidence)
        {
            var closest = $"{NotFound} The closest they come is in “{best.Hit.Title}”: “{best.Text}”";
            return new GroundedAnswer(question, closest, [], Found: false, "extractive") { Evidence = best.Score };
        }

        var chosen = new List<ScoredSentence> { best };
        // Each part of the question gets its own best sentence, when one is good enough to answer it.
        for (var p = 0; p < best.PartScores.Count; p++)
        {
            var forPart = sentences.MaxBy(s => s.PartScores[p])!;
            if (forPart.PartScores[p] >= MinEvidence && !chosen.Contains(forPart))
                chosen.Add(forPart);
        }
        // Each article the question names gets its best sentence: the question asks what each one says.
        foreach (var source in sources)
        {
            if (!chosen.Any(s => source.ArticleIds.Contains(s.Hit.ArticleId))
                && sentences.Where(s => source.ArticleIds.Contains(s.Hit.ArticleId)).MaxBy(s => s.Score) is { } forSource)
                chosen.Add(forSource);
        }
        var limit = MaxSentences + Math.Max(0, best.PartScores.Count - 1) + sources.Count;
        chosen.AddRange(ranked.Skip(1)
            .Where(s => s.Score >= RunnerUpShare * best.Score && !chosen.Contains(s))
            .Take(Math.Max(0, limit - chosen.Count)));

        // Read in sequence: articles in the order of their best sentence, sentences in article order.
        var ordered = chosen
            .GroupBy(s => s.Hit.ArticleId)
            .SelectMany(g => g.OrderBy(s => s.ArticleStart))
            .ToList();
        var citations = new List<Citation>();
        var checks = new List<CitationCheck>();
        var parts = new List<string>();
        foreach (var sentence in ordered)
        {
            var hit = sentence.Hit;
            // The quote is an exact slice of the article, so its offsets can be checked and highlighted.
            citations.Add(new Citation(citations.Count + 1, hit.ChunkId, hit.ArticleId, hit.Title, hit.HeadingPath, sentence.Text,
                sentence.ArticleStart, hit.StartOffset + sentence.End));
            parts.Add($"{sentence.Text} [{citations.Count}]");
            foreach (var check in sentence.Checks.Where(k => k.Disputed || sentence.FiguresAnswer))
                checks.Add(new CitationCheck(citations.Count, sentence.FiguresAnswer ? check.Figures : null, check.Correction));
        }
        return new GroundedAnswer(question, string.Join(" ", parts), citations, Found: true, "extractive")
        {
            Evidence = best.Score,
            Checks = checks,
        };
    }
}
