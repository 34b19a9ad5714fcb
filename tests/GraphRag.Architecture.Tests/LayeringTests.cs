using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using Assembly = System.Reflection.Assembly;

namespace GraphRag.Architecture.Tests;

/// <summary>
/// Dependencies point one way: the command line and the web app on top; the engine, statistics and
/// text primitives at the bottom, depending on nothing of ours. Checked on the compiled types, so a
/// stray using, not only a project reference, breaks the build.
/// </summary>
public class LayeringTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Text.Sentences).Assembly,
        typeof(Statistics.TestResult).Assembly,
        typeof(Engine.Tensors.TensorBuffer).Assembly,
        typeof(GraphRagOptions).Assembly,
        typeof(Claims.ClaimFinder).Assembly,
        typeof(Graph.GraphOptions).Assembly,
        typeof(Embeddings.UseLiteEmbeddingGenerator).Assembly,
        typeof(Generation.GeneratorServiceCollectionExtensions).Assembly,
        typeof(Cuda.ComputeBackendSelector).Assembly,
        typeof(Evaluation.Runs.EvalRunner).Assembly,
        typeof(Agents.NotesTools).Assembly,
        typeof(Web.GraphRagWebApp).Assembly,
        typeof(Cli.ServiceRegistration).Assembly,
    ];

    private static readonly ArchUnitNET.Domain.Architecture Architecture = new ArchLoader().LoadAssemblies(Assemblies).Build();

    private static Assembly Named(string name) => Assemblies.Single(a => a.GetName().Name == name);

    private static IArchRule MayNotUse(string lower, params string[] higher) =>
        Types().That().ResideInAssembly(Named(lower))
            .Should().NotDependOnAny(Types().That().ResideInAssembly(Named(higher[0]), higher[1..].Select(Named).ToArray()))
            .Because($"{lower} sits below {string.Join(", ", higher)}");

    [Theory]
    [InlineData("GraphRag.Text")]
    [InlineData("GraphRag.Statistics")]
    [InlineData("GraphRag.Engine")]
    public void The_bottom_layer_depends_on_nothing_of_ours(string bottom)
    {
        var ours = Assemblies.Select(a => a.GetName().Name!).Where(n => n != bottom).ToArray();
        MayNotUse(bottom, ours).Check(Architecture);
    }

    [Fact]
    public void The_core_knows_no_module_built_on_it()
    {
        MayNotUse("GraphRag", "GraphRag.Graph", "GraphRag.Claims", "GraphRag.Embeddings", "GraphRag.Generation",
            "GraphRag.Cuda", "GraphRag.Evaluation", "GraphRag.Agents", "GraphRag.Web", "GraphRag.Cli").Check(Architecture);
    }

    [Fact]
    public void Modules_know_neither_the_web_app_nor_the_command_line()
    {
        foreach (var module in new[] { "GraphRag.Graph", "GraphRag.Claims", "GraphRag.Embeddings", "GraphRag.Generation", "GraphRag.Cuda", "GraphRag.Evaluation", "GraphRag.Agents" })
            MayNotUse(module, "GraphRag.Web", "GraphRag.Cli").Check(Architecture);
        MayNotUse("GraphRag.Web", "GraphRag.Cli").Check(Architecture);
    }

    [Fact]
    public void The_agent_tools_sit_above_the_modules_they_serve_and_beside_the_rest()
    {
        // Agents serve the core, the graph and the claims; those know nothing of agents, and agents
        // use no module they were not meant to (the encoder, generator and evaluation stay swappable).
        foreach (var served in new[] { "GraphRag.Graph", "GraphRag.Claims" })
            MayNotUse(served, "GraphRag.Agents").Check(Architecture);
        MayNotUse("GraphRag.Agents", "GraphRag.Embeddings", "GraphRag.Generation", "GraphRag.Cuda", "GraphRag.Evaluation").Check(Architecture);
    }

    [Fact]
    public void Rankers_are_composed_not_looked_up_from_the_service_container()
    {
        Classes().That().ImplementInterface(typeof(Retrieve.IRanker))
            .Should().NotDependOnAny(Types().That().HaveFullName(typeof(IServiceProvider).FullName!))
            .Check(Architecture);
    }

    [Fact]
    public void Answerers_depend_on_no_service_container_either()
    {
        Classes().That().ImplementInterface(typeof(Answer.IAnswerer))
            .Should().NotDependOnAny(Types().That().HaveFullName(typeof(IServiceProvider).FullName!))
            .Check(Architecture);
    }
}
