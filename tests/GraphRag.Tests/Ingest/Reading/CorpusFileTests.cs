using System.Collections.Concurrent;
using GraphRag.Ingest;
using GraphRag.Ingest.Reading;

namespace GraphRag.Tests.Ingest.Reading;

/// <summary>
/// Every file of corpus/ (the user's notes, committed in the repository): how many articles it
/// holds and their exact titles, counted from the files themselves (the shell command that counts
/// them is written beside each list), and that no site chrome survives cleaning.
/// </summary>
public sealed class CorpusFileTests
{
    private static readonly ArticleReader Reader = new();
    private static readonly ConcurrentDictionary<string, ReadReport> Reports = new();

    /// <summary>Reading is deterministic, so each file is read once for all the checks on it.</summary>
    private static ReadReport Read(string prefix) => Reports.GetOrAdd(prefix, p =>
        Reader.Read(Directory.GetFiles(TestPaths.Repo("corpus"), p + "_*.txt").Single()));

    private static string AllText(ReadReport report) =>
        string.Join("\n", report.Articles.Select(a => $"{a.Title}\n{a.Author}\n{a.Text}"));

    [Fact]
    public void Bundle_file_000_holds_eleven_articles_each_once()
    {
        var report = Read("000");
        Assert.Equal("bundle", report.Format);
        // grep -c '^Title: ' gives 22 records; every second one is the repeat under
        // "## Visual Content Analysis" (grep '^Title: ' | awk 'NR%2==1' lists the 11 originals).
        // Titles lose the publication suffix (" - Towards Data Science", " | Towards Data Science",
        // " - Stackademic") and the "| by Author |" byline.
        Assert.Equal(
        [
            "The Statistical Significance Scam",
            "Normalized Discounted Cumulative Gain (NDCG) — The Ultimate Ranking Metric",
            "To Index or Not to Index",
            "Python is No More The King of Data Science",
            "20 Python Scripts To Automate Your Daily Tasks",
            "5 Overrated Python Libraries (And What You Should Use Instead)",
            "LLMs from Scratch Using Middle School Math",
            "How to Query a Knowledge Graph with LLMs using gRAG",
            "I Built an AI App in 4 Days — here’s how I did it",
            "Top Data Science Career Questions, Answered",
            "Kickstart Your Data Science Journey — A Guide for Aspiring Data Scientists",
        ], report.Articles.Select(a => a.Title));
        Assert.Equal(11, report.DuplicatesDropped);
    }

    [Fact]
    public void Bundle_articles_carry_publication_author_and_date_outside_the_text()
    {
        var articles = Read("000").Articles;
        var ai = articles.Single(a => a.Title.StartsWith("I Built an AI App", StringComparison.Ordinal));
        // From "## The Data Entrepreneurs", "| by Shaw Talebi |" and "Published Time: 2024-10-30T18:08:44.118Z".
        Assert.Equal("The Data Entrepreneurs", ai.Source);
        Assert.Equal("Shaw Talebi", ai.Author);
        Assert.Equal("2024-10-30", ai.Published);
        Assert.DoesNotContain("Shaw Talebi", ai.Text);
        Assert.Equal(["Towards Data Science", "Stackademic", "Python In Plain English", "The Data Entrepreneurs"],
            articles.Select(a => a.Source).Distinct());
        var scam = articles[0];
        Assert.StartsWith("## A detailed look into the flaws of science’s favorite tool\n\nStatistical significance is like the drive-thru", scam.Text);
        Assert.Contains("\n## Flaw 1: It’s made up\n", scam.Text);
    }

    [Theory]
    [InlineData("Sign up")]
    [InlineData("Sign in")]
    [InlineData("Recommended from Medium")]
    [InlineData("More from")]
    [InlineData("See all from")]
    [InlineData("Written by")]
    [InlineData("·Follow")]
    [InlineData("Create an account")]
    [InlineData("min read")]
    [InlineData("Member-only")]
    [InlineData("[](")]
    [InlineData("source: unsplash.com")]
    [InlineData("Image by author")]
    [InlineData("Visual Content Analysis")]
    [InlineData("Image Analysis")]
    [InlineData("Markdown Content:")]
    [InlineData("URL Source:")]
    [InlineData("Date fetched")]
    [InlineData("# Bundle")]
    [InlineData("-----")]
    public void Bundle_chrome_does_not_survive(string chrome) => Assert.DoesNotContain(chrome, AllText(Read("000")));

    [Theory]
    [InlineData("Follow")]
    [InlineData("Listen")]
    [InlineData("Share")]
    [InlineData("2.3K")]
    [InlineData("305")]
    [InlineData("Stackademic")]
    [InlineData("Abdur Rahman")]
    public void Bundle_chrome_lines_do_not_survive(string line) =>
        Assert.DoesNotContain(line, Read("000").Articles.SelectMany(a => a.Text.Split('\n')));

    [Fact]
    public void Bundle_keeps_the_story_that_the_repeat_garbled()
    {
        // The repeat of "LLMs from Scratch" lost "<SEP\>" to a stray "### Image Analysis" line; the first copy is kept.
        var llms = Read("000").Articles.Single(a => a.Title == "LLMs from Scratch Using Middle School Math");
        Assert.Contains("know that <SEP> is the separator token", llms.Text);
    }

    [Fact]
    public void Slide_deck_001_holds_the_eleven_posts()
    {
        var report = Read("001");
        Assert.Equal("slide-deck", report.Format);
        // grep -cE '^[^/]+ / (January|…|December) [0-9]+, [0-9]{4}$' gives 11 byline lines; each title is the
        // line above its byline, and "From Linear to Logistic –" wraps onto "Sigmoid Curve and Log Loss".
        Assert.Equal(
        [
            "Hello LLMs!",
            "How a Machine Learns",
            "How a Machine Learns – Part 2",
            "From Linear to Logistic – Sigmoid Curve and Log Loss",
            "Neural Networks – Part 1",
            "Neural Networks – Part 2",
            "Neural Networks – Part 3",
            "Embeddings – Part 1",
            "Embeddings – Part 2",
            "Attention is all you need – Part 1",
            "Attention is all you need – Part 2",
        ], report.Articles.Select(a => a.Title));
        Assert.Equal(0, report.DuplicatesDropped);
        Assert.All(report.Articles, a => Assert.Equal("Jana Vembunarayanan", a.Author));
        Assert.Equal(["2023-10-03", "2023-10-10", "2023-10-15", "2023-10-22", "2023-11-04", "2023-11-06",
            "2023-11-12", "2023-11-23", "2023-12-02", "2023-12-23", "2023-12-27"], report.Articles.Select(a => a.Published));
    }

    [Theory]
    [InlineData("Slide 1 of")]
    [InlineData("Slide ")]
    [InlineData("Follow Blog via Email")]
    [InlineData("other subscribers")]
    [InlineData("Enter your email address")]
    [InlineData("Select Month")]
    [InlineData("Archives")]
    [InlineData("Home About")]
    [InlineData("Mastering the best of what other people have already figured out.")]
    [InlineData("Valuation Warren Buffett")]
    [InlineData("Related posts")]
    [InlineData("thoughts on")]
    [InlineData("Tags: LLM")]
    [InlineData("Powered by")]
    [InlineData("views81 views")]
    [InlineData("← ")]
    [InlineData("Thanks so much Jana")]
    [InlineData("About This Presentation")]
    public void Slide_deck_chrome_does_not_survive(string chrome) => Assert.DoesNotContain(chrome, AllText(Read("001")));

    [Fact]
    public void Slide_deck_lines_are_joined_into_paragraphs_and_superscripts_restored()
    {
        var posts = Read("001").Articles;
        Assert.StartsWith(
            "When you are having trouble getting your thinking straight, consider an extreme or simple case. This will often give you the insight needed to move forward.\n\n",
            posts[0].Text);
        var learns = posts[1].Text;
        // Printed as "s = t." with a lone "2" on the next line, and "s = tis a nonlinear function".
        Assert.Contains("Consider the nonlinear function s = t². It describes", learns);
        Assert.Contains("s = t² is a nonlinear function", learns);
        Assert.Contains("a nonlinear function y = x². I made four points", learns);
        Assert.Contains("\n## Nonlinear functions and the idea of a derivative\n", learns);
        Assert.DoesNotContain("\n2\n", learns);
        Assert.Contains("0.0000001 (0.2)¹⁰. Since the gradient", posts[10].Text);
    }

    [Fact]
    public void Feed_002_holds_nine_items_after_dropping_the_repeated_one()
    {
        var report = Read("002");
        Assert.Equal("feed", report.Format);
        // grep -c '^Originally appeared here:$' gives 10 items, each titled by the line after the marker;
        // the first two ("How I Self-Study Data Science") are the same item twice.
        Assert.Equal(
        [
            "How I Self-Study Data Science",
            "Prompt Engineering for Coding Tasks",
            "Exploratory Data Analysis: Lost Property Items on the Transport of London",
            "Seven Requisite Skills for Navigating from Data Science to Applications",
            "Using Python to Explore and Understand Equations in Petrophysics",
            "Deep Dive into Transformers by Hand ✍︎",
            "Enhancing Readability of Python Code via Annotations",
            "Cost-effective document classification using the Amazon Titan Multimodal Embeddings Model",
            "How to Train a Decision Tree Classifier… In SQL",
        ], report.Articles.Select(a => a.Title));
        Assert.Equal(1, report.DuplicatesDropped);
        var teaser = report.Articles[0];
        Assert.Equal("My techniques and methods for learning data science and technical fields", teaser.Text);
        var full = report.Articles[5];
        Assert.Equal("Towards Data Science", full.Source);
        Assert.StartsWith("There has been a new development in our neighborhood.\n\n", full.Text);
        Assert.Contains("\n## [1] Obtain attention weight matrix A\n", full.Text);
        // An item saved with no teaser keeps its title as text, so it can still be found.
        Assert.Equal(report.Articles[7].Title, report.Articles[7].Text);
    }

    [Theory]
    [InlineData("Go Here to Read this Fast")]
    [InlineData("Originally appeared here")]
    [InlineData("was originally published in")]
    [InlineData("where people are continuing the conversation")]
    public void Feed_chrome_does_not_survive(string chrome) => Assert.DoesNotContain(chrome, AllText(Read("002")));

    [Fact]
    public void Newsletter_003_is_one_issue_with_its_author_and_date()
    {
        var report = Read("003");
        Assert.Equal("newsletter", report.Format);
        // One issue: the title is the line after the newsletter's name, repeated above "Published Jan 26, 2024".
        var issue = Assert.Single(report.Articles);
        Assert.Equal("The Brains Behind LLMs: An Introductory Guide to Transformers and Attention Mechanisms", issue.Title);
        Assert.Equal("Data Science Dojo", issue.Author);
        Assert.Equal("2024-01-26", issue.Published);
        Assert.Equal("This Week in The Data-Driven Dispatch", issue.Source);
        Assert.StartsWith("Welcome to Data Science Dojo's weekly newsletter", issue.Text);
        Assert.EndsWith("Until we meet again, take care!", issue.Text);
        Assert.Contains("\n## Understanding the Transformer Model: A Step-by-Step Process\n", issue.Text);
    }

    [Theory]
    [InlineData("+ Follow")]
    [InlineData("\nLike\n")]
    [InlineData("\nComment\n")]
    [InlineData("\nShare\n")]
    [InlineData("6 Comments")]
    [InlineData("data science dojo\n")]
    [InlineData("data sciencedojo")]
    [InlineData("data science for everyone")]
    [InlineData("Read: ")]
    [InlineData("Read more")]
    [InlineData("Source: AnalyticsVidhya")]
    [InlineData("To view or add a comment")]
    [InlineData("More articles by this author")]
    [InlineData("Others also viewed")]
    [InlineData("Explore topics")]
    [InlineData("Cookie Policy")]
    [InlineData("Tricia Paige Bagley")]
    [InlineData("](#)")]
    public void Newsletter_chrome_does_not_survive(string chrome) =>
        Assert.DoesNotContain(chrome, Read("003").Articles.Single().Text, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Markdown_004_holds_one_article_per_discussion_question_with_mojibake_repaired()
    {
        var report = Read("004");
        Assert.Equal("markdown-sections", report.Format);
        // The 11 numbered entries under "## Discussion Questions" (grep -E '^[0-9]+\. \[' ), each linking to
        // an anchor (#a1 … #a11) that opens a section of links and notes below: each section is an article.
        Assert.Equal(
        [
            "LLMs and their usage",
            "Finding clusters K means — Are You Still Using the Elbow Method?",
            "ML model deployment",
            "ChatGPT era - reinvent yourself",
            "Maths for ML/DS/DL/AI",
            "Transformer Study and Tutorials",
            "3D object study, representation, deep learning",
            "Numpy",
            "GPUs",
            "Management",
            "Deep Learning Study",
        ], report.Articles.Select(a => a.Title));
        Assert.Equal(0, report.DuplicatesDropped);
        var llms = report.Articles[0];
        Assert.StartsWith("## Difference between LLMs\n\nLLMs, Microsoft partnership\nAs a preamble", llms.Text);
        Assert.Contains("♠ ChatGPT is dumb for computation.\n♥ LLMs suck", llms.Text);
        Assert.Contains("(in a positive way 😜 )", llms.Text);
        Assert.Contains("Learn To Implement Papers: Beginner’s Guide", report.Articles[10].Text);
        Assert.Equal("https://towardsdatascience.com/are-you-still-using-the-elbow-method-5d271b3063bd", report.Articles[1].Source);
    }

    [Theory]
    [InlineData("‚Äî")]
    [InlineData("‚Äô")]
    [InlineData("‚Ä")]
    [InlineData("\uF8FF")]
    [InlineData("<span")]
    [InlineData("<br")]
    [InlineData("](#")]
    [InlineData("[#]")]
    [InlineData("Discussion Questions")]
    [InlineData("https://www.linkedin.com")]
    public void Markdown_004_markup_and_mojibake_do_not_survive(string chrome) => Assert.DoesNotContain(chrome, AllText(Read("004")));

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Every_corpus_file_reads_to_tidy_articles_with_unique_keys(string prefix)
    {
        var report = Read(prefix);
        Assert.Equal(report.Articles.Count, report.Articles.Select(a => a.Key).Distinct().Count());
        // Kept + removed is the decoded file's length (File.ReadAllText strips no BOM here: none has one).
        Assert.Equal(File.ReadAllText(report.Path).Length, report.CharactersKept + report.CharactersRemoved);
        Assert.Equal(report.Articles.Sum(a => (long)a.Text.Length), report.CharactersKept);
        Assert.All(report.Articles, a =>
        {
            Assert.NotEmpty(a.Text);
            Assert.Equal(a.Text.Trim(), a.Text);
            Assert.DoesNotContain("\n\n\n", a.Text);
            Assert.DoesNotContain(" \n", a.Text);
            Assert.DoesNotContain("\t\n", a.Text);
            Assert.DoesNotContain('\r', a.Text);
        });
    }
}
