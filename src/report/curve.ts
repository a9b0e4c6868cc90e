// The customer's emotion curve in two forms: a terminal sparkline and an inline SVG.
import type { TrajectoryPoint } from '../model/types.js';
import { NEUTRAL_BAND } from '../score/trajectory.js';

const BLOCKS = '▁▂▃▄▅▆▇█';

/** One block per value, −1 → ▁ and 1 → █. */
export function sparkline(values: readonly number[]): string {
  return values
    .map((v) => {
      const x = (Math.max(-1, Math.min(1, v)) + 1) / 2;
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.floor(x * BLOCKS.length))]!;
    })
    .join('');
}

/**
 * The turns worth pointing at under the sparkline: the lowest point and every other local
 * minimum that is clearly negative.
 */
export function lowPoints(traj: readonly TrajectoryPoint[]): number[] {
  if (traj.length === 0) return [];
  const s = traj.map((p) => p.smoothed);
  const min = Math.min(...s);
  const lows: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const v = s[i]!;
    const isMin = v === min;
    const isLocal = v <= -NEUTRAL_BAND && (i === 0 || v < s[i - 1]!) && (i === s.length - 1 || v <= s[i + 1]!);
    if ((isMin && min < 0) || isLocal) lows.push(i);
  }
  return lows;
}

/** A line to print under the sparkline: "^" under each low point, then their turn numbers. */
export function lowMarkers(traj: readonly TrajectoryPoint[]): string {
  const lows = lowPoints(traj);
  if (lows.length === 0) return '';
  const line: string[] = Array.from({ length: traj.length }, () => ' ');
  for (const i of lows) line[i] = '^';
  return `${line.join('')}  low at turn${lows.length === 1 ? '' : 's'} ${lows.map((i) => traj[i]!.turn).join(', ')}`;
}

export interface SvgCurveOptions {
  width: number;
  height: number;
  /** Accessible title. */
  title: string;
}

const fmt = (x: number) => String(Math.round(x * 10) / 10);
/** A point's label as a class name: only the three known ones, whatever a results file says. */
const labelClass = (label: unknown) => (label === 'negative' || label === 'positive' ? label : 'neutral');

/** Points drawn at most: more than the curve has pixels for only adds bytes. */
export const MAX_CURVE_POINTS = 160;
/** Up to this many customer turns, every turn gets its dots (a longer curve only its low points). */
const DETAILED_POINTS = 24;
/** Turn labels along the curve at most: more would overlap. */
const TICKS = 6;
/** Low points marked on a longer curve: the lowest of them. */
const MARKED_LOWS = 5;

const lowestPoints = (traj: readonly TrajectoryPoint[]): number[] =>
  lowPoints(traj)
    .sort((a, b) => traj[a]!.smoothed - traj[b]!.smoothed)
    .slice(0, MARKED_LOWS);

/** Indices of `n` points to draw: all of them, or evenly spread ones plus the low points. */
function sampled(traj: readonly TrajectoryPoint[]): number[] {
  const n = traj.length;
  if (n <= MAX_CURVE_POINTS) return traj.map((_, i) => i);
  const keep = new Set(lowestPoints(traj));
  for (let k = 0; keep.size < MAX_CURVE_POINTS && k < MAX_CURVE_POINTS; k++) keep.add(Math.round((k * (n - 1)) / (MAX_CURVE_POINTS - 1)));
  return [...keep].sort((a, b) => a - b);
}

/**
 * An inline SVG: the neutral band, the zero line, the smoothed curve as a polyline, a few turn
 * numbers, and for a short conversation a dot per customer turn with the raw scores as faint dots;
 * a long one is drawn from at most MAX_CURVE_POINTS points with dots at its low points only, so a
 * call of 1,000 turns costs about what one of 100 does. No script, no external reference.
 */
export function svgCurve(traj: readonly TrajectoryPoint[], o: SvgCurveOptions, escape: (s: string) => string): string {
  // Room on the left for the −1/0/+1 scale and at the bottom for the turn numbers.
  const [left, right, top, bottom] = [24, 8, 8, 18];
  const w = o.width - left - right;
  const h = o.height - top - bottom;
  const x = (i: number) => left + (traj.length <= 1 ? w / 2 : (i * w) / (traj.length - 1));
  const y = (v: number) => top + ((1 - Math.max(-1, Math.min(1, v))) / 2) * h;
  const parts = [
    `<svg class="curve" role="img" width="${o.width}" height="${o.height}" viewBox="0 0 ${o.width} ${o.height}">`,
    `<title>${escape(o.title)}</title>`,
    `<rect class="band" x="${left}" y="${fmt(y(NEUTRAL_BAND))}" width="${w}" height="${fmt(y(-NEUTRAL_BAND) - y(NEUTRAL_BAND))}"/>`,
    `<line class="zero" x1="${left}" x2="${left + w}" y1="${fmt(y(0))}" y2="${fmt(y(0))}"/>`,
    ...([[1, '+1'], [0, '0'], [-1, '−1']] as const).map(([v, label]) => `<text class="axis" x="${left - 4}" y="${fmt(y(v) + 3.5)}" text-anchor="end">${label}</text>`),
  ];
  if (traj.length > 0) {
    const drawn = sampled(traj);
    const pts = drawn.map((i) => `${fmt(x(i))},${fmt(y(traj[i]!.smoothed))}`);
    // A single point still gets a visible line: a short flat stroke centred on it.
    const line = traj.length === 1 ? `${fmt(x(0) - 8)},${fmt(y(traj[0]!.smoothed))} ${fmt(x(0) + 8)},${fmt(y(traj[0]!.smoothed))}` : pts.join(' ');
    parts.push(`<polyline class="line" points="${line}"/>`);
    const detailed = traj.length <= DETAILED_POINTS;
    const label = (i: number) => `<text class="turn" x="${fmt(x(i))}" y="${o.height - 4}" text-anchor="middle">t${escape(String(traj[i]!.turn))}</text>`;
    const dot = (i: number) => {
      const p = traj[i]!;
      return `<circle class="pt ${labelClass(p.label)}" cx="${fmt(x(i))}" cy="${fmt(y(p.smoothed))}" r="3.5"><title>turn ${escape(String(p.turn))}: ${p.smoothed.toFixed(2)}${p.cues?.length ? ' (' + escape(p.cues.join(', ')) + ')' : ''}</title></circle>`;
    };
    const labelled = traj.length <= TICKS ? traj.map((_, i) => i) : Array.from({ length: TICKS }, (_, k) => Math.round((k * (traj.length - 1)) / (TICKS - 1)));
    for (const i of labelled) parts.push(label(i));
    if (detailed) traj.forEach((p, i) => parts.push(`<circle class="raw ${labelClass(p.label)}" cx="${fmt(x(i))}" cy="${fmt(y(p.raw))}" r="2"/>`, dot(i)));
    else for (const i of lowestPoints(traj)) parts.push(dot(i));
  }
  parts.push('</svg>');
  return parts.join('');
}
