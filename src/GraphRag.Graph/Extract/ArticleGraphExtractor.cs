using System.Text.RegularExpressions;
using GraphRag.Graph.Extract.Lexicons;
using GraphRag.Graph.Model;
using GraphRag.Text;

namespace GraphRag.Graph.Extract;

/// <summary>
/// Turns one article into its <see cref="ArticleGraph"/>: sentences → candidate mentions (acronym
/// definitions, names, C-value terms) → non-overlapping mentions → entities resolved by normalised
/// key, acronym/expansion and the graph's existing aliases → typed and co-occurrence relations with
/// their sentences. Works offline; deterministic.
/// </summary>
public sealed partial class ArticleGraphExtractor
{
    private const int MaxMentionsForCoOccurrence = 8;

    /// <summary>
    /// Sentences of one article that must name a pair side by side before their co-occurrence is
    /// kept: a pair named together once is mostly chance (two terms of one example, a name and the
    /// word after it); one the article keeps naming together is a topic it treats. Chosen on the
    /// odd-numbered articles of corpus/ (bench/RESULTS.md, "graph quality").
    /// </summary>
    private const int MinCoOccurrenceSentences = 2;
    private const int MaxCoOccurrenceGap = 60;

    /// <summary>Letters each half of a glued pair of words has at least (<see cref="HasGluedWords"/>).</summary>
    private const int GluedWordLength = 6;
    private const int MaxEvidenceLength = 600;
    private readonly WordClasses _words;
    private readonly NameFinder _names;
    private readonly TermFinder _terms;

    public ArticleGraphExtractor(EnglishLexicon lexicon, TermFinder.Thresholds? thresholds = null)
    {
        _words = new WordClasses(lexicon);
        _names = new NameFinder(_words);
        _terms = new TermFinder(_words, thresholds);
    }

    public ArticleGraph Extract(ArticleInput article, IKnownEntities known)
    {
        RequireTextOrder(article.Chunks);
        var text = article.Text;
        var bylines = ChromeFilter.BylineKeys(text, article.Author);
        var nonProse = new NonProse(text);
        var quoted = QuotedExamples(text);
        var sentences = Sentences.Split(text).Where(s => !ChromeFilter.IsChrome(text.Substring(s.Start, s.Length)) && !nonProse.Excludes(new TextSpan(s.Start, s.Start + 1))).ToList();
        var tokens = sentences.Select(s => (IReadOnlyList<Word>)Words.Find(text, s).Where(w => !nonProse.Excludes(w.Span)).ToList()).ToList();
        var lowercaseWords = tokens.SelectMany(t => t).Where(t => char.IsLower(t.Text[0])).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var capitalisedMidSentence = tokens.SelectMany(t => t.Where((w, i) => w.IsCapitalised && !NameFinder.AtClauseStart(text, t, i))).Select(t => NameFinder.Bare(t.Text)).ToHashSet(StringComparer.Ordinal);

        var candidates = new List<(Candidate Candidate, int Sentence)>();
        var acronymPairs = new List<(string Acronym, string Expansion)>();
        for (var i = 0; i < sentences.Count; i++)
        {
            foreach (var definition in AcronymFinder.Find(text, sentences[i]))
            {
                candidates.Add((new Candidate(definition.AcronymSpan, definition.Acronym, CandidateKind.Acronym), i));
                candidates.Add((new Candidate(definition.ExpansionSpan, definition.Expansion, CandidateKind.Expansion), i));
                acronymPairs.Add((EntityKeys.Normalize(definition.Acronym), EntityKeys.Normalize(definition.Expansion)));
            }
            var isHeading = IsHeading(text, sentences[i].Start);
            candidates.AddRange(_names.Find(text, tokens[i], isHeading, offset => quoted[offset], nonProse.StartsCell, lowercaseWords,
                word => capitalisedMidSentence.Contains(word) || known.Find(EntityKeys.Normalize(word)) is not null).Select(c => (c, i)));
        }
        var listedTitles = new HashSet<int>();
        foreach (var title in WorkTitles.Find(text, nonProse))
        {
            listedTitles.Add(title.Start);
            var sentence = SentenceIndex(sentences, title.Start);
            if (sentences.Count == 0 || !sentences[sentence].Contains(title))
                continue;
            var surface = text[title.Start..title.End];
            candidates.Add((new Candidate(title, surface, CandidateKind.Title, EntityKeys.Normalize(surface, keepPlural: true)), sentence));
        }
        // A phrase the article only ever writes inside quoted example sentences ("‘… if it’s nice outside …’") is the example's, not a term of the notes.
        var terms = _terms.Find(text, tokens, nonProse, lowercaseWords, key => known.Find(key) is not null);
        var quotedOnly = terms.GroupBy(t => t.Key, StringComparer.Ordinal).Where(g => g.All(t => quoted[t.Span.Start])).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var term in terms.Where(t => !quotedOnly.Contains(t.Key)))
            candidates.Add((term, SentenceIndex(sentences, term.Span.Start)));

        var quotedStrings = QuotedStrings(text);
        var mentions = SelectMentions(candidates.Where(c => c.Candidate.Kind is CandidateKind.Acronym or CandidateKind.Title || !quotedStrings.Any(q => q.Start <= c.Candidate.Span.Start && c.Candidate.Span.End <= q.End)).ToList(), bylines, text.Length);
        var entities = Resolve(_words, mentions, acronymPairs, known, text, sentences);
        return Assemble(article, sentences, mentions, entities, listedTitles);
    }

    /// <summary>Longest span first; at equal spans the more specific finder wins. Overlaps are dropped.</summary>
    private List<(Candidate Candidate, int Sentence)> SelectMentions(List<(Candidate Candidate, int Sentence)> candidates, HashSet<string> bylines, int textLength)
    {
        var taken = new bool[textLength];
        var chosen = new List<(Candidate Candidate, int Sentence)>();
        foreach (var c in candidates
                     .Where(c => c.Candidate.Key.Length >= 2 && !bylines.Contains(c.Candidate.Key) && !IsNoise(c.Candidate))
                     .OrderByDescending(c => c.Candidate.Span.Length).ThenBy(c => c.Candidate.Kind).ThenBy(c => c.Candidate.Span.Start))
        {
            var span = c.Candidate.Span;
            if (Array.IndexOf(taken, true, span.Start, span.Length) >= 0)
                continue;
            Array.Fill(taken, true, span.Start, span.Length);
            chosen.Add(c);
        }
        return chosen.OrderBy(c => c.Candidate.Span.Start).ToList();
    }

    private bool IsNoise(Candidate candidate) =>
        Noise().IsMatch(candidate.Surface) || IsEverydayWord(candidate) || IsSubscripted(candidate.Surface) || HasGluedWords(candidate.Surface)
        || IsHyphenatedPhrase(candidate.Surface);

    /// <summary>"In-fact", "From-scratch": a capitalised phrase hyphenated behind a function word, not a name.</summary>
    private bool IsHyphenatedPhrase(string surface) =>
        !surface.Contains(' ') && char.IsUpper(surface[0]) && surface.IndexOf('-') is > 0 and var hyphen && _words.IsFunctionWord(surface[..hyphen]);

    /// <summary>
    /// "EngineeringPrinciples", "IterationHeight": two English words run together where cleaning lost
    /// a space (a heading glued to its text). Camel-case names join a short part or a name to a word
    /// ("LinkedIn", "PyTorch", "StackOverflow", "LayerNorm"); both halves long and ordinary they never are.
    /// </summary>
    private bool HasGluedWords(string surface)
    {
        foreach (var part in surface.Split(' '))
        {
            var humps = Enumerable.Range(1, Math.Max(0, part.Length - 1)).Where(i => char.IsUpper(part[i]) && char.IsLower(part[i - 1])).ToList();
            if (humps is [var at] && at >= GluedWordLength && part.Length - at >= GluedWordLength && part.All(char.IsLetter)
                && _words.Knows(part[..at].ToLowerInvariant()) && _words.Knows(part[at..].ToLowerInvariant()))
                return true;
        }
        return false;
    }

    /// <summary>
    /// "Wq", "Wk", "xW": a letter with a letter subscript, as the notes name weight matrices and
    /// vectors; two letters of mixed case that English does not know as a word.
    /// </summary>
    private bool IsSubscripted(string surface) =>
        surface.Length == 2 && surface.All(char.IsLetter) && char.IsUpper(surface[0]) != char.IsUpper(surface[1]) && !_words.Knows(surface);

    /// <summary>
    /// One everyday English word ("Heart", "Data", "Network", "Zero"), however it is capitalised: a
    /// name only when written as an acronym or code, or as part of a longer name.
    /// </summary>
    private bool IsEverydayWord(Candidate candidate) =>
        candidate.Kind is CandidateKind.ProperName or CandidateKind.Term
        && !candidate.Surface.Contains(' ') && !candidate.Surface.Contains('-')
        && _words.IsEverydayWord(NameFinder.Bare(candidate.Surface));

    private sealed class Group
    {
        public required string Key;
        public required string Name;
        public string? Type;
        public bool Known;
        public readonly List<string> Surfaces = [];
        public readonly List<CandidateKind> Kinds = [];
        public readonly List<int> Sentences = [];
    }

    private static Dictionary<string, Group> Resolve(WordClasses words, 
        List<(Candidate Candidate, int Sentence)> mentions, List<(string Acronym, string Expansion)> acronymPairs,
        IKnownEntities known, string text, List<TextSpan> sentences)
    {
        // Union-find over normalised keys: each acronym joins its expansion.
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string k) { while (parent.TryGetValue(k, out var p) && p != k) k = p; return k; }
        void Union(string a, string b) { var ra = Find(a); var rb = Find(b); if (ra != rb) parent[rb] = ra; }
        foreach (var m in mentions)
            parent.TryAdd(m.Candidate.Key, m.Candidate.Key);
        foreach (var (acronym, expansion) in acronymPairs)
        {
            parent.TryAdd(acronym, acronym);
            parent.TryAdd(expansion, expansion);
            Union(expansion, acronym);
        }

        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var byEntityKey = new Dictionary<string, Group>(StringComparer.Ordinal);
        var mentionsByKey = mentions.ToLookup(m => m.Candidate.Key, StringComparer.Ordinal);
        var expansions = acronymPairs.Select(p => p.Expansion).ToHashSet(StringComparer.Ordinal);
        foreach (var members in parent.Keys.GroupBy(Find))
        {
            var keys = members.ToList();
            var groupMentions = keys.SelectMany(k => mentionsByKey[k]).OrderBy(m => m.Candidate.Span.Start).ToList();
            if (groupMentions.Count == 0)
                continue;
            var existing = keys.Select(known.Find).FirstOrDefault(k => k is not null);
            var expansion = groupMentions.FirstOrDefault(m => expansions.Contains(m.Candidate.Key)).Candidate;
            var named = expansion ?? groupMentions.GroupBy(m => m.Candidate.Surface, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Count(char.IsUpper)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().First().Candidate;
            var key = existing?.Key ?? named.Key;
            // Two spellings that normalise to one key (or resolve to one known entity) are one entity.
            if (!byEntityKey.TryGetValue(key, out var group))
                byEntityKey[key] = group = new Group { Key = key, Name = existing?.Name ?? named.Surface, Type = existing?.Type, Known = existing is not null };
            foreach (var m in groupMentions)
            {
                group.Surfaces.Add(m.Candidate.Surface);
                group.Kinds.Add(m.Candidate.Kind);
                group.Sentences.Add(m.Sentence);
            }
            foreach (var k in keys)
                groups[k] = group;
        }
        foreach (var group in groups.Values.Distinct())
        {
            if (group.Type is not null)
                continue;
            var contexts = group.Sentences.Distinct().Select(s => text.Substring(sentences[s].Start, sentences[s].Length)).ToList();
            var kind = group.Kinds.GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            group.Type = EntityTypeClassifier.Classify(group.Name, kind, Category(group, contexts), contexts, words);
        }
        return groups;
    }

    /// <summary>What a sentence says the entity is: "X is a ranking metric" → "ranking metric".</summary>
    private static string? Category(Group group, List<string> contexts)
    {
        foreach (var context in contexts)
        {
            foreach (var surface in group.Surfaces.Distinct())
            {
                var at = context.IndexOf(surface + " is a", StringComparison.Ordinal);
                if (at < 0)
                    at = context.IndexOf(surface + ", a", StringComparison.Ordinal);
                if (at < 0)
                    continue;
                var match = CategoryPhrase().Match(context, at + surface.Length);
                if (match.Success)
                    return match.Groups["category"].Value;
            }
        }
        return null;
    }

    /// <param name="listedTitles">Where the titles of a reading list start: an entry names a work and its authors, it states nothing about them.</param>
    private static ArticleGraph Assemble(ArticleInput article, List<TextSpan> sentences, List<(Candidate Candidate, int Sentence)> mentions, Dictionary<string, Group> groups,
        HashSet<int> listedTitles)
    {
        var text = article.Text;
        var entityMentions = new List<EntityMention>();
        var bySentence = new Dictionary<int, List<(Candidate Candidate, Group Group)>>();
        foreach (var (candidate, sentence) in mentions)
        {
            var group = groups[candidate.Key];
            var span = sentences[sentence];
            foreach (var chunk in ChunksOf(article.Chunks, candidate.Span))
                entityMentions.Add(new EntityMention(group.Key, chunk, candidate.Span.Start, candidate.Span.End, span.Start, span.End));
            if (!bySentence.TryGetValue(sentence, out var list))
                bySentence[sentence] = list = [];
            list.Add((candidate, group));
        }

        var relations = new Dictionary<(string, string, string), List<EvidenceSentence>>();
        var coOccurrences = new Dictionary<(string, string), List<EvidenceSentence>>();
        foreach (var (index, inSentence) in bySentence)
        {
            var span = sentences[index];
            var chunksOfSentence = ChunksOf(article.Chunks, new TextSpan(span.Start, span.Start + 1));
            if (chunksOfSentence.Count == 0)
                continue;
            var chunk = chunksOfSentence[0];
            var evidence = new EvidenceSentence(chunk, span.Start, span.End,
                text.Substring(span.Start, Math.Min(span.Length, MaxEvidenceLength)));
            var typedPairs = new HashSet<(string, string)>();
            for (var i = 0; i + 1 < inSentence.Count; i++)
            {
                var (a, b) = (inSentence[i], inSentence[i + 1]);
                if (a.Group.Key == b.Group.Key)
                    continue;
                var between = text[a.Candidate.Span.End..b.Candidate.Span.Start];
                var after = text[b.Candidate.Span.End..Math.Min(span.End, b.Candidate.Span.End + 20)];
                var authorship = listedTitles.Contains(a.Candidate.Span.Start) ? null : Authorship(between, a.Group, b.Group);
                if ((RelationPatterns.Match(between, after, b.Candidate.Surface, text[span.Start..a.Candidate.Span.Start]) ?? authorship) is not { } typed)
                    continue;
                // "Google, Microsoft, and LinkedIn use X", "companies such as Amazon, Reddit and Quora":
                // the relation holds for every member of a list on either side.
                foreach (var left in Coordinated(text, inSentence, i, -1))
                {
                    foreach (var right in Coordinated(text, inSentence, i + 1, +1))
                    {
                        if (left == right || RelationPatterns.IsContrasted(text[span.Start..inSentence[left].Candidate.Span.Start]))
                            continue;
                        var (first, second) = (inSentence[left].Group.Key, inSentence[right].Group.Key);
                        if (first == second)
                            continue;
                        var (source, target) = typed.Reversed ? (second, first) : (first, second);
                        Add(source, target, typed.Type);
                        typedPairs.Add(Ordered(source, target));
                    }
                }
            }
            // Co-occurrence: neighbouring mentions only, close together, in sentences that do not list everything.
            if (inSentence.Select(m => m.Group.Key).Distinct(StringComparer.Ordinal).Count() <= MaxMentionsForCoOccurrence)
            {
                for (var i = 0; i + 1 < inSentence.Count; i++)
                {
                    var (a, b) = (inSentence[i], inSentence[i + 1]);
                    if (a.Group.Key == b.Group.Key || b.Candidate.Span.Start - a.Candidate.Span.End > MaxCoOccurrenceGap)
                        continue;
                    var pair = Ordered(a.Group.Key, b.Group.Key);
                    if (typedPairs.Contains(pair))
                        continue;
                    if (!coOccurrences.TryGetValue(pair, out var list))
                        coOccurrences[pair] = list = [];
                    if (list.Count == 0 || !ReferenceEquals(list[^1], evidence))
                        list.Add(evidence);
                }
            }

            void Add(string source, string target, string type)
            {
                if (!relations.TryGetValue((source, target, type), out var list))
                    relations[(source, target, type)] = list = [];
                // Only this sentence can have added its evidence already, and it would be the last one.
                if (list.Count == 0 || !ReferenceEquals(list[^1], evidence))
                    list.Add(evidence);
            }
        }

        var typedAnywhere = relations.Keys.Select(r => Ordered(r.Item1, r.Item2)).ToHashSet();
        foreach (var (pair, evidence) in coOccurrences)
            if (evidence.Count >= MinCoOccurrenceSentences && !typedAnywhere.Contains(pair))
                relations[(pair.Item1, pair.Item2, RelationTypes.CoOccurs)] = evidence;

        var related = relations.Keys.Where(r => r.Item3 != RelationTypes.CoOccurs).SelectMany(r => new[] { r.Item1, r.Item2 }).ToHashSet(StringComparer.Ordinal);
        var entities = groups.Values.Distinct()
            .Select(g => new GraphEntity(g.Key, g.Name, g.Type!,
                g.Surfaces.Prepend(g.Name).DistinctBy(EntityKeys.Normalize, StringComparer.Ordinal).ToList(),
                Tentative: IsTentative(g, related), Everyday: g.Kinds.All(k => k == CandidateKind.EverydayWord) && !g.Known))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        return new ArticleGraph(
            article.ArticleId,
            article.Chunks.Select(c => c.Id).ToList(),
            entities,
            entityMentions,
            relations.Select(r => new GraphRelation(r.Key.Item1, r.Key.Item2, r.Key.Item3, r.Value)).ToList());
    }

    /// <summary>
    /// A lower-case term named once, new to the graph and in no typed relation, whose head names no
    /// technical kind: another article must confirm it.
    /// </summary>
    private static bool IsTentative(Group group, HashSet<string> related) =>
        !group.Known && (group.Kinds is [CandidateKind.Term] || group.Kinds.All(k => k == CandidateKind.EverydayWord)) && !related.Contains(group.Key)
        && EntityTypeClassifier.FromName(group.Name) is null or EntityTypes.Organization or EntityTypes.Product;

    /// <summary>"Linear Algebra by Friedberg", "Einstein’s theory of relativity": a person and what they made.</summary>
    private static (string Type, bool Reversed)? Authorship(string between, Group first, Group second)
    {
        if (second.Type == EntityTypes.Person && first.Type is EntityTypes.Work or EntityTypes.Concept or EntityTypes.Method && ByAuthor().IsMatch(between))
            return (RelationTypes.Introduced, true);
        if (first.Type == EntityTypes.Person && second.Type == EntityTypes.Work && Possessive().IsMatch(between))
            return (RelationTypes.Introduced, false);
        return null;
    }

    // "Linear Algebra by Friedberg", "“The Brain That Changes Itself,” author Norman Doidge".
    [GeneratedRegex(@"^\s*[,”""]*\s*(?:by|author|written by)\s+$")]
    private static partial Regex ByAuthor();

    [GeneratedRegex(@"^['’]s\s+$")]
    private static partial Regex Possessive();

    /// <summary>
    /// The mention at <paramref name="from"/> and those listed with it, walking left (step −1) or right (+1) over ", ", "and", "or".
    /// A member that a relation pattern ties to its own neighbour beyond it belongs to another clause of the list: in "Input layer
    /// with 4 neurons, Middle layer with 3 neurons, and the Output layer with 2 neurons" the layers are not listed with the neurons.
    /// </summary>
    private static IEnumerable<int> Coordinated(string text, List<(Candidate Candidate, Group Group)> inSentence, int from, int step)
    {
        yield return from;
        for (var k = from; k + step >= 0 && k + step < inSentence.Count; k += step)
        {
            var (a, b) = step < 0 ? (inSentence[k + step], inSentence[k]) : (inSentence[k], inSentence[k + step]);
            if (!Coordination().IsMatch(text[a.Candidate.Span.End..b.Candidate.Span.Start]))
                yield break;
            var beyond = k + 2 * step;
            if (beyond >= 0 && beyond < inSentence.Count)
            {
                var (near, far) = step < 0 ? (inSentence[beyond], inSentence[k + step]) : (inSentence[k + step], inSentence[beyond]);
                if (RelationPatterns.Match(text[near.Candidate.Span.End..far.Candidate.Span.Start]) is not null)
                    yield break;
            }
            yield return k + step;
        }
    }

    private static (string, string) Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    /// <summary>The chunks that contain the span; the one overlapping it most when it straddles a boundary.</summary>
    /// <remarks>
    /// Chunks are in text order (starts and ends never decrease), so the ones that can touch the span
    /// form one run, found by binary search: a scan of every chunk per mention made extraction
    /// quadratic in the article's length.
    /// </remarks>
    private static List<long> ChunksOf(IReadOnlyList<ChunkSpan> chunks, TextSpan span)
    {
        var containing = new List<long>();
        long? best = null;
        var bestOverlap = 0;
        for (var i = FirstEndingAtOrAfter(chunks, span.Start); i < chunks.Count && chunks[i].Start <= span.End; i++)
        {
            var c = chunks[i];
            if (c.Start <= span.Start && span.End <= c.End)
                containing.Add(c.Id);
            else if (c.Start < span.End && span.Start < c.End && Math.Min(c.End, span.End) - Math.Max(c.Start, span.Start) is var overlap && overlap > bestOverlap)
                (best, bestOverlap) = (c.Id, overlap);
        }
        if (containing.Count == 0 && best is { } overlapping)
            containing.Add(overlapping);
        return containing;
    }

    private static int FirstEndingAtOrAfter(IReadOnlyList<ChunkSpan> chunks, int offset)
    {
        int lo = 0, hi = chunks.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (chunks[mid].End < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static void RequireTextOrder(IReadOnlyList<ChunkSpan> chunks)
    {
        for (var i = 1; i < chunks.Count; i++)
            if (chunks[i].Start < chunks[i - 1].Start || chunks[i].End < chunks[i - 1].End)
                throw new ArgumentException($"Chunk {chunks[i].Id} starts or ends before the chunk listed ahead of it: give an article's chunks in text order.");
    }

    /// <summary>A heading line ("## Nodes", "# 1. Requests (Yes, Really!)"): title case there says nothing about names.</summary>
    private static bool IsHeading(string text, int offset)
    {
        var lineStart = offset > 0 ? text.LastIndexOf('\n', offset - 1) + 1 : 0;
        return text[lineStart] == '#';
    }

    /// <summary>Characters inside a quotation of five words or more: an example sentence, whose names are the example's, not the notes'.</summary>
    private static bool[] QuotedExamples(string text)
    {
        var inside = new bool[text.Length + 1];
        foreach (Match m in Quotation().Matches(text))
            if (Words.Find(text, new TextSpan(m.Index, m.Index + m.Length)).Count >= 5)
                Array.Fill(inside, true, m.Index, m.Length);
        return inside;
    }

    // “…”, "…" and ‘…’ (where ’ followed by a letter is an apostrophe inside the quotation: ‘if it’s nice’); an opening ‘
    // left unclosed runs to the end of its line.
    [GeneratedRegex(@"“[^”\n]{3,400}”|""[^""\n]{3,400}""|‘(?:[^’\n]|’(?=\p{L})){3,400}(?:’|(?=\n)|$)")]
    private static partial Regex Quotation();

    /// <summary>
    /// The inner spans of short quotations, whose words a sentence mentions as strings ("we input “humpty
    /// dumpt”", "the words “humpty”, “dumpty”"): a quoted string is an example's text, not a thing
    /// the notes talk about, unless the words before it introduce it as a name ("called “dropout”").
    /// </summary>
    private static List<(int Start, int End)> QuotedStrings(string text)
    {
        var spans = new List<(int, int)>();
        foreach (Match m in ShortQuotation().Matches(text))
        {
            var inner = m.Groups["inner"];
            var before = text[Math.Max(0, m.Index - 30)..m.Index];
            if (!NameIntroduced().IsMatch(before))
                spans.Add((inner.Index, inner.Index + inner.Length));
        }
        return spans;
    }

    [GeneratedRegex(@"[“""](?<inner>[^”""\n]{1,60})[”""]")]
    private static partial Regex ShortQuotation();

    [GeneratedRegex(@"\b(?:called|known as|named|termed|dubbed|referred to as|term|so-called)\s+(?:an?\s+|the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NameIntroduced();

    private static int SentenceIndex(List<TextSpan> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (sentences[mid].Start <= offset) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    // ", ", "and", "or", ", and many more", ", the" ("the dendrites, the cell body, and the axon"): what joins the members of a list.
    [GeneratedRegex(@"^\s*(?:,|and|or|,\s*and|,\s*or)(?:\s+(?:many|several|some|other|more|most))*(?:\s+the)?\s*$")]
    private static partial Regex Coordination();

    // URL parts, numbers with units ("100MB", "175B-parameter", "10x"), roman numerals, dates.
    [GeneratedRegex(@"^(?:https?|www|com|html|png|jpg|gif|\d+[kKmM]?|[IVX]+)$|^\d[\d.,]*(?:[kmgtb]{1,2}|x|px|ms|s)?(?:$|[-\s])|^\d{4}-\d{2}", RegexOptions.IgnoreCase)]
    private static partial Regex Noise();

    [GeneratedRegex(@"\G(?:\s+is)?,?\s+an?\s+(?<category>(?:[\w-]+\s+){0,2}?[\w-]+?)(?=\s+(?:that|which|for|of|to|used|in|with|where|and|designed)\b|[,.;:]|$)")]
    private static partial Regex CategoryPhrase();
}
