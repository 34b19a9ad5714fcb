using System.Text.RegularExpressions;
using GraphRag.Text;

namespace GraphRag.Graph.Extract;

/// <summary>
/// The parts of an article that are not prose, where no entity or relation is read: URLs, lines of
/// source code (statements, imports, assignments, calls), table rows of numbers, and words that are
/// identifiers rather than names (snake_case, dotted module paths, variables such as "Z1", "w1",
/// "v1h1" or "n-1", and random-looking hashes such as "dxvAq6Jg"). It also knows the header rows of
/// tables, whose cells are words side by side that make no name together.
/// </summary>
public sealed partial class NonProse
{
    private readonly bool[] _excluded;
    private readonly List<TextSpan> _tableHeaders = [];
    private readonly HashSet<int> _columnValues = [];

    public NonProse(string text)
    {
        _excluded = new bool[text.Length];
        foreach (Match m in Url().Matches(text))
            Array.Fill(_excluded, true, m.Index, m.Length);
        var lines = new List<TextSpan>();
        Lines = lines;
        var lineStart = 0;
        var inFence = false;
        while (lineStart < text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            lines.Add(new TextSpan(lineStart, lineEnd));
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var fence = line.TrimStart().StartsWith("```", StringComparison.Ordinal);
            if (fence || inFence || IsCode(line.ToString()))
                Array.Fill(_excluded, true, lineStart, lineEnd - lineStart);
            if (fence)
                inFence = !inFence;
            lineStart = lineEnd + 1;
        }
        var filled = lines.Where(l => !string.IsNullOrWhiteSpace(text[l.Start..l.End])).ToList();
        FindTableHeaders(text, filled);
        FindColumnValues(text, filled);
    }

    /// <summary>The article's lines, without their line breaks.</summary>
    public IReadOnlyList<TextSpan> Lines { get; }

    /// <summary>True when the offset lies in a table's header row, where words side by side are separate cells.</summary>
    public bool InTableHeader(int offset) => _tableHeaders.Any(h => h.Start <= offset && offset < h.End);

    /// <summary>True when a word at the offset stands in a table cell of its own, apart from the word before it (a header row's words, a data row's column value).</summary>
    public bool StartsCell(int offset) => InTableHeader(offset) || _columnValues.Contains(offset);

    /// <summary>
    /// "Mitchell Starc Australia 12.4 79.4" above "Mohammed Shami India 7.8 83.0" and "Pat Cummins Australia 13.7 75.1":
    /// in rows of a label and numbers, a capitalised last word of the label that ends the label of another row too is a
    /// column of its own (a country, a team, a category), not the end of the name before it.
    /// </summary>
    private void FindColumnValues(string text, List<TextSpan> lines)
    {
        var lastWords = new List<(string Word, int Offset)>();
        foreach (var line in lines)
        {
            var row = DataRow().Match(text, line.Start, line.End - line.Start);
            if (!row.Success)
                continue;
            var label = row.Groups["label"];
            var words = Words.Find(text, new TextSpan(label.Index, label.Index + label.Length));
            if (words.Count >= 2 && words[^1].IsCapitalised)
                lastWords.Add((words[^1].Text, words[^1].Start));
        }
        foreach (var column in lastWords.GroupBy(w => w.Word, StringComparer.Ordinal).Where(g => g.Count() >= 2))
            _columnValues.UnionWith(column.Select(w => w.Offset));
    }

    /// <summary>
    /// "King Man Woman Queen King" above "Authority 1 0.2 0.2 1 1": a line of three or more
    /// capitalised words, no numbers (a data row's label, "Rohit Sharma India 49.1 92.0", is a name) and no sentence punctuation, whose cells are set apart by tabs or wide
    /// spaces, or which stands next to a row of a label and numbers.
    /// </summary>
    private void FindTableHeaders(string text, List<TextSpan> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = text[lines[i].Start..lines[i].End];
            var words = Words.Find(line);
            if (words.Count < 3 || !words.All(w => w.IsCapitalised) || SentencePunctuation().IsMatch(line))
                continue;
            var besideData = (i > 0 && DataRow().IsMatch(text[lines[i - 1].Start..lines[i - 1].End]))
                             || (i + 1 < lines.Count && DataRow().IsMatch(text[lines[i + 1].Start..lines[i + 1].End]));
            if (besideData || SpacedCells().IsMatch(line.Trim()))
                _tableHeaders.Add(lines[i]);
        }
    }

    /// <summary>True when any character of the span is outside prose.</summary>
    public bool Excludes(TextSpan span) => span.Length > 0 && Array.IndexOf(_excluded, true, span.Start, span.Length) >= 0;

    /// <summary>
    /// A word that names a variable, a code identifier or a hash, given the characters around it in
    /// the text ("height_coefficient" reaches Words as "height" and "coefficient" beside an underscore).
    /// </summary>
    public static bool IsIdentifier(string text, Word word)
    {
        var before = word.Start > 0 ? text[word.Start - 1] : ' ';
        var after = word.End < text.Length ? text[word.End] : ' ';
        if (before is '_' or '/' or '\\' or '=' or '@' || after is '_' or '(' or '=' || (after == '.' && word.End + 1 < text.Length && char.IsLetter(text[word.End + 1])))
            return true;
        return Variable().IsMatch(word.Text) || Dotted().IsMatch(word.Text) || IsHash(word.Text);
    }

    /// <summary>
    /// Generated ids ("dEpMjpBP", "dxvAq6Jg"): three capitals after lower-case letters over at least
    /// six characters, or a lower-case start with a capital and a digit inside. Camel-case names
    /// ("LinkedIn", "YouTube", "PyTorch") have one or two such capitals and no digits inside.
    /// </summary>
    private static bool IsHash(string word)
    {
        if (word.Length < 6 || word.Contains('-'))
            return false;
        var humps = 0;
        for (var i = 1; i < word.Length; i++)
            if (char.IsUpper(word[i]) && char.IsLower(word[i - 1]))
                humps++;
        var digitInside = word[1..^1].Any(char.IsDigit);
        return humps >= 3 || (char.IsLower(word[0]) && humps >= 1 && digitInside);
    }

    private static bool IsCode(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith('>') || trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal))
            return false;
        if (CodeStart().IsMatch(trimmed))
            return true;
        var symbols = trimmed.Count(c => c is '=' or '(' or ')' or '{' or '}' or '[' or ']' or '_' or ';' or '<' or '>');
        var letters = trimmed.Count(char.IsLetter);
        // Prose has few brackets per letter; a line of numbers (a table row) has almost no letters.
        return (symbols >= 2 && symbols * 8 >= letters && !trimmed.Contains(". ")) || (trimmed.Length >= 3 && letters * 4 < trimmed.Count(char.IsDigit));
    }

    [GeneratedRegex(@"[.,;:!?](?:\s|$)")]
    private static partial Regex SentencePunctuation();

    // "Social Status 1 0.3 0.3 1 1", "Accuracy\t0.91\t0.88": a label, then two or more numbers to the line's end.
    [GeneratedRegex(@"^\s*(?<label>\p{L}[\p{L}\s'’-]*?)(?:\s+[-+]?\d[\d.,]*%?){2,}\s*$")]
    private static partial Regex DataRow();

    [GeneratedRegex(@"\S(?:\t|\s{2,})\S")]
    private static partial Regex SpacedCells();

    [GeneratedRegex(@"https?://\S+|www\.\S+|\b[\w-]+\.(?:com|org|net|io|in|ai|ly)/\S*", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    // Statements, not prose that happens to start with "While", "For", "Let’s" or "Return": Python
    // imports and definitions, control lines ending in a colon, and declarations with an assignment.
    [GeneratedRegex(@"^(?:import\s+[\w.]+|from\s+[\w.]+\s+import\b|def\s+\w+\s*\(|class\s+\w+\s*[(:]|return\b.*[()\[\]=]|(?:for|while|if|elif|with)\b[^.!?]*:\s*$|(?:else|try|finally|except)\b[^.!?]*:\s*$|print\(|#include\b|(?:var|let|const)\s+\w+\s*=|(?:public|private|static)\s+\w+.*[({;]\s*$|(?:SELECT|INSERT|CREATE|UPDATE|DELETE)\s+.*(?:FROM|INTO|TABLE|SET|INDEX)\b)")]
    private static partial Regex CodeStart();

    // "Z1", "w1", "A12", "n-1", "u3x3", "x2": one letter and digits; "Wkx1", "v1h1", "y2b": up to four
    // letters and digits mixed, lower case among them (acronyms with digits, "F1", "MI250", stay names).
    [GeneratedRegex(@"^(?:[A-Za-z]\d+(?:x\d+)?|[a-z]-\d+|[A-Za-z]\d*[-+][A-Za-z0-9]|(?=[A-Za-z]*\d)(?=[A-Za-z\d]*[a-z])[A-Za-z][A-Za-z\d]{1,3})$")]
    private static partial Regex Variable();

    // "hashlib.md5", "os.path": a lower-case module path (not "Node.js", "GPT-3.5").
    [GeneratedRegex(@"^[a-z_][\w]*\.[a-z_]\w+$")]
    private static partial Regex Dotted();
}
