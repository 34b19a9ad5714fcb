namespace GraphRag.Tests.Support;

/// <summary>The user's notes in corpus/, copied into a temp folder so tests may change them.</summary>
public static class CorpusFiles
{
    public static string[] All => Directory.GetFiles(TestPaths.Repo("corpus")).Order(StringComparer.Ordinal).ToArray();

    public static string CopyTo(TempDirectory dir, string subfolder = "notes")
    {
        var target = Path.Combine(dir.Path, subfolder);
        Directory.CreateDirectory(target);
        foreach (var file in All)
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }
}
