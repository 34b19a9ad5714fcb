namespace GraphRag.Claims.Formulas;

/// <summary>A parsed formula: a tree of numbers, names, operators and function calls, evaluated without running any code.</summary>
internal abstract record FormulaNode
{
    public abstract double Evaluate(IReadOnlyDictionary<string, double> variables);

    public abstract void CollectNames(ISet<string> names);
}

internal sealed record NumberNode(double Value) : FormulaNode
{
    public override double Evaluate(IReadOnlyDictionary<string, double> variables) => Value;

    public override void CollectNames(ISet<string> names) { }
}

internal sealed record VariableNode(string Name) : FormulaNode
{
    public override double Evaluate(IReadOnlyDictionary<string, double> variables) =>
        variables.TryGetValue(Name, out var value) ? value : throw new FormulaException($"'{Name}' has no value");

    public override void CollectNames(ISet<string> names) => names.Add(Name);
}

internal sealed record NegateNode(FormulaNode Operand) : FormulaNode
{
    public override double Evaluate(IReadOnlyDictionary<string, double> variables) => -Operand.Evaluate(variables);

    public override void CollectNames(ISet<string> names) => Operand.CollectNames(names);
}

internal sealed record BinaryNode(char Operator, FormulaNode Left, FormulaNode Right) : FormulaNode
{
    public override double Evaluate(IReadOnlyDictionary<string, double> variables)
    {
        var left = Left.Evaluate(variables);
        var right = Right.Evaluate(variables);
        return Operator switch
        {
            '+' => left + right,
            '-' => left - right,
            '*' => left * right,
            '/' => right == 0 ? throw new FormulaException("division by zero") : left / right,
            '^' => FormulaFunctions.Power(left, right),
            'C' => FormulaFunctions.Choose(left, right),
            _ => throw new InvalidOperationException($"unknown operator {Operator}"),
        };
    }

    public override void CollectNames(ISet<string> names)
    {
        Left.CollectNames(names);
        Right.CollectNames(names);
    }
}

internal sealed record PostfixNode(char Operator, FormulaNode Operand) : FormulaNode
{
    public override double Evaluate(IReadOnlyDictionary<string, double> variables)
    {
        var value = Operand.Evaluate(variables);
        return Operator == '%' ? value / 100 : FormulaFunctions.Factorial(value);
    }

    public override void CollectNames(ISet<string> names) => Operand.CollectNames(names);
}

internal sealed record CallNode(string Function, IReadOnlyList<FormulaNode> Arguments) : FormulaNode
{
    public override double Evaluate(IReadOnlyDictionary<string, double> variables) =>
        FormulaFunctions.Call(Function, Arguments.Select(a => a.Evaluate(variables)).ToArray());

    public override void CollectNames(ISet<string> names)
    {
        foreach (var argument in Arguments) argument.CollectNames(names);
    }
}
