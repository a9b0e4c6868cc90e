// Writes docs/rules.md from the rule definitions, so the catalogue's documentation cannot drift
// from the rules that run. test/rules/docs.test.ts fails when the file is out of date.
// Build first (`npm run docs` does).
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_RULES } from '../dist/rules/index.js';
import { renderCatalogue } from '../dist/report/rules.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs', 'rules.md');
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, renderCatalogue(BUILTIN_RULES, 'markdown'));
process.stderr.write(`wrote ${path.relative(root, target)} (${BUILTIN_RULES.length} rules)\n`);
