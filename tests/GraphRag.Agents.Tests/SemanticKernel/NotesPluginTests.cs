using GraphRag.Agents.SemanticKernel;
using GraphRag.Agents.Tests.Support;
using GraphRag.Answer;
using GraphRag.Claims;
using GraphRag.Retrieve;
using Microsoft.SemanticKernel;

namespace GraphRag.Agents.Tests.SemanticKernel;

/// <summary>
/// The notes plugin through a real <see cref="Kernel"/> (kernel.InvokeAsync) over corpus/ ingested by the real
/// pipeline. Expected values: the titles and texts of the stored articles, read back from the same database,
/// and facts of the corpus itself (the NDCG article introduces NDCG as "the rank-aware metric"; "The Statistical
/// Significance Scam" says "157 times greater", dividing a share of all deaths by an individual risk).
/// </summary>
public sealed class NotesPluginTests(IngestedNotes notes)
{
    private const string NdcgTitle = "Normalized Discounted Cumulative Gain (NDCG)";
    private const string ScamTitle = "The Statistical Significance Scam";

    private readonly Kernel _kernel = notes.CreateKernel();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<T?> Invoke<T>(string function, KernelArguments arguments) =>
        _kernel.InvokeAsync<T>(NotesKernelExtensions.PluginName, function, arguments, Ct);

    [Fact]
    public void The_plugin_offers_five_described_functions_with_typed_parameters()
    {
        var plugin = _kernel.Plugins[NotesKernelExtensions.PluginName];
        Assert.Equal(
            [NotesTools.Ask, NotesTools.CheckClaims, NotesTools.EntityNeighbourhood, NotesTools.ReadArticle, NotesTools.Search],
            plugin.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(plugin, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));

        var search = plugin[NotesTools.Search].Metadata.Parameters;
        Assert.Equal(["query", "top", "mode"], search.Select(p => p.Name));
        Assert.Equal((typeof(string), true), (search[0].ParameterType, search[0].IsRequired));
        // Semantic Kernel keeps a default value as the text a model would write.
        Assert.Equal((typeof(int), false, "5"), (search[1].ParameterType, search[1].IsRequired, search[1].DefaultValue?.ToString()));
        Assert.All(search, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));

        var claims = plugin[NotesTools.CheckClaims].Metadata.Parameters;
        Assert.Equal([(typeof(long?), false), (typeof(bool), false)], claims.Select(p => (p.ParameterType, p.IsRequired)));
    }

    [Fact]
    public async Task Search_puts_the_NDCG_article_first_and_each_passage_is_the_slice_of_its_article_its_offsets_name()
    {
        var result = await Invoke<SearchResult>(NotesTools.Search, new() { ["query"] = "NDCG discounted cumulative gain", ["top"] = 3 });

        Assert.Equal(RetrievalModeNames.Hybrid, result!.Mode);
        Assert.Equal(3, result.Hits.Count);
        Assert.StartsWith(NdcgTitle, result.Hits[0].Title);
        foreach (var hit in result.Hits)
            Assert.Equal(notes.Store.GetArticle(hit.ArticleId)!.Text[hit.StartOffset..hit.EndOffset], hit.Text);
    }

    [Fact]
    public async Task Arguments_given_as_text_as_a_model_writes_them_are_converted_to_the_parameter_types()
    {
        var result = await Invoke<SearchResult>(NotesTools.Search, new() { ["query"] = "B-tree index", ["top"] = "2", ["mode"] = "graph" });
        Assert.Equal(RetrievalModeNames.Graph, result!.Mode);
        Assert.InRange(result.Hits.Count, 1, 2);
    }

    [Fact]
    public async Task Ask_answers_from_the_NDCG_article_citing_exact_quotes_that_slice_its_text()
    {
        var answer = await Invoke<GroundedAnswer>(NotesTools.Ask, new() { ["question"] = "What does NDCG measure in ranking?" });

        Assert.True(answer!.Found);
        Assert.Equal("extractive", answer.Method);
        Assert.Contains("[1]", answer.Text);
        Assert.StartsWith(NdcgTitle, answer.Citations[0].Title);
        Assert.Contains("the rank-aware metric", answer.Citations[0].Quote);
        foreach (var citation in answer.Citations)
        {
            Assert.Contains($"[{citation.N}]", answer.Text);
            Assert.Equal(citation.Quote, notes.Store.GetArticle(citation.ArticleId)!.Text[citation.StartOffset..citation.EndOffset]);
        }
    }

    [Fact]
    public async Task Ask_says_plainly_when_the_notes_do_not_answer()
    {
        var answer = await Invoke<GroundedAnswer>(NotesTools.Ask, new() { ["question"] = "What is the boiling point of liquid nitrogen?" });
        Assert.False(answer!.Found);
        // The refusal, then the closest the notes come, cited nowhere: it is not an answer.
        Assert.StartsWith(ExtractiveAnswerer.NotFound + " The closest they come is in “", answer.Text);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task A_question_with_no_words_fails_with_the_reason()
    {
        var error = await Assert.ThrowsAsync<QueryException>(() => Invoke<GroundedAnswer>(NotesTools.Ask, new() { ["question"] = "?! --" }));
        Assert.Contains("has no words to search for", error.Message);
    }

    [Fact]
    public async Task The_neighbourhood_of_NDCG_found_by_its_acronym_holds_the_rank_aware_metric_with_its_evidence()
    {
        var found = await Invoke<EntityNeighbourhood>(NotesTools.EntityNeighbourhood, new() { ["entity"] = "NDCG", ["hops"] = 1 });

        Assert.Equal("normalized discounted cumulative gain", found!.Entity.Key);
        Assert.Contains("NDCG", found.Entity.Aliases);
        Assert.Contains(found.Within, e => e.Name == "rank-aware metric" && e.Distance == 1);
        Assert.All(found.Within, e => Assert.Equal(1, e.Distance));
        var relation = Assert.Single(found.Entity.Neighbours, n => n.Name == "rank-aware metric");
        var ndcgArticle = notes.Article(NdcgTitle).Text;
        Assert.All(relation.Evidence, sentence => Assert.Contains(sentence, ndcgArticle));
    }

    [Fact]
    public async Task Two_hops_reach_further_than_one_and_keep_the_nearest_first()
    {
        var one = await Invoke<EntityNeighbourhood>(NotesTools.EntityNeighbourhood, new() { ["entity"] = "LLM", ["hops"] = 1, ["limit"] = 200 });
        var two = await Invoke<EntityNeighbourhood>(NotesTools.EntityNeighbourhood, new() { ["entity"] = "LLM", ["hops"] = 2, ["limit"] = 200 });
        Assert.Equal("Large Language Models", two!.Entity.Name);
        Assert.Superset(one!.Within.Select(e => e.Key).ToHashSet(), two.Within.Select(e => e.Key).ToHashSet());
        Assert.Contains(two.Within, e => e.Distance == 2);
        Assert.Equal(two.Within.OrderBy(e => e.Distance).Select(e => e.Key), two.Within.Select(e => e.Key));
    }

    [Fact]
    public async Task An_unknown_entity_is_an_error_that_names_it()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Invoke<EntityNeighbourhood>(NotesTools.EntityNeighbourhood, new() { ["entity"] = "Quarkonium spectroscopy" }));
        Assert.Contains("\"Quarkonium spectroscopy\"", error.Message);
    }

    [Fact]
    public async Task Checking_every_article_finds_the_157_times_claim_flagged_as_an_incommensurable_ratio()
    {
        var report = await Invoke<ClaimsCheck>(NotesTools.CheckClaims, new());

        Assert.True(report!.FlaggedOnly);
        Assert.Equal(notes.Store.Counts().Articles, report.Articles);
        Assert.All(report.Claims, c => Assert.NotEmpty(c.Flags));
        var times = Assert.Single(report.Claims, c => c.Text.Contains("157 times greater"));
        Assert.Equal((ClaimKind.TimesMore, ScamTitle), (times.Kind, times.Title));
        // 11% of all deaths divided by a 0.07% individual risk: the checker traces both figures to their denominators.
        Assert.Contains(ClaimFlag.IncommensurableRatio, times.Flags);
        Assert.Equal(times.Text, notes.Store.GetArticle(times.ArticleId)!.Text[times.StartOffset..times.EndOffset]);
    }

    [Fact]
    public async Task Checking_one_article_without_the_flag_filter_lists_all_its_claims()
    {
        var scam = notes.Article(ScamTitle);
        var all = await Invoke<ClaimsCheck>(NotesTools.CheckClaims, new() { ["articleId"] = scam.Id, ["flaggedOnly"] = false });
        var flagged = await Invoke<ClaimsCheck>(NotesTools.CheckClaims, new() { ["articleId"] = scam.Id });

        Assert.Equal(1, all!.Articles);
        Assert.All(all.Claims, c => Assert.Equal(scam.Id, c.ArticleId));
        Assert.Equal(ClaimFinder.Find(scam.Text).Count, all.Claims.Count);
        Assert.Equal(all.Claims.Where(c => c.Flags.Count > 0).Select(c => c.StartOffset), flagged!.Claims.Select(c => c.StartOffset));
        Assert.True(flagged.Claims.Count < all.Claims.Count);
    }

    [Fact]
    public async Task A_cancelled_call_stops_with_the_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        KernelArguments[] calls =
        [
            new() { ["query"] = "ranking" },
            new() { ["question"] = "What does NDCG measure in ranking?" },
            new() { ["entity"] = "NDCG" },
            new(),
        ];
        string[] functions = [NotesTools.Search, NotesTools.Ask, NotesTools.EntityNeighbourhood, NotesTools.CheckClaims];
        for (var i = 0; i < calls.Length; i++)
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                _kernel.InvokeAsync(NotesKernelExtensions.PluginName, functions[i], calls[i], cancelled.Token));
    }

    [Fact]
    public async Task Reading_an_article_gives_its_text_or_the_range_asked_for()
    {
        var article = notes.Article(NdcgTitle);
        var whole = await Invoke<ArticleText>(NotesTools.ReadArticle, new() { ["id"] = article.Id });
        Assert.Equal((article.Title, article.Text, article.Text.Length), (whole!.Title, whole.Text, whole.Length));

        var part = await Invoke<ArticleText>(NotesTools.ReadArticle, new() { ["id"] = article.Id, ["start"] = 10, ["end"] = 60 });
        Assert.Equal((10, 60, article.Text[10..60]), (part!.Start, part.End, part.Text));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Invoke<ArticleText>(NotesTools.ReadArticle, new() { ["id"] = article.Id, ["start"] = 5, ["end"] = article.Text.Length + 1 }));
        Assert.Contains($"≤ {article.Text.Length}", error.Message);
        Assert.Equal($"No article has id 987654.",
            (await Assert.ThrowsAsync<ArgumentException>(() => Invoke<ArticleText>(NotesTools.ReadArticle, new() { ["id"] = 987654L }))).Message);
    }
}
