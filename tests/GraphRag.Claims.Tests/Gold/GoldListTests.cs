namespace GraphRag.Claims.Tests.Gold;

public sealed class GoldListTests : IDisposable
{
    private readonly GraphRag.Tests.TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("split\tarticle\n", "the first line must be the header")]
    [InlineData("split\tarticle\tverdict\tcategory\tquote\twhy\ndev\tA\tok\tx\tq\n", "line 2: expected 6 tab-separated columns, found 5")]
    [InlineData("split\tarticle\tverdict\tcategory\tquote\twhy\ntrain\tA\tok\tx\tq\tw\n", "line 2: split must be dev or test")]
    [InlineData("split\tarticle\tverdict\tcategory\tquote\twhy\ndev\tA\tmaybe\tx\tq\tw\n", "line 2: verdict must be ok, flag or either")]
    [InlineData("split\tarticle\tverdict\tcategory\tquote\twhy\ndev\tA\tok\tx\t \tw\n", "line 2: quote and why must not be empty")]
    public void A_malformed_gold_file_is_refused_naming_the_file_line_and_problem(string content, string problem)
    {
        var path = _temp.File("bad.tsv");
        File.WriteAllText(path, content);
        var error = Assert.Throws<InvalidDataException>(() => GoldList.Load(path));
        Assert.StartsWith(path, error.Message);
        Assert.Contains(problem, error.Message);
    }
}
