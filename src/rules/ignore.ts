// Phrases a user tells etcscore to leave alone (`ignore` in .etcscorerc): a finding whose words
// overlap one of them, in the same turn, is dropped whichever rule found it. The phrases are token
// patterns matched by the same kind of automaton as the rules, so they read text the same way
// (case, curly apostrophes, fillers, never across a sentence end).
import type { Finding } from '../model/types.js';
import type { TextFeatures } from '../nlp/features.js';
import { PatternAutomaton, spanReader, symbolStream } from '../nlp/phrase/automaton.js';
import { fillSentenceLimits } from './context.js';
import { compilePattern } from '../nlp/phrase/pattern.js';

export class IgnoreList {
  readonly phrases: readonly string[];
  private readonly skip: readonly string[];
  private compiled: PatternAutomaton | undefined;
  private at = new Int32Array(64);
  private syms = new Int32Array(64);
  private limit = new Int32Array(64);

  constructor(phrases: readonly string[], skip: Iterable<string>) {
    this.phrases = [...phrases];
    this.skip = [...skip];
  }

  /** Compiled on the first turn that has findings: a run that finds nothing never pays for it. */
  private get automaton(): PatternAutomaton {
    return (this.compiled ??= new PatternAutomaton(
      this.phrases.map((p) => compilePattern(p)),
      this.skip,
    ));
  }

  /** The findings of one turn that overlap no ignored phrase in it (the same array when none do). */
  keep(found: Finding[], f: TextFeatures): Finding[] {
    const spans = this.spans(f);
    if (spans.length === 0) return found;
    const overlaps = (x: Finding) => {
      for (let k = 0; k < spans.length; k += 2) if (spans[k]! < x.span[1] && x.span[0] < spans[k + 1]!) return true;
      return false;
    };
    return found.filter((x) => !overlaps(x));
  }

  /** Character ranges of every match in the turn, as [start, end, start, end, ...]. */
  private spans(f: TextFeatures): number[] {
    const automaton = this.automaton;
    automaton.prepare();
    const tokens = f.tokens;
    if (this.at.length < tokens.length) {
      const size = Math.max(tokens.length, this.at.length * 2);
      this.at = new Int32Array(size);
      this.syms = new Int32Array(size);
      this.limit = new Int32Array(size);
    }
    const { at, syms, limit } = this;
    const n = symbolStream(automaton, tokens, at, syms);
    fillSentenceLimits(f, at, n, limit);
    const spans: number[] = [];
    const read = automaton.hasSpans ? spanReader(tokens, at) : undefined;
    for (let i = 0; i < n; i++) {
      const hits = automaton.walk(syms, i, limit[i]!, read);
      let end = -1;
      for (let h = 0; h < hits; h++) end = Math.max(end, automaton.hitEnd[h]!);
      if (end > i) spans.push(tokens.start(at[i]!), tokens.end(at[end - 1]!));
    }
    return spans;
  }
}
