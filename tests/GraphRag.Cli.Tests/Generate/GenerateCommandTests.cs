using System.Text.Json;
using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Generate;

/// <summary>
/// `generate` as a user runs it, on the tiny random-weight fixtures of tests/GraphRag.Generation.Tests/Fixtures
/// (greedy continuations from a float64 PyTorch reference, reproduced by llama.cpp; see the fixture READMEs).
/// </summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Fixture(params string[] parts) =>
        TestPaths.Repo(["tests", "GraphRag.Generation.Tests", "Fixtures", .. parts]);

    private static (int[] Prompt, int[] Greedy) Case(string family, string group, int index)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Fixture(family, "prompts.json"))).RootElement;
        var prompt = root.GetProperty("prompts")[index].EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var greedy = root.GetProperty(group).GetProperty("pytorch_fp64_reference")[index].EnumerateArray().Select(e => e.GetInt32()).ToArray();
        return (prompt, greedy);
    }

    [Theory]
    [InlineData("llama", "model-f32.gguf", "greedy_f32_model")]
    [InlineData("llama", "hf/model.safetensors", "greedy_f32_model")]
    [InlineData("gpt2", "model-f32.gguf", "greedy")]
    [InlineData("gpt2", "hf", "greedy")]
    public async Task Greedy_json_output_has_the_reference_tokens(string family, string model, string group)
    {
        var (prompt, greedy) = Case(family, group, 1);
        var result = await CliProcess.RunAsync(_dir.Path, "generate", "--model", Fixture(family, model),
            "--prompt-ids", string.Join(',', prompt), "--max-tokens", "32", "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(greedy, json.GetProperty("tokens").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(prompt, json.GetProperty("promptTokens").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(json.GetProperty("tokensPerSecond").GetProperty("prefill").GetDouble() > 0);
        Assert.True(json.GetProperty("tokensPerSecond").GetProperty("decode").GetDouble() > 0);
        Assert.Equal(JsonValueKind.String, json.GetProperty("text").ValueKind);
    }

    [Fact]
    public async Task A_text_prompt_is_tokenized_with_bos_and_streams_text()
    {
        var result = await CliProcess.RunAsync(_dir.Path, "generate", "--model", Fixture("llama", "model-f32.gguf"),
            "--prompt", "Hello world", "--max-tokens", "8", "--json");
        Assert.True(result.ExitCode == 0, result.Output);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        // Fixtures/llama/tokenizer_cases.json: "Hello world" → [1, 430, 481, 431, 359, 433, 281, 264, 442, 441].
        Assert.Equal([1, 430, 481, 431, 359, 433, 281, 264, 442, 441], json.GetProperty("promptTokens").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(8, json.GetProperty("tokens").GetArrayLength());

        var plain = await CliProcess.RunAsync(_dir.Path, "generate", "--model", Fixture("llama", "model-f32.gguf"),
            "--prompt", "Hello world", "--max-tokens", "8");
        Assert.Equal(0, plain.ExitCode);
        Assert.StartsWith(json.GetProperty("text").GetString()!, plain.Stdout);
        Assert.Contains("prompt tokens", plain.Stderr);
    }

    [Fact]
    public async Task Seeded_sampling_is_reproducible()
    {
        string[] args = ["generate", "--model", Fixture("gpt2", "model-f32.gguf"), "--prompt-ids", "1,2,3", "--max-tokens", "16",
            "--temperature", "1.2", "--seed", "5", "--json"];
        var first = await CliProcess.RunAsync(_dir.Path, args);
        var second = await CliProcess.RunAsync(_dir.Path, args);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(JsonDocument.Parse(first.Stdout).RootElement.GetProperty("tokens").ToString(),
            JsonDocument.Parse(second.Stdout).RootElement.GetProperty("tokens").ToString());
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["--model", "missing.gguf", "--prompt", "hi"], "missing.gguf" },
        { ["--model", "MODEL", "--prompt", "hi", "--prompt-ids", "1"], "exactly one of --prompt" },
        { ["--model", "MODEL", "--prompt-ids", "1,x"], "'x' is not a token id" },
        { ["--model", "MODEL", "--prompt-ids", "1,900"], "outside the vocabulary" },
        { ["--model", "MODEL", "--prompt-ids", string.Join(',', Enumerable.Repeat(5, 130))], "context holds 128" },
        { ["--model", "NOTGGUF", "--prompt", "hi"], "not a GGUF file" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_one_clear_line_and_exit_code_2(string[] args, string message)
    {
        var notGguf = _dir.File("notes.gguf");
        await File.WriteAllTextAsync(notGguf, "# just a markdown note, not a model\n", TestContext.Current.CancellationToken);
        var resolved = args.Select(a => a == "MODEL" ? Fixture("llama", "model-f32.gguf") : a == "NOTGGUF" ? notGguf : a).ToArray();
        var result = await CliProcess.RunAsync(_dir.Path, ["generate", .. resolved]);
        Assert.Equal(2, result.ExitCode);
        // The console may wrap a long line at a space; read the message back as one line.
        Assert.Contains(message, string.Join(' ', result.Stderr.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("   at ", result.Output);
    }
}
