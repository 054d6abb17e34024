// Every file the tool writes goes through here. The rules:
// - never over the database, its -wal, -shm or journal, a file in its backups folder, or
//   any existing SQLite file, whatever the spelling of the path (relative, `..`, a symbolic
//   link, a hard link: files are compared by device and inode, not by name);
// - a regular file is written whole or not at all: a temporary file beside it, created
//   exclusively under a random name (never following a link planted there), then a rename;
// - a character device or a FIFO is written through, as is a name of one of our own open
//   descriptors (/dev/stdout, /dev/fd/N, /proc/self/fd/N); `-` means standard output.

import {
  closeSync,
  constants,
  fstatSync,
  fchmodSync,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { t } from '../i18n/index.js';
import { UserError } from '../errors.js';

/** What must never be written over: the database of this run and everything that belongs to it. */
export interface WriteGuard {
  dbPath?: string;
}

/** The files of a SQLite database: the file itself and those SQLite keeps beside it. */
export const DB_COMPANIONS = ['', '-wal', '-shm', '-journal'];

/**
 * The file an `--out` names, or undefined where the output goes to standard output: none given,
 * `-`, or a name of this process's standard output (/dev/stdout, /dev/fd/1). Every command reads
 * its `--out` through this, so that `-` means standard output to every one of them alike.
 */
export function outputFileOf(out: string | undefined): string | undefined {
  return out === undefined || outputDescriptorOf(out) === 1 ? undefined : out;
}

/** The descriptor an output path names: `-` is standard output (never a file of that name), else see ownDescriptorOf. */
function outputDescriptorOf(out: string): number | undefined {
  return out === '-' ? 1 : ownDescriptorOf(out);
}

/** Whether output to `out` is written through (standard output, a device, a pipe), not replaced whole. */
export function writesThrough(out: string): boolean {
  if (outputDescriptorOf(out) !== undefined) return true;
  const st = statOr(out);
  return !!st && !st.isFile() && !st.isDirectory();
}

/** The descriptor a path names when it is one of this process's own (/dev/stdout, /dev/fd/3, /proc/self/fd/1). */
export function ownDescriptorOf(path: string): number | undefined {
  const p = resolve(path);
  const named: Record<string, number> = { '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 };
  if (p in named) return named[p];
  const m = /^\/(?:dev\/fd|proc\/(?:self|thread-self|\d+)\/fd)\/(\d+)$/.exec(p);
  if (!m) return undefined;
  if (!/^\/proc\/\d+\//.test(p) || p.startsWith(`/proc/${process.pid}/`)) return Number(m[1]);
  return undefined;
}

const realOr = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

/** Whether `p` is a link whose links lead round to one another, never to a file. */
function isLinkLoop(p: string): boolean {
  try {
    statSync(p);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ELOOP';
  }
}

function statOr(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

const MAGICS: ['database' | 'wal' | 'journal', Buffer][] = [
  ['database', Buffer.from('SQLite format 3\u0000', 'latin1')],
  ['wal', Buffer.from([0x37, 0x7f, 0x06, 0x82])],
  ['wal', Buffer.from([0x37, 0x7f, 0x06, 0x83])],
  ['journal', Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7])],
];

/**
 * What an SQLite file is, by its first bytes: a database, or one cut short (shorter than its
 * header says it is: `expected` bytes, unknown where the header itself is not whole), or a
 * database's write-ahead log or rollback journal.
 */
export type SqliteFile = { kind: 'database' } | { kind: 'cut'; size: number; expected?: number } | { kind: 'wal' } | { kind: 'journal' };

/** The first bytes an SQLite file is told by: a database's header. */
const SQLITE_HEAD = 100;

/**
 * What an SQLite file of `size` bytes is, by its first bytes (at least the 100 of a database's
 * header, where there are so many), or undefined for a file that is none.
 */
export function sqliteFileOf(head: Uint8Array, size: number): SqliteFile | undefined {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.length);
  const kind = MAGICS.find(([, m]) => bytes.length >= m.length && bytes.subarray(0, m.length).equals(m))?.[0];
  if (kind === 'wal' || kind === 'journal') return { kind };
  if (kind !== 'database') return undefined;
  if (size < SQLITE_HEAD) return { kind: 'cut', size };
  if (bytes.length < SQLITE_HEAD) return { kind: 'database' };
  // The page size (1 for 65536) and the count of pages, which the header gives where the
  // counter of changes it was written at (bytes 92–95) is the file's (bytes 24–27).
  const raw = bytes.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = bytes.readUInt32BE(28);
  if (pages > 0 && bytes.readUInt32BE(24) === bytes.readUInt32BE(92) && size < pageSize * pages) return { kind: 'cut', size, expected: pageSize * pages };
  if (size < pageSize) return { kind: 'cut', size, expected: pageSize };
  return { kind: 'database' };
}

/**
 * The first `bytes` of a regular file, and its size; undefined for one that cannot be read, or
 * is no regular file (opened without waiting: a FIFO is not read).
 */
function headOf(path: string, bytes: number): { head: Buffer; size: number } | undefined {
  let fd: number;
  try {
    // Only a regular file is opened: a named pipe opened and closed again lets its writer write
    // into nothing (or let go of what it wrote), and the reading that follows waits for another
    // writer without end. (What the name leads to by then is looked at again once it is open.)
    if (!statSync(path).isFile()) return undefined;
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return undefined;
    const head = Buffer.alloc(bytes);
    const n = readSync(fd, head, 0, bytes, 0);
    return { head: head.subarray(0, n), size: st.size };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** What a regular file is, if it is an SQLite file; undefined for any other file, or none. */
export function sqliteFileAt(path: string): SqliteFile | undefined {
  const read = headOf(path, SQLITE_HEAD);
  return read && sqliteFileOf(read.head, read.size);
}

/** Whether a file (`st`, its entry followed through links) is the database at `dbPath` or one of its own files (its log, its shared memory, its journal). */
export function isOfDatabase(st: Stats, dbPath: string): boolean {
  return databaseFileOf(st, dbPath) !== undefined;
}

/** Which of the files of the database at `dbPath` a file is (`st`, its entry followed through links): the database itself, its log, its shared memory or its journal; undefined for any other file. */
export function databaseFileOf(st: Stats, dbPath: string): 'database' | Companion['kind'] | undefined {
  // Beside the file a link to the database leads to: SQLite keeps its files there.
  const db = realOr(dbPath);
  const suffix = DB_COMPANIONS.find((s) => {
    const other = statOr(`${db}${s}`);
    return other !== undefined && other.dev === st.dev && other.ino === st.ino;
  });
  return suffix === undefined ? undefined : suffix === '' ? 'database' : (suffix.slice(1) as Companion['kind']);
}

/** Whether a regular file starts like an SQLite database, log or journal. */
export function isSqliteFile(path: string): boolean {
  return sqliteFileAt(path) !== undefined;
}

/** A file SQLite keeps beside a database, and that database. */
export interface Companion {
  kind: 'wal' | 'shm' | 'journal';
  database: string;
}

/**
 * The SQLite file a file is the companion of by its name (its write-ahead log -wal, shared
 * memory -shm or journal -journal), or by the name of the file a link leads to: the file
 * beside it without that ending, where that is an SQLite file; undefined for any other name.
 * The shared memory carries no mark of its own, and a log is empty between writes: a companion
 * is told by its name, there or not yet.
 */
export function companionOf(path: string): Companion | undefined {
  for (const name of new Set([path, realOr(path)])) {
    const named = companionNamed(name);
    if (named && isSqliteFile(named.database)) return named;
  }
  return undefined;
}

/** The companion a name is by itself (`x.db-wal`: the log of `x.db`), whatever is there. */
export function companionNamed(path: string): Companion | undefined {
  const m = /-(wal|shm|journal)$/.exec(path);
  return m ? { kind: m[1] as Companion['kind'], database: path.slice(0, m.index) } : undefined;
}

/** A database of its own under the name of another's companion (`x.db-wal` holding a database): the next opening of that other database takes it for its own file, and wipes it. */
export interface Misplaced {
  kind: 'misplaced';
  database: string;
}

/** What a companion's name holds, if it is a database: one misplaced there. */
export function misplacedAt(path: string, companion: Companion): Misplaced | undefined {
  const kind = sqliteFileAt(path)?.kind;
  return kind === 'database' || kind === 'cut' ? { kind: 'misplaced', database: companion.database } : undefined;
}

/**
 * What an SQLite file given as input is: by its first bytes, a database, one cut short, a log or
 * a journal; by its name beside a database, that database's companion (the shared memory has no
 * mark of its own, and a log is empty between writes), unless it holds text (a data file named
 * `x.db-journal` is read as the data file it is); a database under such a name, misplaced.
 * Undefined for any other file.
 */
export function sqliteInputAt(path: string): SqliteFile | Companion | Misplaced | undefined {
  const content = sqliteFileAt(path);
  const companion = companionOf(path);
  if (!companion) return content;
  return misplacedAt(path, companion) ?? (content || !holdsText(path) ? companion : undefined);
}

/** Whether a regular file's first bytes are text (no NUL among them): an empty file holds none. */
function holdsText(path: string): boolean {
  const read = headOf(path, 512);
  return read !== undefined && read.head.length > 0 && !read.head.includes(0);
}

/** Why a target may not be written: the database, one of its companions or backups, or any SQLite file. */
type Forbidden = 'database' | 'backup' | 'link' | 'sqlite' | 'companion';

/**
 * Why `target` (`st`, its file, where there is one) may not be written, or undefined where it
 * may. With `copiesOnly`, a file of the backups folder is refused only where it holds a database.
 */
function forbiddenTarget(target: string, guard: WriteGuard, st?: Stats, copiesOnly = false): Forbidden | undefined {
  if (guard.dbPath !== undefined) {
    const db = realOr(guard.dbPath);
    const real = realOr(target);
    const names = new Set(DB_COMPANIONS.flatMap((s) => [`${db}${s}`, `${resolve(guard.dbPath!)}${s}`]));
    if (names.has(real) || names.has(resolve(target))) return 'database';
    const backups = realOr(join(dirname(db), 'backups'));
    if (dirname(real) === backups && st && (!copiesOnly || isSqliteFile(target))) return 'backup';
    if (st && isOfDatabase(st, guard.dbPath)) return 'link';
  }
  // Another database's companion, there or not yet: written, it is that database's (a log put
  // beside it is read into it).
  if ((!st || st.isFile()) && companionOf(target)) return 'companion';
  if (st?.isFile() && isSqliteFile(target)) return 'sqlite';
  return undefined;
}

/** Refuses a target that is the database, one of its companions or backups, or any SQLite file. */
export function assertNotDatabase(target: string, guard: WriteGuard, st?: Stats, flag = '--out'): void {
  const what = forbiddenTarget(target, guard, st);
  if (what) throw new UserError(t().files.refuseTarget(target, what, flag));
}

/**
 * Refuses standard output sent to a file no output may be written over (`vetted lists >>
 * vetted.db`, `vetted letter ID --out - >> vetted.db`): checked once, before any command runs,
 * for every command and every way it writes there (its listing, `--out -`, `--out /dev/stdout`).
 * In the backups folder, only a file that holds a database (a copy) is refused: the shell
 * opened the file before the command ran, so a log there (`vetted backup >> backups/backup.log`)
 * or a file `>` has just made takes the output as any other file does. The database, or one of
 * its files, found empty was emptied by the shell's `>`: said so, with where its copies are.
 */
export function refuseStdoutOverData(guard: WriteGuard): void {
  let st: Stats;
  try {
    st = fstatSync(1);
  } catch {
    return;
  }
  if (!st.isFile()) return;
  const what = forbiddenTarget('/dev/stdout', guard, st, true);
  if (!what) return;
  // The database or one of its files found empty: the shell emptied it (`>`) before the command
  // ran, which nothing here can undo; said, with where its copies are.
  if ((what === 'database' || what === 'link') && st.size === 0 && guard.dbPath !== undefined) {
    throw new UserError(t().files.stdoutEmptied(what, join(dirname(realOr(guard.dbPath)), 'backups')));
  }
  throw new UserError(t().files.stdoutForbidden(what));
}

/**
 * A path ending in a slash names a folder, there or not: never a file made under the folder's
 * name (for a folder not there yet; the slash is gone once the path is resolved).
 */
export function refuseFolderName(out: string, flag = '--out'): void {
  if (out.endsWith('/') && !statOr(out)) throw new UserError(t().files.outNamesFolder(out, flag));
}

/**
 * Refuses a descriptor of this process named as the output (/dev/stdin, /dev/fd/N) that is not
 * open for writing: standard input opened for reading, or none open at all. Writing nothing is
 * the test: the system refuses it for a descriptor not open for writing, and it changes nothing.
 */
function refuseUnwritable(out: string, fd: number, flag: string): void {
  try {
    writeSync(fd, NOTHING, 0, 0);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EBADF' || code === 'EINVAL') throw new UserError(t().files.outNotWritable(out, fd, flag));
    // Standard output that takes nothing (`> /dev/full`) refuses even nothing.
    refusedByStdout(fd, code);
    throw err;
  }
}

const NOTHING = Buffer.alloc(0);

/** The most bytes a name in a path may have, and a whole path (Linux's NAME_MAX, and PATH_MAX less its NUL). */
const NAME_MAX = 255;
const PATH_MAX = 4095;

/**
 * Refuses a path the file system would refuse as too long, said of the path given: a name
 * in it (the file's or a folder's) too long for any file system, or a path too long once
 * resolved, its temporary file beside it included (the rename into place would be refused
 * after all the work, naming the temporary file).
 */
function refuseLongNames(out: string, flag: string): void {
  const full = resolve(out);
  const longest = Math.max(...full.split('/').map((name) => Buffer.byteLength(name)));
  if (longest > NAME_MAX) throw new UserError(t().files.nameTooLong(out, longest, NAME_MAX, flag));
  const temp = join(dirname(full), `${tempPrefix(full)}${'0'.repeat(16)}.${'0'.repeat(PID_DIGITS)}.tmp`);
  if (Buffer.byteLength(temp) > PATH_MAX || Buffer.byteLength(full) > PATH_MAX) throw new UserError(t().files.pathTooLong(out, flag));
}

/** Checks an output path before anything is computed, so that a refusal costs nothing. */
export function checkOutputPath(out: string, guard: WriteGuard, flag = '--out'): void {
  const say = t().files;
  if (out === '') throw new UserError(say.outNeedsPath(flag));
  const own = outputDescriptorOf(out);
  if (own !== undefined) return refuseUnwritable(out, own, flag);
  refuseLongNames(out, flag);
  let link: Stats | undefined;
  try {
    link = lstatSync(out);
  } catch {
    link = undefined;
  }
  const st = statOr(out);
  if (link?.isSymbolicLink() && !st) throw new UserError(isLinkLoop(out) ? say.linkLoop(out, flag) : say.danglingLink(out, flag));
  if (st?.isDirectory()) throw new UserError(say.outFolder(out, flag));
  if (!st) refuseFolderName(out, flag);
  if (st && !st.isFile() && !st.isCharacterDevice() && !st.isFIFO()) throw new UserError(say.outSpecial(out, flag));
  if (!st) {
    const dir = dirname(resolve(out));
    const d = statOr(dir);
    if (!d) throw new UserError(say.noFolder(dir, flag));
    if (!d.isDirectory()) throw new UserError(say.notFolder(dir, flag));
  }
  assertNotDatabase(out, guard, st, flag);
}

/** UTF-16 units of text encoded in the reused buffer (3 octets each at most). */
const SCRATCH_CHARS = 1 << 17;

/** Writes every chunk to a descriptor, waiting out a full pipe. */
function writeAll(fd: number, chunks: Iterable<string | Uint8Array>): void {
  // Text written in pieces is encoded into one buffer, reused from piece to piece, so that
  // memory is allocated once; a large piece gets a buffer of its own, of its exact size.
  const scratch = Buffer.allocUnsafe(3 * SCRATCH_CHARS);
  for (const chunk of chunks) {
    const buf = typeof chunk !== 'string' ? chunk : chunk.length <= SCRATCH_CHARS ? scratch.subarray(0, scratch.write(chunk, 'utf8')) : Buffer.from(chunk, 'utf8');
    let off = 0;
    while (off < buf.length) {
      try {
        off += writeSync(fd, buf, off, buf.length - off);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      }
    }
  }
}

/**
 * The start of a temporary file's name beside `target`: its name, cut (at a character) so that
 * with the 33 bytes around it (the dots, 16 random hex digits, the id of the process that
 * writes it, `.tmp`), and the 8 of a `-journal` SQLite may add to it (a backup is made in a
 * temporary file), the whole is within the 255 bytes a name may have.
 */
const tempPrefix = (target: string) => `.${cutToBytes(basename(target), 255 - 33 - 8)}.`;

/** The most digits of a process id a temporary name holds (Linux's ids have 7 at most). */
const PID_DIGITS = 10;

/**
 * What follows the prefix in a temporary name: random digits, so that no one can guess the name,
 * then the id of the process writing it, so that a file left by one stopped part way (Ctrl+C, a
 * kill) is known to be no one's once that process is gone; and the endings of the files SQLite
 * keeps beside a database made there. A name of an earlier version had no id (and none of those
 * ends in a decimal number before `.tmp`, which no random part is).
 */
const TEMP_TAIL = /^[0-9a-f]{16}\.(\d{1,10})\.tmp(-journal|-wal|-shm)?$/;

function cutToBytes(name: string, max: number): string {
  if (Buffer.byteLength(name) <= max) return name;
  let out = '';
  let bytes = 0;
  for (const ch of name) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out;
}

/**
 * The id of the process that made a file beside `target` under a name createTempBeside gives (not
 * a file SQLite keeps beside one), 0 for a name an earlier version gave, which carried none;
 * undefined for any other name.
 */
export function tempWriterOf(target: string, name: string): number | undefined {
  const prefix = tempPrefix(target);
  if (!name.startsWith(prefix)) return undefined;
  const tail = name.slice(prefix.length);
  if (/^[0-9a-f]{16}\.tmp$/.test(tail)) return 0;
  const m = TEMP_TAIL.exec(tail);
  return m && m[2] === undefined ? Number(m[1]) : undefined;
}

/** The temporary files this process made: one named with this process's id that it did not make is a leftover of an earlier process that had the same id (in a container, each run may be process 1). */
const madeHere = new Set<string>();

/** A temporary file beside `target`, created exclusively under a random name; never a link. Those left beside it by writers that are gone are removed first. */
export function createTempBeside(target: string, mode = 0o600, flag = '--out'): { path: string; fd: number } {
  // Loaded here, not imported: every command that opens the database loads this module, and
  // only the first one, creating the file, needs the crypto module (several ms to load).
  const { randomBytes } = process.getBuiltinModule('node:crypto');
  sweepTempsBeside(target);
  for (let attempt = 0; ; attempt++) {
    const path = join(dirname(target), `${tempPrefix(target)}${randomBytes(8).toString('hex')}.${process.pid}.tmp`);
    try {
      const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
      madeHere.add(path);
      return { path, fd };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && attempt < 5) continue;
      const dir = dirname(target);
      if (code === 'ENOENT' && !statOr(dir)) throw new UserError(t().files.noFolder(dir, flag));
      // A folder no file can be made in (/proc, /sys, one without the permission): said of the folder and the flag, not of the database.
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UserError(t().files.cannotCreateIn(dir, code, flag));
      throw err;
    }
  }
}

/**
 * Removes the temporary files beside `target` that writers now gone left there: a write stopped
 * part way (Ctrl+C, a kill, a crash) leaves its file, as large as it got, under a hidden name
 * that nothing else removes. See sweepTemps.
 */
export function sweepTempsBeside(target: string): void {
  const prefix = tempPrefix(target);
  sweepTemps(dirname(target), (name) => `.${name}.` === prefix);
}

/**
 * How long a temporary file goes unwritten before it may be taken for a leftover: a writer's
 * id says whether it is gone only among the processes of this machine and container, and the
 * folder may be another's too (a shared volume, a network disk), where a live writer is no
 * process here. A writer writes its file without a pause of this length.
 */
export const TEMP_QUIET_MS = 10 * 60_000;

/**
 * Removes from `dir` the temporary files (with whatever SQLite kept beside one) made for a
 * target whose name `forTarget` accepts, as cut in the temporary name, by a process that is
 * gone. Only regular files of this user under a name exactly of that shape are removed: not a
 * file of an earlier version's name, which says nothing of its writer; not one whose writer may
 * still be running (its id is of a process there, whoever's: a database linked into place a
 * moment ago has its maker about to remove this name); and not one written to in the last
 * TEMP_QUIET_MS. Whatever cannot be looked at or removed is left for
 * another time.
 */
export function sweepTemps(dir: string, forTarget: (name: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const m = /^\.(.+)\.([0-9a-f]{16}\.\d+\.tmp(?:-journal|-wal|-shm)?)$/.exec(name);
    const tail = m && TEMP_TAIL.exec(m[2]);
    if (!m || !tail || !forTarget(m[1])) continue;
    const file = join(dir, name);
    try {
      const st = lstatSync(file);
      if (!st.isFile() || (uid !== undefined && st.uid !== uid)) continue;
      const own = tail[2] === undefined ? file : file.slice(0, -tail[2].length);
      // One with a second name (a copy linked into place, its maker stopped before it removed this
      // name) goes too, once its maker is gone: only this name is removed, the file stays under its other.
      // Written to within the last minutes: a process of another container or machine that
      // shares the folder may be writing it, under an id no process here has.
      if (Date.now() - st.mtimeMs < TEMP_QUIET_MS) continue;
      if (!writerGone(Number(tail[1]), own)) continue;
      rmSync(file, { force: true });
    } catch {
      // Left for another time.
    }
  }
}

/** Whether the process that made the temporary file `file`, by the id its name carries, is gone. */
export function writerGone(pid: number, file: string): boolean {
  if (pid === process.pid) return !madeHere.has(file);
  // 0 and what is no process id (kill(0) would signal this process's group): left alone.
  if (!Number.isSafeInteger(pid) || pid < 1 || pid >= 2 ** 31) return false;
  try {
    // Signal 0 is sent to no one: it asks only whether the process is there.
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // EPERM: there, another user's.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** A whole file written into a pipe whose reader left before its end: what the reader got is cut short. */
export class OutputCut extends Error {
  readonly code = 'OUTPUT_CUT';
  constructor() {
    super('the reader of the output went away before its end');
  }
}

/** A write to standard output (descriptor 1) that failed with a system's error: said as OutputRefused. */
function refusedByStdout(fd: number, code: unknown): void {
  if (fd === 1 && typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw new OutputRefused(code);
}

/** Standard output that refused what was written to it (`> /dev/full`, a full disk there): said as any listing says it, not as the database's disk full. */
export class OutputRefused extends Error {
  readonly code = 'OUTPUT_REFUSED';
  constructor(readonly reason: string) {
    super(`the output could not be written (${reason})`);
  }
}

/**
 * Writes a whole file through a descriptor (standard output, a pipe, a device). A file (a
 * backup, an attachment) whose reader went away before its end was not written: a failure,
 * where a listing cut short by `| head` is not; a pipe named by --out is no different.
 */
function writeWhole(fd: number, chunks: Iterable<string | Uint8Array>): void {
  try {
    writeAll(fd, chunks);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') throw new OutputCut();
    refusedByStdout(fd, code);
    throw err;
  }
}

/**
 * Writes an output file by the rules above; `-` is standard output, written through (a caller
 * that prints to a terminal through its guard asks outputFileOf first). A file written over keeps its permissions
 * (a page published from a web folder, a calendar a server hands out, stay readable there:
 * vetted changes the permissions only of files it creates); a new file is `mode`, the owner's alone.
 */
export function writeOutputFile(out: string, chunks: Iterable<string | Uint8Array>, guard: WriteGuard, mode = 0o600): void {
  prepareOutputFile(out, chunks, guard, mode).commit();
}

/** An output written as far as it can be before a change is recorded with it. */
export interface PreparedOutput {
  /** Puts the file in its place (a rename, which waits on nothing); done at most once. */
  commit(): void;
  /** Drops what was prepared and not put in place (nothing once it was). */
  discard(): void;
}

/**
 * Does all of writeOutputFile that can wait or fail before a change is recorded with the file
 * (a letter recorded as sent): a device or a pipe is opened and written through, which may
 * wait for its reader; a regular file is written whole beside its place. What is left for
 * `commit` is the rename, to be done within the record's transaction, which then never waits
 * on an output.
 */
export function prepareOutputFile(out: string, chunks: Iterable<string | Uint8Array>, guard: WriteGuard, mode = 0o600): PreparedOutput {
  checkOutputPath(out, guard);
  const done: PreparedOutput = { commit() {}, discard() {} };
  const own = outputDescriptorOf(out);
  if (own !== undefined) {
    const st = fstatSync(own);
    if (st.isFile()) assertNotDatabase(out, guard, st);
    writeWhole(own, chunks);
    return done;
  }
  const st = statOr(out);
  if (st && !st.isFile()) {
    // A device or a pipe: write through it, never replace it.
    const fd = openSync(out, constants.O_WRONLY | constants.O_NOCTTY);
    try {
      const opened = fstatSync(fd);
      if (opened.isFile()) {
        assertNotDatabase(out, guard, opened);
        ftruncateSync(fd, 0);
      }
      writeWhole(fd, chunks);
    } finally {
      closeSync(fd);
    }
    return done;
  }
  // A regular file (or none yet): follow a link to the real file, and replace that whole.
  const target = st ? realOr(out) : join(realOr(dirname(resolve(out))), basename(out));
  const tmp = createTempBeside(target, mode);
  let left = true;
  const discard = () => {
    if (!left) return;
    left = false;
    if (tmp.fd >= 0) closeSync(tmp.fd);
    rmSync(tmp.path, { force: true });
  };
  try {
    if (st) fchmodSync(tmp.fd, st.mode & 0o777);
    writeAll(tmp.fd, chunks);
    fsyncSync(tmp.fd);
    closeSync(tmp.fd);
    tmp.fd = -1;
  } catch (err) {
    discard();
    throw err;
  }
  return {
    commit() {
      if (!left) return;
      try {
        // Checked again at the last moment: the target may have changed since.
        assertNotDatabase(target, guard, statOr(target));
        renameSync(tmp.path, target);
        left = false;
      } finally {
        discard();
      }
    },
    discard,
  };
}

/** The same rules under the older name; the guard names the open database (never written over). */
export function writeFileAtomic(path: string, chunks: Iterable<string | Uint8Array>, mode: number, guard: WriteGuard): void {
  writeOutputFile(path, chunks, guard, mode);
}
