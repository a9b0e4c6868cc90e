// Transcript text is untrusted: everything a report quotes goes through one of these.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Safe as HTML text and inside a quoted attribute. Takes any value, because a results file read
 * back can hold a string where a number belongs (a `turn` of "<form>"): it becomes text first.
 */
export function escapeHtml(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (ch) => HTML[ch]!);
}

/**
 * Safe as inline Markdown text: the characters that make emphasis, code, links and table cells
 * are backslash-escaped, and <, >, & become entities, because Markdown renderers pass raw HTML
 * through. Line breaks become spaces, so quoted text never starts a line of its own; in case the
 * caller puts it first on a line, leading blanks become one (never indented code) and a marker that
 * would open a block (heading, quote, list item) is escaped; both render as they would mid-line.
 * `://`, `www.` and `@` are broken up so that GitHub-style renderers do not turn a quoted address
 * into a live link.
 */
export function escapeMarkdown(s: unknown): string {
  return String(s)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>]/g, (ch) => HTML[ch]!)
    .replace(/[\\`*_{}[\]|~@]/g, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/^\s+/, ' ')
    .replace(/^( ?)([#>+=-])/, '$1\\$2')
    .replace(/^( ?\d+)([.)])/, '$1\\$2');
}

/** Inline code in Markdown for any text: one line, and no backtick to close the span early. */
export function markdownCode(s: unknown): string {
  return '`' + String(s).replace(/[\r\n]+/g, ' ').replace(/`/g, "'") + '`';
}

/** Safe to print on a terminal: see terminal.ts. */
export { forTerminal as terminalSafe } from './terminal.js';
