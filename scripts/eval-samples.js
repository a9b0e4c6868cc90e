// How the findings agree with a coach's annotations of the bundled samples (fixtures/expected/samples.json),
// on a fixed split: `dev` (odd positions of the sorted file list) may be read to improve rules; `heldout`
// (even positions) is only ever measured, so its figure stays an honest estimate.
//   node scripts/eval-samples.js dev|heldout|all [--misses]     (build first: npm run build)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, analyze } from '../dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [split = 'all', flag] = process.argv.slice(2);
if (flag === '--misses' && split !== 'dev') {
  console.error('only the dev split lists its misses: the held-out ones stay unseen');
  process.exit(2);
}
const expected = JSON.parse(readFileSync(path.join(root, 'fixtures/expected/samples.json'), 'utf8'));
const files = Object.keys(expected)
  .sort()
  .filter((_, i) => split === 'all' || (split === 'dev' ? i % 2 === 0 : i % 2 === 1));

let hit = 0;
let miss = 0;
let extra = 0;
for (const file of files) {
  const e = expected[file];
  const [t] = parse(readFileSync(path.join(root, 'fixtures/samples', file)), { source: file });
  const a = analyze(t);
  for (const f of e.findings) {
    const text = t.turns[f.turn].text;
    const at = text.indexOf(f.text);
    const found = a.findings.some((g) => g.turn === f.turn && g.category === f.category && g.span[0] < at + f.text.length && at < g.span[1]);
    if (found) hit++;
    else {
      miss++;
      if (flag === '--misses') console.log(`MISS  ${file} turn ${f.turn} ${f.category} ${JSON.stringify(f.text)}`);
    }
  }
  for (const g of a.findings) {
    if (e.findings.some((f) => f.turn === g.turn && f.category === g.category)) continue;
    extra++;
    if (flag === '--misses') console.log(`EXTRA ${file} turn ${g.turn} ${g.category} ${JSON.stringify(g.text)}`);
  }
}
const round = (x) => Math.round(x * 1000) / 1000;
console.log(JSON.stringify({ split, files: files.length, expected: hit + miss, hit, miss, extra, recall: round(hit / (hit + miss)), precision: round(hit / (hit + extra)) }));
