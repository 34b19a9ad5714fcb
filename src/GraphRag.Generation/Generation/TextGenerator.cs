using System.Diagnostics;
using System.Text;
using GraphRag.Generation.Models;
using GraphRag.Generation.Sampling;
using GraphRag.Generation.Tokenizers;

namespace GraphRag.Generation.Generation;

/// <summary>
/// The generation loop: prefill the prompt in batches, then sample one token at a time with the KV cache,
/// streaming text as soon as it is complete UTF-8 and clear of stop sequences.
/// </summary>
public sealed class TextGenerator(IDecoderModel model, ITokenizer tokenizer)
{
    public IDecoderModel Model { get; } = model;

    public ITokenizer Tokenizer { get; } = tokenizer;

    /// <summary>
    /// Generates from <paramref name="prompt"/> (token ids). <paramref name="onText"/> receives the text as it
    /// becomes final; the result holds all tokens, the text and the timings.
    /// </summary>
    public GenerationResult Generate(IReadOnlyList<int> prompt, GenerationOptions options, Action<string>? onText = null,
        CancellationToken cancellationToken = default)
    {
        if (prompt.Count == 0)
            throw new ArgumentException("The prompt is empty: give at least one token.");
        if (options.MaxTokens < 0)
            throw new ArgumentException($"MaxTokens must not be negative, not {options.MaxTokens}.");
        var context = Model.Config.ContextLength;
        if (prompt.Count >= context)
            throw new ArgumentException(
                $"The prompt has {prompt.Count} tokens but the model's context holds {context}: shorten the prompt to at most {context - 1} tokens.");

        var sampler = new Sampler(options.Sampling);
        using var session = Model.CreateSession();
        var logits = new float[Model.Config.VocabSize];
        var history = new List<int>(prompt);
        var generated = new List<int>();
        var decoder = Encoding.UTF8.GetDecoder();
        var filter = new StopSequenceFilter(options.StopSequences);

        var clock = Stopwatch.StartNew();
        session.Forward(prompt.ToArray(), logits);
        var prefill = clock.Elapsed;
        clock.Restart();
        var steps = 0;
        var finish = FinishReason.Length;
        var budget = Math.Min(options.MaxTokens, context - prompt.Count);
        while (generated.Count < budget)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = sampler.Sample(logits, history);
            if (options.StopTokens.Contains(token))
            {
                finish = FinishReason.Stop;
                break;
            }
            generated.Add(token);
            history.Add(token);
            Emit(filter.Push(DecodeIncrementally(decoder, Tokenizer.TokenBytes(token), flush: false)));
            if (filter.Stopped)
            {
                finish = FinishReason.Stop;
                break;
            }
            if (generated.Count < budget)
            {
                session.Forward([token], logits);
                steps++;
            }
        }
        var decode = clock.Elapsed;
        Emit(filter.Push(DecodeIncrementally(decoder, [], flush: true)));
        Emit(filter.Flush());
        return new GenerationResult(prompt.ToArray(), generated, filter.Text, finish, prefill, decode, steps);

        void Emit(string text)
        {
            if (text.Length > 0)
                onText?.Invoke(text);
        }
    }

    /// <summary>Bytes of one token to the characters they complete; a split multi-byte character waits for the next token.</summary>
    private static string DecodeIncrementally(Decoder decoder, ReadOnlySpan<byte> bytes, bool flush)
    {
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length + 4)];
        var count = decoder.GetChars(bytes, chars, flush);
        return new string(chars, 0, count);
    }
}
