// The reader of the US Consumer Financial Protection Bureau's complaint database: a CSV
// file, plain or zipped, in any of its layouts (columns are found by their header names),
// read as a stream and counted per company × month × product. Raw rows and narratives are
// not kept. Bad rows are counted with their first line numbers; they do not stop the read.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { CsvQuoteNeverClosed, CsvRecordTooLong, CsvStream, MAX_RECORD_BYTES } from '../formats/csv-stream.js';
import { openZipEntry, ZipError } from '../formats/zip-entry.js';
import { UserError } from '../errors.js';
import { companyKey } from '../domain/names.js';
import { t } from '../i18n/index.js';
import { COUNT_FIELDS, type ComplaintCounts, type SkippedRows } from '../domain/sources.js';
import { LIMITS, longerThan } from '../formats/data-file.js';
import type { CountRow, SourceData } from '../store/sources.js';

/** The columns read, by header name; the first two must be there. */
const COLUMNS = ['Company', 'Date received', 'Product', 'Issue', 'Company response to consumer', 'Timely response?', 'Consumer disputed?'] as const;
const REQUIRED = ['Company', 'Date received'];
const [COMPANY, DATE, PRODUCT, ISSUE, RESPONSE, TIMELY, DISPUTED] = [0, 1, 2, 3, 4, 5, 6];

/** Months, products and issues are numbered below this in the keys of the counts. */
const KEY_SPACE = 1 << 16;

const FIELDS = COUNT_FIELDS.length;
const [COMPLAINTS, TIMELY_YES, TIMELY_NO, EXPLAINED, MONETARY, NON_MONETARY, IN_PROGRESS, DISPUTED_YES, DISPUTED_NO] = [
  'complaints', 'timely', 'untimely', 'explained', 'monetary', 'non_monetary', 'in_progress', 'disputed_yes', 'disputed_no',
].map((f) => COUNT_FIELDS.indexOf(f as (typeof COUNT_FIELDS)[number]));

/** How many line numbers of skipped rows are kept per reason. */
const FIRST_LINES = 5;

export interface ReadProgress {
  rows: number;
  bytes: number;
}

export interface CfpbReadOptions {
  onProgress?: (p: ReadProgress) => void;
  /** The last day a complaint can have been received: a row dated after it is skipped (a slip,
   * or a file made to look current, would make every "last 12 months" of the record empty). */
  lastDay?: string;
}

/** `YYYY-MM-DD` of an ISO date (`2019-09-24`, also with a time) or a US one (`7/29/2013`); null when it is not a date. */
export function complaintDate(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  if (s.length >= 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    y = Number(s.slice(0, 4));
    m = Number(s.slice(5, 7));
    d = Number(s.slice(8, 10));
    if (s.length > 10 && s[10] !== 'T' && s[10] !== ' ') return null;
  } else {
    const parts = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (!parts) return null;
    m = Number(parts[1]);
    d = Number(parts[2]);
    y = Number(parts[3]);
  }
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1900 || m < 1 || m > 12 || d < 1) return null;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Counts a stream of CSV text. Exported for tests that feed text directly. */
export class ComplaintCounter {
  private companyIndex = new Map<string, number>();
  private names: string[] = [];
  /** Each company by its name key: spellings that differ in case, Unicode form or spacing are one company. */
  private keyIndex = new Map<string, number>();
  /** The spellings of each company after its first, its aliases. */
  private spellings: string[][] = [];
  /** Key -> the offset of its counts in `pool`, COUNT_FIELDS.length numbers each: far smaller than an object per key. */
  private counts = new Map<number, number>();
  private pool = new Int32Array(FIELDS * 4096);
  private used = 0;
  private issues = new Map<number, number>();
  private monthIndex = new Map<string, number>();
  private months: string[] = [];
  private productIndex = new Map<string, number>();
  private products: string[] = [];
  private issueIndex = new Map<string, number>();
  private issueNames: string[] = [];
  private skipped = new Map<SkippedRows['reason'], SkippedRows>();
  private width = 0;
  /** Raw date text -> its month's index (-1: not a date). */
  private dates = new Map<string, number>();
  headerSeen = false;
  rows = 0;
  from: string | null = null;
  to: string | null = null;
  readonly csv: CsvStream;

  constructor(
    private readonly file: string,
    private readonly lastDay = '9999-12-31',
  ) {
    this.csv = new CsvStream({
      header: (cells) => this.header(cells),
      record: (values, fields, line) => this.record(values, fields, line),
    });
  }

  private header(cells: string[]): number[] {
    // A NUL, or bytes that are not UTF-8, in the first line: no CSV (its columns, shown as
    // they came, were a screenful of control pictures).
    const first = cells.join(',');
    // UTF-16 (a spreadsheet's "Unicode text"): a NUL beside each letter, after a byte-order mark or not. Text all the same, only not UTF-8.
    if (/^(?:\ufffd\ufffd)?(?:(?:[^\u0000]\u0000){4}|(?:\u0000[^\u0000]){4})/.test(first)) throw new UserError(t().files.notUtf8(this.file));
    if (first.includes('\u0000')) throw new UserError(t().sources.notText(this.file, first.startsWith('SQLite format 3\u0000')));
    if (first.includes('\ufffd')) throw new UserError(t().files.notUtf8(this.file));
    const names = cells.map((c) => c.trim().toLowerCase());
    // A column given twice: which of the two is meant cannot be told (the last was read, without a word).
    const twice = COLUMNS.find((c) => names.filter((n) => n === c.toLowerCase()).length > 1);
    if (twice) throw new UserError(t().sources.columnTwice(this.file, twice));
    for (const r of REQUIRED) {
      if (!names.includes(r.toLowerCase())) {
        throw new UserError(t().sources.noColumn(this.file, r, `${cells.slice(0, 8).join(', ')}${cells.length > 8 ? '…' : ''}`));
      }
    }
    this.width = cells.length;
    this.headerSeen = true;
    return names.map((n) => COLUMNS.findIndex((c) => c.toLowerCase() === n));
  }

  private skip(reason: SkippedRows['reason'], line: number): void {
    let s = this.skipped.get(reason);
    if (!s) this.skipped.set(reason, (s = { reason, count: 0, lines: [] }));
    s.count++;
    if (s.lines.length < FIRST_LINES) s.lines.push(line);
  }

  /**
   * A value as a string of its own. The reader's values are slices of a whole chunk of the
   * file: kept as a key, a slice would keep the chunk alive, and memory would grow with the file.
   */
  private own(s: string): string {
    return Buffer.from(s, 'utf8').toString('utf8');
  }

  /**
   * The company of a spelling: the first of its name key is its name, the rest its aliases (known
   * as it, so that the counts of one company are never shown as two that look alike). A spelling
   * seen before costs one lookup; the key is worked out once a spelling.
   */
  private companyOf(raw: string): number {
    const known = this.companyIndex.get(raw);
    if (known !== undefined) return known;
    const key = companyKey(raw);
    const same = this.keyIndex.get(key);
    if (same === undefined) {
      const i = this.indexOf(this.companyIndex, this.names, raw, 'companies');
      if (i < KEY_SPACE - 1) this.keyIndex.set(key, i);
      return i;
    }
    const spelling = this.own(raw);
    this.companyIndex.set(spelling, same);
    (this.spellings[same] ??= []).push(spelling);
    return same;
  }

  private indexOf(map: Map<string, number>, list: string[], value: string, what: 'companies' | 'months' | 'products' | 'issues'): number {
    let i = map.get(value);
    if (i === undefined) {
      // Past the key space (a file no CFPB release is like: it names some thousands of
      // companies and a few hundred products and issues), refused: the rest were counted
      // together as one "(other)", a company of that name among them, without a word.
      if (list.length >= KEY_SPACE - 1) throw new UserError(t().sources.tooManyNames(this.file, what, KEY_SPACE - 1));
      const copy = this.own(value);
      i = list.length;
      list.push(copy);
      map.set(copy, i);
    }
    return i;
  }

  private record(v: string[], fields: number, line: number): void {
    this.rows++;
    if (fields < this.width) return this.skip('short-row', line);
    let company = v[COMPANY];
    if (company.charCodeAt(0) <= 32 || company.charCodeAt(company.length - 1) <= 32) company = company.trim();
    if (!company) return this.skip('no-company', line);
    // A name no company, product or issue has: kept, one of megabytes filled memory and the
    // database many times over (its key, in Unicode's compatibility form, longer still), and was
    // printed whole by every command that shows the company.
    if (longerThan(company, LIMITS.name) || longerThan(v[PRODUCT] ?? '', LIMITS.name) || longerThan(v[ISSUE] ?? '', LIMITS.name)) return this.skip('too-long', line);
    // Bytes that are not UTF-8 came out as U+FFFD, and would be kept so in a company's name.
    if (company.includes('\ufffd') || v[PRODUCT]?.includes('\ufffd') || v[ISSUE]?.includes('\ufffd')) throw new UserError(t().sources.notUtf8At(this.file, line));
    const raw = v[DATE];
    // A file has a few thousand distinct days: each is parsed once.
    let month = this.dates.get(raw);
    if (month === undefined) {
      const date = complaintDate(raw);
      month = date === null ? -1 : date > this.lastDay ? -2 : this.indexOf(this.monthIndex, this.months, date.slice(0, 7), 'months');
      if (date !== null && month >= 0) {
        if (this.from === null || date < this.from) this.from = date;
        if (this.to === null || date > this.to) this.to = date;
      }
      if (this.dates.size < 100_000) this.dates.set(this.own(raw), month);
    }
    if (month < 0) return this.skip(month === -1 ? 'bad-date' : 'future-date', line);
    const ci = this.companyOf(company);
    const pi = this.indexOf(this.productIndex, this.products, v[PRODUCT] ?? '', 'products');
    // One number per company × month × product (and × issue): no string is built per row.
    const key = (ci * KEY_SPACE + month) * KEY_SPACE + pi;
    let at = this.counts.get(key);
    if (at === undefined) {
      at = this.used;
      this.used += FIELDS;
      if (this.used > this.pool.length) {
        const bigger = new Int32Array(this.pool.length * 2);
        bigger.set(this.pool);
        this.pool = bigger;
      }
      this.counts.set(key, at);
    }
    const c = this.pool;
    c[at + COMPLAINTS]++;
    const timely = v[TIMELY];
    if (timely === 'Yes') c[at + TIMELY_YES]++;
    else if (timely === 'No') c[at + TIMELY_NO]++;
    switch (v[RESPONSE]) {
      case 'Closed with explanation':
        c[at + EXPLAINED]++;
        break;
      case 'Closed with monetary relief':
        c[at + MONETARY]++;
        break;
      case 'Closed with non-monetary relief':
        c[at + NON_MONETARY]++;
        break;
      case 'In progress':
        c[at + IN_PROGRESS]++;
        break;
    }
    const disputed = v[DISPUTED];
    if (disputed === 'Yes') c[at + DISPUTED_YES]++;
    else if (disputed === 'No') c[at + DISPUTED_NO]++;
    const issue = v[ISSUE];
    if (issue) {
      const ik = (ci * KEY_SPACE + month) * KEY_SPACE + this.indexOf(this.issueIndex, this.issueNames, issue, 'issues');
      this.issues.set(ik, (this.issues.get(ik) ?? 0) + 1);
    }
  }

  /** What was counted, in the shape the store keeps. */
  result(): Omit<SourceData, 'meta'> & { skipped: SkippedRows[] } {
    const counts = new Map<number, CountRow[]>();
    const parts = (key: number) => [Math.floor(key / KEY_SPACE / KEY_SPACE), Math.floor(key / KEY_SPACE) % KEY_SPACE, key % KEY_SPACE];
    for (const [key, at] of this.counts) {
      const [i, month, product] = parts(key);
      let list = counts.get(i);
      if (!list) counts.set(i, (list = []));
      const c = Object.fromEntries(COUNT_FIELDS.map((f, k) => [f, this.pool[at + k]])) as ComplaintCounts;
      list.push({ month: this.months[month], product: this.products[product], ...c });
    }
    const issues = new Map<number, { month: string; issue: string; complaints: number }[]>();
    for (const [key, n] of this.issues) {
      const [i, month, issue] = parts(key);
      let list = issues.get(i);
      if (!list) issues.set(i, (list = []));
      list.push({ month: this.months[month], issue: this.issueNames[issue], complaints: n });
    }
    return {
      companies: this.names.map((name, i) => ({ name, aliases: this.spellings[i] ?? [] })),
      counts,
      issues,
      skipped: [...this.skipped.values()],
    };
  }
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Reads a CFPB complaint file (CSV, or a .zip holding one) into a source's data. */
export async function readCfpbFile(path: string, shownAs: string, opts: CfpbReadOptions = {}): Promise<SourceData> {
  let zipped = false;
  {
    const { openSync, readSync, closeSync, statSync } = await import('node:fs');
    // Read from its start and, an archive, from its end: a pipe cannot be (it failed as ESPIPE).
    // Looked at before it is opened, which waits for a pipe's writer.
    let st;
    try {
      st = statSync(path);
    } catch {
      // Not there, or not to be looked at: opening it says why.
    }
    if (st && !st.isFile() && !st.isDirectory()) throw new UserError(t().sources.cfpbNotFile(shownAs));
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(4);
      zipped = readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
    } catch (err) {
      if (err instanceof UserError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      throw new UserError(t().files.cannotRead(shownAs, code ?? (err as Error).message));
    } finally {
      closeSync(fd);
    }
  }
  let stream: Readable;
  const hash = createHash('sha256');
  if (zipped) {
    try {
      // A Mac's archive keeps a ._ copy of each file's attributes beside it (under __MACOSX/): no CSV.
      stream = openZipEntry(path, (name) => /\.csv$/i.test(name) && !/(^|\/)(__MACOSX\/|\._)/.test(name)).stream;
    } catch (err) {
      if (err instanceof ZipError) throw new UserError(t().sources.notZip(shownAs, err.problem));
      throw err;
    }
  } else stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const counter = new ComplaintCounter(shownAs, opts.lastDay);
  let bytes = 0;
  let nextReport = 65536;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      // The CSV's bytes, zipped or not: the same record in an archive is the same record.
      hash.update(buf);
      bytes += buf.length;
      counter.csv.push(buf);
      if (opts.onProgress && counter.rows >= nextReport) {
        nextReport = counter.rows + 65536;
        opts.onProgress({ rows: counter.rows, bytes });
      }
    }
    counter.csv.end();
  } catch (err) {
    stream.destroy();
    if (err instanceof CsvRecordTooLong) throw new UserError(t().sources.recordTooLong(shownAs, err.line, MAX_RECORD_BYTES / 1048576));
    if (err instanceof CsvQuoteNeverClosed) throw new UserError(t().sources.quoteNeverClosed(shownAs, err.line));
    // Found at the entry's end: its bytes are not those the archive was made of.
    if (err instanceof ZipError) throw new UserError(t().sources.notZip(shownAs, err.problem));
    const code = (err as { code?: string }).code;
    if (code?.startsWith('Z_')) throw new UserError(t().sources.damagedZip(shownAs, (err as Error).message));
    // A file that cannot be read on (EIO, say): a sentence, as import says it.
    if (code !== undefined && /^E[A-Z]+$/.test(code)) throw new UserError(t().files.cannotRead(shownAs, code));
    throw err;
  }
  // A file with a header and no rows is an empty record; one without even a header is refused.
  if (!counter.headerSeen) throw new UserError(t().sources.empty(shownAs));
  const result = counter.result();
  const { skipped, ...data } = result;
  return {
    ...data,
    meta: {
      kind: 'cfpb',
      file: shownAs,
      file_sha256: hash.digest('hex'),
      ...(zipped ? { archive_sha256: await hashFile(path) } : {}),
      exported_at: null,
      label: 'Consumer Financial Protection Bureau complaint database',
      rows_read: counter.rows,
      rows_skipped: skipped.reduce((n, s) => n + s.count, 0),
      skipped,
      date_from: counter.from,
      date_to: counter.to,
    },
  };
}
