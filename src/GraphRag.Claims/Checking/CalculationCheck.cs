using GraphRag.Claims.Formulas;

namespace GraphRag.Claims.Checking;

/// <summary>
/// Recomputes a stated value from the formula the text gives for it (safely: see <see cref="Formula"/>)
/// and compares it with every value the text states, to the rounding each allows; a value off by more
/// than one unit of its last digit is flagged with the recomputed value and the difference.
/// </summary>
internal static class CalculationCheck
{
    public static ClaimCheck Check(Claim claim)
    {
        var calculation = claim.Calculation!;
        var label = Label(calculation);
        double value;
        try
        {
            value = Formula.Parse(calculation.Formula).Evaluate(calculation.Variables);
        }
        catch (FormulaException e)
        {
            return new ClaimCheck(claim, $"{label} cannot be evaluated: {e.Message}.");
        }
        var recomputations = calculation.Stated.Select(s =>
        {
            var stated = StatedValue.Parse(s);
            return new Recomputation(label, s, stated.Value, value, stated.Tolerance);
        }).ToList();
        if (recomputations.FirstOrDefault(r => !r.Agrees) is { } wrong)
        {
            var direction = wrong.Difference > 0 ? "higher" : "lower";
            return new ClaimCheck(claim,
                $"{label} gives {Show.Like(value, wrong.IsPercent)}, not {wrong.Stated.Trim()}: the stated value is {Show.Gap(wrong.Difference, wrong.IsPercent)} {direction}.")
            {
                Flags = [ClaimFlag.WrongValue],
                Correction = $"By its own formula the value is {Show.Like(value, wrong.IsPercent)}, not {wrong.Stated.Trim()}.",
                Recomputation = wrong,
                Questions = ["Was the formula applied, or the values copied from elsewhere?"],
            };
        }
        var shown = recomputations[^1];
        return new ClaimCheck(claim,
            $"{label} gives {Show.Like(value, shown.IsPercent)}; the stated {string.Join(" and ", recomputations.Select(r => r.Stated.Trim()))} agree{(recomputations.Count == 1 ? "s" : "")} to {(recomputations.Count == 1 ? "its" : "their")} rounding.")
        {
            Recomputation = shown,
        };
    }

    private static string Label(Calculation calculation) =>
        calculation.Variables.Count == 0
            ? calculation.Formula.Trim()
            : $"{calculation.Formula.Trim()} with {string.Join(", ", calculation.Variables.Select(v => $"{v.Key} = {Show.Num(v.Value)}"))}";
}
