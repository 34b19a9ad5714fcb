using System.Text;

namespace GraphRag.Generation.Tokenizers;

/// <summary>
/// Writes a vocabulary as a SentencePiece ModelProto (sentencepiece_model.proto), the form Microsoft.ML.Tokenizers
/// reads: a GGUF file carries the same pieces, scores and types as arrays. Only what encoding needs is written:
/// the pieces, a BPE trainer spec with the special ids and byte fallback, and a normalizer that escapes spaces,
/// keeps repeated ones (llama.cpp does not collapse them) and adds the dummy prefix as the model says.
/// </summary>
internal static class SentencePieceModelWriter
{
    private const int Bpe = 2;

    public static byte[] Write(string[] pieces, float[] scores, TokenType[] types, int? unknownId, int? bosId, int? eosId,
        bool addDummyPrefix)
    {
        using var model = new MemoryStream();
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = new MemoryStream();
            WriteBytes(piece, 1, Encoding.UTF8.GetBytes(pieces[i]));
            WriteTag(piece, 2, wire: 5);
            piece.Write(BitConverter.GetBytes(scores[i]));
            WriteVarint(piece, 3, (ulong)types[i]);
            WriteBytes(model, 1, piece.ToArray());
        }
        var trainer = new MemoryStream();
        WriteVarint(trainer, 3, Bpe);
        WriteVarint(trainer, 35, types.Contains(TokenType.Byte) ? 1UL : 0UL);
        WriteVarint(trainer, 40, (ulong)(long)(unknownId ?? -1));
        WriteVarint(trainer, 41, (ulong)(long)(bosId ?? -1));
        WriteVarint(trainer, 42, (ulong)(long)(eosId ?? -1));
        WriteBytes(model, 2, trainer.ToArray());
        var normalizer = new MemoryStream();
        WriteVarint(normalizer, 3, addDummyPrefix ? 1UL : 0UL);
        WriteVarint(normalizer, 4, 0);
        WriteVarint(normalizer, 5, 1);
        WriteBytes(model, 3, normalizer.ToArray());
        return model.ToArray();
    }

    private static void WriteTag(Stream stream, int field, int wire) => WriteRaw(stream, (ulong)(field << 3 | wire));

    private static void WriteVarint(Stream stream, int field, ulong value)
    {
        WriteTag(stream, field, wire: 0);
        WriteRaw(stream, value);
    }

    private static void WriteBytes(Stream stream, int field, byte[] bytes)
    {
        WriteTag(stream, field, wire: 2);
        WriteRaw(stream, (ulong)bytes.Length);
        stream.Write(bytes);
    }

    private static void WriteRaw(Stream stream, ulong value)
    {
        for (; value >= 0x80; value >>= 7)
            stream.WriteByte((byte)(value | 0x80));
        stream.WriteByte((byte)value);
    }
}
