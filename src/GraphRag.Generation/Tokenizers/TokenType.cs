namespace GraphRag.Generation.Tokenizers;

/// <summary>Token kinds as numbered by GGUF's tokenizer.ggml.token_type and SentencePiece's proto.</summary>
public enum TokenType
{
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6,
}
