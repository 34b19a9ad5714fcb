using System.Numerics.Tensors;

namespace GraphRag.Generation.Sampling;

/// <summary>
/// Picks the next token: repetition penalty, then greedy argmax (temperature 0) or a seeded draw from
/// softmax(logits / T) restricted by top-k and top-p. The order follows llama.cpp's default chain.
/// </summary>
public sealed class Sampler
{
    private readonly SamplingOptions _options;
    private readonly Random _random;

    public Sampler(SamplingOptions options)
    {
        options.Validate();
        _options = options;
        _random = options.Seed is { } seed ? new Random(seed) : new Random();
    }

    /// <summary>Chooses a token from <paramref name="logits"/> (modified in place) given the tokens so far.</summary>
    public int Sample(Span<float> logits, IReadOnlyList<int> history)
    {
        ApplyRepetitionPenalty(logits, history);
        if (_options.Temperature == 0)
            return TensorPrimitives.IndexOfMax(logits);

        var candidates = new int[logits.Length];
        for (var i = 0; i < candidates.Length; i++)
            candidates[i] = i;
        var scores = logits.ToArray();
        // Most likely first; ties by lower id so a seed gives the same draw everywhere.
        Array.Sort(candidates, (a, b) => scores[b].CompareTo(scores[a]) is var c && c != 0 ? c : a.CompareTo(b));
        var keep = _options.TopK > 0 ? Math.Min(_options.TopK, candidates.Length) : candidates.Length;

        var probabilities = new float[keep];
        for (var i = 0; i < keep; i++)
            probabilities[i] = scores[candidates[i]] / _options.Temperature;
        TensorPrimitives.SoftMax(probabilities, probabilities);

        if (_options.TopP < 1f)
        {
            var cumulative = 0f;
            for (var i = 0; i < keep; i++)
            {
                cumulative += probabilities[i];
                if (cumulative >= _options.TopP)
                {
                    keep = i + 1;
                    break;
                }
            }
        }

        var total = 0f;
        for (var i = 0; i < keep; i++)
            total += probabilities[i];
        var draw = (float)_random.NextDouble() * total;
        for (var i = 0; i < keep; i++)
        {
            draw -= probabilities[i];
            if (draw <= 0)
                return candidates[i];
        }
        return candidates[keep - 1];
    }

    private void ApplyRepetitionPenalty(Span<float> logits, IReadOnlyList<int> history)
    {
        var penalty = _options.RepetitionPenalty;
        if (penalty == 1f || history.Count == 0)
            return;
        var seen = new HashSet<int>();
        for (var i = Math.Max(0, history.Count - _options.RepetitionWindow); i < history.Count; i++)
        {
            var token = history[i];
            if (!seen.Add(token))
                continue;
            logits[token] = logits[token] > 0 ? logits[token] / penalty : logits[token] * penalty;
        }
    }
}
