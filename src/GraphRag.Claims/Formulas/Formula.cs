namespace GraphRag.Claims.Formulas;

/// <summary>
/// A formula found in a text ("1 — (5/6)^n — n*(1/6)*(5/6)^(n-1)", "11%/0.07%", "choose(12, 2)"), parsed
/// into a tree and evaluated by walking it: nothing in the text is ever compiled or run. Inputs are
/// bounded (<see cref="MaxLength"/> characters, <see cref="MaxNodes"/> parts, <see cref="MaxDepth"/> levels),
/// every result must be finite, and anything unreadable is a <see cref="FormulaException"/> saying why.
/// </summary>
public sealed class Formula
{
    public const int MaxLength = 500;
    public const int MaxNodes = 256;
    public const int MaxDepth = 32;

    private static readonly IReadOnlyDictionary<string, double> NoVariables = new Dictionary<string, double>();

    private readonly FormulaNode _root;

    private Formula(string text, FormulaNode root)
    {
        Text = text;
        _root = root;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        root.CollectNames(names);
        Variables = names;
    }

    /// <summary>The formula as written.</summary>
    public string Text { get; }

    /// <summary>The names the formula needs a value for ("n" in "(5/6)^n").</summary>
    public IReadOnlySet<string> Variables { get; }

    /// <summary>Whether the formula computes something (an operator, a function, a factorial), rather than being one number, possibly signed or a percentage.</summary>
    public bool Computes => ComputesAt(_root);

    /// <exception cref="FormulaException">The text is not a formula, or is too long or too deeply nested.</exception>
    public static Formula Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Formula(text, FormulaParser.Parse(text));
    }

    public static bool TryParse(string text, out Formula? formula)
    {
        try
        {
            formula = Parse(text);
            return true;
        }
        catch (FormulaException)
        {
            formula = null;
            return false;
        }
    }

    /// <exception cref="FormulaException">A variable has no value, or a step is undefined (division by zero, log of 0, …) or not finite.</exception>
    public double Evaluate(IReadOnlyDictionary<string, double>? variables = null)
    {
        var value = _root.Evaluate(variables ?? NoVariables);
        return double.IsFinite(value) ? value : throw new FormulaException($"'{Text}' does not evaluate to a finite number");
    }

    public double Evaluate(string variable, double value) =>
        Evaluate(new Dictionary<string, double>(StringComparer.Ordinal) { [variable] = value });

    public override string ToString() => Text;

    private static bool ComputesAt(FormulaNode node) => node switch
    {
        BinaryNode or CallNode or PostfixNode { Operator: '!' } => true,
        NegateNode negate => ComputesAt(negate.Operand),
        PostfixNode percent => ComputesAt(percent.Operand),
        _ => false,
    };
}
