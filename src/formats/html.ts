// Podcast-style HTML transcripts (Buzzsprout, Podcasting 2.0): <cite>Speaker:</cite>,
// <time>0:53</time>, then <p> paragraphs, with no root element required.
import { InputError, lineAt } from '../model/errors.js';
import { buildTranscripts, type DraftTurn } from './build.js';
import { decodeEntities, parseClock } from './text-utils.js';
import type { FormatReader, ParseOptions } from './types.js';

const TAG = /<(cite|time|p)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi;

const plain = (html: string) => decodeEntities(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '')).replace(/[ \t]+/g, ' ').trim();

function parse(text: string, options: ParseOptions) {
  const turns: DraftTurn[] = [];
  let current: DraftTurn | undefined;
  for (const m of text.matchAll(TAG)) {
    const tag = m[1]!.toLowerCase();
    const body = plain(m[2]!);
    if (tag === 'cite') {
      current = { speaker: body.replace(/:\s*$/, ''), text: '', line: lineAt(text, m.index!) };
      turns.push(current);
    } else if (tag === 'time') {
      const start = parseClock(body);
      if (current && start !== undefined && current.start === undefined) current.start = start;
    } else {
      if (!current) {
        current = { speaker: '', text: '', line: lineAt(text, m.index!) };
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
