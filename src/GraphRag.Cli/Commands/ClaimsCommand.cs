using System.CommandLine;
using GraphRag.Cli.Commands.Claims;
using GraphRag.Cli.Commands.Stats;
using GraphRag.Claims;
using Spectre.Console;

namespace GraphRag.Cli.Commands;

/// <summary>
/// <c>claims list|check</c>: quantitative claims in the notes (percentages, relative risks, p-values,
/// "statistically significant", "x times", "n out of m", rates per population, values stated with
/// their formula, readings of results) with where they are, what their numbers allow and, for the
/// ones a statistician would question, the flag and what would be correct.
/// </summary>
public static class ClaimsCommand
{
    public static Command Create() => new("claims", "Find quantitative claims in your notes and check what their numbers allow")
    {
        List(),
        Check(),
    };

    private static Command List()
    {
        var (article, file, kind, json) = Options();
        var command = new Command("list", "List the claims with their article and character offsets") { article, file, kind, json };
        command.SetGuardedAction((parse, _) =>
        {
            var found = Claims(parse, article, file, kind);
            if (parse.GetValue(json))
            {
                StatsOutput.WriteJson(found.Select(f => new
                {
                    f.Source.ArticleId, f.Source.Title, f.Source.SourcePath,
                    f.Claim.Kind, f.Claim.Text, f.Claim.Start, f.Claim.Length, f.Claim.Sentence, f.Claim.Numbers,
                    f.Claim.Calculation, f.Claim.Misreading,
                }));
                return Task.FromResult(0);
            }
            var table = new Table().RoundedBorder().AddColumns("Article", "At", "Kind", "Claim");
            foreach (var (source, claim) in found)
                table.AddRow(Markup.Escape(Label(source)), claim.Start.ToString(), claim.Kind.ToString(), Markup.Escape(Shorten(claim.Text)));
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{found.Count} claim(s); `claims check` works out what their numbers allow.[/]");
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Check()
    {
        var (article, file, kind, json) = Options();
        var flagged = new Option<bool>("--flagged") { Description = "Only the claims a statistician would question (wrong values, relative-only effects, misreadings, significance only)" };
        var command = new Command("check", "Recompute what each claim's numbers allow and flag the ones a statistician would question") { article, file, kind, flagged, json };
        command.SetGuardedAction((parse, _) =>
        {
            var sources = Sources(parse, article, file);
            var filter = KindFilter(parse, kind);
            var checks = sources
                .SelectMany(s => ClaimChecker.CheckAll(s.Text).Select(c => (Source: s, Check: c)))
                .Where(c => filter is null || c.Check.Claim.Kind == filter)
                .Where(c => !parse.GetValue(flagged) || c.Check.Flags.Count > 0)
                .ToList();
            if (parse.GetValue(json))
            {
                StatsOutput.WriteJson(checks.Select(c => new
                {
                    c.Source.ArticleId, c.Source.Title, c.Source.SourcePath,
                    c.Check.Claim.Kind, c.Check.Claim.Text, c.Check.Claim.Start, c.Check.Claim.Length, c.Check.Claim.Numbers,
                    c.Check.Verdict, c.Check.Finding, c.Check.Flags, c.Check.Correction, c.Check.Recomputation,
                    c.Check.Questions, c.Check.Comparison, c.Check.Proportion,
                }));
                return Task.FromResult(0);
            }
            var table = new Table().RoundedBorder().AddColumns("Claim", "What the numbers allow", "Ask");
            // The same finding for the same kind of claim in one article (e.g. every "statistically significant") is one row.
            foreach (var group in checks.GroupBy(c => (c.Source, c.Check.Claim.Kind, c.Check.Finding, Flags: string.Join(", ", c.Check.Flags))))
            {
                var first = group.First().Check;
                var at = string.Join(", ", group.Select(c => "@" + c.Check.Claim.Start));
                var mentions = group.Count() > 1 ? $" ({group.Count()} mentions)" : "";
                var flags = group.Key.Flags.Length == 0 ? "" : $"\n[yellow]{Markup.Escape(group.Key.Flags)}[/]";
                table.AddRow(
                    $"{Markup.Escape(Shorten(first.Claim.Text))}{mentions}\n[grey]{Markup.Escape(Label(group.Key.Source))} {Markup.Escape(at)}[/]{flags}",
                    Markup.Escape(first.Finding) + (first.Correction is { } correction ? $"\n[yellow]{Markup.Escape(correction)}[/]" : ""),
                    Markup.Escape(string.Join("\n", first.Questions)));
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{checks.Count} claim(s), {checks.Count(c => c.Check.Flags.Count > 0)} flagged.[/]");
            return Task.FromResult(0);
        });
        return command;
    }

    private static (Option<string?> Article, Option<string?> File, Option<string?> Kind, Option<bool> Json) Options() => (
        new Option<string?>("--article") { Description = "Only this article (id, or part of its title)" },
        new Option<string?>("--file") { Description = "Read a plain text file instead of the ingested notes" },
        new Option<string?>("--kind") { Description = "Only this kind: " + string.Join(", ", Enum.GetNames<ClaimKind>()) },
        new Option<bool>("--json") { Description = "Print JSON instead of a table" });

    private static List<(ClaimSource Source, Claim Claim)> Claims(ParseResult parse, Option<string?> article, Option<string?> file, Option<string?> kind)
    {
        var filter = KindFilter(parse, kind);
        return Sources(parse, article, file)
            .SelectMany(s => ClaimFinder.Find(s.Text).Select(c => (Source: s, Claim: c)))
            .Where(c => filter is null || c.Claim.Kind == filter)
            .ToList();
    }

    private static IReadOnlyList<ClaimSource> Sources(ParseResult parse, Option<string?> article, Option<string?> file)
    {
        if (parse.GetValue(file) is { } path)
            return ClaimSources.FromFile(path);
        using var host = CliHost.Build(parse);
        return ClaimSources.FromStore(host.Services, parse.GetValue(article));
    }

    private static ClaimKind? KindFilter(ParseResult parse, Option<string?> kind) =>
        parse.GetValue(kind) is not { } name ? null
        : Enum.TryParse<ClaimKind>(name, ignoreCase: true, out var parsed) ? parsed
        : throw new ArgumentException($"--kind must be one of {string.Join(", ", Enum.GetNames<ClaimKind>())} (got '{name}').");

    private static string Label(ClaimSource source) => source.ArticleId is { } id ? $"#{id} {source.Title}" : source.Title;

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 120 ? flat : flat[..120] + "…";
    }
}
