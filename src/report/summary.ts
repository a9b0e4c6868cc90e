// Running totals over a batch: what the summary of a markdown or html report shows.
import type { Analysis, Category, EmotionShape, Scores } from '../model/types.js';

export const SCORE_KEYS = ['etc', 'emotion', 'trust', 'control'] as const satisfies ReadonlyArray<keyof Scores>;
export const SHAPES: readonly EmotionShape[] = ['recovered', 'declined', 'steady-positive', 'steady-negative', 'volatile', 'flat'];

/** Mean and standard deviation in one pass (Welford), so a stream is never held in memory. */
export class RunningStat {
  n = 0;
  mean = 0;
  private m2 = 0;
  add(x: number): void {
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }
  /** Population standard deviation; 0 for fewer than two values. */
  get sd(): number {
    return this.n > 1 ? Math.sqrt(this.m2 / this.n) : 0;
  }
}

export class BatchSummary {
  count = 0;
  /** Conversations with scores: the means are over these only. */
  scored = 0;
  /** Conversations that could not be scored (no agent turn, no roles found): counted apart. */
  unscored = 0;
  /** The agent's risks and strengths, and apart from them what the customer showed. */
  risks = 0;
  strengths = 0;
  signals = 0;
  readonly scores: Record<(typeof SCORE_KEYS)[number], RunningStat> = {
    etc: new RunningStat(),
    emotion: new RunningStat(),
    trust: new RunningStat(),
    control: new RunningStat(),
  };
  readonly shapes = new Map<EmotionShape, number>();
  readonly riskCategories = new Map<Category, number>();
  readonly signalCategories = new Map<Category, number>();

  add(a: Analysis): void {
    this.count++;
    if (a.scores) {
      this.scored++;
      for (const k of SCORE_KEYS) this.scores[k].add(a.scores[k]);
    } else this.unscored++;
    this.shapes.set(a.emotion.shape, (this.shapes.get(a.emotion.shape) ?? 0) + 1);
    for (const f of a.findings) {
      if (f.kind === 'risk') {
        this.risks++;
        this.riskCategories.set(f.category, (this.riskCategories.get(f.category) ?? 0) + 1);
      } else if (f.kind === 'signal') {
        this.signals++;
        this.signalCategories.set(f.category, (this.signalCategories.get(f.category) ?? 0) + 1);
      } else this.strengths++;
    }
  }

  /** The mean of a score, or undefined when no conversation had scores (never a mean of 0 over nothing). */
  mean(k: (typeof SCORE_KEYS)[number]): number | undefined {
    return this.scored ? this.scores[k].mean : undefined;
  }

  /** Risk categories by how often they occur, most first; ties by name, so output is stable. */
  topRiskCategories(n = 5): Array<[Category, number]> {
    return top(this.riskCategories, n);
  }

  /** The customer's signal categories, the same way. */
  topSignalCategories(n = 5): Array<[Category, number]> {
    return top(this.signalCategories, n);
  }

  /** Shapes in their fixed order, only those that occur. */
  shapeCounts(): Array<[EmotionShape, number]> {
    return SHAPES.filter((s) => this.shapes.has(s)).map((s) => [s, this.shapes.get(s)!]);
  }
}

function top(counts: ReadonlyMap<Category, number>, n: number): Array<[Category, number]> {
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, n);
}
