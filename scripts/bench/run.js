// Whole processes, timed: wall time from spawn to exit, and the peak resident memory of the
// process (all its threads) from GNU time, or from the child itself where GNU time is missing.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(GNU_TIME);

// Without GNU time, the child reports its own peak and CPU time on stderr as it exits (Node ≥ 20.6
// --import), in the same form as the GNU time format below.
const USAGE_HOOK =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();' +
  'process.stderr.write(`\\nmaxrss_kb=${u.maxRSS} cpu_user=${u.userCPUTime/1e6} cpu_sys=${u.systemCPUTime/1e6}\\n`)})';
const USAGE_LINE = /\n?maxrss_kb=(\d+) cpu_user=([\d.]+) cpu_sys=([\d.]+)\n?/;

/**
 * Runs `program ...args` with stdout to /dev/null (or `stdout` path) and `stdin` from a file or
 * nothing. Resolves to { seconds, cpuSeconds, rssMb, code, stderr }. CPU seconds (user + system, all
 * threads) next to wall seconds show how much of the machine the run really had: it is shared and
 * noisy. Without GNU time only node itself (not a launcher script) reports its usage.
 */
export function timeCommand([program, ...args], { stdin, stdout = '/dev/null', usage = true } = {}) {
  const inFd = stdin ? openSync(stdin, 'r') : 'ignore';
  const outFd = openSync(stdout, 'w');
  const [cmd, argv] = !usage
    ? [program, args]
    : hasGnuTime
      ? [GNU_TIME, ['-f', 'maxrss_kb=%M cpu_user=%U cpu_sys=%S', '--', program, ...args]]
      : program === process.execPath
        ? [program, ['--import', USAGE_HOOK, ...args]]
        : [program, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { stdio: [inFd, outFd, 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (typeof inFd === 'number') closeSync(inFd);
      closeSync(outFd);
      const u = USAGE_LINE.exec(stderr);
      resolve({
        seconds,
        cpuSeconds: u ? Number(u[2]) + Number(u[3]) : undefined,
        rssMb: u ? Number(u[1]) / 1024 : undefined,
        code,
        stderr: stderr.replace(USAGE_LINE, ''),
      });
    });
  });
}

/** The fastest of `runs` runs of a command (the least disturbed by whatever else the machine is doing). */
export async function bestOf(runs, command, options) {
  let best;
  for (let i = 0; i < runs; i++) {
    const r = await timeCommand(command, options);
    if (r.code !== 0) throw new Error(`${command.join(' ')} exited ${r.code}: ${r.stderr.slice(0, 500)}`);
    if (!best || r.seconds < best.seconds) best = r;
  }
  return best;
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
