using GraphRag.Engine;
using GraphRag.Generation.Chat;
using GraphRag.Generation.Gguf;
using GraphRag.Generation.Safetensors;
using GraphRag.Generation.Tokenizers;

namespace GraphRag.Generation.Models;

/// <summary>
/// Opens a model file: a GGUF (weights, tokenizer and chat template in one file), or a Hugging Face
/// folder / <c>model.safetensors</c> with <c>config.json</c> and tokenizer files beside it.
/// </summary>
public static class ModelLoader
{
    /// <param name="compute">Threads and vector width of the model's sessions (default: every core, the widest vectors).</param>
    public static LoadedModel Load(string path, ComputeOptions? compute = null)
    {
        if (Directory.Exists(path))
            return LoadSafetensors(System.IO.Path.Combine(path, "model.safetensors"), compute);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: model file not found.", path);
        return path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase) ? LoadSafetensors(path, compute) : LoadGguf(path, compute);
    }

    public static LoadedModel LoadGguf(string path, ComputeOptions? compute = null)
    {
        var file = GgufFile.Open(path);
        try
        {
            var config = ModelConfig.FromGguf(file);
            IDecoderModel model = config.Architecture switch
            {
                ModelArchitecture.Llama => new LlamaModel(config, LlamaWeights.FromGguf(file, config), file, compute),
                _ => new Gpt2Model(config, Gpt2Weights.FromGguf(file, config), file, compute),
            };
            var tokenizer = TokenizerLoader.FromGguf(file.Metadata);
            return new LoadedModel(path, model, tokenizer, ChatTemplate.Detect(file.Metadata.GetString("tokenizer.chat_template"), tokenizer));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public static LoadedModel LoadSafetensors(string path, ComputeOptions? compute = null)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var config = ModelConfig.FromHuggingFace(System.IO.Path.Combine(directory, "config.json"));
        // Weights are copied out of the mapping (Conv1D transposes, dtype conversion), so the file closes here.
        using var file = SafetensorsFile.Open(path);
        IDecoderModel model = config.Architecture switch
        {
            ModelArchitecture.Llama => new LlamaModel(config, LlamaWeights.FromSafetensors(file, config), null, compute),
            _ => new Gpt2Model(config, Gpt2Weights.FromSafetensors(file, config), null, compute),
        };
        var tokenizer = TokenizerLoader.FromHuggingFace(directory);
        return new LoadedModel(path, model, tokenizer, ChatTemplate.Detect(ReadChatTemplate(directory), tokenizer));
    }

    private static string? ReadChatTemplate(string directory)
    {
        var path = System.IO.Path.Combine(directory, "tokenizer_config.json");
        if (!File.Exists(path))
            return null;
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.TryGetProperty("chat_template", out var template) && template.ValueKind == System.Text.Json.JsonValueKind.String
            ? template.GetString()
            : null;
    }
}
