namespace GraphRag.Claims.Formulas;

internal enum TokenKind
{
    Number,
    Name,
    Operator,
    Open,
    Close,
    Comma,
    End,
}

/// <summary>One token of a formula: its kind, its text (operators normalised: '−', '–', '—' become '-', '×' becomes '*'), its number and where it starts.</summary>
internal readonly record struct FormulaToken(TokenKind Kind, string Text, double Number, int Position);
