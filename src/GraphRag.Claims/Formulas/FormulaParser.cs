namespace GraphRag.Claims.Formulas;

/// <summary>
/// A recursive-descent parser for arithmetic as written in prose: + − × ÷, powers (^, **, ²),
/// percentages (11% = 0.11), factorials, "n choose k", the functions of <see cref="FormulaFunctions"/>
/// and named variables. Powers bind right to left and tighter than a leading minus (−2^2 = −4), as in
/// mathematics and R. Size, nesting and node count are bounded, so no input can exhaust the stack.
/// </summary>
internal sealed class FormulaParser
{
    private readonly List<FormulaToken> _tokens;
    private int _next;
    private int _depth;
    private int _nodes;

    private FormulaParser(List<FormulaToken> tokens) => _tokens = tokens;

    public static FormulaNode Parse(string text)
    {
        if (text.Length > Formula.MaxLength)
            throw new FormulaException($"a formula may have at most {Formula.MaxLength} characters (this one has {text.Length})");
        var parser = new FormulaParser(FormulaTokenizer.Tokenize(text));
        if (parser.Peek.Kind == TokenKind.End) throw new FormulaException("the formula is empty");
        var node = parser.Expression();
        if (parser.Peek.Kind != TokenKind.End)
            throw new FormulaException($"unexpected '{parser.Peek.Text}' at position {parser.Peek.Position + 1}");
        return node;
    }

    private FormulaToken Peek => _tokens[_next];

    private FormulaToken Take() => _tokens[_next++];

    private bool TakeOperator(string op)
    {
        if (Peek.Kind != TokenKind.Operator || Peek.Text != op) return false;
        _next++;
        return true;
    }

    private T Node<T>(T node) where T : FormulaNode
    {
        if (++_nodes > Formula.MaxNodes)
            throw new FormulaException($"a formula may have at most {Formula.MaxNodes} parts");
        return node;
    }

    private FormulaNode Expression()
    {
        var left = Term();
        while (Peek.Kind == TokenKind.Operator && Peek.Text is "+" or "-")
        {
            var op = Take().Text[0];
            left = Node(new BinaryNode(op, left, Term()));
        }
        return left;
    }

    private FormulaNode Term()
    {
        var left = Signed();
        while (Peek.Kind == TokenKind.Operator && Peek.Text is "*" or "/")
        {
            var op = Take().Text[0];
            left = Node(new BinaryNode(op, left, Signed()));
        }
        return left;
    }

    private FormulaNode Signed()
    {
        Enter();
        try
        {
            if (TakeOperator("-")) return Node(new NegateNode(Signed()));
            if (TakeOperator("+")) return Signed();
            var left = Postfix();
            return TakeOperator("^") ? Node(new BinaryNode('^', left, Signed())) : left;
        }
        finally
        {
            _depth--;
        }
    }

    private FormulaNode Postfix()
    {
        var node = Choose();
        while (Peek.Kind == TokenKind.Operator && Peek.Text is "%" or "!")
            node = Node(new PostfixNode(Take().Text[0], node));
        return node;
    }

    private FormulaNode Choose()
    {
        var left = Primary();
        if (Peek.Kind == TokenKind.Name && Peek.Text == "choose" && _tokens[_next + 1].Kind != TokenKind.Open)
        {
            Take();
            return Node(new BinaryNode('C', left, Primary()));
        }
        return left;
    }

    private FormulaNode Primary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return Node(new NumberNode(token.Number));
            case TokenKind.Open:
                Enter();
                var inner = Expression();
                Expect(TokenKind.Close, "')'");
                _depth--;
                return inner;
            case TokenKind.Name when FormulaFunctions.IsFunction(token.Text) && Peek.Kind == TokenKind.Open:
                return Call(token);
            case TokenKind.Name when FormulaFunctions.IsConstant(token.Text):
                return Node(new NumberNode(Math.PI));
            case TokenKind.Name:
                return Node(new VariableNode(token.Text));
            case TokenKind.End:
                throw new FormulaException("the formula ends where a number, a name or '(' was expected");
            default:
                throw new FormulaException($"unexpected '{token.Text}' at position {token.Position + 1}: expected a number, a name or '('");
        }
    }

    private FormulaNode Call(FormulaToken name)
    {
        Take();
        Enter();
        var arguments = new List<FormulaNode> { Expression() };
        while (Peek.Kind == TokenKind.Comma)
        {
            Take();
            arguments.Add(Expression());
        }
        Expect(TokenKind.Close, "')' or ','");
        _depth--;
        FormulaFunctions.CheckArity(name.Text, arguments.Count, name.Position);
        return Node(new CallNode(name.Text, arguments));
    }

    private void Expect(TokenKind kind, string what)
    {
        var token = Take();
        if (token.Kind == kind) return;
        throw token.Kind == TokenKind.End
            ? new FormulaException($"the formula ends where {what} was expected")
            : new FormulaException($"unexpected '{token.Text}' at position {token.Position + 1}: expected {what}");
    }

    private void Enter()
    {
        if (++_depth > Formula.MaxDepth)
            throw new FormulaException($"a formula may nest at most {Formula.MaxDepth} levels deep");
    }
}
