// messageId and url (src/rules/ids.ts): stable names for a finding's message, and links that land
// on a real heading of docs/rules.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, DERIVED_FINDINGS, messageIdOf, ruleUrl } from '../../src/rules/index.js';
import { analyze } from '../../src/score/analyze.js';
import { ContactLinker } from '../../src/score/contacts.js';
import type { Role, Transcript } from '../../src/model/types.js';
import { runCli } from '../helpers/cli.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const docs = readFileSync(path.join(root, 'docs', 'rules.md'), 'utf8');

/** The anchors a Markdown renderer (GitHub's) gives the headings of a document. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6} (.+)$/gm)) {
    out.add(m[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
  }
  return out;
}

describe('messageId', () => {
  it('is "<rule id>/default" for a catalogue rule, its own id for a user rule, and the one it is given', () => {
    expect(messageIdOf({ id: 'dead-end' })).toBe('dead-end/default');
    expect(messageIdOf({ id: 'user/above-my-pay-grade' })).toBe('user/above-my-pay-grade');
    expect(messageIdOf({ id: 'dead-end-v2', messageId: 'dead-end/default' })).toBe('dead-end/default');
  });

  it('is unique across the catalogue', () => {
    const ids = BUILTIN_RULES.map(messageIdOf);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('url', () => {
  it('lands on a heading of docs/rules.md for every rule and every finding across contacts', () => {
    const known = anchors(docs);
    for (const id of [...BUILTIN_RULES.map((r) => r.id), ...DERIVED_FINDINGS.map((d) => d.id)]) {
      const url = ruleUrl(id)!;
      expect(url).toBe(`docs/rules.md#${id}`);
      expect(known.has(url.split('#')[1]!), url).toBe(true);
    }
    expect(ruleUrl('user/above-my-pay-grade')).toBeUndefined();
  });

  it('is on every finding the bundled samples give, with its messageId, in a deterministic order', async () => {
    const run = () => runCli(['score', path.join(root, 'fixtures', 'samples'), '--format', 'ndjson', '--jobs', '1'], { cwd: root });
    const first = await run();
    const known = anchors(docs);
    const findings = first.stdout.trim().split('\n').flatMap((l) => JSON.parse(l).findings ?? []);
    expect(findings.length).toBeGreaterThan(100);
    // Keys in one order, as DESIGN.md lists them: rule, messageId, category, …, url last but data.
    expect(Object.keys(findings[0]).slice(0, 2)).toEqual(['rule', 'messageId']);
    for (const f of findings) {
      expect(f.messageId).toBe(`${f.rule}/default`);
      expect(known.has(f.url.replace('docs/rules.md#', '')), f.url).toBe(true);
    }
    expect((await run()).stdout).toBe(first.stdout);
  });

  it('is on a finding made across contacts, which no phrase rule makes', () => {
    const contact = (id: string, lines: Array<[Role, string]>): Transcript => ({
      id, source: `${id}.txt`, channel: 'call', meta: { caseId: 'K-7' },
      turns: lines.map(([role, text], index) => ({ index, role, speaker: role, text })),
    });
    const linker = new ContactLinker();
    linker.link(analyze(contact('c1', [['customer', 'My router keeps dropping.'], ['agent', "I'll call you back by 3pm tomorrow with the engineer's slot."]])));
    const later = contact('c2', [['agent', "I'm following up on the engineer's slot for your router."]]);
    const kept = linker.link(analyze(later), later.turns).findings.find((f) => f.rule === 'earlier-promise-kept');
    expect(kept).toMatchObject({ messageId: 'earlier-promise-kept/default', url: 'docs/rules.md#earlier-promise-kept' });
    expect(anchors(docs).has('earlier-promise-kept')).toBe(true);
  });
});
