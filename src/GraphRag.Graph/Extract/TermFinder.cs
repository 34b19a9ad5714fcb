using System.Text.RegularExpressions;
using GraphRag.Graph.Extract.Lexicons;
using GraphRag.Text;

namespace GraphRag.Graph.Extract;

/// <summary>
/// Technical terms written in lower case. Noun phrases are cut from each sentence at function
/// words, adverbs, verbs and punctuation (a finite verb right after a noun and before its object
/// ends the phrase: "the ranking model | ranks the items"); their sub-phrases that end in a noun are
/// candidates. A multi-word candidate is a term by the C-value of Frantzi, Ananiadou and Mima (2000)
/// over this article's occurrences (C(a) = log2|a| · (f(a) − mean f of the longer candidates
/// containing it)) seen at least twice, or, seen once, when it is a whole noun phrase of at most
/// three words whose head names a kind of technical thing or that holds a word rare in everyday
/// English. A single word is a term when everyday English rarely uses it ("neuron", "sparsity",
/// "tokenization") and the article uses it at least twice in lower case. A phrase the graph already
/// knows is a term on one occurrence.
/// </summary>
public sealed partial class TermFinder(WordClasses words, TermFinder.Thresholds? thresholds = null)
{
    /// <param name="MinimumCValue">C-value a repeated multi-word candidate needs.</param>
    /// <param name="RarePerMillion">A word used less often than this in everyday English (per million words) is specific enough to head a term.</param>
    /// <param name="RareWordPerMillion">A single word must be rarer still to be a term on its own.</param>
    /// <param name="MaximumWords">Longest term, in words.</param>
    public sealed record Thresholds(double MinimumCValue = 2.0, double RarePerMillion = 10.0, double RareWordPerMillion = 2.0, int MaximumWords = 4);

    private readonly Thresholds _limits = thresholds ?? new Thresholds();

    /// <summary>Nouns so general that on their own they name nothing in particular, however rare in speech.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "user", "users", "item", "items", "data", "input", "inputs", "output", "outputs", "value", "values", "code", "file", "files", "app",
        "apps", "post", "posts", "article", "articles", "step", "steps", "result", "results", "approach", "system", "systems", "process",
        "task", "tasks", "tool", "tools", "series", "section", "example", "examples", "detail", "details", "option", "options", "feature",
        "features", "element", "elements", "component", "components", "parameter", "parameters", "function", "variable", "variables",
        "dimension", "dimensions", "category", "categories", "concept", "concepts", "method", "methods", "technique", "techniques",
        "model", "models", "algorithm", "algorithms", "information", "structure", "implementation", "performance", "version", "versions",
        "topic", "topics", "context", "content", "insight", "insights", "overview", "tutorial", "guide", "chapter", "blog", "newsletter",
        "subscriber", "subscribers", "reader", "readers", "author", "developer", "developers", "product", "products", "platform",
        "ecosystem", "library", "libraries", "framework", "frameworks", "technology", "technologies", "toolkit", "snippet", "script",
        "scripts", "utility", "workflow", "number", "numbers", "percent", "percentage", "dataset", "datasets", "metric", "metrics",
        "image", "images", "video", "videos", "text", "texts", "word", "words", "sentence", "sentences", "document", "documents",
        "page", "pages", "link", "links", "website", "websites", "email", "analysis", "analyses", "study", "studies", "paper", "papers",
        "calculation", "calculations", "computation", "computations", "idea", "ideas", "application", "applications", "solution", "solutions", "instance", "instances", "entry", "entries",
        // People by role and plain qualities: what a text is written by or for, not about.
        "graph", "chart", "charts", "plot", "plots", "figure", "figures", "diagram", "diagrams", "screenshot", "screenshots",
        "researcher", "researchers", "scientist", "scientists", "engineer", "engineers", "student", "students", "beginner", "beginners",
        "expert", "experts", "practitioner", "practitioners", "colleague", "colleagues", "people", "simplicity", "clarity", "mechanism", "mechanisms",
        // Numbers written as words ("around 100 trillion connections … trillions").
        "hundreds", "thousands", "millions", "billions", "trillions",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "down", "up", "out", "off", "into", "through", "over", "them", "it", "its", "their", "each", "every", "all",
    };

    /// <summary>Words after which a verb's base form is that verb: modals, and verbs that take a bare infinitive ("help answer", "let run").</summary>
    private static readonly HashSet<string> BeforeBareVerb = new(StringComparer.OrdinalIgnoreCase)
    {
        "can", "cannot", "could", "will", "would", "shall", "should", "must", "might", "help", "helps", "helped", "helping", "let", "lets",
    };

    /// <summary>
    /// "large scale medical testing", "real time systems": an adjective and a noun written open as one modifier; the noun
    /// belongs to the adjective the phrase cut off, not to the term that follows.
    /// </summary>
    private static readonly HashSet<(string Adjective, string Noun)> OpenCompoundModifiers =
    [
        ("large", "scale"), ("small", "scale"), ("full", "scale"), ("long", "term"), ("short", "term"), ("real", "time"),
        ("high", "level"), ("low", "level"), ("top", "level"),
    ];

    /// <param name="lowercaseWords">Words the article writes in lower case: written with a capital elsewhere ("how Attention works"), they are still its common nouns.</param>
    public List<Candidate> Find(string text, IReadOnlyList<IReadOnlyList<Word>> sentences, NonProse nonProse, ISet<string> lowercaseWords, Func<string, bool> isKnown)
    {
        var occurrences = new Dictionary<string, List<(TextSpan Span, string Surface)>>(StringComparer.Ordinal);
        var wholePhrases = new HashSet<string>(StringComparer.Ordinal);
        var lowercaseCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tokens in sentences)
        {
            foreach (var phrase in NounPhrases(text, tokens, nonProse, lowercaseWords))
            {
                wholePhrases.Add(EntityKeys.Normalize(Surface(text, phrase)));
                // "the log loss function": a generic last word adds nothing to the name before it, which stands as a whole phrase too.
                if (phrase.Count >= 3 && IsGeneric(phrase[^1].Text.ToLowerInvariant()))
                    wholePhrases.Add(EntityKeys.Normalize(Surface(text, phrase[..^1])));
                for (var n = 1; n <= Math.Min(_limits.MaximumWords, phrase.Count); n++)
                {
                    for (var s = 0; s + n <= phrase.Count; s++)
                    {
                        var part = phrase.GetRange(s, n);
                        if (!IsTermShape(part))
                            continue;
                        var surface = Surface(text, part);
                        var key = EntityKeys.Normalize(surface);
                        if (!occurrences.TryGetValue(key, out var list))
                            occurrences[key] = list = [];
                        list.Add((new TextSpan(part[0].Start, part[^1].End), surface));
                        if (n == 1 && char.IsLower(part[0].Text[0]))
                            lowercaseCount[key] = lowercaseCount.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }
        var frequency = occurrences.ToDictionary(kv => kv.Key, kv => kv.Value.Count, StringComparer.Ordinal);
        var containing = ContainingFrequencies(frequency);
        var kept = new List<Candidate>();
        foreach (var (key, list) in occurrences)
        {
            var isTerm = isKnown(key) || (key.Contains(' ')
                ? IsMultiWordTerm(key, frequency[key], containing.GetValueOrDefault(key), wholePhrases.Contains(key))
                : IsSingleWordTerm(list[0].Surface, lowercaseCount.GetValueOrDefault(key)));
            if (isTerm)
                kept.AddRange(list.Select(o => new Candidate(o.Span, o.Surface, CandidateKind.Term)));
            else if (!key.Contains(' ') && IsEverydayNoun(list[0].Surface, lowercaseCount.GetValueOrDefault(key)))
                kept.AddRange(list.Select(o => new Candidate(o.Span, o.Surface, CandidateKind.EverydayWord)));
        }
        return kept;
    }

    private bool IsMultiWordTerm(string key, int frequency, List<int>? containing, bool isWholePhrase)
    {
        var parts = key.Split(' ');
        // "responsible for generating text", "start generating text": a participle before a generic noun is a verb and its object, however often written.
        if (parts.Length == 2 && IsGeneric(parts[1]) && words.ReadsFirstAsParticiple(parts[0]))
            return false;
        if (frequency >= 2 && CValue(key, frequency, containing) >= _limits.MinimumCValue)
            return true;
        // Seen once, a phrase must stand alone, not open with an everyday adjective ("excellent libraries",
        // "complex datasets") and have a head that names a technical kind or is itself rare ("flappy bird game" is a game).
        // A generic head ("negative values", "given values", "resulting value") needs more than an everyday adjective or a participle in front.
        return isWholePhrase && parts.Length <= 3 && !(words.IsAdjectiveOnly(parts[0]) && words.IsEverydayWord(parts[0]))
               && !(IsGeneric(parts[^1]) && ((words.IsEverydayWord(parts[0]) && words.ReadsFirstAsModifier(parts[0])) || words.ReadsFirstAsParticiple(parts[0])))
               && (HasTypedHead(key) || IsRare(parts[^1]));
    }

    /// <summary>
    /// "attention", "loss": an everyday noun the article repeats, only ever a noun, not generic. It is a
    /// candidate the notes decide on: an entity when it heads several of their terms (<see cref="EntitySalience"/>).
    /// </summary>
    private bool IsEverydayNoun(string surface, int lowercaseOccurrences)
    {
        var word = surface.ToLowerInvariant();
        var tags = words.Lexicon.Tags(word);
        return lowercaseOccurrences >= 2 && !Generic.Contains(word) && !Generic.Contains(EntityKeys.Normalize(word)) && word.Length > 3
               && words.IsEverydayWord(word) && tags.Count > 0 && tags.All(t => t is "NN" or "NNS");
    }

    private bool IsSingleWordTerm(string surface, int lowercaseOccurrences)
    {
        var word = surface.ToLowerInvariant();
        if (Generic.Contains(word) || Generic.Contains(EntityKeys.Normalize(word)) || lowercaseOccurrences < 2)
            return false;
        // A word that can also be a verb ("decrease", "coding") is a term only inside a longer one.
        if (words.Lexicon.Tags(word) is [ "VBG", .. ] || words.Lexicon.Tags(word).Any(t => t is "VB" or "VBP" or "VBG"))
            return false;
        return word.Contains('-') ? word.Split('-').All(p => p.Length >= 2) && words.IsNounLike(word) : IsRare(word, _limits.RareWordPerMillion);
    }

    private static bool IsGeneric(string word) => Generic.Contains(word) || Generic.Contains(EntityKeys.Normalize(word));

    /// <summary>Rare in everyday English, singular and plural counted together ("neuron" and "neurons").</summary>
    private bool IsRare(string word) => IsRare(word, _limits.RarePerMillion);

    private bool IsRare(string word, double threshold)
    {
        if (words.Lexicon.IsEmpty || Generic.Contains(word) || word.Length <= 3)
            return false;
        var singular = EntityKeys.Normalize(word);
        var perMillion = words.PerMillion(singular) + (singular == word ? words.PerMillion(word + "s") : words.PerMillion(word));
        return perMillion < threshold;
    }

    /// <param name="containing">Frequencies of the longer candidates that contain the term; null when none.</param>
    public static double CValue(string key, int frequency, List<int>? containing)
    {
        var length = key.Split(' ', '-').Length;
        var nested = containing is null ? 0 : containing.Average();
        return Math.Log2(length) * (frequency - nested);
    }

    /// <summary>A phrase whose head word names a kind of technical thing ("statistical analysis", "ranking metric").</summary>
    private static bool HasTypedHead(string key) => EntityTypeClassifier.FromHead(key) is not null and not Model.EntityTypes.Organization;

    /// <summary>For every candidate, the frequencies of the longer candidates it is a contiguous part of.</summary>
    private static Dictionary<string, List<int>> ContainingFrequencies(Dictionary<string, int> frequency)
    {
        var containing = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (key, f) in frequency)
        {
            var parts = key.Split(' ');
            var nested = new HashSet<string>(StringComparer.Ordinal);
            for (var n = 1; n < parts.Length; n++)
                for (var s = 0; s + n <= parts.Length; s++)
                    nested.Add(string.Join(' ', parts, s, n));
            foreach (var part in nested.Where(frequency.ContainsKey))
            {
                if (!containing.TryGetValue(part, out var list))
                    containing[part] = list = [];
                list.Add(f);
            }
        }
        return containing;
    }

    /// <summary>Maximal stretches of adjacent lower-case content words, cut where a finite verb follows a noun.</summary>
    private IEnumerable<List<Word>> NounPhrases(string text, IReadOnlyList<Word> tokens, NonProse nonProse, ISet<string> lowercaseWords)
    {
        var run = new List<Word>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var content = IsContentWord(text, t, NameFinder.AtClauseStart(text, tokens, i) || lowercaseWords.Contains(t.Text.ToLowerInvariant())) && !nonProse.Excludes(t.Span) && !OpensParticipleClause(text, tokens, i) && !IsBareVerb(tokens, i)
                          && !(i > 0 && OpenCompoundModifiers.Contains((tokens[i - 1].Text.ToLowerInvariant(), t.Text.ToLowerInvariant())));
            var adjacent = run.Count == 0 || (t.Start - run[^1].End == 1 && text[run[^1].End] == ' ');
            var verbAfterNoun = run.Count > 0 && content && !IsCountedPlural(text, run[0], t) && (IsVerbBeforeNumber(text, tokens, i) || IsVerbHere(text, tokens, i));
            if (!adjacent || !content || verbAfterNoun)
            {
                if (run.Count > 0)
                    yield return run;
                run = [];
                if (!content || verbAfterNoun)
                    continue;
            }
            run.Add(t);
        }
        if (run.Count > 0)
            yield return run;
    }

    /// <summary>"operations on vectors that help answer similarity questions": after a modal or "help", a base-form reading is the verb.</summary>
    private bool IsBareVerb(IReadOnlyList<Word> tokens, int i) =>
        i > 0 && BeforeBareVerb.Contains(tokens[i - 1].Text) && words.Lexicon.Tags(tokens[i].Text.ToLowerInvariant()).Contains("VB");

    /// <summary>"96 attention heads with …", "12 decoder blocks of …": after a count, a plural noun reading ends the phrase it counts.</summary>
    private bool IsCountedPlural(string text, Word phraseStart, Word word) =>
        IsPluralLooking(word.Text) && words.Lexicon.Tags(word.Text.ToLowerInvariant()).Contains("NNS") && CountBefore().IsMatch(text.AsSpan(Math.Max(0, phraseStart.Start - 24), Math.Min(24, phraseStart.Start)));

    [GeneratedRegex(@"(?:^|\s)\d[\d,.]*\s+$")]
    private static partial Regex CountBefore();

    /// <summary>"the sigmoid function outputs 1", "the model returns 0.9": an -s form after a singular noun, before a number, is its verb.</summary>
    private bool IsVerbBeforeNumber(string text, IReadOnlyList<Word> tokens, int i) =>
        i > 0 && IsPluralLooking(tokens[i].Text) && !IsPluralLooking(tokens[i - 1].Text)
        && NumberAfter().IsMatch(text.AsSpan(tokens[i].End, Math.Min(12, text.Length - tokens[i].End)));

    [GeneratedRegex(@"^\s+[-+]?\d")]
    private static partial Regex NumberAfter();

    /// <summary>
    /// "generating" in "Neural networks process words, generating word embeddings": a present participle
    /// right after a comma opens a clause with its object, it does not modify the noun after it.
    /// </summary>
    private bool OpensParticipleClause(string text, IReadOnlyList<Word> tokens, int i) =>
        i > 0 && tokens[i].Text.EndsWith("ing", StringComparison.Ordinal) && text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).Trim().SequenceEqual(",")
        && words.Lexicon.Tags(tokens[i].Text).Contains("VBG");

    /// <summary>"ranks" in "the ranking model ranks the items": a finite verb reading followed by what a verb takes.</summary>
    private bool IsVerbHere(string text, IReadOnlyList<Word> tokens, int i)
    {
        var word = tokens[i].Text;
        // "the loss function is …", "a loss function.": a verb's base form cannot follow a singular noun as its
        // subject ("the model ranks", never "the model rank"), so there a word read as a base form or a noun is a noun.
        var tags = words.Lexicon.Tags(word.ToLowerInvariant());
        if (i > 0 && !IsPluralLooking(tokens[i - 1].Text) && tags.Any(t => t is "VB" or "VBP") && !tags.Any(t => t is "VBZ" or "VBD" or "VBN"))
            return false;
        if (words.PrefersFiniteVerb(word) && !words.IsModifier(word))
            return true;
        // "the retrieval model funnels down …": a plural-looking word right after a singular noun, before a particle or an article.
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && i > 0 && !tokens[i - 1].Text.EndsWith('s')
            && i + 1 < tokens.Count && Particles.Contains(tokens[i + 1].Text))
            return true;
        if (!words.CanBeFiniteVerb(word))
            return false;
        // "when working with sigmoid functions, we cannot …": a comma ends the phrase; the function word after it starts another clause.
        return i + 1 >= tokens.Count || ((words.IsFunctionWord(tokens[i + 1].Text) || Lexicon.Stopwords.Contains(tokens[i + 1].Text)) && !PunctuationBetween(text, tokens[i], tokens[i + 1]));
    }

    private static readonly System.Buffers.SearchValues<char> ClausePunctuation = System.Buffers.SearchValues.Create(",;:.!?");

    private static bool PunctuationBetween(string text, Word a, Word b) => text.AsSpan(a.End, b.Start - a.End).IndexOfAny(ClausePunctuation) >= 0;

    private static bool IsPluralLooking(string word) => word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal);

    private bool IsContentWord(string text, Word t, bool sentenceStart)
    {
        var w = t.Text;
        if (w.Length < 2 || !char.IsLetter(w[0]) || NonProse.IsIdentifier(text, t))
            return false;
        if (!(char.IsLower(w[0]) || (sentenceStart && char.IsUpper(w[0]))) || !w.Skip(1).All(c => char.IsLower(c) || c == '-'))
            return false;
        return !Lexicon.IsFunctionOrVerb(w) && !words.IsFunctionWord(w) && !words.IsAdverb(w) && !words.IsVerbOnly(w);
    }

    /// <summary>Ends in a noun; starts with no bare participle or plural ("computed values", "items ranked").</summary>
    private bool IsTermShape(List<Word> part)
    {
        var first = part[0].Text;
        var last = part[^1].Text;
        if (!words.IsNounLike(last) || words.IsAdjectiveOnly(last))
            return false;
        return part.Count == 1 || !((first.EndsWith("ed", StringComparison.Ordinal) && !words.IsModifier(first))
                                    || words.IsPluralOnly(first));
    }

    private static string Surface(string text, List<Word> part) => text[part[0].Start..part[^1].End];
}
