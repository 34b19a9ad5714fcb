using System.Text.Json;
using System.Text.Json.Serialization;
using GraphRag.Evaluation.Beir;

namespace GraphRag.Evaluation.Notes;

/// <summary>A graded judgment on a passage identified by its article's title and an exact quote of the article's cleaned text.</summary>
public sealed record PassageJudgment(string Query, string Article, string Quote, int Grade);

/// <summary>One question of the notes set; <see cref="Type"/> is factual, paraphrase, multi, thematic or numeric.</summary>
public sealed record NotesQuestion(string Id, string Type, string Text);

/// <summary>
/// The evaluation set for the user's notes (eval/notes): questions.jsonl and judgments.jsonl.
/// Judgments name passages by article title and quote, not by chunk, so they survive re-chunking.
/// </summary>
public sealed record NotesEvalSet(IReadOnlyList<NotesQuestion> Questions, IReadOnlyList<PassageJudgment> Judgments)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public IReadOnlyList<EvalQuery> Queries => Questions.Select(q => new EvalQuery(q.Id, q.Text)).ToList();

    public static NotesEvalSet Read(string directory)
    {
        var questions = ReadLines<NotesQuestion>(Path.Combine(directory, "questions.jsonl"));
        var judgments = ReadLines<PassageJudgment>(Path.Combine(directory, "judgments.jsonl"));
        Validate(directory, questions, judgments);
        return new NotesEvalSet(questions, judgments);
    }

    private static void Validate(string directory, IReadOnlyList<NotesQuestion> questions, IReadOnlyList<PassageJudgment> judgments)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            if (string.IsNullOrWhiteSpace(question.Id) || string.IsNullOrWhiteSpace(question.Text))
                throw new InvalidDataException($"{directory}/questions.jsonl: every question needs an id and a text.");
            if (!ids.Add(question.Id))
                throw new InvalidDataException($"{directory}/questions.jsonl: question id {question.Id} appears twice.");
        }
        foreach (var judgment in judgments)
        {
            var where = $"{directory}/judgments.jsonl: judgment of {judgment.Query} on \"{judgment.Article}\"";
            if (!ids.Contains(judgment.Query))
                throw new InvalidDataException($"{where}: no question has that id.");
            if (judgment.Grade is < 0 or > 2)
                throw new InvalidDataException($"{where}: grade {judgment.Grade} is outside 0–2.");
            if (string.IsNullOrWhiteSpace(judgment.Quote) || string.IsNullOrWhiteSpace(judgment.Article))
                throw new InvalidDataException($"{where}: article and quote must not be empty.");
        }
        var unjudged = questions.FirstOrDefault(q => !judgments.Any(j => j.Query == q.Id && j.Grade > 0));
        if (unjudged is not null)
            throw new InvalidDataException($"{directory}/judgments.jsonl: question {unjudged.Id} has no passage graded above 0.");
    }

    private static List<T> ReadLines<T>(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: missing (an eval set folder needs questions.jsonl and judgments.jsonl).", path);
        var rows = new List<T>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                rows.Add(JsonSerializer.Deserialize<T>(line, Json) ?? throw new InvalidDataException($"{path}:{lineNumber}: null row."));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {ex.Message}");
            }
        }
        return rows;
    }
}
