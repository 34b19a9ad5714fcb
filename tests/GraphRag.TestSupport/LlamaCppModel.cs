using LLama;
using LLama.Common;
using LLama.Native;

namespace GraphRag.TestSupport;

/// <summary>
/// llama.cpp (LLamaSharp 0.30.0 with its CPU native library) running a GGUF file: the reference that the quantized
/// models' logits are tested against, and the same-run anchor of the generator bench. One sequence, KV cache in F32
/// (the default F16 cache would add ~1e-3 to the logits), flash attention off, as in the fixtures' llama.cpp harness.
/// </summary>
public sealed class LlamaCppModel : IDisposable
{
    private readonly LLamaWeights _weights;
    private readonly LLamaContext _context;
    private readonly LLamaBatch _batch = new();
    private int _position;

    public LlamaCppModel(string path, int threads, int contextLength, int batchSize = 512)
    {
        NativeLogConfig.llama_log_set((_, _) => { }); // llama.cpp's load log would bury the test and bench output
        var parameters = new ModelParams(path)
        {
            ContextSize = (uint)contextLength,
            BatchSize = (uint)batchSize,
            UBatchSize = (uint)batchSize,
            Threads = threads,
            BatchThreads = threads,
            GpuLayerCount = 0,
            TypeK = GGMLType.GGML_TYPE_F32,
            TypeV = GGMLType.GGML_TYPE_F32,
            FlashAttention = false,
        };
        _weights = LLamaWeights.LoadFromFile(parameters);
        _context = _weights.CreateContext(parameters);
        VocabSize = _weights.Vocab.Count;
    }

    public int VocabSize { get; }

    /// <summary>Forgets the sequence (the next token goes to position 0).</summary>
    public void Reset()
    {
        _context.NativeHandle.MemoryClear(true);
        _position = 0;
    }

    /// <summary>
    /// Runs <paramref name="tokens"/> in one batch at the next positions and writes the logits of every position
    /// ([tokens, vocab]) or of the last one ([vocab]).
    /// </summary>
    public void Forward(ReadOnlySpan<int> tokens, Span<float> logits, bool allPositions = false)
    {
        _batch.Clear();
        for (var i = 0; i < tokens.Length; i++)
            _batch.Add((LLamaToken)tokens[i], _position + i, LLamaSeqId.Zero, allPositions || i == tokens.Length - 1);
        var result = _context.NativeHandle.Decode(_batch);
        if (result != DecodeResult.Ok)
            throw new InvalidOperationException($"llama_decode failed: {result}.");
        _position += tokens.Length;
        var rows = allPositions ? tokens.Length : 1;
        for (var r = 0; r < rows; r++)
        {
            var index = allPositions ? r : tokens.Length - 1;
            _context.NativeHandle.GetLogitsIth(index).CopyTo(logits.Slice(r * VocabSize, VocabSize));
        }
    }

    public void Dispose()
    {
        _context.Dispose();
        _weights.Dispose();
    }
}
