namespace GraphRag.Ingest.Reading;

/// <summary>A file's decoded text (LF line endings, mojibake repaired), as the format readers see it.</summary>
public sealed record DecodedFile(string Path, string Text)
{
    /// <summary>Lower-case extension with the dot (".md"), or "" when there is none.</summary>
    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();

    /// <summary>The file name without extension: the title of last resort.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public string[] Lines() => Text.Split('\n');
}
