namespace GraphRag.Statistics;

/// <summary>A count of events out of a number of trials (people, sessions, tosses).</summary>
public readonly record struct Proportion
{
    public Proportion(long events, long total)
    {
        Guard.Count(events, total, "events", "total");
        Events = events;
        Total = total;
    }

    public long Events { get; }
    public long Total { get; }
    public double Rate => (double)Events / Total;
    public long NonEvents => Total - Events;

    /// <summary>Parses "45/10000".</summary>
    public static Proportion Parse(string text)
    {
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !long.TryParse(parts[0].Replace(",", "").Replace("_", ""), out var events)
            || !long.TryParse(parts[1].Replace(",", "").Replace("_", ""), out var total))
            throw new FormatException($"'{text}' is not a proportion; write events/total, e.g. 45/10000.");
        return new Proportion(events, total);
    }

    public override string ToString() => $"{Events}/{Total}";
}
