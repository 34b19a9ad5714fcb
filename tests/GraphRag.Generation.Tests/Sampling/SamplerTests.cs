using GraphRag.Generation.Sampling;

namespace GraphRag.Generation.Tests.Sampling;

public sealed class SamplerTests
{
    [Fact]
    public void Temperature_zero_takes_the_argmax()
    {
        var sampler = new Sampler(SamplingOptions.Greedy);
        Assert.Equal(2, sampler.Sample([0.1f, 1f, 3f, -2f], []));
    }

    [Fact]
    public void Draws_follow_softmax_of_logits_over_temperature()
    {
        // logits ln 1, ln 2, ln 7 at T = 1 give p = 0.1, 0.2, 0.7; 20,000 seeded draws land within 0.015 of each
        // (binomial standard error ≤ 0.0033, so this is > 4.5 standard errors).
        var sampler = new Sampler(new SamplingOptions { Temperature = 1f, Seed = 42 });
        var counts = new int[3];
        for (var i = 0; i < 20_000; i++)
            counts[sampler.Sample([0f, MathF.Log(2), MathF.Log(7)], [])]++;
        Assert.Equal(0.1, counts[0] / 20_000.0, 0.015);
        Assert.Equal(0.2, counts[1] / 20_000.0, 0.015);
        Assert.Equal(0.7, counts[2] / 20_000.0, 0.015);
    }

    [Fact]
    public void The_same_seed_gives_the_same_tokens()
    {
        var logits = Enumerable.Range(0, 50).Select(i => MathF.Sin(i)).ToArray();
        int[] Draw()
        {
            var sampler = new Sampler(new SamplingOptions { Temperature = 0.9f, Seed = 7 });
            return Enumerable.Range(0, 30).Select(_ => sampler.Sample(logits.ToArray(), [])).ToArray();
        }
        Assert.Equal(Draw(), Draw());
        Assert.True(Draw().Distinct().Count() > 1, "a temperature of 0.9 over 50 close logits should not always pick one token");
    }

    [Fact]
    public void Top_k_of_one_is_greedy_whatever_the_temperature()
    {
        var sampler = new Sampler(new SamplingOptions { Temperature = 5f, TopK = 1, Seed = 1 });
        for (var i = 0; i < 100; i++)
            Assert.Equal(1, sampler.Sample([0f, 0.5f, 0.2f], []));
    }

    [Fact]
    public void Top_p_keeps_only_the_nucleus()
    {
        // p = 0.7, 0.2, 0.1: with top-p 0.8 the nucleus is {2, 1}; token 0 (p = 0.1) must never appear.
        var sampler = new Sampler(new SamplingOptions { Temperature = 1f, TopP = 0.8f, Seed = 3 });
        var seen = new HashSet<int>();
        for (var i = 0; i < 2000; i++)
            seen.Add(sampler.Sample([0f, MathF.Log(2), MathF.Log(7)], []));
        Assert.Equal([1, 2], seen.Order());
    }

    [Fact]
    public void Repetition_penalty_divides_positive_and_multiplies_negative_logits_of_seen_tokens()
    {
        var sampler = new Sampler(new SamplingOptions { RepetitionPenalty = 2f });
        float[] logits = [3f, 2f, -1f];
        // Token 0 was seen: 3 / 2 = 1.5 < 2, so greedy now picks token 1.
        Assert.Equal(1, sampler.Sample(logits, [0, 2]));
        Assert.Equal(1.5f, logits[0]);
        Assert.Equal(-2f, logits[2]);
    }

    [Theory]
    [InlineData(-1f, 0, 1f, 1f)]
    [InlineData(1f, -3, 1f, 1f)]
    [InlineData(1f, 0, 0f, 1f)]
    [InlineData(1f, 0, 1f, 0f)]
    public void Invalid_options_are_rejected(float temperature, int topK, float topP, float penalty) =>
        Assert.Throws<ArgumentException>(() => new Sampler(new SamplingOptions
        {
            Temperature = temperature, TopK = topK, TopP = topP, RepetitionPenalty = penalty,
        }));
}
