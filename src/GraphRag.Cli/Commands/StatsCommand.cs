using System.CommandLine;
using GraphRag.Cli.Commands.Stats;

namespace GraphRag.Cli.Commands;

/// <summary>
/// <c>stats …</c>: significance tests that always report confidence (1 − p) beside an effect size with its
/// interval, against a threshold that carries its reason. Every subcommand takes --json.
/// </summary>
public static class StatsCommand
{
    public static Command Create() => new("stats", "Significance tests with effect sizes, multiple-comparison adjustment, power")
    {
        CountCommands.Proportions(),
        SampleTestCommands.TTest(),
        SampleTestCommands.MannWhitney(),
        SampleTestCommands.Wilcoxon(),
        SampleTestCommands.Permutation(),
        ResamplingCommands.Bootstrap(),
        CountCommands.Binomial(),
        MultiplicityCommands.Adjust(),
        PowerCommands.Create(),
        MultiplicityCommands.Dice(),
    };
}
