using System.Text.RegularExpressions;
using GraphRag.Graph.Model;

namespace GraphRag.Graph.Extract;

/// <summary>
/// Typed relations from the words between two entity mentions of a sentence: "X is a Y", "X, a Y",
/// "X uses Y", "X introduced Y" (and "Y was introduced by X"), "X outperforms Y", "X measures Y",
/// "X is part of Y", "X is based on Y". Null when the words between say nothing typed.
/// </summary>
public static partial class RelationPatterns
{
    /// <returns>The type and whether the relation points from the second mention to the first.</returns>
    public static (string Type, bool Reversed)? Match(string between)
    {
        if (between.Length > 80)
            return null;
        if (Passive().Match(between) is { Success: true })
            return (RelationTypes.Introduced, true);
        if (IsA().IsMatch(between) || Apposition().IsMatch(between))
            return (RelationTypes.IsA, false);
        if (PartOf().IsMatch(between))
            return (RelationTypes.PartOf, false);
        if (BasedOn().IsMatch(between))
            return (RelationTypes.BasedOn, false);
        if (Outperforms().IsMatch(between))
            return (RelationTypes.Outperforms, false);
        if (Measures().IsMatch(between))
            return (RelationTypes.Measures, false);
        if (Introduced().IsMatch(between))
            return (RelationTypes.Introduced, false);
        if (Uses().IsMatch(between) && !PassiveUse().IsMatch(between))
            return (RelationTypes.Uses, false);
        return null;
    }

    [GeneratedRegex(@"^\)?\s*(?:is|are|was|were)\s+(?:also\s+)?(?:a|an|one of the|a kind of|a type of|a form of)\s+(?:[\w-]+\s+){0,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex IsA();

    [GeneratedRegex(@"^\s*,\s*(?:a|an)\s+(?:[\w-]+\s+){0,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex Apposition();

    [GeneratedRegex(@"^\s*(?:is|are|was|were)\s+(?:a\s+)?(?:part|component|subset|member)\s+of\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PartOf();

    [GeneratedRegex(@"\b(?:based on|built on|builds on|build on|extends|derived from)\s+(?:the\s+|a\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex BasedOn();

    [GeneratedRegex(@"\b(?:outperforms?|outperformed|beats|surpass(?:es|ed)?|better than|superior to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Outperforms();

    [GeneratedRegex(@"\b(?:measures?|measured|evaluates?|quantif(?:y|ies)|assesses)\b(?:\s+(?:the|how|a)\b)?\s*(?:[\w-]+\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex Measures();

    [GeneratedRegex(@"\b(?:introduced|introduces|proposed|proposes|invented|created|developed|coined)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Introduced();

    [GeneratedRegex(@"^\s*(?:was|were|is|are|has been)\s+(?:first\s+)?(?:introduced|proposed|invented|created|developed|coined|designed)\s+by\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex Passive();

    // "X were used for Y" says that Y uses X, and rarely names the user: no typed relation.
    [GeneratedRegex(@"\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?used\b", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveUse();

    [GeneratedRegex(@"\b(?:uses?|used|using|utili[sz]es?|relies on|rely on|employs?|leverages?|powered by)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Uses();
}
