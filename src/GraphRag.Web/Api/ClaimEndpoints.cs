using GraphRag.Claims;
using GraphRag.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GraphRag.Web.Api;

/// <summary>
/// Statistics checks of an article's quantitative claims (percentages, relative risks, p-values,
/// "statistically significant", rates per population, values stated with their formula, readings of
/// results): the verdict, what each claim's numbers allow (with the recomputation where the text gives
/// a formula or counts), what would be correct when flagged, and the questions to ask of it. Offsets
/// index the article's text, so the page can highlight each claim.
/// </summary>
public static class ClaimEndpoints
{
    public sealed record CheckedClaim(
        ClaimKind Kind,
        string Text,
        int StartOffset,
        int EndOffset,
        string Sentence,
        string Verdict,
        string Finding,
        IReadOnlyList<ClaimFlag> Flags,
        string? Correction,
        Recomputation? Recomputation,
        IReadOnlyList<string> Questions);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/articles/{id:long}/claims", Results<Ok<List<CheckedClaim>>, ProblemHttpResult> (long id, bool? flagged, ArticleStore store) =>
            {
                if (store.GetArticle(id) is not { } article)
                    return ApiProblems.NotFound($"No article has id {id}.");
                var checks = ClaimChecker.CheckAll(article.Text)
                    .Where(c => flagged != true || c.Flags.Count > 0)
                    .Select(c => new CheckedClaim(c.Claim.Kind, c.Claim.Text, c.Claim.Start, c.Claim.End, c.Claim.Sentence,
                        c.Verdict, c.Finding, c.Flags, c.Correction, c.Recomputation, c.Questions))
                    .ToList();
                return TypedResults.Ok(checks);
            })
            .WithName("CheckArticleClaims")
            .WithSummary("The article's quantitative claims: verdict, what their numbers allow (with recomputations), and for flagged ones what would be correct");
}
