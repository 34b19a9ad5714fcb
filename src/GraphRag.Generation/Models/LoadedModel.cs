using GraphRag.Generation.Chat;
using GraphRag.Generation.Tokenizers;

namespace GraphRag.Generation.Models;

/// <summary>A model with the tokenizer and chat template that came with it. Disposing releases the weights.</summary>
public sealed class LoadedModel(string path, IDecoderModel model, ITokenizer tokenizer, ChatTemplate chatTemplate) : IDisposable
{
    public string Path { get; } = path;

    public IDecoderModel Model { get; } = model;

    public ITokenizer Tokenizer { get; } = tokenizer;

    public ChatTemplate ChatTemplate { get; } = chatTemplate;

    /// <summary>The same tokenizer and template over another copy of the weights (e.g. moved onto a GPU).</summary>
    public LoadedModel WithModel(IDecoderModel placed) => new(Path, placed, Tokenizer, ChatTemplate);

    public void Dispose() => Model.Dispose();
}
