// Transcript text is untrusted: everything a report quotes goes through one of these.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe as HTML text and inside a quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => HTML[ch]!);
}

/**
 * Safe as inline Markdown text: Markdown punctuation is backslash-escaped and <, >, & become
 * entities, because Markdown renderers pass raw HTML through. Line breaks become spaces so a
 * quoted turn cannot start a heading, list or table row of its own.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>]/g, (ch) => HTML[ch]!)
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&');
}
