// A shared file is read whole and kept whole as a source: it is bounded tighter than a data file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readVettedFile } from '../../src/sources/read-vetted.js';

const dir = mkdtempSync(join(tmpdir(), 'vetted-read-vetted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A shared file of `n` companies on the black list, an entry each (a map each, the least a list entry is). */
function listed(n: number): string {
  const file = join(dir, `listed-${n}.json`);
  writeFileSync(file, `{"format":"vetted/1","lists":[${Array.from({ length: n }, (_, k) => `{"company":"c${k}","list":"black"}`).join(',')}]}`);
  return file;
}

describe('a shared file', () => {
  it('of more than 750,000 maps and lists is refused before it is parsed (2.9 million, within a data file\'s limits, took 1.9 GB to add)', () => {
    expect(() => readVettedFile(listed(750_001), 'big.json')).toThrow(/^big\.json holds more than 750,000 maps and lists or 3,000,000 values, more than vetted reads at once/);
  });

  it('of fewer is read', () => {
    expect(readVettedFile(listed(1_000), 'small.json').companies).toHaveLength(1_000);
  });
});
