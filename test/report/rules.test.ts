// `etcscore rules --format json` (src/report/rules.ts): what an analyst needs to tune a rule: its
// patterns, the conditions it reads them under, and the file that declares it.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, CONDITIONS, CONDITION_NAMES, EXTRACTOR_NAMES } from '../../src/rules/index.js';
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
    // The Markdown catalogue links a user's rule to its heading as a renderer anchors it ("user/x" → "userx").
    const md = (await runCli(['rules', '--format', 'markdown'], { cwd })).stdout;
    expect(md).toContain('| [user/above-my-pay-grade](#userabove-my-pay-grade) |');
    expect(md).toContain('\n## user/above-my-pay-grade\n');
  });
});

describe('the conditions in the catalogue', () => {
  interface Entry {
    name: string;
    description: string;
    usedBy: Array<{ rule: string; as: string }>;
    phraseSets: Array<{ name: string; declaredIn: string; line: number; patterns: string[] }>;
    rulePatterns?: string[];
  }
  const json = JSON.parse(renderCatalogue(BUILTIN_RULES, 'json')) as { conditions: Entry[]; extractors: Entry[] };

  it('json: every condition and extractor, with each phrase set it hears: its patterns, file and line', () => {
    expect(json.conditions.map((c) => c.name)).toEqual(CONDITION_NAMES);
    expect(json.extractors.map((e) => e.name)).toEqual(EXTRACTOR_NAMES);
    const reason = json.conditions.find((c) => c.name === 'reason-and-alternative')!;
    expect(reason.description).toBe(CONDITIONS['reason-and-alternative'].description);
    expect(reason.usedBy).toContainEqual({ rule: 'policy-as-wall', as: 'unless' });
    expect(reason.phraseSets.map((s) => s.name).sort()).toEqual(['alternative', 'reason']);
    expect(json.extractors.find((e) => e.name === 'commitment-details')).toMatchObject({ usedBy: [{ rule: 'commitment-made', as: 'extract' }], rulePatterns: ['goodwill-gesture'] });
    // Each set is where it says: its name opens that line of that file, and its patterns are the set's.
    for (const set of [...json.conditions, ...json.extractors].flatMap((c) => c.phraseSets)) {
      const line = readFileSync(path.join(root, set.declaredIn), 'utf8').split('\n')[set.line - 1];
      expect(line, `${set.declaredIn}:${set.line}`).toMatch(new RegExp(`^${set.name}:`));
      expect(set.patterns.length, set.name).toBeGreaterThan(0);
    }
  });

  it('pretty: a section with one line per condition naming the sets it hears', () => {
    const text = renderCatalogue(BUILTIN_RULES, 'pretty');
    const section = text.slice(text.indexOf('CONDITIONS'));
    expect(section.split('\n').filter((l) => /^  \S/.test(l))).toHaveLength(CONDITION_NAMES.length);
    expect(section).toMatch(/\n  interjection +bare-wait, polite-before, reason-after, request-after\n/);
    expect(section).toMatch(/\n  negated +\(none/);
  });

  it('markdown: each condition with the rules it silences or enables and its sets with file and line', () => {
    const md = renderCatalogue(BUILTIN_RULES, 'markdown');
    const at = md.indexOf('\n### reason-and-alternative\n');
    const entry = md.slice(at, md.indexOf('\n### ', at + 1));
    expect(entry).toMatch(/- Silences `policy-as-wall`/);
    expect(entry).toMatch(/`reason` \(`src\/rules\/data\/phrases\/control\.yaml:\d+`\)/);
    expect(md).toMatch(/\n- `reason` \(`src\/rules\/data\/phrases\/control\.yaml:\d+`; read by `reason-and-alternative`/);
  });
});
