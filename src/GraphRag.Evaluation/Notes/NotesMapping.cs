using GraphRag.Evaluation.Runs;
using GraphRag.Store;

namespace GraphRag.Evaluation.Notes;

/// <summary>Binds the notes eval set to a database: every judged quote must be found, or nothing is scored.</summary>
public static class NotesMapping
{
    public static SpanRunMapper Create(ArticleStore store, NotesEvalSet set)
    {
        var (spans, problems) = SpanResolver.Resolve(store, set.Judgments);
        if (problems.Count > 0)
        {
            var listed = string.Join("; ", problems.Take(5).Select(p => $"{p.Judgment.Query} \"{p.Judgment.Article}\": {p.Problem}"));
            throw new InvalidDataException(
                $"{problems.Count} of {set.Judgments.Count} judged passages are not in {store.Database.Path} ({listed}{(problems.Count > 5 ? "; …" : "")}). " +
                "Ingest the notes the set was written for (corpus/) or fix eval/notes/judgments.jsonl.");
        }
        return new SpanRunMapper(set.Judgments, spans);
    }

    /// <summary>
    /// The eval/notes folder: under the working directory, else the first one found walking up from
    /// the executable (so `dotnet run` and the test runner find the repository's copy).
    /// </summary>
    public static string LocateDefaultSet()
    {
        var local = Path.Combine(Directory.GetCurrentDirectory(), "eval", "notes");
        if (Directory.Exists(local))
            return local;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "eval", "notes");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("eval/notes not found in the working directory or above the program: run from the repository root or pass --dataset DIR.");
    }
}
