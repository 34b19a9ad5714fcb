namespace GraphRag.Bench;

public static class BenchSuites
{
    public static IReadOnlyList<IBenchSuite> All { get; } =
    [
        new Cuda.CudaAttentionSuite(),
    ];
}
