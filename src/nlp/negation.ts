// Negation scope: which tokens a "not", "never", "can't" governs. The `sentiment` package
// negates only the next word; "not very happy" and "never been happy" need a wider window
// that still stops at the end of the clause.
import { roomIn, smallPerToken, widened32, type SmallPerToken, type Tokens } from './tokenize.js';

/** Negators by their words; any word ending in "n't" is one too (isNegator). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'nowhere', 'neither', 'nor', 'without', 'unable',
  'hardly', 'barely', 'scarcely', 'non', 'cannot', 'cant', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt',
  'arent', 'werent', 'wont', 'wouldnt', 'couldnt', 'shouldnt', 'havent', 'hasnt', 'hadnt', 'aint',
]);

/** Words after which a clause (and so a negation's reach) ends. */
const CLAUSE_BREAKS = new Set([
  'but', 'however', 'although', 'though', 'yet', 'except', 'whereas', 'while', 'and', 'so',
  'because', 'since', 'unless', 'which', 'who',
  // A subordinate clause has its own polarity: "not after you lost my bag", "no idea when it broke".
  'after', 'before', 'when', 'until', 'if', 'cause', 'cuz', 'coz',
  // What follows a negated verb of expecting or believing keeps its own polarity: "I didn't
  // expect this mess", "I can't believe how rude", "I don't understand why it's broken".
  'expect', 'expected', 'believe', 'imagine', 'imagined', 'fathom', 'understand', 'see',
]);

const CLAUSE_BREAK = 1;
const NEGATOR = 2;
/** Clause breaks last, so that they win over negators of the same word. */
const WORD_ROLE = new Map<string, number>([...[...NEGATORS].map((w) => [w, NEGATOR] as const), ...[...CLAUSE_BREAKS].map((w) => [w, CLAUSE_BREAK] as const)]);

/** How many word tokens after a negator it can reach. */
export const NEGATION_WINDOW = 3;

export function isNegator(norm: string): boolean {
  return NEGATORS.has(norm) || norm.endsWith("n't");
}

/** Punctuation ends a clause, but for an apostrophe, a quote mark or a hyphen. */
function breaksClause(punct: string): boolean {
  return punct !== "'" && punct !== '"' && punct !== '-';
}

/**
 * For each token, how many tokens back the negator whose scope covers it stands, or 0: a distance,
 * not the negator's index, because it is small (a few words, but for runs of quote marks or
 * symbols between) and a long text's are kept in a byte each (smallPerToken).
 * Double negation ("not unhappy") is left to the lexicon: the negated word flips once.
 */
export function negationScopes(tokens: Tokens): SmallPerToken {
  let back = smallPerToken(tokens.length, 8);
  let room = roomIn(back);
  let negator = -1;
  let reach = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.isPunct(i)) {
      if (breaksClause(tokens.text(i))) negator = -1;
      continue;
    }
    if (!tokens.isWordLike(i)) continue; // a symbol: neither a clause break nor a negator
    // A clause break or a negator, with one look-up.
    const norm = tokens.norm(i);
    const role = WORD_ROLE.get(norm);
    if (role === CLAUSE_BREAK) {
      negator = -1;
      continue;
    }
    if (role === NEGATOR || norm.endsWith("n't")) {
      negator = i;
      reach = NEGATION_WINDOW;
      continue;
    }
    if (negator >= 0 && reach > 0) {
      if (i - negator > room) {
        back = widened32(back);
        room = Infinity;
      }
      back[i] = i - negator;
      reach--;
      if (reach === 0) negator = -1;
    }
  }
  return back;
}

/** The negator whose scope covers token `i` (by `negationScopes`' distances), or -1. */
export function negatorOf(back: ArrayLike<number>, i: number): number {
  const d = back[i]!;
  return d > 0 ? i - d : -1;
}
