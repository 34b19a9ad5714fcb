using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using GraphRag.Retrieve;
using GraphRag.Retrieve.Dense;
using GraphRag.Text;

namespace GraphRag.Answer;

/// <summary>A sentence of a retrieved passage, scored as an answer to the whole question and to each of its parts.</summary>
/// <param name="Start">Start in the passage's text (the passage's article offset plus this is where it sits in the article).</param>
/// <param name="Score">How well it answers the whole question: meaning and words, its fit to the question's kind, less penalties.</param>
/// <param name="PartScores">The same for each part of a question with several (empty otherwise).</param>
/// <param name="Checks">What the notes' checks say about this sentence: figures worked out from its numbers, or a dispute.</param>
/// <param name="FiguresAnswer">Whether the worked-out figures hold question words the sentence itself lacks, so belong with it in the answer.</param>
public sealed record ScoredSentence(SearchHit Hit, string Text, int Start, int End, double Score, IReadOnlyList<double> PartScores,
    IReadOnlyList<StatementCheck> Checks, bool FiguresAnswer)
{
    public int ArticleStart => Hit.StartOffset + Start;
}

/// <summary>
/// Scores the sentences of retrieved passages as answers: by meaning (the encoder's query embedding of
/// the question against its document embedding of the sentence, cosine), by the question's words they
/// hold (rare words weigh more), by whether they have the form the question asks for (a number for "how
/// many"), and without credit for an article's opening lines, its series boilerplate ("my previous
/// post"), its own rhetorical questions or a statement the notes' own check disputes. Figures the check
/// works out from a sentence's numbers count as its words: "relative risk 1.31" is what "45 … while it
/// was 59 per 10,000" says. Without an encoder, words alone.
/// </summary>
public sealed partial class SentenceScorer(SentenceEncoder? encoder)
{
    /// <summary>Share of the score from meaning when an encoder is there; the rest is words.</summary>
    private const double MeaningWeight = 0.5;
    /// <summary>Share of the words score from the sentence's passage (its title, heading and text): a sentence in a passage about the question is more likely its answer.</summary>
    private const double PassageWordsWeight = 0.4;
    /// <summary>
    /// Share of the previous sentence's relevance a sentence inherits: the answer often follows the
    /// sentence that names the topic ("Before transformers, RNNs were used…" then what went wrong).
    /// </summary>
    private const double Carry = 0.3;
    private const double KindBonus = 0.05;
    private const double OpeningPenalty = 0.1;
    private const double BoilerplatePenalty = 0.2;
    /// <summary>A sentence the notes' check disputes (a misread p-value) is no answer, as boilerplate is none: set equal to it, not tuned.</summary>
    private const double DisputedPenalty = 0.2;
    /// <summary>An article's first characters: its title line and opening, which introduce rather than answer.</summary>
    private const int OpeningChars = 200;

    public bool UsesMeaning => encoder is not null;

    public async Task<IReadOnlyList<ScoredSentence>> ScoreAsync(string question, IReadOnlyList<string> parts, IReadOnlyList<SearchHit> hits,
        IReadOnlyList<StatementCheck> checks, CancellationToken cancellationToken)
    {
        var candidates = Candidates(hits, checks);
        if (candidates.Count == 0)
            return [];
        var kind = QuestionKinds.Classify(question);
        var negated = QuestionKinds.IsNegated(question);
        var texts = candidates.Select(c => c.Text).ToList();
        var ownStems = candidates.Select(c => Stemmer.Stems(c.Text)).ToList();
        var stems = candidates.Select((c, i) => WithFigures(ownStems[i], c.Checks)).ToList();
        var passageStems = hits.DistinctBy(h => h.ChunkId).ToDictionary(h => h.ChunkId, h => Stemmer.Stems($"{h.Title} {h.HeadingPath} {h.Text}"));
        var contexts = candidates.Select(c => passageStems[c.Hit.ChunkId]).ToList();
        var questions = parts.Count > 1 ? parts.Prepend(question).ToList() : [question];
        var sentenceVectors = encoder is null ? null : Normalized(await encoder.Documents.GenerateAsync(texts, cancellationToken: cancellationToken));
        var questionVectors = encoder is null ? null : Normalized(await encoder.Queries.GenerateAsync(questions, cancellationToken: cancellationToken));

        var scores = questions.Select((q, qi) =>
        {
            var sentenceWords = WordScores(q, stems);
            var passageWords = WordScores(q, contexts);
            var words = sentenceWords.Select((w, i) => (1 - PassageWordsWeight) * w + PassageWordsWeight * passageWords[i]).ToArray();
            var relevance = candidates.Select((c, i) => sentenceVectors is null
                ? words[i]
                : MeaningWeight * Dot(questionVectors![qi], sentenceVectors[i]) + (1 - MeaningWeight) * words[i]).ToArray();
            return candidates.Select((c, i) =>
            {
                var previous = i > 0 && candidates[i - 1].Hit.ChunkId == c.Hit.ChunkId ? relevance[i - 1] : 0;
                return relevance[i] + Carry * Math.Max(0, previous - relevance[i]) + Adjustment(kind, negated, c);
            }).ToList();
        }).ToList();
        var questionTerms = SearchQuery.Parse(question).Terms.Select(Stemmer.Stem).ToHashSet(StringComparer.Ordinal);
        return candidates.Select((c, i) => new ScoredSentence(c.Hit, c.Text, c.Start, c.End, scores[0][i],
            scores.Skip(1).Select(s => s[i]).ToList(), c.Checks,
            FiguresAnswer: stems[i].Except(ownStems[i]).Any(questionTerms.Contains))).ToList();
    }

    private sealed record Candidate(SearchHit Hit, string Text, int Start, int End, IReadOnlyList<StatementCheck> Checks);

    private static List<Candidate> Candidates(IReadOnlyList<SearchHit> hits, IReadOnlyList<StatementCheck> checks)
    {
        var seen = new HashSet<(long, int)>();
        var candidates = new List<Candidate>();
        foreach (var hit in hits)
        {
            foreach (var sentence in Sentences.Split(hit.Text))
            {
                var text = sentence.Of(hit.Text);
                // Overlapping chunks repeat sentences; headings and fragments make poor answers.
                if (Tokens.Count(text) < 5 || text.StartsWith('#') || !seen.Add((hit.ArticleId, hit.StartOffset + sentence.Start)))
                    continue;
                var (start, end) = (hit.StartOffset + sentence.Start, hit.StartOffset + sentence.End);
                candidates.Add(new Candidate(hit, text, sentence.Start, sentence.End, checks.Where(k => k.Covers(hit.ArticleId, start, end)).ToList()));
            }
        }
        return candidates;
    }

    private static HashSet<string> WithFigures(HashSet<string> own, IReadOnlyList<StatementCheck> checks)
    {
        var all = new HashSet<string>(own, StringComparer.Ordinal);
        foreach (var figures in checks.Select(k => k.Figures).OfType<string>())
            all.UnionWith(Stemmer.Stems(figures));
        return all;
    }

    /// <summary>The share of the question's word weight each sentence holds; a word in every sentence tells little, so weighs little.</summary>
    private static double[] WordScores(string question, IReadOnlyList<HashSet<string>> sentences)
    {
        var terms = SearchQuery.Parse(question).Terms.Select(Stemmer.Stem).Distinct().ToList();
        var weights = terms.ToDictionary(t => t, t => Math.Log(1 + (double)sentences.Count / (1 + sentences.Count(s => s.Contains(t)))));
        var total = weights.Values.Sum();
        return sentences.Select(s => total == 0 ? 0 : weights.Where(w => s.Contains(w.Key)).Sum(w => w.Value) / total).ToArray();
    }

    private static double Adjustment(QuestionKind kind, bool negated, Candidate c)
    {
        var adjustment = 0.0;
        if (QuestionKinds.Fits(kind, c.Text, negated))
            adjustment += KindBonus;
        else if (kind == QuestionKind.Number)
            adjustment -= KindBonus; // a "how many" answered without a number is no answer
        if (c.Hit.StartOffset + c.Start < OpeningChars)
            adjustment -= OpeningPenalty;
        if (Boilerplate().IsMatch(c.Text) || c.Text.EndsWith('?'))
            adjustment -= BoilerplatePenalty;
        if (c.Checks.Any(k => k.Disputed))
            adjustment -= DisputedPenalty;
        return adjustment;
    }

    private static float[][] Normalized(IEnumerable<Microsoft.Extensions.AI.Embedding<float>> embeddings) => embeddings.Select(e =>
    {
        var v = e.Vector.ToArray();
        var norm = TensorPrimitives.Norm(v);
        if (norm != 0)
            TensorPrimitives.Divide(v, norm, v);
        return v;
    }).ToArray();

    private static double Dot(float[] a, float[] b) => TensorPrimitives.Dot(a, b);

    /// <summary>Sentences about the writing rather than the subject: a series' framing, calls to read or follow.</summary>
    // "This article explores X — …" names the article's subject and often defines it, so "this" counts only for a series.
    [GeneratedRegex(@"\b(my|previous|next|last) (previous |next |last |first |\d+(st|nd|rd|th) )?(post|posts|article|series|blog|newsletter|video|episode)\b|\bthis (series|newsletter|video|episode)\b|\b(subscribe|follow me|thanks for reading|do yourself a favou?r|check(ing)? out my|stay tuned)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Boilerplate();
}
