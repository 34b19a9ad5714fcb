using System.Globalization;

namespace GraphRag.Cli.Commands.Stats;

/// <summary>
/// Reads a sample: one number per line, an optional header on the first line, blank lines ignored.
/// Every error names the file and the line.
/// </summary>
public static class SampleFile
{
    public static double[] Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: file not found.", path);
        var values = new List<double>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim().Trim('"');
            if (line.Length == 0) continue;
            if (line.Contains(',') || line.Contains('\t') || line.Contains(';'))
                throw new InvalidDataException($"{path}:{lineNumber}: expected one number per line, found '{Shorten(raw)}'.");
            if (!double.TryParse(line, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                if (lineNumber == 1 && values.Count == 0) continue; // a header
                throw new InvalidDataException($"{path}:{lineNumber}: '{Shorten(raw)}' is not a number.");
            }
            if (!double.IsFinite(value))
                throw new InvalidDataException($"{path}:{lineNumber}: {line} is not a finite number.");
            values.Add(value);
        }
        if (values.Count == 0)
            throw new InvalidDataException($"{path}: no numbers found (expected one number per line).");
        return values.ToArray();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
