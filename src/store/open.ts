// Opening the database safely: refuse, before writing a single byte, a file that is not a
// vetted database or that comes from a newer version; then set the pragmas and migrate.

import { accessSync, closeSync, constants, copyFileSync, existsSync, linkSync, lstatSync, mkdtempSync, openSync, readdirSync, readSync, realpathSync, rmSync, statSync, mkdirSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { t } from '../i18n/index.js';
import { UserError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION, APPLICATION_ID } from './schema.js';
import { pauseFor, retryBusy } from './busy.js';
import { BUILD } from '../version.js';
import { keptLocalZone } from '../local-zone.js';
import { DB_COMPANIONS, companionNamed, companionOf, createTempBeside, misplacedAt, sqliteFileOf, sweepTempsBeside, tempWriterOf, writerGone } from '../formats/write-file.js';

export type DB = Database.Database;

/** The compiled driver, named directly: it spares the `bindings` package's search at start-up. */
let nativeBinding: string | undefined | null = null;
export function driverOptions(): { nativeBinding?: string } {
  if (nativeBinding === null) {
    try {
      nativeBinding = createRequire(import.meta.filename).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    } catch {
      nativeBinding = undefined;
    }
  }
  return nativeBinding ? { nativeBinding } : {};
}

/**
 * The most of a database file read through the memory map: as much as SQLite maps (it caps
 * the size at 2 GiB less 64 KiB). A map of 256 MiB left a third of a 100,000-company file to
 * read() calls and a page cache of 2 MB, and the warm `lists --json` there took 20 NU
 * instead of 14: its verdicts, written last, lay past the map, and were read three times.
 */
export const MAP_BYTES = 0x7fff0000;

/**
 * The map of an import: it touches nearly every page once, and each page mapped counts as
 * memory of the process. A whole map at 100,000 companies was 25 to 35 MB more, and no quicker.
 */
export const IMPORT_MAP_BYTES = 1 << 28;

export interface OpenOptions {
  /** Create the parent folder when it is missing (the default location only). */
  createDir?: boolean;
  /** Open for reading only: no pragmas that write, no migration. */
  readonly?: boolean;
  /** The most of the file read through the memory map: MAP_BYTES unless given. */
  mapBytes?: number;
  /** Only a database there already (for a command that only reads): none is made, and an empty file is not filled; NoDatabase where there is none. */
  existing?: boolean;
  /** What named the path (Context.setBy.db: --db, VETTED_DB…): a refusal says to name another there. --db unless given. */
  namedBy?: string;
}

/** A database SQLite finds damaged before a migration: what a restore is for (see isDamage). */
export class DamagedDatabase extends UserError {
  readonly code = 'SQLITE_CORRUPT';
}

/** There is no database at the path a command that only reads was given (see OpenOptions.existing). */
export class NoDatabase extends UserError {
  constructor(readonly path: string) {
    super(t().db.notThere(path));
  }
}

/** The file system's word on a path, without following a final symbolic link (`namedBy`: see OpenOptions). */
export function lstatOr(path: string, namedBy = '--db'): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') throw new UserError(t().db.notFolder(dirname(path), namedBy));
    throw err;
  }
}

/**
 * Where no database is yet, one is made only where SQLite would not take it, or a file beside
 * it, for another's own file, and wipe it: never at the name of a database's log, shared memory
 * or journal (it is wiped once that database is made, and opened), nor where a file of such a
 * name is there already (a file of the user's, a folder, the log of a database removed since),
 * which the new database would take for its own. Such a file found where the database itself
 * is there now was made by another process that made the database meanwhile (between the look
 * that found no database and this one): not refused, and 'made' is returned, for the database
 * to be looked at as one there already.
 */
export function refuseNewDatabaseAt(path: string): 'made' | undefined {
  const named = companionNamed(path);
  if (named) throw new UserError(t().db.companionName(path, named.kind, named.database));
  for (const s of DB_COMPANIONS.slice(1)) {
    if (!lstatOr(`${path}${s}`)) continue;
    if (lstatOr(path)) return 'made';
    throw new UserError(t().db.besideNew(path, `${path}${s}`));
  }
  return undefined;
}

/** Why a file is not a backup that can be restored, before it is opened. */
export type BackupFault = 'dangling' | 'loop' | 'folder' | 'special' | 'not-sqlite' | 'other-program' | 'wal' | 'shm' | 'journal' | 'cut';

/** Reads the header of an existing file and refuses what we must not touch. A database
 * is a regular file or absent: a device, a pipe or a link to nothing is not taken for one.
 * `namedBy`: what named a database's path (see OpenOptions). */
export function inspectHeader(path: string, role: 'database' | 'backup' = 'database', namedBy = '--db'): { isNew: boolean; version: number; wal?: boolean } {
  // A file to restore from is refused as a backup: the advice for a database (--db) is not for it.
  const refuse = (asDatabase: string, what: BackupFault) => new UserError(role === 'backup' ? t().db.badBackup(path, what) : asDatabase);
  // A database's log, shared memory or journal, there or not yet (the shared memory has no mark
  // of its own, and a log is empty between writes): a database made there, or a backup put
  // back there, would be read into that database as its log, or wiped by it.
  const companion = companionOf(path);
  if (companion) {
    // A database of its own there (an older version made one at `--db x.db-wal`): to be moved before x.db is opened again.
    if (misplacedAt(path, companion)) throw new UserError(t().db.misplaced(path, companion.database));
    throw refuse(t().db.companion(path, companion.kind, companion.database, namedBy), companion.kind);
  }
  const link = lstatOr(path, namedBy);
  if (!link) {
    // Made by another process meanwhile, its log beside it already: looked at as it is now.
    if (role === 'database' && refuseNewDatabaseAt(path) === 'made') return inspectHeader(path, role, namedBy);
    return { isNew: true, version: 0 };
  }
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    // Links that lead round to one another are no file either, but not one that is missing.
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw refuse(t().db.linkLoop(path, namedBy), 'loop');
    throw refuse(t().db.danglingLink(path, namedBy), 'dangling');
  }
  if (st.isDirectory()) throw refuse(t().db.isFolder(path, namedBy), 'folder');
  if (!st.isFile()) throw refuse(t().db.notRegular(path, namedBy), 'special');
  if (role === 'database' && st.nlink > 1) refuseSecondNames(path, st);
  if (st.size === 0) return { isNew: true, version: 0 };
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new UserError(t().db.cannotRead(path, String((err as NodeJS.ErrnoException).code), namedBy));
  }
  const header = Buffer.alloc(100);
  let n: number;
  try {
    n = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  const found = sqliteFileOf(header.subarray(0, n), st.size);
  // A log or a journal by its first bytes, wherever it was copied to.
  if (found?.kind === 'wal' || found?.kind === 'journal') throw refuse(t().db.companion(path, found.kind, undefined, namedBy), found.kind);
  // A backup copied in part (a database in use is left to SQLite, which says it is damaged, and how it is restored).
  if (found?.kind === 'cut' && role === 'backup') throw refuse(t().db.notSqlite(path, namedBy), 'cut');
  // A database cut short before the end of its header, which SQLite would call no database at
  // all (one being written is never so short): damaged, and replaced whole by a restore.
  if (found?.kind === 'cut' && n < 100) throw new DamagedDatabase(t().db.cut(path, found.size, namedBy));
  if (n < 100 || !found) throw refuse(t().db.notSqlite(path, namedBy), 'not-sqlite');
  const userVersion = header.readUInt32BE(60);
  const appId = header.readUInt32BE(68);
  if (appId !== APPLICATION_ID && (appId !== 0 || userVersion !== 0)) {
    throw refuse(t().db.otherProgram(path, namedBy), 'other-program');
  }
  if (appId === APPLICATION_ID && userVersion > SCHEMA_VERSION) {
    throw new UserError(role === 'backup' ? t().db.newerBackup(path) : t().db.newer(path, userVersion, SCHEMA_VERSION));
  }
  // Bytes 18 and 19 are 2 in a database in WAL mode.
  return { isNew: false, version: userVersion, wal: header[18] === 2 && header[19] === 2 };
}

/**
 * Refuses a database file of more than one name (a hard link): SQLite keeps its log and shared
 * memory beside the name it was given, so two processes writing through two names keep two logs,
 * and one's commits are lost, with nothing said. The private file a new database is made in is
 * its second name for a moment (see createFilled): waited for, up to two seconds.
 */
function refuseSecondNames(path: string, st: Stats): void {
  const dir = dirname(path);
  for (let waited = 0; ; waited += 20) {
    let making = false;
    try {
      for (const n of readdirSync(dir)) {
        const writer = tempWriterOf(path, n);
        if (writer === undefined || statSync(join(dir, n), { throwIfNoEntry: false })?.ino !== st.ino) continue;
        // Its maker stopped between linking it into place and removing this name: the name is
        // ours, and goes (the database stays under its own).
        if (writer > 0 && writerGone(writer, join(dir, n))) rmSync(join(dir, n), { force: true });
        else making = true;
      }
    } catch {
      // A folder that cannot be listed: the names are not known, and the file is refused.
    }
    if (!making && statSync(path).nlink === 1) return;
    if (!making || waited >= 2000) throw new UserError(t().db.hardLinked(path, st.nlink));
    pauseFor(20);
    st = statSync(path);
    if (st.nlink === 1) return;
  }
}

/** Set by the build: the objects of the current schema, worked out once from its migrations. */
declare const __VETTED_SCHEMA_OBJECTS__: { version: number; objects: string[] } | undefined;

const expectedObjects = new Map<number, string[]>(
  typeof __VETTED_SCHEMA_OBJECTS__ === 'object' ? [[__VETTED_SCHEMA_OBJECTS__.version, __VETTED_SCHEMA_OBJECTS__.objects]] : [],
);

/** The tables, indexes and triggers a database of schema `version` has, from its migrations
 * (those of the current schema come with the build; the sources work them out when asked). */
export function objectsOfVersion(version: number): string[] {
  let names = expectedObjects.get(version);
  if (!names) {
    const mem = new Database(':memory:', driverOptions());
    try {
      // As migrate runs them (see there).
      mem.pragma('foreign_keys = OFF');
      for (const m of MIGRATIONS.slice(0, version)) {
        mem.exec(m.sql);
        m.run?.(mem);
      }
      names = objectsOf(mem, 'main');
    } finally {
      mem.close();
    }
    expectedObjects.set(version, names);
  }
  return names;
}

function objectsOf(db: DB, schema: string): string[] {
  return (db.prepare(`SELECT type || ' ' || name AS o FROM "${schema}".sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type <> 'table', 1`).pluck().all() as string[]);
}

/** The objects a database of vetted's at `version` lacks: a forged or damaged header shows here. */
export function missingObjects(db: DB, version: number, schema = 'main'): string[] {
  const have = new Set(objectsOf(db, schema));
  return objectsOfVersion(version).filter((o) => !have.has(o));
}

/** Checks, after opening and before any write, what the header alone cannot tell. */
function inspectOpened(db: DB, path: string, namedBy: string): number {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId === APPLICATION_ID) {
    // Ours, with tables but no version (a copy that lost it): neither empty nor of any version
    // a migration starts from (one crashed on a table there already; a read said none was there).
    if (version === 0 && objectCount(db) > 0) throw new UserError(t().db.noVersion(path, namedBy));
    if (version > SCHEMA_VERSION)
      throw new UserError(t().db.newer(path, version, SCHEMA_VERSION));
    const missing = missingObjects(db, version);
    if (missing.length)
      throw new UserError(t().db.lacks(path, missing[0], missing.length - 1, namedBy));
    return version;
  }
  assertBlank(db, path, appId, version, namedBy);
  return 0;
}

/**
 * Refuses a database that cannot be upgraded, before the copy kept before an upgrade is made:
 * one that is not what its header says (see inspectOpened), or a damaged one. Returns its version.
 */
export function assertUpgradable(db: DB, path: string, namedBy: string): number {
  const version = retryBusy(() => db.transaction(() => inspectOpened(db, path, namedBy)).deferred());
  // Not where there is nothing to upgrade: its header, read before it was opened, said an older
  // version while the upgrade another process made was still in its log.
  if (version > 0 && version < SCHEMA_VERSION) assertWhole(db, path);
  return version;
}

/**
 * Upgrades the database at `path`, of an older version, to the current schema, `keep` first
 * making a copy of it as it was (and returning the name the copy took). The copy and the
 * upgrade are made under one hold of the database's write lock, and the upgrade's migrations in
 * one transaction: a process that waited for the lock finds the database upgraded, and neither
 * copies it nor upgrades it again (several commands started at once on an older database each
 * kept a copy of it). A copy is made only of a database that can be upgraded (assertUpgradable),
 * and removed where the upgrade fails, which leaves the database as it was. Returns the copy's
 * name, or undefined where another process upgraded the database first.
 */
export async function upgradeKeeping(path: string, namedBy: string, keep: () => Promise<string>): Promise<string | undefined> {
  const db = new Database(path, { fileMustExist: true, ...driverOptions() });
  let kept: string | undefined;
  let upgraded = false;
  try {
    db.pragma('busy_timeout = 5000');
    // Off for the whole of the upgrade, as migrate has it: within its transaction it could not be set.
    db.pragma('foreign_keys = OFF');
    outsideOperations(db);
    const version = assertUpgradable(db, path, namedBy);
    if (version === 0 || version >= SCHEMA_VERSION) return undefined;
    beginImmediate(db, path);
    try {
      // Looked at again under the lock: another process may have upgraded it while this one waited.
      if ((db.pragma('user_version', { simple: true }) as number) >= SCHEMA_VERSION) {
        db.exec('ROLLBACK');
        return undefined;
      }
      // Made by a connection of its own, which reads what this one's lock holds still: the
      // database as it is before the upgrade.
      kept = await keep();
      migrate(db, path, namedBy);
      retryBusy(() => db.exec('COMMIT'));
      upgraded = true;
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
    return kept;
  } catch (err) {
    // Not upgraded: a copy of the database as it still is would be one more at every try.
    if (kept && !upgraded) rmSync(kept, { force: true });
    throw withReadOnlyCompanion(err, path);
  } finally {
    db.close();
  }
}

/** How many tables, indexes and triggers a database holds. */
const objectCount = (db: DB) => (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;

/** A database with no id of ours must be blank: no tables, no version. */
function assertBlank(db: DB, path: string, appId: number, version: number, namedBy: string): void {
  if (appId !== 0 || objectCount(db) > 0 || version !== 0) {
    throw new UserError(t().db.otherProgram(path, namedBy));
  }
}

/** An empty database in memory, at the current schema: for a dry run where there is no file yet. */
export function openMemoryDatabase(): DB {
  const db = new Database(':memory:', driverOptions());
  db.pragma('foreign_keys = ON');
  outsideOperations(db);
  migrate(db);
  keepDigestsOfThisBuild(db);
  return db;
}

/**
 * A private copy of the database at `path`, upgraded there to the current schema: for a dry
 * run on a database an older version wrote, which writes nothing, not even the upgrade. The
 * copy is a file in a private temporary folder (a copy in memory could not grow past 1 GiB),
 * unlinked once it is open: it goes with the connection, however the process ends.
 */
export function openUpgradedCopy(path: string, namedBy = '--db'): DB {
  const dir = mkdtempSync(join(tmpdir(), 'vetted-'));
  const copy = join(dir, 'copy.db');
  try {
    if (!copyAtRest(path, copy)) copyThroughSqlite(path, copy);
    return openPrivate(copy, path, namedBy, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A private database file (a copy no other process knows of) opened, checked and upgraded in
 * place to the current schema: with nothing beside it but the file itself, held by this
 * connection alone. `shownAs`: the path its errors name; `whole`: checked for damage first
 * where it has a schema already.
 */
function openPrivate(file: string, shownAs: string, namedBy: string, whole: boolean): DB {
  const db = new Database(file, { fileMustExist: true, ...driverOptions() });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = MEMORY');
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    outsideOperations(db);
    if (inspectOpened(db, shownAs, namedBy) > 0 && whole) assertWhole(db, shownAs);
    migrate(db, shownAs, namedBy);
    keepDigestsOfThisBuild(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** A private copy of a backup, checked already, upgraded in place to the current schema (see openPrivate). */
export function upgradePrivateFile(file: string, shownAs: string): void {
  openPrivate(file, shownAs, '--db', false).close();
}

/** Refuses a database SQLite's quick check finds damaged (see DamagedDatabase). */
export function assertWhole(db: DB, path: string): void {
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new DamagedDatabase(t().db.damaged(path, firstProblem(check)));
}

/** The first problem an integrity or quick check reports: not its heading (`*** in database main ***`), which says nothing. */
export function firstProblem(check: unknown): string {
  const lines = String(check).split('\n');
  return lines.find((l) => l.trim() && !/^\*\*\* in database \S+ \*\*\*$/.test(l.trim())) ?? lines[0];
}

/**
 * Copies a database file byte for byte, with no SQLite connection, which would leave its `-shm`
 * and `-wal` beside it (and cannot make them in a folder it cannot write); its log with it,
 * where one is there that no connection reads (no shared memory beside it: a database copied
 * with its log), for SQLite to read into the copy as it would into the file. Only where nothing
 * writes to it as it is read: no journal beside it, before and after, the file and its log the
 * same files, of the same sizes and times, and its change counter the same. False, with nothing
 * copied, otherwise. Its files are looked for where SQLite keeps them: beside the file a link
 * leads to.
 */
export function copyAtRest(path: string, copy: string): boolean {
  const real = realpathSync(path);
  const files = [real, `${real}-wal`];
  const counter = () => {
    const fd = openSync(real, 'r');
    try {
      const b = Buffer.alloc(4);
      readSync(fd, b, 0, 4, 24);
      return b.readUInt32BE(0);
    } finally {
      closeSync(fd);
    }
  };
  // Each file's identity, or null where there is none; undefined where something reads or writes the database.
  const state = () => {
    if (existsSync(`${real}-journal`) || (existsSync(`${real}-wal`) && existsSync(`${real}-shm`))) return undefined;
    const ids = files.map((f) => {
      const st = statSync(f, { throwIfNoEntry: false });
      return st ? [st.ino, st.mtimeMs, st.ctimeMs, st.size].join(':') : null;
    });
    return [...ids, counter()].join('|');
  };
  const before = state();
  if (before === undefined) return false;
  const copied = files.map((f, i) => [f, `${copy}${DB_COMPANIONS[i]}`]).filter(([f]) => existsSync(f));
  for (const [from, to] of copied) copyFileSync(from, to);
  if (state() === before && copied.every(([from, to]) => statSync(to).size === statSync(from).size)) return true;
  for (const [, to] of copied) rmSync(to, { force: true });
  return false;
}

/** Copies the database at `path` as SQLite reads it now, its log included. */
function copyThroughSqlite(path: string, copy: string): void {
  const source = new Database(path, { readonly: true, fileMustExist: true, ...driverOptions() });
  try {
    source.pragma('busy_timeout = 5000');
    source.prepare('VACUUM INTO ?').run(copy);
  } finally {
    source.close();
  }
}

/** Whether this process may write the file or folder at `path`. */
export function isWritable(path: string, mode = constants.W_OK): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sets up a new database in a private temporary file and links it into place in one step:
 * another process finds either no file or a whole vetted database, never half of one. With
 * `fill`, the new database is also filled there, opened as openDatabase opens one, before it is
 * linked. Returns false when the file system cannot link (the caller then builds in place), and
 * 'taken' when another process linked a database first (then it is used, and nothing is
 * filled): either way the private file is gone.
 */
function createAtomically(path: string, options: OpenOptions = {}, fill?: (db: DB) => void): boolean | 'taken' {
  sweepLeftovers(path);
  const tmp = createTempBeside(path, 0o600, options.namedBy ?? '--db');
  closeSync(tmp.fd);
  try {
    const db = new Database(tmp.path, { fileMustExist: true, ...driverOptions() });
    try {
      // Private until it is linked: locked from its first page to its closing, so that
      // sweepLeftovers knows it is in the making; and its rollback journal kept in memory, not
      // written beside it (a file that is not linked is of no use, whatever state it is in).
      // Filled so, each page is written once: in WAL mode a large import wrote them twice.
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = MEMORY');
      migrate(db, tmp.path);
      keepDigestsOfThisBuild(db);
      if (fill) {
        // Where the file system cannot link, nothing is filled here (the caller then fills the
        // database in place): found out before the fill, not after it.
        if (!canLink(tmp.path)) return false;
        // Without a memory map: the pages are written to the file as it fills (no WAL holds
        // them), and each page mapped would count as memory of the process: a 100,000-company
        // import took 430 to 550 MB with the map, 250 without (and as long).
        configure(db, { ...options, mapBytes: 0 });
        fill(db);
      }
      db.pragma('journal_mode = WAL');
      // Linked while it is still open, and so still locked: sweepLeftovers never takes it for
      // the leftover of a killed process between its closing and its linking. A process that
      // opens it meanwhile waits for the close, a moment later.
      return linkInPlace(tmp.path, path);
    } finally {
      db.close();
    }
  } finally {
    removeDatabase(tmp.path);
  }
}

/** Whether the file system can give `file` a second name (the name is taken away again). */
function canLink(file: string): boolean {
  const probe = `${file}.link`;
  try {
    return linkInPlace(file, probe) !== false;
  } finally {
    rmSync(probe, { force: true });
  }
}

/** Links a new database into place: 'taken' when another process linked one first (then it
 * is used), false when the file system cannot link. */
export function linkInPlace(from: string, to: string): boolean | 'taken' {
  try {
    linkSync(from, to);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'taken';
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV' || code === 'EMLINK') return false;
    throw err;
  }
}

/**
 * Removes the private files of new databases that a process was stopped while making (an import
 * into no database yet, killed half way): they are of no use, and a large import's is large.
 * Those of this version's names are looked at once their maker is gone from here; an earlier
 * version's names do not say who made them. One still in the making is locked by its maker and
 * left alone (it stays locked until it is linked into place); so is one without a page yet,
 * unless it is an hour old.
 */
function sweepLeftovers(path: string): void {
  const dir = dirname(path);
  let names: string[];
  try {
    // Those of an earlier version's names, and those whose writer is gone from here: the lock
    // says whether another process (of another container too) still makes one, at once, where
    // the sweep of other temporary files waits for them to go unwritten for some minutes.
    names = readdirSync(dir).filter((n) => {
      const writer = tempWriterOf(path, n);
      return writer === 0 || (writer !== undefined && writerGone(writer, join(dir, n)));
    });
  } catch {
    return;
  }
  for (const name of names) {
    const file = join(dir, name);
    try {
      const st = lstatSync(file);
      // A second link is the database itself, linked into place a moment ago: its maker is
      // about to remove this name, and nothing else may open the database under it.
      if (!st.isFile() || st.nlink !== 1 || (st.size === 0 && Date.now() - st.mtimeMs < 3_600_000)) continue;
      if (st.size > 0 && !unlocked(file)) continue;
      removeDatabase(file);
    } catch {
      // Whatever cannot be looked at or removed now is left for next time.
    }
  }
}

/** Removes a database file with whatever SQLite kept beside it. */
function removeDatabase(file: string): void {
  for (const suffix of DB_COMPANIONS) rmSync(file + suffix, { force: true });
}

/** Whether no process holds a lock on a database file (none is making it). */
function unlocked(file: string): boolean {
  const db = new Database(file, { fileMustExist: true, timeout: 0, ...driverOptions() });
  try {
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/** The database's folder: made when missing and allowed, else refused. */
function checkFolder(path: string, options: OpenOptions): void {
  const dir = dirname(path);
  if (!existsSync(dir)) {
    if (options.existing) throw new NoDatabase(path);
    if (options.createDir) mkdirSync(dir, { recursive: true, mode: 0o700 });
    else throw new UserError(t().db.noFolder(dir, options.namedBy ?? '--db'));
  } else if (!statSync(dir).isDirectory()) {
    throw new UserError(t().db.notFolder(dir, options.namedBy ?? '--db'));
  }
}

/**
 * A new database at `path`, made and filled by `fill` in a private file and linked into place
 * once `fill` has returned: a fill that throws leaves no file behind, and no other process
 * sees the database before it is whole. Undefined, with nothing made, when there is a file at
 * `path` already, when another process links one first, or when the file system cannot link:
 * the caller then opens the database as usual and fills it there.
 */
export function createFilled<T>(path: string, options: OpenOptions, fill: (db: DB) => T): { value: T } | undefined {
  checkFolder(path, options);
  if (lstatOr(path, options.namedBy)) return undefined;
  let value: T;
  const made = createAtomically(path, options, (db) => {
    value = fill(db);
  });
  return made === true ? { value: value! } : undefined;
}

export function openDatabase(path: string, options: OpenOptions = {}): DB {
  const { namedBy = '--db' } = options;
  checkFolder(path, options);
  // What a command stopped part way left beside the database (a restore's staged backup, as
  // large as the database), which nothing else would remove.
  sweepTempsBeside(path);
  let { isNew, wal } = inspectHeader(path, 'database', namedBy);
  if (isNew && options.existing) throw new NoDatabase(path);
  if (isNew && !lstatOr(path, namedBy)) {
    // Created by us, private from its first byte, and whole when it appears.
    if (!createAtomically(path, { namedBy })) {
      try {
        closeSync(openSync(path, 'wx', 0o600));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    ({ isNew, wal } = inspectHeader(path, 'database', namedBy));
  } else if (isNew) {
    // An empty file someone else made: ours to fill only if we may write it (never chmod-ed).
    try {
      closeSync(openSync(path, 'r+'));
    } catch (err) {
      throw new UserError(t().db.cannotWrite(path, String((err as NodeJS.ErrnoException).code), namedBy));
    }
  }
  // Looked at before SQLite opens it: opening makes a read-only empty -wal again, and the write still fails.
  const companionBefore = readOnlyCompanionOf(path);
  let db: DB;
  try {
    db = new Database(path, { fileMustExist: true, ...driverOptions() });
  } catch (err) {
    throw new UserError(t().db.cannotOpen(path, (err as Error).message));
  }
  try {
    db.pragma('busy_timeout = 5000');
    // One read transaction: the id, the version and the tables seen at one moment, never
    // half before and half after another process's first migration.
    const version = retryBusy(() => db.transaction(() => inspectOpened(db, path, namedBy)).deferred());
    // Emptied meanwhile (or an empty file put in its place): none there to read, none to fill.
    if (options.existing && version === 0) throw new NoDatabase(path);
    if (options.readonly) {
      mapFile(db, options);
      return db;
    }
    if (!wal) retryBusy(() => db.pragma('journal_mode = WAL'));
    configure(db, options);
    if (version < SCHEMA_VERSION) {
      // Never build on a damaged file: check an existing database before changing its schema.
      if (version > 0) assertWhole(db, path);
      migrate(db, path, namedBy);
    }
    if (companionBefore !== undefined) COMPANION_BEFORE.set(db, companionBefore);
    keepDigestsOfThisBuild(db);
    return db;
  } catch (err) {
    db.close();
    throw withReadOnlyCompanion(err, path, companionBefore);
  }
}

/**
 * A write refused as read-only while the database file itself may be written: the file SQLite
 * keeps beside it (-shm or -wal) that may not, named on the error (`readOnlyFile`). A read made
 * while the database was read-only leaves them so (SQLite gives them the database's mode), and
 * every write fails after the database is made writable again. The error keeps its code: a
 * listing still judges without the cache.
 */
/** The file SQLite keeps beside the database (-shm, -wal) that this process may not write, if any. */
function readOnlyCompanionOf(path: string): string | undefined {
  return ['-shm', '-wal'].map((suffix) => `${path}${suffix}`).find((p) => existsSync(p) && !isWritable(p));
}

export function withReadOnlyCompanion(err: unknown, path: string, before?: string): unknown {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_READONLY') || !isWritable(path)) return err;
  const companion = readOnlyCompanionOf(path);
  if (companion) (err as { readOnlyFile?: string }).readOnlyFile = companion;
  // One SQLite made again as it opened or failed: named as that, so that the command is run again.
  else if (before !== undefined) Object.assign(err as object, { readOnlyFile: before, companionRemade: true });
  return err;
}


/**
 * Pages are read through a memory map rather than one read() call each: a command that reads
 * thousands of pages (a calendar at 10,000 companies) spent as long in those calls as in the
 * query. Address space only; the map grows with the file up to this size.
 */
function mapFile(db: DB, options: OpenOptions): void {
  db.pragma(`mmap_size = ${options.mapBytes ?? MAP_BYTES}`);
}

/** The settings of a connection that writes, its database in WAL mode already. */
function configure(db: DB, options: OpenOptions): void {
  db.pragma('busy_timeout = 5000');
  mapFile(db, options);
  db.pragma('synchronous = NORMAL');
  // Statement journals (a write with triggers keeps one) in memory, not in temporary files.
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  outsideOperations(db);
}

/**
 * What the kept digests are made under: this build, and the local time zone. A digest is facts
 * in the shape its build gave them; and a time given without its offset from UTC is read in the
 * local zone, so that which of two events came last, or when the incident reached its highest
 * level, may differ from one zone to another.
 */
export function digestsKey(): string {
  // Readable where it is kept: the zone's parts apart by spaces, not the zero characters between them.
  return `${BUILD} ${keptLocalZone().replaceAll('\u0000', ' ')}`;
}

/**
 * Drops the incidents' digests when another build kept them, or the same build in another time
 * zone (each is worked out again the next time it is read): a build that reads them otherwise
 * would misjudge its incident. Once a database is opened by a new version or in another zone, or
 * by turns by two; nothing is lost, as every digest is made from the events again.
 */
function keepDigestsOfThisBuild(db: DB): void {
  const key = digestsKey();
  const kept = () => db.prepare('SELECT build FROM digests_build').pluck().get() as string | undefined;
  if (kept() === key) return;
  retryBusy(() =>
    db
      .transaction(() => {
        // Looked at again under the write lock: another process of this build may have done it.
        if (kept() === key) return;
        db.exec('DELETE FROM digests; DELETE FROM digests_build');
        db.prepare('INSERT INTO digests_build (build) VALUES (?)').run(key);
      })
      .immediate(),
  );
}

/** The journal's triggers name the operation being written; until the store begins one, there is none. */
function outsideOperations(db: DB): void {
  db.function('vetted_op', { deterministic: false }, () => null);
}

/** Applies the migrations not yet applied, each in its own transaction; a second process
 * migrating at the same moment waits for the lock and then finds nothing left to do. */
function migrate(db: DB, path = ':memory:', namedBy = '--db'): void {
  // Off while the schema changes: a table made again is dropped first, and dropped with the
  // foreign keys on it would delete the rows of every table that refers to it (a table made
  // again keeps every row under its id, so that what referred to one still does).
  const keys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    migrateWithoutKeys(db, path, namedBy);
  } finally {
    db.pragma(`foreign_keys = ${keys ? 'ON' : 'OFF'}`);
  }
}

function migrateWithoutKeys(db: DB, path: string, namedBy: string): void {
  for (;;) {
    const done = retryBusy(() =>
      db
      .transaction(() => {
        const v = db.pragma('user_version', { simple: true }) as number;
        // Recognised again under the write lock: what another process made meanwhile counts.
        const appId = db.pragma('application_id', { simple: true }) as number;
        if (v === 0 && appId !== APPLICATION_ID) assertBlank(db, path, appId, v, namedBy);
        if (v >= SCHEMA_VERSION) return true;
        db.exec(MIGRATIONS[v].sql);
        MIGRATIONS[v].run?.(db);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${v + 1}`);
        return false;
      })
      .immediate(),
    );
    if (done) return;
  }
}

/** The read-only file beside each database as it was before SQLite opened it (see openDatabase). */
const COMPANION_BEFORE = new WeakMap<DB, string>();

/**
 * BEGIN IMMEDIATE, a refusal naming a read-only file beside the database (withReadOnlyCompanion).
 * An empty -wal left read-only beside a writable database refuses the write, though SQLite made
 * it again as it opened the database: named all the same, as one made again, so that the
 * command is run again.
 */
export function beginImmediate(db: DB, path: string): void {
  try {
    retryBusy(() => db.exec('BEGIN IMMEDIATE'));
  } catch (err) {
    throw withReadOnlyCompanion(err, path, COMPANION_BEFORE.get(db));
  }
}
