namespace GraphRag.Statistics.Tests.Effects;

public class CliffsDeltaTests
{
    // R reference: the dominance matrix computed directly (see the R function below), Cliff (1993):
    //   cliff <- function(a, b) { D <- sign(outer(a, b, "-")); d <- mean(D); n1 <- length(a); n2 <- length(b)
    //     di <- rowMeans(D); dj <- colMeans(D)
    //     s2 <- (n2^2*sum((di-d)^2) + n1^2*sum((dj-d)^2) - sum((D-d)^2)) / (n1*n2*(n1-1)*(n2-1))
    //     s2 <- max(s2, (1-d^2)/(n1*n2-1)); z <- qnorm(0.975); s <- sqrt(s2)
    //     c(d, (d - d^3 - z*s*sqrt((1-d^2)^2 + z^2*s2))/(1-d^2+z^2*s2), (d - d^3 + z*s*sqrt((1-d^2)^2 + z^2*s2))/(1-d^2+z^2*s2)) }
    [Fact]
    public void MatchesTheDominanceMatrixComputation()
    {
        // R: cliff(x, y) = 0.8392857142857143 0.43313211676735502 0.96212594319755584
        var r = CliffsDelta.Compute(Data.X, Data.Y);
        Data.Close(0.8392857142857143, r.Value, 1e-12);
        Data.Close(0.43313211676735502, r.CiLow, 1e-10);
        Data.Close(0.96212594319755584, r.CiHigh, 1e-10);
    }

    [Fact]
    public void HandlesTies()
    {
        // R: cliff(xt, yt) = -0.578125 -0.85835288541511601 -0.032219008983828616
        var r = CliffsDelta.Compute(Data.XTies, Data.YTies);
        Data.Close(-0.578125, r.Value, 1e-12);
        Data.Close(-0.85835288541511601, r.CiLow, 1e-10);
        Data.Close(-0.032219008983828616, r.CiHigh, 1e-10);
    }

    [Fact]
    public void EqualsTheMannWhitneyStatisticRescaled()
    {
        // δ = 2W / (n1·n2) − 1 with W = 51.5 (R: wilcox.test(x, y))
        Data.Close(2 * 51.5 / 56 - 1, TwoSampleTests.MannWhitney(Data.X, Data.Y).Effect.Value, 1e-12);
    }

    [Fact]
    public void CompleteSeparationStaysInsideMinusOneToOne()
    {
        var r = CliffsDelta.Compute([10, 11, 12], [1, 2, 3]);
        Assert.Equal(1, r.Value);
        Assert.InRange(r.CiLow, -1, 1);
        Assert.Equal(1, r.CiHigh, 12);
    }
}
