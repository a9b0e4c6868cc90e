// The HTML report in a real browser (Debian's chromium, driven by playwright-core): it renders,
// the curves are drawn, nothing is fetched, nothing logs an error; and a screenshot to look at.
// Skipped where /usr/bin/chromium is not installed; .ci/run installs it.
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { render } from '../../src/report/index.js';
import { GOOD_TEXT, WALL_TEXT, load } from './fixtures.js';

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

describe.skipIf(!existsSync(CHROMIUM))('html report in headless Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];
  let file: string;
  let analyses: ReturnType<typeof batch>['analyses'];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    mkdirSync(OUT, { recursive: true });
    const b = batch();
    analyses = b.analyses;
    file = path.join(OUT, 'report.html');
    writeFileSync(file, b.html);
    context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'etcscore-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1100, height: 900 },
    });
    context.on('request', (r) => requests.push(r.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('renders every conversation, the summary first', async () => {
    expect(await page.title()).toBe('Conversation report');
    expect(await page.locator('section.conv').count()).toBe(analyses.length);
    const summary = await page.locator('section.summary').boundingBox();
    const first = await page.locator('section.conv').first().boundingBox();
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

  it('keeps <script> from a transcript as visible text, and runs no script', async () => {
    expect(await page.locator('script').count()).toBe(0);
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
