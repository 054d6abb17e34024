// Turning a letter template and its values into markdown or plain text. Pure.

import { safeText } from './shown-text.js';
import { LINE_MARKERS, parseTemplate, renderTemplate, type TemplateNode, type TemplateScope } from './template.js';

export type LetterFormat = 'md' | 'txt';

/**
 * A value as plain text: its line breaks kept, and each of its lines shown as every other output
 * shows user text (safeText): controls, bidi overrides and the characters that show nothing (a
 * zero-width space, the byte order mark, a line separator, tag letters) as visible codes. With
 * a narrower set of their own, letters showed "Ac\u200bme" as Acme, and enclosed "zw\u200bsp.txt"
 * as zwsp.txt, a name no file had: `attachment list` shows it as zw<U+200B>sp.txt.
 */
export function plainValue(s: string): string {
  return s.replace(/\r\n?/g, '\n').split('\n').map(safeText).join('\n');
}

/** Block syntax that a line starting with it would open: headings, list items, setext rules. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^ {4,}/, '   ')
    .replace(/^(\s*)(#{1,6}|[-+*])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    // A setext underline, a rule of dashes however spaced (`-- -`), or a table's delimiter row
    // (`:-:`; a pipe in the text before it makes that a table).
    .replace(/^(\s*)([-=:])(?=[-=:\s]*$)/, '$1\\$2');
}

/**
 * A value as markdown that a renderer shows literally: inline syntax (emphasis, code, links,
 * images, HTML, entities, table pipes) is backslash-escaped everywhere, and block syntax
 * (headings, lists, quotes, rules) at the start of each line. Its lines stay in the paragraph,
 * list item or heading the template put it in: line breaks become hard breaks, and blank lines,
 * which would end that paragraph or list item, are left out; in a heading or a table row
 * (`line` is the line so far), which are one line, the lines are joined by spaces.
 */
export function markdownValue(s: string, atLineStart = false, line = ''): string {
  const lines = plainValue(s)
    .replace(/[\\`*_[\]<>|~!{}]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .split('\n')
    .filter((l) => l.trim() !== '');
  // A value that starts a line loses its leading blanks: with the template's own indentation
  // before them, four would open a code block.
  const escaped = lines.map((l, i) => (i > 0 ? escapeLineStart(l) : atLineStart ? escapeLineStart(l.trimStart()) : l));
  // A heading, and a table's row, are one line.
  if (!ONE_LINE.test(line)) {
    // A line of digits alone would start an ordered list with the template's text after it
    // ("1" and ". I have kept…"): it stays on the line before.
    return escaped.map((l, i) => (i === 0 ? l : `${/^\s*\d{1,9}\s*$/.test(l) ? ' ' : '  \n'}${l}`)).join('');
  }
  // A closing run of #s, where the value ends a heading, would be taken off it.
  return escaped
    .map((l, i) => (i > 0 ? l.trim() : l))
    .join(' ')
    .replace(/(^|\s)(#+)(\s*)$/, '$1\\$2$3');
}

/** A line so far that is a heading's (after any list or quote markers, however indented), or a table row's. */
const ONE_LINE = new RegExp(String.raw`^${LINE_MARKERS}[ \t]*(?:#{1,6}[ \t]|\|)`);

/** The template's own markup made plain for a text letter: headings lose their marks, hard
 * line breaks their trailing spaces. Applied to the template only, never to values. */
export function plainTemplate(src: string): string {
  return src
    .split('\n')
    .map((l) => l.replace(/^#{1,6} +/, '').replace(/[ \t]+$/, ''))
    .join('\n');
}

/**
 * A template parsed for a letter. Its line breaks are read as a value's are: a template saved
 * on Windows (CRLF) gave a letter of CRLF lines but for its last, its blank lines never
 * collapsed; every letter is written with \n alone, whatever its template's line ends.
 */
export function parseLetterTemplate(src: string, format: LetterFormat): ReturnType<typeof parseTemplate> {
  const text = src.replace(/\r\n?/g, '\n');
  return parseTemplate(format === 'txt' ? plainTemplate(text) : text);
}

export function renderLetter(nodes: TemplateNode[], scope: TemplateScope, format: LetterFormat): string {
  const text = renderTemplate(nodes, scope, format === 'md' ? markdownValue : (v) => plainValue(v));
  // At most one blank line in a row, and one line break at the end.
  return `${text.replace(/\n{3,}/g, '\n\n').replace(/\s+$/, '')}\n`;
}
