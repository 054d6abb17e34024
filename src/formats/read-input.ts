// Every input file the tool reads comes through here: a data file, answers, a checklist, the
// policy, a letter template, law.yaml. What is read is bounded whatever the file is (a regular file, a pipe, a device
// such as /dev/zero): at most `maxBytes` are read, and a file that holds more is refused
// with a sentence, never read into memory whole. Text must be UTF-8.

import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { t } from '../i18n/index.js';
import { UserError } from '../errors.js';
import { ownDescriptorOf, type Companion, type Misplaced, type SqliteFile } from './write-file.js';

/** The limits of what is read, in bytes (stated in the README). */
export const INPUT_LIMITS = {
  /** A data file for `import` (JSON; YAML has its own, smaller budget). */
  data: 128 * 1024 * 1024,
  /** Answers, checklists, the policy, letter templates and law.yaml. */
  small: 1024 * 1024,
} as const;

const pause = new Int32Array(new SharedArrayBuffer(4));

export function describeSize(bytes: number): string {
  return t().files.size(bytes);
}

/** Whether two paths name the same file (through links too); where either cannot be looked at, whether they are one path. */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return a === b;
  }
}

/**
 * Whether an input is read once: standard input, a descriptor of this process (/dev/stdin,
 * /dev/fd/3), a pipe. No later command reads it again by the name it was read under.
 */
export function readOnce(path: string): boolean {
  if (path === '-' || ownDescriptorOf(path) !== undefined) return true;
  try {
    return !statSync(path).isFile();
  } catch {
    return true;
  }
}

/** The words that say what an SQLite file given for a data file is, and what to give instead. */
export interface SqliteInputWords {
  companion(file: string, kind: Companion['kind'], database?: string): string;
  cut(file: string, size: number, expected?: number): string;
  database(file: string, once: boolean): string;
}

/**
 * Refuses an SQLite file given for a data file (see sqliteInputAt), saying what it is: a
 * database misplaced under a companion's name, a companion, a database cut short, a database.
 * `once`: the input cannot be named again (see readOnce).
 */
export function refuseSqliteInput(file: string, found: SqliteFile | Companion | Misplaced, once: boolean, words: SqliteInputWords): never {
  if (found.kind === 'misplaced') throw new UserError(t().db.misplaced(file, found.database));
  if ('database' in found) throw new UserError(words.companion(file, found.kind, found.database));
  if (found.kind === 'cut') throw new UserError(words.cut(file, found.size, found.expected));
  if (found.kind !== 'database') throw new UserError(words.companion(file, found.kind));
  throw new UserError(words.database(file, once));
}

/** The file an input is (standard input's for `-`), followed through links; undefined where it cannot be looked at. */
export function statOfInput(file: string): Stats | undefined {
  try {
    return file === '-' ? fstatSync(0) : statSync(file);
  } catch {
    return undefined;
  }
}

/** Whether reading `file` reads standard input: `-`, or a name of it (/dev/stdin, /dev/fd/0). */
export function readsStdin(file: string): boolean {
  return file === '-' || ownDescriptorOf(file) === 0;
}

/** What a file is read as: its words come from the catalog. */
/** A path's own entry (a link not followed), or undefined where there is none (nor a folder above it). */
export function entryOf(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}

export type InputKind = 'data' | 'checklist' | 'policy' | 'answers' | 'template' | 'law';

function openInput(file: string, what: InputKind): number {
  const say = t().files;
  if (file === '') throw new UserError(say.needsPath(what));
  if (file === '-') return 0;
  try {
    // A FIFO waits here for its writer, as `cat` would.
    return openSync(file, constants.O_RDONLY | constants.O_NOCTTY);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(file.includes('\uFFFD') ? say.notUtf8Name(file) : say.noFile(file));
    throw unreadable(file, err);
  }
}

/**
 * Why an input that is there cannot be opened or looked at (a file not to be read, a path
 * through a file, a loop of links, a socket with nothing behind it), as the reading of any
 * input says it. One that is not there (ENOENT) each command says in its own words.
 */
export function unreadable(file: string, err: unknown): UserError {
  const say = t().files;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return new UserError(say.denied(file));
  if (code === 'ENOTDIR') return new UserError(say.notDir(file));
  if (code === 'ELOOP') return new UserError(say.loop(file));
  if (code === 'ENXIO') return new UserError(say.nothingBehind(file));
  return new UserError(say.cannotRead(file, code ?? (err as Error).message));
}

/**
 * Refuses a file of the config folder that is no file (a pipe, a device, a socket): read where
 * a command looks for it, never given by the user, it is never waited on nor read without end.
 * A file that cannot be looked at is left for its reading to say why.
 */
export function refuseSpecial(file: string, what: InputKind): void {
  let st: Stats;
  try {
    st = statSync(file);
  } catch {
    return;
  }
  if (!st.isFile() && !st.isDirectory()) throw new UserError(t().files.special(file, what));
}

/** Reads at most `maxBytes` of a file (or `-`, standard input) as UTF-8 text. */
export function readInputText(file: string, opts: { what: InputKind; maxBytes: number }): string {
  return decodeInput(readInputBytes(file, opts), file);
}

/** UTF-8 text, as readInputText reads it. */
export function decodeInput(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const name = file === '-' ? t().data.stdin : file;
    // A database given where a text file is asked for: to be saved as UTF-8 it is not.
    if (Buffer.from(bytes.subarray(0, 16)).toString('latin1') === 'SQLite format 3\u0000') throw new UserError(t().files.databaseNotText(name));
    throw new UserError(t().files.notUtf8(name));
  }
}

/** Reads at most `maxBytes` of a file (or `-`, standard input), as bytes. */
export function readInputBytes(file: string, opts: { what: InputKind; maxBytes: number }): Buffer {
  const fd = openInput(file, opts.what);
  const say = t().files;
  const name = file === '-' ? t().data.stdin : file;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new UserError(say.folder(name));
    const tooBig = () => new UserError(say.tooBig(name, opts.maxBytes, opts.what));
    if (st.isFile() && st.size > opts.maxBytes) throw tooBig();
    const chunks: Buffer[] = [];
    let total = 0;
    const chunkSize = st.isFile() ? Math.min(Math.max(st.size + 1, 4096), opts.maxBytes + 1) : 1 << 20;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(chunkSize, opts.maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          Atomics.wait(pause, 0, 0, 10);
          continue;
        }
        if (code === 'EISDIR') throw new UserError(say.folder(name));
        throw new UserError(say.cannotRead(name, code ?? (err as Error).message));
      }
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > opts.maxBytes) throw tooBig();
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}
