// Named conditions, each tested through what rule data does with it: a rule that finds a phrase
// only `when` the condition holds, and the same rule `unless` it holds, which finds the opposite.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// The built-in data: the phrase sets the conditions read (src/rules/data/phrases/).
import '../../src/rules/index.js';
import { CONDITIONS, CONDITION_NAMES, unknownCondition, type ConditionName } from '../../src/rules/conditions.js';
import { RuleSet } from '../../src/rules/engine.js';
import { findingsOn } from '../../src/rules/hygiene.js';
import { ruleFromData, type RuleConditions } from '../../src/rules/rule-data.js';
import type { Example } from '../../src/rules/types.js';

/** Whether a one-pattern agent rule with these conditions finds something in `text`. */
function finds(pattern: string, text: Example, conditions: RuleConditions): boolean {
  const doc = { title: 't', description: 't', why: 't', source: 't', message: 't' };
  const rule = ruleFromData({ id: 't', category: 'information', kind: 'strength', severity: 'info', speaker: 'agent', ...doc, patterns: [pattern], conditions, examples: { match: [], noMatch: [] } });
  return findingsOn(new RuleSet([rule]), 't', 'agent', text).length > 0;
}

const CASES: Array<[ConditionName, string, Array<[Example, boolean]>]> = [
  ['negated', 'promise a callback', [["I can't promise a callback.", true], ['I promise a callback.', false]]],
  ['question', 'put you on hold', [['Can I put you on hold?', true], ["I'll put you on hold.", false], ['I put you on hold, is that okay?', false]]],
  ['quoted', 'transfer me', [['You said "transfer me" twice.', true], ['Please transfer me.', false]]],
  ['interjection', '(hold on|wait)', [["Hold on, that's not right.", true], ['I see it, wait, no.', true], ['Hold on.', false], ['Please hold on.', false], ['Hold on a moment.', false], ["Hold on, I'm checking.", false]]],
  ['reason-or-duration', 'put you on hold', [["I'll put you on hold while I check.", true], ["I'll put you on hold for about two minutes.", true], ["Because the system is slow, I'll put you on hold.", true], ["I'll put you on hold.", false]]],
  ['destination-or-reason', 'transfer you', [["I'll transfer you to our billing team.", true], ["I'll transfer you. They can fix the charge.", true], ["I'll transfer you to my supervisor.", true], ["I'll transfer you to the right department.", false], ["I'll transfer you now.", false]]],
  ['own-slip', 'sorry', [['Sorry, I misread your order number.', true], ['Sorry for my late reply.', true], ['Sorry, can you repeat that?', true], ['Sorry for the delay in getting back to you.', true], ['Sorry for the confusion, the form is on page two.', true], ['Sorry for the delay with your parcel.', false], ['Sorry about the broken part.', false]]],
  ['hedged', 'sorry', [['Sorry for any inconvenience.', true], ['Sorry if you felt ignored.', true], ['Sorry about the broken part.', false]]],
  ['not-sorry', 'sorry', [["I'm not sorry for the wait.", true], ["I'm sorry for the wait.", false]]],
  ['acts-or-owns', 'sorry', [['Sorry about that, let me fix it.', true], ["Sorry about that, that shouldn't have happened.", true], ['Sorry about that.', false]]],
  ['why-leaves-customer-out', 'i can see why', [['I can see why the payment failed.', true], ["I can see why you're upset.", false], ['I can see why.', false]]],
  ['names-a-problem', "(that's|it's) (the|your) * (problem|issue)", [["That's the delivery issue.", true], ["That's the courier's problem.", false], ["That's your own problem.", false]]],
  ['recalls-own-promise', 'as i said', [["As I said I would, I've sent it.", true], ['As I said, it takes ten days.', false]]],
  ['praise-or-hesitation', '(incredible|still not|still no)', [['Incredible.', true], ['Still not sure.', true], ['Still no reply.', false]]],
  ['come-on-continues', '[oh] come on', [['Can you come on Monday?', true], ['Three weeks? Come on.', false]]],
  ['loyalty-without-force', "(i've|i have) been with you", [["I've been with you since 2015, can I get the rate?", true], ["I've been with you for ten years!!", false], ["I've been with you for years and now this.", false]]],
  ['concedes', 'a bit much', [["It's a bit much but okay.", true], ["It's a bit much.", false]]],
  ['corrects-a-figure', "(it's|that's) wrong", [["It's wrong on the bill.", true], ["That's wrong.", false]]],
  ['feeling-over', 'i was worried', [["I was worried but you've sorted it.", true], ['I was worried sick.', false]]],
  ['going-somewhere', "i'm (leaving|off)", [["I'm leaving for the airport.", true], ["I'm leaving, this is hopeless.", false]]],
  ['about-a-booking', 'cancel', [['Please cancel the booking.', true], ['Please cancel my account.', false], ['Cancel the order and close my account.', false]]],
  ['ironic', '(thanks for nothing|great)', [['Thanks for nothing.', true], ['Great, the router works.', false]]],
  ['complaint-after-but', 'thanks', [["Thanks, but it still isn't fixed.", true], ["Thanks, that's fixed it.", false]]],
  ['asks-a-favour', 'appreciate it', [["I'd appreciate it if you called me.", true], ['I really appreciate it.', false]]],
  ['declines-politely', 'thanks', [['Thanks though.', true], ['Thanks a lot.', false]]],
  ['irony-marks', 'thanks', [
    ['Thanks 🙄', true], ['Thanks SO much for the help.', true], ['Thanks so much.', false],
    // Read as words, by the phrase sets emphasis, thanks-or-help and flat-really: "helpful" has the stem of help,
    // "Thanksgiving" is not thanks, and "Really..." trails off rather than falling flat.
    ['Thanks, you have been SO helpful.', true], ['Thanks. Really.', true], ['Thanks SO much, see you at Thanksgiving.', false], ['Thanks, really...', false],
  ]],
  ['relays-thanks', 'thank you', [['Can you say thank you to her?', true], ['Thank you.', false]]],
  ['remembered-fondly', 'i called yesterday', [['I called yesterday and it was fine.', true], ["I called yesterday but it's still broken.", false]]],
  ['first-contact', '(the|my) (first|second) time', [["It's my first time calling.", true], ["It's the second time.", false]]],
  ['ordinal-without-contact', '(a|the) (second|third) time', [['It broke a second time.', true], ["I'm calling a second time.", false]]],
  ['promise-not-kept', 'you said', [["You said you'd call, nobody did.", true], ["You said you'd call, and you did.", false]]],
  ['not-as-promised', 'got the email', [["I got the email but it's wrong.", true], ['I got the email, thanks.', false]]],
  ['purpose-clause', 'i can look into it', [['DM us so I can look into it.', true], ['I can look into it now.', false]]],
  ['asked-in-first-reply', 'still (seeing|having)', [
    [{ context: [{ role: 'customer', text: "The app keeps logging me out and it's driving me mad." }], text: 'Sorry! Are you still seeing it?' }, true],
    [{ context: [{ role: 'customer', text: 'Hi, I need some help with my account.' }], text: 'Are you still seeing the error?' }, false],
    [{ context: [{ role: 'customer', text: 'It logs me out.' }, { role: 'agent', text: 'Please update the app.' }, { role: 'customer', text: 'Done.' }], text: 'Are you still seeing it?' }, false],
    [{ context: [{ role: 'customer', text: 'The app keeps logging me out.' }], text: 'We know you are still having it.' }, false],
    ['Are you still having the issue?', false],
  ]],
  ['after-the-customer-writes', "(we'll|we will) (be in touch|continue)", [["DM us your order number and we'll be in touch.", true], ["Meet us in DM. We'll continue from there.", true], ["We'll be in touch by Friday with the refund.", false], ["I've checked the order and we'll be in touch tomorrow.", false]]],
  ['check-in-place', 'check in', [['Go to the check-in desk.', true], ['I wanted to check in with you.', false]]],
  ['defensive-repeat', 'requested earlier', [['As requested earlier, send the form.', true], ['The form you requested earlier is attached.', false]]],
  ['thanks-for-it', 'checking in', [['Thanks for checking in.', true], ["I'm checking in about the repair.", false]]],
  ['answers-thanks', 'i said i would', [['I said I would.', true], ['I said I would call about the refund.', false]]],
  ['no-step-before', '(then|and then) (upload|send)', [['Then send it to us.', true], ['Once you sign it, then send it to us.', false]]],
  ['no-step-after', '(first|once) *', [['First thing tomorrow works.', true], ["Once signed, you'll get a copy.", false], ['First sign it, then send it.', false]]],
  ['first-asks', 'first', [['First, are you safe?', true], ['First, sign the form, then send it.', false]]],
  ['once-in-the-past', 'once * (was|is)', [['Once it was sent, nothing happened.', true], ["Once it is sent, you'll get a copy.", false]]],
  ['other-way-open', "we can't refund it", [["We can't refund it, but you can exchange it.", true], ["We can't refund it.", false]]],
  ['limit-on-what-is-known', "(we can't|we don't)", [["We can't make any promises.", true], ["We don't have any news on that right now.", true], ["We can't refund it.", false]]],
  ['promises-to-pass-on', "we can't change it", [["We can't change it, but I'll pass your feedback on.", true], ["We can't change it.", false]]],
  ['conditional', "can't be used", [["If the kitchen can't be used, we'll send someone.", true], ["The kitchen can't be used.", false]]],
  ['protects-with-a-way', "we can't share it", [["For your security we can't share it, but you can log in to see it.", true], ["We can't share it.", false]]],
  ['reading-the-policy', 'policy', [['Let me check what our policy says.', true], ["It's our policy.", false]]],
  ['protects-the-customer', 'policy', [["That's our policy, for your security.", true], ["That's our policy.", false]]],
  ['reason-and-alternative', 'policy', [["It's our policy because of fraud, but I can text you a code.", true], ["It's our policy because of fraud.", false]]],
  ['stays-with-us', 'you need to call (us|them)', [['You need to call us.', true], ['You need to call them.', false]]],
  ['bare-no-unasked', 'no', [['No, the shop is closed today.', true], ['No.', true], [{ context: [{ role: 'customer', text: 'Is there nothing you can do?' }], text: 'No.' }, false]]],
  ['alternative-after', "(no|i can't do that)", [["I can't do that, but what I can do is call them.", true], ["I can't do that.", false], ['No, let me check.', false]]],
  ['nothing-to-worry', "there's nothing", [["There's nothing to worry about.", true], ["There's nothing I can do.", false]]],
  ['routine-redirect', 'you can', [['You can DM us for more.', true], ['You can pick it up today.', false]]],
  ['no-other-way-after-but', 'but we can (use|send)', [['But we can use more details.', true], ['But we can send a new one.', false]]],
  ['one-way-only', '(you|we) can [either] (pick|see|check|always)', [['You can always set it up online.', true], ['We can always set up a return for you.', false], ['You can pick it up.', true], ['You can see it, or not.', true], ['You can check it online or in store.', true], ['You can pick it up, or we can post it.', false], ['You can either check in at the desk or print the pass at home.', false]]],
  ['hard-to-do', "(it's|it is) [very] {upsetting}", [["It's very difficult to stop spam once it starts.", true], ["It's very difficult, I know.", false], ["It's frustrating to wait this long.", false]]],
  ['detail-after-yes', '(which|what) (would|do) you prefer', [
    [{ context: [{ role: 'customer', text: 'That sounds perfect, go ahead and book it.' }], text: 'Lovely. Which would you prefer, the aisle or the window?' }, true],
    [{ context: [{ role: 'customer', text: 'That sounds perfect, go ahead and book it.' }], text: "Sorry, the aisle seats are sold out. Which would you prefer, a window or the middle?" }, false],
    [{ context: [{ role: 'customer', text: 'That sounds perfect, go ahead and book it.' }], text: "That showing isn't available now. What would you prefer?" }, false],
    [{ context: [{ role: 'customer', text: 'The kettle arrived broken.' }], text: 'A refund or a new one: which would you prefer?' }, false],
    ['Which would you prefer?', false],
  ]],
  ['states-a-fact', '(your parcel is out for delivery|thanks so much for your patience)', [['Your parcel is out for delivery today.', true], ['Thanks so much for your patience.', false]]],
  ['circular-reason', 'because', [["It's closed because that's the process.", true], ["It's closed because of the storm.", false]]],
  ['reason-for-asking', 'the reason', [["The reason I'm asking is the date.", true], ['The reason is the date.', false]]],
  ['boilerplate-cause', 'caused by', [['Sorry for any inconvenience caused by the outage.', true], ['The delay was caused by the outage.', false]]],
  ['so-opens-sentence', 'so', [['So the next step is a form.', true], ['It broke, so we replaced it.', false]]],
  ['as-things-are', 'as', [['Leave it as it is.', true], ['As the card expired, it failed.', false]]],
  ['since-a-time', 'since', [["It's been down since Monday.", true], ['It failed since the card expired.', false]]],
  ['comparison', 'as i can', [["I'll call as soon as I can.", true], ['Do it as I can help.', false]]],
];

describe('named conditions', () => {
  it('are each tested here', () => {
    expect(CASES.map(([name]) => name).sort()).toEqual([...CONDITION_NAMES].sort());
  });

  for (const [name, pattern, texts] of CASES) {
    describe(name, () => {
      // The context the engine drops by default is allowed, so only the named condition decides.
      const allow = (['negated', 'question', 'quoted'] as const).filter((n) => n !== name);
      it.each(texts)('holds in %j: %s', (text, holds) => {
        expect(finds(pattern, text, { allow, when: [name] })).toBe(holds);
        if (!['negated', 'question', 'quoted'].includes(name)) expect(finds(pattern, text, { allow, unless: [name] })).toBe(!holds);
      });
    });
  }

  it('drops negated, questioned and quoted matches unless a rule allows them', () => {
    expect(finds('put you on hold', 'Can I put you on hold?', {})).toBe(false);
    expect(finds('put you on hold', 'Can I put you on hold?', { allow: ['question'] })).toBe(true);
    expect(finds('promise a callback', "I can't promise a callback.", { allow: ['question'] })).toBe(false);
  });

  it('are each listed in src/rules/data/README.md, where rule authors look for them', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../src/rules/data/README.md'), 'utf8');
    for (const name of CONDITION_NAMES) expect(readme, name).toContain(`| \`${name}\` |`);
  });

  it('say what they test, for the docs', () => {
    for (const name of CONDITION_NAMES) expect(CONDITIONS[name].description.length, name).toBeGreaterThan(20);
  });

  it('reject an unknown name, listing the known ones and where they are written', () => {
    expect(unknownCondition('interjection')).toBeUndefined();
    expect(unknownCondition('toString')).toMatch(/^unknown condition "toString" \(one of negated, .*src\/rules\/conditions\.ts\)$/);
  });
});
