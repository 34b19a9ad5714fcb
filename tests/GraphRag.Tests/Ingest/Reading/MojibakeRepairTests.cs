using System.Text;
using GraphRag.Ingest.Reading;

namespace GraphRag.Tests.Ingest.Reading;

public sealed class MojibakeRepairTests
{
    [Theory]
    // UTF-8 bytes shown as Mac Roman (how corpus/004 was damaged): E2 80 94 = "‚Äî".
    [InlineData("K means ‚Äî Are You", "K means — Are You")]
    [InlineData("Beginner‚Äôs Guide", "Beginner’s Guide")]
    [InlineData("‚ô† ChatGPT", "♠ ChatGPT")]
    // The same damage through Windows-1252.
    [InlineData("it‚Äôs vs itâ€™s", "it’s vs it’s")]
    [InlineData("cafÃ© crÃ¨me", "café crème")]
    public void Repairs_utf8_read_as_a_legacy_code_page(string damaged, string expected)
    {
        Assert.Equal(expected, MojibakeRepair.Repair(damaged, out var repairs));
        Assert.True(repairs > 0);
    }

    [Fact]
    public void Repairs_emoji_damaged_through_mac_roman_round_trip()
    {
        // Make the damage the way it happens: UTF-8 bytes decoded as Mac Roman.
        var original = "pal (in a positive way 😜 ) and ✔️ done";
        var macRoman = CodePagesEncodingProvider.Instance.GetEncoding(10000)!;
        var damaged = macRoman.GetString(Encoding.UTF8.GetBytes(original));
        Assert.NotEqual(original, damaged);
        Assert.Equal(original, MojibakeRepair.Repair(damaged, out _));
    }

    [Theory]
    [InlineData("Plain ASCII stays.")]
    [InlineData("Correct UTF-8 — “quoted” café, naïve, 5×5, Δy/Δx, ✔️ 😜 stays as it is.")]
    [InlineData("A dash–é and ’s are left alone")]
    public void Leaves_correct_text_alone(string text)
    {
        Assert.Equal(text, MojibakeRepair.Repair(text, out var repairs));
        Assert.Equal(0, repairs);
    }
}
