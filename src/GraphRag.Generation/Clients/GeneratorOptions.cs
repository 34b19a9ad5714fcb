namespace GraphRag.Generation.Clients;

/// <summary>
/// Settings under GraphRag:Generator. A local model (<see cref="Model"/>: a .gguf file, a model.safetensors or
/// its folder) or an OpenAI-compatible server (<see cref="Endpoint"/>); the endpoint wins when both are set.
/// </summary>
public sealed class GeneratorOptions
{
    public const string Section = "GraphRag:Generator";

    /// <summary>Path of a local model file; empty means no local model.</summary>
    public string Model { get; set; } = "";

    /// <summary>Base URL of an OpenAI-compatible API (e.g. http://localhost:8080/v1); empty means none.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Model name sent to the endpoint.</summary>
    public string EndpointModel { get; set; } = "default";

    /// <summary>API key for the endpoint (many local servers accept any value).</summary>
    public string ApiKey { get; set; } = "none";

    public int MaxTokens { get; set; } = 256;

    public float Temperature { get; set; }

    public float TopP { get; set; } = 1f;

    public int TopK { get; set; }

    public float RepetitionPenalty { get; set; } = 1f;

    public int? Seed { get; set; }

    /// <summary>CPU threads for the local model (default: all cores).</summary>
    public int? Threads { get; set; }

    public bool IsConfigured => Endpoint.Length > 0 || Model.Length > 0;
}
