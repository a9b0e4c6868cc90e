// Agreement with careful readers on real labelled support language (../shared/labels/dev, skipped
// when absent; see scripts/eval/labels.js), then the catalogue on our own sentences in fixtures/eval/,
// which tests the mechanism and is never an accuracy figure. Build first (`npm run eval` does).
//
//   node scripts/eval.js [DIR] [--labels LABELS_DIR] [--json] [--errors]
//   ETCSCORE_EVAL_DIR=DIR node scripts/eval.js
//
// --errors lists every miss on both sets. Each line of fixtures/eval/{emotion,trust,control}.jsonl is
// {"id","role","text","context"?,"labels":[categories]}: the context is a turn said by the other
// party just before (a string), or turns given as {role, text} objects.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { predict } from './eval/predict.js';
import { figures, formatFigures, readLabels } from './eval/labels.js';
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

/** Our own sentences (fixtures/eval): a test of the mechanism, never an accuracy figure. */
async function mechanism(dir, { json, showErrors }) {
  const present = FILES.map((f) => path.join(dir, f)).filter((f) => existsSync(f));
  if (present.length === 0) return undefined;
  const result = evaluate(present.flatMap(readJsonl));
  const sentiment = await sentimentPart(dir);
  if (json) {
    const { errors, ...rest } = result;
    return { ...rest, ...(showErrors ? { errors } : {}), ...(sentiment ? { sentiment } : {}) };
  }
  const out = [table(result)];
  if (sentiment) out.push('', sentimentTable(sentiment));
  if (showErrors) {
    out.push('', 'errors (missed = labelled but not found; extra = found but not labelled):');
    for (const e of result.errors) {
      const ctx = e.context ? `  [after: ${typeof e.context === 'string' ? e.context : JSON.stringify(e.context)}]` : '';
      out.push(`  ${e.id} ${e.role}: ${e.text}${ctx}\n      missed ${e.missed.join(',') || '-'}  extra ${e.extra.join(',') || '-'}`);
    }
  }
  return out.join('\n');
}

function misses(m) {
  const out = ['', 'agent misses (missed = a reader labelled it, not found; extra = found, not labelled):'];
  for (const e of m.agent) {
    out.push(`  ${e.id}: ${e.text.replace(/\s+/g, ' ')}${e.note ? `\n      note: ${e.note}` : ''}\n      missed ${e.missed.join(',') || '-'}  extra ${e.extra.join(',') || '-'}`);
  }
  out.push('', 'shape misses:');
  for (const e of m.shapes) out.push(`  ${e.id}: ${e.gold} → ${e.got}  [${e.trajectory.join(' ')}]  ${e.reason}`);
  return out.join('\n');
}

async function main(argv) {
  const json = argv.includes('--json');
  const showErrors = argv.includes('--errors');
  const labelsAt = argv.indexOf('--labels');
  const labelsDir = path.resolve(labelsAt >= 0 ? argv[labelsAt + 1] : path.join(ROOT, '..', 'shared', 'labels', 'dev'));
  const dir = path.resolve(argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--labels') ?? process.env.ETCSCORE_EVAL_DIR ?? path.join(ROOT, 'fixtures', 'eval'));

  const sources = readLabels(labelsDir);
  const m = showErrors ? { agent: [], shapes: [] } : undefined;
  const real = sources ? await figures(sources, { misses: m }) : undefined;
  const own = await mechanism(dir, { json, showErrors });
  if (json) {
    process.stdout.write(JSON.stringify({ labels: real ?? null, mechanism: own ?? null }) + '\n');
    return 0;
  }
  const out = [];
  if (real) out.push(`== real support language, labelled by careful readers (${path.relative(process.cwd(), labelsDir)}) ==`, formatFigures(real));
  else out.push(`== real support language: ${labelsDir} is absent, skipped ==`);
  if (m) out.push(misses(m));
  out.push('', `== our own sentences (${path.relative(process.cwd(), dir)}): a test of the mechanism, not an accuracy figure ==`);
  out.push(own ?? `(no ${FILES.join(', ')} in ${dir}, skipped)`);
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
