using System.Numerics.Tensors;
using GraphRag.Engine;
using GraphRag.Engine.Kernels;

namespace GraphRag.Generation.Models;

/// <summary>
/// Llama-family decoder on the CPU. Per block: x += Wo·attn(rope(Wq·n), rope(Wk·n), Wv·n) with
/// n = rmsnorm(x); then x += Wdown·(silu(Wgate·n) ⊙ Wup·n) with n = rmsnorm(x). Logits = head·rmsnorm(x).
/// </summary>
public sealed class LlamaModel(ModelConfig config, LlamaWeights weights, IDisposable? storage, ComputeOptions? compute = null) : IDecoderModel
{
    public ModelConfig Config { get; } = config;

    public LlamaWeights Weights { get; } = weights;

    public long WeightBytesPerToken => Weights.BytesPerToken;

    /// <summary>Threads and vector width every session of this model computes with.</summary>
    public ComputeOptions Compute { get; } = compute ?? ComputeOptions.Default;

    public IDecoderSession CreateSession(int? contextLength = null) =>
        new Session(this, Math.Min(contextLength ?? Config.ContextLength, Config.ContextLength));

    public void Dispose() => storage?.Dispose();

    private sealed class Session(LlamaModel model, int contextLength) : DecoderSession(model.Config, contextLength)
    {
        private readonly SessionCompute _compute = new(model.Compute);
        private readonly KvCache _cache = new(model.Config.LayerCount, contextLength, model.Config.KvDim);
        private readonly Scratch _s = new(model.Config);

        public override void Dispose()
        {
            _compute.Dispose();
            base.Dispose();
        }

        protected override void ForwardBatch(ReadOnlySpan<int> tokens, int position, Span<float> logits, bool allPositions)
        {
            var c = Config;
            var w = model.Weights;
            int n = tokens.Length, d = c.HiddenSize, kv = c.KvDim, ff = c.FeedForwardSize;
            var x = _s.X.AsSpan(0, n * d);
            var normed = _s.Normed.AsSpan(0, n * d);
            var q = _s.Query.AsSpan(0, n * d);
            var k = _s.Key.AsSpan(0, n * kv);
            var v = _s.Value.AsSpan(0, n * kv);
            var attended = _s.Attended.AsSpan(0, n * d);
            var gate = _s.Gate.AsSpan(0, n * ff);
            var up = _s.Up.AsSpan(0, n * ff);

            for (var t = 0; t < n; t++)
                w.Embedding.CopyRow(tokens[t], x.Slice(t * d, d));

            var keyLength = position + n;
            var shape = new AttentionShape(n, keyLength, c.HeadCount, c.HeadDim) { KvHeads = c.KvHeadCount, Causal = true };
            for (var layer = 0; layer < c.LayerCount; layer++)
            {
                var l = w.Layers[layer];
                Normalization.RmsNorm(x, normed, l.AttentionNorm, c.NormEpsilon, n, d);
                Project(l.Query, l.QueryBias, normed, q, n);
                Project(l.Key, l.KeyBias, normed, k, n);
                Project(l.Value, l.ValueBias, normed, v, n);
                Rope.Apply(q, n, c.HeadCount, c.HeadDim, position, c.RopeTheta, c.RopeStyle, c.RotaryDims, w.RopeFrequencyFactors);
                Rope.Apply(k, n, c.KvHeadCount, c.HeadDim, position, c.RopeTheta, c.RopeStyle, c.RotaryDims, w.RopeFrequencyFactors);
                _cache.Store(layer, position, n, k, v);
                Attention.Compute(q, _cache.Keys(layer, keyLength), _cache.Values(layer, keyLength), attended, shape, _compute.Options);
                l.Output.Multiply(attended, normed, n, _compute);
                TensorPrimitives.Add(x, normed, x);

                Normalization.RmsNorm(x, normed, l.FeedForwardNorm, c.NormEpsilon, n, d);
                l.Gate.Multiply(normed, gate, n, _compute);
                l.Up.Multiply(normed, up, n, _compute);
                Activations.Silu(gate);
                TensorPrimitives.Multiply(gate, up, gate);
                l.Down.Multiply(gate, normed, n, _compute);
                TensorPrimitives.Add(x, normed, x);
            }

            if (logits.IsEmpty)
                return;
            var rows = allPositions ? n : 1;
            var last = allPositions ? x : x.Slice((n - 1) * d, d);
            Normalization.RmsNorm(last, normed[..(rows * d)], w.OutputNorm, c.NormEpsilon, rows, d);
            w.Head.Multiply(normed[..(rows * d)], logits, rows, _compute);
        }

        private void Project(WeightMatrix weight, float[]? bias, ReadOnlySpan<float> input, Span<float> output, int n)
        {
            weight.Multiply(input, output, n, _compute);
            if (bias is null)
                return;
            for (var t = 0; t < n; t++)
                TensorPrimitives.Add(output.Slice(t * bias.Length, bias.Length), bias, output.Slice(t * bias.Length, bias.Length));
        }

        /// <summary>Activations of one batch of up to <see cref="DecoderSession.MaxBatch"/> tokens, reused across calls.</summary>
        private sealed class Scratch(ModelConfig c)
        {
            public readonly float[] X = new float[MaxBatch * c.HiddenSize];
            public readonly float[] Normed = new float[MaxBatch * c.HiddenSize];
            public readonly float[] Query = new float[MaxBatch * c.HiddenSize];
            public readonly float[] Key = new float[MaxBatch * c.KvDim];
            public readonly float[] Value = new float[MaxBatch * c.KvDim];
            public readonly float[] Attended = new float[MaxBatch * c.HiddenSize];
            public readonly float[] Gate = new float[MaxBatch * c.FeedForwardSize];
            public readonly float[] Up = new float[MaxBatch * c.FeedForwardSize];
        }
    }
}
