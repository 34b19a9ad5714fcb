using System.Buffers;
using System.Text;

namespace GraphRag.Ingest.Reading;

/// <summary>
/// Undoes UTF-8 text that was once decoded as Mac Roman or Windows-1252 ("‚Äî" or "â€”" for "—",
/// "Ã©" for "é"). A run of characters is turned back into its legacy bytes and replaced only when
/// those bytes form one valid UTF-8 character of a kind such text plausibly held (Latin letters,
/// punctuation, symbols, emoji); anything else stays as it is, so correct text is left alone.
/// </summary>
public static class MojibakeRepair
{
    private const int MacRomanCodePage = 10000;
    private const int Windows1252CodePage = 1252;

    private static readonly Lazy<LegacyTable[]> LegacyTables = new(() =>
        [new LegacyTable(ReverseTable(MacRomanCodePage)), new LegacyTable(ReverseTable(Windows1252CodePage))]);

    /// <summary>A code page's reverse map, and the characters that stand for UTF-8 lead bytes: the only
    /// places a repair can start, found with a vectorised search so clean text costs one scan.</summary>
    private sealed class LegacyTable(Dictionary<char, byte> bytes)
    {
        public Dictionary<char, byte> Bytes { get; } = bytes;

        public SearchValues<char> Leads { get; } =
            SearchValues.Create(bytes.Where(p => p.Value is >= 0xC2 and <= 0xF4).Select(p => p.Key).ToArray());
    }

    /// <summary>Repairs <paramref name="text"/>; <paramref name="repairs"/> counts the characters restored.</summary>
    public static string Repair(string text, out int repairs)
    {
        repairs = 0;
        foreach (var table in LegacyTables.Value)
        {
            text = RepairWith(text, table, out var count);
            repairs += count;
        }
        return text;
    }

    private static string RepairWith(string text, LegacyTable legacy, out int repairs)
    {
        repairs = 0;
        var table = legacy.Bytes;
        StringBuilder? repaired = null;
        var copiedUpTo = 0;
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var next = text.AsSpan(i).IndexOfAny(legacy.Leads);
            if (next < 0)
                break;
            i += next;
            var lead = table[text[i]];
            var length = lead switch { >= 0xC2 and <= 0xDF => 2, >= 0xE0 and <= 0xEF => 3, >= 0xF0 and <= 0xF4 => 4, _ => 0 };
            if (length == 0 || i + length > text.Length)
                continue;
            bytes[0] = lead;
            var complete = true;
            for (var k = 1; k < length && complete; k++)
                complete = table.TryGetValue(text[i + k], out bytes[k]) && bytes[k] is >= 0x80 and <= 0xBF;
            if (!complete
                || Rune.DecodeFromUtf8(bytes[..length], out var rune, out var consumed) != System.Buffers.OperationStatus.Done
                || consumed != length
                || !IsPlausible(rune))
                continue;

            repaired ??= new StringBuilder(text.Length);
            repaired.Append(text, copiedUpTo, i - copiedUpTo).Append(rune.ToString());
            copiedUpTo = i + length;
            i += length - 1;
            repairs++;
        }
        return repaired is null ? text : repaired.Append(text, copiedUpTo, text.Length - copiedUpTo).ToString();
    }

    /// <summary>What notes written in a Western language hold outside ASCII; CJK and other scripts are
    /// left out because a false repair there would turn correct text into nonsense.</summary>
    private static bool IsPlausible(Rune rune) => rune.Value switch
    {
        >= 0x00A0 and <= 0x024F => true, // Latin-1 supplement, Latin extended A/B
        >= 0x0391 and <= 0x03C9 => true, // Greek letters used in formulas
        >= 0x2000 and <= 0x2BFF => true, // punctuation, arrows, maths, symbols, dingbats
        >= 0xFE00 and <= 0xFE0F => true, // variation selectors after emoji
        >= 0x1F000 and <= 0x1FAFF => true, // emoji
        _ => false,
    };

    /// <summary>Maps each character a legacy code page gives to a byte 0x80–0xFF back to that byte.
    /// Bytes the code page leaves undefined map from the C1 control that Latin-1 decoding gives them.</summary>
    private static Dictionary<char, byte> ReverseTable(int codePage)
    {
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage)
            ?? throw new InvalidOperationException($"code page {codePage} is not available");
        var table = new Dictionary<char, byte>();
        for (var b = 0x80; b <= 0xFF; b++)
        {
            var decoded = encoding.GetString([(byte)b]);
            var c = decoded.Length == 1 && decoded[0] != '\uFFFD' && decoded[0] != '?' ? decoded[0] : (char)b;
            table.TryAdd(c, (byte)b);
        }
        return table;
    }
}
