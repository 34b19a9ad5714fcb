namespace GraphRag.Statistics.Tests.Core;

public class TailsTests
{
    [Fact]
    public void StudentTTailKeepsTinyPValues()
    {
        // R: pt(-40, 10) * 2 = 2.2808577430857475e-12
        Data.Close(2.2808577430857475e-12, Tails.StudentTTwoSided(-40, 10));
    }

    [Fact]
    public void NormalTailKeepsTinyPValues()
    {
        // R: 2*pnorm(-30) = 9.8134278542963744e-198
        Data.Close(9.8134278542963744e-198, Tails.NormalTwoSided(30));
    }

    [Fact]
    public void ChiSquareUpperTailKeepsTinyPValues()
    {
        // R: pchisq(400, 1, lower.tail=FALSE) = 5.5072482372124689e-89
        Data.Close(5.5072482372124689e-89, Tails.ChiSquareUpper(400, 1), 1e-8);
    }

    [Theory]
    // R: qt(0.975, c(3, 13.9)) = 3.1824463052837078 2.1462351895250791
    [InlineData(0.975, 3, 3.1824463052837078)]
    [InlineData(0.975, 13.9, 2.1462351895250791)]
    [InlineData(0.025, 3, -3.1824463052837078)]
    public void StudentTQuantileMatchesR(double p, double df, double expected) =>
        Data.Close(expected, Tails.StudentTQuantile(p, df), 1e-10);

    [Theory]
    // R: qbeta(c(0.025, 0.975), c(7, 8), c(14, 13)) = 0.15390920478454115 0.59218853453282816
    [InlineData(0.025, 7, 14, 0.15390920478454115)]
    [InlineData(0.975, 8, 13, 0.59218853453282816)]
    public void BetaQuantileMatchesR(double p, double a, double b, double expected) =>
        Data.Close(expected, Tails.BetaQuantile(p, a, b), 1e-10);

    [Theory]
    // R: pt(c(1, 2.5, -1), 10, ncp=1.5) = 0.3041093289227634333 0.7939391090360093939 0.0077790953544255581
    [InlineData(1, 10, 1.5, 0.3041093289227634333)]
    [InlineData(2.5, 10, 1.5, 0.7939391090360093939)]
    [InlineData(-1, 10, 1.5, 0.0077790953544255581)]
    // R: pt(3, 5, ncp=-2) = 0.99993266811455928
    [InlineData(3, 5, -2, 0.99993266811455928)]
    public void NoncentralTMatchesR(double t, double df, double ncp, double expected) =>
        Data.Close(expected, NoncentralT.Cdf(t, df, ncp), 1e-9);
}
