// Opening the database safely: refuse, before writing a single byte, a file that is not a
// vetted database or that comes from a newer version; then set the pragmas and migrate.

import { chmodSync, closeSync, existsSync, openSync, readSync, statSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { UserError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION, APPLICATION_ID } from './schema.js';

export type DB = Database.Database;

/** The compiled driver, named directly: it spares the `bindings` package's search at start-up. */
let nativeBinding: string | undefined | null = null;
export function driverOptions(): { nativeBinding?: string } {
  if (nativeBinding === null) {
    try {
      nativeBinding = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    } catch {
      nativeBinding = undefined;
    }
  }
  return nativeBinding ? { nativeBinding } : {};
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface OpenOptions {
  /** Create the parent folder when it is missing (the default location only). */
  createDir?: boolean;
  /** Open for reading only: no pragmas that write, no migration. */
  readonly?: boolean;
}

/** Reads the header of an existing file and refuses what we must not touch. */
export function inspectHeader(path: string): { isNew: boolean; version: number; wal?: boolean } {
  if (!existsSync(path)) return { isNew: true, version: 0 };
  const st = statSync(path);
  if (st.isDirectory()) throw new UserError(`${path} is a folder, not a database file; pass --db with a file path.`);
  if (st.size === 0) return { isNew: true, version: 0 };
  const fd = openSync(path, 'r');
  const header = Buffer.alloc(100);
  let n: number;
  try {
    n = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (n < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new UserError(`${path} is not a vetted database (it is not an SQLite file); pass --db with another path, or move that file away.`);
  }
  const userVersion = header.readUInt32BE(60);
  const appId = header.readUInt32BE(68);
  if (appId !== APPLICATION_ID && (appId !== 0 || userVersion !== 0)) {
    throw new UserError(`${path} is an SQLite database of another program, not of vetted; pass --db with another path.`);
  }
  if (appId === APPLICATION_ID && userVersion > SCHEMA_VERSION) {
    throw new UserError(
      `${path} was written by a newer version of vetted (schema ${userVersion}, this one knows ${SCHEMA_VERSION}); upgrade vetted to use it.`,
    );
  }
  // Bytes 18 and 19 are 2 in a database in WAL mode.
  return { isNew: false, version: userVersion, wal: header[18] === 2 && header[19] === 2 };
}

/** Checks, after opening and before any write, what the header alone cannot tell. */
function inspectOpened(db: DB, path: string, isNew: boolean): number {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId === APPLICATION_ID) {
    if (version > SCHEMA_VERSION)
      throw new UserError(`${path} was written by a newer version of vetted (schema ${version}, this one knows ${SCHEMA_VERSION}); upgrade vetted to use it.`);
    return version;
  }
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number }).n;
  if (appId !== 0 || tables > 0 || (!isNew && version !== 0)) {
    throw new UserError(`${path} is an SQLite database of another program, not of vetted; pass --db with another path.`);
  }
  return 0;
}

/** An empty database in memory, at the current schema: for a dry run where there is no file yet. */
export function openMemoryDatabase(): DB {
  const db = new Database(':memory:', driverOptions());
  db.pragma('foreign_keys = ON');
  outsideOperations(db);
  migrate(db);
  return db;
}

export function openDatabase(path: string, options: OpenOptions = {}): DB {
  const dir = dirname(path);
  if (!existsSync(dir)) {
    if (options.createDir) mkdirSync(dir, { recursive: true, mode: 0o700 });
    else throw new UserError(`the folder ${dir} does not exist; create it first, or pass --db with a path in an existing folder.`);
  }
  const { isNew, wal } = inspectHeader(path);
  if (isNew) {
    // Create the file ourselves so that it is private from its first byte.
    if (existsSync(path)) chmodSync(path, 0o600);
    else closeSync(openSync(path, 'wx', 0o600));
  }
  let db: DB;
  try {
    db = new Database(path, { fileMustExist: true, ...driverOptions() });
  } catch (err) {
    throw new UserError(`cannot open ${path}: ${(err as Error).message}; check the path and its permissions.`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const version = inspectOpened(db, path, isNew);
    if (!wal) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Statement journals (a write with triggers keeps one) in memory, not in temporary files.
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    outsideOperations(db);
    if (version < SCHEMA_VERSION) {
      // Never build on a damaged file: check an existing database before changing its schema.
      if (version > 0) {
        const check = db.pragma('quick_check', { simple: true });
        if (check !== 'ok') throw new UserError(`${path} is damaged (${String(check).split('\n')[0]}); restore a backup with \`vetted restore FILE\`.`);
      }
      migrate(db);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** The journal's triggers name the operation being written; until the store begins one, there is none. */
function outsideOperations(db: DB): void {
  db.function('vetted_op', { deterministic: false }, () => null);
}

/** Applies the migrations not yet applied, each in its own transaction; a second process
 * migrating at the same moment waits for the lock and then finds nothing left to do. */
function migrate(db: DB): void {
  for (;;) {
    const done = db
      .transaction(() => {
        const v = db.pragma('user_version', { simple: true }) as number;
        if (v >= SCHEMA_VERSION) return true;
        db.exec(MIGRATIONS[v].sql);
        MIGRATIONS[v].run?.(db);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${v + 1}`);
        return false;
      })
      .immediate();
    if (done) return;
  }
}
