// Degree modifiers: words that scale the sentiment word or phrase that follows them.

/** Single-word intensifiers (>1) and downtoners (<1). */
export const MODIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.3], ['so', 1.3], ['really', 1.3], ['soo', 1.4], ['sooo', 1.5], ['such', 1.3],
  ['extremely', 1.5], ['absolutely', 1.5], ['incredibly', 1.5], ['utterly', 1.5], ['totally', 1.4],
  ['completely', 1.4], ['truly', 1.3], ['seriously', 1.4], ['massively', 1.4], ['hugely', 1.4],
  ['highly', 1.3], ['deeply', 1.4], ['super', 1.3], ['too', 1.2], ['most', 1.2], ['beyond', 1.4],
  ['entirely', 1.3], ['thoroughly', 1.4], ['bloody', 1.5], ['damn', 1.4], ['insanely', 1.5],
  ['ridiculously', 1.5], ['pretty', 1.15], ['quite', 1.1], ['particularly', 1.2], ['especially', 1.2],
  // Adjectives that intensify the noun after them: "complete nonsense", "huge delays", "major problem".
  ['constantly', 1.3], ['continually', 1.3], ['repeatedly', 1.3], ['complete', 1.3], ['total', 1.3], ['absolute', 1.4], ['utter', 1.4], ['huge', 1.3], ['massive', 1.3], ['major', 1.3],
  ['slightly', 0.5], ['somewhat', 0.6], ['fairly', 0.8], ['rather', 0.8], ['mildly', 0.5],
  ['marginally', 0.5], ['barely', 0.5], ['partly', 0.6], ['partially', 0.6], ['almost', 0.7],
]);

/** Multi-word downtoners and intensifiers, keyed on their first word. */
export const MULTI_MODIFIERS: ReadonlyMap<string, Array<{ words: string[]; factor: number }>> = new Map([
  ['a', [
    { words: ['a', 'little', 'bit'], factor: 0.5 },
    { words: ['a', 'bit'], factor: 0.6 },
    { words: ['a', 'little'], factor: 0.6 },
    { words: ['a', 'tad'], factor: 0.6 },
  ]],
  ['kind', [{ words: ['kind', 'of'], factor: 0.6 }]],
  ['sort', [{ words: ['sort', 'of'], factor: 0.6 }]],
  ['kinda', [{ words: ['kinda'], factor: 0.6 }]],
  ['sorta', [{ words: ['sorta'], factor: 0.6 }]],
  ['more', [{ words: ['more', 'than'], factor: 1.3 }]],
  ['beyond', [{ words: ['beyond'], factor: 1.4 }]],
]);

/**
 * Persistence: "still" makes a complaint worse ("still doesn't work", "still isn't fixed") and
 * leaves praise alone ("still happy with you").
 */
export const NEGATIVE_ONLY_MODIFIERS: ReadonlyMap<string, number> = new Map([['still', 1.5], ['yet', 1.3]]);

/** How many word tokens a modifier can reach forward ("so very angry", "really quite bad"). */
export const MODIFIER_REACH = 2;
/** "still" reaches a little further: "still hasn't been fixed". */
export const PERSISTENCE_REACH = 3;
