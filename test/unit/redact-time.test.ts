// Redaction runs over every text of a page or a shared file: a long word must not take time in
// the square of its length (each pattern that begins a word was tried at each of its letters).
import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/domain/redact.js';

describe('redactText on long words', () => {
  it('takes time in proportion to the text, not its square', () => {
    const time = (n: number) => {
      const texts = ['a'.repeat(n) + ' 1', 'a.'.repeat(n / 2) + ' 1', 'ab1.'.repeat(n / 4), 'x@'.repeat(n / 2), '1.'.repeat(n / 2), 'a:'.repeat(n / 2), ':'.repeat(n) + '1', 'f'.repeat(n) + '::1', '1:'.repeat(n / 2), 'g'.repeat(n) + ':1', 'g1:'.repeat(n / 3), '1 - '.repeat(n / 4), '\u200b1'.repeat(n / 2), '1/'.repeat(n / 2), '1 \n '.repeat(n / 4), '12/12/'.repeat(n / 6), '2026_01_'.repeat(n / 8)];
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
