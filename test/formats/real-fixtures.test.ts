// Reads every file in ../shared/fixtures-real (or $ETCSCORE_SHARED/fixtures-real) and checks it
// against the fixtures README's "What a reader should get from each file".
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Role, Transcript } from '../../src/model/types.js';
import { decodeBytes, detectFormat, parseFile, timingCounts } from '../../src/formats/index.js';
import { projectRoot, settled } from './helpers.js';

const shared = process.env.ETCSCORE_SHARED ?? path.resolve(projectRoot, '..', 'shared');
const root = path.join(shared, 'fixtures-real');
const present = existsSync(root);

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'LICENSES' ? [] : listFiles(full);
    return name === 'README.md' ? [] : [full];
  });
}

const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
const read = (p: string) => settled(parseFile(path.join(root, p)));

function roleCounts(ts: Transcript[]): Partial<Record<Role, number>> {
  const out: Partial<Record<Role, number>> = {};
  for (const t of ts) for (const turn of t.turns) out[turn.role] = (out[turn.role] ?? 0) + 1;
  return out;
}
const turnCount = (ts: Transcript[]) => ts.reduce((n, t) => n + t.turns.length, 0);
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** What each file must read as. Counts come from the fixtures README's table. */
const EXPECTED: Record<string, { format: string; check: (ts: Transcript[]) => void }> = {
  'transcribe-call-analytics/example-call.json': {
    format: 'transcribe-call-analytics',
    check(ts) {
      expect(ts).toHaveLength(1);
      expect(roleCounts(ts)).toEqual({ agent: 19, customer: 18 });
      expect(ts[0]!.turns.at(-1)!.end).toBeCloseTo(182.9, 0);
      expect(ts[0]!.meta).toMatchObject({ categories: ['No_Closing_Remark'], jobName: 'example-call.wav' });
      expect(ts[0]!.meta.roleInference?.method).toBe('labels');
      // The README: 12 turns overlap the previous one; duration 182.9 s.
      expect(timingCounts(ts[0]!.turns)).toMatchObject({ durationSec: 182.89, overlaps: 12 });
    },
  },
  'transcribe-call-analytics/example-call-2021-schema.json': {
    format: 'transcribe-call-analytics',
    check(ts) {
      expect(roleCounts(ts)).toEqual({ agent: 25, customer: 24 });
      expect((ts[0]!.meta.sentiments as unknown[]).filter((s) => s === 'NEGATIVE')).toHaveLength(7);
      expect(ts[0]!.turns.filter((t) => t.text.includes('[PII]'))).toHaveLength(16);
      expect(timingCounts(ts[0]!.turns)?.overlaps).toBe(21);
    },
  },
  'transcribe/chime-recorder-Retail41.json': {
    format: 'transcribe',
    check(ts) {
      const [t] = ts;
      expect(t!.id).toBe('Retail41');
      expect(roleCounts(ts)).toEqual({ agent: 26, customer: 29 });
      expect(t!.meta.roleInference).toMatchObject({ method: 'inferred', assignments: { spk_0: 'agent', spk_1: 'customer' } });
      expect(t!.turns[0]!.text).toMatch(/^Hi, thank you for calling Office and More\. This is Joan\./);
      expect(totalWords(ts)).toBe(pronunciations(t!.source));
    },
  },
  'transcribe/tscribe-03-speaker-identification.json': {
    format: 'transcribe',
    check(ts) {
      expect(ts[0]!.turns).toHaveLength(24);
      expect(new Set(ts[0]!.turns.map((t) => t.speaker)).size).toBe(3);
      expect(roleCounts(ts)).toEqual({ unknown: 24 });
      expect(totalWords(ts)).toBe(pronunciations(ts[0]!.source));
    },
  },
  'transcribe/tscribe-02-channel-identification.json': {
    format: 'transcribe',
    check(ts) {
      expect(new Set(ts[0]!.turns.map((t) => t.speaker))).toEqual(new Set(['ch_0', 'ch_1']));
      expect(roleCounts(ts)).toEqual({ unknown: ts[0]!.turns.length });
      expect(totalWords(ts)).toBe(162 + 231 - punctuationItems(ts[0]!.source));
    },
  },
  'contact-lens/scv-postcall-analysis-voice.json': {
    format: 'contact-lens',
    check(ts) {
      expect(ts[0]!.id).toBe('7c77422d-f9ba-4111-ad48-b2f5dadf854a');
      expect(roleCounts(ts)).toEqual({ agent: 9, customer: 6 });
    },
  },
  'contact-lens/awsdocs-voice-analysis-redacted.json': {
    format: 'contact-lens',
    check(ts) {
      expect(roleCounts(ts)).toEqual({ agent: 5, customer: 5 });
    },
  },
  'contact-lens/awsdocs-chat-analysis-original.json': {
    format: 'contact-lens',
    check(ts) {
      // 35 items: 31 messages kept (15 agent, 13 customer, 3 system); 4 EVENT items without text dropped.
      const [t] = ts;
      expect(t!.channel).toBe('chat');
      expect(roleCounts(ts)).toEqual({ agent: 15, customer: 13, system: 3 });
      expect(t!.meta.eventsDropped).toHaveLength(4);
      expect(t!.turns.find((x) => x.role === 'agent')!.speaker).toBe('Jane');
      expect(t!.id).toBe('b49644f6-672f-445c-b209-f76b36482830');
    },
  },
  'contact-lens/awsdocs-realtime-segments-event.json': {
    format: 'contact-lens',
    check(ts) {
      // Two partial Utterances are superseded by the two full Transcript segments; roles are the file's ParticipantRole.
      const [t] = ts;
      expect(t!.turns).toHaveLength(2);
      expect(t!.meta).toMatchObject({ partial: true, partialUtterancesDropped: 2, categories: ['CreditCardRelated', 'CardBrokenIssue'] });
      expect(t!.turns[0]!.text).toBe('Hello, thank you for calling Example Corp. My name is Adam. How can I help you?');
    },
  },
  'webvtt/podcastindex-buzzsprout-example.vtt': {
    format: 'webvtt',
    check(ts) {
      expect(ts[0]!.turns.map((t) => [t.speaker, t.role])).toEqual([
        ['Sarah', 'unknown'],
        ['Gillian', 'unknown'],
      ]);
      expect(ts[0]!.turns[0]!.text).toContain('Welcome to Podcasting Q&A, where');
    },
  },
  'srt/podcastindex-buzzsprout-example.srt': {
    format: 'srt',
    check(ts) {
      expect(ts[0]!.turns.map((t) => t.speaker)).toEqual(['Travis', 'Sarah', 'Travis', 'Gilon', 'Travis', 'Gilon', 'Travis', 'Sarah', 'Gilon', 'Travis']);
      expect(roleCounts(ts)).toEqual({ unknown: 10 });
      expect(totalWords(ts)).toBe(cueWords(ts[0]!.source, /^(\d+|.*-->.*)$/, /^[A-Z][a-z]+: /));
    },
  },
  'other/podcastindex-buzzsprout-example.html': {
    format: 'html',
    check(ts) {
      expect(ts[0]!.turns).toHaveLength(10);
      expect(roleCounts(ts)).toEqual({ unknown: 10 });
      expect(ts[0]!.turns[1]).toMatchObject({ speaker: 'Sarah', start: 53 });
      expect(ts[0]!.turns[0]!.text).not.toContain('&#39;');
    },
  },
  'webvtt/cdp-oakland-council-captions.vtt': {
    format: 'webvtt',
    check(ts) {
      expect(roleCounts(ts)).toEqual({ unknown: ts[0]!.turns.length });
      expect(ts[0]!.turns.length).toBeGreaterThan(40);
      expect(ts[0]!.turns.some((t) => t.text === 'present.')).toBe(true);
      expect(totalWords(ts)).toBe(cueWords(ts[0]!.source, /^(WEBVTT|.*-->.*)$/));
    },
  },
  'webvtt/cdp-seattle-briefing-captions.vtt': {
    format: 'webvtt',
    check(ts) {
      expect(roleCounts(ts)).toEqual({ unknown: ts[0]!.turns.length });
      expect(ts[0]!.turns[0]!.text.startsWith('GOOD MORNING EVERYONE.')).toBe(true);
      expect(ts[0]!.turns.map((t) => t.text).join(' ')).not.toMatch(/&gt;|>>/);
      expect(totalWords(ts)).toBe(cueWords(ts[0]!.source, /^(\uFEFF?WEBVTT|.*-->.*)$/));
    },
  },
  'webvtt/webvtt-py-teams-timeframe.vtt': {
    format: 'webvtt',
    check(ts) {
      expect(ts[0]!.turns.map((t) => [t.speaker, t.role, t.start, t.end])).toEqual([
        ['Yuri Bakulin', 'unknown', 0, 0.57],
        ['Adrian Petrescu', 'unknown', 0.21, 1.13],
      ]);
    },
  },
  'webvtt/webvtt-to-json-youtube-autocaptions.vtt': {
    format: 'webvtt',
    check(ts) {
      expect(ts[0]!.turns.map((t) => [t.role, t.text])).toEqual([['unknown', "my career in side projects and open source basically this is so i've been"]]);
      expect(ts[0]!.meta.language).toBe('en');
    },
  },
  'abcd/abcd_sample.json': {
    format: 'abcd',
    check(ts) {
      expect(ts.map((t) => t.id)).toEqual(['3592', '9489', '3695']);
      expect(roleCounts(ts)).toEqual({ agent: 32, customer: 31, system: 9 });
    },
  },
  'abcd/dialogstudio-abcd-original_examples.json': {
    format: 'abcd',
    check(ts) {
      expect(ts).toHaveLength(5);
      expect(roleCounts(ts)).toEqual({ agent: 51, customer: 51, system: 16 });
    },
  },
  'taskmaster/tm1-sample.json': {
    format: 'taskmaster',
    check(ts) {
      expect(roleCounts(ts)).toEqual({ agent: 10, customer: 10 });
    },
  },
  'taskmaster/dialogstudio-tm2-original_examples.json': {
    format: 'taskmaster',
    check(ts) {
      expect(ts).toHaveLength(5);
      expect(roleCounts(ts)).toEqual({ agent: 83, customer: 66 });
    },
  },
  'taskmaster/dialogstudio-tm3-original_examples.json': {
    format: 'taskmaster',
    check(ts) {
      expect(roleCounts(ts)).toEqual({ agent: 45, customer: 45 });
    },
  },
  'multiwoz/dialogstudio-multiwoz21-original_examples.json': {
    format: 'multiwoz',
    check(ts) {
      expect(ts).toHaveLength(5);
      expect(turnCount(ts)).toBe(62);
      expect(ts[0]!.id).toBe('SNG01856');
      for (const t of ts) {
        expect(t.turns[0]!.role).toBe('customer');
        expect(t.meta.roleInference).toMatchObject({ method: 'inferred', assignments: { user: 'customer', system: 'agent' } });
        expect(t.meta.roleInference!.confidence).toBeLessThan(1);
        expect(t.meta.roleInference!.evidence[0]).toMatch(/alternate/);
      }
    },
  },
  'twcs/sample.csv': {
    format: 'twcs',
    check(ts) {
      expect(turnCount(ts)).toBe(93);
      expect(roleCounts(ts)).toEqual({ agent: 44, customer: 49 });
      expect(ts.length).toBeGreaterThanOrEqual(20);
      expect(ts.flatMap((t) => t.turns).some((t) => /&amp;|&gt;/.test(t.text))).toBe(false);
      for (const t of ts) expect(t.turns.every((x, i) => i === 0 || x.start! >= t.turns[i - 1]!.start!)).toBe(true);
    },
  },
  'twcs/dialogstudio-tweetsumm-original_examples.json': {
    format: 'tweetsumm',
    check(ts) {
      expect(ts).toHaveLength(5);
      expect(roleCounts(ts)).toEqual({ agent: 22, customer: 24 });
    },
  },
  'twitter-cdp/dev-first100-nopii.json': {
    format: 'twitter-cdp',
    check(ts) {
      expect(ts).toHaveLength(100);
      expect(turnCount(ts)).toBe(227);
      // 127 dialogContent messages (10 agent, 117 client/client1) + 100 final agent replies.
      expect(roleCounts(ts)).toEqual({ agent: 110, customer: 117 });
      for (const t of ts) expect(t.turns.at(-1)!.role).toBe('agent');
    },
  },
  'csv-chat/multidogo-insurance-dev-turnlevel-first50.tsv': {
    format: 'multidogo',
    check(ts) {
      expect(ts).toHaveLength(50);
      expect(turnCount(ts)).toBe(414);
      expect(roleCounts(ts)).toEqual({ customer: 414 });
      expect(ts[0]!.meta.turnNumbers).toEqual([0, 2, 4, 6, 8, 10, 12, 13]);
    },
  },
  'other/pca-parsed-output-testfile.json': {
    format: 'pca',
    check(ts) {
      const ri = ts[0]!.meta.roleInference!;
      expect(roleCounts(ts)).toEqual({ agent: 6, customer: 6 });
      expect(ri.assignments).toEqual({ spk_1: 'agent', spk_0: 'customer' });
      expect(ri.evidence[0]).toMatch(/^conflict: the file's speaker labels say spk_0 = agent/);
    },
  },
  'other/bedrock-data-automation-standard.json': {
    format: 'bedrock-data-automation',
    check(ts) {
      expect(ts[0]!.turns).toHaveLength(51);
      expect(ts[0]!.meta.roleInference).toMatchObject({ method: 'inferred', assignments: { spk_1: 'agent', spk_0: 'customer' } });
      expect(ts[0]!.turns[0]!.role).toBe('agent');
    },
  },
};

function totalWords(ts: Transcript[]): number {
  return ts.reduce((n, t) => n + t.turns.reduce((m, x) => m + words(x.text), 0), 0);
}

/** Transcribe: every pronunciation item is a word; punctuation sticks to its word. */
function transcribeItems(file: string): { type: string }[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { results: { items?: { type: string }[]; channel_labels?: { channels: { items: { type: string }[] }[] } } };
  return json.results.channel_labels ? json.results.channel_labels.channels.flatMap((c) => c.items) : (json.results.items ?? []);
}
const pronunciations = (file: string) => transcribeItems(file).filter((i) => i.type === 'pronunciation').length;
const punctuationItems = (file: string) => transcribeItems(file).filter((i) => i.type === 'punctuation').length;

/** Words of a caption file's cue text, with markup, ">>" marks and name prefixes removed. */
function cueWords(file: string, skip: RegExp, prefix?: RegExp): number {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !skip.test(l.trim()))
    .map((l) => (prefix ? l.replace(prefix, '') : l).replace(/&gt;|>>+/g, ' '))
    .reduce((n, l) => n + words(l), 0);
}

describe.skipIf(!present)('real third-party fixtures', () => {
  const files = present ? listFiles(root).map(rel).sort() : [];

  it('has an expectation for every file', () => {
    const expected = new Set([...Object.keys(EXPECTED), 'other/bedrock-data-automation-custom.json']);
    expect(files.filter((f) => !expected.has(f))).toEqual([]);
  });

  describe.each(files.filter((f) => EXPECTED[f]))('%s', (file) => {
    it('is detected by content as the right format', () => {
      const text = decodeBytes(readFileSync(path.join(root, file)), file);
      const ext = path.extname(file);
      // Content alone (no extension), then with the file's own name.
      expect(detectFormat(text, '')?.name).toBe(EXPECTED[file]!.format);
      expect(detectFormat(text, `input${ext}`)?.name).toBe(EXPECTED[file]!.format);
    });

    it('reads every turn with the roles the README expects', () => {
      const ts = read(file);
      expect(ts.length).toBeGreaterThan(0);
      for (const t of ts) {
        expect(t.meta.format).toBe(EXPECTED[file]!.format);
        expect(t.turns.length).toBeGreaterThan(0);
        t.turns.forEach((turn, i) => {
          expect(turn.index).toBe(i);
          expect(turn.text.trim()).not.toBe('');
        });
        expect(t.meta.roleInference).toBeDefined();
      }
      EXPECTED[file]!.check(ts);
    });
  });

  // The README: not service conversations (podcast, captions, fiction, meetings) keep roles unknown.
  const notService = (f: string) =>
    f.startsWith('webvtt/') || f.startsWith('srt/') || f.startsWith('transcribe/tscribe-') || f.endsWith('.html');

  it('service conversations have both an agent and a customer', () => {
    const service = Object.keys(EXPECTED).filter((f) => !notService(f) && !f.startsWith('csv-chat/') && !f.includes('realtime'));
    for (const f of service) {
      for (const t of read(f)) {
        const roles = new Set(t.turns.map((x) => x.role));
        // Twitter threads can be a lone unanswered tweet; every other conversation has both sides.
        if (f === 'twcs/sample.csv' && t.turns.length === 1) continue;
        expect({ f, agent: roles.has('agent'), customer: roles.has('customer') }).toEqual({ f, agent: true, customer: true });
      }
    }
  });

  it('podcasts, captions, meetings and fiction keep every role unknown', () => {
    const others = Object.keys(EXPECTED).filter(notService);
    expect(others.length).toBe(9);
    for (const f of others) for (const t of read(f)) expect({ f, roles: [...new Set(t.turns.map((x) => x.role))] }).toEqual({ f, roles: ['unknown'] });
  });

  it('BDA custom output is a clear "no transcript turns" error naming the file', () => {
    const file = path.join(root, 'other/bedrock-data-automation-custom.json');
    expect(() => parseFile(file)).toThrow(expect.objectContaining({ source: file, line: 1, message: expect.stringMatching(/^no transcript turns: this file holds only .*summaries/) }));
    expect(detectFormat(readFileSync(file, 'utf8'), '')?.name).toBe('bedrock-data-automation');
  });
});
