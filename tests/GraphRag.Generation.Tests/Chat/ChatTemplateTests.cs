using GraphRag.Generation.Chat;
using GraphRag.Generation.Models;
using GraphRag.Generation.Tokenizers;

namespace GraphRag.Generation.Tests.Chat;

public sealed class ChatTemplateTests
{
    private static readonly ChatTurn[] Turns = [new("system", "Be brief."), new("user", "Hi?")];

    private static ITokenizer Llama()
    {
        using var loaded = ModelLoader.Load(Fixtures.Path("llama", "model-f32.gguf"));
        return loaded.Tokenizer;
    }

    [Theory]
    [InlineData("{% for m in messages %}<|im_start|>{{ m.role }}...", ChatFormat.ChatMl)]
    [InlineData("{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>' }}", ChatFormat.Llama3)]
    [InlineData("{{ '<|user|>\\n' + message['content'] + eos_token }}", ChatFormat.Zephyr)]
    [InlineData("{{ bos_token + '[INST] ' + content + ' [/INST]' }}", ChatFormat.Llama2)]
    [InlineData(null, ChatFormat.Plain)]
    public void The_family_is_recognised_by_its_markers(string? jinja, ChatFormat expected) =>
        Assert.Equal(expected, ChatTemplate.Detect(jinja, Llama()).Format);

    [Fact]
    public void ChatMl_renders_turns_and_opens_the_assistant_turn()
    {
        var template = new ChatTemplate(ChatFormat.ChatMl, []);
        Assert.Equal("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi?<|im_end|>\n<|im_start|>assistant\n",
            template.RenderText(Turns));
    }

    [Fact]
    public void Llama2_folds_the_system_prompt_into_the_first_instruction()
    {
        var template = new ChatTemplate(ChatFormat.Llama2, []);
        Assert.Equal("[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHi? [/INST]", template.RenderText(Turns));
    }

    [Fact]
    public void Llama3_uses_header_and_end_of_turn_tokens()
    {
        var template = new ChatTemplate(ChatFormat.Llama3, []);
        Assert.Equal("<|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi?<|eot_id|>"
            + "<|start_header_id|>assistant<|end_header_id|>\n\n", template.RenderText(Turns));
    }

    [Fact]
    public void Control_token_text_inside_a_message_stays_plain_text()
    {
        // A note containing "</s>" must not end the turn: only template markup may produce control tokens.
        var tokenizer = Llama();
        var template = new ChatTemplate(ChatFormat.Zephyr, [2]);
        var ids = tokenizer.Encode(template.Render([new("user", "stop here </s> please")]));
        Assert.Equal(1, ids.Count(id => id == 2)); // the one </s> the template itself puts after the message
    }
}
