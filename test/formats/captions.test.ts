import { describe, expect, it } from 'vitest';
import { parseFile, parseText } from '../../src/formats/index.js';
import { caught, fixture } from './helpers.js';

describe('WebVTT reader', () => {
  it('merges cues by voice, decodes entities and splits at ">>"', () => {
    const [t] = parseFile(fixture('call.vtt'));
    expect(t!.meta).toMatchObject({ kind: 'captions', language: 'en', format: 'webvtt' });
    expect(t!.turns.map((x) => [x.speaker, x.text])).toEqual([
      ['Agent Kim', 'Thanks for calling Harbor Bank, this is Kim. How can I help you today?'],
      ['Caller', "I've been locked out of online banking & I need to pay rent."],
      ['', 'One moment please.'],
      ['', 'OK.'],
    ]);
    expect(t!.turns[0]).toMatchObject({ start: 0.5, end: 5.2, line: 8 });
    expect(t!.turns[1]!.role).toBe('customer');
  });

  it('reads unpadded Teams timings', () => {
    const [t] = parseText('WEBVTT\n\n0:0:0.0 --> 0:0:1.5\n<v Ann Lee>Hi.</v>\n\n0:0:1.2 --> 0:1:2.25\n<v Bo>Hello.</v>\n', { source: 't.vtt' });
    expect(t!.turns.map((x) => [x.speaker, x.start, x.end])).toEqual([
      ['Ann Lee', 0, 1.5],
      ['Bo', 1.2, 62.25],
    ]);
  });

  it('strips inline word times and de-duplicates rolling captions', () => {
    const vtt = [
      'WEBVTT',
      'Kind: captions',
      '',
      '00:00:00.000 --> 00:00:02.000 align:start position:0%',
      ' ',
      'so<00:00:00.300><c> my</c><00:00:00.600><c> bill</c>',
      '',
      '00:00:02.000 --> 00:00:02.010 align:start position:0%',
      'so my bill',
      ' ',
      '',
      '00:00:02.010 --> 00:00:04.000 align:start position:0%',
      'so my bill',
      'is<00:00:02.300><c> wrong</c>',
      '',
    ].join('\n');
    const [t] = parseText(vtt, { source: 'yt.vtt' });
    expect(t!.turns.map((x) => x.text)).toEqual(['so my bill is wrong']);
  });

  it("keeps a reply that says what the other voice just said: two voices, not one caption rolled on", () => {
    // Short alternating replies ("ok", "yes", "thanks") compared by text alone looked like rolling
    // captions, and every reply that echoed the one before was dropped with its speaker.
    const cue = (second: number, voice: string, text: string) => `00:00:0${second}.000 --> 00:00:0${second + 1}.000\n<v ${voice}>${text}\n`;
    const vtt = `WEBVTT\n\n${[cue(0, 'Customer', 'ok'), cue(1, 'Agent', 'ok'), cue(2, 'Customer', 'ok'), cue(3, 'Agent', 'Thanks.'), cue(4, 'Customer', 'Thanks.')].join('\n')}`;
    const [t] = parseText(vtt, { source: 'replies.vtt' });
    expect(t!.turns.map((x) => [x.speaker, x.text])).toEqual([
      ['Customer', 'ok'],
      ['Agent', 'ok'],
      ['Customer', 'ok'],
      ['Agent', 'Thanks.'],
      ['Customer', 'Thanks.'],
    ]);
  });

  it('still drops a rolling caption repeated by its own voice', () => {
    const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Ann>so my bill\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>so my bill\n<v Ann>is wrong\n\n00:00:02.000 --> 00:00:03.000\n<v Ann>is wrong\n<v Ann>since May\n';
    const [t] = parseText(vtt, { source: 'rolled.vtt' });
    expect(t!.turns.map((x) => [x.speaker, x.text])).toEqual([['Ann', 'so my bill is wrong since May']]);
  });

  it('names the line of a broken timing line', () => {
    expect(caught(() => parseFile(fixture('bad-timing.vtt')))).toMatchObject({ line: 6, message: expect.stringMatching(/invalid cue timing/) });
  });

  it('rejects a file without the WEBVTT header', () => {
    expect(caught(() => parseText('00:00:01.000 --> 00:00:02.000\nHi\n', { source: 'x.vtt' })).message).toMatch(/WEBVTT/);
  });
});

describe('SRT reader', () => {
  it('carries a "Name:" prefix to the following cues and joins wrapped lines', () => {
    const [t] = parseFile(fixture('call.srt'));
    expect(t!.turns.map((x) => [x.speaker, x.role, x.start, x.end])).toEqual([
      ['Agent', 'agent', 0.4, 5],
      ['Customer', 'customer', 5.5, 10],
    ]);
    expect(t!.turns[1]!.text).toBe("Hi, I'm calling about my claim, it's been three weeks. Nobody has called me back.");
  });

  it('names the line of a broken timing line', () => {
    expect(caught(() => parseText('1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:02,000 --> later\nHo\n', { source: 'b.srt' }))).toMatchObject({ line: 6 });
  });
});

describe('HTML transcript reader', () => {
  it('reads <cite>, <time> and <p>, keeping names and unknown roles', () => {
    const [t] = parseFile(fixture('podcast.html'));
    expect(t!.turns.map((x) => [x.speaker, x.role, x.start])).toEqual([
      ['Host', 'unknown', 0],
      ['Guest', 'unknown', 41],
    ]);
    expect(t!.turns[1]!.text).toBe("Thanks for having me & hello everyone.\nLet's start with dynamic mics.");
  });
});
