// The catalogue as users read it: docs/rules.md and `etcscore rules` come from the rule definitions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../src/rules/index.js';
import { renderCatalogue } from '../../src/report/rules.js';
import { withConditionTables } from '../../src/report/conditions.js';
import { runCli } from '../helpers/cli.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('docs/rules.md', () => {
  it('is up to date with the rule definitions (run `npm run docs`)', () => {
    const written = readFileSync(path.join(root, 'docs', 'rules.md'), 'utf8');
    expect(written === renderCatalogue(BUILTIN_RULES, 'markdown'), 'docs/rules.md is out of date: run `npm run docs`').toBe(true);
  });

  it("src/rules/data/README.md's tables of conditions and extractors are up to date (run `npm run docs`)", () => {
    const readme = readFileSync(path.join(root, 'src', 'rules', 'data', 'README.md'), 'utf8');
    expect(withConditionTables(readme) === readme, 'src/rules/data/README.md is out of date: run `npm run docs`').toBe(true);
  });

  it('documents every rule with its reason, examples and patterns', () => {
    const md = renderCatalogue(BUILTIN_RULES, 'markdown');
    for (const r of BUILTIN_RULES) {
      expect(md).toContain(`## ${r.id}`);
      expect(md).toContain(r.why);
      expect(md).toContain(r.unit === 'clause' ? 'Reads every clause' : `\`${r.patterns[0]}\``);
    }
  });
});

describe('etcscore rules', () => {
  it.each(['pretty', 'json', 'markdown'])('prints the catalogue as %s', async (format) => {
    const r = await runCli(['rules', '--format', format]);
    expect(r.code).toBe(0);
    for (const rule of BUILTIN_RULES) expect(r.stdout).toContain(rule.id);
  });

  it('renders examples that need context with the turns before them', () => {
    const md = renderCatalogue(BUILTIN_RULES, 'markdown');
    expect(md).toMatch(/Customer: The replacement, please\. \/ \*\*Agent: Of course/);
  });
});
