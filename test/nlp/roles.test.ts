// Role inference from what the speakers say (the cues of lexicon/data/role-cues.yaml), and settling
// roles with what the file says (the hints a reader records), once.
import { describe, expect, it } from 'vitest';
import type { Transcript, Turn } from '../../src/model/types.js';
import { parseText } from '../../src/formats/index.js';
import { cuesIn, describeRoleInference, inferRoles, settleRoles } from '../../src/nlp/roles.js';

const turn = (index: number, speaker: string, text: string, extra: Partial<Turn> = {}): Turn => ({ index, role: 'unknown', speaker, text, ...extra });

/** A text file read and its roles settled, as every command and `parse` do. */
const settled = (text: string, options: { source: string; agent?: string }): Transcript[] => {
  const read = parseText(text, options);
  for (const t of read) settleRoles(t);
  return read;
};

describe('inferRoles', () => {
  it('assigns agent and customer when the evidence clearly separates them', () => {
    const ri = inferRoles([
      turn(0, 'spk_1', 'Thank you for calling Bluebird Travel, this is Ola speaking.'),
      turn(1, 'spk_0', "Hi, I'm calling about my booking, I want to cancel my trip."),
      turn(2, 'spk_1', 'Let me check. Can I have your booking reference?'),
    ]);
    expect(ri.method).toBe('inferred');
    expect(ri.assignments).toEqual({ spk_1: 'agent', spk_0: 'customer' });
    expect(ri.confidence).toBe(0.95);
    expect(ri.evidence).toEqual([
      'spk_1 thanks the other side for calling/contacting (turn 0: "Thank you for calling")',
      'spk_1 introduces themself ("this is … speaking") (turn 0: "this is Ola speaking")',
      'spk_1 asks for the account/order details (turn 2: "Can I have your booking reference")',
      'spk_1 says "let me check" (turn 2: "Let me check")',
      'spk_0 says "I\'m calling about…" (turn 1: "I\'m calling")',
      'spk_0 asks to cancel/return/complain (turn 1: "I want to cancel")',
      'spk_0 speaks of "my order/account" (turn 1: "my booking")',
    ]);
  });

  it('leaves roles unknown without clear evidence', () => {
    const ri = inferRoles([turn(0, 'Ann', 'So what did you think of the film?'), turn(1, 'Ben', 'I loved it, the ending especially.')]);
    expect(ri.method).toBe('none');
    expect(ri.assignments).toEqual({ Ann: 'unknown', Ben: 'unknown' });
  });

  it('leaves roles unknown when both sides sound like agents', () => {
    const ri = inferRoles([
      turn(0, 'A', 'Thanks for calling, how can I help?'),
      turn(1, 'B', 'Thanks for calling back, how may I help you today?'),
    ]);
    expect(ri.method).toBe('none');
  });

  it('with three speakers, gives customer only to those who sound like one', () => {
    const ri = inferRoles([
      turn(0, 'A', 'Thank you for contacting us, how can I help?'),
      turn(1, 'B', "I've been waiting two weeks for my refund."),
      turn(2, 'C', 'Hi everyone.'),
    ]);
    expect(ri.assignments).toEqual({ A: 'agent', B: 'customer', C: 'unknown' });
  });

  it('counts a cue once per speaker, however often it is said', () => {
    const ri = inferRoles([
      turn(0, 'A', 'Let me check.'),
      turn(1, 'B', 'Sure.'),
      turn(2, 'A', 'Let me check again. Let me look.'),
      turn(3, 'B', 'Thanks.'),
    ]);
    expect(ri.method).toBe('none');
    expect(ri.evidence.filter((e) => e.includes('let me check'))).toEqual(['A says "let me check" (turn 0: "Let me check")']);
  });
});

describe('cuesIn', () => {
  const said = (text: string) => cuesIn(text).map(({ cue, quote }) => `${cue.role} ${cue.weight}: ${quote}`);

  it('reads text as the rules do: any case, curly apostrophes, punctuation between words', () => {
    expect(said('I\u2019M CALLING about my bill')).toEqual(['customer 2: I\u2019M CALLING', 'customer 1: my bill']);
    expect(said('One moment, please.')).toEqual(['agent 1: One moment, please']);
  });

  it('never matches across a sentence end', () => {
    expect(said('Thank you. For calling us back I owe you one.')).toEqual([]);
    expect(said('Thank you for calling.')).toEqual(['agent 2: Thank you for calling']);
  });

  it('quotes the first match, as short as it can be, and each cue once', () => {
    expect(said("What's the email address on the account? And what's your phone number?")).toEqual(["agent 1: What's the email"]);
    expect(said('Could I have your full account number please')).toEqual(['agent 1: Could I have your full account']);
  });

  it('finds nothing in a text none of whose words begins a cue', () => {
    expect(said('Hello there, lovely weather.')).toEqual([]);
    expect(said('')).toEqual([]);
  });
});

describe('settleRoles', () => {
  it('reports inference, and describes it for stderr', () => {
    const [t] = settled('Kay: Thanks for calling Orbit, how can I help?\nLou: My order never came.\nKay: Let me check that.\nLou: Thanks.\n', { source: 'k.txt' });
    expect(t!.turns.map((x) => x.role)).toEqual(['agent', 'customer', 'agent', 'customer']);
    const line = describeRoleInference(t!);
    expect(line).toMatch(/^k\.txt: roles inferred \(confidence 0\.\d\d\): Kay → agent, Lou → customer — /);
  });

  it('says nothing on stderr when the file states roles', () => {
    const [t] = settled('Agent: Hi\nCustomer: Hello\n', { source: 'a.txt' });
    expect(t!.meta.roleInference?.method).toBe('labels');
    expect(describeRoleInference(t!)).toBeUndefined();
  });

  it('notes an --agent name that matches nobody, and infers instead', () => {
    const [t] = settled('Kay: Thanks for calling Orbit, how can I help?\nLou: My order never came.\n', { source: 'k.txt', agent: 'Zed' });
    expect(t!.meta.roleInference?.evidence[0]).toMatch(/no speaker has that name/);
    expect(t!.meta.roleInference?.method).toBe('inferred');
  });

  it('lets --agent name the agent, over what the speakers say', () => {
    const [t] = settled('Kay: Thanks for calling Orbit, how can I help?\nLou: My order never came.\n', { source: 'k.txt', agent: 'lou' });
    expect(t!.meta.roleInference).toMatchObject({ method: 'option', assignments: { Kay: 'customer', Lou: 'agent' } });
  });

  it('settles a transcript once: a second call changes nothing', () => {
    const [t] = settled('Kay: Thanks for calling Orbit, how can I help?\nLou: My order never came.\n', { source: 'k.txt' });
    const before = structuredClone(t!);
    settleRoles(t!);
    expect(t).toEqual(before);
  });

  it('leaves a transcript as the reader built it until settled, roles unknown and nothing recorded', () => {
    const [t] = parseText('Kay: Thanks for calling Orbit, how can I help?\nLou: My order never came.\n', { source: 'k.txt' });
    expect(t!.turns.map((x) => x.role)).toEqual(['unknown', 'unknown']);
    expect(t!.meta.roleInference).toBeUndefined();
    // What the reader recorded is never written out.
    expect(JSON.stringify(t)).not.toMatch(/hint/i);
  });

  it('takes the file speaker labels, unless the text clearly says otherwise', () => {
    const turns = () => [turn(0, 'spk_0', 'Thank you for calling, how can I help?'), turn(1, 'spk_1', "I'm calling about my order.")];
    const agreeing: Transcript = { id: 'a', source: 'a', channel: 'call', turns: turns(), meta: {} };
    settleRoles(agreeing, { fileAssignments: { spk_0: 'agent', spk_1: 'customer' } });
    expect(agreeing.meta.roleInference?.method).toBe('labels');
    expect(agreeing.meta.roleInference?.evidence[0]).toMatch(/confirmed by the text/);
    const wrong: Transcript = { id: 'b', source: 'b', channel: 'call', turns: turns(), meta: {} };
    settleRoles(wrong, { fileAssignments: { spk_0: 'customer', spk_1: 'agent' } });
    expect(wrong.meta.roleInference?.method).toBe('inferred');
    expect(wrong.meta.roleInference?.evidence[0]).toMatch(/^conflict: the file's speaker labels say spk_0 = customer, spk_1 = agent/);
    expect(wrong.turns.map((x) => x.role)).toEqual(['agent', 'customer']);
  });
});
