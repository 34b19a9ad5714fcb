using GraphRag.Text;

namespace GraphRag.Retrieve.Dense;

/// <summary>
/// Cuts a chunk into consecutive windows of whole sentences of at most <c>maxTokens</c> tokens,
/// so text past the encoder's input limit is still represented instead of truncated away. Tokens
/// are counted as the encoder counts them (word tokens by default).
/// </summary>
public static class SentenceWindows
{
    public static IReadOnlyList<string> Split(string text, int maxTokens, Func<string, int>? countTokens = null)
    {
        var windows = new List<string>();
        var sentences = Sentences.Split(text);
        var start = -1;
        var end = 0;
        var tokens = 0;
        foreach (var (s, e) in sentences)
        {
            var n = countTokens is null ? Tokens.Count(text.AsSpan(s, e - s)) : countTokens(text[s..e]);
            if (start >= 0 && tokens + n > maxTokens)
            {
                windows.Add(text[start..end]);
                start = -1;
                tokens = 0;
            }
            if (start < 0)
                start = s;
            end = e;
            tokens += n;
        }
        if (start >= 0)
            windows.Add(text[start..end]);
        return windows.Count > 0 ? windows : [text];
    }
}
