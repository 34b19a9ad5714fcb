namespace GraphRag.Statistics.Tests.Multiplicity;

public class MultipleComparisonsTests
{
    private static readonly double[] P = [0.01, 0.04, 0.03, 0.005, 0.2];

    [Fact]
    public void HolmMatchesR() =>
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "holm") = 0.04 0.09 0.09 0.025 0.2
        Assert.Equal([0.04, 0.09, 0.09, 0.025, 0.2], MultipleComparisons.Holm(P), new Tolerance(1e-15));

    [Fact]
    public void BenjaminiHochbergMatchesR() =>
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "BH") = 0.025 0.05 0.05 0.025 0.2
        Assert.Equal([0.025, 0.05, 0.05, 0.025, 0.2], MultipleComparisons.BenjaminiHochberg(P), new Tolerance(1e-15));

    [Fact]
    public void BonferroniMatchesR() =>
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "bonferroni") = 0.05 0.2 0.15 0.025 1
        Assert.Equal([0.05, 0.2, 0.15, 0.025, 1], MultipleComparisons.Adjust(P, AdjustmentMethod.Bonferroni), new Tolerance(1e-15));

    [Theory]
    // R: 1 - 0.95^20 = 0.64151407759145807; 1 - 0.95^100 = 0.99407947077966596
    [InlineData(20, 0.05, 0.64151407759145807)]
    [InlineData(1, 0.01, 0.01)]
    [InlineData(100, 0.05, 0.99407947077966596)]
    public void ChanceOfAtLeastOneFalsePositive(int tests, double alpha, double expected) =>
        Data.Close(expected, MultipleComparisons.FamilyWiseErrorRate(tests, alpha), 1e-12);

    [Fact]
    public void SinglePValueIsUnchanged() => Assert.Equal([0.03], MultipleComparisons.Holm([0.03]));

    [Fact]
    public void BadPValuesAreRejected()
    {
        Assert.Contains("#2", Assert.Throws<ArgumentException>(() => MultipleComparisons.Holm([0.1, 1.5])).Message);
        Assert.Throws<ArgumentException>(() => MultipleComparisons.Holm([double.NaN]));
        Assert.Throws<ArgumentException>(() => MultipleComparisons.BenjaminiHochberg([]));
        Assert.Throws<ArgumentException>(() => MultipleComparisons.FamilyWiseErrorRate(0, 0.05));
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;
        public int GetHashCode(double obj) => 0;
    }
}
