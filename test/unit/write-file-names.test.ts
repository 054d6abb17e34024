// A file is written beside its name first, under a temporary name made from it: a name near the
// 255 bytes a file system allows must not make that temporary name too long to create.
import { closeSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempBeside, tempWriterOf, writeOutputFile } from '../../src/formats/write-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-names-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('temporary names beside a long name', () => {
  it.each([
    ['255 bytes of Latin letters', `${'b'.repeat(252)}.db`],
    ['254 bytes of two-byte letters', `${'я'.repeat(125)}.txt`],
    ['a short name', 'lists.md'],
  ])('%s: the file is written, and its temporary name is known as one', (_what, name) => {
    const target = join(dir, name);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    writeOutputFile(target, ['text'], { dbPath: join(dir, 'v.db') });
    expect(readFileSync(target, 'utf8')).toBe('text');
    const temp = createTempBeside(target);
    closeSync(temp.fd);
    const tempName = temp.path.slice(dir.length + 1);
    // Room for the -journal SQLite adds beside a temporary database.
    expect(Buffer.byteLength(`${tempName}-journal`)).toBeLessThanOrEqual(255);
    expect(tempWriterOf(target, tempName)).toBe(process.pid);
    expect(readdirSync(dir).sort()).toEqual([name, tempName].sort());
  });
});
