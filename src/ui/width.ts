// Display width of text in a terminal: East Asian wide characters take two columns,
// combining marks and format characters none. (Lighter at start-up than a full grapheme
// segmenter, and right for the names and notes this tool shows.)

import { eastAsianWidth } from 'get-east-asian-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** One character's width by the general rule: none for marks and format characters, else its East Asian width. */
function charWidth(ch: string, codePoint: number): number {
  return ZERO_WIDTH.test(ch) ? 0 : eastAsianWidth(codePoint);
}

/**
 * Each character of the Basic Multilingual Plane's width plus one, once worked out (0: not yet):
 * a table of 14,000 rows in Cyrillic or CJK tested every character of every name against the
 * Unicode classes, a quarter of the table's time.
 */
let known: Uint8Array | undefined;

export function displayWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  known ??= new Uint8Array(0x10000);
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    // Below the combining marks every character is one column but the soft hyphen (a format character).
    if (code < 0x300) {
      if (code !== 0xad) width++;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      // A surrogate pair is one character; a lone surrogate is measured as itself.
      const codePoint = s.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
      width += charWidth(String.fromCodePoint(codePoint), codePoint);
      continue;
    }
    let w = known[code];
    if (w === 0) known[code] = w = charWidth(String.fromCharCode(code), code) + 1;
    width += w - 1;
  }
  return width;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * The characters of `s` as a reader sees them (grapheme clusters: a letter and its accents, an
 * emoji of several joined by U+200D, a flag), where text may be cut: a line wrapped between the
 * code points of one ended with a joiner, and the next began with the rest of the emoji. The
 * segmenter is made the first time text is cut, not at start-up.
 */
export function* graphemes(s: string): Generator<string> {
  if (PRINTABLE_ASCII.test(s)) {
    yield* s;
    return;
  }
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(s)) yield segment;
}
