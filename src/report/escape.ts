import { stripControl } from '../text/control.js';

/**
 * Escaping for the report page. Everything that came from a user (answers, ids, notes, story titles,
 * a user bank's criterion names) goes through `escapeHtml` before it is placed in the page, in text
 * and in attribute values alike (quotes are escaped too), so no answer can add markup, links or script.
 * Control characters and escape sequences are dropped first (HTML forbids most of them, and a report
 * piped to a terminal with `-o -` must not drive it).
 */
export function escapeHtml(text: string): string {
  return stripControl(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text for one Markdown table cell or inline run: no line breaks, and the characters Markdown or the
 * HTML it passes through would read as syntax are backslash-escaped, so an id such as `[x](javascript:)`
 * or `<img>` stays literal text.
 */
export function escapeMarkdownInline(text: string): string {
  return stripControl(text)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`);
}
