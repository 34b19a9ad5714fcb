using GraphRag.Tests;

namespace GraphRag.Evaluation.Tests.Beir;

/// <summary>A hand-made BEIR folder: four passages, three judged queries (one query has no judgments and must be dropped).</summary>
public static class TinyBeir
{
    public static string Write(TempDirectory directory)
    {
        File.WriteAllText(directory.File("corpus.jsonl"), """
            {"_id": "p1", "title": "Volcanoes", "text": "Mount Etna is an active stratovolcano on the east coast of Sicily."}
            {"_id": "p2", "title": "Glaciers", "text": "A glacier is a persistent body of dense ice that moves under its own weight."}
            {"_id": "p3", "title": "Deserts", "text": "The Atacama desert in Chile is one of the driest places on Earth."}
            {"_id": "p4", "title": "Sicily", "text": "Sicily is the largest island in the Mediterranean Sea."}
            """);
        File.WriteAllText(directory.File("queries.jsonl"), """
            {"_id": "q1", "text": "active volcano in Sicily"}
            {"_id": "q2", "text": "driest desert on Earth"}
            {"_id": "q3", "text": "moving body of dense ice"}
            {"_id": "q9", "text": "not judged"}
            """);
        Directory.CreateDirectory(directory.File("qrels"));
        File.WriteAllText(directory.File(Path.Combine("qrels", "test.tsv")),
            "query-id\tcorpus-id\tscore\nq1\tp1\t1\nq1\tp4\t1\nq2\tp3\t1\nq3\tp2\t1\n");
        return directory.Path;
    }
}
