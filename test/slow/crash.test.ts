// A kill -9 in the middle of a large import: whenever it lands — while the file is still
// being read, inside the write transaction, while the commit is being written to the WAL,
// or during the checkpoint after it — the database is whole (integrity_check ok), holds
// either all of the file or none of it, and the data that was there before is intact.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, fstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, SHARED } from '../helpers/cli.js';
import { Store } from '../../src/store/store.js';
import { exportJson } from '../../src/commands/export.js';

const SEEDS = join(SHARED, 'scenarios', 'seeds.yaml');
const COMPANIES = 6000;

type Doc = { companies: unknown[]; checks: unknown[]; incidents: unknown[]; pins: unknown[] };
type Generate = (companies: number, seed?: number) => Doc & { format: string };
const { generate } = (await import(pathToFileURL(join(ROOT, 'bench', 'generate.mjs')).href)) as { generate: Generate };

let dir: string;
let big: string;
let pristine: string;
let seedCount: number;
let seedDoc: Doc;
let env: NodeJS.ProcessEnv;
let round = 0;

const walOf = (db: string) => `${db}-wal`;
const sizeOf = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
};

/** The data file export, without its time, read in-process (a full export is ~15 MB). */
function exportOf(db: string): Doc {
  const store = Store.open(db);
  try {
    const doc = JSON.parse(exportJson(store, '2000-01-01T00:00:00Z')) as Doc & { exported_at?: string };
    delete doc.exported_at;
    return doc;
  } finally {
    store.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-crash-'));
  env = { ...process.env, VETTED_CONFIG: join(dir, 'config'), NO_COLOR: '1', LANG: 'en_US.UTF-8' };
  big = join(dir, 'big.json');
  writeFileSync(big, JSON.stringify(generate(COMPANIES, 42)));
  pristine = join(dir, 'seeded.db');
  const r = spawnSync(process.execPath, [BIN, '--db', pristine, 'import', SEEDS], { env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  // The seed data as `export --format json` gives it, minus exported_at.
  const exp = spawnSync(process.execPath, [BIN, '--db', pristine, 'export', '--format', 'json'], { env, encoding: 'utf8' });
  expect(exp.status, exp.stderr).toBe(0);
  seedDoc = JSON.parse(exp.stdout) as Doc;
  delete (seedDoc as { exported_at?: string }).exported_at;
  seedCount = seedDoc.companies.length;
  expect(seedCount).toBeGreaterThan(10);
  expect(existsSync(walOf(pristine))).toBe(false);
  // The in-process export reads the same thing as the command.
  const copy = join(dir, 'check.db');
  copyFileSync(pristine, copy);
  expect(exportOf(copy)).toEqual(seedDoc);
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Observed {
  /** ms since the spawn */
  elapsed: number;
  wal: number;
  /** ms since the -wal file appeared, or -1 */
  walAge: number;
  maxWal: number;
}

interface KillResult {
  db: string;
  before: Buffer;
  killed: boolean;
  atKill: Observed;
  walAfter: number;
  stderr: string;
}

/**
 * Imports the big file into a fresh copy of the seeded database and kills the process with
 * SIGKILL as soon as `when` says so (polling every few ms).
 */
async function importAndKill(when: (o: Observed, db: string) => boolean): Promise<KillResult> {
  const db = join(dir, `round-${++round}.db`);
  copyFileSync(pristine, db);
  const before = readFileSync(db);
  const child = spawn(process.execPath, [BIN, '--db', db, 'import', big], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
  let done = false;
  void exited.then(() => (done = true));

  const started = performance.now();
  let walSince = -1;
  const o: Observed = { elapsed: 0, wal: -1, walAge: -1, maxWal: -1 };
  let killed = false;
  while (!done) {
    o.elapsed = performance.now() - started;
    o.wal = sizeOf(walOf(db));
    if (o.wal >= 0 && walSince < 0) walSince = o.elapsed;
    o.walAge = walSince < 0 ? -1 : o.elapsed - walSince;
    o.maxWal = Math.max(o.maxWal, o.wal);
    if (when(o, db)) {
      killed = child.kill('SIGKILL');
      break;
    }
    await sleep(4);
  }
  const { signal } = await exited;
  return { db, before, killed: killed && signal === 'SIGKILL', atKill: { ...o }, walAfter: sizeOf(walOf(db)), stderr };
}

/** Opens what the killed process left, the way the next program would, and checks it. */
function verify(r: KillResult): 'none' | 'all' {
  const raw = new Database(r.db);
  let companies: number;
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    companies = raw.prepare('SELECT count(*) FROM companies').pluck().get() as number;
  } finally {
    raw.close();
  }
  expect([seedCount, seedCount + COMPANIES], `companies after the kill: ${companies}`).toContain(companies);
  const doc = exportOf(r.db);
  if (companies === seedCount) {
    expect(doc).toEqual(seedDoc);
    return 'none';
  }
  // All of it: every record of the seeds is still there, as it was.
  for (const section of ['companies', 'checks', 'incidents', 'pins'] as const) {
    const have = new Set(doc[section].map((x) => JSON.stringify(x)));
    for (const x of seedDoc[section]) expect(have.has(JSON.stringify(x)), `${section}: ${JSON.stringify(x)}`).toBe(true);
  }
  expect(doc.incidents.length).toBeGreaterThan(seedDoc.incidents.length);
  return 'all';
}

/**
 * Whether the -wal holds a whole commit: its last whole frame is a commit frame (the second
 * word of its header, the database size after the commit, is not 0) that carries the salts of
 * the -wal's header. A transaction larger than the page cache writes pages to the -wal before
 * its commit; when one of them changes again its frame is overwritten, and from then on SQLite
 * writes frames with zero salts and checksums and fills them in, in order, after the commit
 * frame: until the last one is filled in the transaction is not committed, and a kill leaves
 * none of it. A -wal that merely stopped growing proves nothing either. (The import is one
 * transaction into a database already at the current schema: the first commit frame is its.)
 */
function endsWithCommit(db: string): boolean {
  let fd: number;
  try {
    fd = openSync(walOf(db), 'r');
  } catch {
    return false;
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(32);
    if (size < 32 || readSync(fd, head, 0, 32, 0) < 32) return false;
    const frame = 24 + head.readUInt32BE(8);
    const frames = Math.floor((size - 32) / frame);
    if (frames < 1) return false;
    const header = Buffer.alloc(24);
    if (readSync(fd, header, 0, 24, 32 + (frames - 1) * frame) < 24) return false;
    return header.readUInt32BE(4) !== 0 && header.subarray(8, 16).equals(head.subarray(16, 24));
  } finally {
    closeSync(fd);
  }
}

/** Whether a process holds the write lock: BEGIN IMMEDIATE from another connection is refused. */
function writerHoldsLock(db: string): boolean {
  const probe = new Database(db, { fileMustExist: true, timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  } finally {
    probe.close();
  }
}

describe('kill -9 during a large import', () => {
  it('while the file is still being read (150 ms): nothing changed, not one byte', async () => {
    const r = await importAndKill((o) => o.elapsed >= 150);
    expect(r.killed, `the import finished before the kill: ${r.stderr}`).toBe(true);
    // The database was not even opened yet: compared before verify reads it with the sources
    // (another build, which drops the digests the binary kept).
    if (r.atKill.maxWal < 0) expect(readFileSync(r.db).equals(r.before)).toBe(true);
    expect(verify(r)).toBe('none');
  });

  it('inside the write transaction (the -wal open, a writer holding the lock, no commit yet): none of it', async () => {
    let inTransaction = false;
    const r = await importAndKill((o, db) => {
      if (o.walAge < 250) return false;
      inTransaction = writerHoldsLock(db);
      return inTransaction;
    });
    expect(r.killed, `the import finished before the kill: ${r.stderr}`).toBe(true);
    expect(inTransaction).toBe(true);
    const outcome = verify(r);
    // No commit frame can be in a WAL that holds at most its header.
    if (r.walAfter <= 32) expect(outcome).toBe('none');
  });

  it('at 600 ms and at 1200 ms: all or none', async () => {
    for (const ms of [600, 1200]) {
      const r = await importAndKill((o) => o.elapsed >= ms);
      const outcome = verify(r);
      if (!r.killed) expect(outcome).toBe('all');
    }
  });

  it('while the commit is being written (the -wal growing): all or none', async () => {
    const r = await importAndKill((o) => o.wal > 32);
    expect(r.killed, `the import finished before the kill: ${r.stderr}`).toBe(true);
    expect(r.atKill.wal).toBeGreaterThan(32);
    verify(r);
  });

  it('late, after the commit (the -wal ends with its commit frame, during the checkpoint): all of it', async () => {
    const r = await importAndKill((o, db) => o.wal > 32 && endsWithCommit(db));
    // A WAL ending with a whole commit frame holds the whole commit: the import is durable.
    // (Should the process have finished first on a fast machine, it must simply have imported
    // it all.)
    expect(verify(r)).toBe('all');
    if (!r.killed) expect(r.stderr).toContain(`companies: ${COMPANIES} added`);
  });

  it('after all that, a full import into a killed database succeeds, whole', async () => {
    const r = await importAndKill((o, db) => o.walAge >= 200 && writerHoldsLock(db));
    expect(r.killed).toBe(true);
    verify(r);
    const full = spawnSync(process.execPath, [BIN, '--db', r.db, 'import', big], { env, encoding: 'utf8' });
    expect(full.status, full.stderr).toBe(0);
    expect(full.stderr).toContain(`companies: ${COMPANIES} added`);
    expect(existsSync(walOf(r.db))).toBe(false);
    expect(verify({ ...r, walAfter: -1 })).toBe('all');
  });
});

describe('an import into no database yet, made in a private file and linked into place whole', () => {
  /** The private files beside `db` (`.<name>.<hex>.tmp`, with any companions). */
  const privateFiles = (db: string) => readdirSync(dir).filter((n) => n.startsWith(`.${basename(db)}.`));

  /** Starts the big import into `db`, which does not exist, and waits until its private file is being filled. */
  async function importIntoNone(db: string) {
    const child = spawn(process.execPath, [BIN, '--db', db, 'import', big], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    let done = false;
    void exited.then(() => (done = true));
    let making: string | undefined;
    while (!done && !making) {
      making = privateFiles(db).find((n) => n.endsWith('.tmp') && sizeOf(join(dir, n)) > 0);
      await sleep(4);
    }
    return { child, exited, making, stderr: () => stderr };
  }

  it('killed half way: no database appears; the next command to make one removes what it left', async () => {
    const db = join(dir, 'never.db');
    const run = await importIntoNone(db);
    expect(run.making, `the import finished before it was seen: ${run.stderr()}`).toBeDefined();
    await sleep(200);
    run.child.kill('SIGKILL');
    await run.exited;
    expect(existsSync(db)).toBe(false);
    expect(privateFiles(db)).toContain(run.making);
    const made = spawnSync(process.execPath, [BIN, '--db', db, 'history', 'prune', '--before', '2000-01-01'], { env, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(privateFiles(db)).toEqual([]);
  });

  it('another command making the database meanwhile: the one in the making is left alone, and the import lands in theirs, whole', async () => {
    const db = join(dir, 'raced.db');
    const run = await importIntoNone(db);
    expect(run.making, `the import finished before it was seen: ${run.stderr()}`).toBeDefined();
    const made = spawnSync(process.execPath, [BIN, '--db', db, 'history', 'prune', '--before', '2000-01-01'], { env, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect(await run.exited, run.stderr()).toBe(0);
    expect(run.stderr()).toContain(`companies: ${COMPANIES} added`);
    expect(privateFiles(db)).toEqual([]);
    const raw = new Database(db, { readonly: true });
    try {
      expect(raw.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(COMPANIES);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      raw.close();
    }
  });
});
