// The pipeline flows one way: formats → model → nlp → rules → score → report, with cli wiring them.
// The one phrase language (token patterns, word lists, classes, the automaton) lives in nlp/phrase,
// below rules, so that nlp's sentiment phrases and the rules are written in it and matched by it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '..', 'src');

/** What each stage may import from the project, besides itself. */
const ALLOWED: Record<string, string[]> = {
  model: [],
  formats: ['model'],
  nlp: ['model'],
  rules: ['model', 'nlp'],
  score: ['model', 'nlp', 'rules'],
  report: ['model', 'nlp', 'rules', 'score'],
  cli: ['model', 'formats', 'nlp', 'rules', 'score', 'report'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const imports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );

describe('architecture', () => {
  for (const stage of Object.keys(ALLOWED)) {
    it(`${stage}/ imports only ${ALLOWED[stage]!.join(', ') || 'nothing else in src'}`, () => {
      for (const file of files(path.join(src, stage))) {
        for (const spec of imports(file)) {
          if (!spec.startsWith('.')) continue;
          const target = path.relative(src, path.resolve(path.dirname(file), spec)).split(path.sep)[0]!;
          if (target === stage || target.endsWith('.json')) continue;
          expect(ALLOWED[stage], `${path.relative(src, file)} imports ${spec}`).toContain(target);
        }
      }
    });
  }

  it('nlp/phrase, the phrase language, reads only tokens and negation: what is written in it (sentiment phrases, rules) sits above it', () => {
    for (const file of files(path.join(src, 'nlp', 'phrase'))) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = path.relative(src, path.resolve(path.dirname(file), spec));
        expect(target.startsWith(`nlp${path.sep}phrase${path.sep}`) || ['nlp/tokenize.js', 'nlp/negation.js', 'model/records.js'].includes(target.split(path.sep).join('/')), `${path.relative(src, file)} imports ${spec}`).toBe(true);
      }
    }
  });

  it('never imports natural whole: it prints to stdout and loads .env', () => {
    for (const file of files(src)) {
      for (const spec of imports(file)) expect(spec, path.relative(src, file)).not.toBe('natural');
      expect(readFileSync(file, 'utf8'), path.relative(src, file)).not.toMatch(/require\(\s*['"]natural['"]\s*\)/);
    }
  });
});
