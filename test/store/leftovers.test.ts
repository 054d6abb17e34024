// The private files new databases are made in: one left by a killed process is removed when
// the database is next made; one still being made (locked), or already linked into place (a
// second link), is left alone, whatever runs beside it.
import { existsSync, linkSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { savedChanges } from '../../src/saved-changes.js';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-leftovers-'));
  path = join(dir, 'vetted.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A private file as createTempBeside names them, holding a database with one table. */
function privateFile(hex: string): string {
  const file = join(dir, `.vetted.db.${hex}.tmp`);
  const db = new Database(file);
  db.exec('CREATE TABLE t (x)');
  db.close();
  return file;
}

const made = () => Store.open(path).close();

describe('a new database made beside private files of others', () => {
  it('removes one nobody holds, with its journal', () => {
    const orphan = privateFile('0123456789abcdef');
    writeFileSync(`${orphan}-journal`, '');
    made();
    expect(existsSync(path)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.startsWith('.vetted.db.'))).toEqual([]);
  });

  it('leaves one that is being made: locked by its maker', () => {
    const file = privateFile('fedcba9876543210');
    const maker = new Database(file);
    try {
      maker.pragma('locking_mode = EXCLUSIVE');
      maker.exec('INSERT INTO t VALUES (1)');
      made();
      expect(existsSync(file)).toBe(true);
    } finally {
      maker.close();
    }
  });

  it('leaves one linked into place a moment ago (a second name of a database), and one of another name', () => {
    const file = privateFile('00000000ffffffff');
    linkSync(file, join(dir, 'other.db'));
    const notOurs = join(dir, '.vetted.db.notours.tmp');
    writeFileSync(notOurs, 'x');
    made();
    expect(existsSync(file)).toBe(true);
    expect(existsSync(notOurs)).toBe(true);
  });

  it('leaves an empty one (its maker has not written its first page yet), unless it is an hour old', () => {
    const fresh = join(dir, '.vetted.db.1111111111111111.tmp');
    writeFileSync(fresh, '');
    made();
    expect(existsSync(fresh)).toBe(true);
  });
});

describe('the changes said to be kept', () => {
  it('are none of a new database filled in a private file that another database took the place of', () => {
    const before = savedChanges().length;
    const made = Store.createFilled(path, {}, (store) => {
      store.write(() => store.createCompany('Ours', '2024-01-01T10:00'), { summary: 'ours' });
      // Another process makes the database meanwhile (here, another store of this one): the fill is thrown away.
      const other = Store.open(path);
      other.write(() => other.createCompany('Theirs', '2024-01-01T10:00'), { summary: 'theirs' });
      other.close();
    });
    expect(made).toBeUndefined();
    // The fill's change #1 is not kept, and its number is the other database's change.
    expect(savedChanges().slice(before)).not.toContain(1);
    const kept = Store.open(path);
    try {
      expect(kept.findCompany('Ours')).toBeUndefined();
    } finally {
      kept.close();
    }
  });
});
