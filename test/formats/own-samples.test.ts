// Our own small samples of the vendor and dataset formats (fixtures/formats/): written by us in
// each format's structure, so every reader has a valid seed for the property tests even without
// ../shared. Each must be detected as its reader, by name and by content, and read with its roles.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Role, Transcript } from '../../src/model/types.js';
import { detectFormat, parseFile } from '../../src/formats/index.js';
import { fixture, fixtureText, settled } from './helpers.js';

function roleCounts(ts: Transcript[]): Partial<Record<Role, number>> {
  const out: Partial<Record<Role, number>> = {};
  for (const t of ts) for (const turn of t.turns) out[turn.role] = (out[turn.role] ?? 0) + 1;
  return out;
}

const SAMPLES: Record<string, { format: string; roles: Partial<Record<Role, number>>; transcripts?: number; check?: (ts: Transcript[]) => void }> = {
  'transcribe-call-analytics.json': {
    format: 'transcribe-call-analytics',
    roles: { agent: 4, customer: 4 },
    check([t]) {
      expect(t!.id).toBe('larkspur-billing-0412.wav');
      expect(t!.meta).toMatchObject({ categories: ['Billing_Dispute'], reportedDurationSec: 40.2, issues: [{ turn: 1, text: 'charged twice for my October bill' }] });
      expect(t!.meta.roleInference?.method).toBe('labels');
      expect(t!.turns.at(-1)).toMatchObject({ start: 39, end: 40.2 });
    },
  },
  'contact-lens-voice.json': {
    format: 'contact-lens',
    roles: { agent: 4, customer: 4 },
    check([t]) {
      expect(t!.id).toBe('a2f5c7d9-0b1e-4c3a-8d6f-pinecrest0815');
      expect(t!.channel).toBe('call');
      expect(t!.meta.sentiments).toHaveLength(8);
    },
  },
  'transcribe.json': {
    format: 'transcribe',
    roles: { agent: 2, customer: 2 },
    check([t]) {
      expect(t!.id).toBe('brightwater-call-7731');
      expect(t!.turns[0]!.text).toBe('Thanks for calling Brightwater, how can I help?');
      expect(t!.meta.roleInference).toMatchObject({ method: 'inferred', assignments: { spk_0: 'agent', spk_1: 'customer' } });
    },
  },
  'pca.json': {
    format: 'pca',
    roles: { agent: 3, customer: 3 },
    check([t]) {
      expect(t!.meta.roleInference?.method).toBe('labels');
      expect(t!.meta.sentimentScores).toEqual([0.4, -1.8, 0, 0, 1.2, 2.6]);
    },
  },
  'bedrock-data-automation.json': {
    format: 'bedrock-data-automation',
    roles: { agent: 3, customer: 3 },
    check([t]) {
      expect(t!.meta.roleInference).toMatchObject({ method: 'inferred', assignments: { spk_0: 'agent', spk_1: 'customer' } });
      expect(t!.turns[0]).toMatchObject({ start: 0.9, end: 4.3 });
    },
  },
  'abcd.json': { format: 'abcd', roles: { agent: 4, customer: 4, system: 3 }, check: ([t]) => expect(t!.id).toBe('8127') },
  'taskmaster.json': { format: 'taskmaster', roles: { agent: 4, customer: 4 } },
  'multiwoz.json': {
    format: 'multiwoz',
    roles: { agent: 3, customer: 4 },
    check([t]) {
      expect(t!.id).toBe('SUP0042');
      expect(t!.meta.roleInference).toMatchObject({ method: 'inferred', confidence: 0.95 });
    },
  },
  'tweetsumm.json': { format: 'tweetsumm', roles: { agent: 2, customer: 4 } },
  'twitter-cdp.json': {
    format: 'twitter-cdp',
    roles: { agent: 2, customer: 2 },
    check([t]) {
      expect(t!.id).toBe('Qm7tRz2KpV9xLw4NcH8e');
      expect(t!.turns.at(-1)!.text).toMatch(/^@maya_travels Thanks, we've lifted the block/);
    },
  },
  'twcs.csv': {
    format: 'twcs',
    transcripts: 2,
    roles: { agent: 3, customer: 6 },
    check(ts) {
      expect(ts.map((t) => t.id).sort()).toEqual(['tweet-301001', 'tweet-302001']);
      const grocery = ts.find((t) => t.id === 'tweet-301001')!;
      expect(grocery.turns.map((t) => t.role)).toEqual(['customer', 'agent', 'customer', 'agent', 'customer', 'customer']);
      expect(grocery.turns[0]!.text).toContain('8-9am & still nothing');
    },
  },
  'multidogo.tsv': { format: 'multidogo', roles: { customer: 7 }, check: ([t]) => expect(t!.meta.turnNumbers).toEqual([0, 2, 4, 6, 8, 10, 12]) },
};

describe('our own format samples', () => {
  it.each(Object.entries(SAMPLES))('%s', (name, want) => {
    const text = fixtureText(name);
    expect(statSync(fixture(name)).size).toBeLessThanOrEqual(6 * 1024);
    expect(detectFormat(text, fixture(name))?.name).toBe(want.format);
    expect(detectFormat(text, '')?.name).toBe(want.format);
    const ts = settled(parseFile(fixture(name)));
    expect(ts).toHaveLength(want.transcripts ?? 1);
    expect(roleCounts(ts)).toEqual(want.roles);
    want.check?.(ts);
  });
});
