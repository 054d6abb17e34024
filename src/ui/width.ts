// Display width of text in a terminal: East Asian wide characters take two columns,
// combining marks and format characters none. (Lighter at start-up than a full grapheme
// segmenter, and right for the names and notes this tool shows.)

import { eastAsianWidth } from 'get-east-asian-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

export function displayWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  let width = 0;
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    // Below the combining marks every character is one column but the soft hyphen (a format character).
    if (code < 0x300) {
      if (code !== 0xad) width++;
      continue;
    }
    if (ZERO_WIDTH.test(ch)) continue;
    width += eastAsianWidth(ch.codePointAt(0)!);
  }
  return width;
}
