namespace GraphRag.Bench;

/// <summary>One benchmark suite: prints its own table of figures and ratios to a same-run baseline.</summary>
public interface IBenchSuite
{
    string Name { get; }
    string Description { get; }
    Task RunAsync(string[] args);
}
