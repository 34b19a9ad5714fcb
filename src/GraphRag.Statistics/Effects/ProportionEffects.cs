namespace GraphRag.Statistics;

/// <summary>
/// Effect sizes for two proportions, B relative to A (A is the reference group): absolute risk
/// difference, relative risk, odds ratio and the number needed to treat or harm.
/// </summary>
public static class ProportionEffects
{
    /// <summary>p_B − p_A with the Wald interval (as R's prop.test(correct = FALSE)).</summary>
    public static EffectSize RiskDifference(Proportion a, Proportion b, double confidenceLevel = 0.95)
    {
        Guard.ConfidenceLevel(confidenceLevel);
        var z = Tails.NormalQuantile(1 - (1 - confidenceLevel) / 2);
        var difference = b.Rate - a.Rate;
        var se = Math.Sqrt(a.Rate * (1 - a.Rate) / a.Total + b.Rate * (1 - b.Rate) / b.Total);
        return new EffectSize("risk difference (B − A)", difference, Math.Max(-1, difference - z * se), Math.Min(1, difference + z * se))
        {
            ConfidenceLevel = confidenceLevel,
            CiMethod = "Wald",
        };
    }

    /// <summary>p_B / p_A with the Katz log interval; a zero count gets 0.5 added to every cell for the interval.</summary>
    public static EffectSize RelativeRisk(Proportion a, Proportion b, double confidenceLevel = 0.95)
    {
        Guard.ConfidenceLevel(confidenceLevel);
        var z = Tails.NormalQuantile(1 - (1 - confidenceLevel) / 2);
        var value = b.Rate / a.Rate;
        var corrected = a.Events == 0 || b.Events == 0;
        var add = corrected ? 0.5 : 0;
        double ea = a.Events + add, eb = b.Events + add, na = a.Total + 2 * add, nb = b.Total + 2 * add;
        var center = Math.Log(eb / nb / (ea / na));
        var se = Math.Sqrt(1 / eb - 1 / nb + 1 / ea - 1 / na);
        return new EffectSize("relative risk (B / A)", value, Math.Exp(center - z * se), Math.Exp(center + z * se))
        {
            ConfidenceLevel = confidenceLevel,
            NullValue = 1,
            CiMethod = corrected ? "Katz log interval with 0.5 added to each cell (a zero count)" : "Katz log interval",
        };
    }

    /// <summary>Sample odds ratio (odds_B / odds_A) with Woolf's log interval (Haldane–Anscombe 0.5 when a cell is 0).</summary>
    public static EffectSize OddsRatio(Proportion a, Proportion b, double confidenceLevel = 0.95)
    {
        Guard.ConfidenceLevel(confidenceLevel);
        var z = Tails.NormalQuantile(1 - (1 - confidenceLevel) / 2);
        var corrected = a.Events == 0 || b.Events == 0 || a.NonEvents == 0 || b.NonEvents == 0;
        var add = corrected ? 0.5 : 0;
        double ea = a.Events + add, fa = a.NonEvents + add, eb = b.Events + add, fb = b.NonEvents + add;
        var value = (double)b.Events * a.NonEvents / ((double)b.NonEvents * a.Events);
        var center = Math.Log(eb * fa / (fb * ea));
        var se = Math.Sqrt(1 / ea + 1 / fa + 1 / eb + 1 / fb);
        return new EffectSize("odds ratio (B vs A)", value, Math.Exp(center - z * se), Math.Exp(center + z * se))
        {
            ConfidenceLevel = confidenceLevel,
            NullValue = 1,
            CiMethod = corrected ? "Woolf log interval with 0.5 added to each cell (a zero count)" : "Woolf log interval",
        };
    }

    /// <summary>
    /// The number needed to treat or harm, 1 / (p_B − p_A), signed: positive means B has more events
    /// (one extra event per that many people: "harm" when the event is bad), negative fewer. The interval
    /// inverts the risk-difference interval (Altman 1998): when that includes 0 the NNT interval runs
    /// through infinity, which is shown as CiLow &gt; CiHigh and spelt out in <see cref="EffectSize.Note"/>.
    /// </summary>
    public static EffectSize NumberNeeded(Proportion a, Proportion b, double confidenceLevel = 0.95)
    {
        var rd = RiskDifference(a, b, confidenceLevel);
        var value = 1 / rd.Value;
        var name = rd.Value > 0 ? "number needed to harm (NNH)" : rd.Value < 0 ? "number needed to treat (NNT)" : "number needed to treat or harm";
        var low = 1 / rd.CiHigh;
        var high = 1 / rd.CiLow;
        string note;
        if (rd.CiLow > 0)
            note = $"one extra event in B for every {Math.Abs(value):0.#} people (interval {low:0.#} to {high:0.#}).";
        else if (rd.CiHigh < 0)
            note = $"one event fewer in B for every {Math.Abs(value):0.#} people (interval {Math.Abs(high):0.#} to {Math.Abs(low):0.#}).";
        else
            note = $"the interval runs through infinity: from {Math.Abs(high):0.#} needed for one event fewer, through no difference, to {low:0.#} needed for one extra event (Altman's NNTB {Math.Abs(high):0.#} to ∞ to NNTH {low:0.#}).";
        return new EffectSize(name, value, low, high)
        {
            ConfidenceLevel = confidenceLevel,
            NullValue = double.PositiveInfinity,
            CiMethod = "inverted Wald interval of the risk difference (Altman)",
            Note = note,
        };
    }
}
