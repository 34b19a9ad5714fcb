using GraphRag.Graph.Extract;
using GraphRag.Graph.Extract.Lexicons;
using GraphRag.Tests;

namespace GraphRag.Graph.Tests.Support;

/// <summary>The English lexicons scripts/fetch-assets.sh fetches (brill, subtlex), loaded once for all tests.</summary>
public static class English
{
    public static EnglishLexicon Lexicon
    {
        get
        {
            var lexicon = EnglishLexicon.Load(TestPaths.AssetsRoot);
            Assert.SkipWhen(lexicon.IsEmpty, $"SKIPPED: the English lexicons are not in {TestPaths.AssetsRoot} (brill/, subtlex/); run scripts/fetch-assets.sh");
            return lexicon;
        }
    }

    public static ArticleGraphExtractor Extractor() => new(Lexicon);
}
