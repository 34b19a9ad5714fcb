using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphRag.Evaluation.Answers;

/// <summary>A passage a correct answer may cite: an exact quote of the cleaned text of the article with that title.</summary>
public sealed record EvidenceQuote(string Article, string Quote);

/// <summary>
/// A typed question with what a correct answer must cite: every group of <see cref="Evidence"/> (one per
/// part of the question; a multi-hop question has one per article) needs at least one of its quotes cited.
/// An unanswerable question has no evidence: the right answer is a refusal.
/// </summary>
public sealed record AnswerQuestion(string Id, string Type, string Text, IReadOnlyList<IReadOnlyList<EvidenceQuote>> Evidence)
{
    public bool Answerable => Evidence.Count > 0;
}

/// <summary>
/// The answer-level evaluation set of the notes (eval/notes/answers.jsonl): factual, numeric,
/// paraphrase, multi-hop and unanswerable questions, each with the passages a correct answer cites.
/// </summary>
public static class AnswerEvalSet
{
    public const string FileName = "answers.jsonl";
    public const string Unanswerable = "unanswerable";

    /// <summary>The question types, in report order.</summary>
    public static IReadOnlyList<string> Types { get; } = ["factual", "numeric", "paraphrase", "multi", Unanswerable];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <exception cref="InvalidDataException">A malformed line, an unknown type, a duplicate id, or evidence that does not fit the type.</exception>
    public static IReadOnlyList<AnswerQuestion> Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: missing (answer evaluation needs {FileName} in the eval set folder).", path);
        var questions = new List<AnswerQuestion>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            AnswerQuestion question;
            try
            {
                question = JsonSerializer.Deserialize<AnswerQuestion>(line, Json) ?? throw new InvalidDataException($"{path}:{lineNumber}: null row.");
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {ex.Message}");
            }
            var where = $"{path}:{lineNumber}";
            if (string.IsNullOrWhiteSpace(question.Id) || string.IsNullOrWhiteSpace(question.Text))
                throw new InvalidDataException($"{where}: every question needs an id and a text.");
            if (!ids.Add(question.Id))
                throw new InvalidDataException($"{where}: question id {question.Id} appears twice.");
            if (!Types.Contains(question.Type))
                throw new InvalidDataException($"{where}: type \"{question.Type}\" is not one of {string.Join(", ", Types)}.");
            if (question.Evidence is null || (question.Type == Unanswerable) != (question.Evidence.Count == 0))
                throw new InvalidDataException($"{where}: an unanswerable question has no evidence, every other question needs at least one group.");
            if (question.Evidence.Any(g => g.Count == 0 || g.Any(e => string.IsNullOrWhiteSpace(e.Article) || string.IsNullOrWhiteSpace(e.Quote))))
                throw new InvalidDataException($"{where}: every evidence group needs quotes with an article and a text.");
            if (question.Type == "multi" && question.Evidence.Count < 2)
                throw new InvalidDataException($"{where}: a multi-hop question needs a group per part (at least two).");
            questions.Add(question);
        }
        return questions;
    }
}
