// Whether an agent's sentence tells the customer something: a fact, a timeline, an explanation or an
// instruction (GUIDE "information"), as opposed to a greeting, an apology, a request for details, a
// question or a bare pointer to a link. Judged on the clause's shape, not on any phrase list of a
// domain, so it carries to products we have never seen. Every expression here is linear: no nested
// quantifiers over the same characters.

/** Links and handles stand for nothing a customer can hold on to: each becomes one placeholder word. */
const LINK = /\b(?:https?:\/\/|www\.)\S+|@\w+/g;

/** A timeline or an amount: "3-5 business days", "by 6pm", "on Friday", "$10.00", "30%". */
const TIMELINE =
  /\b\d+(?:[.,:]\d+)?\s*(?:-|to|–)?\s*\d*\s*(?:min(?:ute)?s?|hours?|hrs?|days?|business days?|working days?|weeks?|months?|years?|am|pm|a\.m\.|p\.m\.|%|percent|mbps|gb|miles?|points?)\b|[£$€]\s?\d|\b\d{1,2}:\d{2}\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|tomorrow|tonight|next (?:week|month|year)|this (?:week|month|year|evening|morning|afternoon))\b/;

/** Why something is so: "because", "due to", "since the outage…", "as a result". */
const EXPLANATION = /\b(?:because|due to|owing to|as a result|caused by|which means|that means|the reason)\b|\bsince (?:the|your|our|it|this|that|we|you|they) \w+ (?:\w+ )?(?:is|are|was|were|has|have|had|can|can't|cannot|doesn't|don't|didn't|isn't|aren't|won't|\w+ed)\b/;

/** An instruction: an imperative that does something, or a menu path ("Settings > General"). */
const INSTRUCTION =
  /(?:^(?:(?:please|simply|just|first|then|now|next|also),? )*|[,;:] (?:(?:please|simply|just|first|then|now|next|also),? )+)(?:go to|run|put|insert|connect|disconnect|reconnect|power (?:off|on|cycle)|check (?:your|the) (?:\w+ )?(?:settings|folders?|spam|junk|filters?|connections?|cables?|version|router|modem)|tap|click (?:on )?(?!here)|select|open|turn (?:on|off)|restart|reboot|reset|update|enter|unplug|plug|wait|make sure|navigate|sign (?:in|out)|log (?:in|out)|clear|reinstall|uninstall|delete|remove|press|hold|choose|set|enable|disable|find (?:that|it|this) in|try (?:to |restarting|clearing|updating|reinstalling|using|signing|logging|turning|removing|adding)|allow|keep|bring|show|present|take|book|cancel|switch|change|add|use (?:the|a|your|our)|download|install|upgrade|downgrade|request|submit (?:a|the|your) (?:claim|form|request))\b|\w+ ?(?:>|&gt;) ?\w+/;
/** "You can / you'll need to / you should + a doing verb": an instruction put to the customer. */
const YOU_CAN =
  /\b(?:you can|you could|you will need to|you'll need to|you need to|you should|you must|you'll want to|you will want to|you would need to|you'd need to|you have to|you may|you'll be able to|you will be able to|you would have to|you'd have to)(?: also| still| then| now| simply| just| always)? (?!dm\b|reach\b|contact us|let us|check\b|find\b|track\b|learn\b|read\b|get (?:in touch|further|more|support|help)|see\b|visit\b|follow (?:the|this|these) (?:steps|link)|click here|tweet|message us|call us|send us)\w+/;

/**
 * A question that puts a step to the customer ("Could you try logging out?", "Have you tried
 * clearing your cookies?", "Does restarting the app help?"): an instruction asked politely.
 */
const STEP_QUESTION =
  /^(?:\w+[,!.]? )?(?:(?:could|can|would|will) you (?:please |kindly |also |just )*(?:try|restart|reset|reboot|clear|update|reinstall|uninstall|unplug|press|hold|run|turn (?:on|off)|log (?:out|in)|sign (?:out|in)|switch|disable|enable|remove)\b|(?:have|did) you (?:already |also )?tried (?!calling|contacting|reaching|messaging|emailing|visiting|checking)\w+ing\b|(?:does|did|would) (?:\w+ing)\b)/;

/** A statement of how things are: a subject, then a verb of state or fact. */
const STATEMENT =
  /\b(?:it|this|that|these|those|there|they|he|she|(?:the|your|our) (?:[\w-]+ )?[\w-]+|all \w+|some \w+|each \w+|\w+s)\s+(?:(?:is|are|was|were|has|have|had|will|would|can|can't|cannot|could|should|must|may|might|does|do|did|isn't|aren't|wasn't|weren't|hasn't|haven't|doesn't|don't|didn't|won't|wouldn't|couldn't|shouldn't)\b|(?:only|currently|still|now|also|usually|normally|typically|already)\s+\w+|(?:looks?|appears?|seems?|shows?|includes?|covers?|takes?|ships?|arrives?|works?|requires?|needs?|runs?|opens?|closes?|costs?|expires?|renews?|goes|went|came|left|sold|sells)\b)|\b(?:it's|there's|they're|that's|it'll|there're|there are|there is|there was|there were|looks like|it looks|it seems|it appears|i don't see|we don't have|we do not have|we currently|we no longer|we're working|we are working|we're experiencing|we are experiencing|we're (?:not |un)?aware|we are (?:not |un)?aware|we're not seeing|we are not seeing|we (?:don't|do not) see any|we (?:still |currently |also |now |only )?(?:offer|ship|sell|carry|accept|provide)|we're revising|we are revising|we have (?:no|some|an?|the)|we've (?:had|seen|made)|we only|we don't (?:offer|ship|sell|carry|support|accept|store)|we do not (?:offer|ship|sell|carry|support|accept|store))\b/;

/** Shorthand and formal ways of saying "please", read as the word itself. */
const PLEASE = /\b(?:pls|plz|plse|kindly)\b/g;

/** A sentence that is only courtesy, feeling or a request, whatever its verbs. */
const COURTESY =
  /^(?:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|thanks?|thank you|cheers|ok|okay|sure|yes|no|great|perfect|awesome|understood|got it|no problem|not a problem)\b[^a-z]*)*(?:(?:this is|it's|my name is|you're (?:through|speaking) to) \S+ (?:from|at|here|with|on|speaking)\b|(?:this is|my name is|it's) [\w-]+(?: [\w-]+)?(?=[.!]*$)|keep (?:us|me) (?:posted|updated|in the loop)|thanks|thank you|glad|happy to|we're happy|we are happy|we'd be happy|i'd be happy|we'd love|we would love|i'd love|we love|we're here|we are here|i'm here|i am here|help's here|you're welcome|have a|enjoy|no worries|sorry|apologies|we apologi[sz]e|i apologi[sz]e|we appreciate|i appreciate|we hope|i hope|hope|let us know|let me know|if (?:there is|there's|there are) (?:anything|any)|if you (?:need|have|require) (?:anything|any|further|more|other)|please (?:dm|send|share|provide|let|reach|contact|follow|click|feel|check|tell|confirm|give)|(?:dm|send|shoot|drop) (?:us|me)|feel free|don't hesitate|do not hesitate|we want|we'd like|we would like|i'd like|i would like|we understand|i understand|we know|i know|we see|we hear|we want|we're doing all|we are doing all|we're committed|we are committed|we strive|we continually|we take|fingers crossed|take your time|no rush|no hurry|we think|i think|that's (?:great|awesome|odd|strange|fair|understandable|not|a shame|so)|it's (?:great|a shame|not ok)|we're sorry|we are sorry|i'm sorry|i am sorry|we're (?:glad|thrilled|excited|sad|saddened|disappointed)|you're (?:right|welcome|the best))\b/;
/** Praise, banter and reactions: "that's adorable", "this is not the experience we want", "it's best to…". */
const EVALUATIVE =
  /^(?:\w+[,!.]? )?(?:that's|that is|this is|it's|it is|it was|that was|it's been|that's been|they're|they are|that|this|these|those|you're|you are|what an?|i'd be|i would be|i'd feel|i would feel|i'd have been|we'd be)\s+(?:(?:all|so|really|very|quite|definitely|always|absolutely|just|not|incredibly|such)\s+)*(?:an? |the )?(?:great|awesome|amazing|adorable|wonderful|lovely|cute|fun|best|pleasure|incredible|fantastic|beautiful|sweet|cool|perfect|concerning|odd|strange|weird|sad|right|wrong|what|a shame|unfortunate|ideal|good|bad|nice|interesting|fair|understandable|true|kind|brilliant|excellent|sound|look|disappointing|frustrating|scary|awful|terrible|stressful|worrying|upsetting|annoying|horrible|anxious|worried|upset|frustrated|all the|too bad|a pity|a bummer|funny|hilarious)\b/;

/** A reaction rather than a report: "That doesn't look right", "That shouldn't be happening", "That's quite the wardrobe!". */
const REACTION =
  /^(?:\w+[,!.]? )?(?:(?:that|this|it) (?:doesn't|does not|didn't|did not) (?:look|sound|seem) (?:right|good|correct|ideal)|(?:that|this|it) (?:shouldn't|should not) be happening|(?:that's|that is|what an?|how) [^.!?]*!+\W*$)/;

/** A pointer to a link or a page: no fact of its own. */
const POINTER =
  /\b(?:check out|take a (?:look|peek) at|have a look at|see (?:here|this|these|the following|our)|visit|head (?:over )?to|refer to|can be found|more info(?:rmation)?|here's how|here is how|following (?:article|link|steps|tips)|these (?:steps|tips)|this (?:article|link|page)|the (?:steps|tips|article|link|page) (?:here|below|above|listed|mentioned)|help page|support page|help center|help centre|give (?:this|it|these|that|them) a (?:shot|try|go|read)|(?:documentation|article|guide|link|page|resources?|steps|info|information|tips) (?:that |which )?(?:may|might|should|could|will|can) (?:help|assist|be of)|(?:found|have|got) (?:an?|some) (?:article|link|guide|page|documentation|resources?)\b)\b/;

/** "We don't have any information on that yet": saying there is no news is not news. */
const NO_NEWS = /\b(?:(?:don't|do not|doesn't|does not) have (?:any )?(?:more |further |new )?|(?:have|there's|there is) no (?:more |further |new )?)(?:info|information|update|updates|news|details)\b/;

/**
 * What the speaker's side will, would, can or wants to do ("I can check for a sooner slot", "our
 * team will be in touch", "they should respond as soon as possible"): an offer, a promise or a
 * wish, which commitment and ownership read. Only a time makes it information as well.
 */
const OWN_SIDE =
  /^(?:\w+,? )?(?:if [^,]*, )?(?:(?:i|we|they|our (?:\w+ )?team|the (?:\w+ )?team|our \w+|someone|a member of (?:our|the) (?:\w+ )?team|my colleagues?|your (?:feedback|concern|case|request)s?)(?: (?:just|also|really|definitely|certainly|personally|still|then|now|simply))? (?:will|'ll|would|'d|should|can|could|want|wants|am going to|are going to|is going to|'m going to|'re going to)|i'll|we'll|they'll|i'd|we'd|they'd|i'm going to|we're going to)\b(?! (?:not|never)\b)(?!\s*(?:\w+ )?(?:see|confirm|tell|suggest|recommend|advise|need|have to|only)\b)/;

/** Whether `s` has at least `n` words (runs of letters or digits), without splitting it. */
function hasWords(s: string, n: number): boolean {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < s.length && count < n; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
    if (letter && !inWord) count++;
    inWord = letter;
  }
  return count >= n;
}

/**
 * Whether the sentence informs. `sentence` is the sentence's text as written; it is lower-cased
 * and its links and handles are set aside here.
 */
export function informs(sentence: string): boolean {
  const lower = sentence.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(PLEASE, 'please');
  // A question asks; it tells nothing, unless it puts a step to the customer.
  const asks = /\?[\s"')\]]*$/.test(sentence);
  if (asks && !STEP_QUESTION.test(lower)) return false;
  const s = lower.replace(LINK, ' ').replace(/\s+/g, ' ').trim();
  LINK.lastIndex = 0;
  const at = lower.search(LINK);
  const linked = at >= 0;
  const before = linked ? lower.slice(0, at).trimEnd() : '';
  if (!hasWords(s, 3)) return false;
  const timeline = TIMELINE.test(s);
  const explains = EXPLANATION.test(s);
  if (asks) return true;
  if (s.endsWith('?')) return false;
  if (COURTESY.test(s) && !timeline && !explains) return false;
  if ((EVALUATIVE.test(s) || REACTION.test(s)) && !timeline) return false;
  // A pointer to a page or a link tells nothing of its own, however it is put ("follow the steps
  // here: <link>", "take a peek at our support page"): checked before instructions and reasons.
  if (!timeline) {
    if (linked && /\b(?:here|at|below|via|on|this link|the link|through|from|recommend|suggest)\s*[:.!,(-]*\s*$/.test(before)) return false;
    if (POINTER.test(s) && !YOU_CAN.test(s.replace(POINTER, ' '))) return false;
  }
  if (explains || INSTRUCTION.test(s)) return true;
  // "I'll keep your case open until it's closed": a promise, which is commitment's, unless it carries a time.
  if ((OWN_SIDE.test(s) || NO_NEWS.test(s)) && !timeline) return false;
  return timeline || YOU_CAN.test(s) || STATEMENT.test(s);
}
