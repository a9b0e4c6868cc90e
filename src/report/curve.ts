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

/**
 * An inline SVG: the neutral band, the zero line, the smoothed curve as a polyline with a dot per
 * customer turn, and the raw scores as faint dots. No script, no external reference.
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
    const pts = traj.map((p, i) => `${fmt(x(i))},${fmt(y(p.smoothed))}`);
    // A single point still gets a visible line: a short flat stroke centred on it.
    const line = traj.length === 1 ? `${fmt(x(0) - 8)},${fmt(y(traj[0]!.smoothed))} ${fmt(x(0) + 8)},${fmt(y(traj[0]!.smoothed))}` : pts.join(' ');
    parts.push(`<polyline class="line" points="${line}"/>`);
    traj.forEach((p, i) => {
      parts.push(`<circle class="raw ${p.label}" cx="${fmt(x(i))}" cy="${fmt(y(p.raw))}" r="2"/>`);
      parts.push(`<text class="turn" x="${fmt(x(i))}" y="${o.height - 4}" text-anchor="middle">t${p.turn}</text>`);
      parts.push(
        `<circle class="pt ${p.label}" cx="${fmt(x(i))}" cy="${fmt(y(p.smoothed))}" r="3.5"><title>turn ${p.turn}: ${p.smoothed.toFixed(2)}${p.cues?.length ? ' (' + escape(p.cues.join(', ')) + ')' : ''}</title></circle>`,
      );
    });
  }
  parts.push('</svg>');
  return parts.join('');
}
