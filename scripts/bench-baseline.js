#!/usr/bin/env node
// The pipeline people would otherwise glue together, as the benchmark's baseline: read NDJSON
// transcripts (a file or stdin), run `sentiment` (AFINN) on each customer turn, write one result
// line per conversation. Usage: node scripts/bench-baseline.js [file.ndjson|-] > out.ndjson
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import Sentiment from 'sentiment';

const file = process.argv[2] ?? '-';
const input = file === '-' ? process.stdin : createReadStream(file);
const sentiment = new Sentiment();

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
    if (turn.role === 'customer') scores.push(sentiment.analyze(turn.text).comparative);
  }
  const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
  out += JSON.stringify({ id: t.id, customerTurns: scores.length, sentiment: mean, start: scores[0] ?? 0, end: scores.at(-1) ?? 0 }) + '\n';
  if (out.length >= 1 << 16) await flush();
}
await flush();
