// Context decides whether a phrase is the speaker's own finding: pairs side by side, one found and
// one not, differing only in the context a rule must read.
import { describe, expect, it } from 'vitest';
import { builtinRuleSet } from '../../src/rules/index.js';
import { textFeatures } from '../../src/nlp/features.js';
import type { Category, Role, Transcript } from '../../src/model/types.js';

/** Categories found on the last of these turns. */
function categories(...turns: Array<[Role, string]>): Category[] {
  const ts = turns.map(([role, text], index) => ({ index, role, speaker: role, text }));
  const t: Transcript = { id: 't', source: 't', channel: 'chat', turns: ts, meta: {} };
  const last = ts.length - 1;
  return builtinRuleSet()
    .run(t, ts.map((turn) => ({ turn, features: textFeatures(turn.text) })))
    .filter((f) => f.turn === last)
    .map((f) => f.category);
}
const agent = (text: string) => categories(['agent', text]);
const customer = (text: string) => categories(['customer', text]);

describe('policy: a wall vs a policy with its reason and another way', () => {
  it.each([
    ["It's our company policy, I can't change it.", "It's our company policy because the fare is non-refundable, but what I can do is move you to Friday for free."],
    ["The system won't let me change the date.", "The system won't let me change the date because the ticket is issued, but I can cancel it for a voucher instead."],
    ["I'm not allowed to give out that number.", "I'm not allowed to give out that number, for your security, but I can message the engineer to call you."],
  ])('"%s" hides behind policy; the explained one does not', (wall, explained) => {
    expect(agent(wall)).toContain('policy-hiding');
    expect(agent(explained)).not.toContain('policy-hiding');
    expect(agent(explained)).toContain('option-offered');
  });

  it('reading what the policy says is not hiding behind it', () => {
    expect(agent('Let me check what our policy says about that.')).not.toContain('policy-hiding');
  });
});

describe('negation and hedges', () => {
  it.each([
    ["I'll call you back by 3pm.", "I can't promise a callback today."],
    ["I'll email you the form today.", "I won't be able to email you the form."],
    ["We'll refund the charge within five days.", 'We might be able to refund the charge at some point.'],
    ['I promise I will call you tomorrow.', 'I promise you, nobody here wants that to happen.'],
  ])('"%s" is a commitment; "%s" is not', (promise, notOne) => {
    expect(agent(promise)).toContain('commitment');
    expect(agent(notOne)).not.toContain('commitment');
  });

  it.each([
    ["There's nothing I can do about that.", "There's nothing I wouldn't do to get you on that flight."],
    ["I can't help you with that.", "I can't change the fee, but I can move your booking for free."],
  ])('"%s" is a dead end; "%s" is not', (end, notEnd) => {
    expect(agent(end)).toContain('dead-end');
    expect(agent(notEnd)).not.toContain('dead-end');
  });

  it('a negated complaint or request is not one', () => {
    expect(customer("I'm not upset, I just want to understand the bill.")).not.toContain('customer-distress');
    expect(customer("I don't want to cancel my account.")).not.toContain('churn-risk');
    expect(customer("No, I don't want to speak to a manager.")).not.toContain('escalation-request');
  });
});

describe('who is speaking', () => {
  it("a customer's sorry is not an agent's apology", () => {
    for (const text of ["I'm sorry to hear that.", 'Sorry for any inconvenience.', "I'm sorry you feel that way."]) {
      expect(customer(text)).toEqual([]);
      expect(agent(text).length).toBeGreaterThan(0);
    }
  });

  it("an agent quoting the customer's words is not the agent's finding", () => {
    expect(agent('This is so frustrating.')).toContain('empathy');
    expect(agent('You said "this is so frustrating", can you tell me what happened first?')).not.toContain('empathy');
    expect(agent('As I already said, the refund takes ten days.')).toContain('blame');
    expect(agent('You mentioned "as I already said" in your email, sorry about that.')).not.toContain('blame');
  });

  it('reported speech stops at the clause: what follows is the speaker\'s own', () => {
    expect(agent('You said nobody called you back, and I am so sorry you have had to chase us, let me fix it now.')).toContain('empathy');
  });
});

describe('questions and statements', () => {
  it('a question is not a finding the statement would be', () => {
    expect(agent("I'm sorry to hear that.")).toContain('sympathy');
    expect(agent('Are you sorry to hear that?')).not.toContain('sympathy');
    expect(agent('What happens next is the courier collects it, then we refund you.')).toContain('next-steps');
    expect(agent('What happens next?')).not.toContain('next-steps');
  });

  it('a statement before a question keeps its finding', () => {
    expect(agent('Sorry to hear about the delay, can I take your policy number?')).toContain('sympathy');
  });
});

describe('tense: what was said then, what happens now', () => {
  it('a past call is not a commitment, and a report of a promise is broken only with "nobody/never/didn\'t"', () => {
    expect(agent('I called you yesterday about the bill.')).not.toContain('commitment');
    expect(customer('You said you would call me back, and you did, thank you.')).not.toContain('commitment-broken');
    expect(customer("You said you'd call me back. Nobody did.")).toContain('commitment-broken');
    expect(customer("You said Thursday, and that's fine.")).not.toContain('commitment-broken');
  });
});

describe('context from earlier turns', () => {
  it('sarcasm needs a complaint beside the praise or bad news before it', () => {
    expect(categories(['agent', 'Good news, the engineer can come tomorrow morning.'], ['customer', 'Great, just great.'])).not.toContain('sarcasm');
    expect(categories(['agent', 'The next available appointment is in six weeks.'], ['customer', 'Great, just great.'])).toContain('sarcasm');
  });

  it('a choice is honoured only after one was offered or made', () => {
    const offered: Array<[Role, string]> = [
      ['agent', 'I can refund you today or send a replacement. Which would you prefer?'],
      ['customer', 'The refund, please.'],
    ];
    expect(categories(...offered, ['agent', "Of course, I'll process the refund now."])).toContain('choice-honoured');
    expect(categories(['customer', 'What is my balance?'], ['agent', 'Sure, let me check that for you.'])).not.toContain('choice-honoured');
  });

  it('a bare "No." is a dead end only as the answer to "is there really nothing else?"', () => {
    expect(categories(['customer', 'Is there really nothing else you can do?'], ['agent', 'No.'])).toContain('dead-end');
    expect(categories(['customer', 'Do I need to bring the receipt?'], ['agent', 'No.'])).not.toContain('dead-end');
  });
});

describe('spelling and transcription', () => {
  it.each([
    ["I’ll call you back by 3pm.", 'commitment'],
    ['We apologize for any inconvenience.', 'pseudo-apology'],
    ['We apologise for any inconvenience.', 'pseudo-apology'],
    ['sorry for any inconvienence', 'pseudo-apology'],
    ['Um, let me, uh, put you on hold.', 'unexplained-hold'],
    ['leave it w me, ill get it sorted', 'ownership'],
  ])('%s → %s', (text, category) => {
    expect(agent(text)).toContain(category);
  });
});

describe('one finding per unit where the unit is the point', () => {
  it('a sentence full of figures is one piece of information', () => {
    const ts = [{ index: 0, role: 'agent' as const, speaker: 'agent', text: 'There are three payments: £412 on the 1st, £399 on the 3rd and £429 on the 9th. Your balance is £1,240.' }];
    const t: Transcript = { id: 't', source: 't', channel: 'chat', turns: ts, meta: {} };
    const info = builtinRuleSet()
      .run(t, ts.map((turn) => ({ turn, features: textFeatures(turn.text) })))
      .filter((f) => f.category === 'information');
    expect(info).toHaveLength(2);
  });
});

describe('looking back is not promising', () => {
  it('"you should have…" is about the past', () => {
    const found = agent('You should have cancelled the manual payment first.');
    expect(found).toContain('blame');
    expect(found).not.toContain('commitment');
    expect(agent('You should receive the refund within five working days.')).toContain('commitment');
  });

  it('thanks after plain news is gratitude, not sarcasm', () => {
    const found = categories(['agent', "No, you've paid for the month, so it's yours until then."], ['customer', 'Great. That was a lot easier than I expected, thank you.']);
    expect(found).toContain('gratitude');
    expect(found).not.toContain('sarcasm');
  });
});

describe('friendly set phrases are not complaints', () => {
  it.each(['Oh great, no problem at all.', "Brilliant, I can't wait to try it.", 'Perfect, no rush.'])('%s is not sarcasm', (text) => {
    expect(customer(text)).not.toContain('sarcasm');
  });
});
