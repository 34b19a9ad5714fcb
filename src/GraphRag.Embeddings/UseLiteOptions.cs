namespace GraphRag.Embeddings;

/// <summary>The sentence encoder's settings, bound from GraphRag:Embeddings.</summary>
public sealed class UseLiteOptions
{
    /// <summary>Folder with model.json, the weight shards and vocab.json. A relative path is looked
    /// up from the working directory and its parents, then from the executable's folder and its parents.</summary>
    public string ModelDirectory { get; set; } = ".assets/use-lite";

    /// <summary>Texts encoded together; each batch runs on all <see cref="Threads"/>.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Threads per batch; null means one per core.</summary>
    public int? Threads { get; set; }

    /// <summary>Checks the values once, with a message that says what to change.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModelDirectory))
            throw new ArgumentException("GraphRag:Embeddings:ModelDirectory is empty; set it to the folder scripts/fetch-assets.sh fills (.assets/use-lite).");
        if (BatchSize < 1)
            throw new ArgumentException($"GraphRag:Embeddings:BatchSize is {BatchSize}; it must be at least 1.");
        if (Threads is < 1)
            throw new ArgumentException($"GraphRag:Embeddings:Threads is {Threads}; leave it unset for all cores or give at least 1.");
    }

    /// <summary>The absolute model folder: <see cref="ModelDirectory"/> as is when rooted, else the first
    /// existing match above the working directory or the executable (the working-directory path if none exists).</summary>
    public string ResolveModelDirectory()
    {
        if (Path.IsPathRooted(ModelDirectory)) return ModelDirectory;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ModelDirectory);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return Path.GetFullPath(ModelDirectory);
    }
}
