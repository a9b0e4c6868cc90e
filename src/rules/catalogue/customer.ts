// Customer-side signals: what the customer's own words say about how the contact is going
// (distress, escalation, churn, sarcasm, thanks, calling again, promises not kept).
import type { RuleDef, RuleMatch } from '../types.js';
import { matched, plain, previousTurn, sentenceAfter } from '../context.js';
import { BROKEN, BROKEN_PROMISE_PATTERNS, reportsBrokenPromise } from './promises.js';
import { turnSentiment, type SentimentResult } from '../../nlp/sentiment.js';
import type { TextFeatures } from '../../nlp/features.js';

const INTENSIFIER = '[so|really|very|absolutely|completely|totally|utterly|extremely|beyond|just|getting|quite|pretty]';
const DISTRESSED =
  '(frustrated|furious|livid|angry|annoyed|upset|fed up|sick of this|sick and tired|disgusted|appalled|devastated|gutted|distraught|stressed|worried|anxious|panicking|desperate|exhausted|fuming|outraged|horrified|disappointed|at my wits end|at my wit\'s end|at the end of my tether|beside myself|in tears)';
const MILD_INTENSIFIER = '[a bit|a little|quite|really|very|pretty|rather|so|just|incredibly|frankly|still|honestly]';
const MILD_COMPLAINT = '(harsh|unfair|unreasonable|excessive|poor|steep|a bit much|too much|not good enough|not fair|not right|not on|not okay|not ok|not acceptable|wrong)';
const OUTRAGE = '(ridiculous|unacceptable|outrageous|disgraceful|a joke|a disgrace|a nightmare|shocking|appalling|pathetic|insane|absurd|useless|hopeless|a shambles|terrible|awful|the worst)';

/**
 * Ironic frames that carry no praise word ("I'll just wait then", "of course, it's always the
 * system", "just what I needed"): sarcastic beside words of waiting, absence or refusal. (Praise
 * words are left to the turn's sentiment, which weighs what the praise is about.)
 */
const IRONIC_FRAME = /^(i'll|i will|i|just|of course|naturally|typical|how convenient|surprise surprise|it's|it is)\b/;
const NEGATIVE_CONTEXT =
  /\b(another|again|still|waiting|wait|hours?|days?|weeks?|months?|never|nothing|nobody|no one|not|no|lost|cut off|on hold|broken|late|wrong|charged|twice|third|fourth|useless|cancel\w*|mess|lose|losing|without|didn't|doesn't|don't|isn't|wasn't|won't|can't|couldn't|until|till|afraid|unfortunately|unable)\b/;
/** Negative words in friendly set phrases: "great, no problem", "brilliant, can't wait". */
const BENIGN = /\b(can't wait|cannot wait|no problem|no worries|no rush|no bother|no need|not a problem|not bad|not at all|no trouble)\b/g;

/** What an agent says when the news is bad: the turn a customer's "great" answers. */
const BAD_NEWS =
  /\b(afraid|unfortunately|can't|cannot|won't let|unable|not able|no record|next available|resubmit|submit it again|out of stock|not possible|nothing (i|we) can|no one|nobody|delayed|cancelled|canceled)\b/;
/** Praise that, said bare after bad news, means its opposite. */
const BARE_PRAISE = /^(oh |well |just |how |wow )?(great|brilliant|perfect|wonderful|fantastic|lovely|marvellous|marvelous|super|amazing|excellent|terrific|fab|nice|splendid)\b/;
/** Marks of irony in the customer's own turn: eye-roll, slow clap, emphasis. */
const IRONY_MARKS = /🙄|👏|🙃|😒|\b(SO+|REALLY|VERY|SUCH|TOTALLY)\b.*\b([Tt]hanks|[Hh]elp)|\b[Rr]eally\.\s*$/;
/** The marks of irony that hold in a turn of praise too: eye-roll, slow clap, a flat "Really." after thanks. */
const IRONY_ASIDES = /🙄|👏|🙃|😒|\b[Rr]eally\.\s*$/;

/** The last turn's sentiment: a check runs on a few matches of the same turn. */
let lastFeatures: TextFeatures | undefined;
let lastSentiment: SentimentResult | undefined;

/**
 * The customer's sentiment read the praise under the match as meaning its opposite (delight at a
 * complaint, praise before one, in scare quotes, in capitals, beside an eye-roll): one judgement of
 * sarcasm for the emotion curve and for the finding.
 */
function sentimentReadsSarcasm(m: RuleMatch): boolean {
  if (lastFeatures !== m.features) {
    lastFeatures = m.features;
    lastSentiment = turnSentiment(m.features);
  }
  return lastSentiment!.terms.some((t) => t.sarcasm === true && t.span[0] < m.span[1] && t.span[1] > m.span[0]);
}

/** Sarcasm: praise that the turn's sentiment reads as its opposite, or bare praise in answer to bad news. */
function praiseBesideComplaint(m: RuleMatch): false | void {
  const agent = previousTurn(m, 'agent', 1);
  const offersAWayOut = agent !== undefined && /\bbut (i|we) can\b|\binstead\b|\bgood news\b/.test(plain(agent.text));
  // A short answer to good news means what it says, whatever its words.
  if (offersAWayOut && plain(m.turn.text).split(/\s+/).length <= 6) return false;
  if (sentimentReadsSarcasm(m) || IRONY_ASIDES.test(m.turn.text)) return;
  // An ironic frame beside waiting, absence or refusal, in this turn or the agent's before it.
  if (IRONIC_FRAME.test(matched(m))) {
    const around = `${plain(m.turn.text)} ${agent ? plain(agent.text) : ''}`.replace(BENIGN, ' ');
    if (NEGATIVE_CONTEXT.test(around)) return;
  }
  // Bare praise ("Great, just great.") in answer to bad news; a longer reply says what it means itself.
  const bare = plain(m.turn.text).split(/\s+/).length <= 6 && !/\b(thanks|thank you|cheers|appreciate)\b/.test(plain(m.turn.text));
  if (agent && !offersAWayOut && bare && BARE_PRAISE.test(matched(m)) && BAD_NEWS.test(plain(agent.text))) return;
  return false;
}

export const customerRules: RuleDef[] = [
  {
    id: 'customer-distress',
    category: 'customer-distress',
    kind: 'signal',
    severity: 'warning',
    speaker: 'customer',
    title: 'Customer says they are distressed',
    description: 'The customer says in so many words that they are upset, worried or at the end of their patience, or calls the situation unacceptable.',
    why: 'Emotions lurk under every encounter; the ones a customer names outright are the ones the agent must meet first, with empathy and a plan, before any process.',
    source: 'seed 001: emotions, limit negative ones; seed 004: a frustrating call undoes the goodwill',
    message: 'The customer names their distress: meet the feeling before the process.',
    suggestion: 'Agent: That sounds really stressful — let me take this on now and tell you exactly what I’ll do.',
    allowQuestion: true,
    patterns: [
      `(i'm|i am|im|i feel|i'm feeling|i am feeling|i've been|i have been|i was|we're|we are) ${INTENSIFIER} [so|really] ${DISTRESSED}`,
      `(this|that|it|this service|your service|the service|this situation) (is|was|has been) ${INTENSIFIER} ${OUTRAGE}`,
      `(this is|that's|that is|it's|it is) ${INTENSIFIER} ${OUTRAGE}`,
      `(i'm|i am|im) (not|far from) (happy|pleased|impressed|satisfied)`,
      `(still|been) waiting (for|on) ** (weeks|months|days|hours|ages|forever)`,
      `(i've|i have|we've|we have) been waiting (for) ** (weeks|months|days|hours|ages|forever)`,
      `(i|we) (can't|cannot) believe (this|that|it|you|how|what)`,
      `(how|why) (is|was) (this|that|it) (so|even) [acceptable|possible|hard|difficult]`,
      `(i've|i have) had (enough|it)`,
      `(worst|terrible|awful|appalling|shocking|dreadful) (service|experience|company|customer service)`,
      `(nobody|no one|noone) (is|seems|wants|cares|will|ever) ** (help|helping|listen|listening|care|caring)`,
      `(i'm|i am) (losing|going to lose) my (patience|mind|temper)`,
      `(i feel|i'm feeling|feeling|i felt) [so|really|physically|absolutely] (sick|ill|helpless|desperate|ignored|fobbed off|cheated|robbed|abandoned|humiliated|awful|terrible)`,
      `(unbelievable|ridiculous|unreal|pathetic|disgraceful|shocking|appalling|outrageous|incredible)`,
      `(i'm|im|i am) [so|just|absolutely|completely|totally] (done|finished) with (this|you|it|your)`,
      `(😡|🤬|😤|😠|😭|😢|😩|😫)`,
      `still (no|nothing|waiting|not)`,
      `still (not|isn't|hasn't|haven't|doesn't|won't|isnt|doesnt) [been] (working|fixed|sorted|here|arrived|resolved|right|received|connected|back|done)`,
      `(doing|does|did) my head in`,
      `(driving|drives|driven) me (mad|crazy|insane|up the wall|round the bend)`,
      `(i'm|i am|im) [literally|actually] (shaking|crying|in tears|panicking|at my wits end)`,
      `i [literally|just|already] (just|already) told you`,
      `(how many times|how often) (do|have|must) i [have to|got to|need to] (tell|explain|say|call|ask)`,
      `(i've|i have|ive) (explained|told you|said) (this|it|that) (three|four|five|several|so many|many|{number}) times`,
      `(this is|it's|that's) (taking|gone on|dragged on) (forever|ages|too long|far too long)`,
      `(no one|nobody) (knows|seems to know|can tell me)`,
      `what a (joke|shambles|farce|nightmare|mess|disgrace|waste of time)`,
      // Complaints in mild words: "that seems a bit harsh", "I still think it's poor", "that's not fair".
      `(this|that|it|this service|your service|the service) (is|was|seems|sounds|feels|looks) ${MILD_INTENSIFIER} ${MILD_COMPLAINT}`,
      `(this is|that's|that is|it's|it is) ${MILD_INTENSIFIER} ${MILD_COMPLAINT}`,
      // Exasperation without a feeling word: "Come on.", "Are you serious?", "You're kidding me."
      `[oh] come on`,
      `(are you|you're|you are|you've got to be|you have got to be|you must be|you have to be) (serious|kidding|joking|having a laugh)`,
      // Feeling made small, or pushing back on being treated so: "I feel like such an idiot", "I'm not an idiot".
      `(i feel|i felt|i feel like|i felt like|makes me feel|made me feel|i look like) [such|a complete|a total|an absolute|so|really] (idiot|an idiot|a fool|fool|stupid|a mug|mug)`,
      `(i'm|i am|im) not (an idiot|stupid|a fool|a child|lying|making this up|thick)`,
      // Loyalty thrown back as a grievance: "I've been paying you for 2 years!!"
      `(i've|i have|we've|we have|ive) been (paying|with|a customer|a member|banking|loyal|using) ** ** (for|since)`,
    ],
    examples: {
      match: [
        'I am absolutely fed up with this, it has been three weeks.',
        'This is ridiculous, I was promised a refund on Monday.',
        "Honestly I'm not happy at all.",
        "I've been waiting for weeks and nobody is helping me.",
        'Worst customer service I have ever had.',
        'That seems a bit harsh. How was I meant to know?',
        'I still think it’s poor.',
        'Twenty-three days? Come on.',
        'I feel like such an idiot.',
        'Three weeks for a refund. What a joke.',
        "It was the official site. I'm not an idiot.",
        "I've been paying you from that account for 2 years!!",
      ],
      noMatch: [
        "I'm not upset, I just want to understand the bill.",
        'The error says "unbelievable request size", what does that mean?',
        'I was worried at first but you have sorted it, thanks.',
        "It isn't ridiculous, it's just confusing.",
        'Can the engineer come on Monday?',
        "I've been with you since 2015, can I get the loyalty rate?",
        "That's not unreasonable, fine.",
        'It seems a bit much to me but okay, that is fair.',
      ],
    },
    check(m) {
      // "incredible" praises and "still not sure" hesitates unless the turn also complains.
      if (/^(incredible|still not)$/.test(matched(m))) return false;
      // "come on" is exasperation only said on its own ("Twenty-three days? Come on."), not "come on Monday".
      if (/come on$/.test(matched(m)) && !/^\W*$/.test(sentenceAfter(m))) return false;
      // Years of custom are a grievance only said with force or beside a complaint.
      if (/^(i've|i have|we've|we have|ive) been/.test(matched(m)) && !/!!|\?!|!\?/.test(m.turn.text) && !/\b(and (now|this|yet|you|still)|yet|still|how|why|never)\b/.test(sentenceAfter(m))) return false;
      // "It seems a bit much, but okay": the clause after "but" concedes.
      if (/\bbut (okay|ok|fine|fair|that's fine|that's fair|i understand|i get it)\b/.test(sentenceAfter(m))) return false;
      // "It's wrong" about a figure is a correction; "that's wrong" as a verdict stays.
      if (/wrong$/.test(matched(m)) && /^\W*\w/.test(sentenceAfter(m))) return false;
      // "I was worried, but you've sorted it": a feeling the customer reports as over.
      if (/^(i was|we were)\b/.test(matched(m)) && /\b(but|until)\b.*\b(sorted|fixed|resolved|helped|great|thanks|thank you)\b/.test(sentenceAfter(m))) return false;
    },
  },
  {
    id: 'customer-asks-to-escalate',
    category: 'escalation-request',
    kind: 'signal',
    severity: 'warning',
    speaker: 'customer',
    title: 'Customer asks to escalate',
    description: 'The customer asks for a manager, a supervisor, someone else, or to escalate or make a formal complaint.',
    why: 'A request to escalate means the front line has lost the customer’s trust; the seed stories are resolved only after escalation, which an empowered agent could have made unnecessary.',
    source: 'seed 002: escalation as a root cause of service failures',
    message: 'The customer asks to escalate: the front line has not yet owned the problem.',
    suggestion: 'Agent: I can take this further for you, and before that let me see what I can do myself right now.',
    allowQuestion: true,
    patterns: [
      `(speak|talk|speaking|talking) (to|with) (a|your|the|someone|somebody) [more] (manager|supervisor|boss|senior|team leader|superior|higher up|else|in charge|senior person)`,
      `(speak|talk) (to|with) (someone|somebody) (more senior|senior|higher up|else|in charge|who can [actually] help)`,
      `(put|get|transfer|pass) me (through|on|over) to (a|your|the) (manager|supervisor|boss|team leader|complaints)`,
      `(get|fetch|give) me (a|your|the) (manager|supervisor|boss)`,
      `(i want|i'd like|i would like|i wish|i need|i'm going) to (escalate|make a complaint|make a formal complaint|complain|file a complaint|lodge a complaint|raise a complaint)`,
      `(escalate|escalating) (this|it|my complaint|my case|the matter)`,
      `(who is|who's|what is the name of) your (manager|supervisor|boss)`,
      `(report|reporting) (this|you) to (the|an) (ombudsman|regulator|trading standards)`,
      `(is there|can i speak to) (someone|somebody|anyone|anybody) else`,
      `(someone|somebody|anyone|anybody) (more senior|senior|higher up|in charge|with authority|who can actually|above you)`,
      `get me (someone|somebody|a manager|a supervisor|your manager|your supervisor|a human|a person)`,
      `(transfer|put|pass|send) me (to|through to|over to) (someone|somebody|a human|a person|a real person|a manager|a supervisor|complaints|the complaints|your complaints)`,
      `(speak|talk|chat) (to|with) (a|an|the) (human|real person|person|actual person)`,
      `(ombudsman|regulator|trading standards|ofcom|ofgem|ofwat|fca|financial conduct authority|watchdog|small claims|citizens advice|my solicitor|my lawyer|the press|bbb|better business bureau)`,
      `(raise|make|file|lodge|submit|log|open) a [formal|written|official] complaint`,
      `(want|need|like) (this|it|my case|my complaint) (escalated|raised|looked at by a manager)`,
      `(a|your|the) (manager|supervisor|team leader) (to|should|will need to|needs to) (call|ring|contact|phone)`,
      `(whoever|someone who|somebody who|the team that|the people who) (deals|deal|handles|handle) [with] complaints`,
      `(complaints|complaint) (team|department|dept|procedure|process)`,
    ],
    examples: {
      match: [
        'Can I speak to your manager please?',
        "I'd like to make a formal complaint about this.",
        'Put me through to a supervisor.',
        'Is there someone else I can talk to who can actually help?',
      ],
      noMatch: [
        "No, I don't want to speak to a manager, you've been great.",
        'My manager asked me to call about the invoice.',
        'No need for a manager, you have sorted it.',
      ],
    },
  },
  {
    id: 'customer-threatens-to-leave',
    check(m) {
      // "I'm leaving for the airport", "I'm off to work": going somewhere, not leaving the company.
      if (/\b(leaving|off)$/.test(matched(m)) && /^\s*(for|to|at|now|in|on|the|home|work|soon)\b/.test(sentenceAfter(m))) return false;
      // Cancelling or moving an appointment, a booking or an order is not leaving the company.
      if (/\b(appointment|booking|order|flight|visit|engineer|date|reservation|delivery|slot)\b/.test(plain(m.turn.text)) && !/\b(account|contract|subscription|membership|provider|elsewhere)\b/.test(plain(m.turn.text))) return false;
    },
    category: 'churn-risk',
    kind: 'signal',
    severity: 'warning',
    speaker: 'customer',
    title: 'Customer talks of leaving',
    description: 'The customer talks of cancelling, closing the account, switching provider or never coming back.',
    why: 'A customer who talks of leaving is weighing the relationship; how this contact ends decides whether they stay and what they tell others.',
    source: 'seed 000: the good deed that keeps on giving, word of mouth; seed 003: a customer for life',
    message: 'The customer talks of leaving: this contact decides whether they stay.',
    suggestion: 'Agent: I don’t want to lose you over this — here is what I can do today to put it right.',
    allowQuestion: true,
    patterns: [
      `(cancel|close|terminate|end|leave) (my|our|the) (account|contract|subscription|membership|service|plan|policy|broadband|phone line|direct debit)`,
      `(cancelling|canceling|closing|terminating|ending|leaving) (my|our|the) (account|contract|subscription|membership|service|plan|policy|broadband)`,
      `(switch|switching|move|moving|go|going) (to|over to) (another|a different|a new|a competitor|your competitor|someone else)`,
      `(take|taking) my (business|custom|money) (elsewhere|somewhere else)`,
      `(never|not) (using|use|shopping|shop|ordering|order|flying|fly|buying|buy|dealing) (with|from) you [again|ever again|lot again]`,
      `(never|won't) (use|order from|shop with|fly with|buy from|recommend) (you|this company|your company) [again]`,
      `(i'm|i am|we're|we are|i'll be|we'll be) (leaving|done with you|out of here|going elsewhere|off)`,
      `(pac|stac|porting) (code|number)`,
      `(won't|will not|not going to|am not going to|i'm not|wont) (be renewing|renew|renewing|be staying|stay|be continuing)`,
      `(whether|if) (to|we should|i should|we'll|i'll) (renew|stay|keep|continue)`,
      `(moving|switching|changing|move|switch|change) (banks|bank|provider|providers|supplier|suppliers|network|networks|insurer|insurers|broadband|energy supplier|mobile provider)`,
      `(thinking|considering|thinking about|thinking of|looking at|looking into) (moving|switching|leaving|cancelling|canceling|going elsewhere|closing|other providers)`,
      `(had|got|have|getting) a (quote|cheaper quote|better quote|better deal|better offer|cheaper deal) (from|with|elsewhere)`,
      `(cheaper|better deal|better offer) (elsewhere|somewhere else)`,
      `(take|taking|move|moving|put|putting) (my|our) * (elsewhere|somewhere else)`,
      `(think|thinking) twice before (i|we) (buy|order|book|use|fly|shop|renew)`,
      `(notice period|exit fee|early termination|termination fee|cancellation fee|early exit)`,
      `(looking at|looking into|shopping around for) (other|another|different) (providers|companies|banks|suppliers|options)`,
      `(port|porting|transfer) my number`,
      `(signed up|sign up|signing up|joined|joining|gone|going|moved|moving) (to|with|for) (another|a different|a cheaper|a new|a rival) (service|provider|company|supplier|bank|network|streaming service|app|platform)`,
      `(last|final) time (i|we) (use|order|buy|shop|fly)`,
    ],
    examples: {
      match: [
        "If this isn't fixed today I'm cancelling my contract.",
        'I want to close my account.',
        "I'll be taking my business elsewhere.",
        'I am never ordering from you again.',
        "I've already signed up to another service that's cheaper.",
      ],
      noMatch: [
        "I'm leaving for the airport now, can you text me the gate?",
        'We are switching the account into my name.',
        "I don't want to cancel my account, I just want the fee removed.",
        'Can you cancel the order I placed by mistake?',
        'I switched to paperless billing last month.',
      ],
    },
  },
  {
    id: 'customer-sarcasm',
    category: 'sarcasm',
    kind: 'signal',
    severity: 'warning',
    speaker: 'customer',
    title: 'Customer is sarcastic',
    description: 'Praise or thanks said beside a complaint ("oh great, another week to wait", "thanks for nothing").',
    why: 'Sarcasm is anger in polite words: lexicons read it as positive, and an agent who takes it at face value misses the customer’s real state.',
    source: 'seed 001: emotions lurk under the surface; seed 004: a single interaction can undo the goodwill',
    message: 'Sarcasm: the words are positive, the customer is not. Answer the complaint underneath.',
    suggestion: 'Agent: I can hear this has been really frustrating. Let me fix it properly now.',
    allowQuestion: true,
    allowNegated: true,
    patterns: [
      `thanks for nothing`,
      `thanks a (bunch|lot|million) (for nothing|not)`,
      `yeah right`,
      `(as if|like that's going to happen|like that'll happen)`,
      `(oh|well|just|how) (great|brilliant|perfect|wonderful|fantastic|lovely|marvellous|marvelous|super|fab|terrific|nice)`,
      `(great|brilliant|perfect|wonderful|fantastic|lovely) just (great|brilliant|perfect|wonderful|fantastic|lovely)`,
      `(i|i just|just) (love|adore) (how|that|being|waiting|it when|getting)`,
      `(great|brilliant|fantastic|excellent|wonderful|amazing|stellar|top notch|stellar) (service|job|work|customer service|help) ** (again|as usual|as always)`,
      `(what a|such a) (surprise|shock)`,
      `(so|very|really|super) (helpful|useful) [thanks|thank you] (not)`,
      `(thanks|thank you) (so much|very much) (for|for nothing)`,
      `(well done|good job|nice one|bravo) [guys|everyone]`,
      `(love|loving) (the|this|your) (service|wait|hold music|runaround)`,
      `(great|brilliant|perfect|wonderful|fantastic|lovely|marvellous|marvelous|super|amazing|excellent|terrific|splendid|wow)`,
      `(that's|that is|this is|well that's|well that is) [just|so|really|absolutely|simply] (great|brilliant|perfect|wonderful|fantastic|lovely|marvellous|marvelous|super|amazing|helpful|useful|reassuring)`,
      `just what (i|we) (needed|need|wanted)`,
      `(love|loving|adore) (that|it|this)`,
      `(because|cos|coz|cause) (that|it|this) (worked|went|helped|goes) [out] (so|really|very|brilliantly|perfectly|great) [well]`,
      `what (am|are) (i|we) (meant|supposed) to do`,
      `(i'll|i will|i) just (wait|sit|sit here|pay|stay|carry on)`,
      `(of course|naturally|typical|how convenient|surprise surprise)`,
      `(it's|it is) always (the|your|my)`,
      // Delight and thanks whose sarcasm the turn's sentiment decides ("thrilled to be stuck here").
      `(thrilled|delighted|love|loving|adore|happy|glad|excited|pleased|funny|hilarious|joy|enjoy|enjoying|impressed|classy|genius|clever|awesome|nice|cool|good)`,
      `(thanks|thank you|cheers)`,
      `so much for`,
      // A hashtag is a phrase without spaces: "#ThanksForNothing", "#YeahRight".
      `(thanksfornothing|yeahright|thanksalot)`,
      `(first class|first rate|top notch|world class|five star) (service|job|work|support|customer service)`,
    ],
    examples: {
      match: [
        'Oh great, another week of waiting for an engineer.',
        'Thanks for nothing.',
        'Well done, you have managed to lose my parcel twice.',
        'Brilliant service, as always.',
        'great, just great. so the readings vanished into thin air',
        "I just love being on hold for an hour, it's my favourite hobby.",
        'So thrilled to be sitting on hold for two hours.',
        "Thanks to your AMAZING support I've lost a whole day of work.",
      ],
      noMatch: [
        'Oh great, that is exactly what I wanted, thank you!',
        'Brilliant, the new router works perfectly.',
        'Thanks so much for sorting that out.',
        "I'm thrilled the replacement arrived today!",
        'Brilliant, the problem is solved, have a lovely evening!',
        'I love you guys, but the app keeps crashing on my tablet.',
      ],
    },
    check(m) {
      const words = matched(m);
      // These are sarcastic on their own; the rest need a complaint beside them.
      if (/^(thanks for nothing|thanks a \w+ (for nothing|not)|yeah right|as if|like that|because|cos|coz|cause|thanksfornothing|yeahright|thanksalot)/.test(words)) return;
      // Praise of the service "as always", "as usual", "again" is irony on its own.
      if (/\b(service|job|work|help)\b.*\b(as always|as usual|again)\W*$/.test(words)) return;
      // Praise said twice over ("great, just great") is flat irony on its own.
      if (/^(\w+)\W+just\W+\1$/.test(words)) {
        const agent = previousTurn(m, 'agent', 1);
        if (!agent || !/\b(good|great) news\b|\bbut (i|we) can\b|\binstead\b/.test(plain(agent.text))) return;
        return false; // an answer to good news means what it says
      }
      // A rhetorical "what am I meant to do, …?" answers the agent rather than asking them.
      if (/^what (am|are)/.test(words)) return /^\s*,/.test(m.turn.text.slice(m.span[1])) ? undefined : false;
      if (/^(thanks|thank you) (so much|very much) for$/.test(words) && !IRONY_MARKS.test(m.turn.text)) {
        if (!/^\s*(nothing|wasting|making|losing|ignoring|the runaround|keeping me)/.test(sentenceAfter(m))) return false;
        return;
      }
      return praiseBesideComplaint(m);
    },
  },
  {
    id: 'customer-thanks',
    category: 'gratitude',
    kind: 'signal',
    severity: 'info',
    speaker: 'customer',
    title: 'Customer thanks the agent',
    description: 'The customer thanks the agent or says they appreciate the help, and means it.',
    why: 'Genuine thanks is the clearest sign in the customer’s own words that the contact turned out well: the positive emotion the design aims for.',
    source: 'seed 001: accentuate positive emotions; seed 003: a customer for life',
    message: 'The customer thanks the agent: the contact is ending on a positive note.',
    suppressedBy: ['sarcasm'],
    patterns: [
      `(thank you|thanks|thankyou|thx|ta|cheers) [so much|very much|a lot|a million|loads|ever so much|for everything|for your help|for that|for sorting]`,
      `(many|huge|big) thanks`,
      `(i|i really|i really do|i do|really) (appreciate|appreciated) (it|that|this|your|you|everything|the)`,
      `(you've|you have|you're|you are|you were) (been) [so|really|very|incredibly|super] (helpful|kind|brilliant|great|amazing|fantastic|a star|a lifesaver|a life saver|wonderful|patient)`,
      `(you're|you are) (a star|a lifesaver|a life saver|an angel|a legend|amazing|brilliant|the best)`,
      `(much|greatly) appreciated`,
      `appreciate (it|that|your help|you|the help|all your help|all the help)`,
      `(that's|that is|that was) (really|so|very) (kind|helpful) [of you]`,
      `(grateful|thankful) (for|to you)`,
      `(ty|tysm|thanku|thank u|thanx|thnx|thks|gracias|merci|danke|🙏)`,
      `(you've|you have|you're|you are|you were) [been] [so|really|very|super|ever so] (lovely|great|a great help|a big help|a huge help|brilliant|amazing|fantastic|wonderful|patient|kind|helpful|a star)`,
    ],
    examples: {
      match: [
        "Thank you so much, you've been really helpful.",
        'Cheers for sorting that, much appreciated.',
        'I really appreciate you calling me back.',
        "You're a lifesaver!",
        'Okay, appreciate it.',
      ],
      noMatch: [
        'Thanks for nothing.',
        'No thanks, I do not want the upgrade.',
        "I'd appreciate it if you could call me back.",
        "No, I think I'd rather just cancel. Thanks though.",
        'Thanks, but this still is not fixed and I have waited three weeks.',
      ],
    },
    allowQuestion: true,
    check(m) {
      // "Thanks, but it still isn't fixed": politeness before a complaint, not gratitude.
      if (/\b(but|however)\b.*\b(still|not|isn't|hasn't|haven't|never|nobody|no one|doesn't|won't|can't)\b/.test(sentenceAfter(m))) return false;
      // "I'd appreciate it if you…" asks for something; it thanks no one yet.
      if (/\b(i'd|i would|would)\s*$/.test(plain(m.turn.text.slice(m.sentence[0], m.span[0]))) || (/^appreciate/.test(matched(m)) && /^\W*if\b/.test(sentenceAfter(m)))) return false;
      // "Thanks though", "thanks anyway": courtesy while turning an offer down.
      if (/^\W*(though|anyway|all the same)\b/.test(sentenceAfter(m))) return false;
      // A sarcastic thank-you ("Thanks SO much. Really.") is the sarcasm rule's.
      if (IRONY_MARKS.test(m.turn.text)) return false;
      // "thank you" repeated back in a request ("can you say thank you to her") is not the customer's thanks.
      if (/\b(say|tell|pass on)\s*$/.test(plain(m.turn.text.slice(0, m.span[0])))) return false;
    },
  },
  {
    id: 'customer-contacted-before',
    category: 'repeat-contact',
    kind: 'signal',
    severity: 'warning',
    speaker: 'customer',
    title: 'Customer has had to contact again',
    description: 'The customer says this is not their first contact about the problem: the third call, calling again, chasing, explaining again.',
    why: 'Every repeat contact is a failure of an earlier one: first-contact resolution is what customers expect, and each call back costs trust.',
    source: 'seed 002: "first call resolution"; seed 003: follow up, make it happen',
    message: 'A repeat contact: an earlier contact did not resolve this. Own it now so there is no next one.',
    suggestion: 'Agent: I’m sorry you’ve had to call again. I’ll own this from here and call you myself with the result.',
    allowQuestion: true,
    patterns: [
      `(this is|it's|it is|that's|that is) (the|my) (second|third|fourth|fifth|sixth|nth|{number}) (time|call|attempt|email|chat) [i've|i have|that i've|we've|today|this week|about this]`,
      `(i've|i have|i'd|i had|we've|we have) (already) (called|rung|phoned|contacted|emailed|written|chatted|spoken|been on the phone|been in touch|explained|reported)`,
      `(i've|i have|we've|we have) (called|rung|phoned|contacted|emailed|written|chatted|spoken to you|been on the phone|been in touch|explained this|reported this|chased|complained) [you|to you|about this|about it] (twice|three times|four times|five times|several times|many times|multiple times|countless times|so many times|before|again|already|{number} times|every day|every week|all week|repeatedly)`,
      `(called|rang|phoned|contacted|emailed|chatted|spoke to you|wrote) [you|to you|about this|about it] (yesterday|last week|last month|on monday|on tuesday|on wednesday|on thursday|on friday|on saturday|on sunday|earlier|this morning|days ago|weeks ago|a week ago|before)`,
      `(i|we) (keep|kept) (calling|ringing|phoning|chasing|having to call|having to chase|being told|getting told|emailing)`,
      `(every time|each time|whenever) (i|we) (call|ring|phone|contact|chat)`,
      `(last time|the last time) (i|we) (called|rang|phoned|spoke|contacted)`,
      // "When I rang" is this call unless it is placed before it ("when I rang last week").
      `when (i|we) (called|rang|phoned|spoke|contacted) [you|to you|to someone|you guys] (before|last|yesterday|earlier|previously|on|the other day|a week|a few|two|three|in)`,
      `(calling|ringing|phoning|writing|contacting you) (again|back again|for the [second|third|fourth] time)`,
      `(i|we) (was|were) told (last time|before|yesterday|last week|on the phone)`,
      `(three|four|five|several|many|multiple|so many|{number}) times (now|already|this week|this month|today|in a row)`,
      `(i've|i have|i) (explained|told) (this|it|the whole story|everything) to (the last|another|your colleague|the other|three|two|every)`,
      `(the last|your last|the other|your other|every) (person|agent|advisor|adviser|guy|lady|colleague) (i spoke to|said|told me|promised)`,
      `how many (times|more times) (do|have|must|will) (i|we) (have to|got to|need to) (call|ring|phone|contact|chase|explain|tell)`,
      `(i|we) (spoke|talked|chatted) (to|with) (someone|somebody|a colleague|your colleague|one of your|a lady|a guy|a man|a woman|an agent|the agent) ** (yesterday|last|on|earlier|before|this morning)`,
      `back and forth (with you|with your|for)`,
      `(called|rang|phoned|emailed|wrote|chatted) (on|back on) the {number}`,
      `same (problem|issue|fault|thing) (as|again|as before|as last)`,
      `(dropped|dropped out|gone|happened|broken|stopped|failed|down|off|cut out|playing up) again`,
      `(i've|i have|i) already (sent|given|told|explained|provided|uploaded|emailed) (you|it|this|the|them|that) ** (twice|again|before|times|already|{number} times)`,
    ],
    check(m) {
      // An earlier contact remembered fondly is not a failure to resolve.
      if (/\b(fine|great|good|helpful|sorted|perfect|brilliant|lovely)\b/.test(sentenceAfter(m)) && !/\b(but|still|again|not|never)\b/.test(sentenceAfter(m))) return false;
      if (/^(the first|my first)/.test(matched(m))) return false;
    },
    examples: {
      match: [
        "This is the third time I've called about this.",
        'I have already called twice this week.',
        'I rang yesterday and was told it would be fixed.',
        'I keep being told someone will ring me.',
        'When I called last week they said it was fixed.',
      ],
      noMatch: [
        'Honestly, thank you. I was shaking when I rang.',
        'I am calling about my new contract.',
        'Can you call me again if the line drops?',
        "I'll call back tomorrow if that's easier.",
      ],
    },
  },
  {
    id: 'agent-sees-repeat-contact',
    category: 'repeat-contact',
    kind: 'risk',
    severity: 'warning',
    speaker: 'agent',
    title: 'Agent sees the customer has contacted before',
    description: 'The agent acknowledges from the notes that the customer has already contacted about the problem.',
    why: 'Each repeat contact is an earlier one that failed; naming it shows the agent has read the history, and the finding keeps the failure visible in the counts.',
    source: 'seed 002: "first call resolution"',
    message: 'A repeat contact, seen in the notes: resolve it now so there is no next one.',
    suggestion: 'I can see you’ve called three times about this; I’ll own it from here and call you myself with the result.',
    patterns: [
      `(i can see|i see|looks like|it looks like|i've got the notes|the notes show|according to the notes) ** (you've|you have|you) (contacted|called|rung|phoned|been in touch|chased|spoken to|written|emailed|had to)`,
      `(your|the) (two|three|four|several|previous|last|earlier|other) [previous|earlier] (calls|contacts|chats|emails|complaints|conversations)`,
      `(you've|you have) (been in touch|called|contacted us|rung|chased|had to call|had to chase|written) ** (twice|three times|several times|{number} times|before|already|again)`,
      `(had|have|having) to (chase|call back|call us again|contact us again|ring again|ring back|explain again|explain this again|tell the story again|repeat yourself)`,
      `(chase|chased|call|called|tell|explain|explained) (this|us|the story|it|everything) (a|three|two|four|several|{number}) [second|third|fourth|fifth] (times|time)`,
      `(a|the) (second|third|fourth|fifth) time`,
      `(had|have|having) to (ring|call|phone|contact us|chase|write|email|come back) [us|this|about this|again] (twice|again|three times|four times|several times|so many times|{number} times)`,
    ],
    examples: {
      match: [
        "I can see you've contacted us three times about this.",
        "I'm sorry you've had to chase this three times, that's not okay.",
        "I've got the notes from your two previous calls here.",
        "I'm sorry you had to ring twice for this.",
      ],
      noMatch: ['Is this the first time you have called us?', 'I can see your order was dispatched on Monday.'],
    },
    check(m) {
      if (/^(a|the) (second|third|fourth|fifth) time$/.test(matched(m)) && !/\b(tell|explain|call|chase|contact|ring|repeat)\w*/.test(plain(m.turn.text))) return false;
    },
  },
  {
    id: 'customer-reports-broken-promise',
    category: 'commitment-broken',
    kind: 'signal',
    severity: 'error',
    speaker: 'customer',
    title: 'Customer reports a promise not kept',
    description: 'The customer says something they were promised did not happen: "you said someone would call, nobody did".',
    why: 'A broken promise costs more trust than no promise: the customer was told what would happen and when, and it did not.',
    source: 'seed 003: say what you would do and when, then make it happen; seed 001: consistent performance builds trust',
    message: 'A broken promise, in the customer’s words: own it and make it right now, with a time you will keep.',
    suggestion: 'Agent: You’re right, we said we’d call and we didn’t — I’m sorry. I’ll call you myself by 4pm today with the answer.',
    allowQuoted: true,
    allowNegated: true,
    patterns: BROKEN_PROMISE_PATTERNS,
    examples: {
      match: [
        'You said someone would call me back on Tuesday, nobody did.',
        'Nobody called me back.',
        'I was promised a refund last week and I still have not received it.',
        'The engineer never turned up, I took the day off for it.',
        "Your colleague told me I'd get an email, I never got anything.",
        'I was told I’d get an email within 24 hours. That was four days ago.',
        "I've been promised a callback three times now.",
      ],
      noMatch: [
        'You said you would call me back, and you did, thank you.',
        'I called you yesterday about the bill.',
        'Someone told me the refund would take five days, is that right?',
        "You said Thursday, and that's fine.",
      ],
    },
    check: reportsBrokenPromise,
  },
  {
    id: 'customer-confirms-promise-kept',
    category: 'commitment-kept',
    kind: 'signal',
    severity: 'info',
    speaker: 'customer',
    title: 'Customer confirms a promise was kept',
    description: 'The customer says what was promised happened: the callback came, the refund arrived, "just as you said".',
    why: 'A promise kept, confirmed in the customer’s own words, is the strongest evidence of trust earned.',
    source: 'seed 003: be better than your commitment; seed 001: consistent performance builds trust',
    message: 'The customer confirms a promise was kept.',
    patterns: [
      `(just|exactly|right) (as|like|when) you (said|promised|told me)`,
      `(like|as) (you|you guys|your colleague|they) (said|promised) [you would|they would|it would]`,
      `(you|you guys|they|someone|the engineer|he|she) (rang|called|phoned|came|turned up|showed up|got back|did) [me|back] ** (when|as|like|just as) (you|promised|agreed|said)`,
      `(thank you|thanks|cheers) for [actually|finally] (calling|ringing|phoning|getting) [me] back`,
      `(thank you|thanks|cheers) for (actually|finally) (calling|ringing|phoning|getting|doing|sorting)`,
      `(the|my|your) (refund|new card|card|email|link|text|letter|engineer|courier|parcel|replacement|credit|money|code|callback|call) (arrived|came|landed|turned up|showed up|came through|went through|has arrived|has come|has landed|has gone through|is here|was here|was there)`,
      `(got|received|had) (the|your|my) (email|text|link|refund|card|letter|callback|call|code|confirmation|credit|replacement|parcel)`,
      `right on time`,
      `(said|promised|told me) ** (and you did|and it did|and they did|and he did|and she did|and it has|and they have)`,
    ],
    examples: {
      match: [
        'The new card came this morning, just as you promised.',
        'You rang back exactly when you said, thank you.',
        'Yes, the refund arrived yesterday, thanks.',
        "Honestly, thank you for actually ringing back. I didn't expect you to.",
      ],
      noMatch: [
        'Has the refund arrived yet?',
        "I got the email but the dates in it are wrong and nobody has fixed them.",
        "Thanks for calling back, but I still haven't had the refund.",
      ],
    },
    check(m) {
      // "I got the email but it's wrong", "it came broken": delivered, but not what was promised.
      // "I didn't expect you to" is pleasant surprise, not a failure.
      const turn = plain(m.turn.text).replace(/\b(didn't|did not|never|wouldn't have) (expect|expected|thought|think|believe|believed)\b[^.?!]*/g, ' ');
      if (BROKEN.test(turn) || /\b(but|broken|wrong|damaged|late)\b/.test(sentenceAfter(m))) return false;
    },
  },
];
