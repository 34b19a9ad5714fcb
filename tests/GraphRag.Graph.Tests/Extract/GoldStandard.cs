using System.Text.Json;
using GraphRag.Graph.Extract;
using GraphRag.Graph.Model;

namespace GraphRag.Graph.Tests.Extract;

/// <summary>Hand-annotated entities and typed relations of corpus passages (Gold/gold.json; its "guide" says how).</summary>
public sealed record GoldFile(string Annotator, List<string> Guide, List<GoldDocument> Documents)
{
    public const string Dev = "dev";
    public const string Test = "test";

    public static GoldFile Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Gold", "gold.json");
        return JsonSerializer.Deserialize<GoldFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path}: empty");
    }

    public IEnumerable<GoldDocument> Split(string split) => Documents.Where(d => d.Split == split);
}

/// <param name="Article">The title of the corpus article the passage comes from.</param>
public sealed record GoldDocument(string Id, string Split, string Article, string Source, string? Author, string Text, List<GoldEntity> Entities, List<GoldRelation> Relations);

/// <param name="Optional">A borderline entity: matching it is neither right nor wrong.</param>
public sealed record GoldEntity(string Name, string Type, List<string>? Aliases, bool Optional)
{
    public HashSet<string> Keys() => (Aliases ?? []).Append(Name).Select(EntityKeys.Normalize).ToHashSet(StringComparer.Ordinal);
}

public sealed record GoldRelation(string Source, string Type, string Target, bool Optional);

/// <summary>
/// Precision counts predictions that match a required gold item among those that match a required
/// item or nothing (a match with an optional item is left out); recall counts required gold items
/// matched by some prediction (two predictions may match one gold entity, so the numerators differ).
/// </summary>
public sealed record Score(int PredictedCorrect, int Predicted, int GoldFound, int Gold)
{
    public static Score Zero { get; } = new(0, 0, 0, 0);

    public double Precision => Predicted == 0 ? 0 : (double)PredictedCorrect / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)GoldFound / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Score operator +(Score a, Score b) =>
        new(a.PredictedCorrect + b.PredictedCorrect, a.Predicted + b.Predicted, a.GoldFound + b.GoldFound, a.Gold + b.Gold);

    public override string ToString() =>
        $"P={Precision:F3} ({PredictedCorrect}/{Predicted}) R={Recall:F3} ({GoldFound}/{Gold}) F1={F1:F3}";
}

/// <summary>What one passage scored, with the predictions that were wrong (for the test output).</summary>
public sealed record GoldResult(Score Entities, Score Relations, int TypesRight, int TypesJudged, IReadOnlyList<string> Wrong, IReadOnlyList<string> Missed)
{
    public static GoldResult Zero { get; } = new(Score.Zero, Score.Zero, 0, 0, [], []);

    public static GoldResult operator +(GoldResult a, GoldResult b) =>
        new(a.Entities + b.Entities, a.Relations + b.Relations, a.TypesRight + b.TypesRight, a.TypesJudged + b.TypesJudged,
            [.. a.Wrong, .. b.Wrong], [.. a.Missed, .. b.Missed]);

    public double TypeAccuracy => TypesJudged == 0 ? 0 : (double)TypesRight / TypesJudged;
}

/// <summary>
/// Scores extraction against the gold file. A predicted entity matches a gold entity when any of
/// its names or aliases, normalised, is one of the gold entity's. A predicted typed relation
/// matches when both ends match the gold ends and the type is equal; co-occurrence is not scored.
/// Types are judged on the predictions that match a required gold entity.
/// </summary>
public static class GoldEvaluation
{
    public static GoldResult Evaluate(GoldDocument document, IReadOnlyList<GraphEntity> entities, IReadOnlyList<GraphRelation> relations)
    {
        var gold = document.Entities.Select(e => (Entity: e, Keys: e.Keys())).ToList();
        var matches = entities.ToDictionary(p => p.Key, p =>
        {
            var keys = p.Aliases.Append(p.Name).Append(p.Key).Select(EntityKeys.Normalize).ToHashSet(StringComparer.Ordinal);
            return gold.Where(g => g.Keys.Overlaps(keys)).Select(g => g.Entity).OrderBy(g => g.Optional).FirstOrDefault();
        });
        var judged = entities.Where(p => matches[p.Key] is not { Optional: true }).ToList();
        var right = judged.Where(p => matches[p.Key] is not null).ToList();
        var required = document.Entities.Where(e => !e.Optional).ToList();
        var found = right.Select(p => matches[p.Key]!).Distinct().ToList();
        var entityScore = new Score(right.Count, judged.Count, found.Count, required.Count);
        var wrong = judged.Where(p => matches[p.Key] is null).Select(p => $"{document.Id}: entity {p.Name} [{p.Type}]").ToList();
        var missed = required.Except(found).Select(g => $"{document.Id}: entity {g.Name}").ToList();

        var typed = relations.Where(r => r.Type != RelationTypes.CoOccurs).ToList();
        GoldRelation? Match(GraphRelation r) => document.Relations
            .Where(g => g.Type == r.Type && matches.GetValueOrDefault(r.SourceKey)?.Name == g.Source && matches.GetValueOrDefault(r.TargetKey)?.Name == g.Target)
            .OrderBy(g => g.Optional).FirstOrDefault();
        var judgedRelations = typed.Where(r => Match(r) is not { Optional: true }).ToList();
        var rightRelations = judgedRelations.Where(r => Match(r) is not null).ToList();
        var requiredRelations = document.Relations.Where(g => !g.Optional).ToList();
        var foundRelations = rightRelations.Select(Match).Distinct().ToList();
        var relationScore = new Score(rightRelations.Count, judgedRelations.Count, foundRelations.Count, requiredRelations.Count);
        wrong.AddRange(judgedRelations.Where(r => Match(r) is null).Select(r => $"{document.Id}: relation {r.SourceKey} -{r.Type}-> {r.TargetKey}"));
        missed.AddRange(requiredRelations.Except(foundRelations!).Select(g => $"{document.Id}: relation {g!.Source} -{g.Type}-> {g.Target}"));

        var typesRight = right.Count(p => matches[p.Key]!.Type == p.Type);
        return new GoldResult(entityScore, relationScore, typesRight, right.Count, wrong, missed);
    }
}
