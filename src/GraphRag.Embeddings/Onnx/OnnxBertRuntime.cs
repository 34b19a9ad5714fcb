using GraphRag.Embeddings.Bert;
using Microsoft.ML.OnnxRuntime;

namespace GraphRag.Embeddings.Onnx;

/// <summary>
/// A BERT model on ONNX Runtime (CPU): a batch is padded to its longest sequence, with the attention
/// mask marking the real tokens and token types all 0, and pooled from <c>last_hidden_state</c>.
/// The session is thread-safe; its thread count is fixed when it is created.
/// </summary>
internal sealed class OnnxBertRuntime : IBertRuntime
{
    private readonly InferenceSession _session;
    private readonly string _hiddenOutput;
    private readonly bool _takesTokenTypes;
    private readonly int _paddingId;

    public OnnxBertRuntime(byte[] model, string source, int threads, int paddingId, int maxPositions)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            _session = new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException($"{source}: ONNX Runtime cannot load the model ({ex.Message}).", ex);
        }
        try
        {
            var inputs = _session.InputMetadata;
            foreach (var required in new[] { "input_ids", "attention_mask" })
            {
                if (!inputs.ContainsKey(required))
                    throw new InvalidDataException($"{source}: the model has no '{required}' input (it has {string.Join(", ", inputs.Keys)}); a BERT encoder takes input_ids, attention_mask and optionally token_type_ids.");
            }
            _takesTokenTypes = inputs.ContainsKey("token_type_ids");
            var hidden = _session.OutputMetadata.FirstOrDefault(o => o.Key == "last_hidden_state");
            if (hidden.Key is null) hidden = _session.OutputMetadata.FirstOrDefault(o => o.Value.Dimensions.Length == 3);
            if (hidden.Key is null || hidden.Value.Dimensions.Length != 3 || hidden.Value.Dimensions[2] <= 0)
                throw new InvalidDataException($"{source}: no [batch, tokens, hidden] output (last_hidden_state) with a fixed hidden size; outputs: {string.Join(", ", _session.OutputMetadata.Select(o => $"{o.Key} [{string.Join(",", o.Value.Dimensions)}]"))}.");
            _hiddenOutput = hidden.Key;
            Dimensions = hidden.Value.Dimensions[2];
        }
        catch
        {
            _session.Dispose();
            throw;
        }
        _paddingId = paddingId;
        MaxPositions = maxPositions;
    }

    public int Dimensions { get; }

    public int MaxPositions { get; }

    public float[][] Embed(IReadOnlyList<int[]> sequences, BertPooling pooling)
    {
        if (sequences.Count == 0) return [];
        var batch = sequences.Count;
        var width = sequences.Max(s => s.Length);
        var ids = new long[batch * width];
        var mask = new long[batch * width];
        Array.Fill(ids, _paddingId);
        for (var b = 0; b < batch; b++)
        {
            for (var t = 0; t < sequences[b].Length; t++)
            {
                ids[b * width + t] = sequences[b][t];
                mask[b * width + t] = 1;
            }
        }

        long[] shape = [batch, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = _takesTokenTypes ? OrtValue.CreateTensorValueFromMemory(new long[batch * width], shape) : null;
        var names = new List<string> { "input_ids", "attention_mask" };
        var values = new List<OrtValue> { idsValue, maskValue };
        if (typesValue is not null)
        {
            names.Add("token_type_ids");
            values.Add(typesValue);
        }
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, names, values, [_hiddenOutput]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var dim = Dimensions;
        var result = new float[batch][];
        for (var b = 0; b < batch; b++)
            result[b] = SentencePooling.Pool(hidden.Slice(b * width * dim, width * dim), sequences[b].Length, dim, pooling);
        return result;
    }

    public void Dispose() => _session.Dispose();
}
