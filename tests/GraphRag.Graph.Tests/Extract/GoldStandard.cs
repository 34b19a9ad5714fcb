using System.Text.Json;
using GraphRag.Graph.Extract;
using GraphRag.Graph.Model;

namespace GraphRag.Graph.Tests.Extract;

/// <summary>Hand-annotated entities and typed relations of corpus passages (Gold/gold.json).</summary>
public sealed record GoldFile(string Annotator, List<GoldDocument> Documents)
{
    public static GoldFile Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Gold", "gold.json");
        return JsonSerializer.Deserialize<GoldFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path}: empty");
    }
}

public sealed record GoldDocument(string Id, string Source, string? Author, string Text, List<GoldEntity> Entities, List<GoldRelation> Relations);

public sealed record GoldEntity(string Name, string Type, List<string>? Aliases)
{
    public HashSet<string> Keys() => (Aliases ?? []).Append(Name).Select(EntityKeys.Normalize).ToHashSet(StringComparer.Ordinal);
}

public sealed record GoldRelation(string Source, string Type, string Target);

/// <summary>
/// Precision counts predictions that match some gold item; recall counts gold items matched by
/// some prediction (two predictions may match one gold entity, so the numerators differ).
/// </summary>
public sealed record Score(int PredictedCorrect, int Predicted, int GoldFound, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)PredictedCorrect / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)GoldFound / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Score operator +(Score a, Score b) =>
        new(a.PredictedCorrect + b.PredictedCorrect, a.Predicted + b.Predicted, a.GoldFound + b.GoldFound, a.Gold + b.Gold);

    public override string ToString() =>
        $"P={Precision:F3} ({PredictedCorrect}/{Predicted}) R={Recall:F3} ({GoldFound}/{Gold}) F1={F1:F3}";
}

/// <summary>
/// Scores extraction against the gold file. A predicted entity matches a gold entity when any of
/// its names or aliases, normalised, is one of the gold entity's. A predicted typed relation
/// matches when both ends match the gold ends and the type is equal; co-occurrence is not scored.
/// </summary>
public static class GoldEvaluation
{
    public static (Score Entities, Score Relations) Evaluate(GoldDocument document, ArticleGraph predicted)
    {
        var gold = document.Entities.Select(e => (Entity: e, Keys: e.Keys())).ToList();
        var matches = predicted.Entities.ToDictionary(p => p.Key, p =>
        {
            var keys = p.Aliases.Append(p.Name).Select(EntityKeys.Normalize).ToHashSet(StringComparer.Ordinal);
            return gold.FirstOrDefault(g => g.Keys.Overlaps(keys)).Entity;
        });
        var entities = new Score(
            matches.Values.Count(m => m is not null), predicted.Entities.Count,
            matches.Values.Where(m => m is not null).Distinct().Count(), gold.Count);

        var typed = predicted.Relations.Where(r => r.Type != RelationTypes.CoOccurs).ToList();
        bool Same(GraphRelation r, GoldRelation g) =>
            g.Type == r.Type && matches[r.SourceKey]?.Name == g.Source && matches[r.TargetKey]?.Name == g.Target;
        var relations = new Score(
            typed.Count(r => document.Relations.Any(g => Same(r, g))), typed.Count,
            document.Relations.Count(g => typed.Any(r => Same(r, g))), document.Relations.Count);
        return (entities, relations);
    }
}
