// A full disk in the middle of an import: SQLite says SQLITE_FULL (here provoked with
// max_page_count), the import throws it, and the database is exactly as it was before —
// all or nothing — and whole. The CLI turns that error into exit 1 and one sentence.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { mergeDataFile } from '../../src/store/merge.js';
import { parseDataText } from '../../src/formats/data-text.js';
import { validateDataFile, type DataFile } from '../../src/formats/data-file.js';
import { loadAllChecklists } from '../../src/formats/checklist-file.js';
import { exportJson } from '../../src/commands/export.js';
import { describeError } from '../../src/main.js';
import { journaled } from '../helpers/store.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SEEDS = resolve(ROOT, '..', 'shared', 'scenarios', 'seeds.yaml');
const BIN = join(ROOT, 'bin', 'vetted.js');

type Generate = (companies: number, seed?: number) => unknown;
const { generate } = (await import(pathToFileURL(join(ROOT, 'bench', 'generate.mjs')).href)) as { generate: Generate };

let dir: string;
let store: Store | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-full-'));
});
afterEach(() => {
  store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function valid(data: unknown): DataFile {
  const v = validateDataFile(data);
  if ('errors' in v) throw new Error(JSON.stringify(v.errors.slice(0, 3)));
  return v.value;
}

function mergeOptions() {
  const checklists = new Map(loadAllChecklists(join(dir, 'config')).map((c) => [c.checklist.id, c.checklist]));
  return { checklists, today: '2026-11-22' };
}

function dump(st: Store): string {
  return exportJson(st, '2026-11-22T00:00:00Z');
}

function seeded(): Store {
  const st = journaled(Store.open(join(dir, 'vetted.db')));
  store = st;
  mergeDataFile(st, valid(parseDataText(readFileSync(SEEDS, 'utf8'), SEEDS)), mergeOptions());
  return st;
}

describe('SQLITE_FULL during an import', () => {
  it('throws an error with code SQLITE_FULL and leaves counts, data and integrity as they were', () => {
    const st = seeded();
    const counts = st.counts();
    expect(counts.companies).toBeGreaterThan(10);
    expect(counts.events).toBeGreaterThan(40);
    const before = dump(st);
    const pages = st.db.pragma('page_count', { simple: true }) as number;
    st.db.pragma(`max_page_count = ${pages + 2}`);

    const big = valid(generate(2000, 7));
    let err: unknown;
    try {
      mergeDataFile(st, big, mergeOptions());
    } catch (e) {
      err = e;
    }
    expect(err, 'the import went through on a full disk').toBeDefined();
    expect((err as { code?: string }).code).toBe('SQLITE_FULL');
    expect(st.db.inTransaction).toBe(false);

    expect(st.counts()).toEqual(counts);
    expect(dump(st)).toBe(before);
    expect(st.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(st.db.pragma('foreign_key_check')).toEqual([]);

    // With room again, the same store takes the same file, whole.
    st.db.pragma('max_page_count = 1073741823');
    const report = mergeDataFile(st, big, mergeOptions());
    expect(report.companies.added).toBe(2000);
    expect(st.counts().companies).toBe(counts.companies + 2000);
  });

  it('a full disk seen from another connection: the file on disk is whole and holds only the seeds', () => {
    const st = seeded();
    const counts = st.counts();
    const before = dump(st);
    const pages = st.db.pragma('page_count', { simple: true }) as number;
    st.db.pragma(`max_page_count = ${pages + 5}`);
    expect(() => mergeDataFile(st, valid(generate(500, 8)), mergeOptions())).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    st.close();
    store = undefined;

    const raw = new Database(join(dir, 'vetted.db'));
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(raw.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(counts.companies);
      expect(raw.prepare('SELECT count(*) FROM events').pluck().get()).toBe(counts.events);
    } finally {
      raw.close();
    }
    const again = journaled(Store.open(join(dir, 'vetted.db')));
    store = again;
    expect(dump(again)).toBe(before);
  });

  it('a single small write on a full disk (a pin) fails and changes nothing', () => {
    const st = seeded();
    const before = dump(st);
    const pages = st.db.pragma('page_count', { simple: true }) as number;
    st.db.pragma(`max_page_count = ${pages}`);
    const name = 'A company with a very long name '.repeat(5);
    const pinLots = () =>
      st.write(() => {
        for (let i = 0; i < 200; i++) {
          const c = st.createCompany(`${name} ${i}`, '2026-11-22');
          st.setPin(c.id, { list: 'black', reason: 'x'.repeat(2000), at: '2026-11-22' });
        }
      });
    expect(pinLots).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    expect(dump(st)).toBe(before);
    expect(st.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('describeError', () => {
  it('maps SQLITE_FULL to exit 1 and one sentence about the full disk, with no stack', () => {
    const err = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const { code, message } = describeError(err, false);
    expect(code).toBe(1);
    expect(message).toMatch(/^vetted: /);
    expect(message).toMatch(/disk is full/i);
    expect(message).not.toContain('\n');
    expect(message).not.toMatch(/\bat .+:\d+:\d+/);
    expect(message).not.toMatch(/please report/);
  });

  it('does the same for ENOSPC', () => {
    const err = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const { code, message } = describeError(err, false);
    expect(code).toBe(1);
    expect(message).toMatch(/disk is full/i);
    expect(message).not.toContain('\n');
  });

  it('maps the SqliteError that an import really throws on a full disk', () => {
    const st = seeded();
    st.db.pragma(`max_page_count = ${st.db.pragma('page_count', { simple: true }) as number}`);
    let err: unknown;
    try {
      mergeDataFile(st, valid(generate(300, 9)), mergeOptions());
    } catch (e) {
      err = e;
    }
    expect((err as Error | undefined)?.name).toBe('SqliteError');
    const { code, message } = describeError(err, false);
    expect(code).toBe(1);
    expect(message).toMatch(/disk is full/i);
    expect(message).not.toContain('\n');
  });
});

describe('a file size limit reached by the CLI in the middle of an import', () => {
  // RLIMIT_FSIZE with SIGXFSZ ignored: the write fails with EFBIG, which SQLite reports as a
  // disk I/O error. Whatever the message, the import is all or nothing and the file whole.
  it('exits 1 without a stack trace and the database holds the seeds only, whole', () => {
    const db = join(dir, 'vetted.db');
    const env = { ...process.env, VETTED_DB: db, VETTED_CONFIG: join(dir, 'config'), NO_COLOR: '1' };
    const seeds = spawnSync(process.execPath, [BIN, 'import', SEEDS], { env, encoding: 'utf8' });
    expect(seeds.status, seeds.stderr).toBe(0);
    const size = readFileSync(db).length;
    const count = (file: string) => {
      const raw = new Database(file);
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        return raw.prepare('SELECT count(*) FROM companies').pluck().get() as number;
      } finally {
        raw.close();
      }
    };
    const seedCompanies = count(db);
    expect(seedCompanies).toBeGreaterThan(10);
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify(generate(1000, 10)));
    // Blocks of 512 bytes: room for the seeds and a little more, not for 1000 companies.
    const blocks = Math.ceil(size / 512) + 40;
    const r = spawnSync('sh', ['-c', `trap '' XFSZ; ulimit -f ${blocks}; exec "${process.execPath}" "${BIN}" import "${big}"`], { env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/^\s+at .+/m);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);

    expect(count(db)).toBe(seedCompanies);
  });
});
