import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/score/analyze.js';
import { ContactLinker } from '../../src/score/contacts.js';
import type { Role, Transcript, TranscriptMeta } from '../../src/model/types.js';

function contact(id: string, meta: TranscriptMeta, lines: Array<[Role, string]>): Transcript {
  return { id, source: `${id}.txt`, channel: 'call', meta, turns: lines.map(([role, text], index) => ({ index, role, speaker: role, text })) };
}

const promiseMade = (id: string, meta: TranscriptMeta) =>
  contact(id, meta, [
    ['customer', 'My router keeps dropping the connection.'],
    ['agent', "I'll call you back by 3pm tomorrow with the engineer's slot."],
  ]);

function run(linker: ContactLinker, t: Transcript) {
  return linker.link(analyze(t), t.turns);
}

describe('ContactLinker', () => {
  it('marks an earlier promise kept when a later contact of the same case follows up', () => {
    const linker = new ContactLinker();
    const first = run(linker, promiseMade('c1', { caseId: 'K-1' }));
    expect(first.trust.commitments[0]).toMatchObject({ owner: 'agent', due: 'tomorrow 15:00', status: 'open' });
    const later = run(linker, contact('c2', { caseId: 'K-1' }, [['agent', "Hi, as promised I'm calling you back about the engineer."]]));
    const kept = later.findings.find((f) => f.category === 'commitment-kept');
    expect(kept?.data?.earlier).toMatchObject({ contact: 'c1', turn: 1, status: 'kept', due: 'tomorrow 15:00' });
    expect(linker.remembered).toBe(0);
  });

  it('marks it broken when the customer says nobody called: the customer\'s signal, not this agent\'s risk', () => {
    const linker = new ContactLinker();
    run(linker, promiseMade('c1', { customerId: 'CU-9' }));
    const t = contact('c2', { customerId: 'CU-9' }, [
      ['customer', 'You said someone would call me back yesterday, nobody did.'],
      ['agent', 'Let me look at your account.'],
    ]);
    const alone = analyze(t);
    const later = run(linker, t);
    const broken = later.findings.find((f) => f.category === 'commitment-broken' && f.data?.earlier);
    expect(broken?.data?.earlier).toMatchObject({ contact: 'c1', status: 'broken' });
    expect(broken).toMatchObject({ kind: 'signal', role: 'customer' });
    expect(later.counts.categories?.['commitment-broken']).toBeGreaterThanOrEqual(1);
    expect(later.counts).toMatchObject({ risks: 0, signals: alone.counts.signals });
    // An earlier contact's broken promise is not this agent's fault: it moves no trust points.
    expect(later.scores!.trust).toBe(alone.scores!.trust);
  });

  it('leaves a contact without an agent turn unscored when it settles an earlier promise', () => {
    const linker = new ContactLinker();
    run(linker, promiseMade('c1', { caseId: 'K-2' }));
    const later = run(linker, contact('c2', { caseId: 'K-2' }, [['customer', 'You said someone would call me back yesterday, nobody did.']]));
    expect(later.findings.find((f) => f.category === 'commitment-broken')?.data?.earlier).toMatchObject({ contact: 'c1' });
    expect(later.scores).toBeNull();
    expect(later.unscored).toBe('no agent turn');
  });

  it('does not link different cases, or contacts without a case or customer', () => {
    const linker = new ContactLinker();
    run(linker, promiseMade('c1', { caseId: 'A' }));
    const other = run(linker, contact('c2', { caseId: 'B' }, [['agent', "As promised I'm calling you back."]]));
    expect(other.findings.some((f) => f.data?.earlier)).toBe(false);
    const none = run(linker, contact('c3', {}, [['agent', "As promised I'm calling you back."]]));
    expect(none.findings.some((f) => f.data?.earlier)).toBe(false);
    expect(linker.remembered).toBe(1);
  });

  it('does not let a contact dated earlier settle a later promise', () => {
    const linker = new ContactLinker();
    run(linker, promiseMade('c2', { caseId: 'K', date: '2026-03-10' }));
    const older = run(linker, contact('c1', { caseId: 'K', date: '2026-03-01' }, [['agent', "As promised I'm calling you back."]]));
    expect(older.findings.some((f) => f.data?.earlier)).toBe(false);
  });

  it('keeps memory bounded per case and across cases', () => {
    const linker = new ContactLinker({ maxOpenPerKey: 2, maxKeys: 3 });
    for (let i = 0; i < 5; i++) run(linker, promiseMade(`a${i}`, { caseId: 'same' }));
    expect(linker.remembered).toBe(2);
    for (let i = 0; i < 10; i++) run(linker, promiseMade(`b${i}`, { caseId: `case-${i}` }));
    expect(linker.remembered).toBe(3);
  });
});

describe('etcscore score links contacts in one batch', () => {
  it('reports the earlier promise\'s outcome on the later contact, in input order', async () => {
    const { runCli } = await import('../helpers/cli.js');
    const lines = [
      { id: 'c1', meta: { caseId: 'K-7', date: '2026-03-01' }, turns: [{ role: 'customer', text: 'My router keeps dropping.' }, { role: 'agent', text: 'I will call you back by 3pm tomorrow with the engineer slot.' }] },
      { id: 'other', meta: { caseId: 'Z-1' }, turns: [{ role: 'agent', text: 'Hello, how can I help?' }] },
      { id: 'c2', meta: { caseId: 'K-7', date: '2026-03-03' }, turns: [{ role: 'customer', text: 'You said someone would call me back, nobody did.' }] },
    ];
    const r = await runCli(['score', '-', '--format', 'ndjson'], { stdin: lines.map((l) => JSON.stringify(l)).join('\n') + '\n' });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((a) => a.id)).toEqual(['c1', 'other', 'c2']);
    const broken = out[2].findings.find((f: { category: string }) => f.category === 'commitment-broken');
    expect(broken.data.earlier).toMatchObject({ contact: 'c1', turn: 1, status: 'broken', date: '2026-03-01' });
  });
});
