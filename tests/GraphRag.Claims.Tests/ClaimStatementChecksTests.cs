using GraphRag.Answer;
using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using GraphRag.Ingest.Reading;
using GraphRag.Retrieve;
using GraphRag.Store;
using GraphRag.Tests;

namespace GraphRag.Claims.Tests;

/// <summary>
/// The claims checker serving answers, on a real database holding corpus/000 ("The Statistical
/// Significance Scam"): the figures it works out become evidence, and the statement it disputes is no
/// answer. Expected figures are arithmetic on the article's own counts: 59/45 = 1.311 (relative risk),
/// (59 − 45)/10,000 = 0.14 percentage points (absolute difference), as the checker's own tests verify
/// against R's prop.test/fisher.test.
/// </summary>
public sealed class ClaimStatementChecksTests : IAsyncLifetime
{
    private const string RelativeRiskQuestion = "What does a relative risk of 1.31 mean in absolute terms?";
    private const string CountsSentence = "45 were diagnosed with bowel cancer, while it was 59";
    private const string MisreadSentence = "For example, a p-value of 0.05 means there’s a 5% chance of seeing these data points";

    private readonly TempDirectory _dir = new();
    private GraphRagDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = new GraphRagDatabase(_dir.File("notes.db"));
        var summary = await new IngestionPipeline(_database, new ArticleReader(), new ChunkingOptions())
            .IngestAsync([TestPaths.Repo("corpus", "000_780133d0fff5ec0d.txt")], cancellationToken: Ct);
        Assert.Equal(0, summary.Failed);
    }

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    private ArticleStore Store => new(_database);

    private PassageSearch Search => new(
        RetrievalComposition.Compose(new RetrievalOptions { Mode = RetrievalModeNames.Lexical }, _database, dense: null, graph: null, unavailable: []), Store);

    private StoredArticle Article => Store.ListArticles().Single(a => a.Title == "The Statistical Significance Scam");

    [Fact]
    public void Works_out_the_relative_and_absolute_risk_of_the_sentence_that_states_the_counts()
    {
        var article = Article;
        var checks = new ClaimStatementChecks(Store).InArticles([article.Id]);

        var counts = checks.Where(c => article.Text[c.Start..c.End].Contains(CountsSentence, StringComparison.Ordinal) && c.Figures is not null).ToList();
        Assert.NotEmpty(counts);
        Assert.Contains(counts, c => c.Figures!.Contains("relative risk 1.31", StringComparison.Ordinal)
            && c.Figures.Contains("absolute risk difference 0.14 percentage points", StringComparison.Ordinal));
        Assert.All(counts, c => Assert.False(c.Disputed));
    }

    [Fact]
    public void Disputes_the_sentence_that_reads_a_p_value_as_the_chance_the_result_is_chance()
    {
        var article = Article;
        var checks = new ClaimStatementChecks(Store).InArticles([article.Id, 999_999]);

        var misread = checks.Where(c => article.Text[c.Start..c.End].StartsWith(MisreadSentence, StringComparison.Ordinal)).ToList();
        Assert.Contains(misread, c => c.Disputed);
        // The sentence that says what significance does not mean is a correction, not a misreading.
        Assert.DoesNotContain(checks, c => c.Disputed && article.Text[c.Start..c.End].Contains("does not mean ‘There is Y% chance", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_cites_the_counts_for_a_relative_risk_the_notes_only_imply_and_shows_the_worked_out_figures()
    {
        var checks = new ClaimStatementChecks(Store);
        var with = (await new ExtractiveAnswerer(Search, statementChecks: checks, store: Store)
            .AnswerToEndAsync(new Question(RelativeRiskQuestion), Ct)).Answer;
        var without = (await new ExtractiveAnswerer(Search, store: Store).AnswerToEndAsync(new Question(RelativeRiskQuestion), Ct)).Answer;

        Assert.True(with.Found, with.Text);
        var cited = Assert.Single(with.Citations, c => c.Quote.Contains(CountsSentence, StringComparison.Ordinal));
        var check = Assert.Single(with.Checks, c => c.Citation == cited.N && c.Figures is not null);
        Assert.Contains("relative risk 1.31", check.Figures, StringComparison.Ordinal);
        // Without the checker the notes share no word with the question there: the counts go uncited.
        Assert.DoesNotContain(without.Citations, c => c.Quote.Contains(CountsSentence, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_about_p_values_does_not_quote_the_disputed_misreading_as_its_answer()
    {
        const string question = "Why is a p-value not the probability that a claim is true?";
        var with = (await new ExtractiveAnswerer(Search, statementChecks: new ClaimStatementChecks(Store), store: Store)
            .AnswerToEndAsync(new Question(question), Ct)).Answer;
        var without = (await new ExtractiveAnswerer(Search, store: Store).AnswerToEndAsync(new Question(question), Ct)).Answer;

        Assert.Contains(without.Citations, c => c.Quote.StartsWith(MisreadSentence, StringComparison.Ordinal));
        Assert.DoesNotContain(with.Citations, c => c.Quote.StartsWith(MisreadSentence, StringComparison.Ordinal));
    }
}
