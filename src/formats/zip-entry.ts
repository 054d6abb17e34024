// Reading one file out of a .zip archive as a stream, with node:zlib: the end-of-central-
// directory record (and its Zip64 form, for archives over 4 GB) gives the central directory,
// which gives the entry's local header and so where its compressed data starts and ends.
// Stored and deflated entries are read; anything else is refused by name.

import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { crc32, createInflateRaw } from 'node:zlib';
import { Readable, Transform } from 'node:stream';

/** What is wrong with an archive, as facts: the catalogs say it in words. */
export type ZipProblem =
  | { kind: 'ends-early' | 'too-short' | 'no-directory' | 'zip64-missing' | 'zip64-damaged' | 'past-end' | 'directory-damaged' | 'no-csv' | 'entry-damaged' | 'data-damaged' }
  | { kind: 'encrypted'; entry: string }
  | { kind: 'method'; entry: string; method: number }
  | { kind: 'several'; entries: string[] };

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    // The reader that catches it says the problem in the user's language.
    super(`zip archive: ${problem.kind}`);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** The CRC-32 of its uncompressed bytes, as the archive gives it. */
  crc: number;
  localOffset: number;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new ZipError({ kind: 'ends-early' });
    done += n;
  }
  return buf;
}

const u64 = (b: Buffer, at: number) => Number(b.readBigUInt64LE(at));

/** The entries of the archive's central directory. */
export function zipEntries(fd: number): ZipEntry[] {
  const size = fstatSync(fd).size;
  if (size < 22) throw new ZipError({ kind: 'too-short' });
  const tailLength = Math.min(size, 22 + MAX_COMMENT);
  const tail = readAt(fd, size - tailLength, tailLength);
  let at = -1;
  for (let k = tailLength - 22; k >= 0; k--) {
    if (tail.readUInt32LE(k) === EOCD) {
      at = k;
      break;
    }
  }
  if (at < 0) throw new ZipError({ kind: 'no-directory' });
  let count = tail.readUInt16LE(at + 10);
  let dirSize = tail.readUInt32LE(at + 12);
  let dirOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locatorAt = size - tailLength + at - 20;
    if (locatorAt < 0) throw new ZipError({ kind: 'zip64-missing' });
    const locator = readAt(fd, locatorAt, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new ZipError({ kind: 'zip64-missing' });
    const z = readAt(fd, u64(locator, 8), 56);
    if (z.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError({ kind: 'zip64-damaged' });
    count = u64(z, 32);
    dirSize = u64(z, 40);
    dirOffset = u64(z, 48);
  }
  if (dirOffset + dirSize > size) throw new ZipError({ kind: 'past-end' });
  const dir = readAt(fd, dirOffset, dirSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new ZipError({ kind: 'directory-damaged' });
    const flags = dir.readUInt16LE(p + 8);
    const method = dir.readUInt16LE(p + 10);
    const crc = dir.readUInt32LE(p + 16);
    let compressedSize = dir.readUInt32LE(p + 20);
    let uncompressed = dir.readUInt32LE(p + 24);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    let localOffset = dir.readUInt32LE(p + 42);
    const name = dir.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    // Zip64: the sizes and offset that did not fit are in the extra field 0x0001, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = dir.readUInt16LE(e);
      const length = dir.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressed === 0xffffffff) (uncompressed = u64(dir, q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(dir, q)), (q += 8);
        if (localOffset === 0xffffffff) localOffset = u64(dir, q);
      }
      e += 4 + length;
    }
    entries.push({ name, method, compressedSize, size: uncompressed, crc, localOffset, encrypted: (flags & 1) === 1 });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** Opens the first entry whose name `pick` accepts; the stream gives its uncompressed bytes. */
export function openZipEntry(path: string, pick: (name: string) => boolean): { entry: ZipEntry; stream: Readable } {
  const fd = openSync(path, 'r');
  let entry: ZipEntry | undefined;
  let dataStart: number;
  try {
    const picked = zipEntries(fd).filter((x) => !x.name.endsWith('/') && pick(x.name));
    // Which of several is the one wanted is not known: the first read, the others never, and nothing said.
    if (picked.length > 1) throw new ZipError({ kind: 'several', entries: picked.map((x) => x.name) });
    entry = picked[0];
    if (!entry) throw new ZipError({ kind: 'no-csv' });
    if (entry.encrypted) throw new ZipError({ kind: 'encrypted', entry: entry.name });
    if (entry.method !== 0 && entry.method !== 8) throw new ZipError({ kind: 'method', entry: entry.name, method: entry.method });
    const local = readAt(fd, entry.localOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL) throw new ZipError({ kind: 'entry-damaged' });
    dataStart = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
  if (!entry.compressedSize) return { entry, stream: entry.size || entry.crc ? failing(new ZipError({ kind: 'data-damaged' })) : Readable.from([]) };
  const raw = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  if (entry.method === 0) return { entry, stream: checked(raw, entry) };
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  raw.on('error', (err) => inflate.destroy(err));
  return { entry, stream: checked(raw.pipe(inflate), entry) };
}

/**
 * The entry's bytes as they come, failing at their end unless as many came as the archive says,
 * with its CRC-32: deflated data damaged in the middle can inflate without a fault, and its
 * garbage was read as rows (dates and answers stored as companies' names).
 */
function checked(bytes: Readable, entry: ZipEntry): Readable {
  let crc = 0;
  let size = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      // More than the archive says: refused at once, not read to its end first.
      if (size > entry.size) return done(new ZipError({ kind: 'data-damaged' }));
      done(null, chunk);
    },
    flush(done) {
      done(crc >>> 0 === entry.crc >>> 0 && size === entry.size ? null : new ZipError({ kind: 'data-damaged' }));
    },
  });
  bytes.on('error', (err) => check.destroy(err));
  // Whatever ends the reading (a fault, a reader that stops) ends the file's and the inflater's streams too.
  check.on('close', () => bytes.destroy());
  return bytes.pipe(check);
}

function failing(err: Error): Readable {
  return new Readable({
    read() {
      this.destroy(err);
    },
  });
}
