using GraphRag.Graph.Extract.Lexicons;
using GraphRag.Text;

namespace GraphRag.Graph.Extract;

/// <summary>
/// Named things by their spelling: code-like tokens ("NDCG", "GPT-3", "PyTorch", "word2vec") and
/// runs of capitalised words, which may include acronyms and initials ("Claude Shannon", "Graph
/// RAG", "George F. Simmons"). Capitals prove nothing at a sentence start, in a heading, or on a
/// word English uses every day: such words count only where the article (or the graph) shows them
/// to be names. Adverbs, interjections, demonyms used as adjectives ("Indian names"), month names,
/// identifiers and one-word names inside a quoted example sentence are never names.
/// </summary>
public sealed partial class NameFinder(WordClasses words)
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "de", "van", "von", "der", "la" };

    /// <summary>"Machine Learning Lifecycle From …": a capitalised preposition or conjunction ends no name, it starts what follows.</summary>
    private static readonly HashSet<string> TrailingLinks = new(StringComparer.Ordinal) { "From", "To", "In", "On", "At", "For", "With", "By", "And", "Or", "Of", "The", "A", "An", "Vs" };

    /// <summary>"OpenAI CEO Sam Altman": a role between two names belongs to neither; it ends the one before it and starts no name.</summary>
    private static readonly HashSet<string> RoleTitles = new(StringComparer.Ordinal) { "CEO", "CTO", "CFO", "COO", "CIO", "CSO", "VP", "SVP", "EVP" };

    private static readonly HashSet<string> Calendar = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
    };

    /// <param name="lowercaseWords">Words the article also writes in lower case.</param>
    /// <param name="isNameElsewhere">Whether a capitalised word is shown to be a name outside this position (mid-sentence elsewhere, or known to the graph).</param>
    /// <param name="inLongQuote">Whether an offset lies inside a quoted example sentence.</param>
    /// <param name="startsCell">Whether a word at an offset stands in a table cell apart from the word before it (<see cref="NonProse.StartsCell"/>).</param>
    public IEnumerable<Candidate> Find(string text, IReadOnlyList<Word> tokens, bool isHeading, Func<int, bool> inLongQuote, Func<int, bool> startsCell,
        ISet<string> lowercaseWords, Func<string, bool> isNameElsewhere)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (NonProse.IsIdentifier(text, token) || RoleTitles.Contains(token.Text))
                continue;
            if (token.IsCodeLike && !IsContraction(token.Text) && !(token.IsCapitalised && i + 1 < tokens.Count && tokens[i + 1].IsCapitalised && !RoleTitles.Contains(tokens[i + 1].Text) && Adjacent(text, token, tokens[i + 1])))
            {
                if (!Lexicon.Stopwords.Contains(token.Text) && !IsEmphasis(token.Text, isNameElsewhere))
                    yield return new Candidate(new TextSpan(token.Start, token.End), token.Text,
                        AcronymFinder.IsShortForm(token.Text) ? CandidateKind.Acronym : CandidateKind.CodeLike);
                continue;
            }
            if (isHeading || !token.IsCapitalised)
                continue;
            var end = RunEnd(text, tokens, i, startsCell);
            var start = i;
            if (CopulaTitleEnd(text, tokens, end, startsCell) is { } titleEnd)
            {
                while (start < end && words.IsFunctionWord(tokens[start].Text.ToLowerInvariant()))
                    start++;
                i = titleEnd;
                var copulaTitle = text[tokens[start].Start..tokens[titleEnd].End];
                yield return new Candidate(new TextSpan(tokens[start].Start, tokens[titleEnd].End), copulaTitle, CandidateKind.Title, EntityKeys.Normalize(copulaTitle, keepPlural: true));
                continue;
            }
            i = end;
            if (IsTitle(tokens, start, end))
            {
                var title = text[tokens[start].Start..tokens[end].End];
                yield return new Candidate(new TextSpan(tokens[start].Start, tokens[end].End), title, CandidateKind.Title, EntityKeys.Normalize(title, keepPlural: true));
                continue;
            }
            var clauseStart = AtClauseStart(text, tokens, start);
            // "Handling Long Sequences: …", "Step 3: Positional Encoding: …", "Chapters Catalogue:": a title-case label opening a clause, not a name.
            if (clauseStart && tokens[end].End < text.Length && text[tokens[end].End] == ':')
                continue;
            // A capital right after an opening article or other function word ("A Closer Look at …", "The Transformer was …")
            // proves as little as one at the clause start itself.
            while (start <= end && IsOrdinaryAt(clauseStart && !IsFirstName(tokens[start].Text, start < end), tokens[start].Text, lowercaseWords, isNameElsewhere))
            {
                clauseStart = clauseStart && words.IsFunctionWord(Bare(tokens[start].Text));
                start++;
            }
            if (start > end)
                continue;
            var run = tokens.Skip(start).Take(end - start + 1).ToList();
            // "AND I", "OR I": words that name nothing, in capitals for emphasis.
            if (run.All(t => words.IsFunctionWord(Bare(t.Text).ToLowerInvariant())))
                continue;
            // "Doctor A", "Doctor B": a word and a single letter name a placeholder of an example, not someone.
            if (run.Count > 1 && Bare(run[^1].Text) is [var letter] && char.IsUpper(letter))
                continue;
            if (run.Count == 1 && !IsName(text, tokens, start, inLongQuote(run[0].Start), lowercaseWords, isNameElsewhere))
                continue;
            var parts = run.Select(t => t.Text).ToList();
            parts[^1] = Bare(parts[^1]);
            var surface = text[run[0].Start..(run[^1].End - (run[^1].Text.Length - parts[^1].Length))];
            if (surface.Length >= 2 && !surface.All(char.IsDigit))
                yield return new Candidate(new TextSpan(run[0].Start, run[0].Start + surface.Length), surface, CandidateKind.ProperName,
                    EntityKeys.Normalize(surface, keepPlural: !IsPluralNoun(parts[^1])));
        }
    }

    /// <summary>
    /// "Attention Is All You Need", "the book Maxims for Thinking Analytically": three or more words
    /// in title case that hold a capitalised function word, or follow a word that announces a work.
    /// </summary>
    private bool IsTitle(IReadOnlyList<Word> tokens, int start, int end)
    {
        if (end - start < 2)
            return false;
        if (Enumerable.Range(start + 1, end - start - 1).Any(k => tokens[k].IsCapitalised && words.IsFunctionWord(tokens[k].Text)))
            return true;
        return start > 0 && WorkCues.Contains(tokens[start - 1].Text);
    }

    /// <summary>
    /// "described in Attention is All You Need", "Language Models are Few-Shot Learners paper": capitalised words, a lower-case
    /// "is" or "are", then two or more capitalised words make one title (a sentence would not capitalise what follows its verb).
    /// The last word of that title, or null.
    /// </summary>
    private static int? CopulaTitleEnd(string text, IReadOnlyList<Word> tokens, int end, Func<int, bool> startsCell)
    {
        var copula = end + 1;
        if (copula + 2 >= tokens.Count || tokens[copula].Text is not ("is" or "are") || Bare(tokens[end].Text) != tokens[end].Text
            || !Adjacent(text, tokens[end], tokens[copula]) || !Adjacent(text, tokens[copula], tokens[copula + 1]) || !tokens[copula + 1].IsCapitalised)
            return null;
        var last = RunEnd(text, tokens, copula + 1, startsCell);
        return last >= copula + 2 && Bare(tokens[last].Text) == tokens[last].Text ? last : null;
    }

    /// <summary>
    /// The last word of the capitalised run that starts at <paramref name="first"/>: the words that continue it, up to a
    /// table cell of its own, less the connectors, links and initials that cannot end a name ("Lifecycle From", "of", "J.").
    /// </summary>
    private static int RunEnd(string text, IReadOnlyList<Word> tokens, int first, Func<int, bool> startsCell)
    {
        var end = first;
        while (end + 1 < tokens.Count && !startsCell(tokens[end + 1].Start) && Continues(text, tokens, end + 1))
            end++;
        while (end > first && (Connectors.Contains(tokens[end].Text) || TrailingLinks.Contains(tokens[end].Text) || IsInitial(text, tokens[end])))
            end--;
        return end;
    }

    private static readonly HashSet<string> WorkCues = new(StringComparer.OrdinalIgnoreCase) { "book", "paper", "titled", "entitled", "essay", "novel", "course" };

    /// <summary>A word written with a capital only because of where it stands, or one English uses every day.</summary>
    private bool IsOrdinaryAt(bool atClauseStart, string word, ISet<string> lowercaseWords, Func<string, bool> isNameElsewhere)
    {
        var bare = Bare(word);
        // "MS MARCO", "IT": capitals spell an acronym, even of a function word's letters.
        if (bare.Length >= 2 && bare.All(char.IsUpper))
            return false;
        if (Lexicon.Stopwords.Contains(bare) || IsContraction(word) || bare.Length < 2 || words.IsAdverb(bare) || words.IsFunctionWord(bare) || Calendar.Contains(bare))
            return true;
        if (!atClauseStart)
            return false;
        // An ordinary word at a sentence start stays ordinary even where another article made it an entity.
        if (Lexicon.Verbs.Contains(bare) || words.IsEverydayWord(bare) || (words.Knows(bare) && !words.IsKnownProperNoun(bare)))
            return true;
        return !isNameElsewhere(bare) && lowercaseWords.Contains(bare.ToLowerInvariant());
    }

    /// <summary>
    /// "Josh Hazlewood", "Pat Cummins" opening a line: a word the lexicon reads first as a proper noun, before another
    /// capitalised word of the name, is a first name even where English also uses it as a word ("josh", "pat").
    /// </summary>
    private bool IsFirstName(string word, bool beforeAnotherWord) =>
        beforeAnotherWord && words.IsKnownProperNoun(word) && !Lexicon.Verbs.Contains(word) && !words.IsFunctionWord(word);

    /// <summary>A one-word name: not a sentence-initial or quoted ordinary word, not a demonym before its noun.</summary>
    private bool IsName(string text, IReadOnlyList<Word> tokens, int index, bool inLongQuote, ISet<string> lowercaseWords, Func<string, bool> isNameElsewhere)
    {
        var word = Bare(tokens[index].Text);
        if (inLongQuote && !isNameElsewhere(word))
            return false;
        // "Heart disease" in a table header of an article that writes "heart disease": a common noun.
        if (lowercaseWords.Contains(word.ToLowerInvariant()) && words.Knows(word.ToLowerInvariant()))
            return false;
        // "Indian names", "English text": an adjective reading before a lower-case noun.
        if (index + 1 < tokens.Count && !tokens[index + 1].IsCapitalised && Adjacent(text, tokens[index], tokens[index + 1])
            && words.Lexicon.Tags(word).Contains("JJ") && words.IsNounLike(tokens[index + 1].Text))
            return false;
        if (!AtClauseStart(text, tokens, index))
            return true;
        return isNameElsewhere(word) || (index == 0 && StartsList(text, tokens));
    }

    /// <summary>The first word of a sentence or of what follows a colon ("Reset gradients: Resets the …"): a capital there proves nothing.</summary>
    public static bool AtClauseStart(string text, IReadOnlyList<Word> tokens, int index) =>
        index == 0 || text.AsSpan(tokens[index - 1].End, tokens[index].Start - tokens[index - 1].End).Contains(':');

    /// <summary>"Google, Microsoft …", "Spotify and Netflix …": a capitalised first word listed with another capitalised word.</summary>
    private static bool StartsList(string text, IReadOnlyList<Word> tokens) =>
        tokens.Count > 2 && tokens[1].Text is "and" or "or" ? tokens[2].IsCapitalised
            : tokens.Count > 1 && text[tokens[0].End] == ',' && tokens[1].IsCapitalised;

    /// <summary>"GOAT", "NOT": an everyday word in capitals for emphasis, unless the notes define or know it.</summary>
    private bool IsEmphasis(string token, Func<string, bool> isNameElsewhere) =>
        token.All(c => char.IsUpper(c) || !char.IsLetter(c)) && token.All(char.IsLetter) && words.PerMillion(token) >= 2 && !isNameElsewhere(token);

    /// <summary>"Graphs" is the plural of a noun; "Jones" and "Simmons" are not plurals of anything.</summary>
    private bool IsPluralNoun(string word)
    {
        var lower = word.ToLowerInvariant();
        if (!lower.EndsWith('s') || words.Lexicon.IsEmpty || word.Skip(1).Any(char.IsUpper) || words.Lexicon.Tags(lower).Contains("NNS"))
            return true;
        return words.Lexicon.Tags(lower).Count == 0
               && (words.Lexicon.Tags(lower[..^1]).Contains("NN") || PluralEnding().IsMatch(lower));
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?:ings|ions|ments|ities|ers|ors|ures|ics|ces|ses|tes|ves|ies)$")]
    private static partial System.Text.RegularExpressions.Regex PluralEnding();

    /// <summary>"Einstein’s" → "Einstein".</summary>
    public static string Bare(string word) =>
        word.EndsWith("’s", StringComparison.Ordinal) || word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;

    private static bool IsContraction(string word) =>
        (word.Contains('’') || word.Contains('\'')) && Bare(word) == word;

    /// <summary>"F." in "George F. Simmons".</summary>
    private static bool IsInitial(string text, Word word) =>
        word.Text.Length == 1 && char.IsUpper(word.Text[0]) && word.End < text.Length && text[word.End] == '.';

    private static bool Adjacent(string text, Word a, Word b)
    {
        var gap = b.Start - a.End;
        return gap == 1 ? text[a.End] == ' ' : gap == 2 && IsInitial(text, a) && text[a.End + 1] == ' ';
    }

    private static bool Continues(string text, IReadOnlyList<Word> tokens, int index)
    {
        var t = tokens[index];
        var previous = tokens[index - 1];
        if (!Adjacent(text, previous, t) || Bare(previous.Text) != previous.Text || RoleTitles.Contains(t.Text))
            return false;
        if (t.IsCapitalised)
            return true;
        return Connectors.Contains(t.Text) && index + 1 < tokens.Count && tokens[index + 1].IsCapitalised && Adjacent(text, t, tokens[index + 1]);
    }
}
