using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphRag.Embeddings.Bert;

/// <summary>
/// How a BERT-style model turns text into a sentence vector: pooling, the prefixes put before queries
/// and documents, and the longest input in wordpieces ([CLS] and [SEP] included). Vectors are always
/// L2-normalised. A model folder may describe it in <see cref="FileName"/>; every field is optional.
/// </summary>
public sealed record BertRecipe
{
    /// <summary>The optional recipe file in a model folder.</summary>
    public const string FileName = "sentence-encoder.json";

    /// <summary>BERT's position table has 512 rows; longer inputs cannot be encoded.</summary>
    public const int DefaultMaxTokens = 512;

    /// <summary>The model's name in its identity string (a folder's name when the file gives none).</summary>
    public required string Name { get; init; }

    public BertPooling Pooling { get; init; } = BertPooling.Mean;

    /// <summary>Put before every query (arctic-embed: "Represent this sentence for searching relevant passages: ").</summary>
    public string QueryPrefix { get; init; } = "";

    /// <summary>Put before every document (some models, e.g. e5, want "passage: ").</summary>
    public string DocumentPrefix { get; init; } = "";

    /// <summary>Wordpieces the model reads per text, [CLS] and [SEP] included; later ones are cut off.</summary>
    public int MaxTokens { get; init; } = DefaultMaxTokens;

    /// <summary>Lower-case (and strip accents) before WordPiece, as uncased vocabularies need. A tokenizer.json's own setting wins over this.</summary>
    public bool LowerCase { get; init; } = true;

    public string PrefixFor(EmbeddingRole role) => role == EmbeddingRole.Query ? QueryPrefix : DocumentPrefix;

    /// <summary>Everything here that changes a vector, in one line: part of the model identity's hash.</summary>
    internal string Fingerprint => JsonSerializer.Serialize(new { Pooling = Pooling.ToString(), QueryPrefix, DocumentPrefix, MaxTokens, LowerCase });

    /// <summary>Reads <see cref="FileName"/> from <paramref name="directory"/>; defaults (named after the folder) when there is none.</summary>
    public static BertRecipe ForDirectory(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var defaults = new BertRecipe { Name = new DirectoryInfo(directory).Name };
        if (!File.Exists(path)) return defaults;

        RecipeFile file;
        try
        {
            file = JsonSerializer.Deserialize<RecipeFile>(File.ReadAllBytes(path), JsonOptions)
                ?? throw new InvalidDataException($"{path} is empty; write a JSON object such as {{\"pooling\": \"mean\"}}.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid recipe: {ex.Message} Known fields: name, pooling (\"cls\" or \"mean\"), queryPrefix, documentPrefix, maxTokens, lowerCase.", ex);
        }
        var recipe = defaults with
        {
            Name = string.IsNullOrWhiteSpace(file.Name) ? defaults.Name : file.Name,
            Pooling = file.Pooling switch
            {
                null => defaults.Pooling,
                var p when p.Equals("cls", StringComparison.OrdinalIgnoreCase) => BertPooling.Cls,
                var p when p.Equals("mean", StringComparison.OrdinalIgnoreCase) => BertPooling.Mean,
                var p => throw new InvalidDataException($"{path}: pooling is \"{p}\"; it must be \"cls\" or \"mean\"."),
            },
            QueryPrefix = file.QueryPrefix ?? "",
            DocumentPrefix = file.DocumentPrefix ?? "",
            MaxTokens = file.MaxTokens ?? DefaultMaxTokens,
            LowerCase = file.LowerCase ?? true,
        };
        if (recipe.MaxTokens is < 3 or > DefaultMaxTokens)
            throw new InvalidDataException($"{path}: maxTokens is {recipe.MaxTokens}; it must be between 3 ([CLS], one wordpiece, [SEP]) and {DefaultMaxTokens}.");
        return recipe;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private sealed record RecipeFile(string? Name, string? Pooling, string? QueryPrefix, string? DocumentPrefix, int? MaxTokens, bool? LowerCase);
}
