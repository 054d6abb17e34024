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

  it('counts wide, combining and mixed text', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('Жёлтый')).toBe(6);
    expect(displayWidth('e\u0301\u00ad')).toBe(1);
    expect(displayWidth('東京 ok')).toBe(7);
    expect(displayWidth('👍🏽')).toBe(general('👍🏽'));
  });
});
