using GraphRag.Retrieve.Dense;
using Microsoft.Extensions.AI;

namespace GraphRag.Tests.Retrieve.Dense;

/// <summary>
/// Concurrent questions are encoded in shared batches, each caller getting its own vectors. The
/// inner encoder here is a stand-in that records the batches it is given and holds the first one
/// until released, so that requests are known to arrive while a pass runs; its vector for a text
/// is a function of the text alone, so a vector handed to the wrong caller is seen.
/// </summary>
public sealed class CoalescingEmbeddingGeneratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Questions_arriving_during_a_pass_go_together_in_the_next_and_each_caller_gets_its_own_vector()
    {
        using var inner = new RecordingEncoder();
        using var coalescing = new CoalescingEmbeddingGenerator(inner, maxBatch: 8);

        var first = coalescing.GenerateAsync(["question 0"], cancellationToken: Ct);
        await inner.FirstPassStarted.WaitAsync(Ct);
        var later = Enumerable.Range(1, 10).Select(i => coalescing.GenerateAsync([$"question {i}"], cancellationToken: Ct)).ToList();
        inner.ReleaseFirstPass();
        var results = await Task.WhenAll(later.Prepend(first));

        // One pass alone, then the ten that waited: eight, then two.
        Assert.Equal([1, 8, 2], inner.Batches.Select(b => b.Count));
        for (var i = 0; i < results.Length; i++)
            Assert.Equal(RecordingEncoder.VectorOf($"question {i}"), Assert.Single<Embedding<float>>(results[i]).Vector.ToArray());
    }

    [Fact]
    public async Task A_failing_pass_fails_every_request_in_it_and_the_next_request_is_encoded()
    {
        using var inner = new RecordingEncoder { FailOn = "bad" };
        using var coalescing = new CoalescingEmbeddingGenerator(inner);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => coalescing.GenerateAsync(["bad"], cancellationToken: Ct));
        Assert.Equal("cannot encode 'bad'", error.Message);
        inner.ReleaseFirstPass();

        var good = await coalescing.GenerateAsync(["good", "texts"], cancellationToken: Ct);
        Assert.Equal([RecordingEncoder.VectorOf("good"), RecordingEncoder.VectorOf("texts")], good.Select(e => e.Vector.ToArray()));
    }

    private sealed class RecordingEncoder : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly TaskCompletionSource _firstPassStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<List<string>> Batches { get; } = [];

        public string? FailOn { get; init; }

        public Task FirstPassStarted => _firstPassStarted.Task;

        public void ReleaseFirstPass() => _release.TrySetResult();

        public static float[] VectorOf(string text) => [text.Length, text.Sum(c => c), text[^1]];

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            lock (Batches)
                Batches.Add(texts);
            if (FailOn is not null && texts.Contains(FailOn))
                throw new InvalidOperationException($"cannot encode '{FailOn}'");
            _firstPassStarted.TrySetResult();
            await _release.Task;
            return [.. texts.Select(t => new Embedding<float>(VectorOf(t)))];
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
