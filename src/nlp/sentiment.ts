// Customer sentiment per turn: AFINN word scores under our own negation scope.
import { createRequire } from 'node:module';
import type { TextFeatures } from './features.js';

export interface SentimentTerm {
  text: string;
  span: [number, number];
  weight: number;
  why: string;
}

export interface SentimentResult {
  /** -1..1 */
  score: number;
  label: 'negative' | 'neutral' | 'positive';
  terms: SentimentTerm[];
}

// A Map, not the JSON object: faster to look up, and "constructor" or "toString" are not words in it.
const AFINN = new Map(Object.entries(createRequire(import.meta.url)('sentiment/languages/en/labels.json') as Record<string, number>));

export function turnSentiment(f: TextFeatures): SentimentResult {
  const terms: SentimentTerm[] = [];
  let sum = 0;
  f.tokens.forEach((t, i) => {
    const w = AFINN.get(t.norm);
    if (w === undefined) return;
    const negated = f.negatedBy[i]! >= 0;
    const weight = negated ? -w * 0.75 : w;
    sum += weight;
    terms.push({ text: t.text, span: [t.start, t.end], weight, why: negated ? `"${t.norm}" under a negation` : `"${t.norm}" in the AFINN lexicon` });
  });
  const score = sum / Math.sqrt(sum * sum + 15);
  return { score, label: score <= -0.15 ? 'negative' : score >= 0.15 ? 'positive' : 'neutral', terms };
}
