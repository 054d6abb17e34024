// Backups with SQLite's online backup API (never a file copy), and restoring one after
// checking that it is a vetted database.

import { closeSync, constants, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, basename, resolve } from 'node:path';
import { TEMP_QUIET_MS, assertNotDatabase, createTempBeside, sweepTemps, writeOutputFile, writerGone } from '../formats/write-file.js';
import Database from 'better-sqlite3';
import { MAP_BYTES, copyAtRest, driverOptions, firstProblem, inspectHeader, isWritable, linkInPlace, lstatOr, missingObjects, upgradeKeeping, upgradePrivateFile, type DB } from './open.js';
import { retryBusy } from './busy.js';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema.js';
import { t } from '../i18n/index.js';
import { UserError } from '../errors.js';

/** Where backups go by default: a `backups` folder beside the database. */
export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/**
 * The folder a copy is made in, made (private) where missing. Where something else has its name
 * (a file, a link to nothing), refused, saying so of that folder: SQLite's words for it were of
 * the database's own folder, and told the user to move the database.
 */
function folderFor(file: string): void {
  if (!folderThere(dirname(file))) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
}

/** Whether a folder is there (false: nothing has its name); refused where something else has it. */
function folderThere(dir: string): boolean {
  const here = lstatOr(dir);
  if (here && (here.isDirectory() || (here.isSymbolicLink() && existsSync(dir) && statSync(dir).isDirectory()))) return true;
  if (here) throw new UserError(t().data.copyFolderTaken(dir));
  return false;
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Whether `name` is one defaultBackupPath gives a copy of the database at `dbPath`, at any time, for any reason. */
function isCopyName(dbPath: string, name: string): boolean {
  const base = basename(dbPath).replace(/\.db$/, '');
  return name.startsWith(`${base}-`) && /^-(?:backup|before-restore|before-v\d+)-\d{8}-\d{6}(?:-\d+)?\.db$/.test(name.slice(base.length));
}

export function defaultBackupPath(dbPath: string, now: number, why = 'backup'): string {
  const base = basename(dbPath).replace(/\.db$/, '');
  folderThere(backupDir(dbPath));
  let path = join(backupDir(dbPath), `${base}-${why}-${stamp(now)}.db`);
  // A name is taken by anything there, a link to nothing too (which a copy is never linked over).
  for (let n = 2; lstatOr(path); n++) path = join(backupDir(dbPath), `${base}-${why}-${stamp(now)}-${n}.db`);
  return path;
}

/** Copies a live database to `dest` page by page through the backup API; dest is private
 * (0600), made under a random temporary name beside it, and linked into place when whole.
 * Where `dest` appears meanwhile, the copy takes the name `another` gives, when given (two
 * processes upgrading one database at once each keep a copy); returns the name it took. */
export async function backupDatabase(dbPath: string, dest: string, another?: () => string): Promise<string> {
  folderFor(dest);
  // Refused at once where no other name may be taken (the link below takes another one).
  if (!another && existsSync(dest)) throw new UserError(t().db.exists(dest));
  assertNotDatabase(dest, { dbPath });
  // Each copy there has a name of its own (the time it was made): what one stopped part way left
  // there is never beside the next one's name, and is looked for among them all.
  if (resolve(dirname(dest)) === resolve(backupDir(dbPath))) sweepTemps(dirname(dest), (name) => isCopyName(dbPath, name));
  const tmp = createTempBeside(dest);
  closeSync(tmp.fd);
  const source = new Database(dbPath, { readonly: true, fileMustExist: true, ...driverOptions() });
  try {
    await source.backup(tmp.path);
    standalone(tmp.path);
    return linkInto(tmp.path, dest, another);
  } catch (err) {
    rmSync(tmp.path, { force: true });
    throw err;
  } finally {
    source.close();
  }
}

/**
 * Links the private file `from` into place at `dest`, never writing over a file there (renamed
 * where the file system cannot link): where `dest` is taken, or taken meanwhile, at the name
 * `another` gives, and refused without it. Returns the name it took; `from` is gone.
 */
function linkInto(from: string, dest: string, another?: () => string): string {
  for (;;) {
    const linked = linkInPlace(from, dest);
    if (linked === true) break;
    if (linked === 'taken' || existsSync(dest)) {
      if (!another) throw new UserError(t().db.exists(dest));
      dest = another();
      continue;
    }
    renameSync(from, dest);
    break;
  }
  rmSync(from, { force: true });
  return dest;
}

/** A database file made standalone: no WAL, so that reading it later leaves no -wal or -shm beside it. */
function standalone(file: string): void {
  const copy = new Database(file, { fileMustExist: true, ...driverOptions() });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** The private folders of backups written through (see backupThrough), named with their maker's id. */
const THROUGH_PREFIX = 'vetted-backup-';
const THROUGH_FOLDER = /^vetted-backup-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * Removes the private folders of backups written through that a process now gone left: one
 * stopped part way (Ctrl+C, a kill) keeps a whole copy of the database in the temporary folder,
 * which nothing else removes. Only folders of this user, named with a process id, gone unwritten
 * for TEMP_QUIET_MS and whose maker is no process here, are removed (as sweepTemps does).
 */
function sweepThroughFolders(): void {
  const root = tmpdir();
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const m = THROUGH_FOLDER.exec(name);
    if (!m) continue;
    const dir = join(root, name);
    try {
      const st = lstatSync(dir);
      if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
      const file = join(dir, 'backup.db');
      const written = Math.max(st.mtimeMs, statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (Date.now() - written < TEMP_QUIET_MS || !writerGone(Number(m[1]), file)) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Left for another time.
    }
  }
}

/** A backup written through a device, a pipe or standard output: made in a private
 * temporary folder, checked there (see damageIn: what it returns), then copied through, damaged
 * or not. */
export async function backupThrough(dbPath: string, out: string): Promise<string | undefined> {
  sweepThroughFolders();
  const dir = mkdtempSync(join(tmpdir(), `${THROUGH_PREFIX}${process.pid}-`));
  try {
    const file = join(dir, 'backup.db');
    await backupDatabase(dbPath, file);
    const damage = damageIn(file);
    writeOutputFile(out, chunksOf(file), { dbPath });
    return damage;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What SQLite's quick check finds wrong in a copy of a database just made, or undefined where it
 * finds it whole. The backup API copies pages as they are, damaged or not: a copy of a damaged
 * database was said to be made, and its restore refused it. The copy is checked, not the
 * database, as a restore checks what it is given: what is in the file is what is kept.
 */
export function damageIn(file: string): string | undefined {
  let db: DB | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...driverOptions() });
    // Every page is read: through the memory map, a quarter sooner than by one read() each.
    db.pragma(`mmap_size = ${MAP_BYTES}`);
    const check = db.pragma('quick_check', { simple: true });
    return check === 'ok' ? undefined : firstProblem(check);
  } catch (err) {
    // Too damaged for SQLite to read its schema.
    if (isDamage(err)) return (err as Error).message;
    throw err;
  } finally {
    db?.close();
  }
}

/** The copies of the database at `dbPath` in its backups folder, but `except`, newest first. */
export function copiesOf(dbPath: string, except?: string): string[] {
  const dir = backupDir(dbPath);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => isCopyName(dbPath, name));
  } catch {
    return [];
  }
  const made = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return names
    .map((name) => join(dir, name))
    .filter((file) => except === undefined || resolve(file) !== resolve(except))
    .map((file) => ({ file, at: made(file) }))
    .sort((a, b) => b.at - a.at || b.file.localeCompare(a.file))
    .map(({ file }) => file);
}

function* chunksOf(file: string): Generator<Uint8Array> {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return;
      yield buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The backup at `file` (a vetted database, checked by inspectHeader), opened for reading with
 * nothing made beside it. SQLite opening a database in WAL mode, even for reading, makes an
 * empty log and a shared memory beside it, and leaves them there (a backup that is a copy of a
 * database file is in WAL mode): such a backup, where nothing writes to it, is read from a
 * private copy of its bytes, removed with `close`. One with a log or a journal beside it, which
 * SQLite must read with it, is read where it is, beside the files that are there already.
 */
function openBackup(file: string, wal: boolean | undefined): { db: DB; close(): void } {
  let dir: string | undefined;
  let copy: string | undefined;
  if (wal) {
    try {
      dir = mkdtempSync(join(tmpdir(), 'vetted-restore-'));
      if (copyAtRest(file, join(dir, 'backup.db'))) copy = join(dir, 'backup.db');
    } catch {
      // No temporary folder, or no room in it for the copy: read where it is, as before, for a
      // restore that can be made is not refused to spare its folder two files.
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    }
  }
  try {
    const db = new Database(copy ?? file, { readonly: true, fileMustExist: true, ...driverOptions() });
    return {
      db,
      close() {
        db.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Refuses anything that is not a whole vetted database this version can read. */
export function verifyBackup(file: string): { version: number } {
  // A link that leads nowhere is there, and inspectHeader says what it is.
  if (!lstatOr(file)) throw new UserError(t().files.noFile(file));
  const { isNew, wal } = inspectHeader(file, 'backup');
  if (isNew) throw new UserError(t().db.emptyBackup(file));
  let backup: ReturnType<typeof openBackup> | undefined;
  try {
    backup = openBackup(file, wal);
    const { db } = backup;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) throw new UserError(t().db.notOurs(file));
    const v = db.pragma('user_version', { simple: true }) as number;
    if (v > SCHEMA_VERSION) throw new UserError(t().db.newerBackup(file));
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new UserError(t().db.damagedBackup(file, firstProblem(check)));
    const missing = missingObjects(db, v);
    if (v < 1 || missing.length)
      throw new UserError(t().db.lacksBackup(file, v < 1 ? null : missing[0]));
    return { version: v };
  } catch (err) {
    // Damage found by SQLite itself (a truncated file) is the backup's, not the database's in use.
    if (isDamage(err)) throw new UserError(t().db.damagedBackup(file, (err as Error).message));
    throw err;
  } finally {
    backup?.close();
  }
}

/** Upgrades an existing database of an older version, keeping a copy of it as it was first (see
 * upgradeKeeping); returns the copy's name, or undefined where there was nothing to upgrade. */
export async function backupAndUpgrade(dbPath: string, now: number, namedBy = '--db'): Promise<string | undefined> {
  if (!existsSync(dbPath)) return undefined;
  const { isNew, version } = inspectHeader(dbPath, 'database', namedBy);
  if (isNew || version === 0 || version >= SCHEMA_VERSION) return undefined;
  // What cannot be upgraded is said before a copy is kept: one was kept at every try.
  // One that cannot be written (where SQLite keeps its log: beside the file a link names):
  const file = realpathSync(dbPath);
  const beside = [`${file}-wal`, `${file}-shm`].filter((f) => existsSync(f));
  if (![file, dirname(file), ...beside].every((f) => isWritable(f))) throw new UserError(t().db.upgradeUnwritable(dbPath, version, SCHEMA_VERSION));
  // Nor where its copy cannot be kept (the folder of copies, or the one it is to be made in):
  // said of the upgrade, not with the advice of `backup`, whose --out this command has not.
  // (A file can be made in a folder that can be written and entered.)
  const copies = backupDir(dbPath);
  const madeIn = existsSync(copies) ? copies : dirname(copies);
  if (statSync(madeIn).isDirectory() && !isWritable(madeIn, constants.W_OK | constants.X_OK)) throw new UserError(t().db.upgradeNoCopy(dbPath, version, SCHEMA_VERSION, madeIn));
  // Nor one whose tables are not those of the version its header gives (a version set by hand),
  // nor a damaged one (see openDatabase): upgradeKeeping refuses them before the copy.
  const name = () => defaultBackupPath(dbPath, now, `before-v${SCHEMA_VERSION}`);
  return upgradeKeeping(dbPath, namedBy, () => backupDatabase(dbPath, name(), name));
}

/** Replaces the content of the database at `dest` (which exists and is ours) with that of a
 * verified backup. The database's write lock is held from first to last: the copy of what is
 * replaced (`keep`) is made and the replacement written under it, so a writer either lands
 * before it, and so in `keep`, or waits and lands after it. Returns the name the copy took
 * (`keep`'s own, or another's where it was taken meanwhile). */
export async function restoreDatabase(source: string, dest: string, keep?: { name?: string; another: () => string; ifAny?: boolean }): Promise<string | undefined> {
  const staged = await stageBackup(source, dest);
  let kept: string | undefined;
  let replaced = false;
  try {
    // Brought to the current schema before it is put in place: a process that read the database's
    // version before the restore read an older schema's tables after it, and failed.
    try {
      upgradePrivateFile(staged.path, source);
    } catch (err) {
      // A backup that passed every check and still cannot be brought to this version's schema.
      const code = (err as { code?: unknown }).code;
      if (typeof code !== 'string' || !code.startsWith('SQLITE_')) throw err;
      throw new UserError(t().db.notUpgraded(source, (err as Error).message));
    }
    const db = new Database(dest, { fileMustExist: true, ...driverOptions() });
    try {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = OFF');
      // The commit, not followed at once by the checkpoint that copies the whole backup into the
      // database again: that is left to the close, once the restore has cleared up after itself.
      db.pragma('wal_autocheckpoint = 0');
      db.prepare('ATTACH ? AS restored').run(staged.path);
      retryBusy(() => db.exec('BEGIN IMMEDIATE'));
      try {
        // The copy is whole under its own name before the replacement is committed: a restore
        // stopped at any moment after that (Ctrl+C or a kill, in the commit or in the checkpoint
        // that follows it, which copies the whole backup again and takes a while) has either left
        // the database as it was or kept it under that name. It is read by a connection of its
        // own, which sees what this one's lock holds still: the database as it is replaced.
        // A database made a moment ago (there was none to replace) is kept only if another process
        // wrote to it meanwhile (what it wrote was otherwise lost without a copy), found under this
        // lock; its folder is made only then.
        if (keep && (!keep.ifAny || holdsAnything(db, 'main'))) kept = await backupDatabase(dest, keep.name ?? keep.another(), keep.another);
        clearDatabase(db, 'main');
        copyDatabase(db, 'restored', 'main');
        retryBusy(() => db.exec('COMMIT'));
        replaced = true;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
      db.exec('DETACH restored');
      // Before the database is closed (its checkpoint takes a while): stopped then, the restore
      // leaves nothing of its own beside the database.
      rmSync(staged.path, { force: true });
      return kept;
    } finally {
      db.close();
    }
  } catch (err) {
    // Nothing was replaced: a copy of what is still there would only be one more file.
    if (kept && !replaced) rmSync(kept, { force: true });
    throw err;
  } finally {
    rmSync(staged.path, { force: true });
  }
}

/** A private copy of a backup beside the database, for a restore to take it from: the user's file is only read. */
async function stageBackup(source: string, dest: string): Promise<{ path: string }> {
  const staged = createTempBeside(dest);
  closeSync(staged.fd);
  try {
    const src = openBackup(source, inspectHeader(source, 'backup').wal);
    try {
      await src.db.backup(staged.path);
    } finally {
      src.close();
    }
    return staged;
  } catch (err) {
    rmSync(staged.path, { force: true });
    throw err;
  }
}

/** Whether an error says the database is too damaged to read (as opening it or a query finds). */
export function isDamage(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

/**
 * Puts a verified backup in place of a database too damaged to open or to copy, which is not
 * copied row by row (its rows cannot be read) but kept at `keep` as it is, byte for byte, with
 * its log. The backup replaces the file whole, without the database's lock (a damaged one
 * cannot be trusted to take it): a process writing to it at that moment loses what it writes.
 */
export async function replaceDamaged(source: string, dest: string, keep: string): Promise<void> {
  const staged = await stageBackup(source, dest);
  try {
    folderFor(keep);
    copyFileSync(dest, keep, constants.COPYFILE_EXCL);
    if (existsSync(`${dest}-wal`)) copyFileSync(`${dest}-wal`, `${keep}-wal`, constants.COPYFILE_EXCL);
    for (const own of ['-wal', '-shm', '-journal']) rmSync(`${dest}${own}`, { force: true });
    renameSync(staged.path, dest);
  } finally {
    rmSync(staged.path, { force: true });
  }
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

/** A CREATE statement of one schema rewritten to create the same object in another. */
function createIn(schema: string, sql: string): string {
  const m = /^CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\s+(?:IF\s+NOT\s+EXISTS\s+)?/i.exec(sql);
  if (!m) throw new Error(`cannot copy the schema statement: ${sql.slice(0, 60)}`);
  return `${m[0]}${q(schema)}.${sql.slice(m[0].length)}`;
}

/** Tables that hold only what is worked out again from the others, SQLite's own, or what every database is made with (its id). */
const WORKED_OUT = new Set(['digests', 'digests_build', 'verdicts', 'verdicts_judged', 'sqlite_sequence', 'database_id']);

/** Whether a schema holds a row of anything but what is worked out again (a database just made holds none). */
function holdsAnything(db: DB, schema: string): boolean {
  const tables = db.prepare(`SELECT name FROM ${q(schema)}.sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  return tables.some((t) => !WORKED_OUT.has(t) && db.prepare(`SELECT 1 FROM ${q(schema)}.${q(t)} LIMIT 1`).get() !== undefined);
}

/** Drops every table, view and trigger of a schema (its indexes go with its tables). */
function clearDatabase(db: DB, schema: string): void {
  const objects = db.prepare(`SELECT type, name FROM ${q(schema)}.sqlite_master WHERE name NOT LIKE 'sqlite_%' AND type IN ('trigger', 'view', 'table')`).all() as SchemaObject[];
  const order = ['trigger', 'view', 'table'];
  for (const o of objects.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))) db.exec(`DROP ${o.type.toUpperCase()} IF EXISTS ${q(schema)}.${q(o.name)}`);
}

/** Copies schema, rows, ids of AUTOINCREMENT tables and the header's id and version from
 * one attached database into another, empty one; triggers are made last, so no trigger
 * fires on the copy. */
function copyDatabase(db: DB, from: string, to: string): void {
  const objects = db.prepare(`SELECT type, name, sql FROM ${q(from)}.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'`).all() as SchemaObject[];
  const of = (type: string) => objects.filter((o) => o.type === type);
  for (const t of of('table')) db.exec(createIn(to, t.sql));
  for (const t of of('table')) db.exec(`INSERT INTO ${q(to)}.${q(t.name)} SELECT * FROM ${q(from)}.${q(t.name)}`);
  const hasSequence = (schema: string) => !!db.prepare(`SELECT 1 FROM ${q(schema)}.sqlite_master WHERE name = 'sqlite_sequence'`).get();
  if (hasSequence(from) && hasSequence(to)) {
    db.exec(`DELETE FROM ${q(to)}.sqlite_sequence`);
    db.exec(`INSERT INTO ${q(to)}.sqlite_sequence SELECT * FROM ${q(from)}.sqlite_sequence`);
  }
  for (const type of ['index', 'view', 'trigger']) for (const o of of(type)) db.exec(createIn(to, o.sql));
  for (const pragma of ['application_id', 'user_version']) {
    const v = db.pragma(`${q(from)}.${pragma}`, { simple: true }) as number;
    db.pragma(`${q(to)}.${pragma} = ${Number(v)}`);
  }
}
