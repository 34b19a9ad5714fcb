using System.Text.RegularExpressions;
using GraphRag.Graph.Model;

namespace GraphRag.Graph.Extract;

/// <summary>
/// Typed relations from the words between two adjacent entity mentions of a sentence. Every
/// pattern spans the whole gap (a few adverbs or adjectives may stand in it, never a preposition
/// that would point elsewhere: "X, a researcher at Y" says nothing typed about X and Y). Direction
/// follows the grammar: "Y was introduced by X", "X is used in Y", "Y such as X", "Y called X" and
/// "Y consists of X" point from the second mention to the first; "X in the Y" is a part only where Y
/// names a structure ("neurons in the output layer"). Nothing is typed where the gap
/// negates ("cannot use", "does not outperform", "unlike"), hedges ("might use", "could be") or is
/// longer than a clause.
/// </summary>
public static partial class RelationPatterns
{
    private const int MaxGap = 60;

    /// <returns>The type and whether the relation points from the second mention to the first; null when the gap states nothing typed.</returns>
    /// <param name="after">The words after the second mention: "X, the Y" is an apposition only when Y is defined on ("the metric for evaluating …").</param>
    /// <param name="second">The second mention's name: "X in the Y" makes X a part of Y only when Y names a structure ("output layer", "encoder block").</param>
    /// <param name="before">The sentence's words before the first mention: "two kinds of X: A and B" makes A a kind of X.</param>
    public static (string Type, bool Reversed)? Match(string between, string after = "", string second = "", string before = "")
    {
        if (between.Length > MaxGap || Negated().IsMatch(between) || Hedged().IsMatch(between))
            return null;
        if (ColonOnly().IsMatch(between) && KindsOfBefore().IsMatch(before) && !Negated().IsMatch(before) && !Hedged().IsMatch(before))
            return (RelationTypes.IsA, true);
        // "Google, Microsoft, LinkedIn, and many more tech companies are using X": the list's tail is not the subject.
        var verbPart = ListTail().Replace(between, "", 1);
        foreach (var (pattern, type, reversed) in Patterns)
            if (pattern.IsMatch(between) || (verbPart.Length < between.Length && pattern.IsMatch(verbPart)))
                return (type, reversed);
        if (DefiniteApposition().IsMatch(between) && DefinedOn().IsMatch(after))
            return (RelationTypes.IsA, false);
        if (InsideOf().IsMatch(between) && Structure().IsMatch(second))
            return (RelationTypes.PartOf, false);
        return null;
    }

    [GeneratedRegex(@"^\s*:\s*$")]
    private static partial Regex ColonOnly();

    // "There are 2 kinds of", "two main types of", "the three forms of": a count or a plural kind word announcing a list of kinds after a colon.
    [GeneratedRegex(@"\b(?:kinds|types|forms|variants|varieties|flavou?rs|categories|classes|families)\s+of\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex KindsOfBefore();

    [GeneratedRegex(@"^\s*(?:in|inside|within)\s+(?:the|each|every|a|an|its|their)\s+(?:(?:first|second|third|last|final|next|previous|hidden|same)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex InsideOf();

    // What has parts that sit "in" it: layers, blocks and networks, not a field or a function ("coding in Python").
    [GeneratedRegex(@"\b(?:layers?|blocks?|networks?|architectures?|modules?|stacks?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Structure();

    [GeneratedRegex(@"^\s*,\s*the\s+" + Modifiers + "$", RegexOptions.IgnoreCase)]
    private static partial Regex DefiniteApposition();

    [GeneratedRegex(@"^\s+(?:for|that|which|used|designed|built)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefinedOn();

    [GeneratedRegex(@"^\s*,?\s*(?:and|or)\s+(?:many\s+|several\s+|some\s+|a few\s+)?(?:more|other)\s+(?:[\w-]+\s+){0,3}?(?=(?:is|are|was|were|have|has|use|uses|used|now|also|all)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ListTail();

    /// <summary>The words before a mention make it the thing contrasted, not a subject: "unlike RNNs", "rather than X".</summary>
    public static bool IsContrasted(string before) => Contrast().IsMatch(before);

    private static readonly (Regex Pattern, string Type, bool Reversed)[] Patterns =
    [
        (PassiveIntroduced(), RelationTypes.Introduced, true),
        (PassiveUse(), RelationTypes.Uses, true),
        (PassiveMeasure(), RelationTypes.Measures, true),
        (PassiveOutperform(), RelationTypes.Outperforms, true),
        (KindOf(), RelationTypes.IsA, false),
        (IsA(), RelationTypes.IsA, false),
        (Apposition(), RelationTypes.IsA, false),
        (AlsoKnownAs(), RelationTypes.SameAs, false),
        (Called(), RelationTypes.IsA, true),
        (SuchAs(), RelationTypes.IsA, true),
        (AndOther(), RelationTypes.IsA, false),
        (PartOf(), RelationTypes.PartOf, false),
        (ConsistsOf(), RelationTypes.PartOf, true),
        (HasCount(), RelationTypes.PartOf, true),
        (BasedOn(), RelationTypes.BasedOn, false),
        (Outperforms(), RelationTypes.Outperforms, false),
        (BetterThan(), RelationTypes.Outperforms, false),
        (Measures(), RelationTypes.Measures, false),
        (Introduced(), RelationTypes.Introduced, false),
        (Uses(), RelationTypes.Uses, false),
    ];

    // Up to two modifiers: adjectives or nouns, not prepositions, articles or verbs.
    private const string Modifiers = @"(?:(?!(?:of|at|in|on|for|from|by|with|to|as|that|which|who|and|or|but|the|a|an|is|are|was|were)\b)[\w-]+\s+){0,2}";

    [GeneratedRegex(@"\b(?:not|n['’]t|cannot|never|no longer|neither|nor|without|unlike|rather than|instead of|fails? to|failed to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negated();

    [GeneratedRegex(@"\b(?:might|may|could|would|should|perhaps|possibly|whether|if)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hedged();

    [GeneratedRegex(@"\b(?:unlike|rather than|instead of|versus|vs\.?|compared (?:to|with)|not)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Contrast();

    [GeneratedRegex(@"^\s*(?:was|were|is|are|has been|have been)\s+(?:first\s+|originally\s+)?(?:introduced|proposed|invented|created|developed|coined|designed|published|described)\s+by\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveIntroduced();

    [GeneratedRegex(@"^\s*(?:is|are|was|were|being|been)?\s*(?:also\s+|often\s+|widely\s+|commonly\s+)?(?:used|utili[sz]ed|employed|leveraged|adopted)\s+(?:by|in|inside|within)\s+(?:the\s+|a\s+|an\s+|many\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveUse();

    [GeneratedRegex(@"^\s*(?:is|are|was|were)\s+(?:measured|evaluated|quantified|assessed|scored)\s+(?:by|with|using)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveMeasure();

    [GeneratedRegex(@"^\s*(?:is|are|was|were)\s+(?:often\s+|consistently\s+)?(?:outperformed|beaten|surpassed)\s+by\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveOutperform();

    [GeneratedRegex(@"^\)?\s*,?\s*(?:is|are|was|were)\s+(?:also\s+|just\s+|simply\s+)?(?:a|an|one)\s+(?:special\s+|particular\s+|specific\s+)?(?:kind|type|form|class|family|variant|variety|example|instance|subset|category)\s+of\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex KindOf();

    [GeneratedRegex(@"^\)?\s*(?:is|are|was|were)\s+(?:also\s+|just\s+|simply\s+|essentially\s+|basically\s+)?(?:a|an|one of the)\s+" + Modifiers + "$", RegexOptions.IgnoreCase)]
    private static partial Regex IsA();

    // "X, a Y" (not "X, the Y": lists and clauses start that way: "the dendrites, the cell body").
    [GeneratedRegex(@"^\s*,\s*(?:a|an)\s+" + Modifiers + "$", RegexOptions.IgnoreCase)]
    private static partial Regex Apposition();

    [GeneratedRegex(@"^\s*\(?\s*,?\s*(?:also\s+)?(?:called|named|dubbed)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex Called();

    // "the sigmoid curve, also known as the S-curve", "log loss (often referred to as cross-entropy loss)": one thing, two names.
    // One head noun may stand between the first name and the comma ("sigmoid curve", "log loss function").
    [GeneratedRegex(@"^\s*(?:(?:curve|function|method|model|algorithm|metric|technique|loss|network|layer|distribution|test)\s*)?[,(]?\s*(?:also\s+|often\s+|sometimes\s+|commonly\s+|more\s+)?(?:known as|referred to as|abbreviated as|aka|a\.k\.a\.)\s+(?:the\s+|an?\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex AlsoKnownAs();

    [GeneratedRegex(@"^\s*[,(]?\s*(?:such as|including|like|e\.g\.,?|for example,?|for instance,?)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SuchAs();

    [GeneratedRegex(@"^\s*,?\s*(?:and|or)\s+(?:many\s+|several\s+|some\s+)?other\s+" + Modifiers + "$", RegexOptions.IgnoreCase)]
    private static partial Regex AndOther();

    [GeneratedRegex(@"^\s*(?:is|are|was|were)\s+(?:a\s+|an\s+|one\s+|the\s+)?(?:key\s+|core\s+|central\s+|crucial\s+|important\s+)?(?:part|component|subset|member|module|building block|element|piece|heart|core|backbone)\s+of\s+(?:the\s+|a\s+|an\s+|every\s+|each\s+|all\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PartOf();

    [GeneratedRegex(@"^\s*(?:consists? of|consisting of|is made up of|are made up of|comprises?|is composed of|are composed of|contains?|containing)\s+(?:a\s+|an\s+|the\s+|" + Count + @"|several\s+|many\s+|multiple\s+|(?:two|three|four|five|several)\s+(?:main\s+)?parts:\s+(?:the\s+)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ConsistsOf();

    // "The output layer has 10 neurons", "a hidden layer with 128 neurons", "GPT-2 stacks 12 decoders": a count of parts.
    [GeneratedRegex(@"^\s*(?:has|have|having|had|with|stacks|stack)\s+(?:only\s+|just\s+)?" + Count + "$", RegexOptions.IgnoreCase)]
    private static partial Regex HasCount();

    private const string Count = @"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|twelve|hundreds of|thousands of|millions of)\s+";

    [GeneratedRegex(@"^\s*(?:is|are|was|were)?\s*(?:based on|built on|builds on|build on|built upon|derived from|an extension of|extends|extended)\s+(?:the\s+|a\s+|an\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex BasedOn();

    [GeneratedRegex(@"^\s*(?:often\s+|consistently\s+|significantly\s+|clearly\s+|usually\s+|easily\s+)?(?:outperforms?|outperformed|beats|beat|surpass(?:es|ed)?)\s+(?:the\s+|other\s+|all\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Outperforms();

    [GeneratedRegex(@"^\s*(?:is|are|was|were)\s+(?:much\s+|far\s+|significantly\s+)?(?:better|more accurate|superior)\s+(?:than|to)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex BetterThan();

    [GeneratedRegex(@"^\s*(?:measures?|measured|evaluates?|evaluated|quantif(?:y|ies|ied)|assesses|assessed)\s+(?:the\s+|how\s+well\s+(?:the\s+)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Measures();

    [GeneratedRegex(@"^\s*(?:first\s+)?(?:introduced|introduces|proposed|proposes|invented|invents|created|creates|developed|develops|coined|coins|designed|designs)\s+(?:the\s+|a\s+|an\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Introduced();

    [GeneratedRegex(@"^\s*(?:also\s+|now\s+|often\s+|still\s+|typically\s+|mainly\s+|usually\s+|heavily\s+)?(?:uses?|used|is using|are using|was using|were using|has been using|have been using|utili[sz]es?|relies on|rely on|relied on|employs?|leverages?|(?:is\s+|are\s+)?powered by|runs on|run on)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Uses();
}
