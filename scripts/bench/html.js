// The batch HTML report of a week of calls, as `npm run bench` measures it: its size per
// conversation and how long Chromium takes to open it (loaded, laid out, first frame painted).
// The targets: under 20 kB a conversation, 1,000 conversations open in under 3 s.
import { createWriteStream, existsSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { timeCommand } from './run.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The first `count` lines of an NDJSON corpus in a file of their own; resolves to how many there were. */
async function firstLines(records, count, file) {
  const out = createWriteStream(file);
  let n = 0;
  for await (const t of records) {
    if (!out.write(JSON.stringify(t) + '\n')) await once(out, 'drain');
    if (++n === count) break;
  }
  out.end();
  await once(out, 'finish');
  return n;
}

/** Median wall time of opening `file` in headless Chromium, or undefined without Chromium. */
async function openTimes(file, runs) {
  if (!existsSync(CHROMIUM)) return undefined;
  const { chromium } = await import('playwright-core').catch(() => ({}));
  if (!chromium) return undefined;
  const profile = mkdtempSync(path.join(tmpdir(), 'etcscore-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1100, height: 900 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const times = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.evaluate('new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))');
      times.push(performance.now() - started);
    }
    const elements = await page.evaluate("document.getElementsByTagName('*').length");
    times.sort((a, b) => a - b);
    return { medianMs: times[Math.floor(times.length / 2)], minMs: times[0], elements };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * For each count of conversations (taken from the corpus, 10 to 2,000 turns each): `score
 * --format html` of them, the page's size, and its opening time in Chromium.
 */
export async function benchHtml(bin, recordsOf, dir, counts = [300, 1000], runs = 3) {
  const results = [];
  for (const count of counts) {
    const input = path.join(dir, `html-${count}.ndjson`);
    const conversations = await firstLines(recordsOf(), count, input);
    const output = path.join(dir, `html-${count}.html`);
    const run = await timeCommand([bin, 'score', input, '--format', 'html', '-o', output]);
    if (run.code !== 0) throw new Error(`etcscore exited ${run.code} writing the html report`);
    const bytes = statSync(output).size;
    results.push({ conversations, inputMb: statSync(input).size / 1e6, mb: bytes / 1e6, kbPerConversation: bytes / conversations / 1e3, scoreSeconds: run.seconds, open: await openTimes(output, runs) });
  }
  return results;
}
