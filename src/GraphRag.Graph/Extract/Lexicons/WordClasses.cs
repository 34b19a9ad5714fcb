namespace GraphRag.Graph.Extract.Lexicons;

/// <summary>
/// What a word can be in a sentence, from the English lexicon when it has the word and from the
/// closed word lists and suffixes otherwise. Enough to cut noun phrases out of a sentence and to
/// tell a name from an ordinary word written with a capital; not a tagger.
/// </summary>
public sealed class WordClasses(EnglishLexicon lexicon)
{
    /// <summary>Everyday words: more common than this in spoken English (per million words) are not technical on their own.</summary>
    public const double CommonPerMillion = 10;

    private static readonly HashSet<string> FunctionTags = new(StringComparer.Ordinal)
    {
        "DT", "IN", "CC", "PRP", "PRP$", "MD", "WDT", "WP", "WP$", "WRB", "TO", "EX", "PDT", "UH", "RP", "POS",
    };

    private static readonly HashSet<string> VerbTags = new(StringComparer.Ordinal) { "VB", "VBD", "VBN", "VBP", "VBZ", "VBG", "MD" };

    private static readonly HashSet<string> NounTags = new(StringComparer.Ordinal) { "NN", "NNS", "NNP", "NNPS" };

    public EnglishLexicon Lexicon => lexicon;

    /// <summary>Articles, pronouns, prepositions, conjunctions, auxiliaries, interjections: words that name nothing.</summary>
    public bool IsFunctionWord(string word)
    {
        if (Extract.Lexicon.Stopwords.Contains(word) || Extract.Lexicon.FunctionWords.Contains(word))
            return true;
        var tags = lexicon.Tags(word.ToLowerInvariant());
        return tags.Count > 0 && FunctionTags.Contains(tags[0]) && !tags.Any(NounTags.Contains);
    }

    /// <summary>"unfortunately", "basically", "really": adverbs start, end and make no term.</summary>
    public bool IsAdverb(string word)
    {
        var tags = lexicon.Tags(word.ToLowerInvariant());
        if (tags.Count > 0)
            return tags[0] is "RB" or "RBR" or "RBS" && !tags.Any(NounTags.Contains);
        return word.EndsWith("ly", StringComparison.OrdinalIgnoreCase) && word.Length > 4;
    }

    /// <summary>A word that is only ever a verb form ("ruled", "undergoes", "consisting", "analyze").</summary>
    public bool IsVerbOnly(string word)
    {
        if (Extract.Lexicon.Verbs.Contains(word))
            return true;
        var tags = lexicon.Tags(word.ToLowerInvariant());
        return tags.Count > 0 && tags.All(VerbTags.Contains);
    }

    /// <summary>A finite verb reading comes first ("travels": VBZ before NNS): after a noun, before an object, it is the verb.</summary>
    public bool PrefersFiniteVerb(string word)
    {
        var tags = lexicon.Tags(word.ToLowerInvariant());
        return tags.Count > 0 && tags[0] is "VBZ" or "VBD" or "VBP" or "VB" or "MD";
    }

    /// <summary>Has a finite verb reading at all ("ranks": NNS or VBZ).</summary>
    public bool CanBeFiniteVerb(string word) =>
        lexicon.Tags(word.ToLowerInvariant()).Any(t => t is "VBZ" or "VBD" or "VBP");

    /// <summary>Can head a noun phrase: a noun in the lexicon, or a word it does not know that is not shaped like an adverb or a participle.</summary>
    public bool IsNounLike(string word)
    {
        var lower = word.ToLowerInvariant();
        var last = lower.Contains('-') ? lower[(lower.LastIndexOf('-') + 1)..] : lower;
        var tags = lexicon.Tags(lower);
        if (tags.Count == 0 && last != lower)
            tags = lexicon.Tags(last);
        if (tags.Count > 0)
            return tags.Any(NounTags.Contains);
        return !(last.EndsWith("ly", StringComparison.Ordinal) || last.EndsWith("ing", StringComparison.Ordinal) || last.EndsWith("ed", StringComparison.Ordinal) || last.EndsWith("ous", StringComparison.Ordinal) || last.EndsWith("ful", StringComparison.Ordinal) || last.EndsWith("ive", StringComparison.Ordinal) || last.EndsWith("able", StringComparison.Ordinal));
    }

    /// <summary>An adjective or participle that can modify a noun ("linear", "positional", "structured").</summary>
    public bool IsModifier(string word) =>
        lexicon.Tags(word.ToLowerInvariant()).Any(t => t is "JJ" or "JJR" or "JJS" or "VBN" or "VBG");

    /// <summary>An adjective in the lexicon that is never a noun ("complex" is both, "excellent" only an adjective).</summary>
    public bool IsAdjectiveOnly(string word)
    {
        var tags = lexicon.Tags(word.ToLowerInvariant());
        return tags.Count > 0 && tags[0] is "JJ" or "JJR" or "JJS" && !tags.Any(NounTags.Contains);
    }

    /// <summary>"negative", "given": the lexicon's first reading is an adjective or a past participle.</summary>
    public bool ReadsFirstAsModifier(string word)
    {
        var tags = lexicon.Tags(word.ToLowerInvariant());
        return tags.Count > 0 && tags[0] is "JJ" or "JJR" or "JJS" or "VBN" or "VBD";
    }

    /// <summary>"resulting", "generating", "given": the lexicon's first reading is a participle.</summary>
    public bool ReadsFirstAsParticiple(string word)
    {
        var tags = lexicon.Tags(word.ToLowerInvariant());
        return tags.Count > 0 && tags[0] is "VBG" or "VBN";
    }

    /// <summary>"items", "users": a plural noun and nothing else (a plural rarely modifies the next noun).</summary>
    public bool IsPluralOnly(string word)
    {
        var tags = lexicon.Tags(word.ToLowerInvariant());
        return tags.Count > 0 ? tags.All(t => t is "NNS" or "NNPS") : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal);
    }

    /// <summary>How many times per million spoken words the word occurs (0: not in everyday English).</summary>
    public double PerMillion(string word) => lexicon.PerMillion(word);

    public bool IsEverydayWord(string word) => lexicon.PerMillion(word) >= CommonPerMillion;

    /// <summary>The lexicon's first reading of the capitalised word is a proper noun ("Python", "Robert", "Jones").</summary>
    public bool IsKnownProperNoun(string word)
    {
        var tags = lexicon.Tags(word);
        return tags.Count > 0 && tags[0] is "NNP" or "NNPS";
    }

    public bool Knows(string word) => lexicon.Tags(word).Count > 0 || lexicon.Tags(word.ToLowerInvariant()).Count > 0;
}
