// A user's configuration: their own phrase rules, more phrases for built-in rules, phrases to
// ignore and rules switched off, from --config FILE or the first .etcscorerc.yaml|yml|json found
// from the working directory upward. Every command that analyses gets its rules from
// `rulesInEffect`, so `score` and `coach` can never disagree about what a conversation contains.
import { closeSync, constants, openSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_RULES, RuleSet, builtinRuleSet, type RuleDef } from '../rules/index.js';
import { readDocument } from './config/document.js';
import { ConfigError, failer } from './config/error.js';
import { CONFIG_FILES, displayPath, findConfigFile } from './config/find.js';
import { readConfigText, readFound, type SkippedConfig } from './config/trust.js';
import { validateConfig, type UserConfig } from './config/validate.js';
import { forTerminal } from '../report/terminal.js';

export { ConfigError } from './config/error.js';
export { CONFIG_FILES, findConfigFile } from './config/find.js';
export { skippedNote, type SkippedConfig } from './config/trust.js';
export { RULE_KEYS, TOP_KEYS, type UserConfig } from './config/validate.js';
export { USER_PREFIX } from '../rules/index.js';

/**
 * Where the configuration comes from: `file` (--config, relative to `cwd`) when given, else the
 * first file found from `cwd` upward; `lookup: false` says there is none, without looking again
 * (how a worker is told what the main thread found). `found` says `file` is one the search found,
 * which a worker checks again as the search did (config/trust.ts).
 */
export interface ConfigChoice {
  cwd: string;
  file?: string;
  lookup?: boolean;
  found?: boolean;
  /**
   * A named file's text as the main thread read it, parsed instead of reading the file again: a
   * pipe (`--config <(…)`) gives its text once, and read again it was empty, so the rules scored
   * with were the built-in ones while the run said it used the file.
   */
  text?: string;
}

/** The configuration in effect, or undefined when there is none. A named file must exist. */
export function loadConfig(cwd: string, explicit?: string, lookup = true): UserConfig | undefined {
  return resolveConfig({ cwd, file: explicit, lookup }).config;
}

/**
 * The configuration in effect and, when the search found a file it may not use (config/trust.ts),
 * that file: the search stops there rather than going on to a file further up, which would be
 * a surprise of its own. A file named with --config is read whoever owns it.
 */
export function resolveConfig(choice: ConfigChoice): { config?: UserConfig; skipped?: SkippedConfig; text?: string } {
  const { cwd } = choice;
  if (choice.file !== undefined && !choice.found) {
    const absolute = path.resolve(cwd, choice.file);
    const text = choice.text ?? readable(choice.file, () => readNamed(absolute));
    return { config: parseConfig(text, choice.file), text };
  }
  const found = choice.file !== undefined ? path.resolve(cwd, choice.file) : choice.lookup !== false ? findConfigFile(cwd) : undefined;
  if (!found) return {};
  const file = displayPath(cwd, found);
  const read = readable(file, () => readFound(found));
  if (!('skipped' in read)) return { config: parseConfig(read.text, file) };
  // The main thread used this file; a worker that finds it changed since must not score otherwise.
  if (choice.found) throw new ConfigError(`${file}: ${read.skipped.why} (it changed after the run checked it)`);
  return { skipped: read.skipped };
}

/**
 * The text of a file named with --config, read whoever owns it, as far as the limit. Opened without
 * blocking: the configuration is read on the main thread before anything else, so a named pipe
 * that no one writes to held the run in open() where no signal could end it; it is now an error at
 * once. A pipe whose writer is slow (`--config <(…)`) is waited for (readConfigText).
 */
function readNamed(file: string): string {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    return readConfigText(fd);
  } finally {
    closeSync(fd);
  }
}

/** What `read` returns, or the ConfigError that says why `file` cannot be read. */
function readable<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`${file}: cannot read: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message}`);
  }
}

/** A configuration file's text, read as JSON when `file` ends in .json and as YAML otherwise. */
export function parseConfig(text: string, file: string): UserConfig {
  const doc = readDocument(text, file);
  return validateConfig(doc.value, file, failer(file, doc.lineOf));
}

/** The rules to run: the built-in catalogue less what is disabled, extended, plus the user's rules. */
export function ruleSetFor(config: UserConfig | undefined): RuleSet | undefined {
  if (!config) return undefined;
  return new RuleSet(catalogueFor(config), { ignore: config.ignore, sentiment: config.sentiment });
}

/** The catalogue a reader sees with this configuration: what will actually run. */
export function catalogueFor(config: UserConfig | undefined): readonly RuleDef[] {
  if (!config) return BUILTIN_RULES;
  const off = new Set(config.disable);
  const builtin = BUILTIN_RULES.filter((r) => !off.has(r.id)).map((r) => {
    const more = config.extend[r.id];
    // A copy: the built-in rule keeps its own patterns for every other run in this process.
    return more ? { ...r, patterns: [...r.patterns, ...more], extendedIn: config.file } : r;
  });
  return [...builtin, ...config.rules.filter((r) => !off.has(r.id))];
}

/** The rules every analysing command runs, the configuration they come from (if any), and a found file skipped. */
export function rulesInEffect(choice: ConfigChoice): { rules: RuleSet; config: UserConfig | undefined; skipped?: SkippedConfig; text?: string } {
  const { config, skipped, text } = resolveConfig(choice);
  return { rules: ruleSetFor(config) ?? builtinRuleSet(), config, ...(skipped && { skipped }), ...(text !== undefined && { text }) };
}

/**
 * The choice a worker is given: the file the main thread settled on, so it does not look again,
 * and a named file's text as read (`text`), so it is not read again either.
 */
export function settledChoice(choice: ConfigChoice, config: UserConfig | undefined, text?: string): ConfigChoice {
  const { cwd } = choice;
  if (!config) return { cwd, lookup: false };
  const found = choice.file === undefined;
  return { cwd, file: config.file, found, ...(!found && text !== undefined && { text }) };
}

/** A line for --verbose: which configuration file the run uses. */
export function describeConfig(cwd: string, config: UserConfig | undefined, skipped?: SkippedConfig): string {
  // One line whatever the folders' names hold (a line break, a control sequence).
  const line = (text: string) => forTerminal(text, { oneLine: true });
  if (config) return line(`config: ${config.file}`);
  if (skipped) return line(`config: none (${skipped.file} skipped: ${skipped.why})`);
  return line(`config: none (no ${CONFIG_FILES.join(', ')} in ${path.resolve(cwd)} or a folder above it)`);
}
