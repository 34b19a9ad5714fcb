namespace GraphRag.Graph.Model;

/// <summary>The kinds of entity extraction assigns; <see cref="Concept"/> when nothing says otherwise.</summary>
public static class EntityTypes
{
    public const string Method = "method";
    public const string Metric = "metric";
    public const string Model = "model";
    public const string Person = "person";
    public const string Organization = "organization";
    public const string Product = "product";
    public const string Dataset = "dataset";
    public const string Work = "work";
    public const string Concept = "concept";
}
