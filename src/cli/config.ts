// A user's configuration: their own phrase rules, more phrases for built-in rules, phrases to
// ignore and rules switched off, from --config FILE or the first .etcscorerc.yaml|yml|json found
// from the working directory upward. Every command that analyses gets its rules from
// `rulesInEffect`, so `score` and `coach` can never disagree about what a conversation contains.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_RULES, RuleSet, builtinRuleSet, type RuleDef } from '../rules/index.js';
import { readDocument } from './config/document.js';
import { ConfigError, failer } from './config/error.js';
import { CONFIG_FILES, displayPath, findConfigFile } from './config/find.js';
import { validateConfig, type UserConfig } from './config/validate.js';

export { ConfigError } from './config/error.js';
export { CONFIG_FILES, findConfigFile } from './config/find.js';
export { RULE_KEYS, TOP_KEYS, type UserConfig } from './config/validate.js';
export { USER_PREFIX } from '../rules/index.js';

/**
 * Where the configuration comes from: `file` (--config, relative to `cwd`) when given, else the
 * first file found from `cwd` upward; `lookup: false` says there is none, without looking again
 * (how a worker is told what the main thread found).
 */
export interface ConfigChoice {
  cwd: string;
  file?: string;
  lookup?: boolean;
}

/** The configuration in effect, or undefined when there is none. A named file must exist. */
export function loadConfig(cwd: string, explicit?: string, lookup = true): UserConfig | undefined {
  let file = explicit;
  if (file === undefined) {
    const found = lookup ? findConfigFile(cwd) : undefined;
    if (!found) return undefined;
    file = displayPath(cwd, found);
  }
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`${file}: cannot read: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message}`);
  }
  return parseConfig(text, file);
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

/** The rules every analysing command runs, and the configuration they come from (if any). */
export function rulesInEffect(choice: ConfigChoice): { rules: RuleSet; config: UserConfig | undefined } {
  const config = loadConfig(choice.cwd, choice.file, choice.lookup !== false);
  return { rules: ruleSetFor(config) ?? builtinRuleSet(), config };
}

/** The choice a worker is given: the file the main thread settled on, so it does not look again. */
export function settledChoice(cwd: string, config: UserConfig | undefined): ConfigChoice {
  return config ? { cwd, file: config.file } : { cwd, lookup: false };
}

/** A line for --verbose: which configuration file the run uses. */
export function describeConfig(cwd: string, config: UserConfig | undefined): string {
  if (config) return `config: ${config.file}`;
  return `config: none (no ${CONFIG_FILES.join(', ')} in ${path.resolve(cwd)} or a folder above it)`;
}
