using System.Globalization;

namespace GraphRag.Claims.Formulas;

/// <summary>
/// Cuts formula text as people write it in prose into tokens: "1 — (5/6)^n", "1/2 x 1/2", "11%/0.07%",
/// "(0 – 47.81)²", "1,560". Dashes and the minus sign are minus; ×, ·, * and a lone "x" between two
/// operands are times; "divided by" and "multiplied by" are the operators they name; "1,560" is one
/// number except inside a function's argument list, where the comma separates arguments.
/// </summary>
internal static class FormulaTokenizer
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    public static List<FormulaToken> Tokenize(string text)
    {
        var tokens = new List<FormulaToken>();
        // For each open bracket: does it open a function's argument list?
        var brackets = new Stack<bool>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var inArguments = brackets.Count > 0 && brackets.Peek();
                tokens.Add(ReadNumber(text, ref i, allowThousands: !inArguments));
                continue;
            }
            if (Superscripts.Contains(c))
            {
                var start = i;
                var exponent = 0;
                while (i < text.Length && Superscripts.IndexOf(text[i]) is var digit and >= 0)
                {
                    exponent = exponent * 10 + digit;
                    i++;
                    if (i - start > 3) throw new FormulaException($"superscript exponent at position {start + 1} is too long");
                }
                tokens.Add(new FormulaToken(TokenKind.Operator, "^", 0, start));
                tokens.Add(new FormulaToken(TokenKind.Number, exponent.ToString(CultureInfo.InvariantCulture), exponent, start));
                continue;
            }
            if (char.IsLetter(c) || c == 'π')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                var word = text[start..i];
                if (word is "divided" or "multiplied" && NextWord(text, ref i) == "by")
                {
                    tokens.Add(new FormulaToken(TokenKind.Operator, word == "divided" ? "/" : "*", 0, start));
                    continue;
                }
                if (word == "x" && EndsOperand(tokens) && StartsOperand(text, i))
                {
                    tokens.Add(new FormulaToken(TokenKind.Operator, "*", 0, start));
                    continue;
                }
                tokens.Add(new FormulaToken(TokenKind.Name, word, 0, start));
                continue;
            }
            switch (c)
            {
                case '(':
                    brackets.Push(tokens.Count > 0 && tokens[^1].Kind == TokenKind.Name);
                    tokens.Add(new FormulaToken(TokenKind.Open, "(", 0, i));
                    break;
                case ')':
                    if (brackets.Count > 0) brackets.Pop();
                    tokens.Add(new FormulaToken(TokenKind.Close, ")", 0, i));
                    break;
                case ',':
                    tokens.Add(new FormulaToken(TokenKind.Comma, ",", 0, i));
                    break;
                case '*' when i + 1 < text.Length && text[i + 1] == '*':
                    tokens.Add(new FormulaToken(TokenKind.Operator, "^", 0, i));
                    i++;
                    break;
                default:
                    tokens.Add(new FormulaToken(TokenKind.Operator, Operator(c, i), 0, i));
                    break;
            }
            i++;
        }
        tokens.Add(new FormulaToken(TokenKind.End, "", 0, text.Length));
        return tokens;
    }

    private static string Operator(char c, int position) => c switch
    {
        '+' => "+",
        '-' or '−' or '–' or '—' => "-",
        '*' or '×' or '·' or '⋅' => "*",
        '/' or '÷' => "/",
        '^' => "^",
        '%' => "%",
        '!' => "!",
        _ => throw new FormulaException($"unexpected '{c}' at position {position + 1}"),
    };

    private static FormulaToken ReadNumber(string text, ref int i, bool allowThousands)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        // "1,560" and "10,000": groups of exactly three digits after the first one to three.
        if (allowThousands && i - start <= 3)
        {
            while (i < text.Length && text[i] == ',' && IsThreeDigitGroup(text, i + 1))
                i += 4;
        }
        if (i < text.Length && text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        if (i + 1 < text.Length && text[i] is 'e' or 'E' && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] is '-' or '+' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]))))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        var literal = text[start..i];
        var value = double.Parse(literal.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture);
        return new FormulaToken(TokenKind.Number, literal, value, start);
    }

    private static bool IsThreeDigitGroup(string text, int at) =>
        at + 3 <= text.Length && char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2])
        && (at + 3 == text.Length || !char.IsAsciiDigit(text[at + 3]));

    private static string NextWord(string text, ref int i)
    {
        var j = i;
        while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
        var start = j;
        while (j < text.Length && char.IsLetter(text[j])) j++;
        var word = text[start..j];
        if (word == "by") i = j;
        return word;
    }

    private static bool EndsOperand(List<FormulaToken> tokens) =>
        tokens.Count > 0 && (tokens[^1].Kind is TokenKind.Number or TokenKind.Close || tokens[^1].Text is "%" or "!");

    private static bool StartsOperand(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '(' or '.');
    }
}
