namespace GraphRag.Claims.Formulas;

/// <summary>A formula that cannot be read or evaluated, with the reason and, for syntax errors, where.</summary>
public sealed class FormulaException(string message) : Exception(message);
