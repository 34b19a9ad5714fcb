using System.Text.Json;
using System.Xml;
using GraphRag.Graph.Store;

namespace GraphRag.Graph.Export;

/// <summary>
/// Writes the entity graph for other tools: GraphML (Gephi, yEd, networkx) or a Cypher script that
/// recreates it in any Neo4j (3.1+). Strings in the script are JSON-escaped literals, which Cypher
/// reads as the same strings, so note text cannot break out of a literal.
/// </summary>
public static class GraphExporter
{
    public const string GraphMl = "graphml";
    public const string Cypher = "cypher";

    public static void Write(GraphSnapshot snapshot, string format, TextWriter output)
    {
        switch (format.ToLowerInvariant())
        {
            case GraphMl: WriteGraphMl(snapshot, output); break;
            case Cypher: WriteCypher(snapshot, output); break;
            default: throw new ArgumentException($"Unknown export format \"{format}\": use {GraphMl} or {Cypher}.");
        }
    }

    private static void WriteGraphMl(GraphSnapshot snapshot, TextWriter output)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true });
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", "http://graphml.graphdrawing.org/xmlns");
        Key("name", "node", "string");
        Key("type", "node", "string");
        Key("aliases", "node", "string");
        Key("chunks", "node", "int");
        Key("relation", "edge", "string");
        Key("weight", "edge", "double");
        xml.WriteStartElement("graph");
        xml.WriteAttributeString("id", "graphrag");
        xml.WriteAttributeString("edgedefault", "directed");
        var chunks = snapshot.EntityChunks.GroupBy(e => e.EntityKey).ToDictionary(g => g.Key, g => g.Count());
        foreach (var entity in snapshot.Entities)
        {
            xml.WriteStartElement("node");
            xml.WriteAttributeString("id", entity.Key);
            Data("name", entity.Name);
            Data("type", entity.Type);
            Data("aliases", string.Join("; ", entity.Aliases));
            Data("chunks", chunks.GetValueOrDefault(entity.Key).ToString());
            xml.WriteEndElement();
        }
        foreach (var relation in snapshot.Relations)
        {
            xml.WriteStartElement("edge");
            xml.WriteAttributeString("source", relation.SourceKey);
            xml.WriteAttributeString("target", relation.TargetKey);
            Data("relation", relation.Type);
            Data("weight", relation.Weight.ToString());
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();

        void Key(string name, string on, string type)
        {
            xml.WriteStartElement("key");
            xml.WriteAttributeString("id", name);
            xml.WriteAttributeString("for", on);
            xml.WriteAttributeString("attr.name", name);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }

        void Data(string key, string value)
        {
            xml.WriteStartElement("data");
            xml.WriteAttributeString("key", key);
            xml.WriteString(value);
            xml.WriteEndElement();
        }
    }

    private static void WriteCypher(GraphSnapshot snapshot, TextWriter output)
    {
        output.WriteLine("// GraphRag entity graph. Run with cypher-shell or paste into the Neo4j browser.");
        output.WriteLine("CREATE CONSTRAINT ON (e:Entity) ASSERT e.key IS UNIQUE;");
        foreach (var batch in snapshot.Entities.Chunk(500))
        {
            output.Write("UNWIND [");
            output.Write(string.Join(",\n  ", batch.Select(e =>
                $"{{key: {Literal(e.Key)}, name: {Literal(e.Name)}, type: {Literal(e.Type)}, aliases: [{string.Join(", ", e.Aliases.Select(Literal))}]}}")));
            output.WriteLine("] AS row");
            output.WriteLine("MERGE (e:Entity {key: row.key}) SET e.name = row.name, e.type = row.type, e.aliases = row.aliases;");
        }
        foreach (var batch in snapshot.Relations.Chunk(500))
        {
            output.Write("UNWIND [");
            output.Write(string.Join(",\n  ", batch.Select(r =>
                $"{{source: {Literal(r.SourceKey)}, target: {Literal(r.TargetKey)}, type: {Literal(r.Type)}, weight: {r.Weight}}}")));
            output.WriteLine("] AS row");
            output.WriteLine("MATCH (s:Entity {key: row.source}), (t:Entity {key: row.target})");
            output.WriteLine("MERGE (s)-[r:RELATED {type: row.type}]->(t) SET r.weight = row.weight;");
        }
    }

    /// <summary>A Cypher string literal: JSON's escaping (\", \\, \n, \uXXXX) is also Cypher's.</summary>
    public static string Literal(string value) => JsonSerializer.Serialize(value);
}
