// Commitments: who promised what and by when, and what became of it later in the conversation.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/score/analyze.js';
import type { Role, Transcript } from '../../src/model/types.js';

function conversation(...turns: Array<[Role, string]>): Transcript {
  return { id: 't', source: 't', channel: 'call', meta: {}, turns: turns.map(([role, text], index) => ({ index, role, speaker: role, text })) };
}
const commitments = (...turns: Array<[Role, string]>) => analyze(conversation(...turns)).trust.commitments;

describe('commitment extraction', () => {
  it.each([
    ["I'll call you back by 3pm.", { owner: 'agent', action: 'call you back', due: '15:00' }],
    ["I’ll ring you at 10:30am tomorrow.", { owner: 'agent', action: 'ring you', due: 'tomorrow 10:30' }],
    ["We'll refund the second charge within 5-7 working days.", { owner: 'company', action: 'refund the second charge', due: '5-7 working days' }],
    ['An engineer will call you tomorrow morning to book the visit.', { owner: 'third-party', due: 'tomorrow morning' }],
    ["You'll get a confirmation email in the next ten minutes.", { owner: 'company', due: 'ten minutes' }],
    ["I'm going to email you the form by Friday.", { owner: 'agent', action: 'email you the form', due: 'friday' }],
    ['Your refund will be back in your account within three to five working days.', { owner: 'company', due: 'three to five working days' }],
    ['My colleague Amara will meet you at the gate in about ten minutes.', { owner: 'third-party', due: 'about ten minutes' }],
    // The subject's clause is the one before the verb; its first word decides the owner.
    ['Thanks for waiting, your new card will arrive by Friday.', { owner: 'company', due: 'friday' }],
    ['Their engineer will call you by Friday.', { owner: 'third-party', due: 'friday' }],
    ['The €134, which is £116.40, will be back on your card within 3 days.', { owner: 'company', due: '3 days' }],
    ['£40 will be back on your card by Monday.', { owner: 'company', due: 'monday' }],
    ['The credit goes back to your card within 5 days.', { owner: 'company', due: '5 days' }],
    // A promise whose match opens with its subject: "the" does not make it the company's when the
    // subject is a third party, as a subject-led promise reads it; "our …" is the company's.
    ['The courier will collect it by 6pm.', { owner: 'third-party', due: '18:00' }],
    ['The technician will be with you on Tuesday morning.', { owner: 'third-party' }],
    ['The refund will be back in your account within 3 days.', { owner: 'company', due: '3 days' }],
    ['The team will call you tomorrow at 3pm.', { owner: 'company' }],
    ['Our engineer will be with you on Tuesday morning.', { owner: 'company' }],
  ])('%s', (text, expected) => {
    const [c] = commitments(['agent', text]);
    expect(c).toMatchObject({ ...expected, status: 'open', turn: 0 });
  });

  it('leaves out offers, hedges, vague actions and work handed to the customer', () => {
    for (const text of ['Shall I call you back later?', "I'll try to call you.", "I'll look into it.", "You'll have to email the returns team yourself.", 'Someone may be in touch.', 'Refunds usually go back within 5 days.']) {
      expect(commitments(['agent', text]), text).toEqual([]);
    }
  });
});

describe('kept or broken within a conversation', () => {
  it('a later "I\'ve sent the email" keeps the promise to send it', () => {
    const a = analyze(
      conversation(
        ['agent', "I'll email you the new contract in the next few minutes."],
        ['customer', 'Okay, I will wait.'],
        ['agent', "Right, I've emailed it to you now."],
      ),
    );
    expect(a.trust.commitments[0]).toMatchObject({ turn: 0, status: 'kept' });
    const kept = a.findings.find((f) => f.category === 'commitment-kept');
    expect(kept).toMatchObject({ turn: 2 });
    expect(kept?.data?.commitment).toMatchObject({ turn: 0 });
  });

  it('the customer\'s "you said you\'d call, nobody did" breaks the promise to call', () => {
    const a = analyze(
      conversation(
        ['agent', "I'll call you back by 5pm with an answer."],
        ['customer', "It's 7pm. You said you'd call me back, nobody did."],
      ),
    );
    expect(a.trust.commitments[0]).toMatchObject({ status: 'broken', due: '17:00' });
    expect(a.findings.find((f) => f.category === 'commitment-broken')?.data?.commitment).toMatchObject({ turn: 0 });
  });

  it('an unrelated "done" settles nothing', () => {
    const a = analyze(
      conversation(
        ['agent', "I'll call the warehouse this afternoon and ring you back by 4pm."],
        ['customer', 'Thanks.'],
        ['agent', "I've emailed you the returns label as well."],
      ),
    );
    expect(a.trust.commitments.map((c) => c.status)).toEqual(['open']);
  });
});
