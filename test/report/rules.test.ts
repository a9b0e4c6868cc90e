// `etcscore rules --format json` (src/report/rules.ts): what an analyst needs to tune a rule: its
// patterns, the conditions it reads them under, and the file that declares it.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../src/rules/index.js';
import { renderCatalogue } from '../../src/report/rules.js';
import { runCli } from '../helpers/cli.js';

const root = path.resolve(import.meta.dirname, '..', '..');
interface JsonRule {
  id: string;
  messageId: string;
  url?: string;
  declaredIn?: string;
  extendedIn?: string;
  patterns: string[];
  extract?: string;
  patternsFrom?: string;
  /** Flags for a rule in TypeScript; the named conditions (allow, when, unless) for one in YAML. */
  conditions: { allowNegated?: boolean; allowQuestion?: boolean; allowQuoted?: boolean; allow?: string[]; when?: string[]; unless?: string[]; once?: string; suppressedBy?: string[]; check?: boolean };
}
const catalogue = (text: string) => (JSON.parse(text) as { rules: JsonRule[] }).rules;

describe('etcscore rules --format json', () => {
  const rules = catalogue(renderCatalogue(BUILTIN_RULES, 'json'));

  it('names the catalogue file that declares each rule, and that file declares it', async () => {
    expect(rules).toHaveLength(BUILTIN_RULES.length);
    for (const r of rules) {
      expect(r.declaredIn, r.id).toMatch(/^src\/rules\/(catalogue\/[a-z-]+\.ts|data\/[a-z-]+\.yaml)$/);
      expect(existsSync(path.join(root, r.declaredIn!)), r.declaredIn).toBe(true);
      // A YAML file declares a rule where a line of it says its id.
      if (r.declaredIn!.endsWith('.yaml')) {
        expect(readFileSync(path.join(root, r.declaredIn!), 'utf8')).toMatch(new RegExp(`^- id: ${r.id}$`, 'm'));
        continue;
      }
      const module = (await import(path.join(root, r.declaredIn!))) as Record<string, unknown>;
      const declared = Object.values(module).filter(Array.isArray).flat() as Array<{ id?: string }>;
      expect(declared.some((d) => d.id === r.id), `${r.id} in ${r.declaredIn}`).toBe(true);
    }
  });

  it('lists each rule patterns and conditions as the engine reads them', () => {
    for (const [i, r] of rules.entries()) {
      const def = BUILTIN_RULES[i]!;
      expect(r.id).toBe(def.id);
      expect(r.patterns).toEqual(def.patterns);
      expect(r).toMatchObject({ messageId: `${def.id}/default`, url: `docs/rules.md#${def.id}` });
      // A rule in YAML names its conditions (src/rules/data/README.md); one in TypeScript has flags.
      if (def.conditions) {
        expect(r.conditions).toEqual(def.conditions);
        continue;
      }
      expect(r.conditions).toEqual({
        allowNegated: def.allowNegated === true,
        allowQuestion: def.allowQuestion === true,
        allowQuoted: def.allowQuoted === true,
        ...(def.once ? { once: def.once } : {}),
        ...(def.suppressedBy?.length ? { suppressedBy: def.suppressedBy } : {}),
        check: typeof def.check === 'function',
      });
    }
    // The catalogue has rules of each sort, so the fields above are not all one value.
    // (A rule in YAML says `allow: [quoted]` and names conditions; one in TypeScript has flags and a check.)
    const decided = (r: (typeof rules)[number]) => Boolean(r.conditions.check || r.conditions.unless || r.conditions.when || r.extract);
    expect(rules.some(decided) && rules.some((r) => !decided(r))).toBe(true);
    expect(rules.some((r) => r.conditions.suppressedBy)).toBe(true);
    expect(rules.some((r) => r.conditions.allowQuoted || r.conditions.allow?.includes('quoted'))).toBe(true);
    // Rules that attach data name their extractor.
    expect(rules.find((r) => r.id === 'commitment-made')).toMatchObject({ extract: 'commitment-details' });
    // A rule that reads another rule's phrases says whose, and lists them as the engine reads them.
    expect(rules.find((r) => r.id === 'broken-promise-admitted')).toMatchObject({ patternsFrom: 'customer-reports-broken-promise' });
  });

  it('shows the configuration applied: extended patterns with their file, user rules, no disabled ones', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'etcscore-rules-json-'));
    writeFileSync(
      path.join(cwd, '.etcscorerc.yaml'),
      [
        'rules:',
        '  - id: above-my-pay-grade',
        '    category: policy-hiding',
        "    patterns: [\"(that's|it's) above my pay grade\"]",
        '    message: Passing the decision upward leaves nobody who owns it.',
        'disable: [pseudo-apology]',
        'extend:',
        "  dead-end: [\"(they|you) won't be allowed to board\"]",
        '',
      ].join('\n'),
    );
    const r = await runCli(['rules', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const shown = catalogue(r.stdout);
    expect(shown.map((x) => x.id)).not.toContain('pseudo-apology');
    const deadEnd = shown.find((x) => x.id === 'dead-end')!;
    expect(deadEnd).toMatchObject({ declaredIn: BUILTIN_RULES.find((x) => x.id === 'dead-end')!.declaredIn, extendedIn: '.etcscorerc.yaml' });
    expect(deadEnd.patterns.at(-1)).toBe("(they|you) won't be allowed to board");
    expect(shown.find((x) => x.id === 'user/above-my-pay-grade')).toMatchObject({ declaredIn: '.etcscorerc.yaml', messageId: 'user/above-my-pay-grade' });
    expect(shown.find((x) => x.id === 'user/above-my-pay-grade')!.url).toBeUndefined();
  });
});
