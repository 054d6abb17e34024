// redactText gives back as it is, without searching it, a text that has nothing it could redact
// (mayBeRedacted): it must never pass over one that the full search would change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayBeRedacted, redactFully, redactText } from '../../src/domain/redact.js';

// Digits of several scripts (one of two code units), the separators numbers are written with,
// what links, addresses and IPs are made of, and words that say what a number is.
const PIECES = [
  ...'0123456789', '５', '٣', '𝟓', ' ', ' ', '.', '.', '-', '–', '(', ')', '/', '+', ':', '\n', '\r\n', '\t', '\u200b', '\u00a0',
  '@', 'a', 'Z', 'ж', 'RO', 'tel. ', 'тел ', 'phone ', 'version ', 'www.', 'https://', '.ru/', '.md?', 'ab', 'fe80', '::', 'руб', ' lei', 'IP ',
];

/** A text of one to fourteen of the pieces. */
const textArb = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 }).map((pieces) => pieces.join(''));

/** Runs texts of `arb`, each one passed over held to what the full search gives it (itself); how many were passed over. */
function passedOverAsTheFullSearch(arb: fc.Arbitrary<string>, numRuns: number): number {
  let passedOver = 0;
  fc.assert(
    fc.property(arb, (text) => {
      if (mayBeRedacted(text)) return true;
      passedOver++;
      return redactFully(text) === text;
    }),
    { numRuns },
  );
  return passedOver;
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
    // The widest gap between two digits of one number: a plus, two separators, a line break and four spaces.
    ['+123 -\r\n    4567', '[phone]'],
    // An IBAN of letters but for four digits, two of them after the country.
    ['GB12 ABCD EFGH IJKL', '[number]'],
  ])('searches %j', (text, redacted) => {
    expect(mayBeRedacted(text)).toBe(true);
    expect(redactText(text)).toBe(redacted);
  });

  it.each(['Acme Airlines 2316', 'refund in 3 days', '1500 руб', '2021-12-27T11:14', 'order 123', '10:30', 'v1.2.3', 'room 12, floor 3'])('passes over %j, which the full search keeps', (text) => {
    expect(mayBeRedacted(text)).toBe(false);
    expect(redactFully(text)).toBe(text);
  });

  it('gives every text what the full search gives it (100,000 random texts of digits, separators and the rest)', () => {
    // Enough of them passed over for the comparison to mean something.
    expect(passedOverAsTheFullSearch(textArb, 100_000)).toBeGreaterThan(10_000);
  });

  it('gives a run of digits split by many separators what the full search gives it (the widest gap a run is counted over)', () => {
    // Runs of at most four digits (three beside a dot), a plus or a bracket before them, far
    // apart by separators, line breaks and spaces: where the count of a run begins anew.
    const digit = fc.constantFrom('1', '5', '０', '５', '٣', '𝟓');
    const gap = fc.array(fc.constantFrom(' ', '\t', '\n', '\r\n', '\u200b', '\u00a0', '-', '–', '/', '(', ')', '.', '·', '~', '_'), { minLength: 1, maxLength: 14 }).map((g) => g.join(''));
    const cluster = fc.array(digit, { minLength: 1, maxLength: 3 }).map((d) => d.join(''));
    const gappedArb = fc
      .tuple(fc.constantFrom('', '+', '(', 'tel ', 'тел. ', '+7 '), fc.array(fc.tuple(cluster, gap), { minLength: 1, maxLength: 4 }), cluster)
      .map(([head, parts, last]) => head + parts.map(([c, g]) => c + g).join('') + last);
    expect(passedOverAsTheFullSearch(gappedArb, 50_000)).toBeGreaterThan(5_000);
  });
});
