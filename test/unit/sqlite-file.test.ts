// What an SQLite file is, told by its first bytes and its size: a database, one cut short, a
// write-ahead log or a rollback journal.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteFileOf, sqliteInputAt } from '../../src/formats/write-file.js';

/** The 100 bytes of a database's header: its page size, its count of pages and whether that count is the file's. */
function header({ pageSize = 4096, pages = 54, counted = true }: { pageSize?: number; pages?: number; counted?: boolean } = {}): Buffer {
  const h = Buffer.alloc(100);
  h.write('SQLite format 3\u0000', 0, 'latin1');
  h.writeUInt16BE(pageSize === 65536 ? 1 : pageSize, 16);
  h.writeUInt32BE(7, 24); // the counter of changes
  h.writeUInt32BE(pages, 28);
  h.writeUInt32BE(counted ? 7 : 6, 92); // the counter the count of pages was written at
  return h;
}

describe('sqliteFileOf', () => {
  it.each([
    ['a whole database', header(), 54 * 4096, { kind: 'database' }],
    ['a database longer than its header says (pages kept at its end)', header(), 60 * 4096, { kind: 'database' }],
    ['a database shorter than its header says', header(), 8192, { kind: 'cut', size: 8192, expected: 54 * 4096 }],
    ['one cut inside a page', header(), 100_000, { kind: 'cut', size: 100_000, expected: 54 * 4096 }],
    ['one of 64 KB pages cut short', header({ pageSize: 65536, pages: 3 }), 65536 * 2, { kind: 'cut', size: 65536 * 2, expected: 65536 * 3 }],
    ['one whose header was cut', header().subarray(0, 50), 50, { kind: 'cut', size: 50 }],
    ['one whose count of pages is stale (an old SQLite wrote it): only its first page is asked for', header({ counted: false }), 4096, { kind: 'database' }],
    ['a stale count, and not even a page', header({ counted: false }), 1000, { kind: 'cut', size: 1000, expected: 4096 }],
    ['a write-ahead log', Buffer.from([0x37, 0x7f, 0x06, 0x82, 0, 0x2d]), 4152, { kind: 'wal' }],
    ['a write-ahead log (big-endian checksums)', Buffer.from([0x37, 0x7f, 0x06, 0x83]), 4152, { kind: 'wal' }],
    ['a rollback journal', Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]), 512, { kind: 'journal' }],
    ['a data file', Buffer.from('{"format": "vetted/1"}'), 22, undefined],
    ['nothing', Buffer.alloc(0), 0, undefined],
  ])('%s', (_name, head, size, kind) => {
    expect(sqliteFileOf(head, size)).toEqual(kind);
  });
});

describe('what an input named by its path is (sqliteInputAt), of a named pipe', () => {
  it('never opens the pipe: opened and closed again, it let its waiting writer write into nothing, and the reading after waited without end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vetted-fifo-'));
    try {
      const fifo = join(dir, 'shared.json');
      const marker = join(dir, 'writer-let-in');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      // A writer that waits for a reader, and says when one let it in.
      const writer = spawn('sh', ['-c', `exec 3>"${fifo}"; echo in > "${marker}"`], { stdio: 'ignore' });
      const exited = new Promise((done) => writer.on('exit', done));
      // (Given the time to start and wait.)
      await new Promise((done) => setTimeout(done, 500));
      for (const name of [fifo, `${fifo}-wal`]) expect(sqliteInputAt(name)).toBeUndefined();
      await new Promise((done) => setTimeout(done, 300));
      expect(existsSync(marker), 'the pipe was opened').toBe(false);
      // The writer is let in by a reader of its own, and goes.
      closeSync(openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK));
      await exited;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
