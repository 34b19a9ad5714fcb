using GraphRag.Generation.Tokenizers;

namespace GraphRag.Generation.Chat;

/// <summary>One message of a conversation: role "system", "user" or "assistant".</summary>
public sealed record ChatTurn(string Role, string Content);

/// <summary>The prompt formats of the common instruction-tuned families.</summary>
public enum ChatFormat
{
    /// <summary>No template in the file: "System:/User:/Assistant:" lines.</summary>
    Plain,

    /// <summary>Llama 2 chat: [INST] ... [/INST] with a &lt;&lt;SYS&gt;&gt; block.</summary>
    Llama2,

    /// <summary>Llama 3: &lt;|start_header_id|&gt;role&lt;|end_header_id|&gt; ... &lt;|eot_id|&gt;.</summary>
    Llama3,

    /// <summary>ChatML (Qwen, SmolLM2): &lt;|im_start|&gt;role ... &lt;|im_end|&gt;.</summary>
    ChatMl,

    /// <summary>Zephyr / TinyLlama chat: &lt;|user|&gt; ... &lt;/s&gt;.</summary>
    Zephyr,
}

/// <summary>
/// Renders a conversation the way a model family was trained to read it. The family is recognised by the
/// markers in the file's Jinja chat template (we do not run Jinja).
/// </summary>
public sealed class ChatTemplate(ChatFormat format, int[] stopTokens)
{
    public ChatFormat Format { get; } = format;

    /// <summary>Token ids that end the assistant's turn (EOS and the family's end-of-turn token).</summary>
    public IReadOnlyList<int> StopTokens { get; } = stopTokens;

    public static ChatTemplate Detect(string? jinjaTemplate, ITokenizer tokenizer)
    {
        var t = jinjaTemplate ?? "";
        var format = t.Contains("<|start_header_id|>", StringComparison.Ordinal) ? ChatFormat.Llama3
            : t.Contains("<|im_start|>", StringComparison.Ordinal) ? ChatFormat.ChatMl
            : t.Contains("<|user|>", StringComparison.Ordinal) ? ChatFormat.Zephyr
            : t.Contains("[INST]", StringComparison.Ordinal) ? ChatFormat.Llama2
            : ChatFormat.Plain;
        var stops = new List<int>();
        if (tokenizer.EosTokenId is { } eos)
            stops.Add(eos);
        var endOfTurn = format switch
        {
            ChatFormat.Llama3 => "<|eot_id|>",
            ChatFormat.ChatMl => "<|im_end|>",
            _ => null,
        };
        if (endOfTurn is not null && tokenizer.FindToken(endOfTurn) is { } id && !stops.Contains(id))
            stops.Add(id);
        return new ChatTemplate(format, stops.ToArray());
    }

    /// <summary>
    /// The prompt for <paramref name="turns"/>, ending where the assistant's reply begins: template markup
    /// in segments that allow control tokens, message content in segments that do not.
    /// </summary>
    public IReadOnlyList<TextSegment> Render(IReadOnlyList<ChatTurn> turns)
    {
        var segments = new List<TextSegment>();
        void Markup(string text) => segments.Add(new TextSegment(text, AllowSpecialTokens: true));
        void Content(string text) => segments.Add(new TextSegment(text, AllowSpecialTokens: false));
        switch (Format)
        {
            case ChatFormat.Llama3:
                foreach (var turn in turns)
                {
                    Markup($"<|start_header_id|>{turn.Role}<|end_header_id|>\n\n");
                    Content(turn.Content.Trim());
                    Markup("<|eot_id|>");
                }
                Markup("<|start_header_id|>assistant<|end_header_id|>\n\n");
                break;
            case ChatFormat.ChatMl:
                foreach (var turn in turns)
                {
                    Markup($"<|im_start|>{turn.Role}\n");
                    Content(turn.Content);
                    Markup("<|im_end|>\n");
                }
                Markup("<|im_start|>assistant\n");
                break;
            case ChatFormat.Zephyr:
                foreach (var turn in turns)
                {
                    Markup($"<|{turn.Role}|>\n");
                    Content(turn.Content);
                    Markup("</s>\n");
                }
                Markup("<|assistant|>\n");
                break;
            case ChatFormat.Llama2:
                RenderLlama2(turns, Markup, Content);
                break;
            default:
                foreach (var turn in turns)
                {
                    Markup($"{Capitalize(turn.Role)}: ");
                    Content(turn.Content);
                    Markup("\n");
                }
                Markup("Assistant:");
                break;
        }
        return segments;
    }

    /// <summary>The rendered prompt as one string (for display and logs).</summary>
    public string RenderText(IReadOnlyList<ChatTurn> turns) => string.Concat(Render(turns).Select(s => s.Text));

    // Llama 2 folds the system prompt into the first [INST]; each finished exchange is closed by </s><s>.
    private static void RenderLlama2(IReadOnlyList<ChatTurn> turns, Action<string> markup, Action<string> content)
    {
        var system = turns.FirstOrDefault(t => t.Role == "system")?.Content;
        var first = true;
        foreach (var turn in turns.Where(t => t.Role != "system"))
        {
            if (turn.Role == "user")
            {
                markup("[INST] ");
                if (first && system is not null)
                {
                    markup("<<SYS>>\n");
                    content(system.Trim());
                    markup("\n<</SYS>>\n\n");
                }
                content(turn.Content.Trim());
                markup(" [/INST]");
                first = false;
            }
            else
            {
                content(" " + turn.Content.Trim());
                markup(" </s><s>");
            }
        }
    }

    private static string Capitalize(string role) => role.Length == 0 ? role : char.ToUpperInvariant(role[0]) + role[1..];
}
