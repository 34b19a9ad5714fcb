using GraphRag.Statistics;

namespace GraphRag.Claims.Formulas;

/// <summary>
/// The functions a formula may call, named as in R so that a formula can be checked there:
/// choose, factorial, sqrt, exp, log (natural), log10, abs, and the binomial and normal
/// distributions (dbinom, pbinom, pnorm, qnorm). Arguments are checked; results must be finite.
/// </summary>
internal static class FormulaFunctions
{
    /// <summary>Above this, n! overflows a double.</summary>
    public const int MaxFactorial = 170;

    /// <summary>Largest n for choose and the binomial: far beyond any count in prose, small enough to stay exact where it matters.</summary>
    public const double MaxCount = 1e9;

    private static readonly Dictionary<string, (int Min, int Max)> Arity = new(StringComparer.Ordinal)
    {
        ["choose"] = (2, 2),
        ["C"] = (2, 2),
        ["factorial"] = (1, 1),
        ["sqrt"] = (1, 1),
        ["exp"] = (1, 1),
        ["log"] = (1, 1),
        ["ln"] = (1, 1),
        ["log10"] = (1, 1),
        ["abs"] = (1, 1),
        ["dbinom"] = (3, 3),
        ["pbinom"] = (3, 3),
        ["pnorm"] = (1, 3),
        ["qnorm"] = (1, 3),
    };

    public static bool IsFunction(string name) => Arity.ContainsKey(name);

    public static bool IsConstant(string name) => name is "pi" or "π";

    public static void CheckArity(string name, int count, int position)
    {
        var (min, max) = Arity[name];
        if (count < min || count > max)
            throw new FormulaException($"{name} takes {(min == max ? min.ToString() : $"{min} to {max}")} argument{(max == 1 ? "" : "s")}, not {count} (at position {position + 1})");
    }

    public static double Call(string name, double[] a) => Finite(name, name switch
    {
        "choose" or "C" => Choose(a[0], a[1]),
        "factorial" => Factorial(a[0]),
        "sqrt" => a[0] < 0 ? throw new FormulaException($"sqrt of a negative number ({a[0]})") : Math.Sqrt(a[0]),
        "exp" => Math.Exp(a[0]),
        "log" or "ln" => a[0] <= 0 ? throw new FormulaException($"log of a non-positive number ({a[0]})") : Math.Log(a[0]),
        "log10" => a[0] <= 0 ? throw new FormulaException($"log10 of a non-positive number ({a[0]})") : Math.Log10(a[0]),
        "abs" => Math.Abs(a[0]),
        "dbinom" => Binomial(name, a, (k, n, p) => k > n ? 0 : Math.Exp(Tails.BinomialLogPmf(k, n, p))),
        "pbinom" => Binomial(name, a, Tails.BinomialLower),
        "pnorm" => Tails.NormalLower((a[0] - Mean(a)) / Sd(name, a)),
        "qnorm" => a[0] is > 0 and < 1
            ? Mean(a) + Sd(name, a) * Tails.NormalQuantile(a[0])
            : throw new FormulaException($"qnorm needs a probability strictly between 0 and 1 (got {a[0]})"),
        _ => throw new InvalidOperationException($"no function {name}"),
    });

    public static double Power(double x, double y)
    {
        if (x == 0 && y < 0) throw new FormulaException("0 raised to a negative power");
        if (x < 0 && y != Math.Floor(y)) throw new FormulaException($"a negative number ({x}) raised to a fractional power ({y})");
        return Finite("^", Math.Pow(x, y));
    }

    public static double Choose(double n, double k)
    {
        var (ni, ki) = (Count("choose", n, "n"), Count("choose", k, "k"));
        if (ki > ni) return 0;
        ki = Math.Min(ki, ni - ki);
        // Exact while the running product stays below 2^53; the log-gamma route beyond.
        double result = 1;
        for (long i = 1; i <= ki; i++)
        {
            result = result * (ni - ki + i) / i;
            if (result > 9e15) return Finite("choose", Math.Round(Math.Exp(Tails.LogChoose(ni, ki))));
        }
        return Math.Round(result);
    }

    public static double Factorial(double n)
    {
        var k = Count("factorial", n, "n");
        if (k > MaxFactorial) throw new FormulaException($"{k}! is too large to compute (at most {MaxFactorial}!)");
        double result = 1;
        for (var i = 2; i <= k; i++) result *= i;
        return result;
    }

    private static double Binomial(string name, double[] a, Func<long, long, double, double> f)
    {
        var n = Count(name, a[1], "size");
        var p = a[2];
        if (!(p is >= 0 and <= 1)) throw new FormulaException($"{name} needs a probability between 0 and 1 (got {p})");
        if (a[0] < 0) return 0;
        return f((long)Math.Floor(a[0]), n, p);
    }

    private static double Mean(double[] a) => a.Length > 1 ? a[1] : 0;

    private static double Sd(string name, double[] a)
    {
        var sd = a.Length > 2 ? a[2] : 1;
        return sd > 0 ? sd : throw new FormulaException($"{name} needs a positive standard deviation (got {sd})");
    }

    private static long Count(string name, double value, string what)
    {
        if (value < 0 || value != Math.Floor(value) || value > MaxCount)
            throw new FormulaException($"{name} needs a whole number from 0 to {MaxCount:0e0} for {what} (got {value})");
        return (long)value;
    }

    private static double Finite(string name, double value) =>
        double.IsFinite(value) ? value : throw new FormulaException($"{name} gives a result too large to represent");
}
