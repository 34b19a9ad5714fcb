using System.CommandLine;
using GraphRag.Statistics;

namespace GraphRag.Cli.Commands.Stats;

/// <summary>Options shared by the stats subcommands. Each subcommand gets its own instances (an option belongs to one command).</summary>
internal sealed class StatsOptions
{
    public const string DefaultReason = "conventional 5% level; no decision-specific reason given (use --reason)";

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON instead of a table" };

    public Option<double> Level { get; } = new("--level")
    {
        Description = "Confidence level of the intervals",
        DefaultValueFactory = _ => 0.95,
    };

    public Option<double> Alpha { get; } = new("--alpha")
    {
        Description = "The threshold the result is compared with (a choice: say why with --reason)",
        DefaultValueFactory = _ => 0.05,
    };

    public Option<string> Reason { get; } = new("--reason")
    {
        Description = "Why this threshold, for this decision",
        DefaultValueFactory = _ => DefaultReason,
    };

    public Option<double?> SmallestEffect { get; } = new("--smallest-effect")
    {
        Description = "Smallest effect that would matter, on the scale of the reported effect (ratios: e.g. 1.1)",
    };

    public Option<string> AlternativeOption { get; } = new("--alternative")
    {
        Description = "two-sided, less or greater",
        DefaultValueFactory = _ => "two-sided",
    };

    public void AddTo(Command command, bool withAlternative = true)
    {
        command.Add(Json);
        command.Add(Level);
        command.Add(Alpha);
        command.Add(Reason);
        command.Add(SmallestEffect);
        if (withAlternative) command.Add(AlternativeOption);
    }

    public SignificanceThreshold Threshold(ParseResult parse) => new(parse.GetValue(Alpha), parse.GetValue(Reason)!);

    public Relevance? Relevance(ParseResult parse, EffectSize effect) =>
        parse.GetValue(SmallestEffect) is { } bound ? new Relevance(effect.Name, bound, "given with --smallest-effect") : null;

    public Alternative Alternative(ParseResult parse) => parse.GetValue(AlternativeOption) switch
    {
        "two-sided" or "two.sided" or null => Statistics.Alternative.TwoSided,
        "less" => Statistics.Alternative.Less,
        "greater" => Statistics.Alternative.Greater,
        var other => throw new ArgumentException($"--alternative must be two-sided, less or greater (got '{other}')."),
    };
}
