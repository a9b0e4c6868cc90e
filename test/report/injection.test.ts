// Nothing from a results file or a configuration becomes markup: every string and number of a
// results record, replaced in turn by hostile text, stays text in the HTML and Markdown that
// `report` (the rollups) and `score` (render) write, and so do a user rule's message, better
// wordings and examples in the rule catalogue. HTML is read back by a real HTML parser (parse5);
// Markdown is rendered by a CommonMark + GFM renderer (micromark) that lets raw HTML through, as
// many wikis do, and read back the same way.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/model/types.js';
import { render } from '../../src/report/index.js';
import { GROUP_BY, Rollup, isAnalysis, upgradeAnalysis, type GroupBy } from '../../src/report/rollup.js';
import { renderRollup } from '../../src/report/rollup-format.js';
import { renderCatalogue } from '../../src/report/rules.js';
import { BUILTIN_RULES } from '../../src/rules/index.js';
import { good, wall } from './fixtures.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const ATTACKS = [
  '<form action="https://evil.example/"><button>go</button></form>',
  '"><img src=x onerror=alert(1)>',
  "' autofocus onfocus='alert(1)",
  '</textarea></title></style><script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '\n\n# Heading\n\n- item\n',
  '\n\n<form>\n\n',
  '[click](https://evil.example)',
  '![x](https://evil.example/x.png)',
  '<https://evil.example>',
  'see https://evil.example or www.evil.example',
  'mail me@evil.example',
  '[ref]: https://evil.example',
  '\n[ref]: https://evil.example\n',
  '`code` | cell |',
  '\r\n> quote',
  '\n1. one',
  '2) two',
  '    indented',
  '\n---\n',
  '\n```\nfence',
  '&lt;b&gt;&#60;i&#62;',
  '<!-- comment',
  '* star',
  '+ plus',
  '=====',
  'trailing \\',
  '***',
  '~~strike~~ _em_ **strong**',
];
const CHARS = ['<', '>', '"', "'", '&', '\n', '\r', '[', ']', '(', ')', '!', '`', '|', '#', '-', '*', '_', ' ', 'a', ':', '/', '@', '.', 'w', '=', '\\', '1', '~', '{'];
// Never blank: a blank value can only leave a block out (a rule's message on a line of its own),
// and a configuration refuses one anyway.
const hostile: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ATTACKS),
  fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
  fc.tuple(fc.constantFrom(...ATTACKS), fc.constantFrom(...ATTACKS)).map(([a, b]) => a + b),
);

/** Every field holding a string or a number in a JSON value: its path ("#" for any index) and type. */
function fields(value: unknown, at: string[] = []): Array<{ at: string[]; type: string }> {
  if (typeof value === 'string' || typeof value === 'number') return [{ at, type: typeof value }];
  if (Array.isArray(value)) return value.flatMap((v) => fields(v, [...at, '#']));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => fields(v, [...at, k]));
  return [];
}

/** A copy of `record` with `value` in the field at `at`, in every element of the arrays on the way. */
function withValue<T>(record: T, at: readonly string[], value: unknown): T {
  const set = (node: unknown, rest: readonly string[]): unknown => {
    if (rest.length === 0) return value;
    const [key, ...more] = rest as [string, ...string[]];
    if (key === '#') return Array.isArray(node) ? node.map((x) => set(x, more)) : node;
    if (!node || typeof node !== 'object' || !(key in node)) return node;
    return { ...(node as object), [key]: set((node as Record<string, unknown>)[key], more) };
  };
  return set(record, at) as T;
}

const RECORDS: Analysis[] = [good().analysis, wall().analysis].map((a) => JSON.parse(JSON.stringify(a)) as Analysis);
/** Each field of each record, once: every one is tried, whatever the random choices. */
const FIELDS = RECORDS.flatMap((r, record) => [...new Map(fields(r).map((f) => [f.at.join('.'), { record, ...f }])).values()]);
const withField = (field: { record: number; at: readonly string[] }, value: unknown) => RECORDS.map((r, i) => (i === field.record ? withValue(r, field.at, value) : r));

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'content' in node && node.content ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
}

const PAGE_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'script', 'body', 'main', 'header', 'h1', 'h2', 'h3', 'p', 'section', 'details', 'summary', 'div', 'span', 'b', 'i', 'code', 'mark', 'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'button', 'svg', 'rect', 'line', 'text', 'polyline', 'circle']);
const PAGE_ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'id', 'href', 'title', 'style', 'type', 'role', 'width', 'height', 'viewBox', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'points', 'cx', 'cy', 'r', 'text-anchor']);

/** The page is only our markup: known elements and attributes, in-page links, our one script and policy. */
function expectNoHtmlInjection(html: string): void {
  const all = [...elements(parseHtml(html))];
  for (const el of all) {
    expect(PAGE_TAGS, el.tagName).toContain(el.tagName);
    if (el.tagName === 'button') expect((el.parentNode as Element).tagName).toBe('th');
    for (const { name, value } of el.attrs) {
      expect(PAGE_ATTRIBUTES, `${el.tagName} ${name}`).toContain(name);
      if (name === 'href') expect(value).toMatch(/^#/);
      if (name === 'style') expect(value).toMatch(/^width:\d+px$/);
      if (name === 'class') expect(value).toMatch(/^[a-z -]*$/);
    }
  }
  const metas = all.filter((el) => el.tagName === 'meta' && el.attrs.some((a) => a.name === 'http-equiv'));
  expect(metas).toHaveLength(1);
  const policy = metas[0]!.attrs.find((a) => a.name === 'content')!.value;
  expect(policy).toContain("form-action 'none'");
  expect(policy).toContain("base-uri 'none'");
  const scripts = all.filter((el) => el.tagName === 'script');
  expect(scripts.length).toBeLessThanOrEqual(1);
  for (const s of scripts) {
    const text = s.childNodes.map((n) => ('value' in n ? n.value : '')).join('');
    expect(policy).toContain(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  }
}

const markdownToHtml = (md: string) => micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
const MARKDOWN_TAGS = new Set(['html', 'head', 'body', 'h1', 'h2', 'h3', 'p', 'a', 'strong', 'em', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'ol', 'li', 'blockquote', 'details', 'summary']);
const BLOCKS = ['h1', 'h2', 'h3', 'p', 'table', 'tr', 'ul', 'ol', 'li', 'blockquote', 'details'];

/** The blocks a Markdown text renders to, by kind; and no image, raw HTML, other block or link out of the page. */
function markdownBlocks(md: string): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(BLOCKS.map((b) => [b, 0]));
  for (const el of elements(parseHtml(markdownToHtml(md)))) {
    // The whole document in the message only when it fails: built for every element, it cost more than the check.
    if (!MARKDOWN_TAGS.has(el.tagName)) expect.fail(`<${el.tagName}> in ${md}`);
    for (const { name, value } of el.attrs) {
      expect(['align', 'href'], `<${el.tagName} ${name}>`).toContain(name);
      if (name === 'href') expect(value).toMatch(/^#/);
    }
    if (el.tagName in counts) counts[el.tagName]!++;
  }
  return counts;
}

/**
 * A hostile value renders to the same blocks as a plain one in its place (so it made none of its
 * own). Two fields change what is written by their meaning, not as text (a schema version upgrades
 * the record; a date picks a group), so for them only the absolute checks hold.
 */
const comparable = (at: readonly string[]) => !['schemaVersion', 'date'].includes(String(at[at.length - 1]));

function rollupOf(records: readonly Analysis[], by: GroupBy | undefined): Rollup {
  const r = new Rollup(by);
  // As `report` reads a line: a record of the wrong shape is a bad line, not a group.
  for (const x of records) if (isAnalysis(x)) r.add(upgradeAnalysis(x));
  return r;
}

const TOOL = { color: false, tool: { name: 'etcscore', version: '0' } };
/** Hostile values tried in each field (each field is tried: see FIELDS). */
const PER_FIELD = { numRuns: 3 };

describe('report: every field of a results record stays text', () => {
  // A string where a number belongs too: `report` must escape or refuse it, not copy it.
  const by = fc.constantFrom(undefined, ...GROUP_BY);

  it('in the html rollup', () => {
    for (const field of FIELDS) {
      fc.assert(
        fc.property(hostile, by, (value, by) => expectNoHtmlInjection(renderRollup(rollupOf(withField(field, value), by), 'html', TOOL))),
        PER_FIELD,
      );
    }
  }, 180_000);

  it('in the markdown rollup', () => {
    FIELDS.forEach((field, i) => {
      // One grouping per field, in turn, so that the plain rendering is made once.
      const by = [undefined, ...GROUP_BY][i % (GROUP_BY.length + 1)];
      const plain = markdownBlocks(renderRollup(rollupOf(withField(field, 'plain'), by), 'markdown', TOOL));
      fc.assert(
        fc.property(hostile, (value) => {
          const blocks = markdownBlocks(renderRollup(rollupOf(withField(field, value), by), 'markdown', TOOL));
          if (comparable(field.at)) expect(blocks).toEqual(plain);
        }),
        PER_FIELD,
      );
    });
  }, 180_000);

  it('a crafted severity is not a live form in the rollup page', () => {
    const crafted = withField({ record: 1, at: ['findings', '#', 'severity'] }, 'error"><form action="https://evil.example"><button>Log in</button></form>');
    const html = renderRollup(rollupOf(crafted, 'agent'), 'html', TOOL);
    expect(html).not.toMatch(/<form/i);
    expect(html).toContain('&lt;form action=&quot;https://evil.example&quot;&gt;');
  });
});

describe('score formats: every string a library caller passes in stays text', () => {
  // render() takes analyses from anywhere (read back from JSON): strings replaced, types kept.
  const STRING_FIELDS = FIELDS.filter((field) => field.type === 'string');

  it('in html', () => {
    for (const field of STRING_FIELDS) {
      fc.assert(
        fc.property(hostile, hostile, (value, error) => expectNoHtmlInjection(render('html', withField(field, value), [{ source: error, line: 3, message: error }]))),
        PER_FIELD,
      );
    }
  }, 180_000);

  it('in markdown, a file name with blank lines included', () => {
    for (const field of STRING_FIELDS) {
      const plain = markdownBlocks(render('markdown', withField(field, 'plain'), [{ source: 'plain', line: 3, message: 'plain' }]));
      fc.assert(
        fc.property(hostile, hostile, (value, error) => {
          const blocks = markdownBlocks(render('markdown', withField(field, value), [{ source: error, line: 3, message: error }]));
          if (comparable(field.at)) expect(blocks).toEqual(plain);
        }),
        PER_FIELD,
      );
    }
  }, 180_000);
});

describe('a user rule’s text stays text in the rule catalogue', () => {
  const base = BUILTIN_RULES.find((r) => r.kind === 'risk')!;
  const userRule = (text: string) => ({
    ...base,
    id: 'user/mine',
    // A title from the configuration (`title:`) is the user's text too.
    title: text,
    declaredIn: '.etcscorerc.yaml',
    source: text,
    description: text,
    why: text,
    message: text,
    suggestion: text,
    suggestions: [text, text],
    patterns: [text],
    examples: { match: [text, { context: [{ role: 'customer' as const, text }], text }], noMatch: [text] },
  });

  // The rules' sections are rendered as Markdown and read back; what follows them (word lists,
  // conditions, phrase sets: the built-in catalogue) must be the same text as with a plain rule,
  // which shows no user text reached it, without parsing its thousands of lines a hundred times.
  const split = (md: string) => [md.slice(0, md.indexOf('\n## Word lists')), md.slice(md.indexOf('\n## Word lists'))] as const;

  it('in markdown', () => {
    const [plainRules, plainRest] = split(renderCatalogue([userRule('plain')], 'markdown'));
    const plain = markdownBlocks(plainRules);
    fc.assert(
      fc.property(hostile, (text) => {
        const [rules, rest] = split(renderCatalogue([userRule(text)], 'markdown'));
        expect(rest === plainRest, 'the catalogue after the rules is the same').toBe(true);
        expect(markdownBlocks(rules)).toEqual(plain);
      }),
      { numRuns: 100 },
    );
  }, 180_000);
});
