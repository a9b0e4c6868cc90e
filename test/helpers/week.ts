// A week of calls for the HTML report tests: conversations from the benchmark's generator (10 to
// 2,000 turns, the phrases the rules look for), analysed by the real pipeline. Analysing hundreds
// of long calls takes a while, so `distinct` of them are analysed and then repeated under new ids,
// agents and teams until there are `count`: the page is as big and as varied as a real week's.
import { parse } from '../../src/index.js';
import { analyze } from '../../src/score/analyze.js';
import type { Analysis, Transcript } from '../../src/model/types.js';
// @ts-expect-error plain JavaScript shared with the benchmark
import { rng, transcript } from '../../scripts/bench/corpus.js';

const AGENTS = ['Dana', 'Priya', 'Marcus', 'Lena', 'Tomasz', 'Aisha', 'Jordan', 'Mei', 'Carlos', 'Ruth', 'Tomás Reyes'];
const TEAMS = ['billing', 'returns', 'tech-support', 'retention'];

export interface Week {
  analyses: Analysis[];
  transcripts: Transcript[];
}

export function weekOfCalls(count: number, distinct = 60, seed = 11): Week {
  const r = rng(seed) as () => number;
  const base = Array.from({ length: Math.min(count, distinct) }, (_, i) => {
    const [t] = parse(JSON.stringify(transcript(r, i + 1)), { source: `week.ndjson#${i + 1}` });
    return { transcript: t!, analysis: analyze(t!) };
  });
  const analyses: Analysis[] = [];
  const transcripts: Transcript[] = [];
  for (let n = 0; n < count; n++) {
    const { analysis, transcript: t } = base[n % base.length]!;
    const meta = { ...analysis.meta, agentName: AGENTS[n % AGENTS.length]!, team: TEAMS[(n * 7) % TEAMS.length]! };
    analyses.push({ ...analysis, id: `call-${String(n + 1).padStart(4, '0')}`, meta });
    transcripts.push(t);
  }
  return { analyses, transcripts };
}
