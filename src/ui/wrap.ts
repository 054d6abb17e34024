// Text that fits the terminal: words wrapped at a display width, continuation lines under
// their own column (a hanging indent). Only for a terminal; in a pipe nothing is wrapped.

import { graphemes, displayWidth as textWidth } from './width.js';
import { safeText } from './safe.js';

// Colour codes take no columns.
const SGR = /\x1b\[[0-9;]*m/g;
const displayWidth = (s: string) => textWidth(s.includes('\x1b') ? s.replace(SGR, '') : s);

/** What text may be cut between: colour codes, and the characters a reader sees. */
function* pieces(s: string): Generator<string> {
  const parts = s.split(/(\x1b\[[0-9;]*m)/);
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) yield parts[i];
    else yield* graphemes(parts[i]);
  }
}

/** The columns of the terminal that `out` writes to, or undefined when it is not a terminal. */
export function terminalWidth(out: { isTTY?: boolean; columns?: number }): number | undefined {
  if (!out.isTTY) return undefined;
  return out.columns && out.columns > 0 ? out.columns : 80;
}

/** Splits `text` into lines of at most `width` columns, at spaces where it can; a word longer than a line is cut. */
export function wrapWords(text: string, width: number): string[] {
  const room = Math.max(10, width);
  if (displayWidth(text) <= room) return [text];
  const lines: string[] = [];
  let line = '';
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
  };
  // After a space, but for one that a combining mark or a joiner goes with.
  for (const word of text.split(/(?<= )(?![\p{M}\u200c\u200d])/u)) {
    if (line && displayWidth(line + word.trimEnd()) > room) push();
    let rest = word;
    while (displayWidth(line + rest.trimEnd()) > room) {
      // A word longer than the line: cut it at the width, between the characters a reader sees.
      let head = '';
      for (const piece of pieces(rest)) {
        if (displayWidth(line + head + piece) > room) {
          // One wider than a whole line (emoji joined past any that is drawn as one) is cut
          // within, where its code points are: nothing else would ever fit.
          if (!line && !head) {
            for (const code of piece) {
              if (displayWidth(head + code) > room) break;
              head += code;
            }
          }
          break;
        }
        head += piece;
      }
      line += head;
      rest = rest.slice(head.length);
      push();
    }
    line += rest;
  }
  if (line.trim()) push();
  return lines;
}

/** `first` then `text` wrapped to the terminal, each continuation line indented to where `text` started. */
export function hangingIndent(first: string, firstWidth: number, text: string, width: number | undefined): string {
  if (width === undefined) return first + text;
  const lines = wrapWords(text, width - firstWidth);
  const pad = ' '.repeat(firstWidth);
  return [first + (lines[0] ?? ''), ...lines.slice(1).map((l) => pad + l)].join('\n');
}

/** Where a line's text starts for its continuation lines: after its indent and a bullet, arrow or label. */
const HANGING = /^(\s*(?:[•→] |Decided by: )?)/;

/** Text of several lines fitted to the terminal: each long line wraps under its own text. */
export function fitLines(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      const head = HANGING.exec(line.replace(SGR, ''))![1];
      // The prefix as written (with its colour codes) is kept on the first line.
      let cut = 0;
      for (let seen = 0; seen < head.length && cut < line.length; ) {
        const m = /^\x1b\[[0-9;]*m/.exec(line.slice(cut));
        if (m) cut += m[0].length;
        else {
          cut++;
          seen++;
        }
      }
      return hangingIndent(line.slice(0, cut), displayWidth(head), line.slice(cut), width);
    })
    .join('\n');
}

/**
 * Text written in lines, as a checklist's YAML block (`|` or `>`) keeps them and ends with a
 * line break: its lines, each made safe, the breaks at its end dropped. Made safe whole, each
 * break was shown as a ␊, and one ended every folded text.
 */
export function textLines(text: string): string[] {
  return text.replace(/\n+$/, '').split('\n').map(safeText);
}

/** The same text where it must stay on one line (a title, a question, an answer): its lines joined by a space. */
export function textLine(text: string): string {
  return textLines(text).join(' ');
}
