using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using GraphRag.Retrieve;
using GraphRag.Retrieve.Dense;
using GraphRag.Text;

namespace GraphRag.Answer;

/// <summary>A sentence of a generated answer that the passages it cites do not bear out, and why.</summary>
public sealed record UnsupportedSentence(string Sentence, string Problem);

/// <summary>
/// Checks each sentence of a generated answer against the passages its [n] markers cite: every number
/// in it must appear in the cited text, and its content words must mostly be there (at least half of
/// them, stemmed) or, with an encoder, its meaning must be close to one of the cited sentences. A
/// sentence that cites nothing is unsupported by definition. The thresholds are set by hand, not tuned.
/// </summary>
public sealed partial class SupportCheck(SentenceEncoder? encoder = null)
{
    private const double MinWordShare = 0.5;
    private const double MinMeaning = 0.75;

    /// <param name="passages">The passages as numbered in the prompt: [n] is passages[n - 1].</param>
    public async Task<IReadOnlyList<UnsupportedSentence>> CheckAsync(string answer, IReadOnlyList<SearchHit> passages,
        CancellationToken cancellationToken = default)
    {
        var numbers = Enumerable.Range(1, passages.Count).ToList();
        var unsupported = new List<UnsupportedSentence>();
        foreach (var (sentence, cited) in Claims(answer, numbers))
        {
            var claim = Marker().Replace(sentence, " ");
            if (cited.Count == 0)
            {
                unsupported.Add(new UnsupportedSentence(sentence, "cites no passage"));
                continue;
            }
            var source = string.Join("\n", cited.Select(n => passages[n - 1].Text));
            var missingNumber = Number().Matches(claim).Select(m => m.Value).FirstOrDefault(n => !Digits(source).Contains(Digits(n), StringComparison.Ordinal));
            if (missingNumber is not null)
            {
                unsupported.Add(new UnsupportedSentence(sentence, $"the number {missingNumber} is not in the cited passage"));
                continue;
            }
            if (WordShare(claim, source) >= MinWordShare || await MeaningAsync(claim, source, cancellationToken) >= MinMeaning)
                continue;
            unsupported.Add(new UnsupportedSentence(sentence, "the cited passage does not say this"));
        }
        return unsupported;
    }

    /// <summary>
    /// The answer's sentences with the passages each cites. Markers standing alone after a sentence
    /// ("… in 2011. [2]") belong to it; a sentence without words to check ("See [1].") is skipped.
    /// </summary>
    private static List<(string Sentence, List<int> Cited)> Claims(string answer, IReadOnlyCollection<int> numbers)
    {
        var claims = new List<(string Sentence, List<int> Cited)>();
        foreach (var span in Sentences.Split(answer))
        {
            var sentence = span.Of(answer);
            var cited = CitationMarkers.Find(sentence, numbers).ToList();
            if (Words.Of(Marker().Replace(sentence, " ")).All(w => StopWords.Contains(w.ToLowerInvariant())))
            {
                if (claims.Count > 0)
                    claims[^1].Cited.AddRange(cited.Except(claims[^1].Cited));
                continue;
            }
            claims.Add((sentence, cited));
        }
        return claims;
    }

    private static double WordShare(string claim, string source)
    {
        var claimStems = Words.Of(claim).Where(w => !StopWords.Contains(w.ToLowerInvariant())).Select(w => Stemmer.Stem(w.ToLowerInvariant())).ToHashSet();
        if (claimStems.Count == 0)
            return 1;
        var sourceStems = Stemmer.Stems(source);
        return (double)claimStems.Count(sourceStems.Contains) / claimStems.Count;
    }

    /// <summary>The closest cited sentence's cosine to the claim (0 without an encoder).</summary>
    private async Task<double> MeaningAsync(string claim, string source, CancellationToken cancellationToken)
    {
        if (encoder is null)
            return 0;
        var sentences = Sentences.Split(source).Select(s => s.Of(source)).ToList();
        var vectors = await encoder.Documents.GenerateAsync(sentences.Prepend(claim), cancellationToken: cancellationToken);
        var claimVector = vectors[0].Vector;
        return vectors.Skip(1).Select(v => Cosine(claimVector.Span, v.Vector.Span)).DefaultIfEmpty(0).Max();
    }

    // A vector of zeros has no direction: it is like nothing (0), not NaN.
    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        TensorPrimitives.CosineSimilarity(a, b) is var cosine && float.IsNaN(cosine) ? 0 : cosine;

    /// <summary>A number as written, without its thousands separators ("10,000" and "10000" are the same number).</summary>
    private static string Digits(string text) => text.Replace(",", "", StringComparison.Ordinal);

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex Number();
}
