// Peer comparison: etcscore's turnSentiment against the `sentiment` package (AFINN), wink-nlp
// and vader-sentiment on a labelled 3-class set. Build first: npx tsc -p tsconfig.build.json
//   node scripts/eval-sentiment.js [fixtures/eval/sentiment.jsonl]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { textFeatures } from '../dist/nlp/features.js';
import { turnSentiment } from '../dist/nlp/sentiment.js';

const LABELS = ['negative', 'neutral', 'positive'];
/** wink-nlp's sentiment is a −1..1 normalised score; small values are treated as neutral. */
const WINK_DEAD_ZONE = 0.05;
/** VADER's documented compound thresholds. */
const VADER_THRESHOLD = 0.05;

const sign3 = (x, dead = 0) => (x > dead ? 'positive' : x < -dead ? 'negative' : 'neutral');

async function loadPeers() {
  const { default: Sentiment } = await import('sentiment');
  const { default: vader } = await import('vader-sentiment');
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const afinn = new Sentiment();
  const nlp = winkNLP(model);
  const its = nlp.its;
  return {
    sentiment: (text) => sign3(afinn.analyze(text).comparative),
    'wink-nlp': (text) => sign3(nlp.readDoc(text).out(its.sentiment), WINK_DEAD_ZONE),
    'vader-sentiment': (text) => sign3(vader.SentimentIntensityAnalyzer.polarity_scores(text).compound, VADER_THRESHOLD - 1e-9),
  };
}

function tally(items, predict) {
  const confusion = Object.fromEntries(LABELS.map((g) => [g, Object.fromEntries(LABELS.map((p) => [p, 0]))]));
  let right = 0;
  for (const it of items) {
    const p = predict(it.text);
    confusion[it.sentiment][p]++;
    if (p === it.sentiment) right++;
  }
  return { accuracy: items.length ? right / items.length : 0, confusion };
}

/** items: Array<{ text, sentiment: 'negative'|'neutral'|'positive' }> */
export async function evalSentiment(items) {
  const data = items.filter((it) => LABELS.includes(it.sentiment) && typeof it.text === 'string');
  const peers = await loadPeers();
  const counts = Object.fromEntries(LABELS.map((l) => [l, 0]));
  for (const it of data) counts[it.sentiment]++;
  const majorityLabel = LABELS.reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return {
    n: data.length,
    etcscore: tally(data, (text) => turnSentiment(textFeatures(text)).label),
    peers: Object.fromEntries(Object.entries(peers).map(([name, fn]) => [name, tally(data, fn)])),
    majority: { label: majorityLabel, accuracy: data.length ? counts[majorityLabel] / data.length : 0 },
  };
}

export function readJsonl(path) {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (e) {
        throw new Error(`${path}:${i + 1}: ${e.message}`);
      }
    });
}

function table(r) {
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  const row = (name, t) => {
    const c = t.confusion;
    const cells = LABELS.map((g) => LABELS.map((p) => String(c[g][p]).padStart(3)).join(' ')).join(' | ');
    return `${name.padEnd(16)} ${pct(t.accuracy).padStart(6)}   ${cells}`;
  };
  return [
    `n = ${r.n}   (confusion rows: gold neg | neu | pos; columns within: predicted neg neu pos)`,
    `${'system'.padEnd(16)} ${'acc'.padStart(6)}`,
    row('etcscore', r.etcscore),
    ...Object.entries(r.peers).map(([k, v]) => row(k, v)),
    `${'majority'.padEnd(16)} ${pct(r.majority.accuracy).padStart(6)}   (always "${r.majority.label}")`,
  ].join('\n');
}

/** Utterances per second on the same strings: etcscore (with and without tokenising) vs `sentiment`. */
export async function benchSentiment(texts, { rounds = 200 } = {}) {
  const { default: Sentiment } = await import('sentiment');
  const afinn = new Sentiment();
  const features = texts.map((t) => textFeatures(t));
  const time = (fn) => {
    for (let r = 0; r < 20; r++) fn(); // warm up
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < rounds; r++) fn();
    const sec = Number(process.hrtime.bigint() - t0) / 1e9;
    return Math.round((rounds * texts.length) / sec);
  };
  let sink = 0;
  return {
    utterances: texts.length * rounds,
    sentiment: time(() => { for (const t of texts) sink += afinn.analyze(t).score; }),
    'etcscore (textFeatures + turnSentiment)': time(() => { for (const t of texts) sink += turnSentiment(textFeatures(t)).score; }),
    'etcscore (turnSentiment on shared features)': time(() => { for (const f of features) sink += turnSentiment(f).score; }),
    sink: Number.isFinite(sink),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const bench = args.includes('--bench');
  const path = args.find((a) => !a.startsWith('--')) ?? 'fixtures/eval/sentiment.jsonl';
  const items = readJsonl(path).filter((it) => it.role === undefined || it.role === 'customer');
  const result = await evalSentiment(items);
  console.log(table(result));
  if (bench) {
    const b = await benchSentiment(items.map((it) => it.text));
    console.log(`\nthroughput (utterances/s, ${b.utterances} per system, same strings):`);
    for (const [k, v] of Object.entries(b)) if (k !== 'utterances' && k !== 'sink') console.log(`  ${k.padEnd(46)} ${v}`);
  }
}
