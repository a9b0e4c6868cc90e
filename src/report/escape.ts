// Transcript text is untrusted: everything a report quotes goes through one of these.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe as HTML text and inside a quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => HTML[ch]!);
}

/**
 * Safe as inline Markdown text: the characters that make emphasis, code, links and table cells
 * are backslash-escaped, and <, >, & become entities, because Markdown renderers pass raw HTML
 * through. Line breaks become spaces, so quoted text never starts a line (no heading, list or
 * table row of its own) and characters that only matter at a line's start stay as they are.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>]/g, (ch) => HTML[ch]!)
    .replace(/[\\`*_{}[\]|~]/g, '\\$&');
}

/** Safe to print on a terminal: see terminal.ts. */
export { forTerminal as terminalSafe } from './terminal.js';
