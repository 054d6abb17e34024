// Ctrl+C (or a kill) in the middle of a command that writes a file: the file is written under
// a hidden temporary name beside its place and renamed there when whole, so a command stopped
// part way leaves that temporary file (and, for a database, SQLite's journal beside it). Its
// name carries the id of the process that wrote it: the next command that writes beside it
// removes it once that process is gone and the file has gone unwritten for some minutes (a
// writer of another container sharing the folder is no process here), and nothing else.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, readFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, SHARED } from '../helpers/cli.js';

const COMPANIES = 3000;
const SEEDS = join(SHARED, 'scenarios', 'seeds.yaml');

type Generate = (companies: number, seed?: number) => unknown;
const { generate } = (await import(pathToFileURL(join(ROOT, 'bench', 'generate.mjs')).href)) as { generate: Generate };

let top: string;
let big: string;
let dir: string;
let env: NodeJS.ProcessEnv;
let n = 0;

const run = (args: string[], db = join(dir, 'v.db')) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { env, cwd: dir, encoding: 'utf8' });

/** The hidden files beside `name` in the working folder: temporary files and what SQLite kept beside them. */
const hidden = (name: string, folder = dir) => readdirSync(folder).filter((f) => f.startsWith(`.${name}.`)).sort();

/** Makes the files named in `folder` look unwritten for an hour: how long a leftover has lain before it is taken for one. */
const age = (names: string[], folder = dir) => {
  const then = new Date(Date.now() - 3_600_000);
  for (const name of names) utimesSync(join(folder, name), then, then);
};

/** The id of a process that has ended. */
function goneId(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

/**
 * Runs the binary and stops it with `signal` as soon as `seen` says what it waits for is there;
 * `stopped` is false where the command ended first.
 */
async function stopWhen(args: string[], seen: () => boolean, signal: NodeJS.Signals = 'SIGINT', db = join(dir, 'v.db')) {
  const child = spawn(process.execPath, [BIN, '--db', db, ...args], { env, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, sig) => res({ code, signal: sig })));
  let done = false;
  void exited.then(() => (done = true));
  while (!done && !seen()) await sleep(1);
  const stopped = !done;
  if (stopped) child.kill(signal);
  return { stopped, ...(await exited), stderr: () => stderr };
}

beforeAll(() => {
  top = mkdtempSync(join(tmpdir(), 'vetted-interrupted-'));
  env = { ...process.env, VETTED_CONFIG: join(top, 'config'), NO_COLOR: '1', LANG: 'en_US.UTF-8' };
  big = join(top, 'big.json');
  writeFileSync(big, JSON.stringify(generate(COMPANIES, 42)));
  const r = spawnSync(process.execPath, [BIN, '--db', join(top, 'big.db'), 'import', big], { env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}, 60_000);

afterAll(() => {
  rmSync(top, { recursive: true, force: true });
});

beforeEach(() => {
  dir = join(top, `run-${++n}`);
  mkdirSync(dir);
  copyFileSync(join(top, 'big.db'), join(dir, 'v.db'));
});

describe('a write stopped part way leaves its temporary file only until the next write beside it', () => {
  it('export --out: stopped while it writes; the next export to the same file removes what it left', async () => {
    const stop = await stopWhen(['export', '--format', 'json', '--out', 'e.json'], () => hidden('e.json').length > 0);
    expect(stop.stopped, `the export ended before it was seen writing: ${stop.stderr()}`).toBe(true);
    expect(stop.signal).toBe('SIGINT');
    expect(existsSync(join(dir, 'e.json'))).toBe(false);
    const left = hidden('e.json');
    expect(left).toHaveLength(1);
    // Written to a moment ago, it may be a writer's of another container: left.
    expect(run(['export', '--format', 'json', '--out', 'e.json']).status).toBe(0);
    expect(hidden('e.json')).toEqual(left);
    age(left);
    const again = run(['export', '--format', 'json', '--out', 'e.json']);
    expect(again.status, again.stderr).toBe(0);
    expect(existsSync(join(dir, 'e.json'))).toBe(true);
    expect(hidden('e.json')).toEqual([]);
  });

  it('backup --out: stopped while it copies; the next backup there removes the copy and its journal', async () => {
    const stop = await stopWhen(['backup', '--out', 'b.db'], () => hidden('b.db').length > 0, 'SIGKILL');
    expect(stop.stopped, `the backup ended before it was seen copying: ${stop.stderr()}`).toBe(true);
    expect(hidden('b.db').length).toBeGreaterThan(0);
    age(hidden('b.db'));
    const again = run(['backup', '--out', 'b.db']);
    expect(again.status, again.stderr).toBe(0);
    expect(hidden('b.db')).toEqual([]);
  });

  it('only the files of writers that are gone, of that very target, under the names this program gives', () => {
    const gone = goneId();
    const hex = '0123456789abcdef';
    const left = [`.e.json.${hex}.${gone}.tmp`, `.b.db.${hex}.${gone}.tmp`, `.b.db.${hex}.${gone}.tmp-journal`, `.r.pdf.${hex}.${gone}.tmp`];
    const kept = [
      // Its writer is still there (this test).
      `.e.json.${hex}.${process.pid}.tmp`,
      // Of another target, and of one whose name only starts the same.
      `.other.json.${hex}.${gone}.tmp`,
      `.e.json.old.${hex}.${gone}.tmp`,
      // A name of an earlier version (it says nothing of its writer), and names of no such shape.
      `.e.json.${hex}.tmp`,
      `.e.json.${hex}.${gone}.tmp.bak`,
      `.e.json.xyz.${gone}.tmp`,
    ];
    for (const name of [...left, ...kept]) writeFileSync(join(dir, name), 'partial');
    age([...left, ...kept]);
    // Of a writer that is gone, but written to a moment ago: of a process of another container, maybe.
    const fresh = `.e.json.aaaaaaaaaaaaaaaa.${gone}.tmp`;
    writeFileSync(join(dir, fresh), 'partial');
    kept.push(fresh);
    // A link under such a name is not a file this program made.
    const linked = `.e.json.fedcba9876543210.${gone}.tmp`;
    symlinkSync(join(dir, 'v.db'), join(dir, linked));
    kept.push(linked);
    // A file linked into place whose maker stopped before it removed its own name: that name goes, the file stays under the other.
    writeFileSync(join(dir, 'placed.db'), 'whole');
    const second = `.b.db.0123456789abcde0.${gone}.tmp`;
    linkSync(join(dir, 'placed.db'), join(dir, second));
    age([second]);
    left.push(second);
    expect(run(['export', '--format', 'json', '--out', 'e.json']).status).toBe(0);
    expect(run(['backup', '--out', 'b.db']).status).toBe(0);
    expect(run(['incident', 'attach', run(['incident', 'list', '--json']).stdout.match(/"id": ?"([^"]+)"/)![1], join(top, 'big.json')]).status).toBe(0);
    const attached = run(['attachment', 'save', '1', '--out', 'r.pdf']);
    expect(attached.status, attached.stderr).toBe(0);
    const now = readdirSync(dir);
    for (const name of left) expect(now, name).not.toContain(name);
    for (const name of kept) expect(now, name).toContain(name);
    expect(readFileSync(join(dir, 'placed.db'), 'utf8')).toBe('whole');
  });
});

describe('a restore stopped at any moment', () => {
  /** How many companies the database at `file` holds; undefined where it cannot be read. */
  function companiesIn(file: string): number | undefined {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return db.prepare('SELECT count(*) FROM companies').pluck().get() as number;
      } finally {
        db.close();
      }
    } catch {
      return undefined;
    }
  }

  const backups = () => join(dir, 'backups');
  const copies = () => (existsSync(backups()) ? readdirSync(backups()).filter((f) => /^v-before-restore-.*\.db$/.test(f)) : []);
  /** Files of a restore's own, which no one else removes: hidden ones beside the database and among the copies. */
  const leftovers = () => [...hidden('v.db'), ...(existsSync(backups()) ? readdirSync(backups()).filter((f) => f.startsWith('.')) : [])];

  it.each([
    ['while the backup is staged beside the database', () => hidden('v.db').some((f) => f.endsWith('.tmp')), 'SIGKILL'],
    ['while the database replaced is copied', () => existsSync(backups()) && readdirSync(backups()).some((f) => f.startsWith('.')), 'SIGKILL'],
    ['once that copy has its name', () => copies().length > 0, 'SIGINT'],
    ['once the backup is in the database: in its commit or the checkpoint after it', () => companiesIn(join(dir, 'v.db')) === COMPANIES, 'SIGINT'],
    ['the same, by a kill', () => companiesIn(join(dir, 'v.db')) === COMPANIES, 'SIGKILL'],
  ] as const)('%s: the database is as it was, or replaced with a copy of it kept under its name; the next commands clear up', async (_when, seen, signal) => {
    // The database to replace is the seed data; the backup is the large one.
    rmSync(join(dir, 'v.db'));
    expect(run(['import', SEEDS]).status).toBe(0);
    const before = companiesIn(join(dir, 'v.db'))!;
    expect(before).toBeLessThan(COMPANIES);
    const stop = await stopWhen(['restore', join(top, 'big.db'), '--yes'], seen, signal);
    expect(stop.stopped, `the restore ended before it was seen: ${stop.stderr()}`).toBe(true);
    const now = companiesIn(join(dir, 'v.db'));
    // Stopped once the backup is in, the restore may end by itself between the last look and the
    // signal (its last steps take a few milliseconds): that end is the one a stop there must leave.
    if (stop.signal === null && now === COMPANIES) expect(stop.code, stop.stderr()).toBe(0);
    else expect(stop.signal).toBe(signal);
    if (now === COMPANIES) {
      expect(copies(), 'the database was replaced, and no copy of it was kept under its name').toHaveLength(1);
      expect(companiesIn(join(backups(), copies()[0]))).toBe(before);
    } else {
      expect(now).toBe(before);
    }
    // A command that reads clears what was left beside the database; one that writes a copy, what was left among the copies.
    age(hidden('v.db'));
    if (existsSync(backups())) age(readdirSync(backups()).filter((f) => f.startsWith('.')), backups());
    expect(run(['company', 'list']).status).toBe(0);
    expect(hidden('v.db')).toEqual([]);
    expect(run(['backup']).status).toBe(0);
    expect(leftovers()).toEqual([]);
  });
});
