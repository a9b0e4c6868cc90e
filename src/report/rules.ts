// The rule catalogue as a reader sees it: `etcscore rules` and docs/rules.md come from here.
import { Chalk } from 'chalk';
import { forTerminal } from './terminal.js';
import { dimensionOf } from '../model/types.js';
import { exampleText, type Example, type RuleDef } from '../rules/types.js';
import { DERIVED_FINDINGS, USER_PREFIX, messageIdOf, ruleUrl } from '../rules/ids.js';
import { CONDITIONS, DEFAULT_DROPPED } from '../rules/conditions.js';
import { EXTRACTORS } from '../rules/extractors.js';
import { definedWordLists } from '../nlp/phrase/pattern.js';
import { definedPhraseSets } from '../rules/rule-patterns.js';
import { SPAN_CLASSES, TOKEN_CLASSES } from '../nlp/phrase/classes.js';
import type { RuleConditions } from '../rules/rule-data.js';
import { conditionCatalogue, phraseSetEntry, readersOfPhraseSets, type ConditionEntry, type PhraseSetEntry } from './conditions.js';
import { escapeMarkdown, markdownCode } from './escape.js';

export const CATALOGUE_FORMATS = ['pretty', 'json', 'markdown'] as const;
export type CatalogueFormat = (typeof CATALOGUE_FORMATS)[number];

function catalogueJson(rules: readonly RuleDef[]): string {
  const plain = rules.map((r) => {
    const url = ruleUrl(r.id);
    return {
      id: r.id,
      messageId: messageIdOf(r),
      ...(url ? { url } : {}),
      ...(r.declaredIn ? { declaredIn: r.declaredIn } : {}),
      ...(r.extendedIn ? { extendedIn: r.extendedIn } : {}),
      category: r.category,
      dimension: dimensionOf(r.category),
      kind: r.kind,
      severity: r.severity,
      speaker: r.speaker,
      title: r.title,
      description: r.description,
      why: r.why,
      source: r.source,
      message: r.message,
      ...(r.suggestion ? { suggestion: r.suggestion } : {}),
      ...(r.suggestions ? { suggestions: r.suggestions } : {}),
      patterns: r.patterns,
      ...(r.patternsFrom ? { patternsFrom: r.patternsFrom } : {}),
      ...(r.unit ? { unit: r.unit } : {}),
      ...(r.extract ? { extract: r.extract } : {}),
      // A built-in rule (YAML) names its conditions; a user's rule without `conditions` shows the flags.
      conditions: r.conditions ?? conditionsOf(r),
      examples: r.examples,
    };
  });
  // Every condition and extractor with the phrases it hears: what can silence or enable a rule.
  return JSON.stringify({ rules: plain, ...conditionCatalogue(rules) }, null, 2) + '\n';
}

/**
 * What a rule reads besides its patterns, as an analyst tuning it needs to know: a match under a
 * negation, in a question or in reported speech is dropped unless the rule allows it; `check` says
 * the rule's code decides some matches (so a phrase added with `extend` is decided by it too).
 */
function conditionsOf(r: RuleDef) {
  return {
    allowNegated: r.allowNegated === true,
    allowQuestion: r.allowQuestion === true,
    allowQuoted: r.allowQuoted === true,
    ...(r.once ? { once: r.once } : {}),
    ...(r.suppressedBy?.length ? { suppressedBy: r.suppressedBy } : {}),
    ...(r.yieldsTo?.length ? { yieldsTo: r.yieldsTo } : {}),
    check: typeof r.check === 'function',
  };
}

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** An example as one line: the turns before it, then the words the rule reads (in bold). */
function exampleLine(e: Example, speaker: string, text: (s: string) => string): string {
  if (typeof e === 'string') return text(e);
  return [...e.context.map((t) => `${capital(t.role)}: ${text(t.text)}`), `**${capital(speaker)}: ${text(e.text)}**`].join(' / ');
}

/** `a`, `b` and `c`. */
function list(names: readonly string[], and = 'and'): string {
  const code = names.map((n) => `\`${n}\``);
  return code.length < 2 ? code.join('') : `${code.slice(0, -1).join(', ')} ${and} ${code[code.length - 1]}`;
}

/** A rule's conditions as a list a reader can follow: what it keeps, drops and gives way to. */
function conditionLines(c: RuleConditions): string[] {
  const allowed = new Set<string>(c.allow ?? []);
  const dropped = DEFAULT_DROPPED.filter((n) => !allowed.has(n) && !(c.when ?? []).includes(n));
  const lines = [
    ...(c.allow ?? []).map((n) => `- keeps \`${n}\` matches, which rules drop by default: ${CONDITIONS[n].description}`),
    ...(dropped.length ? [`- drops ${list(dropped)} matches (the default)`] : []),
    ...(c.when ?? []).map((n) => `- only when \`${n}\`: ${CONDITIONS[n].description}`),
    ...(c.unless ?? []).map((n) => `- not when \`${n}\`: ${CONDITIONS[n].description}`),
    ...(c.once ? [`- at most one finding per ${c.once}`] : []),
    ...(c.suppressedBy?.length ? [`- gives way to a finding of ${list(c.suppressedBy, 'or')} in the same turn`] : []),
    ...(c.yieldsTo?.length ? [`- gives way to a finding of ${list(c.yieldsTo, 'or')} that shares its words`] : []),
  ];
  return ['*Conditions:*', '', ...lines, ''];
}

/** The anchor a Markdown renderer gives a rule's heading: the id less what is not a letter, digit or hyphen ("user/x" → "userx"). */
const anchor = (id: string) => id.replace(/[^a-z0-9-]/g, '');

/** `file:line` of a phrase set, as code. */
const placeOf = (set: PhraseSetEntry) => (set.declaredIn ? `\`${set.declaredIn}:${set.line}\`` : 'built in');

const USES = { allow: 'such matches are kept by', when: 'needed by', unless: 'silences', extract: 'gives the findings of' } as const;

/** A condition or extractor: what it tests, the rules that name it, and the phrase sets it hears. */
function entryMarkdown(c: ConditionEntry, rulePatterns: readonly string[] = []): string[] {
  const lines = [`### ${c.name}`, '', `${capital(c.description)}.`, ''];
  for (const [as, verb] of Object.entries(USES)) {
    const rules = c.usedBy.filter((u) => u.as === as).map((u) => u.rule);
    if (rules.length) lines.push(`- ${capital(verb)} ${list(rules)}.`);
  }
  if (c.phraseSets.length) lines.push(`- Hears the phrase sets ${c.phraseSets.map((s) => `\`${s.name}\` (${placeOf(s)})`).join(', ')}.`);
  else lines.push('- Hears no phrase set: it reads punctuation, word forms or other turns.');
  if (rulePatterns.length) lines.push(`- Reads the patterns of ${list(rulePatterns)} too.`);
  return [...lines, ''];
}

/** The conditions and extractors with every phrase they hear (the sets' patterns are in the next section). */
function conditionsMarkdown(rules: readonly RuleDef[]): string[] {
  const { conditions, extractors } = conditionCatalogue(rules);
  return [
    '## Conditions',
    '',
    'What a pattern cannot say, written once in `src/rules/conditions.ts` and named by a rule\u2019s `when` and `unless` (a user\u2019s rules may name them too). A condition hears the phrase sets listed under it: a phrase added to one of them can make the condition hold, and so silence (`unless`) or enable (`when`) every rule that names it. `etcscore rules --format json` lists the same, with each set\u2019s patterns.',
    '',
    ...conditions.flatMap((c) => entryMarkdown(c)),
    '## Extractors',
    '',
    'What a rule\u2019s findings carry beyond the words (`extract:` in its data), written in `src/rules/extractors.ts`; an extractor may also reject a match, so the phrases it hears can silence the rule too.',
    '',
    ...extractors.flatMap((e) => entryMarkdown(e, e.rulePatterns)),
  ];
}

function catalogueMarkdown(rules: readonly RuleDef[]): string {
  const lines = [
    '# Rule catalogue',
    '',
    'Generated from the rule definitions by `npm run docs` (`etcscore rules --format markdown`); do not edit by hand.',
    '',
    '| rule | dimension | category | kind | severity | speaker |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rules.map((r) => `| [${r.id}](#${anchor(r.id)}) | ${dimensionOf(r.category)} | ${r.category} | ${r.kind} | ${r.severity} | ${r.speaker} |`),
    '',
  ];
  for (const r of rules) {
    // A user's rule (from their configuration) is text, never markup; the built-in ones are ours.
    const user = r.id.startsWith(USER_PREFIX);
    const text = user ? escapeMarkdown : (s: string) => s;
    lines.push(`## ${r.id}`, '', `**${text(r.title)}** — ${dimensionOf(r.category)} / ${r.category}, ${r.kind} (${r.severity}), read in ${r.speaker} turns.`, '');
    lines.push(text(r.description), '', `*Why it matters:* ${text(r.why)}`, '', `*Source:* ${text(r.source)}`, '');
    if (r.suggestions && r.suggestions.length > 1) lines.push('*Better:*', '', ...r.suggestions.map((x) => `- “${text(x)}”`), '');
    else if (r.suggestion) lines.push(`*Better:* “${text(r.suggestion)}”`, '');
    if (r.conditions) lines.push(...conditionLines(r.conditions));
    if (r.extract) lines.push(`*Extracts:* \`${r.extract}\`: ${EXTRACTORS[r.extract as keyof typeof EXTRACTORS]?.description ?? ''}`, '');
    const n = Math.max(r.examples.match.length, r.examples.noMatch.length);
    if (n > 0) lines.push('| found in | not found in |', '| --- | --- |');
    const cell = (e: Example | undefined) => (e === undefined ? '' : user ? exampleLine(e, r.speaker, escapeMarkdown) : escapeCell(exampleLine(e, r.speaker, text)));
    for (let i = 0; i < n; i++) lines.push(`| ${cell(r.examples.match[i])} | ${cell(r.examples.noMatch[i])} |`);
    const from = r.patternsFrom ? [`The patterns of [${r.patternsFrom}](#${r.patternsFrom}), written there once.`, ''] : [];
    if (r.unit === 'clause') lines.push('', 'Reads every clause of the speaker\u2019s sentences whole, with no patterns: what the clause does decides.', '');
    else lines.push('', '<details><summary>Patterns</summary>', '', ...from, ...r.patterns.map((p) => `- ${markdownCode(p)}`), '', '</details>', '');
  }
  const lists = definedWordLists();
  if (lists.size > 0) {
    lines.push('## Word lists', '', 'A pattern names a list in braces (`{feeling}`) and reads it as any one of its entries. The lists are declared in `src/rules/data/lists/` and, for the sentiment phrases, `src/nlp/lexicon/data/lists.yaml`; a user\u2019s pattern may name them too.', '');
    for (const [name, entries] of lists) lines.push(`- \`{${name}}\`: ${entries.join(', ')}`);
    lines.push('');
  }
  lines.push(...conditionsMarkdown(rules));
  const sets = definedPhraseSets();
  if (sets.size > 0) {
    const readers = readersOfPhraseSets();
    lines.push('## Phrase sets', '', 'The words the conditions\u2019 code looks for around a match (\u201ca reason follows\u201d, \u201canother way is left open\u201d), written as token patterns in `src/rules/data/phrases/`, where a comment above each set says where its condition looks. Add a phrase to a set and every condition that reads the set hears it.', '');
    for (const name of sets.keys()) {
      const set = phraseSetEntry(name);
      const read = readers.get(name) ?? [];
      lines.push(`- \`${name}\` (${placeOf(set)}${read.length ? `; read by ${list(read)}` : ''}): ${set.patterns.map((p) => markdownCode(p)).join(', ')}`);
    }
    lines.push('');
  }
  lines.push('## Classes', '', 'Besides `{number}`, `{time}`, `{emoji}` and `{word}` (a token of that kind), a pattern may name a class, written once in `src/nlp/phrase/classes.ts`:', '');
  for (const [name, c] of [...Object.entries(TOKEN_CLASSES), ...Object.entries(SPAN_CLASSES)]) lines.push(`- \`{${name}}\`: ${c.describe}`);
  lines.push('', 'The customer-service phrases that sentiment scores as a whole are written in the same language, in `src/nlp/lexicon/data/phrases.yaml`.', '');
  // Findings that settle promises across contacts have ids (and docs links) but no phrases.
  lines.push('## Findings across contacts', '', 'Made when a batch links conversations of one case or customer, not by phrases; each is found in the later conversation.', '');
  for (const d of DERIVED_FINDINGS) lines.push(`### ${d.id}`, '', `**${d.title}** — ${d.description}`, '');
  return lines.join('\n');
}

function cataloguePretty(rules: readonly RuleDef[], color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  const idWidth = Math.max(26, ...rules.map((r) => r.id.length + 1));
  for (const dim of ['emotion', 'trust', 'control'] as const) {
    out.push(c.bold.underline(dim.toUpperCase()));
    for (const r of rules.filter((x) => dimensionOf(x.category) === dim)) {
      const mark = r.kind === 'risk' ? c.red('risk    ') : r.kind === 'signal' ? c.cyan('signal  ') : c.green('strength');
      // A user's rule's text is shown by its codes before our colours are added.
      const line = (text: string) => forTerminal(text, { oneLine: true });
      out.push(`  ${c.bold(line(r.id).padEnd(idWidth))} ${mark} ${line(r.category).padEnd(20)} ${c.dim(line(r.speaker))}`);
      out.push(`      ${line(r.description)}`);
      const example = r.examples.match[0];
      if (example !== undefined) out.push(c.dim(`      e.g. "${line(exampleText(example))}"`));
    }
    out.push('');
  }
  // The conditions, one line each: the phrase sets that can make each hold.
  const { conditions } = conditionCatalogue(rules);
  const width = Math.max(...conditions.map((x) => x.name.length)) + 1;
  out.push(c.bold.underline('CONDITIONS') + c.dim('  the phrase sets each hears (src/rules/data/phrases/)'));
  for (const x of conditions) out.push(`  ${c.bold(x.name.padEnd(width))} ${x.phraseSets.length ? x.phraseSets.map((s) => s.name).join(', ') : c.dim('(none: punctuation, word forms, other turns)')}`);
  out.push('');
  out.push(`${rules.length} rules, ${conditions.length} conditions. \`etcscore rules --format markdown\` for the full catalogue with reasons and examples, \`--format json\` for every phrase with its file and line.`);
  return out.join('\n') + '\n';
}

export function renderCatalogue(rules: readonly RuleDef[], format: CatalogueFormat, color = false): string {
  if (format === 'json') return catalogueJson(rules);
  // Read by people, as the table is: a user's rule text with control characters shown by their code.
  if (format === 'markdown') return forTerminal(catalogueMarkdown(rules));
  // Read on a terminal or through a pipe into one: a user's rule text made safe for it, as a whole.
  return forTerminal(cataloguePretty(rules, color), { colour: color });
}
