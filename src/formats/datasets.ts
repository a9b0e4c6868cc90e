// Public dialogue datasets in JSON: ABCD, Taskmaster 1/2/3, MultiWOZ 2.1, TweetSumm and IBM's
// Twitter CDP. Each names roles its own way; all are read into the canonical model here.
import type { Role, TranscriptMeta } from '../model/types.js';
import { buildTranscripts, type DraftConversation, type DraftTurn } from './build.js';
import { parseJson, structureError, tryParseJson, type JsonPath } from './json-source.js';
import { isRecord, roundSec, str } from './text-utils.js';
import type { FormatReader, ParseOptions } from './types.js';
import { table } from '../model/records.js';

type Fail = (path: JsonPath, reason: string) => never;

/** A dataset file holds one conversation object or a list of them. */
function conversations(value: unknown): { item: unknown; path: JsonPath }[] {
  return Array.isArray(value) ? value.map((item, i) => ({ item, path: [i] })) : [{ item: value, path: [] }];
}

function firstItem(value: unknown): Record<string, unknown> | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return isRecord(first) ? first : undefined;
}

function datasetReader(
  name: string,
  sniff: (value: unknown) => boolean,
  read: (value: unknown, fail: Fail) => DraftConversation[],
): FormatReader {
  return {
    name,
    extensions: ['json'],
    sniff: (text) => sniff(tryParseJson(text)),
    parse(text: string, options: ParseOptions) {
      const value = parseJson(text, options.source);
      const fail: Fail = (path, reason) => {
        throw structureError(text, options.source, path, reason);
      };
      const drafts = read(value, fail);
      if (drafts.length === 0) fail([], 'no conversations in the file');
      return buildTranscripts(drafts, name, options);
    },
  };
}

function textOf(value: unknown, path: JsonPath, fail: Fail): string {
  const text = str(value);
  if (text === undefined) fail(path, 'expected a string');
  return text.trim();
}

// ABCD: `original` is a list of [speaker, text]; the "action" speaker records system actions.
const ABCD_ROLES = table<Role>({ agent: 'agent', customer: 'customer', action: 'system' });

export const abcdReader = datasetReader(
  'abcd',
  (v) => Array.isArray(firstItem(v)?.original) && firstItem(v)?.convo_id !== undefined,
  (value, fail) =>
    conversations(value).map(({ item, path }) => {
      if (!isRecord(item) || !Array.isArray(item.original)) return fail([...path, 'original'], 'expected a list of [speaker, text] pairs');
      const turns = item.original.map((pair, i): DraftTurn => {
        if (!Array.isArray(pair) || pair.length < 2) return fail([...path, 'original', i], 'expected a [speaker, text] pair');
        const speaker = textOf(pair[0], [...path, 'original', i, 0], fail);
        const turn: DraftTurn = { speaker, text: textOf(pair[1], [...path, 'original', i, 1], fail) };
        const role = ABCD_ROLES[speaker.toLowerCase()];
        if (role) turn.role = role;
        return turn;
      });
      const scenario = isRecord(item.scenario) ? item.scenario : {};
      const meta: TranscriptMeta = {};
      if (str(scenario.flow)) meta.flow = str(scenario.flow);
      if (str(scenario.subflow)) meta.subflow = str(scenario.subflow);
      const id = str(item.convo_id);
      return { ...(id ? { id } : {}), channel: 'chat' as const, turns: turns.filter((t) => t.text !== ''), meta };
    }),
);

// Taskmaster: `utterances` with speaker USER/ASSISTANT (TM-1/2) or user/assistant (TM-3).
const TASKMASTER_ROLES = table<Role>({ assistant: 'agent', user: 'customer' });

export const taskmasterReader = datasetReader(
  'taskmaster',
  (v) => {
    const first = firstItem(v);
    const u = first && Array.isArray(first.utterances) ? first.utterances[0] : undefined;
    return isRecord(u) && typeof u.speaker === 'string' && str(u.speaker)!.toLowerCase() in TASKMASTER_ROLES;
  },
  (value, fail) =>
    conversations(value).map(({ item, path }) => {
      if (!isRecord(item) || !Array.isArray(item.utterances)) return fail([...path, 'utterances'], 'expected an array of utterances');
      const turns = item.utterances.map((u, i): DraftTurn => {
        if (!isRecord(u)) return fail([...path, 'utterances', i], 'expected an utterance object');
        const speaker = textOf(u.speaker, [...path, 'utterances', i, 'speaker'], fail);
        const turn: DraftTurn = { speaker, text: textOf(u.text, [...path, 'utterances', i, 'text'], fail) };
        const role = TASKMASTER_ROLES[speaker.toLowerCase()];
        if (role) turn.role = role;
        return turn;
      });
      const meta: TranscriptMeta = {};
      for (const key of ['instruction_id', 'vertical', 'scenario'] as const) if (str(item[key])) meta[key] = str(item[key]);
      const id = str(item.conversation_id);
      return { ...(id ? { id } : {}), channel: 'unknown' as const, turns: turns.filter((t) => t.text !== ''), meta };
    }),
);

/**
 * MultiWOZ has no speaker field: the log alternates user/system, starting with the user. The
 * roles are therefore inferred by position, and reported as such; the empty metadata that
 * MultiWOZ leaves on user turns is checked as corroboration.
 */
export const multiwozReader = datasetReader(
  'multiwoz',
  (v) => {
    if (!isRecord(v) || Array.isArray(v)) return false;
    const first = Object.values(v)[0];
    return isRecord(first) && Array.isArray(first.log) && isRecord(first.goal);
  },
  (value, fail) => {
    if (!isRecord(value)) return fail([], 'expected an object keyed by dialogue name');
    return Object.entries(value).map(([name, dialogue]) => {
      if (!isRecord(dialogue) || !Array.isArray(dialogue.log)) return fail([name, 'log'], 'expected an array of turns');
      let agreeing = 0;
      const turns = dialogue.log.map((t, i): DraftTurn => {
        if (!isRecord(t)) return fail([name, 'log', i], 'expected a turn object');
        const user = i % 2 === 0;
        const emptyMeta = !isRecord(t.metadata) || Object.keys(t.metadata).length === 0;
        if (emptyMeta === user) agreeing++;
        return { speaker: user ? 'user' : 'system', role: user ? 'customer' : 'agent', text: textOf(t.text, [name, 'log', i, 'text'], fail) };
      });
      const all = turns.length;
      const preset = {
        method: 'inferred' as const,
        confidence: agreeing === all ? 0.95 : 0.8,
        assignments: { user: 'customer' as Role, system: 'agent' as Role },
        evidence: [
          'MultiWOZ has no speaker field: turns alternate user (customer) and system (agent), starting with the user',
          `${agreeing} of ${all} turns agree with the alternation by their metadata (empty on user turns)`,
        ],
      };
      return { id: name.replace(/\.json$/i, ''), channel: 'chat' as const, turns: turns.filter((t) => t.text !== ''), meta: {}, roles: { preset } };
    });
  },
);

// TweetSumm: dialog.turns[] with a boolean is_agent and the tweet pre-split into sentences.
export const tweetsummReader = datasetReader(
  'tweetsumm',
  (v) => {
    const first = firstItem(v);
    const turns = first && isRecord(first.dialog) && Array.isArray(first.dialog.turns) ? first.dialog.turns : undefined;
    return isRecord(turns?.[0]) && typeof turns[0].is_agent === 'boolean';
  },
  (value, fail) =>
    conversations(value).map(({ item, path }) => {
      const dialog = isRecord(item) && isRecord(item.dialog) ? item.dialog : undefined;
      if (!dialog || !Array.isArray(dialog.turns)) return fail([...path, 'dialog', 'turns'], 'expected an array of turns');
      const turns = dialog.turns.map((t, i): DraftTurn => {
        const at = [...path, 'dialog', 'turns', i];
        if (!isRecord(t) || typeof t.is_agent !== 'boolean') return fail([...at, 'is_agent'], 'expected true or false');
        if (!Array.isArray(t.sentences)) return fail([...at, 'sentences'], 'expected an array of strings');
        const text = t.sentences.map((s, k) => textOf(s, [...at, 'sentences', k], fail)).join(' ');
        return { speaker: t.is_agent ? 'agent' : 'customer', role: t.is_agent ? 'agent' : 'customer', text };
      });
      const summaries = isRecord(item) && isRecord(item.summaries) ? item.summaries.abstractive_summaries : undefined;
      const id = str(dialog.dialog_id);
      return { ...(id ? { id } : {}), channel: 'chat' as const, turns: turns.filter((t) => t.text !== ''), meta: summaries ? { summaries } : {} };
    }),
);

/**
 * IBM Twitter CDP: the role is the key naming the author (client, client1 = a second
 * customer, agent); the brand's final reply is not in dialogContent but in agentURL.url_utterance.
 */
export const twitterCdpReader = datasetReader(
  'twitter-cdp',
  (v) => {
    const first = firstItem(v);
    return !!first && Array.isArray(first.dialogContent) && isRecord(first.dialogHeader);
  },
  (value, fail) =>
    conversations(value).map(({ item, path }) => {
      if (!isRecord(item) || !Array.isArray(item.dialogContent)) return fail([...path, 'dialogContent'], 'expected an array of messages');
      const header = isRecord(item.dialogHeader) ? item.dialogHeader : {};
      const company = str(header.company) ?? '';
      const turns: (DraftTurn & { at?: number })[] = item.dialogContent.map((m, i) => {
        const at = [...path, 'dialogContent', i];
        if (!isRecord(m)) return fail(at, 'expected a message object');
        const key = ['agent', 'client', 'client1'].find((k) => m[k] !== undefined);
        if (!key) return fail(at, 'expected an "agent", "client" or "client1" author');
        const time = Date.parse(str(m.datetime) ?? '');
        return {
          speaker: str(m[key]) ?? key,
          role: key === 'agent' ? 'agent' : 'customer',
          text: textOf(m.message, [...at, 'message'], fail),
          ...(Number.isFinite(time) ? { at: time } : {}),
        };
      });
      const final = isRecord(item.agentURL) ? str(item.agentURL.url_utterance) : undefined;
      if (final !== undefined) turns.push({ speaker: company, role: 'agent', text: final.trim() });
      const t0 = turns.find((t) => t.at !== undefined)?.at;
      const drafts = turns.map(({ at, ...t }) => (at !== undefined && t0 !== undefined ? { ...t, start: roundSec((at - t0) / 1000) } : t));
      const meta: TranscriptMeta = {};
      if (company) meta.company = company;
      if (str(header.conversationDateTime)) meta.date = str(header.conversationDateTime);
      const id = str(header.sessionID);
      return { ...(id ? { id } : {}), channel: 'chat' as const, turns: drafts.filter((t) => t.text !== ''), meta };
    }),
);

export const DATASET_READERS: readonly FormatReader[] = [abcdReader, taskmasterReader, multiwozReader, tweetsummReader, twitterCdpReader];
