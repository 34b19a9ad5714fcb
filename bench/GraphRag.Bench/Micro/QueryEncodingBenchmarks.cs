using BenchmarkDotNet.Attributes;
using GraphRag.Embeddings;
using Microsoft.Extensions.AI;

namespace GraphRag.Bench.Micro;

/// <summary>
/// Why the query encoder has a cache (<see cref="SentenceEncoderPipeline.Queries"/>):
/// a question asked again (the web app searches, then answers the same question) costs a cache lookup instead of a
/// USE-lite forward pass. Baseline: the document encoder's pipeline (OpenTelemetry, logging, model), no cache.
/// </summary>
[MemoryDiagnoser]
public class QueryEncodingBenchmarks
{
    private const string Question = "Why is a p-value not the probability that a claim is true?";

    private UseLiteEmbeddingGenerator _model = null!;
    private IEmbeddingGenerator<string, Embedding<float>> _documents = null!;
    private IEmbeddingGenerator<string, Embedding<float>> _queries = null!;

    [GlobalSetup]
    public void Load()
    {
        var model = MicroSuite.Assets("use-lite");
        if (!File.Exists(Path.Combine(model, "model.json")))
            throw new InvalidOperationException($"no USE-lite model in {model}; run scripts/fetch-assets.sh");
        _model = new UseLiteEmbeddingGenerator(new UseLiteOptions { ModelDirectory = model, Threads = 1 });
        _documents = SentenceEncoderPipeline.Documents(_model, null);
        _queries = SentenceEncoderPipeline.Queries(_model, null);
        _queries.GenerateVectorAsync(Question).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Release() => _model.Dispose();

    [Benchmark(Baseline = true, Description = "model (no cache), 1 thread")]
    public Task<ReadOnlyMemory<float>> Model() => _documents.GenerateVectorAsync(Question);

    [Benchmark(Description = "repeated question (cache hit)")]
    public Task<ReadOnlyMemory<float>> RepeatedQuestion() => _queries.GenerateVectorAsync(Question);
}
