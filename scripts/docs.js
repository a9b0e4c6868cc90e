// Writes docs/rules.md from the rule definitions, and the tables of conditions and extractors in
// src/rules/data/README.md from their registries, so the catalogue's documentation cannot drift
// from the rules that run. test/rules/docs.test.ts fails when either is out of date.
// Build first (`npm run docs` does).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_RULES } from '../dist/rules/index.js';
import { renderCatalogue } from '../dist/report/rules.js';
import { withConditionTables } from '../dist/report/conditions.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs', 'rules.md');
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, renderCatalogue(BUILTIN_RULES, 'markdown'));
process.stderr.write(`wrote ${path.relative(root, target)} (${BUILTIN_RULES.length} rules)\n`);
const readme = path.join(root, 'src', 'rules', 'data', 'README.md');
writeFileSync(readme, withConditionTables(readFileSync(readme, 'utf8')));
process.stderr.write(`wrote the tables of ${path.relative(root, readme)}\n`);
