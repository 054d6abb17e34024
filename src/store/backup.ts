// Backups with SQLite's online backup API (never a file copy), and restoring one after
// checking that it is a vetted database.

import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import Database from 'better-sqlite3';
import { driverOptions, inspectHeader } from './open.js';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema.js';
import { UserError } from '../errors.js';

/** Where backups go by default: a `backups` folder beside the database. */
export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function defaultBackupPath(dbPath: string, now: number, why = 'backup'): string {
  const base = basename(dbPath).replace(/\.db$/, '');
  let path = join(backupDir(dbPath), `${base}-${why}-${stamp(now)}.db`);
  for (let n = 2; existsSync(path); n++) path = join(backupDir(dbPath), `${base}-${why}-${stamp(now)}-${n}.db`);
  return path;
}

/** Copies a live database to `dest` page by page through the backup API; dest is private (0600). */
export async function backupDatabase(dbPath: string, dest: string): Promise<void> {
  const dir = dirname(dest);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  else if (!statSync(dir).isDirectory()) throw new UserError(`${dir} is a file, not a folder, so no backup can be written there; move it away or choose another --out.`);
  if (existsSync(dest)) throw new UserError(`${dest} exists already; choose another --out, or move that file away.`);
  const tmp = `${dest}.partial`;
  rmSync(tmp, { force: true });
  closeSync(openSync(tmp, 'wx', 0o600));
  const source = new Database(dbPath, { readonly: true, fileMustExist: true, ...driverOptions() });
  try {
    await source.backup(tmp);
    // A standalone file: no WAL, so that reading it later leaves no -wal or -shm beside it.
    const copy = new Database(tmp, { fileMustExist: true, ...driverOptions() });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    chmodSync(tmp, 0o600);
    renameSync(tmp, dest);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    source.close();
  }
}

/** Refuses anything that is not a whole vetted database this version can read. */
export function verifyBackup(file: string): { version: number } {
  if (!existsSync(file)) throw new UserError(`there is no file ${file}; check the path.`);
  const { isNew } = inspectHeader(file);
  if (isNew) throw new UserError(`${file} is empty, not a vetted backup.`);
  const db = new Database(file, { readonly: true, fileMustExist: true, ...driverOptions() });
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) throw new UserError(`${file} is not a vetted database, so it was not restored.`);
    const v = db.pragma('user_version', { simple: true }) as number;
    if (v > SCHEMA_VERSION) throw new UserError(`${file} was written by a newer version of vetted; upgrade vetted to restore it.`);
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new UserError(`${file} is damaged (${String(check).split('\n')[0]}), so it was not restored.`);
    return { version: v };
  } finally {
    db.close();
  }
}

/** Before a migration of an existing database, keep a copy of it as it was. */
export async function backupBeforeMigration(dbPath: string, now: number): Promise<string | undefined> {
  if (!existsSync(dbPath)) return undefined;
  const { isNew, version } = inspectHeader(dbPath);
  if (isNew || version === 0 || version >= SCHEMA_VERSION) return undefined;
  const dest = defaultBackupPath(dbPath, now, `before-v${SCHEMA_VERSION}`);
  await backupDatabase(dbPath, dest);
  return dest;
}

/** Replaces the content of the database at `dest` with that of a verified backup, through
 * the backup API in the other direction. */
export async function restoreDatabase(source: string, dest: string): Promise<void> {
  if (!existsSync(dest)) {
    if (!existsSync(dirname(dest))) mkdirSync(dirname(dest), { recursive: true, mode: 0o700 });
    closeSync(openSync(dest, 'wx', 0o600));
  }
  const db = new Database(source, { readonly: true, fileMustExist: true, ...driverOptions() });
  try {
    await db.backup(dest);
  } finally {
    db.close();
  }
  chmodSync(dest, 0o600);
}
