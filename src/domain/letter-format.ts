// Turning a letter template and its values into markdown or plain text. Pure.

import { LINE_MARKERS, parseTemplate, renderTemplate, type TemplateNode, type TemplateScope } from './template.js';

export type LetterFormat = 'md' | 'txt';

// Controls other than the line break, DEL, C1 controls and bidi overrides: shown, not obeyed.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/gu;

function visible(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (ch === '\t') return ' ';
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** A value as plain text: line breaks kept, every other control made visible. */
export function plainValue(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(UNSAFE, visible);
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
