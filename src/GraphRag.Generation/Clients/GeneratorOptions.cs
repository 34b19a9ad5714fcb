using Microsoft.Extensions.Options;

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

    /// <summary>Where a local model runs: "auto" (CUDA when a device and the native library are there), "cpu" or "cuda".</summary>
    public string Backend { get; set; } = "auto";

    public bool IsConfigured => Endpoint.Length > 0 || Model.Length > 0;
}

/// <summary>Checks GraphRag:Generator at start-up; each failure names the key and the values allowed.</summary>
public sealed class GeneratorOptionsValidator : IValidateOptions<GeneratorOptions>
{
    private static readonly string[] Backends = ["auto", "cpu", "cuda", "gpu"];

    public ValidateOptionsResult Validate(string? name, GeneratorOptions options)
    {
        const string section = GeneratorOptions.Section;
        var errors = new List<string>();
        if (options.Endpoint.Length > 0 && (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https")))
            errors.Add($"{section}:Endpoint \"{options.Endpoint}\" is not an http(s) URL (e.g. http://localhost:8080/v1).");
        if (options.MaxTokens < 1)
            errors.Add($"{section}:MaxTokens is {options.MaxTokens}; it must be at least 1.");
        if (options.Temperature < 0)
            errors.Add($"{section}:Temperature is {options.Temperature}; it must be 0 (greedy) or more.");
        if (options.TopP is <= 0 or > 1)
            errors.Add($"{section}:TopP is {options.TopP}; it must be in (0, 1].");
        if (options.TopK < 0)
            errors.Add($"{section}:TopK is {options.TopK}; it must be 0 (off) or more.");
        if (options.RepetitionPenalty <= 0)
            errors.Add($"{section}:RepetitionPenalty is {options.RepetitionPenalty}; it must be above 0 (1 is off).");
        if (options.Threads is < 1)
            errors.Add($"{section}:Threads is {options.Threads}; leave it unset for all cores or give at least 1.");
        if (!Backends.Contains(options.Backend, StringComparer.OrdinalIgnoreCase))
            errors.Add($"{section}:Backend is \"{options.Backend}\"; use auto, cpu or cuda.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
