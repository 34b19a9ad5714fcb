namespace GraphRag.Bench;

public static class BenchSuites
{
    public static IReadOnlyList<IBenchSuite> All { get; } =
    [
        new Foundation.IngestSuite(),
        new Foundation.IngestSizeSuite(),
        new Foundation.SearchSuite(),
        new Retrieve.RetrievalLatencySuite(),
        new Foundation.DenseScanSuite(),
        new Cuda.CudaAttentionSuite(),
        new Engine.KernelsSuite(),
        new Embeddings.EncoderSuite(),
        new Embeddings.BertEncoderSuite(),
        new Generation.GeneratorSuite(),
        new Graph.GraphSuite(),
        new Statistics.StatisticsSuite(),
        new Web.SearchEndpointSuite(),
        new Cli.StartupSuite(),
        new Micro.MicroSuite(),
    ];
}
