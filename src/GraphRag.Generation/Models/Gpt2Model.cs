using System.Numerics.Tensors;
using GraphRag.Engine;
using GraphRag.Engine.Kernels;

namespace GraphRag.Generation.Models;

/// <summary>
/// GPT-2 on the CPU. x = wte[t] + wpe[p]; per block: x += proj(attn(split(Wqkv·ln1(x) + b))) and
/// x += Wdown·gelu_tanh(Wup·ln2(x) + b) + b; logits = wteᵀ·ln_f(x).
/// </summary>
public sealed class Gpt2Model(ModelConfig config, Gpt2Weights weights, IDisposable? storage, ComputeOptions? compute = null) : IDecoderModel
{
    public ModelConfig Config { get; } = config;

    public Gpt2Weights Weights { get; } = weights;

    public long WeightBytesPerToken => Weights.BytesPerToken;

    /// <summary>Threads and vector width every session of this model computes with.</summary>
    public ComputeOptions Compute { get; } = compute ?? ComputeOptions.Default;

    public IDecoderSession CreateSession(int? contextLength = null) =>
        new Session(this, Math.Min(contextLength ?? Config.ContextLength, Config.ContextLength));

    public void Dispose() => storage?.Dispose();

    private sealed class Session(Gpt2Model model, int contextLength) : DecoderSession(model.Config, contextLength)
    {
        private readonly SessionCompute _compute = new(model.Compute);
        private readonly KvCache _cache = new(model.Config.LayerCount, contextLength, model.Config.HiddenSize);
        private readonly float[] _x = new float[MaxBatch * model.Config.HiddenSize];
        private readonly float[] _normed = new float[MaxBatch * model.Config.HiddenSize];
        private readonly float[] _qkv = new float[MaxBatch * 3 * model.Config.HiddenSize];
        private readonly float[] _q = new float[MaxBatch * model.Config.HiddenSize];
        private readonly float[] _k = new float[MaxBatch * model.Config.HiddenSize];
        private readonly float[] _v = new float[MaxBatch * model.Config.HiddenSize];
        private readonly float[] _attended = new float[MaxBatch * model.Config.HiddenSize];
        private readonly float[] _hidden = new float[MaxBatch * model.Config.FeedForwardSize];
        private readonly float[] _position = new float[model.Config.HiddenSize];

        public override void Dispose()
        {
            _compute.Dispose();
            base.Dispose();
        }

        protected override void ForwardBatch(ReadOnlySpan<int> tokens, int position, Span<float> logits, bool allPositions)
        {
            var c = Config;
            var w = model.Weights;
            int n = tokens.Length, d = c.HiddenSize;
            var x = _x.AsSpan(0, n * d);
            var normed = _normed.AsSpan(0, n * d);
            var qkv = _qkv.AsSpan(0, n * 3 * d);
            var q = _q.AsSpan(0, n * d);
            var k = _k.AsSpan(0, n * d);
            var v = _v.AsSpan(0, n * d);
            var attended = _attended.AsSpan(0, n * d);
            var hidden = _hidden.AsSpan(0, n * c.FeedForwardSize);

            for (var t = 0; t < n; t++)
            {
                var row = x.Slice(t * d, d);
                w.TokenEmbedding.CopyRow(tokens[t], row);
                w.PositionEmbedding.CopyRow(position + t, _position);
                TensorPrimitives.Add(row, _position, row);
            }

            var keyLength = position + n;
            var shape = new AttentionShape(n, keyLength, c.HeadCount, c.HeadDim) { Causal = true };
            for (var layer = 0; layer < c.LayerCount; layer++)
            {
                var l = w.Layers[layer];
                Normalization.LayerNorm(x, normed, l.AttentionNorm.Weight, l.AttentionNorm.Bias, c.NormEpsilon, n, d);
                Linear(l.QueryKeyValue, normed, qkv, n);
                for (var t = 0; t < n; t++)
                {
                    // Each row of the fused projection is [q | k | v].
                    var row = qkv.Slice(t * 3 * d, 3 * d);
                    row[..d].CopyTo(q.Slice(t * d, d));
                    row.Slice(d, d).CopyTo(k.Slice(t * d, d));
                    row.Slice(2 * d, d).CopyTo(v.Slice(t * d, d));
                }
                _cache.Store(layer, position, n, k, v);
                Attention.Compute(q, _cache.Keys(layer, keyLength), _cache.Values(layer, keyLength), attended, shape, _compute.Options);
                Linear(l.Output, attended, normed, n);
                TensorPrimitives.Add(x, normed, x);

                Normalization.LayerNorm(x, normed, l.FeedForwardNorm.Weight, l.FeedForwardNorm.Bias, c.NormEpsilon, n, d);
                Linear(l.Up, normed, hidden, n);
                Activations.GeluTanh(hidden);
                Linear(l.Down, hidden, normed, n);
                TensorPrimitives.Add(x, normed, x);
            }

            if (logits.IsEmpty)
                return;
            var rows = allPositions ? n : 1;
            var last = allPositions ? x : x.Slice((n - 1) * d, d);
            Normalization.LayerNorm(last, normed[..(rows * d)], w.OutputNorm.Weight, w.OutputNorm.Bias, c.NormEpsilon, rows, d);
            w.Head.Multiply(normed[..(rows * d)], logits, rows, _compute);
        }

        private void Linear(BiasedLinear linear, ReadOnlySpan<float> input, Span<float> output, int n)
        {
            linear.Weight.Multiply(input, output, n, _compute);
            var width = linear.Bias.Length;
            for (var t = 0; t < n; t++)
                TensorPrimitives.Add(output.Slice(t * width, width), linear.Bias, output.Slice(t * width, width));
        }
    }
}
