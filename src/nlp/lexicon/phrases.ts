// Customer-service phrases that general lexicons miss or score the wrong way round.
// Data, not code: each rule is a token pattern, a weight on the AFINN scale (−5..5) and why.
//
// Pattern syntax (matched on token norms, punctuation between words ignored, never across a
// sentence end):
//   word            a token norm, lower case, straight apostrophes ("i've", "that's")
//   a|b|c           alternatives; an alternative may be several tokens joined by "_" ("no_one")
//   x?              the element is optional
//   *               any one word
//   <num> <ord> <neg> <dur> <day> <ving>   token classes (see compile.ts)
//   <durx>          a duration expression: "for 3 weeks", "over an hour", "since Monday", "ages"

export type PhraseCategory =
  | 'sarcasm' | 'waiting' | 'repeat-contact' | 'broken-promise' | 'churn' | 'escalation' | 'contempt'
  | 'distress' | 'fault' | 'failure' | 'billing' | 'runaround' | 'resolution' | 'gratitude' | 'praise' | 'neutral';

export interface PhraseRule {
  pattern: string;
  weight: number;
  why: string;
  category: PhraseCategory;
}

// ("just what I needed" is left out on purpose: it is as often meant as said.)

const POS_EXCL = 'great|brilliant|wonderful|fantastic|perfect|lovely|marvellous|marvelous|super|terrific|excellent|fabulous|awesome|amazing';
const CONTACT = 'sent|send|resent|told|given|gave|provided|uploaded|filled|done|repeated|calling|called|call|phoning|phoned|rung|ringing|rang|contacting|contacted|chasing|chased|asking|asked|writing|written|wrote|explaining|explained|emailing|emailed|messaging|messaged|trying|tried|reporting|reported|chatting|speaking|spoken|spoke|complaining|complained';
const SUBJ = "i've|i|ive|i'm|im|we've|we|we're|i_have|i_am|we_have|we_are";
const WAIT = 'waiting|waited|wait|chasing|chased|holding|held|queuing|queueing|queued|hanging_on';
const WAIT_PAST = 'waiting|waited|chasing|chased|holding|held|queuing|queueing|queued';
const THATS = "that's|thats|that_is|it's|its|it_is|all|everything's|everything_is|that_was|it_was";
const YOUVE = "you've|youve|you_have|you_were|you're|youre|you_are|you";
const STAFF = 'manager|supervisor|boss|superior|team_leader|someone_senior|someone_in_charge|someone_else|a_human|human|real_person|complaints|complaints_department';
const RECEIVE = 'received|receive|arrived|arrive|delivered|turned_up|showed_up|turn_up|show_up|come|came|got|get|gotten|had|seen';
const FAILVERB = 'work|working|worked|works|load|loading|connect|connecting|function|functioning|start|starting|charge|charging|open|opening|respond|responding|turn_on|switch_on|print|printing|sync|syncing|install|go_through|went_through|log_in|login|sign_in|access|stream|streaming|watch|download|update|upload|send|sending|receiving|pay|paying|play|playing|verify|verifying|activate|activating|save|saving';

const g = (category: PhraseCategory, why: string, weight: number, patterns: string[]): PhraseRule[] =>
  patterns.map((pattern) => ({ pattern, weight, why, category }));

export const PHRASES: PhraseRule[] = [
  // Sarcasm: positive words in a negative situation.
  ...g('sarcasm', 'sarcasm: thanks for nothing', -4, ['thanks|thank_you|cheers for_nothing']),
  ...g('sarcasm', 'sarcasm: "X, just X"', -3, [`${POS_EXCL} just|simply ${POS_EXCL}`]),
  ...g('sarcasm', 'sarcasm', -2.5, ['yeah|yea right', 'oh_joy', 'thanks_a_lot_for_nothing']),
  ...g('sarcasm', 'sarcasm: praising a failure', -3, [`${POS_EXCL}|lovely|nice another|more hold|wait|delay|transfer|excuse|problem|call|email`]),

  // Waiting: time passing without the promised result.
  ...g('waiting', 'waiting past a promise', -3, ['still waiting|holding|chasing|on_hold', `${SUBJ}? still ${WAIT}`]),
  ...g('waiting', 'long wait', -3, [
    `${SUBJ}? been|had_been|have_been ${WAIT} <durx>`, `${WAIT_PAST} <durx>`, 'on_hold|in_the_queue|in_a_queue|on_the_phone|on_the_line <durx>',
    `it's|its|it_has|it_is|that's|thats been <durx>`, 'take|took|taken|taking|takes <durx>', '<durx> later',
    `${CONTACT} <durx>`, 'sitting|stranded *? *? *? <durx>', 'spent|spend|spending|lost|losing <durx>',
  ]),
  ...g('waiting', 'kept waiting', -2, [`${SUBJ}? been|had_been|have_been ${WAIT}`, 'kept|keep|left waiting|hanging|on_hold', 'been|was|were put|left|kept on_hold', 'another hold', 'on_hold again']),
  ...g('waiting', 'on hold', -1, ['on_hold|put_on_hold']),
  ...g('waiting', 'too long', -2, ['too|so|this long', 'taking|taken|took|takes forever|ages|too_long|so_long|this_long', 'by_now']),
  ...g('waiting', 'still not resolved', -2.5, ['still no|nothing|none|the_same|pending|outstanding|unresolved|down']),

  // Repeat contact.
  ...g('repeat-contact', 'repeat contact', -3, [
    `<ord> time ${SUBJ}|that_i|that_i've|that_we|that_we've|that? have|am|been? ${CONTACT}`, `<ord> time ${CONTACT}`, `<ord> call|attempt|time|email|message|chat`,
    `${CONTACT} *? *? <num> times`, '<num> times already|now|over', `${CONTACT} several|many|multiple|numerous|countless|so_many|loads_of|lots_of times`,
    'how many times', 'again_and_again|over_and_over|time_and_time_again|time_after_time', 'every time i call|ring|phone',
  ]),
  ...g('repeat-contact', 'repeating the problem', -2, ['not again', 'happened|happening|happens again', 'same problem|issue|thing again', 'yet_again|once_again']),

  // Broken promises and silence.
  ...g('broken-promise', 'nobody followed up', -3, [
    'nobody|no_one|noone|no_body ever|even|has|have|had|is|was? called|rang|phoned|rung|replied|responded|answered|emailed|contacted|got|came|turned|bothered|followed|gets|comes|calls|cares|did|answering|responding|replying|calling|getting',
    '<neg> ever|even|yet? heard back|anything|from', '<neg> ever|even|yet? got|get|gotten back', 'never|didn\'t|did_not|haven\'t|hasn\'t|not called|rang|phoned|rung|emailed|replied|responded back|me',
    'no reply|response|answer|callback|call_back|update|word|follow_up',
  ]),
  ...g('broken-promise', 'a promise not kept', -2, ['promised|told|assured|said you|they|someone|it would|will', 'was|were|been promised|told|assured', 'you|they promised|said|told_me', 'should|should\'ve|should_have been|have arrived|received|fixed|sorted|here']),

  // Failure and loss.
  // 'fault' names what is broken; a polite question about it is a report, not yet a complaint
  // (sentiment.ts weighs it by the rest of the turn).
  ...g('fault', 'product or service failure', -3, [
    `<neg> even|really|actually|properly|fully|still|ever|been|be? ${FAILVERB}`,
    'still getting|having|seeing|receiving|experiencing|showing',  `stopped|stops|stop ${FAILVERB}|responding`, 'out_of_order|out_of_service',
    `keeps|kept|keep on? <ving>`, 'bouncing|bounced|bounces back',
  ]),
  ...g('failure', 'never received', -3, [`<neg> even|ever|yet|actually? ${RECEIVE}`, 'never|not arrived|received|delivered|turned_up|showed_up', 'still_not_here']),
  ...g('failure', 'something lost', -3, ['lost|misplaced my|the|our parcel|package|order|delivery|data|files|money|booking|payment|details|letter|documents', 'you|you\'ve|they|they\'ve lost|misplaced']),
  ...g('failure', 'left without a service', -2.5, [
    'without|no internet|power|wifi|wi_fi|service|signal|electricity|heating|hot_water|water|broadband|tv|cable|phone_service|a_phone|a_car|my_car|my_phone|my_luggage|my_bags|my_bag|my_money|a_refund',
  ]),
  ...g('failure', 'disconnected', -2.5, ['hung|hang up|up_on_me', 'cut off|me_off', 'got|was|been disconnected']),

  // Things getting worse, or going nowhere.
  ...g('runaround', 'no progress', -2.5, [
    'no further forward|along|on', 'back to square_one|the_start|the_beginning', 'getting|got|going nowhere', 'going|went round|around in_circles',
    '<neg> be? right|fair|on|ok|okay|good_enough|acceptable', 'fobbed|palmed|brushed off', 'gone|going downhill',
  ]),
  ...g('waiting', 'time wasted', -3, ['<durx> of nothing|waiting|silence|chasing|my_life|hold|this|being_ignored', 'hours|days|weeks|minutes of my life']),

  // Billing.
  ...g('billing', 'billing error', -3, [
    'charged|billed|debited|taken|took|paid|charging|billing me? twice|double|again|extra|too_much|wrongly|incorrectly|two_times|<num>_times',
    'double|twice charged|billed|debited|payment',
    'bill|bills|price|prices|payment|payments|tariff|premium|charges has|have|had|just? doubled|tripled|gone_up|went_up|increased|shot_up|jumped', 'taken|took my|the money|payment twice|again', 'rip|ripped off', 'ripoff',
  ]),
  ...g('billing', 'wants their money back', -3, ['i_want|i_need|i_demand|give_me|want|demand my|our money back', 'my|our money back', 'full refund']),

  // Churn.
  ...g('churn', 'churn risk: leaving', -3, [
    'cancel|close|closing|cancelling|canceling|terminate|end|ending my|our|the account|subscription|contract|membership|service|plan|policy|broadband|direct_debit',
    'going|go|take|taking|move|moving elsewhere|somewhere_else|my_business_elsewhere', 'switch|switching|leave|leaving|move|moving provider|supplier|bank|network|to_another|to_a_different|elsewhere',
    'find|finding|look|looking_for another|a_new|a_different provider|supplier|bank|company|network', 'this_is_the_last_time', 'never use|using|buy|order|shop|deal|fly|book|recommend * *? *? again',
    'never_again', 'never using|use_you|use_your|shop|order|buy|book',
    'never flying|buying|ordering|shopping|booking|dealing|using * *? *? again',
    'see|check|try|trying|look_at|looking_at|find what|how? other|another companies|providers|airlines|banks|carriers|networks|suppliers|services|stores|retailers',
  ]),

  // Escalation.
  ...g('escalation', 'escalation request', -2.5, [
    `speak|talk|speaking|talking|put_me_through|transfer_me|escalate|pass_me|get_me to|with? a|the|your|someone's|someone? ${STAFF}`,
    `i_want|i_need|i_demand|want|need|demand a|the|your? ${STAFF}`, 'escalate this|it|my', 'make|file|raise|lodge|making|filing|raising|lodging a|an? complaint|formal_complaint',
    'formal complaint', 'ombudsman', 'trading standards', 'legal action|advice', 'small claims', 'my solicitor|lawyer', 'report|reporting you',
  ]),

  // Contempt, distress, runaround.
  ...g('contempt', 'contempt for the service', -3, [
    'a|what_a|total|complete|absolute joke', 'waste|wasted|wasting of? time|money|my_time|our_time|effort', 'you_people', 'no use|good|help',
    'you|are_you must|have_to|got_to? be|are kidding|joking|serious', 'are_you serious|kidding|joking', 'how hard can|is it', 'for_god\'s_sake|for_gods_sake|for_goodness_sake|ffs',
    'not good enough', 'is_this_a_joke',
    'can\'t|cannot|can_not|cant stand', 'make|makes|making|made fun of',
    // An indignant question: the customer is told to do what should not be theirs to do.
    'how|where|what|when|why am|are i|we supposed|meant|expected to', 'do|does|did i|we really have|need to',
    'what\'s|whats|what_is with the|all_the|this|these|that|your', 'how could|dare you|they|it|this|that|anyone',
    'for the love of god|christ|pete|all_that_is_holy', 'screw|screwing|screwed * *? over',
  ]),
  // Loss of something that used to be good: "the old app was better".
  ...g('contempt', 'worse than before', -2.5, ['old|previous|original|last|earlier * *? was|were|worked much|far|way|so|a_lot? better|easier|faster|nicer']),
  // Counterfactual praise is regret: "it would have been nice to get a reply".
  ...g('contempt', 'what should have happened', -1.5, ['would|could|might have been nice|good|great|lovely|helpful', 'would\'ve|could\'ve|wouldve been nice|good|great|lovely|helpful']),
  ...g('sarcasm', 'sarcasm: so much for', -2.5, ['so much for']),
  ...g('distress', 'fed up', -3, ['fed up', 'sick|tired of|and_tired', 'had enough', 'at_my|at_the wits|wit\'s end', 'last straw', 'can\'t|cannot|can_not believe', 'beyond a_joke|frustrating|annoying|ridiculous', 'driving me mad|crazy|insane|up_the_wall', 'pulling my_hair_out']),
  ...g('runaround', 'passed around', -2.5, ['passed|pushed|bounced|transferred|sent|shunted around|about|from_pillar_to_post|back_and_forth', 'from department to department', 'nobody|no_one|noone can|could|will|is_able_to|knows|seems_to help|tell|answer|explain|fix|sort', 'nobody|no_one|noone knows|knew|seems_to_know|has_a_clue|has_any_idea', 'let|letting|lets me? down']),

  // Positive: resolution, gratitude, praise.
  ...g('resolution', 'problem resolved', 3, [
    `${THATS} sorted|fixed|resolved|solved|done|working|perfect|sorted_now|fixed_now|working_now|back_on`, 'works|working|worked now|again|perfectly|fine|great|brilliant', 'now works|working', 'it|that|this works|worked|is_working|is_working_now|works_now',
    'up_and_running', 'back up_and_running|online|working', 'that|which does_it|did_it|does_the_trick|did_the_trick|answers_my_question', 'problem|issue solved|resolved|sorted|fixed',
  ]),
  ...g('gratitude', 'acknowledging a reply', 1, [
    'thanks|thank_you|cheers for replying|responding|confirming|getting_back|the_reply|the_response|your_reply|your_response|letting_me_know|the_heads_up',
  ]),
  ...g('gratitude', 'heartfelt thanks', 3, [
    'thank_you|thanks|thankyou so|very much|a_lot|a_million|loads|heaps|ever_so_much', 'many thanks', 'really|truly|very|so|greatly|much appreciate|appreciated',
    'appreciate it|that|this|your|you', 'much appreciated', 'thanks|thank_you|thankyou for your|the|that|all_your|all_the? help|assistance|patience|time|support|info|information|advice|update|explanation|sorting|fixing|helping|help|getting|explaining|looking|checking|calling|dealing|resolving|arranging|being|listening|understanding|everything',
    'can\'t|cannot|can_not thank you enough', 'perfect|brilliant|great|lovely|fantastic|excellent thank_you|thanks|cheers',
  ]),
  ...g('praise', 'praise for the agent', 4, [
    `${YOUVE} been? a|such_a great|brilliant|massive|huge|real|big|fantastic|wonderful|amazing|super help`, `${YOUVE} been? so|very|really|super|incredibly|extremely helpful|kind|patient|lovely`,
    `${YOUVE} a|an? star|legend|lifesaver|life_saver|gem|angel|hero|superstar|diamond`, 'you_star', 'kind|good|nice of you', 'that\'s|that_is|that_was|how|so|very|really kind',
    'couldn\'t|could_not|couldnt be happier|better', 'couldn\'t|could_not|couldnt have asked|wished for more|better|anything_more', 'over the moon',
    'better|easier|quicker|faster|simpler than i? expected|thought|feared', 'stress|hassle|worry|trouble|pain|headache|fuss|problem|risk free', 'stay|staying|stick|sticking with you|you_guys|you_lot', 'recommend|recommending you|you_guys|you_to', 'one less thing to worry about?', 'one_less_worry', 'nothing|no_need to worry about?', 'can\'t|cannot complain', 'above and beyond', 'made my day', 'great|excellent|brilliant|fantastic|amazing|good|outstanding service|customer_service|job|work',
    'first_class|first_rate|top_notch|top_class|world_class|five_star|5_star service|customer_service|job|work|support', 'well done', 'nice one|work', 'bravo',
  ]),

  // Neutralisers: common idioms whose words a lexicon would score.
  ...g('neutral', 'greeting or idiom, not an evaluation', 0, [
    'without delay|fail|question|doubt',
    // A concession before a "but" is politeness, not thanks: "I appreciate your point, but…".
    'appreciate|understand|take|see|get your|the|that point|points', 'these|those|this|that bad boy|boys',
    // A customer's own apology for the trouble is courtesy, not a complaint.
    'sorry for|about the|my|all_the|any issues|issue|trouble|problem|problems|confusion|mess|mix_up|hassle|inconvenience|delay|mistake','good morning|afternoon|evening|day|night', 'no thanks|thank_you', 'sorry to bother|trouble you', 'i_hope_so', 'feel free', 'fair enough', 'to be_fair|be_honest',
    // The customer's own standing ("a loyal customer for ten years", "good customers") is their
    // grievance's frame, not praise of the service.
    'good|loyal|great|valued|faithful|longtime|long_time|long_standing|paying customer|customers|client|clients|member|members']),
];
