// redactText gives back as it is, without searching it, a text that has nothing it could redact
// (mayBeRedacted): it must never pass over one that the full search would change.
import { describe, expect, it } from 'vitest';
import { mayBeRedacted, redactFully, redactText } from '../../src/domain/redact.js';

/** A small generator of its own, so that a failure is found again from its seed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Digits of several scripts (one of two code units), the separators numbers are written with,
// what links, addresses and IPs are made of, and words that say what a number is.
const PIECES = [
  ...'0123456789', '５', '٣', '𝟓', ' ', ' ', '.', '.', '-', '–', '(', ')', '/', '+', ':', '\n', '\r\n', '\t', '\u200b', '\u00a0',
  '@', 'a', 'Z', 'ж', 'RO', 'tel. ', 'тел ', 'phone ', 'version ', 'www.', 'https://', '.ru/', '.md?', 'ab', 'fe80', '::', 'руб', ' lei', 'IP ',
];

function randomText(next: () => number): string {
  let text = '';
  const n = 1 + Math.floor(next() * 14);
  for (let k = 0; k < n; k++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe('redactText passing over a text', () => {
  it.each([
    // Each of these is changed by the full search, and must be searched.
    ['1.1.1.1', '[ip]'],
    ['тел. 23-45-67', 'тел. [phone]'],
    ['tel 12345', 'tel [phone]'],
    ['1234567', '[number]'],
    ['+1 234\n   567 89', '[phone]'],
    ['fe80::1', '[ip]'],
    ['a@b.cd', '[email]'],
    ['https://x.ru/?id=1', '[link]'],
    ['тел. 21.12.45', 'тел. [phone]'],
    ['𝟓𝟓𝟓-𝟓𝟓𝟓𝟓', '[number]'],
  ])('searches %j', (text, redacted) => {
    expect(mayBeRedacted(text)).toBe(true);
    expect(redactText(text)).toBe(redacted);
  });

  it.each(['Acme Airlines 2316', 'refund in 3 days', '1500 руб', '2021-12-27T11:14', 'order 123', '10:30', 'v1.2.3', 'room 12, floor 3'])('passes over %j, which the full search keeps', (text) => {
    expect(mayBeRedacted(text)).toBe(false);
    expect(redactFully(text)).toBe(text);
  });

  it('gives every text what the full search gives it (200,000 random texts of digits, separators and the rest)', () => {
    const next = seeded(20261207);
    let passedOver = 0;
    for (let k = 0; k < 200_000; k++) {
      const text = randomText(next);
      if (mayBeRedacted(text)) continue;
      passedOver++;
      const full = redactFully(text);
      if (full !== text) expect({ text, full }).toEqual({ text, full: text });
    }
    // Enough of them passed over for the comparison to mean something.
    expect(passedOver).toBeGreaterThan(20_000);
  });
});
