namespace GraphRag.Generation.Tokenizers;

/// <summary>A piece of prompt text; <paramref name="AllowSpecialTokens"/> marks template markup such as <c>&lt;|im_start|&gt;</c>.</summary>
public sealed record TextSegment(string Text, bool AllowSpecialTokens);

/// <summary>Turns text into token ids and back for one model's vocabulary.</summary>
public interface ITokenizer
{
    int VocabularySize { get; }

    int? BosTokenId { get; }

    int? EosTokenId { get; }

    /// <summary>Whether <c>Encode</c> puts BOS in front when asked to add special tokens.</summary>
    bool AddsBos { get; }

    /// <summary>
    /// Encodes <paramref name="text"/>. With <paramref name="addSpecial"/> a BOS is prepended when the model
    /// wants one; with <paramref name="parseSpecial"/> control-token texts such as <c>&lt;|im_start|&gt;</c>
    /// in the text become their ids (chat templates need this; user text should not get it).
    /// </summary>
    int[] Encode(string text, bool addSpecial = true, bool parseSpecial = false);

    /// <summary>
    /// Encodes a prompt assembled from pieces: control-token texts are recognised only in segments that allow
    /// them (a chat template's markup), never in user or document text, which cannot forge a turn that way.
    /// </summary>
    int[] Encode(IEnumerable<TextSegment> segments, bool addSpecial = true);

    /// <summary>The bytes of text a token stands for (empty for control tokens and ids beyond the vocabulary), for streaming decoding.</summary>
    ReadOnlySpan<byte> TokenBytes(int id);

    /// <summary>The text of a whole sequence, control tokens left out.</summary>
    string Decode(IEnumerable<int> ids);

    /// <summary>A token's id by its exact vocabulary text, or null.</summary>
    int? FindToken(string text);
}
