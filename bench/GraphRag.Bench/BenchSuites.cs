namespace GraphRag.Bench;

public static class BenchSuites
{
    public static IReadOnlyList<IBenchSuite> All { get; } =
    [
    ];
}
