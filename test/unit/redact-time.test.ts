// Redaction runs over every text of a page or a shared file: a long word must not take time in
// the square of its length (each pattern that begins a word was tried at each of its letters).
import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/domain/redact.js';

describe('redactText on long words', () => {
  it('takes a long log of payments, a sum and a date to a line or all on one, without running out of stack', () => {
    const lines = '05.01.2026 300\n'.repeat(50_000);
    expect(redactText(lines)).toBe(lines);
    // On one line: twenty payments are each a sum and a date; fifty thousand are redacted whole, in one piece.
    const twenty = '300 05.01.2026 '.repeat(20);
    expect(redactText(twenty)).toBe(twenty);
    expect(redactText('300 05.01.2026 '.repeat(50_000))).toBe('[number] ');
  });

  it('takes a link with many closing brackets in time in proportion to it', () => {
    const time = (n: number) => {
      const t0 = performance.now();
      redactText('https://shop.example/a' + ')'.repeat(n));
      return performance.now() - t0;
    };
    time(3_000);
    const [small, large] = [Math.max(time(3_000), 1), time(30_000)];
    expect(large / small).toBeLessThan(25);
  });

  it('takes an address with a long run of characters of no width after its @ in time in proportion to it (it took 3.6 s at 10,000)', () => {
    const time = (n: number) => {
      const t0 = performance.now();
      for (const text of ['a@' + '\u200b'.repeat(n) + '1', 'a@' + '\u2060'.repeat(n) + '.', 'a\u200b@' + '\u00ad'.repeat(n) + 'b']) redactText(text);
      return performance.now() - t0;
    };
    time(2_000);
    const [small, large] = [Math.max(time(2_000), 1), time(20_000)];
    expect(large / small).toBeLessThan(40);
  });

  it('takes time in proportion to the text, not its square', () => {
    const time = (n: number) => {
      const texts = ['a'.repeat(n) + ' 1', 'a.'.repeat(n / 2) + ' 1', 'ab1.'.repeat(n / 4), 'x@'.repeat(n / 2), '1.'.repeat(n / 2), 'a:'.repeat(n / 2), ':'.repeat(n) + '1', 'f'.repeat(n) + '::1', '1:'.repeat(n / 2), 'g'.repeat(n) + ':1', 'g1:'.repeat(n / 3), '1 - '.repeat(n / 4), '\u200b1'.repeat(n / 2), '1/'.repeat(n / 2), '1 \n '.repeat(n / 4), '12/12/'.repeat(n / 6), '2026_01_'.repeat(n / 8), '05.01.2026 300\n'.repeat(n / 15), '300 05.01.2026 '.repeat(n / 15), '1 '.repeat(n / 2), '4/5 '.repeat(n / 4), 'https://a.md/'.repeat(n / 13), '(05.01.2026) '.repeat(n / 13), '0470/'.repeat(n / 5), '(05.01.2026)'.repeat(n / 12), '+1' + '-1'.repeat(n / 2) + '\n1', '+1 234\n'.repeat(n / 7), '(1 '.repeat(n / 3), '1500 05.01.2026 14:30 '.repeat(n / 22), '+1 234 567 8\n'.repeat(n / 13), 'a@' + '\u200b'.repeat(n) + '1', 'a@' + 'b\u200b.'.repeat(n / 3), '\u200b'.repeat(n) + '@x', 'a\u00ad@'.repeat(n / 3)];
      const t0 = performance.now();
      for (const s of texts) redactText(s);
      return performance.now() - t0;
    };
    time(50_000);
    // Ten times the text in well under a hundred times the time (the square made it 50 for 10).
    const [small, large] = [Math.max(time(50_000), 1), time(500_000)];
    expect(large / small).toBeLessThan(25);
  });
});
