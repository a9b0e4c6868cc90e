// One span gets one verdict, and information is judged clause by clause (src/rules/engine.ts).
// Sentences are ours: they test the mechanism, not agreement with readers.
import { describe, expect, it } from 'vitest';
import { builtinRuleSet } from '../../src/rules/index.js';
import { textFeatures } from '../../src/nlp/features.js';
import type { Finding, Transcript, Turn } from '../../src/model/types.js';

function agent(text: string, customer = 'My order never arrived and nobody has called me back.'): Finding[] {
  const turns: Turn[] = [
    { index: 0, role: 'customer', speaker: 'customer', text: customer },
    { index: 1, role: 'agent', speaker: 'agent', text },
  ];
  const t: Transcript = { id: 'x', source: 'x', channel: 'chat', turns, meta: {} };
  return builtinRuleSet()
    .run(t, turns.map((turn) => ({ turn, features: textFeatures(turn.text) })))
    .filter((f) => f.turn === 1);
}
const overlap = (a: Finding, b: Finding) => a.span[0] < b.span[1] && b.span[0] < a.span[1];

describe('one span, one verdict', () => {
  it.each([
    'We apologise for any inconvenience caused.',
    "I'm sorry for the inconvenience, I've added a £10 credit for the trouble.",
    "Unfortunately we're unable to refund the delivery charge, it's our policy.",
    "Sorry, that isn't possible, but the parcel left the depot this morning.",
  ])('no words are both a risk and a strength: %s', (text) => {
    const found = agent(text);
    const risks = found.filter((f) => f.kind === 'risk');
    const strengths = found.filter((f) => f.kind === 'strength');
    for (const r of risks) for (const s of strengths) expect(overlap(r, s), `${r.rule} "${r.text}" / ${s.rule} "${s.text}"`).toBe(false);
  });

  it('a hedged apology is a pseudo-apology, never a goodwill gesture', () => {
    const found = agent('We apologise for any inconvenience caused.');
    expect(found.map((f) => f.category)).toContain('pseudo-apology');
    expect(found.map((f) => f.category)).not.toContain('goodwill');
  });

  it('the longer reading stands: an apology that acts is empathy, not a stock sorry', () => {
    const found = agent("I'm sorry you've had to wait so long, let me fix that now.");
    expect(found.map((f) => f.category)).toContain('empathy');
    expect(found.some((f) => f.category === 'sympathy' && overlap(f, found.find((g) => g.category === 'empathy')!))).toBe(false);
  });
});

describe('information, clause by clause', () => {
  it('quotes the clause that informs, leaving a stock apology before it its own finding', () => {
    const found = agent("I'm sorry, but the film isn't showing at that cinema on Friday.");
    expect(found.find((f) => f.category === 'information')?.text).toBe("the film isn't showing at that cinema on Friday.");
    expect(found.find((f) => f.category === 'sympathy')?.text).toBe('sorry');
  });

  it('a clause that names the feeling or apologises is that, not information, whatever facts it mentions', () => {
    const found = agent('I can see why the second missed delivery upset you.');
    expect(found.map((f) => f.category)).toContain('empathy');
    expect(found.map((f) => f.category)).not.toContain('information');
    // The fact in a clause of its own still informs.
    expect(agent("I'm sorry about that. The driver was rerouted because of the road closure.").map((f) => f.category)).toContain('information');
  });

  it('finds one piece of information a sentence, and none in courtesy, links or questions', () => {
    expect(agent('The engineer is booked for Tuesday and the router ships today.').filter((f) => f.category === 'information')).toHaveLength(1);
    for (const text of ['Thanks for reaching out!', 'Check out https://help.example.com/r/123 for more.', 'Which card did you use?']) {
      expect(agent(text).map((f) => f.category), text).not.toContain('information');
    }
  });
});
