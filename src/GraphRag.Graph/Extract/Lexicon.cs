using GraphRag.Text;

namespace GraphRag.Graph.Extract;

/// <summary>Closed word lists the finders share: function words and common verbs/adjectives that never end or start a term.</summary>
public static class Lexicon
{
    /// <summary>The function words (<see cref="StopWords"/>) and the generic words that start or end no technical term.</summary>
    public static readonly HashSet<string> Stopwords = new(StopWords.All, StringComparer.OrdinalIgnoreCase)
    {
        "but", "nor", "neither", "either", "following", "else", "without", "onto", "over", "under", "between", "through", "during", "before", "after", "above", "below", "up", "down", "out", "off", "too", "very", "no", "yes", "been", "being", "am", "did", "done", "having", "shall", "may", "might", "must", "those", "it's", "us", "he", "him", "his", "she", "her", "here", "whom", "whose", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "only", "own", "same", "just", "also", "now", "even", "still", "yet", "again", "ever", "never", "always", "often", "once", "while", "because", "although", "though", "whether", "via", "per", "let", "let's", "i'm", "you're", "we're", "don't", "doesn't", "isn't", "can't", "one", "two", "three", "four", "five", "first", "second", "third", "many", "much", "lot", "lots", "well", "like", "however", "therefore", "thus", "hence", "instead", "rather", "really", "actually", "simply", "something", "anything", "everything", "nothing", "someone", "everyone", "way", "ways", "thing", "things", "kind", "sort", "part", "lot", "time", "times", "day", "days", "year", "years", "example", "case", "cases", "number", "new", "good", "better", "best", "great", "big", "small", "large", "high", "low", "different", "similar", "important", "certain", "several", "various", "every", "another", "next", "last", "able", "sure", "whole", "right", "left", "possible", "real", "true", "false", "less", "least", "enough", "within", "across",
        // Evaluative and generic adjectives and adverbs: they start no technical term ("modern search engines" → "search engines").
        "modern", "recent", "common", "simple", "basic", "popular", "typical", "traditional", "key", "main", "specific", "general", "special", "particular", "actual", "entire", "overall", "huge", "larger", "smaller", "bigger", "contemporary", "previous", "immediate", "primary", "paramount", "rigorous", "shocking", "tasty", "fancy", "forever", "together", "already", "away", "back", "ahead", "quite", "prof", "dr", "mr", "mrs", "ms", "sir", "usually", "various", "whose", "powerful", "useful", "easy", "hard", "difficult", "interesting",
        // Adjectives that count, order or grade rather than classify, working like determiners: "a single linear classifier" and
        // "multiple linear classifiers" are linear classifiers, "an elegant method" is a method.
        "single", "multiple", "additional", "further", "final", "initial", "current", "usual", "tiny", "extra", "elegant", "tedious",
        "straightforward", "clever", "amazing", "awesome", "boring", "excellent", "ingenious", "horrendous", "brilliant", "remarkable",
        "impressive", "fascinating", "beautiful", "nice", "neat",
    };

    /// <summary>Verbs and adverbs that split noun-phrase candidates.</summary>
    public static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "use", "uses", "used", "make", "makes", "made", "get", "gets", "got", "take", "takes", "took", "give", "gives", "gave", "see", "sees", "saw", "seen", "know", "known", "think", "want", "wants", "need", "needs", "needed", "show", "shows", "showed", "shown", "find", "finds", "found", "help", "helps", "helped", "allow", "allows", "allowed", "provide", "provides", "provided", "become", "becomes", "became", "say", "says", "said", "call", "called", "work", "works", "worked", "try", "tried", "keep", "keeps", "run", "runs", "ran", "put", "mean", "means", "meant", "look", "looks", "seem", "seems", "go", "goes", "went", "come", "comes", "create", "creates", "created", "build", "builds", "built", "write", "writes", "wrote", "written", "read", "reads", "return", "returns", "returned", "include", "includes", "included", "including", "based", "introduced", "introduces", "outperforms", "measures", "measured", "consists", "contains", "requires", "required", "based", "compared", "called", "named", "known", "explore", "explores", "explain", "explains", "learn", "learns", "learned", "apply", "applied", "applies", "compute", "computes", "computed", "calculate", "calculates", "calculated", "ensure", "ensures", "enable", "enables", "lead", "leads", "led", "let", "lets", "consider", "considered", "perform", "performs", "performed", "produce", "produces", "produced", "capture", "captures", "captured", "change", "changes", "changed", "handle", "handles", "handling", "train", "trains",
    };

    /// <summary>Words that cannot start an acronym's expansion.</summary>
    public static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "are", "was", "were", "this", "that", "these", "those", "it", "its", "we", "our", "you", "your", "they", "their", "which", "who", "called", "named",
    };

    public static bool IsFunctionOrVerb(string word) => Stopwords.Contains(word) || Verbs.Contains(word) || word.EndsWith("ly", StringComparison.OrdinalIgnoreCase);
}
