// A progress bar on stderr for batches in a terminal: count/total, rate and time left. It draws
// at most every `intervalMs` (a thousand small files must not cost a thousand redraws), draws
// nothing for a run that ends before the first interval, and clears itself at the end.
import { forTerminal } from '../report/terminal.js';
import { unguarded } from './io.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** False: every method is a no-op except `above`, which still writes its line. */
  enabled: boolean;
  /** Milliseconds, monotonic; injectable so tests run on a fake clock. */
  now?: () => number;
  intervalMs?: number;
  label?: string;
}

const CLEAR_LINE = '\r\u001b[2K';
const BAR = 24;

/** "1:05", "12:00:03" */
export function duration(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

export class Progress {
  private total = 0;
  private count = 0;
  private startedAt = 0;
  private lastDraw = -Infinity;
  private shown = false;
  private readonly now: () => number;
  private readonly intervalMs: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.intervalMs = options.intervalMs ?? 100;
  }

  /** On only for a terminal, and never with --quiet. */
  static forStderr(stream: ProgressStream, quiet: boolean, label = ''): Progress {
    return new Progress(stream, { enabled: Boolean(stream.isTTY) && !quiet, label });
  }

  start(total: number): void {
    this.total = total;
    this.count = 0;
    this.startedAt = this.now();
    this.lastDraw = this.startedAt; // the first frame waits one interval: short runs show nothing
  }

  tick(n = 1): void {
    this.count += n;
    if (!this.options.enabled) return;
    const t = this.now();
    if (t - this.lastDraw < this.intervalMs) return;
    this.lastDraw = t;
    this.draw(t);
  }

  /** Writes a line (an error, a note) above the bar, which is redrawn at the next tick. */
  above(line: string): void {
    if (this.shown) unguarded(this.stream).write(CLEAR_LINE);
    this.shown = false;
    this.stream.write(forTerminal(line.replace(/\n$/, ''), { oneLine: true }) + '\n');
    this.lastDraw = -Infinity;
  }

  done(): void {
    if (this.shown) unguarded(this.stream).write(CLEAR_LINE);
    this.shown = false;
  }

  /** The bar's text at time `t` (ms), for drawing and for tests. */
  line(t: number): string {
    const elapsed = (t - this.startedAt) / 1000;
    const share = this.total > 0 ? Math.min(1, this.count / this.total) : 0;
    const filled = Math.round(share * BAR);
    const rate = elapsed > 0 ? this.count / elapsed : 0;
    const left = rate > 0 ? duration((this.total - this.count) / rate) : '--:--';
    const label = this.options.label ? this.options.label + ' ' : '';
    const text = `${label}[${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}] ${this.count}/${this.total}  ${rate.toFixed(1)}/s  ${left} left`;
    const width = this.stream.columns ?? 80;
    return text.length >= width ? text.slice(0, width - 1) : text;
  }

  private draw(t: number): void {
    unguarded(this.stream).write(CLEAR_LINE + this.line(t));
    this.shown = true;
  }
}
