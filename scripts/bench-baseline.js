#!/usr/bin/env node
// The pipeline people would otherwise glue together, as the benchmark's baseline: read NDJSON
// transcripts (a file or stdin), score each customer turn with a general-purpose sentiment
// library, write one result line per conversation.
//   node scripts/bench-baseline.js [file.ndjson|-] [--peer sentiment|wink|vader] > out.ndjson
// `sentiment` (AFINN) is the baseline of the targets; wink-nlp and vader-sentiment are the other
// peers the benchmark compares against, run the same way as whole processes.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const peerAt = args.indexOf('--peer');
const peer = peerAt >= 0 ? args.splice(peerAt, 2)[1] : 'sentiment';
const file = args[0] ?? '-';

/** text → a score, for each peer; loaded only when chosen. */
const PEERS = {
  async sentiment() {
    const { default: Sentiment } = await import('sentiment');
    const s = new Sentiment();
    return (text) => s.analyze(text).comparative;
  },
  async wink() {
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model, ['sbd', 'negation', 'sentiment']);
    return (text) => nlp.readDoc(text).out(nlp.its.sentiment);
  },
  async vader() {
    const { default: vader } = await import('vader-sentiment');
    return (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  },
};
if (!PEERS[peer]) {
  process.stderr.write(`unknown peer "${peer}" (one of: ${Object.keys(PEERS).join(', ')})\n`);
  process.exit(2);
}
const score = await PEERS[peer]();

const input = file === '-' ? process.stdin : createReadStream(file);
let out = '';
const flush = () =>
  new Promise((resolve) => {
    if (process.stdout.write(out)) resolve();
    else process.stdout.once('drain', resolve);
    out = '';
  });

for await (const line of createInterface({ input, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  const t = JSON.parse(line);
  const scores = [];
  for (const turn of t.turns) {
    if (turn.role === 'customer') scores.push(score(turn.text));
  }
  const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
  out += JSON.stringify({ id: t.id, customerTurns: scores.length, sentiment: mean, start: scores[0] ?? 0, end: scores.at(-1) ?? 0 }) + '\n';
  if (out.length >= 1 << 16) await flush();
}
await flush();
