import { createRequire } from 'node:module';
import { InvalidArgumentError } from 'commander';
import { Redactor } from '../nlp/redact.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };

export function tool(): { name: string; version: string } {
  return { name: pkg.name, version: pkg.version };
}

/** Colour only where asked for and allowed: --no-color and NO_COLOR (any value) turn it off. */
export function colorEnabled(flag: boolean, env: NodeJS.ProcessEnv): boolean {
  return flag && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

export function parseNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`"${value}" is not a number`);
  return n;
}

export function parsePositiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < 1) throw new InvalidArgumentError(`"${value}" is not a whole number of at least 1`);
  return n;
}

const MAP_FIELDS = new Set(['role', 'speaker', 'text', 'time', 'start', 'end', 'id', 'agent', 'team', 'queue', 'date', 'customer']);

/** "role=Speaker,text=Message" → { role: 'Speaker', text: 'Message' } */
export function parseMap(value: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const eq = pair.indexOf('=');
    const field = pair.slice(0, eq).trim();
    const column = pair.slice(eq + 1).trim();
    if (eq < 0 || !field || !column) throw new InvalidArgumentError(`"${pair}" is not field=Column`);
    if (!MAP_FIELDS.has(field)) throw new InvalidArgumentError(`unknown field "${field}" (one of: ${[...MAP_FIELDS].join(', ')})`);
    map[field] = column;
  }
  return map;
}

/**
 * --redact's masks for this run. The key that makes its tags is random, so tags cannot be traced back
 * to the numbers, nor matched across runs; ETCSCORE_REDACT_KEY fixes it where they must match (tags
 * of two runs to join, reproducible output).
 */
export function runRedactor(redact: boolean | undefined, env: NodeJS.ProcessEnv): Redactor | undefined {
  if (!redact) return undefined;
  return new Redactor(env.ETCSCORE_REDACT_KEY || undefined);
}
