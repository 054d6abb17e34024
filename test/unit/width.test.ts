// The display width of text: the shortcut below the combining marks agrees with the general
// rule (zero for marks and format characters, else the East Asian width) at every code point.
import { describe, expect, it } from 'vitest';
import { eastAsianWidth } from 'get-east-asian-width';
import { displayWidth } from '../../src/ui/width.js';

const general = (s: string) => [...s].reduce((w, ch) => w + (/[\p{Mn}\p{Me}\p{Cf}]/u.test(ch) ? 0 : eastAsianWidth(ch.codePointAt(0)!)), 0);

describe('displayWidth', () => {
  it('agrees with the general rule for every character below the combining marks, and around them', () => {
    for (let c = 0; c < 0x500; c++) {
      const ch = String.fromCodePoint(c);
      expect(displayWidth(`é${ch}`), `U+${c.toString(16)}`).toBe(general(`é${ch}`));
    }
  });

  it('agrees with the general rule at every character of the Basic Multilingual Plane, the first time and from what it keeps', () => {
    for (const round of ['first', 'kept']) {
      for (let c = 0x300; c < 0x10000; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        const ch = String.fromCharCode(c);
        const got = displayWidth(`a${ch}b${ch}`);
        if (got !== general(`a${ch}b${ch}`)) expect(got, `${round}: U+${c.toString(16)}`).toBe(general(`a${ch}b${ch}`));
      }
    }
  });

  it('measures a surrogate pair as one character and a lone surrogate as itself', () => {
    for (const s of ['𠀀', 'x𠀀y', '🏽', '\ud83d', 'a\ude00b', '\ud83d\ud83d', '東\ud840', '𝐀\u0301']) expect(displayWidth(s), JSON.stringify(s)).toBe(general(s));
  });

  it('counts wide, combining and mixed text', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('Жёлтый')).toBe(6);
    expect(displayWidth('e\u0301\u00ad')).toBe(1);
    expect(displayWidth('東京 ok')).toBe(7);
    expect(displayWidth('👍🏽')).toBe(general('👍🏽'));
  });
});
