using GraphRag.Ingest;
using Spectre.Console;

namespace GraphRag.Cli.Commands;

/// <summary>The per-file table printed after an ingestion batch.</summary>
public static class IngestionReport
{
    public static void Write(IngestionSummary summary)
    {
        var table = new Table().RoundedBorder()
            .AddColumns("File", "Format", "Articles", "Dupes dropped", "Chars kept", "Chars removed", "Added", "Updated", "Removed", "Chunks", "Status");
        foreach (var file in summary.Files)
        {
            var report = file.Report;
            table.AddRow(
                Markup.Escape(Path.GetFileName(file.Path)),
                report?.Format ?? "",
                report?.Articles.Count.ToString() ?? "",
                report?.DuplicatesDropped.ToString() ?? "",
                report?.CharactersKept.ToString("N0") ?? "",
                report?.CharactersRemoved.ToString("N0") ?? "",
                file.ArticlesAdded.ToString(),
                file.ArticlesUpdated.ToString(),
                file.ArticlesRemoved.ToString(),
                file.ChunksWritten.ToString(),
                Status(file));
        }
        AnsiConsole.Write(table);
        // The table cuts long paths and reasons; failures are worth a full line each.
        foreach (var failed in summary.Files.Where(f => f.Status == FileStatus.Failed))
            CommandActions.WriteError($"{failed.Path}: {failed.Error}");
        AnsiConsole.MarkupLine(
            $"{summary.Files.Count} file(s) in {summary.Elapsed.TotalSeconds:F2} s: {summary.ArticlesAdded} article(s) added, " +
            $"{summary.ArticlesUpdated} updated, {summary.ArticlesRemoved} removed, {summary.ChunksWritten} chunk(s) written" +
            (summary.Failed > 0 ? $", [red]{summary.Failed} failed[/]" : "") + ".");
    }

    private static string Status(FileOutcome file) => file.Status switch
    {
        FileStatus.Failed => $"[red]failed: {Markup.Escape(file.Error ?? "")}[/]",
        FileStatus.Unchanged => "[grey]unchanged[/]",
        FileStatus.Pruned => "[yellow]pruned[/]",
        _ => "[green]ingested[/]",
    };
}
