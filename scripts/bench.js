#!/usr/bin/env node
// npm run bench: etcscore end to end against the tools people would otherwise use, on one
// generated corpus, as whole processes (start-up, reading, writing included).
//
//   node scripts/bench.js [--mb 32] [--max-mb 256] [--rss-mb N] [--runs 2] [--seed 42] [--json] [--keep]
//
// --mb      size of the corpus for throughput and the peers
// --max-mb  largest input of the size series (1, 2, 4, … MB): time should grow linearly
// --rss-mb  size of the input streamed for peak memory (default: the largest of the series);
//           --rss-mb 1024 scores a 1 GB file (minutes)
// --csv-mb  size of the CSV export (one row a message) streamed for peak memory (default 48; 0 skips it)
// --json    everything as one JSON line on stdout
// Corpora are generated into a temporary folder (seeded, so the same every run) and removed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, createReadStream, createWriteStream, openSync, readSync, closeSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pipeline } from 'node:stream/promises';
import { asText, rng, transcript, writeCorpus, writeCsvCorpus } from './bench/corpus.js';
import { installPacked } from './install-packed.js';
import { bestOf, hasGnuTime, median, timeCommand } from './bench/run.js';
import { benchHtml } from './bench/html.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The command as the clone runs it (package.json "bin"); start-up is also timed installed from the package.
const BIN = path.join(root, 'bin', 'etcscore.js');
const BASELINE = path.join(root, 'scripts', 'bench-baseline.js');

const { values: opt } = parseArgs({
  options: {
    mb: { type: 'string', default: '32' },
    'max-mb': { type: 'string', default: '256' },
    'rss-mb': { type: 'string' },
    'csv-mb': { type: 'string', default: '48' },
    runs: { type: 'string', default: '2' },
    seed: { type: 'string', default: '42' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const MB = 1e6;
const corpusMb = Number(opt.mb);
const maxMb = Number(opt['max-mb']);
const rssMb = Number(opt['rss-mb'] ?? maxMb);
const csvMb = Number(opt['csv-mb']);
const runs = Number(opt.runs);
const seed = Number(opt.seed);
const log = (line) => process.stderr.write(line + '\n');

const dir = mkdtempSync(path.join(tmpdir(), 'etcscore-bench-'));
try {
  const report = await bench();
  if (opt.json) process.stdout.write(JSON.stringify(report) + '\n');
  else print(report);
} finally {
  if (!opt.keep) rmSync(dir, { recursive: true, force: true });
  else log(`kept ${dir}`);
}

async function bench() {
  const loadAtStart = loadavg();
  const sizes = [];
  for (let s = 1; s <= maxMb; s *= 2) sizes.push(s);
  const largest = Math.max(corpusMb, maxMb);
  log(`generating ${largest} MB of transcripts (seed ${seed}) in ${dir}`);
  const big = path.join(dir, `corpus-${largest}mb.ndjson`);
  await writeCorpus(big, largest * MB, seed);

  const corpus = await prefix(big, corpusMb);
  const { bytes, transcripts, customerTurns } = await describe(corpus);

  log('start-up');
  const startup = await startupTime();

  log(`throughput on ${(bytes / MB).toFixed(1)} MB, ${transcripts} transcripts`);
  const etc = {};
  for (const jobs of [1, 2]) {
    const r = await bestOf(runs, [BIN, 'score', corpus, '--format', 'ndjson', '--jobs', String(jobs)]);
    etc[`jobs${jobs}`] = {
      seconds: r.seconds,
      cpuSeconds: r.cpuSeconds,
      mbPerS: bytes / MB / r.seconds,
      transcriptsPerS: transcripts / r.seconds,
      mbPerCpuS: bytes / MB / r.cpuSeconds,
      coresBusy: r.cpuSeconds / r.seconds,
    };
    log(`  etcscore --jobs ${jobs}: ${r.seconds.toFixed(2)} s`);
  }

  // The same conversations as a folder of text files, one a call, as QA teams often keep them:
  // each file is opened, recognised and parsed on its own.
  const folder = path.join(dir, 'calls');
  const folderBytes = await writeFolder(corpus, folder);
  log(`a folder of ${transcripts} text files, ${(folderBytes / MB).toFixed(1)} MB`);
  const files = {};
  for (const jobs of [1, 2]) {
    const r = await bestOf(runs, [BIN, 'score', folder, '--format', 'ndjson', '--jobs', String(jobs)]);
    files[`jobs${jobs}`] = { seconds: r.seconds, cpuSeconds: r.cpuSeconds, mbPerS: folderBytes / MB / r.seconds, transcriptsPerS: transcripts / r.seconds };
    log(`  etcscore --jobs ${jobs}: ${r.seconds.toFixed(2)} s`);
  }

  log('peers on the same customer turns');
  const peers = {};
  for (const peer of ['sentiment', 'wink', 'vader']) {
    const r = await bestOf(runs, [process.execPath, BASELINE, corpus, '--peer', peer]);
    const mbPerS = bytes / MB / r.seconds;
    peers[peer] = {
      seconds: r.seconds,
      cpuSeconds: r.cpuSeconds,
      mbPerS,
      ratioJobs1: etc.jobs1.mbPerS / mbPerS,
      ratioJobs2: etc.jobs2.mbPerS / mbPerS,
      // The same ratio by CPU time: what it would be on a quiet machine, one core each.
      cpuRatioJobs1: etc.jobs1.mbPerCpuS / (bytes / MB / r.cpuSeconds),
    };
    log(`  ${peer}: ${r.seconds.toFixed(2)} s`);
  }

  log(`time against input size: ${sizes.join(', ')} MB`);
  const series = [];
  for (const size of sizes) {
    const file = size === largest ? big : await prefix(big, size);
    const actual = statSync(file).size;
    const r = await bestOf(1, [BIN, 'score', file, '--format', 'ndjson']);
    series.push({ mb: actual / MB, seconds: r.seconds, cpuSeconds: r.cpuSeconds, mbPerS: actual / MB / r.seconds });
    log(`  ${size} MB: ${r.seconds.toFixed(2)} s`);
  }

  log(`peak memory streaming ${rssMb} MB`);
  const rssFile = rssMb === largest ? big : rssMb < largest ? await prefix(big, rssMb) : path.join(dir, `rss-${rssMb}mb.ndjson`);
  if (rssMb > largest) await writeCorpus(rssFile, rssMb * MB, seed + 1);
  // With the default --jobs (a worker per core) and on one thread (--jobs 1, as on a one-core machine).
  const memoryRun = async (extra, file = rssFile) => {
    const r = await timeCommand([BIN, 'score', file, '--format', 'ndjson', ...extra]);
    if (r.code !== 0) throw new Error(`etcscore exited ${r.code} on the memory run`);
    return { rssMb: r.rssMb, seconds: r.seconds, cpuSeconds: r.cpuSeconds };
  };
  const rssRun = await memoryRun([]);
  const rssJobs1 = await memoryRun(['--jobs', '1']);

  // A CSV export is streamed a conversation at a time too (formats/csv-stream.ts).
  let csv;
  if (csvMb > 0) {
    log(`peak memory streaming a ${csvMb} MB CSV export`);
    const csvFile = path.join(dir, `export-${csvMb}mb.csv`);
    const { transcripts: conversations } = await writeCsvCorpus(csvFile, csvMb * MB, seed);
    csv = { inputMb: statSync(csvFile).size / MB, conversations, ...(await memoryRun([], csvFile)), jobs1: await memoryRun(['--jobs', '1'], csvFile) };
  }

  // What one long turn costs while it is analysed: peak RSS past that of a short call, per byte of the turn.
  log('memory of one long turn (1, 2 and 4 MB)');
  const longTurn = await longTurnMemory((file) => memoryRun(['--jobs', '1'], file));

  log('the batch html report of 300 and 1,000 calls: size, and opening time in Chromium');
  const html = await benchHtml(BIN, () => records(big), dir);

  return {
    machine: { cores: availableParallelism(), cpu: cpus()[0]?.model, node: process.version, loadAverage: { atStart: loadAtStart, atEnd: loadavg() } },
    corpus: { mb: bytes / MB, transcripts, customerTurns, seed },
    startup,
    etcscore: { ...etc, scaling: etc.jobs2.mbPerS / etc.jobs1.mbPerS, scalingCeiling: availableParallelism() / etc.jobs1.coresBusy },
    // Against the same conversations in one NDJSON file: what a file of its own costs.
    folder: { mb: folderBytes / MB, files: transcripts, ...files, againstNdjsonJobs1: files.jobs1.transcriptsPerS / etc.jobs1.transcriptsPerS },
    baselineRatio: peers.sentiment.ratioJobs1,
    peers,
    peakRss: {
      inputMb: statSync(rssFile).size / MB,
      ...rssRun,
      jobs1: rssJobs1,
      // The same two runs as throughput: on a big input each worker's warm-up (loading, compiling
      // the hot code again) is paid back, which it is not on the throughput corpus.
      defaultJobs: availableParallelism(),
      scaling: rssJobs1.seconds / rssRun.seconds,
      via: hasGnuTime ? '/usr/bin/time' : 'process.resourceUsage',
    },
    ...(csv ? { csvPeakRss: csv } : {}),
    longTurn,
    linearity: { series, ...fit(series.map((p) => [p.mb, p.seconds])), cpu: fit(series.map((p) => [p.mb, p.cpuSeconds])) },
    html,
  };
}

/**
 * Peak RSS of scoring a call whose agent answers a customer's pick with one long turn (a long email,
 * a transcript with no speaker changes), at 1, 2 and 4 MB, against the same call with a short turn.
 * Two figures per byte of the turn: past the short call at 2 MB (what the first long turn costs,
 * with the young generation grown to its full size and the code that reads it compiled), and the
 * slope from 1 MB to 4 MB (what each further byte costs: the multiple of its size a turn needs).
 * `measure(file)` scores one file.
 */
async function longTurnMemory(measure) {
  const r = rng(seed);
  let text = '';
  for (let n = 1; Buffer.byteLength(text) < 4 * MB; n++) for (const t of transcript(r, n).turns) text += `${t.text} `;
  const call = (agentText) => JSON.stringify({ id: 'long-turn', turns: [
    { role: 'agent', text: 'You can either have a replacement or a full refund, which would you prefer?' },
    { role: 'customer', text: "I'd prefer the refund please, I've been waiting three weeks." },
    { role: 'agent', text: agentText },
    { role: 'customer', text: 'Okay, thanks.' },
  ] }) + '\n';
  // A customer's long turn (a pasted email thread) has its sentiment read as well, for the emotion curve.
  const customerCall = (customerText) => JSON.stringify({ id: 'long-customer-turn', turns: [
    { role: 'agent', text: 'How can I help today?' },
    { role: 'customer', text: customerText },
    { role: 'agent', text: "I'm sorry to hear that. I'll refund the £20 today." },
  ] }) + '\n';
  const at = async (name, text, make = call) => {
    const file = path.join(dir, `${name}.ndjson`);
    writeFileSync(file, make(text));
    return { bytes: Buffer.byteLength(text), ...(await measure(file)) };
  };
  const turnOf = (mb) => text.slice(0, text.lastIndexOf(' ', mb * MB));
  const base = await at('short-turn', "I'll refund the £20 today.");
  const [one, two, four] = [await at('long-turn-1mb', turnOf(1)), await at('long-turn-2mb', turnOf(2)), await at('long-turn-4mb', turnOf(4))];
  const customer = await at('long-customer-turn-2mb', turnOf(2), customerCall);
  return {
    turnMb: two.bytes / MB,
    rssMb: two.rssMb,
    baseRssMb: base.rssMb,
    bytesPerByte: ((two.rssMb - base.rssMb) * MB) / two.bytes,
    rssMbBySize: { 1: one.rssMb, 2: two.rssMb, 4: four.rssMb },
    marginalBytesPerByte: ((four.rssMb - one.rssMb) * MB) / (four.bytes - one.bytes),
    seconds: two.seconds,
    cpuSeconds: two.cpuSeconds,
    customerRssMb: customer.rssMb,
  };
}

/** The transcripts of an NDJSON file, one at a time. */
async function* records(file) {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) if (line) yield JSON.parse(line);
  }
}

/** Each transcript of an NDJSON file as a text file of its own in `folder`; returns their total size. */
async function writeFolder(file, folder) {
  mkdirSync(folder);
  let total = 0;
  for await (const t of records(file)) {
    const text = asText(t);
    writeFileSync(path.join(folder, `${t.id}.txt`), text);
    total += Buffer.byteLength(text);
  }
  return total;
}

/** A copy of the first `mb` MB of an NDJSON file, cut at the end of a line. */
async function prefix(file, mb) {
  const out = path.join(dir, `prefix-${mb}mb.ndjson`);
  const fd = openSync(file, 'r');
  const window = Buffer.alloc(4 << 20);
  const n = readSync(fd, window, 0, window.length, Math.max(0, mb * MB - 1));
  closeSync(fd);
  const nl = window.subarray(0, n).indexOf(10);
  const end = nl === -1 ? statSync(file).size : mb * MB - 1 + nl + 1;
  await pipeline(createReadStream(file, { start: 0, end: end - 1 }), createWriteStream(out));
  return out;
}

async function describe(file) {
  let transcripts = 0;
  let customerTurns = 0;
  for await (const t of records(file)) {
    transcripts++;
    customerTurns += t.turns.filter((turn) => turn.role === 'customer').length;
  }
  return { bytes: statSync(file).size, transcripts, customerTurns };
}

/**
 * Wall and CPU time of one small call (`coach` when the command exists, else `score` of the same
 * file), by the clone's command and by the command of the package packed and installed from it.
 */
async function startupTime() {
  const call = path.join(dir, 'call-0042.txt');
  writeFileSync(
    call,
    'Agent: Thanks for calling Northwind, this is Dana. How can I help?\n' +
      "Customer: I've been charged twice for my order and I'm really not happy.\n" +
      'Agent: That must be so frustrating. Let me sort this out for you now.\n' +
      "Agent: I'll refund the second charge today, and you'll get an email by 5pm.\n" +
      "Customer: Thank you, that's brilliant.\n",
  );
  const help = path.join(dir, 'help.txt');
  await timeCommand([BIN, '--help'], { stdout: help });
  const coach = /^\s+coach\b/m.test(readFileSync(help, 'utf8'));
  const args = coach ? ['coach', call] : ['score', call, '--format', 'ndjson'];
  const installDir = path.join(dir, 'installed');
  mkdirSync(installDir);
  // Started by node, as the clone's is, so that CPU time is measured without GNU time too.
  const installed = path.join(installPacked(installDir).packageDir, 'bin', 'etcscore.js');
  const commands = { clone: [process.execPath, BIN, ...args], installed: [process.execPath, installed, ...args], nodeAlone: [process.execPath, '-e', '0'] };
  const runs = { clone: [], installed: [], nodeAlone: [] };
  for (const command of Object.values(commands)) await timeCommand(command); // warm the file cache
  // Interleaved, so that the machine's load falls on all three alike.
  for (let i = 0; i < 11; i++) for (const [name, command] of Object.entries(commands)) runs[name].push(await timeCommand(command));
  // CPU time (all threads) beside wall time: on a shared machine it is the steadier of the two.
  const summary = (rs) => ({ medianMs: median(rs.map((r) => r.seconds * 1000)), minMs: Math.min(...rs.map((r) => r.seconds * 1000)), cpuMedianMs: median(rs.map((r) => r.cpuSeconds * 1000)) });
  return { command: args[0], clone: summary(runs.clone), installed: summary(runs.installed), nodeAlone: summary(runs.nodeAlone) };
}

/** Least squares t = a + b·MB over [MB, seconds] points, and how well a line explains them (r²). */
function fit(points) {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  const slope = sxx ? sxy / sxx : 0;
  return { secondsPerMb: slope, interceptSeconds: my - slope * mx, r2: syy ? (sxy * sxy) / (sxx * syy) : 1 };
}

function print(r) {
  const f = (x, d = 2) => x.toFixed(d);
  const out = [
    `etcscore benchmark — ${r.machine.cores} cores, ${r.machine.cpu}, Node ${r.machine.node}`,
    `load average ${r.machine.loadAverage.atStart.map((x) => f(x)).join(' ')} at the start, ${r.machine.loadAverage.atEnd.map((x) => f(x)).join(' ')} at the end (a shared machine: compare wall and CPU seconds)`,
    `corpus: ${f(r.corpus.mb, 1)} MB, ${r.corpus.transcripts} transcripts, ${r.corpus.customerTurns} customer turns (seed ${r.corpus.seed})`,
    '',
    `start-up (${r.startup.command} of one small call; median, best, median CPU of 11 runs):`,
    ...[
      ['the clone (bin/etcscore.js)', r.startup.clone],
      ['installed from the package', r.startup.installed],
      ['node -e 0 alone', r.startup.nodeAlone],
    ].map(([name, s]) => `  ${name.padEnd(28)} ${f(s.medianMs, 0).padStart(5)} ms  ${f(s.minMs, 0).padStart(5)} ms  ${f(s.cpuMedianMs, 0).padStart(5)} ms CPU`),
    '',
    'end to end, score --format ndjson:',
    `  --jobs 1  ${f(r.etcscore.jobs1.mbPerS)} MB/s  ${f(r.etcscore.jobs1.transcriptsPerS, 1)} transcripts/s  (${f(r.etcscore.jobs1.seconds)} s wall, ${f(r.etcscore.jobs1.cpuSeconds)} s CPU)`,
    `  --jobs 2  ${f(r.etcscore.jobs2.mbPerS)} MB/s  ${f(r.etcscore.jobs2.transcriptsPerS, 1)} transcripts/s  (${f(r.etcscore.jobs2.seconds)} s wall, ${f(r.etcscore.jobs2.cpuSeconds)} s CPU; ${f(r.etcscore.scaling)}× --jobs 1)`,
    // V8 collects garbage and compiles on helper threads, so one job already keeps more than one
    // core busy: on N cores, N jobs can gain at most N ÷ (that many cores) over one.
    `  --jobs 1 kept ${f(r.etcscore.jobs1.coresBusy)} cores busy (CPU ÷ wall): on ${r.machine.cores} cores, more jobs can gain at most ${f(r.etcscore.scalingCeiling)}×`,
    '',
    `the same conversations as ${r.folder.files} text files in a folder (${f(r.folder.mb, 1)} MB), score --format ndjson:`,
    `  --jobs 1  ${f(r.folder.jobs1.mbPerS)} MB/s  ${f(r.folder.jobs1.transcriptsPerS, 1)} transcripts/s  (${f(r.folder.jobs1.seconds)} s wall, ${f(r.folder.jobs1.cpuSeconds)} s CPU; ${f(r.folder.againstNdjsonJobs1)}× the transcripts/s from one NDJSON file)`,
    `  --jobs 2  ${f(r.folder.jobs2.mbPerS)} MB/s  ${f(r.folder.jobs2.transcriptsPerS, 1)} transcripts/s  (${f(r.folder.jobs2.seconds)} s wall, ${f(r.folder.jobs2.cpuSeconds)} s CPU)`,
    '',
    'peers on the same customer turns (whole processes, scripts/bench-baseline.js --peer):',
    ...Object.entries(r.peers).map(
      ([name, p]) =>
        `  ${name.padEnd(9)} ${f(p.mbPerS).padStart(7)} MB/s   etcscore ÷ ${name}: ${f(p.ratioJobs1)} (--jobs 1), ${f(p.ratioJobs2)} (--jobs 2), ${f(p.cpuRatioJobs1)} by CPU time`,
    ),
    '',
    `peak RSS streaming ${f(r.peakRss.inputMb, 0)} MB (via ${r.peakRss.via}):`,
    `  default --jobs  ${f(r.peakRss.rssMb, 0)} MB  (${f(r.peakRss.seconds, 1)} s wall, ${f(r.peakRss.cpuSeconds, 1)} s CPU)`,
    `  --jobs 1        ${f(r.peakRss.jobs1.rssMb, 0)} MB  (${f(r.peakRss.jobs1.seconds, 1)} s wall, ${f(r.peakRss.jobs1.cpuSeconds, 1)} s CPU)`,
    `  so on ${f(r.peakRss.inputMb, 0)} MB, --jobs ${r.peakRss.defaultJobs} ran ${f(r.peakRss.scaling)}× as fast as --jobs 1 (${f(r.peakRss.inputMb / r.peakRss.seconds)} against ${f(r.peakRss.inputMb / r.peakRss.jobs1.seconds)} MB/s)`,
    ...(r.csvPeakRss
      ? [
          `peak RSS streaming a ${f(r.csvPeakRss.inputMb, 0)} MB CSV export (one row a message, ${r.csvPeakRss.conversations} conversations):`,
          `  default --jobs  ${f(r.csvPeakRss.rssMb, 0)} MB  (${f(r.csvPeakRss.seconds, 1)} s wall, ${f(r.csvPeakRss.cpuSeconds, 1)} s CPU)`,
          `  --jobs 1        ${f(r.csvPeakRss.jobs1.rssMb, 0)} MB  (${f(r.csvPeakRss.jobs1.seconds, 1)} s wall, ${f(r.csvPeakRss.jobs1.cpuSeconds, 1)} s CPU)`,
        ]
      : []),
    `one long turn: a ${f(r.longTurn.turnMb, 1)} MB agent turn peaked at ${f(r.longTurn.rssMb, 0)} MB against ${f(r.longTurn.baseRssMb, 0)} MB for a short call: ${f(r.longTurn.bytesPerByte, 0)} bytes per byte of the turn (--jobs 1)`,
    `  1, 2 and 4 MB turns peaked at ${[1, 2, 4].map((mb) => f(r.longTurn.rssMbBySize[mb], 0)).join(', ')} MB: each further byte of a turn costs ${f(r.longTurn.marginalBytesPerByte, 0)} bytes`,
    `  a ${f(r.longTurn.turnMb, 1)} MB customer turn (its sentiment read too) peaked at ${f(r.longTurn.customerRssMb, 0)} MB`,
    '',
    'time against input size (default --jobs):',
    ...r.linearity.series.map(
      (p) => `  ${f(p.mb, 1).padStart(7)} MB  ${f(p.seconds).padStart(7)} s wall  ${f(p.cpuSeconds).padStart(7)} s CPU  ${f(p.mbPerS).padStart(6)} MB/s`,
    ),
    `  fit of wall time: ${f(r.linearity.secondsPerMb * 1000, 1)} ms/MB + ${f(r.linearity.interceptSeconds * 1000, 0)} ms, r² = ${f(r.linearity.r2, 4)}`,
    `  fit of CPU time:  ${f(r.linearity.cpu.secondsPerMb * 1000, 1)} ms/MB + ${f(r.linearity.cpu.interceptSeconds * 1000, 0)} ms, r² = ${f(r.linearity.cpu.r2, 4)}`,
    '',
    'batch html report (score --format html, opened in headless Chromium: median of 3 to the first frame):',
    ...r.html.map(
      (h) =>
        `  ${String(h.conversations).padStart(5)} conversations  ${f(h.mb)} MB, ${f(h.kbPerConversation, 1)} kB each (from ${f(h.inputMb, 1)} MB of transcripts), written in ${f(h.scoreSeconds)} s; ` +
        (h.open ? `opens in ${f(h.open.medianMs, 0)} ms (best ${f(h.open.minMs, 0)} ms), ${h.open.elements} elements` : 'not opened: no /usr/bin/chromium or playwright-core'),
    ),
  ];
  process.stdout.write(out.join('\n') + '\n');
}
