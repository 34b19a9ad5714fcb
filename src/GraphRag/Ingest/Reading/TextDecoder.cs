using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace GraphRag.Ingest.Reading;

/// <summary>
/// Turns a file's bytes into text, strictly: UTF-8 (with or without BOM) or UTF-16/32 with a BOM.
/// Anything else is refused with a reason that says what is wrong and where, because a guessed
/// decoding would put garbage into the index without anyone noticing.
/// </summary>
public static class TextDecoder
{
    /// <summary>Share of control characters above which a file is taken for binary data.</summary>
    private const double MaxControlShare = 0.01;

    private static readonly (byte[] Magic, string Kind)[] BinarySignatures =
    [
        ("%PDF"u8.ToArray(), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Office document; of these only .docx is read)"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an OLE compound file (a Word 97–2003 .doc or another old Office file; save it as .docx)"),
        ([0x1F, 0x8B], "a gzip archive"),
        ("SQLite format 3\0"u8.ToArray(), "an SQLite database"),
    ];

    /// <summary>Decodes <paramref name="bytes"/>; line endings become LF.</summary>
    /// <exception cref="IngestionException">Empty, too large, binary or not validly encoded.</exception>
    public static string Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            throw new IngestionException(path, "the file is empty (0 bytes)");
        if (bytes.Length > ArticleReader.MaxFileBytes)
            throw TooLarge(path, bytes.Length);
        foreach (var (magic, kind) in BinarySignatures)
            if (bytes.StartsWith(magic))
                throw new IngestionException(path, $"not a text file: it is {kind}");

        var text = bytes switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => DecodeWithBom(path, bytes[4..], new UTF32Encoding(false, false, true), "UTF-32"),
            [0xFF, 0xFE, ..] => DecodeWithBom(path, bytes[2..], new UnicodeEncoding(false, false, true), "UTF-16"),
            [0xFE, 0xFF, ..] => DecodeWithBom(path, bytes[2..], new UnicodeEncoding(true, false, true), "UTF-16"),
            [0xEF, 0xBB, 0xBF, ..] => DecodeUtf8(path, bytes[3..], bomLength: 3),
            _ => DecodeUtf8(path, bytes, bomLength: 0),
        };
        if (string.IsNullOrWhiteSpace(text))
            throw new IngestionException(path, "the file holds no text (only whitespace)");
        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }

    /// <summary>The message for a file over <see cref="ArticleReader.MaxFileBytes"/>, shared with the length check that runs before reading.</summary>
    public static IngestionException TooLarge(string path, long length) =>
        new(path, $"the file is {length / (1024.0 * 1024):F1} MB, over the {ArticleReader.MaxFileBytes / (1024 * 1024)} MB limit for one file (split it into smaller files)");

    private static string DecodeUtf8(string path, ReadOnlySpan<byte> bytes, int bomLength)
    {
        // Binary data is usually invalid UTF-8 too; say "binary" first because that is the real problem.
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0 && LooksLikeUtf16(bytes))
            throw new IngestionException(path, "UTF-16 text without a byte-order mark; save the file as UTF-8 (or UTF-16 with a BOM)");
        if (nul >= 0)
            throw new IngestionException(path, $"not a text file: it looks binary (NUL byte at byte offset {nul + bomLength})");
        var controls = 0;
        foreach (var b in bytes)
            if (IsControl(b))
                controls++;
        ThrowIfMostlyControl(path, controls, bytes.Length);

        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, buffer, out var read, out var written, replaceInvalidSequences: false);
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                var bad = bytes.Slice(read, Math.Min(4, bytes.Length - read));
                var hex = string.Join(' ', bad.ToArray().Select(b => $"0x{b:X2}"));
                throw new IngestionException(path,
                    $"not valid UTF-8: invalid byte sequence at byte offset {read + bomLength} ({hex}); save the file as UTF-8");
            }
            if (status == System.Buffers.OperationStatus.NeedMoreData)
                throw new IngestionException(path,
                    $"not valid UTF-8: the file ends inside a multi-byte character at byte offset {read + bomLength}; save the file as UTF-8");
            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>ASCII text in UTF-16 has a NUL in every other byte; a binary file does not keep to that rhythm.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length & ~1, 512)];
        if (sample.Length < 4)
            return false;
        int evenNuls = 0, oddNuls = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenNuls += sample[i] == 0 ? 1 : 0;
            oddNuls += sample[i + 1] == 0 ? 1 : 0;
        }
        var pairs = sample.Length / 2;
        return (evenNuls == 0 && oddNuls > pairs * 0.9) || (oddNuls == 0 && evenNuls > pairs * 0.9);
    }

    private static string DecodeWithBom(string path, ReadOnlySpan<byte> bytes, Encoding encoding, string name)
    {
        string text;
        try
        {
            text = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new IngestionException(path, $"not valid {name}: invalid data at byte offset {ex.Index} after the byte-order mark");
        }
        var nul = text.IndexOf('\0');
        if (nul >= 0)
            throw new IngestionException(path, $"not a text file: it looks binary (NUL character at character {nul})");
        ThrowIfMostlyControl(path, text.Count(c => c < 0x80 && IsControl((byte)c)), text.Length);
        return text;
    }

    private static void ThrowIfMostlyControl(string path, int controls, int length)
    {
        if (controls > 0 && controls > length * MaxControlShare)
            throw new IngestionException(path,
                $"not a text file: it looks binary ({controls} control characters in {length}, over {MaxControlShare:P0})");
    }

    /// <summary>C0 controls and DEL, except the ones text files use: tab, LF, CR, form feed, escape.</summary>
    private static bool IsControl(byte b) => b is (< 0x20 and not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B)) or 0x7F;
}
