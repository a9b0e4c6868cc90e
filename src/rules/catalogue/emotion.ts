// Emotion rules: how the agent meets the customer's feelings (seeds 000, 001, 003).
import type { RuleDef, RuleMatch } from '../types.js';
import { matched, plain, sentenceAfter, turnAfter } from '../context.js';

const FEELING =
  '(tiresome|painful|a pain|a hassle|a nightmare|frustrating|annoying|stressful|worrying|upsetting|infuriating|exhausting|disappointing|confusing|maddening|scary|distressing|awful|horrible|inconvenient|difficult|hard|tough|draining|irritating|aggravating|unsettling|nerve-wracking|nerve-racking|alarming|worrisome|horrendous|dreadful|harrowing|traumatic|miserable|exasperating)';
const FELT = '(frustrated|annoyed|upset|angry|disappointed|worried|stressed|confused|fed up|let down|anxious|cross|irritated|furious|concerned|panicked|exhausted|fuming|livid|gutted|devastated|scared|frightened|mad|worried sick|beside myself|up in arms|tearing my hair out|climbing the walls)';
/** Words an agent uses to act on the problem, after an apology or an acknowledgement. */
const ACTING = /\b(let me|let's|i'll|i will|i'm going to|i am going to|i've|i have|we'll|we will|i can|right now|straight away)\b/;
/** Words that own what went wrong, said after an apology. */
const OWNS_FAILURE = /\b(shouldn't|should not|should never) have (happened|been|had to)|\b(that's|that is|it's|it is) (not okay|not ok|not on|not acceptable|not good enough|not right)\b|\b(our|my) (mistake|fault|error)\b|\b(we|i) (can|could) (either|do)\b/;
const SORRY = "(i'm|i am|im|we're|we are) [so|very|really|truly|terribly|awfully|deeply]";
/** Feelings and stakes named as nouns: "I understand your frustration", "we understand the urgency". */
const FEELING_NOUN =
  '(frustration|frustrations|disappointment|annoyance|anger|upset|urgency|stress|worry|worries|anxiety|distress|exasperation|irritation|gravity|hassle|fear|fears|panic|heartbreak)';
/** Stakes said as an adjective: "we know how important your battery is". */
const STAKES = '(important|precious|valuable|vital|essential|urgent|a big deal|means a lot|matters)';
/** What an apology is for when it is the agent's own slip or late reply, not the customer's trouble. */
const OWN_SLIP = /^\W*(for )?(my|our)? ?(late|slow|delayed)? ?(reply|response|delay in (replying|responding|getting back)|the late|the slow|the delayed)\b|^\W*(for )?my (delay|mistake|error|typo|confusion)|^\W*(i|we) (missed|misread|misheard|misunderstood)|^\W*(for )?(the )?(typo|interruption|echo|bad line)|^\W*(to|for) (interrupt|ask|bother|keep asking)|^\W*,? ?(can|could|would) you (repeat|say)/;
/** An apology hedged into a non-apology: "for any inconvenience", "if you felt", "you feel that way". */
const HEDGED = /^\W*((for|about) any|if\b|that you feel|you feel|you're feeling|you are feeling|you felt|for (your|the) frustration)/;

/** An apology for the customer's trouble, not for the agent's own slip, nor hedged into a non-apology. */
function notOwnSlip(m: RuleMatch): false | void {
  const after = plain(m.turn.text.slice(m.span[1], m.sentence[1]));
  const sentence = plain(m.turn.text.slice(m.sentence[0], m.sentence[1]));
  if (OWN_SLIP.test(after) || HEDGED.test(after)) return false;
  // Sorry for a bad line or for asking again is good manners, not sympathy for the customer's problem.
  if (/\b(line|connection|cut out|hear you|repeat|echo|background|typo|misread|misheard|interrupt\w*)\b/.test(sentence)) return false;
  if (/\bnot sorry\b/.test(sentence)) return false;
}

export const emotionRules: RuleDef[] = [
  {
    id: 'empathy-names-feeling',
    category: 'empathy',
    kind: 'strength',
    severity: 'info',
    speaker: 'agent',
    title: 'Names the customer’s feeling',
    description: 'The agent names how the situation feels to the customer, from the customer’s side.',
    why: 'Empathy is feeling bad with the customer, not for them: naming their feeling shows the agent shares the problem and makes them collaborators in the fix.',
    source: 'seed 003: use empathy, not sympathy; seed 000: put yourself in the customer’s shoes',
    message: 'Names the customer’s feeling from their side: this is empathy, which lowers the temperature.',
    patterns: [
      `(that|this|it) (must|would|will|could) [be|have been|feel] [so|really|very|incredibly|extremely|absolutely|super] ${FEELING}`,
      `(that|this|it) (sounds|seems|looks) [so|really|very|incredibly|extremely|absolutely] ${FEELING}`,
      `(that's|that is|this is|it's|it is) [so|really|very|incredibly|genuinely] ${FEELING} [for you]`,
      `i (can|completely|totally|fully|really) (understand|see|imagine|hear) [how|why] ** ${FEELING}`,
      `i (can|completely|totally|fully|really) (understand|see|imagine|hear) why (you're|you are|you'd|you would|you feel) ** ${FELT}`,
      `(i'd|i would|anyone would|anybody would) (be|feel) [just|exactly] [as|so|the same] ${FELT}`,
      `(i'd|i would|i'd have|i would have) (feel|felt) (the same|exactly the same|just the same)`,
      `no wonder (you're|you are|you'd be|you feel|you felt) ${FELT}`,
      `you (have|had) every (right|reason) to be ${FELT}`,
      `(i|we) (completely|totally) (get|understand) (it|that|why)`,
      `i (know|understand|hear) how (much|important) (this|that) (is|matters) [to you]`,
      `i'd (hate|be lost|be worried) ** (too|as well)`,
      `i (can|could) (hear|tell) (how|that) (you're|you are|this is|this has been|it's|it has been|you've been)`,
      `(if i were you|in your (shoes|position)) (i'd|i would) [be|feel]`,
      `i (can|completely|totally|fully|really) (understand|appreciate|see) ** (how|why) [this|that|it] (is|was|has been|must be|would be) [so|really|very] ${FEELING}`,
      // Feelings and stakes as nouns and adjectives: "I understand your frustration", "we know how important it is".
      `(i|we) [can|do|completely|totally|fully|really|certainly|definitely|absolutely|truly|can certainly|can definitely|can totally|can completely|can fully] (understand|appreciate|see|get|feel|recognise|recognize|hear|sense) [how|why|the|your|that|all|this|those] [the|your|this|that] ${FEELING_NOUN}`,
      `(i|we) [can|do|completely|totally|fully|really|certainly|definitely|absolutely|truly] (know|understand|realise|realize|appreciate|see|get|imagine) (how|why) [much] ** (${STAKES}|${FEELING})`,
      `(i|we) [can|do|completely|totally|fully|really|certainly|definitely|absolutely|truly] (know|understand|realise|realize|appreciate) [that] ** ** (is|are|was|can be|would be|must be|has been) [so|really|very|incredibly] (${STAKES}|${FEELING})`,
      `(i|we) (know|understand|realise|realize|can see) (you're|you are|you were|you've been|you have been) [so|really|very] (excited|looking forward|keen|eager|counting on|relying on|worried|anxious|${FELT})`,
      `(i|we) [can|do|completely|totally] (understand|know|see|get) (it|this|that) (would|must|can|could|will) (be|feel|have been) [so|really|very|incredibly|extremely|a bit|quite] ${FEELING}`,
      `you (shouldn't|should not) have (had) to (deal with|go through|chase|wait|call)`,
      `i (can|could) (hear|tell|only imagine|imagine|see) how ${FELT} you (are|were|must be|must feel|must have been|feel)`,
      `how ${FELT} you (are|were|must be|must feel|must have been|feel)`,
      `(i can|i could) [only] imagine how ${FEELING}`,
      `(must be|must have been|must've been|must feel|must have felt) [a|an] [so|really|very|incredibly|extremely|absolutely|pretty] ${FEELING}`,
      `(that's|that is|this is|it's|what) (a|an|such a|such an) [really|truly|very|absolutely] (awful|horrible|scary|terrible|stressful|worrying|upsetting|frustrating|miserable|rotten|nasty|frightening) (thing|way|situation|position|experience|time|start|place|shock)`,
      `(is|was|sounds|sounded) [absolutely|really|so|just] (awful|horrible|terrible|miserable|rotten|scary|frightening|horrendous|dreadful|stressful|exhausting|upsetting)`,
      `the last thing you (need|needed|want|wanted)`,
      `i (can see|understand|get) why [you|you'd|you're|you are|you feel|you felt]`,
      `i [totally|completely|really] get it`,
      `(you're|you are) (absolutely|completely|quite|totally|so) right`,
      `you (shouldn't|should not|should never) have (had to|been)`,
      `you did the right thing`,
      // Normalising the customer's reaction: "nobody wants to pay for something they're not using".
      `(nobody|no one|noone) (wants|likes|enjoys) (to pay|to wait|to be|paying|waiting|being|to chase|chasing|to lose|losing|to deal|dealing|to go through|going through|to have|having)`,
    ],
    check(m) {
      // "I can see why the payment failed" explains a fault; the customer has to be in it.
      if (/^i (can see|understand|get) why$/.test(matched(m)) && !/\byou\b|\byou'|^\s*[.!,]?\s*$/.test(sentenceAfter(m))) return false;
    },
    examples: {
      match: [
        'Oh no, that must be so frustrating, especially after two calls already.',
        'That sounds really stressful with the flight next week.',
        "Honestly, I'd feel exactly the same in your shoes.",
        'No wonder you are upset, you were promised a call back.',
        'I can understand why you feel let down here.',
        "That's fair, nobody wants to pay for something they're not using.",
      ],
      noMatch: [
        "I'm sorry to hear that.",
        'That must be the old router, the lights are amber.',
        'You said "this is so frustrating", can you tell me what happened first?',
        "It wouldn't be difficult to change the date.",
        'Nobody wants to take the call, so it goes to voicemail.',
      ],
    },
  },
  {
    id: 'apology-owning-the-fix',
    category: 'empathy',
    kind: 'strength',
    severity: 'info',
    speaker: 'agent',
    title: 'Apologises for what the customer went through, and acts',
    description: 'An apology that names what the customer has been through ("sorry you’ve had to wait") followed by the agent acting on it.',
    why: 'An honest apology about the customer’s own experience, joined to an action, is feeling bad with them and owning the fix: the empathy the seeds ask for, not sympathy from outside.',
    source: 'seed 003: an honest apology, then empathy, not sympathy',
    message: 'Apologises for what the customer went through and acts on it: empathy that owns the fix.',
    patterns: [
      `(i'm|i am|we're|we are|so|really) [so|very|really|truly|terribly] sorry (you've|you have|you had|you were|you've been|that you've|that you have|that you had|you're|you are|for) [had|been|having] (to|wait|waiting|been|through|kept|left|chasing|the wait|all the|the trouble|the hassle|the delay|the mix-up|the mess|going through)`,
      `sorry (you've|you have|you had) (had|been) to`,
    ],
    examples: {
      match: [
        "I'm sorry you've had to wait, let me fix that now.",
        "I'm so sorry for the delay, I'll get this booked for you straight away.",
        "I'm sorry you had to ring twice for this, that shouldn't have happened.",
      ],
      noMatch: [
        "I'm sorry you're going through that.",
        "I'm sorry you've had to wait.",
        "I'm sorry you had to ring twice, the lines have been busy.",
      ],
    },
    check(m) {
      // Acting on it, or owning the failure ("…, that shouldn't have happened", "…, that's not okay").
      const after = turnAfter(m);
      if (!ACTING.test(after) && !OWNS_FAILURE.test(after)) return false;
    },
  },
  {
    id: 'sympathy-from-outside',
    category: 'sympathy',
    kind: 'risk',
    severity: 'warning',
    speaker: 'agent',
    title: 'Sympathy instead of empathy',
    description: 'The agent feels sorry for the customer from the outside ("sorry to hear that", "that’s unfortunate") and does not name their feeling or own the fix.',
    why: 'Sympathy treats the problem as the customer’s own ("I feel bad for you"); it sounds scripted and leaves them alone with it. Empathy ("I feel bad with you") makes the agent a partner in the fix.',
    source: 'seed 003: use empathy, not sympathy',
    message: 'Sympathy from the outside: it keeps the problem the customer’s. Name their feeling and own the next step instead.',
    suggestion: 'That sounds really frustrating. Let me sort this out with you now.',
    check: notOwnSlip,
    patterns: [
      `${SORRY} sorry to (hear|learn|read) [that|this|about]`,
      `sorry to hear [that|this|about]`,
      `(that's|that is|it's|it is|what) [a|really|very|such a|so] (unfortunate|shame|pity|too bad|bad luck)`,
      `(i|we) feel (bad|sorry|terrible) for you`,
      `(oh|aw|ah) no`,
      `poor (you|thing)`,
      `unfortunately (that|this|these things) (happens|happen|can happen)`,
      `(sorry|sad) to hear (that|this|about) [that|this|it]`,
      `(that's|that is|how) (sad|awful|terrible) [to hear]`,
      `sorry about (that|this|the|all|your)`,
      `oh dear`,
      `(unfortunately|sadly) (that|this|these things|it) (does|do|can) (happen|happens)`,
      `sorry (you're|you are|that you're|you've been) (going through|dealing with|having)`,
      `i understand [that|sir|madam] but`,
    ],
    examples: {
      match: [
        "I'm sorry to hear that. Can I have your account number?",
        "Oh that's unfortunate. Is there anything else?",
        'I feel bad for you, honestly.',
        // Said beside empathy it is still said: readers label both, and the empathy is credited too.
        "I'm sorry to hear that, that must be really worrying. Let me get this fixed for you right now.",
      ],
      noMatch: [
        "That's not unfortunate at all, it's good news: the parcel is here.",
        'Sorry, I misread your order number.',
      ],
    },
  },
  {
    id: 'sympathy-apology',
    category: 'sympathy',
    kind: 'risk',
    severity: 'info',
    speaker: 'agent',
    title: 'Sorry for the customer, without engaging',
    description: 'A plain apology or a cry of regret for the customer’s trouble ("sorry for the trouble", "oh no", "we hate to hear that") that neither names their feeling nor owns the fix.',
    why: 'A stock apology is polite, but on its own it feels sorry for the customer from outside. Said with the customer’s feeling named and the next step owned, it becomes empathy.',
    source: 'seed 003: an honest apology, then empathy, not sympathy',
    message: 'A stock apology: sorry for the customer, from outside. Name what they are going through and own the next step.',
    suggestion: 'I’m sorry about … , especially when you were counting on it. Let me find out what happened and put it right now.',
    allowNegated: true,
    patterns: [
      `(sorry|apologies|apologise|apologize|apologised|apologized|apologizes|apologises|apology|regret|regrets)`,
      `(oh|aw|ah) (my|dear|noo|nooo|noooo|man)`,
      `(yikes|bummer|ugh|eek)`,
      `(we|i) (hate|hated) to (hear|see|read|learn)`,
      `(we're|we are|i'm|i am|we were|i was) [so|very|really|truly|deeply|sincerely] (sad|saddened|disappointed|upset|gutted|unhappy|bummed|sorry) to (hear|see|read|learn)`,
      `(that|this|it) (doesn't|does not|doesnt) sound (good|right|great|fun|ideal)`,
      `(that's|that is|this is|it's|it is) (not|no) (good|ideal|ok|okay|great|fun|acceptable)`,
      `(that's|that is|this is) [incredibly|very|really|so|quite|most|deeply] (concerning|worrying|troubling|disappointing|upsetting)`,
      `(isn't|is not|wasn't|was not|not) (the|what|how) [kind|type|level|sort] [of] [delivery|customer|travel|shopping] (experience|service|standard|impression|news) (we|that we|our)`,
      `(not|never) what (we|i) (like|want|love|expect|hope) to (hear|see)`,
      `we never want`,
    ],
    examples: {
      match: [
        'Sorry for the trouble. Could you send us the order number?',
        'Apologies for the wait, the queue is long today.',
        "Oh my, that doesn't sound good at all. Which branch was it?",
        'We hate to hear this. What happened at the gate?',
        "That isn't the experience we want anyone to have.",
      ],
      noMatch: [
        'Sorry for my late reply, the order shipped this morning.',
        'We apologise for any inconvenience this may have caused.',
        "I'm sorry you feel that way.",
        'Sorry, could you repeat the postcode?',
      ],
    },
    check: notOwnSlip,
  },
  {
    id: 'pseudo-apology',
    category: 'pseudo-apology',
    kind: 'risk',
    severity: 'error',
    speaker: 'agent',
    title: 'Apology that blames the customer’s feelings',
    description: 'An apology for the customer’s feelings or for "any inconvenience" rather than for what went wrong.',
    why: 'An honest apology names what went wrong and owns it. "Sorry you feel that way" or "for any inconvenience this may have caused" puts the problem in the customer’s reaction and reads as a brush-off.',
    source: 'seed 003: apologise honestly, briefly and to the point',
    message: 'A non-apology: it apologises for the customer’s reaction, not for what went wrong.',
    suggestion: 'I’m sorry we … . That’s our mistake, and here is how I’ll put it right: … .',
    patterns: [
      `(sorry|apologise|apologize|apologies) (if|that) you (feel|felt|are feeling|were|think|thought|see it) ** [that way|like that|upset]`,
      `sorry (you feel|you're feeling|you are feeling|you felt|you think|you see it) [that way|like that|this way]`,
      `(sorry|apologise|apologize|apologies) for any (inconvenience|trouble|upset|frustration|confusion) [this|that|which|it] [may|might] [have] [caused|cause]`,
      `sorry (if|that) (this|that|it) (caused|has caused|may have caused|might have caused|was) ** (inconvenience|upset|trouble)`,
      `sorry [that|if] (you've|you have) been (made|left) to feel`,
      `(sorry|apologise|apologize|apologies|apologizes|apologises|regret|regrets) (for|about) any`,
      `(sorry|apologise|apologize|apologies) for (your|the) frustration`,
      `(all|any) (inconvenience|inconveniences|trouble) (is|are|was|were) regretted`,
      `(we|i) hope you (understand|can understand|appreciate) (our|my|the) (position|decision|policy|point of view)`,
      `as (previously|already|mentioned|stated|advised|explained|requested|informed) (mentioned|stated|advised|explained|requested|informed|before|earlier|previously|above)`,
      `(regret|apologise|apologize) (if|that) you (feel|felt|were|are) (upset|unhappy|dissatisfied|disappointed)`,
      `(regret|regrets|regretted|apologise|apologize|apologies|sorry) [for] any (inconvenience|inconvienence|inconvenince|inconvience|inconveniance|upset|distress|trouble|frustration|confusion)`,
      `any (inconvenience|inconvienence|inconvience|upset|distress) (is|was|caused is) (regretted|regrettable)`,
      `(sorry|apologies|apologise|apologize|regret) (you're|you are|you were|you felt|you feel|that you're|that you were|if you're|if you were|if you felt) [so|a bit|at all] (unhappy|upset|disappointed|dissatisfied|annoyed|confused|offended|frustrated|unsatisfied)`,
      `(sorry|apologies|apologise|apologize) (if|that) (that|it|this|i|my tone|what i said) (came across|sounded|seemed|was taken)`,
      `(sorry|apologies|apologise|apologize) (if|that) (our|the|my) ** (didn't|did not|failed to|doesn't) (meet|live up)`,
      `(you've|you have|you) (chosen|choose|decided) to (see|take|view|read) (it|this|that)`,
      `sorry (you|that you) (see|view|take|took|saw) it (that way|like that|this way)`,
      `sorry [sir|madam] but you (did|agreed|accepted|signed|should|were|have|need)`,
    ],
    examples: {
      match: [
        "I'm sorry you feel that way, but the charge is correct.",
        'We apologise for any inconvenience this may have caused.',
        "Sorry if you were upset by the letter.",
      ],
      noMatch: [
        "I'm sorry we charged you twice, that was our error and I've refunded it.",
        "I'm sorry you've had to wait so long, let me fix that now.",
      ],
    },
  },
  {
    id: 'blame-customer',
    category: 'blame',
    kind: 'risk',
    severity: 'error',
    speaker: 'agent',
    title: 'Blames or scolds the customer',
    description: 'The agent blames the customer or scolds them for asking again.',
    why: 'Customers forgive honest mistakes when they are treated with respect; blame and "as I already said" turn a problem into a fight and undo the goodwill built before.',
    source: 'seed 000: trust your customers and do not blame them; seed 004: a single interaction can undo all the goodwill',
    message: 'Blames or scolds the customer: it turns the problem into a contest.',
    suggestion: 'Let me go over that again, it is a lot to take in.',
    patterns: [
      `as i (already|just|previously|have already) (said|told you|explained|mentioned|stated)`,
      `(like|as) i (said|told you) (before|already|earlier|twice)`,
      `as (i've|i have) [already|just|previously] (said|told you|explained|mentioned|stated)`,
      `(i've|i have) (already|just) (told|explained to) you`,
      `(you should have|you should've) (read|checked|called|known|followed|looked|cancelled|canceled|told|contacted|asked|paid|sent|kept|noticed|rung|phoned|emailed|updated|done|made|given|used|returned|reported)`,
      `(that's|that is|it's|it is) (your|entirely your|totally your) (fault|problem|responsibility|own fault)`,
      `you (didn't|did not|failed to|never) (read|follow|check) (the|our|your)`,
      `(you need to|you have to) (listen|calm down|pay attention)`,
      `(you were|you're|you are) (supposed|meant|required) to (read|check|call|tell|send|follow)`,
      `if (you had|you'd) (read|checked|called|followed|told|looked)`,
      `(it|this) (clearly|plainly) (says|states) [in|on]`,
      `that's what happens (when|if) you`,
      `(like|as) i (said|told you|explained|mentioned)`,
      `(you|you've|you have) (obviously|clearly|evidently)`,
      `(obviously|clearly) you (didn't|did not|haven't|have not|must|entered|clicked|forgot|missed)`,
      `you (must|must've|must have) [have] (entered|typed|put|clicked|made|deleted|forgotten|forgot|missed|used|given|selected|chosen|done|ignored|misread|misunderstood|changed|cancelled|turned|unplugged|moved|set|registered|signed|logged|opened|ordered|booked|paid|sent)`,
      // Lecturing after the fact: "you really should only use sites you know".
      `you [really|honestly|seriously] (should|shouldn't|should not|ought to) (only|never|always) (use|buy|click|give|share|shop|enter|trust|open|download|pay)`,
      `you (didn't|did not|never|failed to) (tell|inform|let|notify|update) (us|me)`,
      `(not|isn't|wasn't) (our|my) fault (you|that you|if you)`,
      `(most|other|all our|many) (customers|people|users|callers) (manage|can|are able|do this|don't have|have no|seem to)`,
      `(that's|that is|it's|it is) (the|your) * (problem|fault|responsibility|issue|lookout) [not ours|not mine]`,
      `(that's|that is|it's|it is) down to (you|your|the)`,
      `you (did|have) (agree|agreed|accept|accepted|sign|signed) (to|up to) (the|our|these)`,
      `(you|you've|you have) (agreed|accepted|signed) (to|up to) the (terms|contract|conditions)`,
      `the (terms|t&cs|terms and conditions|small print|conditions) (were|are|was|is) [clearly|all] (on|in) (the|our)`,
    ],
    examples: {
      match: [
        'As I already said, the refund takes ten days.',
        'You should have read the terms before booking.',
        "Well, that's your responsibility, not ours.",
        'Like I told you, the form has to be signed.',
        'If you had read the email you would have seen the date.',
      ],
      noMatch: [
        "As I said I would, I've already sent the refund.",
        "It's not your fault at all, the form is confusing.",
        'Like I said on Monday, I will call you as soon as the part arrives.',
      ],
    },
    check(m) {
      // "That's the courier's problem": the fault put on a third party.
      if (/^(that's|that is|it's|it is) (the|your) (\S+) (problem|fault|responsibility|issue|lookout)/.test(matched(m)) && !/('s|s')\s+(problem|fault|responsibility|issue|lookout)/.test(matched(m)) && !/^(that's|that is|it's|it is) your/.test(matched(m))) return false;
      // "as I said I would" or "like I said, I'll call you" recalls the agent's own promise: no rebuke.
      if (/\b(i|we) (would|will|promised)\b|\b(i'll|we'll|i'd|we'd)\b/.test(sentenceAfter(m))) return false;
    },
  },
];
