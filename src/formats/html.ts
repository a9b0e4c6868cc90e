// Podcast-style HTML transcripts (Buzzsprout, Podcasting 2.0): <cite>Speaker:</cite>,
// <time>0:53</time>, then <p> paragraphs, with no root element required.
import { InputError } from '../model/errors.js';
import { buildTranscripts, type DraftTurn } from './build.js';
import { decodeEntities, parseClock } from './text-utils.js';
import type { FormatReader, ParseOptions } from './types.js';

const ELEMENTS = new Set(['cite', 'time', 'p']);

// Tags are removed up to the next ">" but never across a "<", so a run of unclosed "<" costs
// linear time, not a scan to the end of the text from each one.
const plain = (html: string) => decodeEntities(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^<>]+>/g, '')).replace(/[ \t]+/g, ' ').trim();

interface Element {
  tag: string;
  body: string;
  line: number;
}

/**
 * Every <cite>, <time> and <p> element with its body and line, as the expression
 * `<(cite|time|p)\b[^>]*>([\s\S]*?)<\/\1\s*>` would find them (an element never closed is skipped),
 * in one pass: where each closing tag is next is remembered, so a file of unclosed tags does not
 * search to its end once per tag.
 */
function* elements(text: string): Generator<Element> {
  const nextClose = new Map<string, { from: number; at: number }>();
  const closeAfter = (tag: string, from: number): number => {
    const known = nextClose.get(tag);
    if (known && known.from <= from && (known.at === -1 || known.at >= from)) return known.at;
    const re = new RegExp(String.raw`<\/${tag}\s*>`, 'gi');
    re.lastIndex = from;
    const at = re.exec(text)?.index ?? -1;
    nextClose.set(tag, { from, at });
    return at;
  };
  let line = 1;
  let counted = 0; // text before this offset has been counted into `line`
  let pos = text.indexOf('<');
  while (pos !== -1) {
    const name = /^[a-z]+/i.exec(text.slice(pos + 1, pos + 6))?.[0].toLowerCase() ?? '';
    const afterName = pos + 1 + name.length;
    const tag = ELEMENTS.has(name) && !/\w/.test(text[afterName] ?? '') ? name : undefined;
    if (tag) {
      const open = text.indexOf('>', afterName);
      if (open === -1) return; // no tag after this one can end either
      const close = closeAfter(tag, open + 1);
      if (close !== -1) {
        for (; counted < pos; counted++) if (text.charCodeAt(counted) === 10) line++;
        yield { tag, body: text.slice(open + 1, close), line };
        pos = text.indexOf('<', text.indexOf('>', close) + 1);
        continue;
      }
    }
    pos = text.indexOf('<', pos + 1);
  }
}

function parse(text: string, options: ParseOptions) {
  const turns: DraftTurn[] = [];
  let current: DraftTurn | undefined;
  for (const element of elements(text)) {
    const { tag, line } = element;
    const body = plain(element.body);
    if (tag === 'cite') {
      current = { speaker: body.replace(/:\s*$/, ''), text: '', line };
      turns.push(current);
    } else if (tag === 'time') {
      const start = parseClock(body);
      if (current && start !== undefined && current.start === undefined) current.start = start;
    } else {
      if (!current) {
        current = { speaker: '', text: '', line };
        turns.push(current);
      }
      current.text = current.text ? `${current.text}\n${body}` : body;
    }
  }
  const kept = turns.filter((t) => t.text !== '');
  if (kept.length === 0) throw new InputError(options.source, 1, 'no turns found (expected <cite>Speaker:</cite> … <p>text</p>)');
  return buildTranscripts([{ channel: kept.some((t) => t.start !== undefined) ? 'call' : 'unknown', turns: kept, entitiesDecoded: true }], 'html', options);
}

export const htmlReader: FormatReader = {
  name: 'html',
  extensions: ['html', 'htm'],
  sniff: (text) => /<cite\b[^>]*>[\s\S]*?<\/cite>/i.test(text.slice(0, 4000)) && /<p\b/i.test(text),
  parse,
};
