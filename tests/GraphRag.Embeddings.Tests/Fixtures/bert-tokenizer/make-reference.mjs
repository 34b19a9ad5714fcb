// Reference token ids for the BERT encoders' tokenizer, from Hugging Face's Tokenizers.js
// (npm @huggingface/tokenizers 0.2.0, a JavaScript implementation of the Rust `tokenizers` crate,
// independent of Microsoft.ML.Tokenizers). Usage:
//   node make-reference.mjs <node_modules dir> <vocab.txt> <texts.json> > reference-ids.json
// The tokenizer.json is the one Hugging Face publishes for bert-base-uncased-vocabulary models such as
// sentence-transformers/all-MiniLM-L6-v2 and Snowflake/snowflake-arctic-embed-xs, rebuilt from vocab.txt:
// BertNormalizer (clean_text, handle_chinese_chars, strip_accents null = follows lowercase, lowercase),
// BertPreTokenizer, WordPiece ([UNK], "##", 100 chars per word), and [CLS] $A [SEP].
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [modulesDir, vocabPath, textsPath] = process.argv.slice(2);
const { Tokenizer } = await import(pathToFileURL(path.join(modulesDir, "@huggingface", "tokenizers", "dist", "tokenizers.mjs")).href);

// The packaged vocab.txt has CRLF line ends; Rust's lines() (what Hugging Face reads it with) drops both.
const tokens = readFileSync(vocabPath, "utf8").split(/\r?\n/);
if (tokens[tokens.length - 1] === "") tokens.pop();
const vocab = Object.fromEntries(tokens.map((t, i) => [t, i]));
const special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"].map((content) => ({
  id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
}));
const tokenizerJson = {
  version: "1.0",
  truncation: null,
  padding: null,
  added_tokens: special,
  normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
  pre_tokenizer: { type: "BertPreTokenizer" },
  post_processor: {
    type: "TemplateProcessing",
    single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
    pair: [],
    special_tokens: {
      "[CLS]": { id: "[CLS]", ids: [vocab["[CLS]"]], tokens: ["[CLS]"] },
      "[SEP]": { id: "[SEP]", ids: [vocab["[SEP]"]], tokens: ["[SEP]"] },
    },
  },
  decoder: { type: "WordPiece", prefix: "##", cleanup: true },
  model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab },
};
const tokenizerConfig = { do_lower_case: true, model_max_length: 512, tokenizer_class: "BertTokenizer" };

const tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
const texts = JSON.parse(readFileSync(textsPath, "utf8"));
const items = texts.map((text) => ({ text, ids: tokenizer.encode(text, { add_special_tokens: true }).ids }));
process.stdout.write(JSON.stringify({ generator: "@huggingface/tokenizers@0.2.0 (Tokenizers.js) on Node " + process.version, vocabulary_lines: tokens.length, items }, null, 0) + "\n");
