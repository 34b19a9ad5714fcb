using System.CommandLine;
using System.Globalization;
using System.Numerics.Tensors;
using GraphRag.Retrieve;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GraphRag.Cli.Commands;

/// <summary><c>embed TEXT... [--json]</c>: sentence-encoder vectors of the texts, and how similar they are.</summary>
public static class EmbedCommand
{
    public static Command Create()
    {
        var texts = new Argument<string[]>("text") { Description = "One or more texts to embed", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {text, embedding}" };
        var command = new Command("embed", "Embed texts with the configured sentence encoder, as documents (unit vectors; GraphRag:Embeddings:Encoder)") { texts, json };
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            var input = parse.GetValue(texts)!;
            using var host = CliHost.Build(parse);
            var generator = host.Services.GetService<IEmbeddingGenerator<string, Embedding<float>>>()
                ?? throw new UserFacingException("The sentence encoder is off: " + (host.Services.GetServices<UnavailableMode>()
                    .FirstOrDefault(m => m.Mode == "dense")?.Reason ?? "no embedding generator is registered."));
            var embeddings = await generator.GenerateAsync(input, cancellationToken: cancellationToken);
            var vectors = embeddings.Select(e => e.Vector.ToArray()).ToArray();
            if (parse.GetValue(json))
                CliJson.Write(input.Select((text, i) => new EmbeddedText(text, vectors[i])));
            else
                Write(input, vectors, embeddings[0].ModelId);
            return 0;
        });
        return command;
    }

    private sealed record EmbeddedText(string Text, float[] Embedding);

    private static void Write(string[] texts, float[][] vectors, string? modelId)
    {
        var table = new Table().RoundedBorder().AddColumns("#", "Text", "Dims", "First components");
        for (var i = 0; i < texts.Length; i++)
        {
            var head = string.Join(" ", vectors[i].Take(6).Select(x => x.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture)));
            table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(texts[i]), vectors[i].Length.ToString(CultureInfo.InvariantCulture), head + " …");
        }
        AnsiConsole.Write(table);

        if (texts.Length > 1)
        {
            // Unit vectors: the dot product is the cosine similarity.
            var similarity = new Table().RoundedBorder().AddColumn("cosine");
            for (var j = 0; j < texts.Length; j++) similarity.AddColumn((j + 1).ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < texts.Length; i++)
            {
                var row = new List<string> { (i + 1).ToString(CultureInfo.InvariantCulture) };
                for (var j = 0; j < texts.Length; j++)
                    row.Add(TensorPrimitives.Dot(vectors[i], vectors[j]).ToString("F3", CultureInfo.InvariantCulture));
                similarity.AddRow(row.ToArray());
            }
            AnsiConsole.Write(similarity);
        }
        AnsiConsole.MarkupLine($"[grey]model: {Markup.Escape(modelId ?? "unknown")}[/]");
    }
}
