// Word-level lexicon: AFINN-165 (from the `sentiment` package) with customer-service overrides.
// General lexicons score the vocabulary of a support call as if it were a product review:
// "I'd like to…" (+2), "can you help" (+2), "customer support" (+2), "this is a joke" (+2),
// "I was charged" (−3). The overrides below re-weight those words for a customer's turn.
import { createRequire } from 'node:module';

export interface WordEntry {
  weight: number;
  why: string;
}

/** Words whose AFINN weight is wrong in a support conversation, or missing from AFINN. */
export const WORD_OVERRIDES: Record<string, [weight: number, why: string]> = {
  // Request and dialogue vocabulary: neutral in a support turn.
  like: [0, '"I\'d like to…" is a request, not approval'],
  likes: [0, 'request vocabulary'],
  want: [0, 'request vocabulary'],
  wants: [0, 'request vocabulary'],
  please: [0, 'politeness marker in a request'],
  help: [0, '"can you help me" is a request'],
  helps: [0, 'request vocabulary'],
  helping: [0, 'request vocabulary'],
  support: [0, '"customer support" names a department'],
  care: [0, '"customer care" names a department'],
  yes: [0, 'an answer, not an evaluation'],
  no: [0, 'an answer or a negator, not an evaluation'],
  sorry: [0, "a customer's apology is politeness"],
  excuse: [0, '"excuse me" is politeness'],
  interest: [0, '"interest rate" is account vocabulary'],
  credit: [0, 'account vocabulary'],
  pay: [0, 'account vocabulary'],
  share: [0, 'account vocabulary'],
  top: [0, '"top up" is account vocabulary'],
  matter: [0, '"no matter" / "what\'s the matter" are not praise'],
  true: [0, '"is it true that…" is a question'],
  clear: [0, 'neutral in "clear my balance"'],
  allow: [0, 'policy vocabulary'],
  accept: [0, 'policy vocabulary'],
  save: [0, '"save my details" is a request'],
  saved: [0, '"saved card", "saved details": account vocabulary'],
  free: [0, '"free delivery", "ad free": what an offer costs, not a feeling'],
  loyalty: [0, '"loyalty points", "loyalty scheme": account vocabulary'],
  legal: [0, '"legal department", "is that legal?": not approval'],
  ensure: [0, 'instruction vocabulary'],
  avoid: [0, 'instruction vocabulary'],
  dear: [0, 'letter salutation'],
  god: [0, 'interjection'],
  pretty: [0, 'mostly a degree adverb ("pretty bad")'],
  kind: [0, 'mostly "what kind of"; "that\'s kind of you" is a phrase'],
  hope: [0.5, '"I hope you can help" is mostly a request'],
  hopefully: [0.5, 'mostly a request'],
  fine: [0.5, '"that\'s fine" is mild acceptance'],
  lol: [1, 'often wry in a complaint'],
  haha: [1, 'often wry in a complaint'],
  cancel: [0, 'a routine request on its own; churn is a phrase ("cancel my account")'],
  charged: [-1, 'being charged is usually the start of a billing complaint'],
  charges: [0, '"roaming charges" is account vocabulary'],
  lost: [-2, 'something of theirs lost'],
  problem: [-1.5, 'a reported problem'],
  problems: [-1.5, 'reported problems'],
  joke: [-2, '"this is a joke" is contempt in a complaint'],
  jokes: [-2, 'contempt in a complaint'],
  joking: [-2, '"you\'re joking" is disbelief'],
  kidding: [-2, '"you\'re kidding" is disbelief'],
  broken: [-2, 'product failure'],
  broke: [-2, 'product failure'],
  faulty: [-2, 'product failure'],
  unacceptable: [-3, 'standard not met'],
  useless: [-3, 'contempt for the service'],
  incompetent: [-3, 'contempt for the service'],
  disgraceful: [-3, 'contempt for the service'],
  shambles: [-3, 'contempt for the service'],
  shambolic: [-3, 'contempt for the service'],
  rubbish: [-2, 'contempt for the service'],
  nightmare: [-3, 'distress'],
  scammed: [-3, 'accusation of fraud'],
  overcharged: [-3, 'billing error'],
  overcharging: [-3, 'billing error'],
  ripped: [-2, '"ripped off"'],
  issue: [-1, 'a reported problem'],
  issues: [-1, 'reported problems'],
  error: [-1.5, 'a reported fault'],
  late: [-1, 'delivery or service late'],
  overdue: [-2, 'past the promised time'],
  slow: [-1, 'service too slow'],
  frustrated: [-3, 'customer distress'],
  frustrating: [-3, 'customer distress'],
  annoyed: [-2.5, 'customer distress'],
  livid: [-4, 'customer distress'],
  furious: [-4, 'customer distress'],
  gutted: [-3, 'customer distress'],
  sorted: [2, 'problem resolved'],
  fixed: [2, 'problem resolved'],
  solved: [2, 'problem resolved'],
  works: [0, '"how it works"; "it works now" is a phrase'],
  working: [0, '"working days"; "it\'s working now" is a phrase'],
  helped: [1.5, 'help received'],
  legend: [3, 'praise'],
  acceptable: [2, 'mostly heard negated: "not acceptable"'],
  relief: [2, 'relief'],
  relieved: [2, 'relief'],
  easier: [1.5, 'easier than feared'],
  quicker: [1, 'faster than feared'],
  loses: [-2, 'something of theirs lost'],
  lose: [-2, 'something of theirs lost'],
  downhill: [-2, 'service getting worse'],
  fobbed: [-3, 'dismissed without help'],
  nowhere: [-1, '"getting nowhere"'],
  lifesaver: [3, 'praise'],
  thankyou: [2, 'gratitude'],
  thx: [2, 'gratitude'],
  star: [0, '"you\'re a star" is a phrase; "star" alone is neutral'],
  // Product, account and programme vocabulary that AFINN reads as praise or blame: "extend my
  // warranty", "join the plan", "rewards programme", "contest winner", "screen resolution",
  // "Creative Cloud", "most popular", "when do you stop delivering", "copyright strike".
  extend: [0, 'account vocabulary ("extend my plan")'],
  extends: [0, 'account vocabulary'],
  extended: [0, 'account vocabulary'],
  join: [0, 'account vocabulary ("join the programme")'],
  reward: [0, 'loyalty-programme vocabulary'],
  rewards: [0, 'loyalty-programme vocabulary'],
  winner: [0, 'contest vocabulary'],
  winners: [0, 'contest vocabulary'],
  resolution: [0, '"screen resolution"; a resolved problem is a phrase'],
  creative: [0, 'product names'],
  popular: [0, 'describes content, not the service'],
  leading: [0, '"leading up to"'],
  stop: [0, '"what time do you stop…"; "stopped working" is a phrase'],
  stops: [0, 'a stop on a route'],
  strike: [0, 'account vocabulary ("a copyright strike")'],
  important: [0.5, 'mostly "it\'s important that…" in a request'],
  interesting: [0.5, 'as often puzzled as pleased'],
  wow: [0.5, 'surprise, as often at bad news as at good'],
  yeah: [0, 'agreement, not an evaluation ("oh yeah, and another thing")'],
  freezes: [-2, 'product failure'],
  freezing: [-1.5, 'product failure'],
  froze: [-2, 'product failure'],
  buffering: [-1.5, 'product failure'],
  courtesy: [0, '"courtesy car", "courtesy call" name a service'],
  clearly: [0, 'a degree adverb ("clearly not")'],
  positive: [0.5, 'mostly "tested positive", "positive vibes", not a verdict'],
  // Contempt and complaint words of support messages that AFINN lacks.
  trash: [-2.5, 'contempt for the service'],
  garbage: [-2.5, 'contempt for the service'],
  unhelpful: [-2.5, 'the help failed'],
  inedible: [-2.5, 'product failure'],
  fought: [-2, 'a struggle with the company'],
  smh: [-2, '"shaking my head": exasperation'],
  meh: [-1, 'disappointment'],
  rufkm: [-3, '"are you kidding me": disbelief'],
  delays: [-1.5, 'service late'],
  delayed: [-1.5, 'service late'],
  unreliable: [-2.5, 'service failure'],
  unusable: [-3, 'product failure'],
};

/** Words never flipped by a negator ("no thanks" is a polite refusal, not a complaint). */
export const POLITENESS = new Set(['thanks', 'thank', 'thankyou', 'thx', 'ty', 'cheers', 'ta', 'please', 'appreciated']);

function buildWords(): Map<string, WordEntry> {
  const require = createRequire(import.meta.url);
  const afinn = require('sentiment/languages/en/labels.json') as Record<string, number>;
  const map = new Map<string, WordEntry>();
  for (const word in afinn) {
    // AFINN's handful of multi-word and hyphenated entries are covered by our phrase rules.
    if (word.includes(' ') || word.includes('-')) continue;
    const weight = afinn[word]!;
    map.set(word, { weight, why: weight > 0 ? 'positive word' : 'negative word' });
  }
  for (const word in WORD_OVERRIDES) {
    const [weight, why] = WORD_OVERRIDES[word]!;
    if (weight === 0) map.delete(word);
    else map.set(word, { weight, why });
  }
  return map;
}

/** norm → weight (AFINN scale −5..5) and reason; built once at module load. */
export const WORDS: ReadonlyMap<string, WordEntry> = buildWords();
