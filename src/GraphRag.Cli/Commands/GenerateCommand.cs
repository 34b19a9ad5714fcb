using System.CommandLine;
using System.Globalization;
using GraphRag.Engine;
using GraphRag.Generation.Clients;
using GraphRag.Generation.Generation;
using GraphRag.Generation.Models;
using GraphRag.Generation.Sampling;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace GraphRag.Cli.Commands;

/// <summary>
/// <c>generate --model FILE (--prompt TEXT | --prompt-ids 1,2,3) [--max-tokens N] [--temperature T] [--seed S] [--json]</c>:
/// runs a local GGUF or safetensors model on the CPU and streams its continuation.
/// </summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Model file: .gguf, model.safetensors or its folder (default: GraphRag:Generator:Model)" };
        var prompt = new Option<string?>("--prompt") { Description = "Prompt text (tokenized with the model's tokenizer)" };
        var promptIds = new Option<string?>("--prompt-ids") { Description = "Prompt as comma-separated token ids, fed verbatim" };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Most tokens to generate", DefaultValueFactory = _ => 128 };
        var temperature = new Option<float>("--temperature") { Description = "0 = greedy (default); higher = more random" };
        var topK = new Option<int>("--top-k") { Description = "Sample among the K most likely tokens (0 = all)" };
        var topP = new Option<float>("--top-p") { Description = "Nucleus sampling threshold", DefaultValueFactory = _ => 1f };
        var repeatPenalty = new Option<float>("--repeat-penalty") { Description = "Penalty for recently seen tokens (1 = off)", DefaultValueFactory = _ => 1f };
        var seed = new Option<int?>("--seed") { Description = "Random seed for sampling" };
        var threads = new Option<int?>("--threads") { Description = "CPU threads (default: all cores)" };
        var json = new Option<bool>("--json") { Description = "Print {tokens, text, promptTokens, tokensPerSecond} as JSON" };
        var command = new Command("generate", "Continue a prompt with a local language model")
        {
            model, prompt, promptIds, maxTokens, temperature, topK, topP, repeatPenalty, seed, threads, json,
        };
        command.SetGuardedAction((parse, cancellationToken) =>
        {
            var text = parse.GetValue(prompt);
            var ids = parse.GetValue(promptIds);
            if ((text is null) == (ids is null))
                throw new UserFacingException("Give exactly one of --prompt TEXT or --prompt-ids 1,2,3.");

            using var host = CliHost.Build(parse);
            using var loaded = Place(ModelLoader.Load(ResolveModelPath(parse, parse.GetValue(model)), ComputeOptions.WithThreads(parse.GetValue(threads))), host.Services);
            var promptTokens = ids is not null ? ParseIds(ids) : loaded.Tokenizer.Encode(text!);
            var options = new GenerationOptions
            {
                MaxTokens = parse.GetValue(maxTokens),
                Sampling = new SamplingOptions
                {
                    Temperature = parse.GetValue(temperature),
                    TopK = parse.GetValue(topK),
                    TopP = parse.GetValue(topP),
                    RepetitionPenalty = parse.GetValue(repeatPenalty),
                    Seed = parse.GetValue(seed),
                },
            };
            var asJson = parse.GetValue(json);
            var generator = new TextGenerator(loaded.Model, loaded.Tokenizer);
            var result = generator.Generate(promptTokens, options, asJson ? null : Console.Out.Write, cancellationToken);
            if (asJson)
            {
                CliJson.Write(new
                {
                    tokens = result.Tokens,
                    text = result.Text,
                    promptTokens = result.PromptTokens,
                    finishReason = result.FinishReason,
                    tokensPerSecond = new { prefill = result.PrefillTokensPerSecond, decode = result.DecodeTokensPerSecond },
                });
            }
            else
            {
                Console.Out.WriteLine();
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                console.MarkupLine($"[grey]{result.PromptTokens.Count} prompt tokens at {result.PrefillTokensPerSecond:F1} tok/s, "
                    + $"{result.Tokens.Count} generated at {result.DecodeTokensPerSecond:F1} tok/s ({result.FinishReason.ToString().ToLowerInvariant()})[/]");
            }
            return Task.FromResult(0);
        });
        return command;
    }

    private static string ResolveModelPath(ParseResult parse, string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
            return given;
        var configuration = new ConfigurationBuilder();
        CliHost.AddConfiguration(configuration, parse);
        var configured = configuration.Build().GetSection(GeneratorOptions.Section)["Model"];
        return string.IsNullOrWhiteSpace(configured)
            ? throw new UserFacingException("No model: pass --model FILE (.gguf or model.safetensors) or set GraphRag:Generator:Model.")
            : configured;
    }

    private static int[] ParseIds(string ids)
    {
        var parts = ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
            throw new UserFacingException("--prompt-ids is empty: give comma-separated token ids such as 1,2,3.");
        return parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id >= 0
            ? id
            : throw new UserFacingException($"--prompt-ids: '{p}' is not a token id (a non-negative integer).")).ToArray();
    }

    /// <summary>The model on the backend GraphRag:Generator:Backend selects (logged), the CPU by default.</summary>
    private static LoadedModel Place(LoadedModel loaded, IServiceProvider services)
    {
        var placed = ComputePlacement.Place(services, loaded.Model);
        return ReferenceEquals(placed, loaded.Model) ? loaded : loaded.WithModel(placed);
    }
}
