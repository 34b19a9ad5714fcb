namespace GraphRag.Claims.Tests.Gold;

/// <summary>One line of claims.gold.tsv: a statement of the corpus and a statistician's verdict on it.</summary>
internal sealed record GoldItem(int Line, string Split, string Article, string Verdict, string Category, string Quote, string Why)
{
    public bool IsFlag => Verdict == "flag";
    public bool IsScored => Verdict != "either";
}

/// <summary>Reads claims.gold.tsv (see Gold/README.md), refusing a malformed line with its number and the problem.</summary>
internal static class GoldList
{
    public static string Path => GraphRag.Tests.TestPaths.Repo("tests", "GraphRag.Claims.Tests", "Gold", "claims.gold.tsv");

    private static readonly string[] Header = ["split", "article", "verdict", "category", "quote", "why"];

    public static IReadOnlyList<GoldItem> Load() => Load(Path);

    public static IReadOnlyList<GoldItem> Load(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].Split('\t').SequenceEqual(Header))
            throw new InvalidDataException($"{path}: the first line must be the header '{string.Join("\\t", Header)}'.");
        var items = new List<GoldItem>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split('\t');
            var where = $"{path}, line {i + 1}";
            if (f.Length != Header.Length)
                throw new InvalidDataException($"{where}: expected {Header.Length} tab-separated columns, found {f.Length}.");
            if (f[0] is not ("dev" or "test"))
                throw new InvalidDataException($"{where}: split must be dev or test (got '{f[0]}').");
            if (f[2] is not ("ok" or "flag" or "either"))
                throw new InvalidDataException($"{where}: verdict must be ok, flag or either (got '{f[2]}').");
            if (f[4].Trim().Length == 0 || f[5].Trim().Length == 0)
                throw new InvalidDataException($"{where}: quote and why must not be empty.");
            items.Add(new GoldItem(i + 1, f[0], f[1], f[2], f[3], f[4], f[5]));
        }
        return items;
    }
}
