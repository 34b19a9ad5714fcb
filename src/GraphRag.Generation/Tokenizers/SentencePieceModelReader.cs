using System.Text;

namespace GraphRag.Generation.Tokenizers;

/// <summary>
/// Reads a SentencePiece <c>tokenizer.model</c> (a protobuf ModelProto). Microsoft.ML.Tokenizers encodes with the
/// whole model; this reads what it does not expose and a decoder needs: pieces and their types (1: piece, 3: type),
/// trainer_spec ids (40 unk, 41 bos, 42 eos) and normalizer_spec.add_dummy_prefix (3).
/// </summary>
public static class SentencePieceModelReader
{
    public static SentencePieceTokenizer Read(string path, bool addBos = true)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: tokenizer.model not found.", path);
        var bytes = File.ReadAllBytes(path);
        var pieces = new List<string>();
        var types = new List<TokenType>();
        int unk = 0, bos = 1, eos = 2;
        var addDummyPrefix = true;
        try
        {
            var reader = new ProtoReader(bytes);
            while (reader.Next(out var field, out var wire))
            {
                switch (field)
                {
                    case 1 when wire == 2:
                        var (piece, type) = ReadPiece(new ProtoReader(reader.Bytes()));
                        pieces.Add(piece);
                        types.Add(type);
                        break;
                    case 2 when wire == 2:
                        var trainer = new ProtoReader(reader.Bytes());
                        while (trainer.Next(out var f, out var w))
                        {
                            if (w == 0 && f is 40 or 41 or 42)
                            {
                                var value = (int)trainer.Varint();
                                if (f == 40) unk = value; else if (f == 41) bos = value; else eos = value;
                            }
                            else trainer.Skip(w);
                        }
                        break;
                    case 3 when wire == 2:
                        var normalizer = new ProtoReader(reader.Bytes());
                        while (normalizer.Next(out var f, out var w))
                        {
                            if (f == 3 && w == 0) addDummyPrefix = normalizer.Varint() != 0;
                            else normalizer.Skip(w);
                        }
                        break;
                    default:
                        reader.Skip(wire);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: truncated or corrupt SentencePiece model.");
        }
        if (pieces.Count == 0)
            throw new InvalidDataException($"{path}: no pieces found; not a SentencePiece model.");
        return new SentencePieceTokenizer(pieces.ToArray(), types.ToArray(),
            bos >= 0 ? bos : null, eos >= 0 ? eos : null, unk >= 0 ? unk : null, addBos, addDummyPrefix, bytes);
    }

    private static (string Piece, TokenType Type) ReadPiece(ProtoReader reader)
    {
        string piece = "";
        var type = TokenType.Normal;
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2: piece = Encoding.UTF8.GetString(reader.Bytes()); break;
                case 3 when wire == 0: type = (TokenType)(int)reader.Varint(); break;
                default: reader.Skip(wire); break;
            }
        }
        return (piece, type);
    }

    /// <summary>Just enough protobuf wire format to read and skip varints, length-delimited fields, fixed32/64.</summary>
    private sealed class ProtoReader(byte[] data)
    {
        private int _position;

        public bool Next(out int field, out int wire)
        {
            field = wire = 0;
            if (_position >= data.Length)
                return false;
            var key = Varint();
            field = (int)(key >> 3);
            wire = (int)(key & 7);
            return true;
        }

        public ulong Varint()
        {
            ulong result = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = data[_position++];
                result |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                    return result;
            }
        }

        public byte[] Bytes()
        {
            var length = (int)Varint();
            if (length < 0 || _position + length > data.Length)
                throw new InvalidDataException("SentencePiece model: a field runs past the end of the data or has an unknown wire type.");
            var slice = data.AsSpan(_position, length).ToArray();
            _position += length;
            return slice;
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case 0: Varint(); break;
                case 1: _position += 8; break;
                case 2: Bytes(); break;
                case 5: _position += 4; break;
                default: throw new InvalidDataException("SentencePiece model: a field runs past the end of the data or has an unknown wire type.");
            }
        }
    }
}
