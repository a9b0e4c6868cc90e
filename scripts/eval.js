// Scores the rule catalogue on the labelled utterances in fixtures/eval/: per-category precision,
// recall, F1 and support, and macro-F1; then customer sentiment accuracy beside the peers, when the
// sentiment evaluation (scripts/eval-sentiment.js) is present. Build first (`npm run eval` does).
//
//   node scripts/eval.js [DIR] [--json] [--errors]
//   ETCSCORE_EVAL_DIR=DIR node scripts/eval.js
//
// Each line of emotion.jsonl, trust.jsonl and control.jsonl is
// {"id","role","text","context"?,"labels":[categories]}: the context is a turn said by the other
// party just before (a string), or turns given as {role, text} objects.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtinRuleSet } from '../dist/rules/index.js';
import { textFeatures } from '../dist/nlp/features.js';
import { ALL_CATEGORIES } from '../dist/model/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FILES = ['emotion.jsonl', 'trust.jsonl', 'control.jsonl'];

function readJsonl(file) {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line, i) => [line, i + 1])
    .filter(([line]) => line.trim() !== '')
    .map(([line, n]) => {
      try {
        return JSON.parse(line);
      } catch (err) {
        throw new Error(`${file}:${n}: ${err.message}`);
      }
    });
}

const other = (role) => (role === 'agent' ? 'customer' : 'agent');

/** The 1- or 2-turn (or longer, when given) conversation an utterance is judged in. */
function conversation(item) {
  const before =
    item.context === undefined || item.context === null || item.context === ''
      ? []
      : typeof item.context === 'string'
        ? [{ role: other(item.role), text: item.context }]
        : (Array.isArray(item.context) ? item.context : [item.context]).map((t) =>
            typeof t === 'string' ? { role: other(item.role), text: t } : { role: t.role, text: t.text },
          );
  const turns = [...before, { role: item.role, text: item.text }].map((t, index) => ({ index, role: t.role, speaker: t.role, text: t.text }));
  return { id: String(item.id), source: 'eval', channel: 'unknown', turns, meta: {} };
}

/** The categories the catalogue finds on the utterance's own turn. */
export function predict(item, rules = builtinRuleSet()) {
  const t = conversation(item);
  const last = t.turns.length - 1;
  const found = rules.run(t, t.turns.map((turn) => ({ turn, features: textFeatures(turn.text) })));
  return new Set(found.filter((f) => f.turn === last).map((f) => f.category));
}

export function evaluate(items) {
  const stats = new Map(ALL_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0, support: 0 }]));
  const errors = [];
  for (const item of items) {
    const gold = new Set(item.labels ?? []);
    const got = predict(item);
    for (const c of gold) {
      if (!stats.has(c)) throw new Error(`${item.id}: "${c}" is not a category`);
      stats.get(c).support++;
      if (got.has(c)) stats.get(c).tp++;
      else stats.get(c).fn++;
    }
    for (const c of got) if (!gold.has(c)) stats.get(c).fp++;
    const missed = [...gold].filter((c) => !got.has(c));
    const extra = [...got].filter((c) => !gold.has(c));
    if (missed.length || extra.length) errors.push({ id: item.id, role: item.role, text: item.text, context: item.context, missed, extra });
  }
  const ratio = (a, b) => (b === 0 ? 0 : a / b);
  const categories = {};
  for (const [c, s] of stats) {
    if (s.support === 0 && s.fp === 0) continue;
    const precision = ratio(s.tp, s.tp + s.fp);
    const recall = ratio(s.tp, s.support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    categories[c] = { precision, recall, f1, support: s.support, tp: s.tp, fp: s.fp, fn: s.fn };
  }
  const scored = Object.values(categories).filter((x) => x.support > 0);
  const macroF1 = ratio(scored.reduce((a, x) => a + x.f1, 0), scored.length);
  return { n: items.length, macroF1, categories, errors };
}

function table(r) {
  const f = (x) => x.toFixed(2);
  const lines = [`${'category'.padEnd(22)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)} ${'support'.padStart(8)} ${'fp'.padStart(4)}`];
  for (const [c, x] of Object.entries(r.categories)) {
    const note = x.support === 0 ? '   (no labelled example: false positives only)' : '';
    lines.push(`${c.padEnd(22)} ${f(x.precision).padStart(5)} ${f(x.recall).padStart(5)} ${f(x.f1).padStart(5)} ${String(x.support).padStart(8)} ${String(x.fp).padStart(4)}${note}`);
  }
  lines.push('', `macro-F1 ${f(r.macroF1)} over ${Object.values(r.categories).filter((x) => x.support > 0).length} categories, n = ${r.n} utterances`);
  return lines.join('\n');
}

async function sentimentPart(dir) {
  const script = path.join(ROOT, 'scripts', 'eval-sentiment.js');
  const data = path.join(dir, 'sentiment.jsonl');
  if (!existsSync(script) || !existsSync(data)) return undefined;
  const { evalSentiment } = await import(pathToFileURL(script).href);
  if (typeof evalSentiment !== 'function') return undefined;
  return evalSentiment(readJsonl(data).filter((it) => it.role === undefined || it.role === 'customer'));
}

function sentimentTable(s) {
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  return [
    `customer sentiment, 3 classes, n = ${s.n}`,
    `  ${'etcscore'.padEnd(16)} ${pct(s.etcscore.accuracy)}`,
    ...Object.entries(s.peers).map(([name, t]) => `  ${name.padEnd(16)} ${pct(t.accuracy)}`),
    `  ${'majority'.padEnd(16)} ${pct(s.majority.accuracy)} (always "${s.majority.label}")`,
  ].join('\n');
}

async function main(argv) {
  const json = argv.includes('--json');
  const showErrors = argv.includes('--errors');
  const dir = path.resolve(argv.find((a) => !a.startsWith('--')) ?? process.env.ETCSCORE_EVAL_DIR ?? path.join(ROOT, 'fixtures', 'eval'));
  const present = FILES.map((f) => path.join(dir, f)).filter((f) => existsSync(f));
  if (present.length === 0) {
    process.stderr.write(`eval: no ${FILES.join(', ')} in ${dir}\n`);
    return 2;
  }
  const items = present.flatMap(readJsonl);
  const result = evaluate(items);
  const sentiment = await sentimentPart(dir);
  if (json) {
    const { errors, ...rest } = result;
    process.stdout.write(JSON.stringify({ ...rest, ...(showErrors ? { errors } : {}), ...(sentiment ? { sentiment } : {}) }) + '\n');
    return 0;
  }
  const out = [table(result)];
  if (sentiment) out.push('', sentimentTable(sentiment));
  else out.push('', '(customer sentiment: scripts/eval-sentiment.js or sentiment.jsonl not present, skipped)');
  if (showErrors) {
    out.push('', 'errors (missed = labelled but not found; extra = found but not labelled):');
    for (const e of result.errors) {
      const ctx = e.context ? `  [after: ${typeof e.context === 'string' ? e.context : JSON.stringify(e.context)}]` : '';
      out.push(`  ${e.id} ${e.role}: ${e.text}${ctx}\n      missed ${e.missed.join(',') || '-'}  extra ${e.extra.join(',') || '-'}`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
