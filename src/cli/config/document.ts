// A configuration file's text → plain data, and a way back from a key path to its line, so that a
// mistake can be reported where the user will find it. JSON is read strictly with JSON.parse; YAML
// with the `yaml` package (YAML 1.2 core schema: `no` stays a string, no custom tags).
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import { failer, type KeyPath } from './error.js';

type YamlModule = typeof import('yaml');
let yaml: YamlModule | undefined;
/** Loaded on first use: a run without a YAML config (or without a mistake in a JSON one) never pays for it. */
const loadYaml = (): YamlModule => (yaml ??= createRequire(import.meta.url)('yaml') as YamlModule);

export interface ConfigDocument {
  value: unknown;
  /** The 1-based line of the key (or list item) at `at`, where it can be found. */
  lineOf(at: KeyPath): number | undefined;
}

/** JSON for a .json file; YAML for .yaml, .yml and any other name (YAML reads JSON too). */
export function isJsonFile(file: string): boolean {
  return /\.json$/i.test(file);
}

export function readDocument(text: string, file: string): ConfigDocument {
  const source = text.replace(/^\uFEFF/, '');
  return isJsonFile(file) ? readJson(source, file) : readYaml(source, file);
}

function readJson(text: string, file: string): ConfigDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // V8 quotes the text itself in some messages ('Unexpected token }, "{ ..." is not valid JSON'):
    // the reason is kept, the quote is not, and the line comes from the position when given.
    const message = (err as Error).message.replace(/, ".*" is not valid JSON$/s, '');
    const at = /at position (\d+)/.exec(message);
    const line = at ? lineAtOffset(text, Number(at[1])) : (yamlErrorLine(text) ?? trailingCommaLine(text));
    return failer(file, () => line)([], `not valid JSON (${message})`);
  }
  // Valid JSON is valid YAML: its lines are looked up with the YAML parser, only when a mistake needs one.
  let located: ConfigDocument | undefined;
  return { value, lineOf: (at) => (located ??= readYaml(text, file)).lineOf(at) };
}

function readYaml(text: string, file: string): ConfigDocument {
  const { LineCounter, parseDocument } = loadYaml();
  const lines: LineCounter = new LineCounter();
  // logLevel 'error': the parser never prints a warning itself (process.emitWarning goes to stderr
  // as it is, past the terminal guard, and quotes the file); what is wrong is reported as a mistake.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const error = doc.errors[0];
  if (error) {
    const line = lines.linePos(error.pos[0]).line;
    return failer(file, () => line)([], `not valid YAML (${error.message.split('\n')[0]})`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // Aliases that expand past the limit (a "billion laughs" file): named like any other mistake.
    return failer(file, () => undefined)([], `not valid YAML (${(err as Error).message})`);
  }
  return { value, lineOf: (at) => lineOfPath(doc, lines, at) };
}

/** Where the YAML parser (which reads JSON) trips over broken JSON: close to where JSON.parse did. */
function yamlErrorLine(text: string): number | undefined {
  const { LineCounter, parseDocument } = loadYaml();
  const lines = new LineCounter();
  const error = parseDocument(text, { lineCounter: lines, prettyErrors: false, logLevel: 'error' }).errors[0];
  return error ? lines.linePos(error.pos[0]).line : undefined;
}

/** The line of a key in a mapping (where "key:" is written) or of an item in a list. */
function lineOfPath(doc: Document, lines: LineCounter, at: KeyPath): number | undefined {
  const { isMap, isScalar, isSeq } = loadYaml();
  let node: unknown = doc.contents;
  let mark: Node | undefined = isNode(node) ? node : undefined;
  for (const part of at) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === part);
      if (!pair) break;
      mark = isNode(pair.key) ? pair.key : mark;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number' && node.items[part] !== undefined) {
      node = node.items[part];
      mark = isNode(node) ? node : mark;
    } else break;
  }
  return mark?.range ? lines.linePos(mark.range[0]).line : undefined;
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && 'range' in v;
}

/** The line of a comma before "]" or "}" outside strings: JSON forbids it, YAML (and so the check above) allows it. */
function trailingCommaLine(text: string): number | undefined {
  const end = /,\s*[\]}]|"(?:[^"\\]|\\.)*"/g;
  for (let m = end.exec(text); m; m = end.exec(text)) if (m[0][0] === ',') return lineAtOffset(text, m.index);
  return undefined;
}

function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
