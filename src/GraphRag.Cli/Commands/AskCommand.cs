using System.CommandLine;
using GraphRag.Answer;
using GraphRag.Generation.Clients;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GraphRag.Cli.Commands;

/// <summary><c>ask QUESTION [--json]</c>: an answer from the notes with numbered citations.</summary>
public static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "Your question" };
        var json = new Option<bool>("--json") { Description = "Print {answer, citations} as JSON" };
        var model = new Option<string?>("--model")
        {
            Description = "A GGUF or safetensors model that writes the answer (default GraphRag:Generator:Model; none: extractive)",
        };
        var mode = new Option<string?>("--mode") { Description = "Retrieval mode for the passages (default GraphRag:Retrieval:Mode)" };
        var command = new Command("ask", "Answer a question from your notes, citing the passages used") { question, json, model, mode };
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            var settings = parse.GetValue(model) is { } path
                ? [new KeyValuePair<string, string?>($"{GeneratorOptions.Section}:Model", File.Exists(path) || Directory.Exists(path)
                    ? Path.GetFullPath(path)
                    : throw new FileNotFoundException($"{path}: model file not found."))]
                : Array.Empty<KeyValuePair<string, string?>>();
            using var host = CliHost.Build(parse, settings: settings);
            Guards.RequireIngested(host.Services);
            var answer = (await host.Services.GetRequiredService<IAnswerer>()
                .AnswerToEndAsync(new Question(parse.GetValue(question)!, parse.GetValue(mode)), cancellationToken)).Answer;
            if (parse.GetValue(json))
                CliJson.Write(new
                {
                    answer = answer.Text, found = answer.Found, method = answer.Method, citations = answer.Citations,
                    unsupported = answer.Unsupported, checks = answer.Checks, warning = answer.Warning,
                });
            else
                Write(answer);
            return 0;
        });
        return command;
    }

    public static void Write(GroundedAnswer answer)
    {
        if (answer.Warning is not null)
            AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(answer.Warning)}");
        AnsiConsole.WriteLine(answer.Text);
        foreach (var sentence in answer.Unsupported)
            AnsiConsole.MarkupLine($"[yellow]Not supported by its citation:[/] {Markup.Escape(sentence.Sentence)} [grey]({Markup.Escape(sentence.Problem)})[/]");
        foreach (var check in answer.Checks)
        {
            if (check.Figures is not null)
                AnsiConsole.MarkupLine($"[cyan]Worked out from [[{check.Citation}]]:[/] {Markup.Escape(check.Figures)}");
            if (check.Correction is not null)
                AnsiConsole.MarkupLine($"[yellow]The claims check disputes [[{check.Citation}]]:[/] " +
                    (check.Statement is null ? "" : $"“{Markup.Escape(check.Statement)}” ") + Markup.Escape(check.Correction));
        }
        if (answer.Citations.Count == 0)
            return;
        AnsiConsole.WriteLine();
        foreach (var citation in answer.Citations)
        {
            var heading = string.IsNullOrEmpty(citation.HeadingPath) ? "" : $" [grey]› {Markup.Escape(citation.HeadingPath)}[/]";
            AnsiConsole.MarkupLine($"[bold][[{citation.N}]][/] {Markup.Escape(citation.Title)}{heading}");
            AnsiConsole.MarkupLine($"    [italic]“{Markup.Escape(citation.Quote)}”[/]");
        }
    }
}
