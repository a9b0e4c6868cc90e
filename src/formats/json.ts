// Canonical JSON: one transcript, an array of them, or { transcripts: [...] }.
import { buildTranscripts } from './build.js';
import { canonicalList, isCanonicalTranscript, readCanonical, type Fail } from './canonical.js';
import { parseJson, structureError, tryParseJson } from './json-source.js';
import type { FormatReader } from './types.js';

export const jsonReader: FormatReader = {
  name: 'json',
  extensions: ['json'],
  sniff(text) {
    const value = tryParseJson(text);
    const list = canonicalList(value);
    return list !== undefined && list.items.length > 0 && list.items.every(isCanonicalTranscript);
  },
  parse(text, options) {
    const value = parseJson(text, options.source);
    const fail: Fail = (path, reason) => {
      throw structureError(text, options.source, path, reason);
    };
    const list = canonicalList(value);
    if (!list) fail([], 'expected a transcript object, an array of them, or { "transcripts": [...] }');
    if (list.items.length === 0) fail(list.path, 'no transcripts in the file');
    const drafts = list.items.map((item, i) => readCanonical(item, list.path.length || Array.isArray(value) ? [...list.path, i] : [], fail));
    return buildTranscripts(drafts, 'json', options);
  },
};
