// Times the original TF.js Universal Sentence Encoder lite (@energetic-ai/embeddings 0.2.0 on
// @energetic-ai/core's WASM backend) on the texts the C# encoder is timed on, for the `encoder` suite.
// Usage: node tfjs-encoder.js NODE_MODULES MODEL_DIR TEXTS_JSON BATCH[,BATCH...] ROUNDS
// Prints one JSON object: { backend, threads, results: [{ batch, seconds, cpuSeconds, texts }] }
// (seconds: best wall time of ROUNDS; cpuSeconds: the least process CPU time of a round).
const path = require('path');
const fs = require('fs');
const [nodeModules, modelDir, textsFile, batchList, roundsArg] = process.argv.slice(2);
const core = require(path.join(nodeModules, '@energetic-ai/core'));
const { initModel } = require(path.join(nodeModules, '@energetic-ai/embeddings'));

async function main() {
  const texts = JSON.parse(fs.readFileSync(textsFile, 'utf8'));
  const source = async () => ({
    model: await core.loadGraphModel(`file://${path.resolve(modelDir)}/model.json`),
    vocabulary: JSON.parse(fs.readFileSync(path.join(modelDir, 'vocab.json'), 'utf8')),
  });
  const model = await initModel(source);
  const rounds = Number(roundsArg || 3);
  const results = [];
  for (const batch of batchList.split(',').map(Number)) {
    const run = async () => { for (let i = 0; i < texts.length; i += batch) await model.embed(texts.slice(i, i + batch)); };
    await run(); // warm-up
    let best = Infinity, bestCpu = Infinity;
    for (let r = 0; r < rounds; r++) {
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      await run();
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
      const used = process.cpuUsage(cpu);
      bestCpu = Math.min(bestCpu, (used.user + used.system) / 1e6);
    }
    results.push({ batch, seconds: best, cpuSeconds: bestCpu, texts: texts.length });
  }
  const backend = core.getBackend();
  const threads = backend === 'wasm' && core.getThreadsCount ? core.getThreadsCount() : null;
  console.log(JSON.stringify({ backend, threads, results }));
}
main().catch(e => { console.error(e); process.exit(1); });
