using System.CommandLine;
using GraphRag.Answer;
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
        var command = new Command("ask", "Answer a question from your notes, citing the passages used") { question, json };
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            Guards.RequireIngested(host.Services);
            var answerer = host.Services.GetRequiredService<ExtractiveAnswerer>();
            var answer = await answerer.AnswerAsync(parse.GetValue(question)!, cancellationToken);
            if (parse.GetValue(json))
                CliJson.Write(new { answer = answer.Text, found = answer.Found, method = answer.Method, citations = answer.Citations });
            else
                Write(answer);
            return 0;
        });
        return command;
    }

    public static void Write(GroundedAnswer answer)
    {
        AnsiConsole.WriteLine(answer.Text);
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
