// The characters of user text that are shown as codes, never obeyed nor left unseen: one set
// for every output, a terminal's, an export's and a letter's. Pure.

// C0 controls, DEL, C1 controls (including the 8-bit CSI \x9b), the bidi controls that
// can reorder what a reader sees (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM),
// the line and paragraph separators (a line break to some terminals and editors, and to JavaScript),
// and the characters that show nothing at all where they stand (a soft hyphen, the zero-width
// space, the word joiner and invisible operators, the byte order mark, the Mongolian vowel
// separator, the Hangul fillers): "Ac\u200bme" beside "Acme" on a list looked like one company
// twice; so are the other format characters that show nothing and no script needs (the
// deprecated shaping controls U+206A–206F, the interlinear annotation marks U+FFF9–FFFB, which
// can hold text no one sees, the shorthand and musical format controls). The joiners that
// scripts and emoji need (ZWJ, ZWNJ) and variation selectors stay. The tag characters
// (U+E0000–U+E007F), invisible letters that spell any ASCII text unseen, are shown as codes
// too, but for those of an emoji tag sequence: a black flag, tag letters and a cancel tag,
// which a terminal draws as one flag (England's: U+1F3F4, then "gbeng" in tags, U+E007F).
// The markdown and CSV exports, the calendar and letters show user text through safeText too, so
// there as well.
const SHOWN = '\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u200b\\u200e\\u200f\\u061c\\u202a-\\u202e\\u2028\\u2029\\u2060-\\u2064\\u2066-\\u2069\\u206a-\\u206f\\ufeff\\ufff9-\\ufffb\\u{1bca0}-\\u{1bca3}\\u{1d173}-\\u{1d17a}\\u180e\\u115f\\u1160\\u3164\\uffa0';
export const UNSAFE = new RegExp(`[${SHOWN}]|${looseTags()}`, 'gu');
/** Whether a text may hold any of them: one class, read quickly over text that has none (most). */
const MAYBE_UNSAFE = new RegExp(`[${SHOWN}\\u{E0000}-\\u{E007F}]`, 'u');

/**
 * The tag characters that are no part of an emoji tag sequence: the language tag, the
 * unassigned ones and those no subdivision's code is spelled with, and a tag letter or a cancel
 * tag not in a run of 3 to 6 small letters and digits (a subdivision's code: `gbeng`) that
 * follows a black flag and ends with the cancel tag. Each is told by looking at most 7
 * characters either way: a long run of tags is read in a time that grows as its length does,
 * not as its square; and no more than six letters can hide behind a flag.
 */
function looseTags(): string {
  const letter = '[\\u{E0030}-\\u{E0039}\\u{E0061}-\\u{E007A}]';
  const flag = '\\u{1F3F4}';
  const cancel = '\\u{E007F}';
  return [
    '[\\u{E0000}-\\u{E002F}\\u{E003A}-\\u{E0060}\\u{E007B}-\\u{E007E}]',
    `${letter}(?<!${flag}(?=${letter}{3,6}${cancel})${letter}{1,6})`,
    `${cancel}(?<!${flag}${letter}{3,6}${cancel})`,
  ].join('|');
}

function visible(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (ch === '\t') return ' ';
  if (code < 0x20) return String.fromCodePoint(0x2400 + code); // ␀ … ␟ (␛ for ESC)
  if (code === 0x7f) return '\u2421'; // ␡
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** User text made safe for a terminal: one line, every control shown as a visible symbol. */
export function safeText(s: string): string {
  return MAYBE_UNSAFE.test(s) ? s.replace(UNSAFE, visible) : s;
}
