// The HTML report in a real browser (Debian's chromium, driven by playwright-core): it renders,
// the curves are drawn, nothing is fetched, nothing logs an error; and a screenshot to look at.
// A week of calls (1,000 conversations) opens within the 3 s, and its table sorts by any
// column, by mouse or keyboard, with the page's own script (allowed by its policy's hash).
// Skipped where /usr/bin/chromium is not installed; .ci/run installs it.
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { render } from '../../src/report/index.js';
import { GOOD_TEXT, WALL_TEXT, load } from './fixtures.js';
import { weekOfCalls } from '../helpers/week.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(import.meta.dirname, '../../test-output');
// Without the background-networking flags Chromium tries to reach Google at start-up.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function batch() {
  const texts = [
    GOOD_TEXT,
    WALL_TEXT,
    // A longer call whose customer recovers, to give the curve some shape.
    `# id: long-recovery\n# agent: Dana\n# team: billing\n# date: 2026-11-17\n${[
      'Customer: This is ridiculous, I have been waiting three weeks and nobody called me back.',
      "Agent: I'm sorry to hear that.",
      "Customer: Sorry doesn't fix it. I'm furious and I want to cancel.",
      'Agent: That must be so frustrating, especially after waiting so long. Let me sort this out now.',
      'Customer: Okay. What can you do?',
      "Agent: I can refund the fee today or send a replacement tomorrow. Which would you prefer? I'll email you by 5pm either way.",
      'Customer: The refund please. Thank you, that is really helpful.',
      'Customer: Great, thanks so much for your help!',
    ].join('\n')}\n`,
  ];
  const loaded = texts.map((t, i) => load(t, `calls/${i}.txt`));
  return {
    html: render('html', loaded.map((l) => l.analysis), [{ source: 'calls/bad.json', line: 4, message: 'not JSON' }], {}, loaded.map((l) => l.transcript)),
    analyses: loaded.map((l) => l.analysis),
  };
}

/** A fresh headless Chromium with one page, recording every request and every error it logs. */
async function browser(): Promise<{ context: BrowserContext; page: Page; requests: string[]; problems: string[] }> {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'etcscore-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1100, height: 900 },
  });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { context, page, requests, problems };
}

describe.skipIf(!existsSync(CHROMIUM))('html report in headless Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let requests: string[];
  let problems: string[];
  let file: string;
  let analyses: ReturnType<typeof batch>['analyses'];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const b = batch();
    analyses = b.analyses;
    file = path.join(OUT, 'report.html');
    writeFileSync(file, b.html);
    ({ context, page, requests, problems } = await browser());
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // Conversations are folded until opened; open them all to look inside.
    await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('renders every conversation, the summary first', async () => {
    expect(await page.title()).toBe('Conversation report');
    expect(await page.locator('details.conv').count()).toBe(analyses.length);
    const summary = await page.locator('section.summary').boundingBox();
    const first = await page.locator('details.conv').first().boundingBox();
    expect(summary!.y).toBeLessThan(first!.y);
    await expect(page.locator('section.summary').innerText()).resolves.toContain(`${analyses.length} conversations`);
  });

  it('draws each emotion curve: a polyline with a point per customer turn and a real size', async () => {
    const lines = page.locator('svg.curve polyline.line');
    expect(await lines.count()).toBe(analyses.length);
    for (let i = 0; i < analyses.length; i++) {
      const points = (await lines.nth(i).getAttribute('points'))!.trim().split(/\s+/);
      expect(points).toHaveLength(analyses[i]!.emotion.trajectory.length);
      const svg = await page.locator('svg.curve').nth(i).boundingBox();
      expect(svg!.width).toBeGreaterThan(100);
      expect(svg!.height).toBeGreaterThan(50);
      const length = await lines.nth(i).evaluate((el) => (el as unknown as { getTotalLength(): number }).getTotalLength());
      expect(length).toBeGreaterThan(10);
    }
  });

  it('keeps <script> from a transcript as visible text, and has no script but its own', async () => {
    expect(await page.locator('script').count()).toBe(1);
    await expect(page.locator('body').innerText()).resolves.toContain("<script>alert('x')</script>");
    // The id's <b>wall</b> is text in the heading, not a bold element.
    expect(await page.locator('b', { hasText: /^wall$/ }).count()).toBe(0);
    await expect(page.locator('h2', { hasText: '=HYPERLINK("x")<b>wall</b>' }).count()).resolves.toBe(1);
  });

  it('highlights the flagged words', async () => {
    const marks = await page.locator('mark').allInnerTexts();
    expect(marks).toContain("it's our company policy");
    expect(marks).toContain('That must be so frustrating');
  });

  it('makes no network request and logs no error', () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url).toMatch(/^(file|data):/);
    expect(problems).toEqual([]);
  });

  it('takes a screenshot worth looking at (test-output/report.png)', async () => {
    const png = path.join(OUT, 'report.png');
    await page.screenshot({ path: png, fullPage: true });
    const size = statSync(png).size;
    expect(size).toBeGreaterThan(30_000);
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    expect(height).toBeGreaterThan(900);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('a week of calls (1,000 conversations) in headless Chromium', () => {
  const COUNT = 1000;
  let context: BrowserContext;
  let page: Page;
  let requests: string[];
  let problems: string[];
  let openMs = 0;
  let bytes = 0;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const week = weekOfCalls(COUNT);
    const html = render('html', week.analyses, [], {}, week.transcripts);
    bytes = Buffer.byteLength(html);
    const file = path.join(OUT, 'week.html');
    writeFileSync(file, html);
    ({ context, page, requests, problems } = await browser());
    // Opened: loaded, laid out and the first frame painted.
    const started = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))');
    openMs = performance.now() - started;
    const elements = await page.evaluate<number>("document.getElementsByTagName('*').length");
    const loadEvent = await page.evaluate<number>("performance.getEntriesByType('navigation')[0].loadEventEnd");
    console.log(
      `week.html: ${COUNT} conversations, ${(bytes / 1e6).toFixed(2)} MB (${(bytes / COUNT / 1e3).toFixed(1)} kB each), ${elements} elements, ` +
        `opened in ${Math.round(openMs)} ms (load event at ${Math.round(loadEvent)} ms)`,
    );
  }, 180_000);

  afterAll(async () => {
    await context?.close();
  });

  it('is under 20 kB a conversation and opens in under 3 s', () => {
    expect(bytes / COUNT).toBeLessThan(20_000);
    // The bound is 3 s; a machine shared with other builds gets twice that before this fails.
    expect(openMs).toBeLessThan(6_000);
  });

  const column = async (label: string) => {
    const col = (await page.locator('table.sortable thead th').allTextContents()).indexOf(label);
    return page.locator(`table.sortable tbody td:nth-child(${col + 1})`).allTextContents();
  };
  // By CSS, not by role: the accessibility tree of 1,000 folded conversations is slow to search.
  const header = (label: string) => page.locator('table.sortable th > button', { hasText: new RegExp(`^${label}$`) });
  const sortState = async () => Promise.all((await page.locator('table.sortable th[aria-sort]').all()).map(async (th) => `${await th.textContent()} ${await th.getAttribute('aria-sort')}`));

  it('sorts the table by a score, up and then down, by mouse', async () => {
    const etc = header('ETC');
    await etc.click();
    const up = (await column('ETC')).map(Number);
    expect(up).toHaveLength(COUNT);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(up[0]).toBeLessThan(up[COUNT - 1]!);
    expect(await sortState()).toEqual(['ETC ascending']);
    await etc.click();
    const down = (await column('ETC')).map(Number);
    expect(down).toEqual([...up].sort((a, b) => b - a));
    expect(await sortState()).toEqual(['ETC descending']);
  });

  it('sorts by agent, team and risks from the keyboard', async () => {
    const collate = new Intl.Collator(undefined, { numeric: true }).compare;
    for (const label of ['agent', 'team']) {
      await header(label).focus();
      await page.keyboard.press('Enter');
      const values = await column(label);
      expect(values).toEqual([...values].sort(collate));
      expect(new Set(values).size).toBeGreaterThan(3);
    }
    await header('risks').focus();
    await page.keyboard.press('Space');
    const risks = (await column('risks')).map(Number);
    expect(risks).toEqual([...risks].sort((a, b) => a - b));
    expect(await sortState()).toEqual(['risks ascending']);
  });

  it('opens a folded conversation from its link in the table', async () => {
    const details = page.locator('details#c500');
    expect(await details.getAttribute('open')).toBeNull();
    await page.locator('table.sortable a[href="#c500"]').click();
    await expect.poll(() => details.getAttribute('open')).not.toBeNull();
    await expect.poll(() => details.locator('svg.curve').isVisible()).toBe(true);
    expect(await page.locator('details[open]').count()).toBe(1);
  });

  it('makes no network request and logs no error (the script ran under the page’s policy)', () => {
    for (const url of requests) expect(url).toMatch(/^(file|data):/);
    expect(problems).toEqual([]);
  });
});
