using System.Text.RegularExpressions;
using GraphRag.Retrieve.Lexical;
using GraphRag.Store;
using GraphRag.Text;

namespace GraphRag.Answer;

/// <summary>An article (or a series of them) a question names: "the neural networks series".</summary>
/// <param name="Phrase">The words that name it, as the question wrote them.</param>
public sealed record NamedSource(string Phrase, IReadOnlySet<long> ArticleIds);

/// <summary>
/// Finds the notes a question names as its sources ("according to the neural networks series and the
/// transformers by hand tutorial"): a phrase "the … series / article / tutorial / guide / post …" whose
/// every word stands in an article's title names that article (all the parts of a series). A question
/// that names two sources asks what each says, so each gets its own evidence.
/// </summary>
public static partial class NamedSources
{
    /// <param name="titles">Read only when the question has a phrase that could name an article: most questions have none.</param>
    public static IReadOnlyList<NamedSource> Find(string question, Func<IReadOnlyList<ArticleStore.ArticleTitle>> titles)
    {
        var phrases = SourcePhrase().Matches(question);
        if (phrases.Count == 0)
            return [];
        var sources = new List<NamedSource>();
        var titleStems = titles().Select(t => (t.Id, Stems: Stems(t.Title))).ToList();
        foreach (Match match in phrases)
        {
            var words = Stems(match.Groups["name"].Value);
            if (words.Count == 0)
                continue;
            var ids = titleStems.Where(t => words.IsSubsetOf(t.Stems)).Select(t => t.Id).ToHashSet();
            if (ids.Count > 0)
                sources.Add(new NamedSource(match.Value, ids));
        }
        return sources;
    }

    /// <summary>
    /// The question without the phrases that name its sources ("What does ReLU do according to and ?"); the question as
    /// it is when it names none, or when nothing searchable is left ("What is in the neural networks series?").
    /// </summary>
    public static string Without(string question, IReadOnlyList<NamedSource> sources)
    {
        var rest = Spaces().Replace(sources.Aggregate(question, (q, s) => q.Replace(s.Phrase, " ", StringComparison.Ordinal)), " ").Trim();
        return QueryTerms.Extract(rest).Any(t => !StopWords.Contains(t)) ? rest : question;
    }

    /// <summary>Stems of the content words, hyphenated words split ("from-scratch" is "from" and "scratch").</summary>
    private static HashSet<string> Stems(string text) => Words.Of(text)
        .SelectMany(w => w.Split('-'))
        .Select(w => w.ToLowerInvariant())
        .Where(w => w.Length > 0 && !StopWords.Contains(w))
        .Select(Stemmer.Stem)
        .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\bthe (?<name>(?:[\w’'-]+ ){1,6}?)(?:series|article|articles|post|posts|tutorial|guide|newsletter|paper|piece|blog|essay|chapter)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SourcePhrase();
}
