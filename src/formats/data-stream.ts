// A large JSON data file read a record at a time: one pass over its bytes finds where each
// record stands (and refuses, as scanJson does, a key given twice or a file over the budget);
// then the records are read again from the file, a few megabytes at a time, and each is parsed
// and checked just before it is merged (a record found wanting stops the merge, which then
// writes nothing): neither the whole text nor the whole document is ever in memory.
//
// Only a file laid out as vetted writes one is read so: a JSON object of known keys, format
// first, the lists of records in the order they are merged. Anything else, and any problem
// met on the way, sends the file to the reader of whole documents, which names the problem
// exactly as before.

import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import { JSON_LIMITS, ObjectKeys, findBrokenText } from './data-text.js';
import { checkRecord, checkRecordDates, validateDataFile, SECTIONS, type DataFile, type DataProblem, type KeptProblem, type Section } from './data-file.js';
import type { DataRecords } from '../store/merge.js';

/**
 * Up to this size a data file is read whole however it is laid out (see `import`): one parse of
 * the whole text is quicker than a layout and a parse a record, and the memory it takes is
 * small. The 10,000-company file (11 MB) was imported in 1,130–1,160 ms read whole, against
 * 1,250 ms record by record, for 176 MB of memory at its peak against 128.
 */
export const READ_WHOLE_BYTES = 16 * 1024 * 1024;

/** The top-level keys of a data file read record by record, in the only order allowed. */
const KEYS = ['format', 'exported_at', 'source', ...SECTIONS] as const;

export interface DataLayout {
  /** The top-level values other than the lists of records. */
  head: Record<string, unknown>;
  /** Each list's records, as pairs of byte offsets [start, end). */
  records: Map<Section, number[]>;
  /** The ids the file gives its incidents. */
  incidentIds: Set<string>;
  /** Whether a text of the file may be a lone surrogate: only an escape of one can make one in
   * UTF-8, so that a file without any needs no record walked for them (see findBrokenText). */
  surrogateEscapes: boolean;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** 8, 9 or a to f, in either case: the third digit of a surrogate's escape. */
const isSurrogateDigit = (c: number) => c === 0x38 || c === 0x39 || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);

/** Reads at most `length` bytes of a file from `position` into `into` at `offset`; how many (0 at its end). */
type ReadAt = (into: Buffer, offset: number, length: number, position: number) => number;

/** How many bytes of a file are read at once, to lay it out and to read its records: memory touched once, and used again for each window. */
const LAYOUT_WINDOW = 1 << 20;

/** Where the records of JSON data file bytes stand; undefined when they are to be read whole. */
export function layoutOf(buf: Buffer, file: string, windowBytes = LAYOUT_WINDOW): DataLayout | undefined {
  return layoutOfRead((into, offset, length, position) => (position < buf.length ? buf.copy(into, offset, position, position + length) : 0), file, windowBytes);
}

/**
 * The file at `path` opened to read, when it is still the file looked at (`identity`);
 * undefined when it cannot be opened or is another now. Opened without waiting: a path swapped
 * for a FIFO since it was looked at opens at once, and is then not that file (a regular file
 * reads the same either way).
 */
function openAsLookedAt(path: string, identity: FileIdentity): number | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (st.size === identity.size && st.mtimeMs === identity.mtimeMs && st.ino === identity.ino) return fd;
  } catch {
    // not to be looked at after all
  }
  closeSync(fd);
  return undefined;
}

/**
 * Where the records of a JSON data file stand, read a window at a time; undefined when it is
 * to be read whole, or has changed since it was looked at (`identity`). A file read whole only
 * to be laid out was a dear way to read it: 280 ms of the import of a 110 MB file went on the
 * memory its bytes took, against 22 ms for reading it a megabyte at a time.
 */
export function layoutOfFile(path: string, identity: FileIdentity, file: string): DataLayout | undefined {
  const fd = openAsLookedAt(path, identity);
  // Left to the reading of the whole file, which says why it cannot be read, or reads it as it is now.
  if (fd === undefined) return undefined;
  try {
    return layoutOfRead((into, offset, length, position) => readSync(fd, into, offset, length, position), file, LAYOUT_WINDOW);
  } catch (err) {
    // A file that cannot be read after all is left to the reading of the whole file, which says so.
    if (err instanceof UserError) throw err;
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * layoutOf over the bytes `readAt` gives, a window at a time. Positions are of the whole file;
 * the window holds the bytes from `base`, and keeps, when it moves on, what is still to be read
 * of it: a text that runs past its end (read again from its quote), the value of the head
 * being read, and the bytes not yet checked to be UTF-8.
 */
function layoutOfRead(readAt: ReadAt, file: string, windowBytes: number): DataLayout | undefined {
  let w = Buffer.allocUnsafe(Math.max(windowBytes, 16));
  let base = 0;
  let end = 0;
  let atEnd = false;
  /** Where the next quote and the next backslash stand from where each was last looked for (`end`
   * when the window holds none after it), so that no byte is searched twice; unknown again when
   * the window moves. */
  let quote = -1;
  let backslash = -1;
  let utf8Until = 0;
  let valid = true;
  /** The window from `keep` on, and then as many bytes more as it holds; false when none came. */
  const advance = (keep: number): boolean => {
    if (atEnd) return false;
    keep = Math.min(keep, utf8Until);
    const kept = end - keep;
    if (kept > w.length / 2) {
      const wider = Buffer.allocUnsafe(w.length * 2);
      w.copy(wider, 0, keep - base, end - base);
      w = wider;
    } else if (kept) w.copy(w, 0, keep - base, end - base);
    base = keep;
    quote = -1;
    backslash = -1;
    const before = end;
    for (let r = -1; r !== 0 && end - base < w.length; end += r) r = readAt(w, end - base, w.length - (end - base), end);
    atEnd = end === before || end - base < w.length;
    // Checked up to the last whole character (the rest with the next window), all of it at the end.
    let until = end;
    if (!atEnd) {
      let k = until - 1;
      while (k > until - 4 && k >= utf8Until && (w[k - base] & 0xc0) === 0x80) k--;
      const lead = w[k - base];
      const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (k >= utf8Until && k + length > until) until = k;
    }
    if (!isUtf8(w.subarray(utf8Until - base, until - base))) valid = false;
    utf8Until = until;
    return end > before;
  };
  /** Whether the escape whose backslash is just before `at` is of a surrogate, \uD800 to \uDFFF. */
  const isSurrogateEscape = (at: number) => w[at - base] === 0x75 && (w[at + 1 - base] | 0x20) === 0x64 && isSurrogateDigit(w[at + 2 - base]);
  /** Whether the bytes from `from` to the end of the file are blank (and all of it UTF-8). */
  const blankToEnd = (from: number): boolean => {
    for (let k = from; ; k++) {
      if (k >= end && !advance(end)) return valid;
      if (!isSpace(w[k - base])) return false;
    }
  };

  advance(0);
  let i = w[0] === 0xef && w[1] === 0xbb && w[2] === 0xbf && end >= 3 ? 3 : 0;
  // Lines are counted from the top of the file, blank ones before the document too.
  let line = 1;
  for (;;) {
    if (i >= end && !advance(end)) return undefined;
    if (!isSpace(w[i - base])) break;
    if (w[i - base] === 0x0a) line++;
    i++;
  }
  if (w[i - base] !== 0x7b) return undefined;
  const head: Record<string, unknown> = {};
  const records = new Map<Section, number[]>();
  const incidentIds = new IdTexts();
  let surrogateEscapes = false;
  // The keys of each open object (null for a list), and the objects' key lists, one a depth, reused.
  const keys: (ObjectKeys | null)[] = [];
  const keysAtDepth: ObjectKeys[] = [];
  let containers = 0;
  let values = 0;
  let expectKey = false;
  // The top-level object: which key, and where its value starts; a list: where its record starts.
  let topKey: (typeof KEYS)[number] | undefined;
  let keyIndex = -1;
  let topState: 'key' | 'colon' | 'value' = 'key';
  let valueStart = 0;
  let list: number[] | undefined;
  let recordStart = 0;
  let closedAt = -1;
  let idNext = false;
  /** Where the last byte that is not blank stands, before the one being read. */
  let lastInk = -1;
  /** The byte just before the one being read. */
  let prev = 0x20;
  const keyName = keyNames();
  /** Where the window must keep from when it moves on: the value of the head being read (whatever its depth). */
  const held = () => (topState === 'value' && !list ? valueStart : Infinity);
  try {
    for (; ; i++) {
      if (i >= end && !advance(Math.min(held(), end))) break;
      const c = w[i - base];
      if (c === 0x0a) line++;
      else if (c === 0x22) {
        const top = keys[keys.length - 1];
        const isKey = expectKey && !!top;
        let j: number;
        let escaped: boolean;
        let hash: number;
        // Read again from its quote in a window that holds all of it, when it runs past this one.
        for (;;) {
          j = i + 1;
          escaped = false;
          hash = 0;
          if (isKey) {
            for (; j < end; j++) {
              const d = w[j - base];
              if (d === 0x5c) {
                escaped = true;
                j++;
                if (j + 2 < end && isSurrogateEscape(j)) surrogateEscapes = true;
              } else if (d === 0x22) break;
              else hash = (Math.imul(hash, 31) + d) | 0;
            }
          } else {
            // A value's bytes are not looked at one by one: the window is searched (natively) for
            // its next quote and its next backslash, each remembered until it is passed.
            for (;;) {
              if (quote < j) {
                const q = j < end ? w.indexOf(0x22, j - base) : -1;
                quote = q < 0 || q + base >= end ? end : q + base;
              }
              const stop = quote;
              if (backslash < j) {
                const b = w.indexOf(0x5c, j - base);
                backslash = b < 0 || b + base >= end ? end : b + base;
              }
              if (backslash >= stop) {
                j = stop;
                break;
              }
              escaped = true;
              j = backslash + 1;
              // \uD800 to \uDFFF (an escape cut by the window's end is read again whole, with its text)
              if (j + 2 < end && isSurrogateEscape(j)) surrogateEscapes = true;
              j++;
            }
          }
          if (j < end || !advance(Math.min(held(), i))) break;
        }
        // A text the file ends in is taken as ending there, as the reader of whole files takes it.
        if (j > end) j = end;
        const from = i + 1 - base;
        const to = j - base;
        if (isKey) {
          const key = escaped ? textOf(from, to, true) : keyName(w, from, to, hash);
          if (!top.add(key)) throw new UserError(t().files.keyTwice(file, line, JSON.stringify(key)));
          expectKey = false;
          if (keys.length === 1) {
            if (topState !== 'key') return undefined;
            const k = KEYS.indexOf(key as (typeof KEYS)[number]);
            if (k <= keyIndex || (keyIndex < 0 && k !== 0)) return undefined;
            keyIndex = k;
            topKey = KEYS[k];
            topState = 'colon';
          }
          idNext = keys.length === 3 && topKey === 'incidents' && key === 'id';
        } else {
          values++;
          if (keys.length === 1 && topState !== 'value') return undefined;
          if (idNext && keys.length === 3) {
            if (escaped) incidentIds.addText(textOf(from, to, true));
            else incidentIds.addBytes(w, from, to);
          }
          idNext = false;
          if (values > JSON_LIMITS.values) tooBig();
        }
        i = j;
      } else if (c === 0x3a) {
        if (keys.length === 1) {
          if (topState !== 'colon') return undefined;
          topState = 'value';
          valueStart = i + 1;
        }
      } else if (c === 0x7b || c === 0x5b) {
        if (keys.length === 1) {
          if (topState !== 'value') return undefined;
          if ((SECTIONS as readonly string[]).includes(topKey!)) {
            if (c !== 0x5b || lastInk >= valueStart) return undefined;
            list = [];
            records.set(topKey as Section, list);
            recordStart = i + 1;
          }
        }
        containers++;
        if (c === 0x7b) {
          const own = (keysAtDepth[keys.length] ??= new ObjectKeys());
          own.clear();
          keys.push(own);
        } else keys.push(null);
        expectKey = c === 0x7b;
        idNext = false;
        if (containers > JSON_LIMITS.containers) tooBig();
      } else if (c === 0x7d || c === 0x5d) {
        if (keys.length === 2 && list) {
          // The end of a list: its last record, unless it is empty.
          if (c !== 0x5d) return undefined;
          if (lastInk >= recordStart) list.push(recordStart, i);
          else if (list.length) return undefined;
          closedAt = i + 1;
        }
        if (keys.length === 1 && (c !== 0x7d || !endValue(i))) return undefined;
        keys.pop();
        expectKey = false;
        if (keys.length === 0) {
          if (!blankToEnd(i + 1)) return undefined;
          break;
        }
      } else if (c === 0x2c) {
        if (keys.length === 2 && list) {
          if (lastInk < recordStart) return undefined;
          list.push(recordStart, i);
          recordStart = i + 1;
        }
        if (keys.length === 1 && !endValue(i)) return undefined;
        expectKey = keys[keys.length - 1] !== null && keys.length > 0;
      } else if (!isSpace(c)) {
        if (prev === 0x2c || prev === 0x3a || prev === 0x5b || isSpace(prev)) values++;
        if (keys.length === 1 && topState !== 'value') return undefined;
        idNext = false;
        if (values > JSON_LIMITS.values) tooBig();
      }
      // (After a text, `i` is at its closing quote, which `c` opened.)
      prev = c;
      if (!isSpace(c)) lastInk = i;
    }
  } catch (err) {
    if (!(err instanceof UserError)) return undefined;
    // A file that is not UTF-8 further on is the whole reader's, as if it had been checked first.
    while (advance(end));
    if (valid) throw err;
    return undefined;
  }
  if (!valid || keys.length !== 0 || head.format === undefined) return undefined;
  return { head, records, incidentIds: incidentIds.texts(), surrogateEscapes };

  function tooBig(): never {
    throw new UserError(t().files.jsonTooBig(file, JSON_LIMITS.containers, JSON_LIMITS.values));
  }

  /** The text of a string's bytes, from `from` to `to` of the window. */
  function textOf(from: number, to: number, escaped: boolean): string {
    const raw = w.toString('utf8', from, to);
    return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  /** A value of the top-level object ends at `at` (a comma or the closing brace). */
  function endValue(at: number): boolean {
    if (topState !== 'value') return false;
    topState = 'key';
    if (list) {
      const ok = closedAt > 0 && lastInk < closedAt;
      list = undefined;
      closedAt = -1;
      return ok;
    }
    head[topKey!] = JSON.parse(w.toString('utf8', valueStart - base, at - base));
    return true;
  }
}

/**
 * Texts gathered from a file's bytes (its incidents' ids): the bytes of each copied together,
 * each ended by a NUL (which no text of valid JSON holds raw), and decoded at once at the end.
 * Decoding each id as it was met took longer than all else of laying out a file of them.
 */
class IdTexts {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private length = 0;
  /** Texts decoded one by one (with escapes, or a NUL byte): kept apart, after the rest. */
  private readonly apart: string[] = [];

  addBytes(from: Buffer, start: number, end: number): void {
    for (let k = start; k < end; k++) {
      if (from[k] === 0) {
        this.apart.push(from.toString('utf8', start, end));
        return;
      }
    }
    const needed = this.length + (end - start) + 1;
    if (needed > this.bytes.length) {
      const wider = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2));
      this.bytes.copy(wider, 0, 0, this.length);
      this.bytes = wider;
    }
    this.length += from.copy(this.bytes, this.length, start, end);
    this.bytes[this.length++] = 0;
  }

  /** A text that had escapes, decoded already (it may hold a lone surrogate, which bytes cannot). */
  addText(text: string): void {
    this.apart.push(text);
  }

  texts(): Set<string> {
    const out = new Set(this.length ? this.bytes.toString('utf8', 0, this.length - 1).split('\0') : []);
    for (const text of this.apart) out.add(text);
    return out;
  }
}

/**
 * The text of a key without escapes, from its bytes `start` to `end` of `buf` (and their hash),
 * each distinct key decoded once: a data file names a few dozen keys a million times, and
 * decoding each took a tenth of an import.
 */
function keyNames(): (buf: Buffer, start: number, end: number, hash: number) => string {
  const known = new Map<number, [bytes: Buffer, text: string][]>();
  const same = (buf: Buffer, start: number, bytes: Buffer) => {
    for (let k = 0; k < bytes.length; k++) if (buf[start + k] !== bytes[k]) return false;
    return true;
  };
  return (buf, start, end, hash) => {
    const seen = known.get(hash);
    if (seen) for (const [bytes, text] of seen) if (bytes.length === end - start && same(buf, start, bytes)) return text;
    const text = buf.toString('utf8', start, end);
    const entry: [Buffer, string] = [Buffer.from(buf.subarray(start, end)), text];
    if (seen) seen.push(entry);
    else known.set(hash, [entry]);
    return text;
  };
}

/** Each record of a laid-out file, parsed, in the order of the file; `text` reads the bytes from `start` to `end`. */
function* parsed(layout: DataLayout, text: (start: number, end: number) => string): Generator<[Section, unknown, number]> {
  for (const section of SECTIONS) {
    const offsets = layout.records.get(section) ?? [];
    for (let k = 0; k < offsets.length; k += 2) yield [section, JSON.parse(text(offsets[k], offsets[k + 1])), k / 2];
  }
}

/** Whether the head of a laid-out file (its values other than the records) is valid: false when it is to be read whole. */
export function isValidHead(layout: DataLayout, now: number | undefined): boolean {
  if (layout.head.format !== 'vetted/1') return false;
  return !findBrokenText(layout.head) && !('errors' in validateDataFile(layout.head as unknown as DataFile, { now }));
}

/**
 * Whether a record of a data file is valid, as validateDataFile checks it in a whole one for an
 * import: the date rules a record a database kept breaks go to `kept`, taken as they are.
 */
function isValidRecord(layout: DataLayout, section: Section, record: unknown, index: number, now: number | undefined, kept: KeptProblem[] = []): boolean {
  const problems: DataProblem[] = [];
  checkRecord(section, record, [section, index], problems);
  if (!problems.length && section !== 'lists' && section !== 'companies') checkRecordDates(section, record, index, now, problems, kept);
  return !problems.length && !(layout.surrogateEscapes && findBrokenText(record));
}

/**
 * Whether a laid-out file is a valid data file, checked a record at a time as validateDataFile
 * checks a whole one: false when it is to be read whole, which names its problems.
 */
export function isValidLayout(path: string, layout: DataLayout, identity: FileIdentity, now: number | undefined): boolean {
  if (!isValidHead(layout, now)) return false;
  try {
    return withRecords(path, layout, identity, (records) => {
      for (const [section, record, index] of records) if (!isValidRecord(layout, section, record, index, now)) return false;
      return true;
    });
  } catch (err) {
    if (err instanceof UserError) throw err;
    return false;
  }
}

/**
 * What stops the records of a file (see recordsOfFile) at the first that is not valid: the file
 * is then to be read whole, which names its problems. Whatever was merged before it is undone
 * with the merge's transaction.
 */
export class NotValidRecord extends Error {
  constructor() {
    super('a record of the data file is not valid');
  }
}

/** The file as it was when it was read and laid out: it is read again only if it is still so. */
export interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
}

/**
 * The records of a laid-out file whose head is valid (see isValidHead), read again from the file
 * a few megabytes at a time, and each parsed and checked just before it is visited: the bytes
 * read first need not stay in memory, nor the file be read a third time to check it first. The
 * first record that is not valid throws NotValidRecord; a file changed since it was read is
 * refused.
 */
export function recordsOfFile(path: string, layout: DataLayout, identity: FileIdentity, now: number | undefined, kept?: KeptProblem[]): DataRecords {
  const merged = ['companies', 'checks', 'incidents', 'pins'] as const;
  return {
    count: merged.reduce((n, s) => n + (layout.records.get(s)?.length ?? 0) / 2, 0),
    incidentIds: layout.incidentIds,
    forEach(visit) {
      try {
        withRecords(path, layout, identity, (records) => {
          for (const [section, record, index] of records) {
            if (!isValidRecord(layout, section, record, index, now, kept)) throw new NotValidRecord();
            if (section !== 'lists') visit(section, record as never, index);
          }
        });
      } catch (err) {
        // A record that is not JSON after all, to the reader of whole files as well.
        if (err instanceof SyntaxError) throw new NotValidRecord();
        throw err;
      }
    },
  };
}

const changed = (path: string) => new UserError(t().files.changedWhileRead(path));

/** Runs `fn` with the records of the file, read a few megabytes at a time; a file changed since it was laid out is refused. */
function withRecords<T>(path: string, layout: DataLayout, identity: FileIdentity, fn: (records: Iterable<[Section, unknown, number]>) => T): T {
  const fd = openAsLookedAt(path, identity);
  if (fd === undefined) throw changed(path);
  try {
    // One buffer for every window, made again only for a record larger than it: memory a
    // process touches for the first time is dear here (a fresh 4 MB buffer for each window
    // cost about 30 ms of the 10,000-company import's 2 s), and this one is touched once.
    let space = Buffer.alloc(0);
    let window = space;
    let from = 0;
    const text = (start: number, end: number) => {
      if (start < from || end > from + window.length) {
        if (space.length < end - start) space = Buffer.allocUnsafe(Math.max(end - start, LAYOUT_WINDOW));
        let n = 0;
        for (let r = -1; r !== 0 && n < space.length; n += r) r = readSync(fd, space, n, space.length - n, start + n);
        window = space.subarray(0, n);
        from = start;
        if (end > from + n) throw changed(path);
      }
      return window.toString('utf8', start - from, end - from);
    };
    return fn(parsed(layout, text));
  } finally {
    closeSync(fd);
  }
}
