using GraphRag.Generation.Models;

namespace GraphRag.Generation.Tests.Models;

/// <summary>
/// Every fixture model, in every format, against the reference logits (all prompt positions and every
/// greedy step) and the reference greedy continuations. Expected values: Fixtures/*/expected*/ (float64
/// PyTorch reference; see Fixtures.cs). The Q8_0 model runs llama.cpp's integer arithmetic (activations
/// quantized to Q8_0, rounded to fp16 for the F16 ffn_down), so its oracle is llama.cpp itself:
/// expected_q8_0/llamacpp_q8_0 (llama.cpp 0253fb21, F32 KV cache; Fixtures/llama/README.md, "Q8_0 notes") and
/// llama.cpp's greedy tokens. That folder has no greedy-step logits: those are compared with llama.cpp live, through
/// LLamaSharp, in LlamaCppReferenceTests.
/// </summary>
public sealed class FixtureModelTests
{
    public static TheoryData<string, string, string, string, string> Cases() => new()
    {
        // family, model file, expected folder, greedy group, greedy implementation
        { "llama", "model-f32.gguf", "expected", "greedy_f32_model", "pytorch_fp64_reference" },
        { "llama", "hf/model.safetensors", "expected", "greedy_f32_model", "pytorch_fp64_reference" },
        { "llama", "model-q8_0.gguf", "expected_q8_0/llamacpp_q8_0", "greedy_q8_0_model", "llamacpp_q8_0" },
        { "gpt2", "model-f32.gguf", "expected", "greedy", "pytorch_fp64_reference" },
        { "gpt2", "hf/model.safetensors", "expected", "greedy", "pytorch_fp64_reference" },
    };

    public static TheoryData<string, string, string> LogitCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in Cases())
        {
            var values = ((ITheoryDataRow)row).GetData();
            data.Add((string)values[0]!, (string)values[1]!, (string)values[2]!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LogitCases))]
    public void Prompt_logits_at_every_position_match_the_reference(string family, string file, string expected)
    {
        using var loaded = ModelLoader.Load(Fixtures.Path(family, file));
        var prompts = Fixtures.Prompts(family);
        for (var p = 0; p < prompts.Length; p++)
        {
            var reference = Fixtures.Logits(family, expected, $"prompt{p}_logits.npy");
            using var session = loaded.Model.CreateSession();
            var logits = new float[prompts[p].Length * loaded.Model.Config.VocabSize];
            session.Forward(prompts[p], logits, allPositions: true);
            var error = Fixtures.MaxAbsDifference(logits, reference.Data);
            Assert.True(error <= Fixtures.LogitTolerance, $"{family}/{file} prompt {p}: max |logit error| {error}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Greedy_decoding_with_the_kv_cache_reproduces_tokens_and_step_logits(string family, string file, string expected, string group, string implementation)
    {
        using var loaded = ModelLoader.Load(Fixtures.Path(family, file));
        var prompts = Fixtures.Prompts(family);
        var greedy = Fixtures.Greedy(family, group, implementation);
        var vocab = loaded.Model.Config.VocabSize;
        for (var p = 0; p < prompts.Length; p++)
        {
            var stepFile = Fixtures.Path(family, expected, $"prompt{p}_greedy_step_logits.npy");
            var stepLogits = File.Exists(stepFile) ? Fixtures.Logits(family, expected, $"prompt{p}_greedy_step_logits.npy") : null;
            using var session = loaded.Model.CreateSession();
            var logits = new float[vocab];
            session.Forward(prompts[p], logits);
            var tokens = new List<int>();
            for (var step = 0; step < greedy[p].Length; step++)
            {
                if (stepLogits is not null)
                {
                    var error = Fixtures.MaxAbsDifference(logits, stepLogits.Data.AsSpan(step * vocab, vocab));
                    Assert.True(error <= Fixtures.LogitTolerance, $"{family}/{file} prompt {p} step {step}: max |logit error| {error}");
                }
                var next = Fixtures.ArgMax(logits);
                tokens.Add(next);
                if (step + 1 < greedy[p].Length)
                    session.Forward([next], logits);
            }
            Assert.Equal(greedy[p], tokens);
        }
    }
}
