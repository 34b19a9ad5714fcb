using System.Globalization;

namespace GraphRag.Claims.Checking;

/// <summary>Numbers as findings print them.</summary>
internal static class Show
{
    public static string Pct(double rate) => (rate * 100).ToString(Math.Abs(rate) < 0.01 ? "0.###" : "0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>A recomputed value in the unit of the stated one: "13.19%" beside "14.4%", "-26.598" beside "— 26.6".</summary>
    public static string Like(double value, bool percent) => percent
        ? (value * 100).ToString(Math.Abs(value) < 0.001 ? "0.####" : "0.##", CultureInfo.InvariantCulture) + "%"
        : value.ToString(Math.Abs(value) >= 1e6 ? "N0" : "0.####", CultureInfo.InvariantCulture);

    /// <summary>A difference: percentage points for percentages.</summary>
    public static string Gap(double difference, bool percent) => percent
        ? (Math.Abs(difference) * 100).ToString("0.##", CultureInfo.InvariantCulture) + " percentage points"
        : Math.Abs(difference).ToString("0.####", CultureInfo.InvariantCulture);

    public static string Points(double difference) => (difference * 100).ToString("0.00", CultureInfo.InvariantCulture);

    public static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
