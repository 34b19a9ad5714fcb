using GraphRag.Cuda.Emulation;
using GraphRag.Cuda.Interop;
using GraphRag.Engine.Kernels;
using GraphRag.Generation.Models;

namespace GraphRag.Cuda.Models;

/// <summary>
/// The Llama-family decoder of <see cref="LlamaModel"/> with its whole forward pass on the GPU: weights are
/// uploaded once, activations and the float32 KV cache live in device memory, and only the token's embedding
/// row goes up and the logits come down. Per block: x += Wo·attn(rope(Wq·n), rope(Wk·n), Wv·n), n = rmsnorm(x);
/// x += Wdown·(silu(Wgate·n) ⊙ Wup·n), n = rmsnorm(x). Prefill batches use the flash prefill kernel, single
/// tokens the split-K decode kernel.
/// </summary>
public sealed class CudaLlamaModel : IDecoderModel
{
    private readonly LlamaWeights _weights;
    private readonly DeviceLayer[] _layers;
    private readonly DeviceBuffer _outputNorm;
    private readonly DeviceMatrix _head;
    private readonly IDisposable? _hostWeights;
    private readonly IDeviceKernels _kernels;

    private CudaLlamaModel(ModelConfig config, LlamaWeights weights, IDisposable? hostWeights, IDeviceKernels kernels)
    {
        Config = config;
        _weights = weights;
        _hostWeights = hostWeights;
        _kernels = kernels;
        _layers = weights.Layers.Select(l => DeviceLayer.Upload(kernels, l)).ToArray();
        _outputNorm = kernels.From<float>(weights.OutputNorm);
        _head = DeviceMatrix.Upload(kernels, weights.Head);
    }

    public ModelConfig Config { get; }

    public long WeightBytesPerToken => _head.Data.Bytes + _layers.Sum(l => l.Bytes);

    /// <summary>
    /// Copies <paramref name="weights"/> to the device. The embedding stays on the host (one row per token is read), so
    /// <paramref name="hostWeights"/> (what keeps them readable, e.g. the CPU model over a mapped GGUF) is disposed with this model.
    /// <paramref name="kernels"/> defaults to the native CUDA kernels; <see cref="EmulatedDeviceKernels"/> runs the same pass on the CPU.
    /// </summary>
    public static CudaLlamaModel Upload(ModelConfig config, LlamaWeights weights, IDisposable? hostWeights = null, IDeviceKernels? kernels = null)
    {
        if (config.Architecture != ModelArchitecture.Llama)
            throw new ArgumentException($"The CUDA decoder runs Llama-family models, not {config.Architecture}.", nameof(config));
        if (!TilingConstants.IsSupportedHeadDim(config.HeadDim))
            throw new ArgumentException($"Head dimension {config.HeadDim} has no CUDA attention kernel ({string.Join(", ", TilingConstants.HeadDims.ToArray())}).", nameof(config));
        kernels ??= CudaDeviceKernels.Instance;
        if (kernels is CudaDeviceKernels) CudaRuntime.EnsureAvailable();
        return new CudaLlamaModel(config, weights, hostWeights, kernels);
    }

    public IDecoderSession CreateSession(int? contextLength = null) =>
        new Session(this, Math.Min(contextLength ?? Config.ContextLength, Config.ContextLength));

    public void Dispose()
    {
        foreach (var layer in _layers) layer.Dispose();
        _outputNorm.Dispose();
        _head.Dispose();
        _hostWeights?.Dispose();
    }

    private sealed class DeviceLayer : IDisposable
    {
        public required DeviceBuffer AttentionNorm, FeedForwardNorm;
        public required DeviceMatrix Query, Key, Value, Output, Gate, Up, Down;
        public required DeviceBuffer? QueryBias, KeyBias, ValueBias;

        public long Bytes => new[] { Query, Key, Value, Output, Gate, Up, Down }.Sum(m => m.Data.Bytes);

        public static DeviceLayer Upload(IDeviceKernels k, LlamaLayer l) => new()
        {
            AttentionNorm = k.From<float>(l.AttentionNorm),
            FeedForwardNorm = k.From<float>(l.FeedForwardNorm),
            Query = DeviceMatrix.Upload(k, l.Query), Key = DeviceMatrix.Upload(k, l.Key), Value = DeviceMatrix.Upload(k, l.Value),
            Output = DeviceMatrix.Upload(k, l.Output), Gate = DeviceMatrix.Upload(k, l.Gate), Up = DeviceMatrix.Upload(k, l.Up),
            Down = DeviceMatrix.Upload(k, l.Down),
            QueryBias = l.QueryBias is null ? null : k.From<float>(l.QueryBias),
            KeyBias = l.KeyBias is null ? null : k.From<float>(l.KeyBias),
            ValueBias = l.ValueBias is null ? null : k.From<float>(l.ValueBias),
        };

        public void Dispose()
        {
            foreach (var buffer in new[] { AttentionNorm, FeedForwardNorm, QueryBias, KeyBias, ValueBias }) buffer?.Dispose();
            foreach (var matrix in new[] { Query, Key, Value, Output, Gate, Up, Down }) matrix.Dispose();
        }
    }

    private sealed class Session : DecoderSession
    {
        private readonly CudaLlamaModel _model;
        private readonly IDeviceKernels _k;
        private readonly DeviceBuffer _x, _normed, _query, _attended, _projected, _gate, _up, _logits, _workspace;
        private readonly DeviceBuffer[] _keys, _values;
        private readonly float[] _embedded;

        public Session(CudaLlamaModel model, int contextLength) : base(model.Config, contextLength)
        {
            _model = model;
            _k = model._kernels;
            var c = model.Config;
            long d = c.HiddenSize, ff = c.FeedForwardSize;
            DeviceBuffer Floats(long count) => _k.Allocate(count * sizeof(float));
            _x = Floats(MaxBatch * d);
            _normed = Floats(MaxBatch * d);
            _query = Floats(MaxBatch * d);
            _attended = Floats(MaxBatch * d);
            _projected = Floats(MaxBatch * d);
            _gate = Floats(MaxBatch * ff);
            _up = Floats(MaxBatch * ff);
            _logits = Floats(MaxBatch * (long)c.VocabSize);
            _keys = Enumerable.Range(0, c.LayerCount).Select(_ => Floats((long)contextLength * c.KvDim)).ToArray();
            _values = Enumerable.Range(0, c.LayerCount).Select(_ => Floats((long)contextLength * c.KvDim)).ToArray();
            var decodeShape = new AttentionShape(1, contextLength, c.HeadCount, c.HeadDim) { KvHeads = c.KvHeadCount };
            _workspace = Floats(_k.AttentionDecodeWorkspaceFloats(decodeShape));
            _embedded = new float[MaxBatch * d];
        }

        protected override void ForwardBatch(ReadOnlySpan<int> tokens, int position, Span<float> logits, bool allPositions)
        {
            var c = Config;
            int n = tokens.Length, d = c.HiddenSize, kv = c.KvDim, ff = c.FeedForwardSize, rotary = c.RotaryDims ?? c.HeadDim;
            for (var t = 0; t < n; t++) _model._weights.Embedding.CopyRow(tokens[t], _embedded.AsSpan(t * d, d));
            _x.Upload<float>(_embedded.AsSpan(0, n * d));

            var keyLength = position + n;
            var shape = new AttentionShape(n, keyLength, c.HeadCount, c.HeadDim) { KvHeads = c.KvHeadCount, Causal = true };
            var x = _x.Floats(0, n * d);
            var normed = _normed.Floats(0, n * d);
            var query = _query.Floats(0, n * d);
            var attended = _attended.Floats(0, n * d);
            var projected = _projected.Floats(0, n * d);
            for (var i = 0; i < c.LayerCount; i++)
            {
                var l = _model._layers[i];
                var keys = _keys[i].Floats((long)position * kv, (long)n * kv);
                var values = _values[i].Floats((long)position * kv, (long)n * kv);
                _k.RmsNorm(normed, x, l.AttentionNorm, n, d, c.NormEpsilon);
                Project(l.Query, l.QueryBias, normed, query, n);
                Project(l.Key, l.KeyBias, normed, keys, n);
                Project(l.Value, l.ValueBias, normed, values, n);
                _k.Rope(query, n, c.HeadCount, c.HeadDim, rotary, position, c.RopeTheta, c.RopeStyle);
                _k.Rope(keys, n, c.KvHeadCount, c.HeadDim, rotary, position, c.RopeTheta, c.RopeStyle);
                var cachedKeys = _keys[i].Floats(0, (long)keyLength * kv);
                var cachedValues = _values[i].Floats(0, (long)keyLength * kv);
                if (n == 1)
                    _k.AttentionDecode(query, cachedKeys, cachedValues, attended, _workspace, shape, InputPrecision.Float32);
                else
                    _k.AttentionPrefill(query, cachedKeys, cachedValues, attended, shape, InputPrecision.Float32);
                l.Output.Multiply(attended, projected, n);
                _k.Add(x, x, projected, n * d);

                _k.RmsNorm(normed, x, l.FeedForwardNorm, n, d, c.NormEpsilon);
                var gate = _gate.Floats(0, (long)n * ff);
                var up = _up.Floats(0, (long)n * ff);
                l.Gate.Multiply(normed, gate, n);
                l.Up.Multiply(normed, up, n);
                _k.SwiGlu(gate, gate, up, n * ff);
                l.Down.Multiply(gate, projected, n);
                _k.Add(x, x, projected, n * d);
            }

            if (logits.IsEmpty) return;
            var rows = allPositions ? n : 1;
            var last = allPositions ? x : _x.Floats((long)(n - 1) * d, d);
            var lastNormed = _normed.Floats(0, (long)rows * d);
            _k.RmsNorm(lastNormed, last, _model._outputNorm, rows, d, c.NormEpsilon);
            var deviceLogits = _logits.Floats(0, (long)rows * c.VocabSize);
            _model._head.Multiply(lastNormed, deviceLogits, rows);
            deviceLogits.Download(logits[..(rows * c.VocabSize)]);
        }

        private void Project(DeviceMatrix weight, DeviceBuffer? bias, DeviceBuffer input, DeviceBuffer output, int n)
        {
            weight.Multiply(input, output, n);
            if (bias is null) return;
            for (var t = 0; t < n; t++)
            {
                var row = output.Floats((long)t * weight.Rows, weight.Rows);
                _k.Add(row, row, bias, weight.Rows);
            }
        }

        public override void Dispose()
        {
            foreach (var buffer in new[] { _x, _normed, _query, _attended, _projected, _gate, _up, _logits, _workspace }) buffer.Dispose();
            foreach (var buffer in _keys.Concat(_values)) buffer.Dispose();
            base.Dispose();
        }
    }
}
