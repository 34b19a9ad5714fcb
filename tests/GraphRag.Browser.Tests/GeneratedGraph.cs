using System.Text.Json;

namespace GraphRag.Browser.Tests;

/// <summary>
/// A deterministic random graph in /api/graph/export's column form, for the explorer at a size corpus/ does not
/// reach: entities in communities of power-law sizes (most relations inside a community), seeded mulberry32.
/// </summary>
public static class GeneratedGraph
{
    public static string Json(int entities, int relations, int communities, uint seed)
    {
        var random = Mulberry32(seed);
        string[] types = ["concept", "dataset", "method", "metric", "model", "organization", "person", "product"];
        var community = new int[entities];
        for (var i = 0; i < entities; i++)
            community[i] = 1 + (int)Math.Floor(communities * Math.Pow(random(), 2.5));
        var members = community.Select((c, i) => (c, i)).GroupBy(m => m.c).ToDictionary(g => g.Key, g => g.Select(m => m.i).ToArray());
        List<int> source = [], target = [], type = [], weight = [];
        while (source.Count < relations)
        {
            var a = (int)Math.Floor(random() * entities);
            var own = members[community[a]];
            var b = random() < 0.8 ? own[(int)Math.Floor(random() * own.Length)] : (int)Math.Floor(random() * entities);
            if (a == b)
                continue;
            source.Add(a);
            target.Add(b);
            type.Add((int)Math.Floor(random() * 5));
            weight.Add(1 + (int)Math.Floor(-Math.Log(1 - random()) * 2));
        }
        var graph = new
        {
            types,
            relationTypes = new[] { "co_occurs", "is_a", "part_of", "uses", "measures" },
            communities = Enumerable.Range(1, communities).Select(id => new { id, label = $"community {id}" }),
            nodes = new
            {
                key = Enumerable.Range(0, entities).Select(i => $"entity-{i}"),
                name = Enumerable.Range(0, entities).Select(i => $"Entity {i}"),
                type = Enumerable.Range(0, entities).Select(_ => (int)Math.Floor(random() * types.Length)).ToArray(),
                community,
                chunks = Enumerable.Range(0, entities).Select(_ => 1 + (int)Math.Floor(random() * 20)).ToArray(),
            },
            edges = new { source, target, type, weight },
        };
        return JsonSerializer.Serialize(graph);
    }

    /// <summary>The mulberry32 generator: uniform doubles in [0, 1) from a 32-bit state.</summary>
    private static Func<double> Mulberry32(uint state) => () =>
    {
        unchecked
        {
            state += 0x6D2B79F5;
            var t = (state ^ (state >> 15)) * (1 | state);
            t = (t + ((t ^ (t >> 7)) * (61 | t))) ^ t;
            return (t ^ (t >> 14)) / 4294967296.0;
        }
    };
}
