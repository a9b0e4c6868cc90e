// Small hand-made documents in the AWS output shapes, for behaviour the real samples do not show.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/index.js';
import { caught, settled } from './helpers.js';

const word = (content: string, start: string, end: string, speaker?: string) => ({
  start_time: start,
  end_time: end,
  ...(speaker ? { speaker_label: speaker } : {}),
  alternatives: [{ confidence: '0.99', content }],
  type: 'pronunciation',
});
const punct = (content: string) => ({ alternatives: [{ confidence: '0.0', content }], type: 'punctuation' });

describe('Amazon Transcribe reader', () => {
  it('matches words to speaker segments by time when items carry no speaker label', () => {
    const doc = {
      jobName: 'job-7',
      results: {
        transcripts: [{ transcript: 'Thanks for calling, how can I help? My card was declined.' }],
        speaker_labels: {
          speakers: 2,
          segments: [
            { speaker_label: 'spk_0', start_time: '0.1', end_time: '2.0', items: ['0.1', '0.5', '0.9', '1.2', '1.4', '1.6', '1.8'].map((t) => ({ speaker_label: 'spk_0', start_time: t, end_time: t })) },
            { speaker_label: 'spk_1', start_time: '2.5', end_time: '4.0', items: ['2.5', '2.8', '3.1', '3.5'].map((t) => ({ speaker_label: 'spk_1', start_time: t, end_time: t })) },
          ],
        },
        items: [
          word('Thanks', '0.1', '0.4'), word('for', '0.5', '0.8'), word('calling', '0.9', '1.1'), punct(','),
          word('how', '1.2', '1.3'), word('can', '1.4', '1.5'), word('I', '1.6', '1.7'), word('help', '1.8', '2.0'), punct('?'),
          word('My', '2.5', '2.7'), word('card', '2.8', '3.0'), word('was', '3.1', '3.4'), word('declined', '3.5', '4.0'), punct('.'),
        ],
      },
    };
    const [t] = settled(parseText(JSON.stringify(doc), { source: 'job.json' }));
    expect(t!.id).toBe('job-7');
    expect(t!.turns.map((x) => [x.speaker, x.role, x.text, x.start, x.end])).toEqual([
      ['spk_0', 'agent', 'Thanks for calling, how can I help?', 0.1, 2],
      ['spk_1', 'customer', 'My card was declined.', 2.5, 4],
    ]);
  });

  it('falls back to the flat transcript, leaving the speaker unknown', () => {
    const [t] = parseText(JSON.stringify({ results: { transcripts: [{ transcript: 'Hello there.' }], items: [] } }), { source: 'flat.json' });
    expect(t!.turns).toEqual([{ index: 0, role: 'unknown', speaker: '', text: 'Hello there.' }]);
  });
});

describe('Transcribe Call Analytics reader', () => {
  it('names the turn that has no text', () => {
    const text = JSON.stringify({ JobName: 'j', Transcript: [{ ParticipantRole: 'AGENT', Content: 'Hi' }, { ParticipantRole: 'CUSTOMER', Content: 7 }] }, null, 2);
    const err = caught(() => parseText(text, { source: 'ca.json' }));
    expect(err.message).toBe('Transcript[1].Content: expected a string');
    expect(err.line).toBe(text.split('\n').findIndex((l) => l.includes('"Content": 7')) + 1);
  });
});

describe('Contact Lens reader', () => {
  it('joins ParticipantId to Participants, converts ms offsets and keeps contact meta', () => {
    const doc = {
      Version: '1.1.0',
      Channel: 'VOICE',
      CustomerMetadata: { ContactId: 'c-55', InstanceId: 'i-1' },
      AgentInfo: { AgentId: 'ag-9' },
      Participants: [{ ParticipantId: 'p-a', ParticipantRole: 'AGENT' }, { ParticipantId: 'p-c', ParticipantRole: 'CUSTOMER' }],
      Transcript: [
        { ParticipantId: 'p-a', Content: 'Thanks for calling.', BeginOffsetMillis: 100, EndOffsetMillis: 1500, Sentiment: 'NEUTRAL' },
        { ParticipantId: 'p-c', Content: 'My heating is broken.', BeginOffsetMillis: 1700, EndOffsetMillis: 3200, Sentiment: 'NEGATIVE' },
      ],
    };
    const [t] = parseText(JSON.stringify(doc), { source: 'cl.json' });
    expect(t).toMatchObject({ id: 'c-55', channel: 'call', meta: { contactId: 'c-55', instanceId: 'i-1', agentId: 'ag-9', sentiments: ['NEUTRAL', 'NEGATIVE'] } });
    expect(t!.turns.map((x) => [x.role, x.start, x.end])).toEqual([
      ['agent', 0.1, 1.5],
      ['customer', 1.7, 3.2],
    ]);
  });

  it('chat: drops events, keeps system messages, and leaves role-less messages unknown', () => {
    const doc = {
      Channel: 'CHAT',
      ChatTranscriptVersion: '2019-08-26',
      Participants: [{ ParticipantId: 'a', ParticipantRole: 'AGENT', DisplayName: 'Zoe' }],
      Transcript: [
        { Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.participant.joined', ParticipantId: 'a', AbsoluteTime: '2024-01-01T10:00:00.000Z' },
        { Type: 'MESSAGE', ParticipantRole: 'SYSTEM', DisplayName: 'SYSTEM_MESSAGE', Content: 'You are in the queue.', AbsoluteTime: '2024-01-01T10:00:01.000Z' },
        { Type: 'MESSAGE', ParticipantId: 'a', Content: 'Hi, Zoe here.', AbsoluteTime: '2024-01-01T10:00:05.500Z' },
        { Type: 'MESSAGE', DisplayName: 'Guest', Content: 'hello?', AbsoluteTime: '2024-01-01T10:00:09.000Z' },
      ],
    };
    const [t] = parseText(JSON.stringify(doc), { source: 'chat.json' });
    expect(t!.channel).toBe('chat');
    expect(t!.turns.map((x) => [x.role, x.speaker, x.start])).toEqual([
      ['system', 'SYSTEM_MESSAGE', 1],
      ['agent', 'Zoe', 5.5],
      ['unknown', 'Guest', 9],
    ]);
    expect(t!.meta).toMatchObject({ eventsDropped: ['participant.joined'], date: '2024-01-01T10:00:00.000Z' });
  });
});
