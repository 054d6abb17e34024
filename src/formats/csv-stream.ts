// A streaming RFC 4180 CSV reader: bytes are pushed in chunks of any size, records come
// out one at a time. Quoted fields may hold commas, doubled quotes and line breaks. It works
// on the UTF-8 bytes and decodes only the columns asked for, so wide files with long
// free-text columns (complaint narratives) cost little more than reading them.

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const DOUBLED = /""/g;

export interface CsvHandler {
  /** The header row, whole: returns, for each column, the slot its value goes to (or -1). */
  header(cells: string[]): number[];
  /** One record: the values of the slots asked for, how many fields it had, its first line. */
  record(values: string[], fields: number, line: number): void;
}

/** The longest record read (a complaint's narrative runs to some 30,000 characters). */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** A record longer than MAX_RECORD_BYTES: not a CSV file of records, or a quote never closed. */
export class CsvRecordTooLong extends Error {
  constructor(readonly line: number) {
    super(`CSV record at line ${line} is longer than ${MAX_RECORD_BYTES} bytes`);
  }
}

/** A quoted field still open where the file ends: the record at `line` and all after it were taken as one text. */
export class CsvQuoteNeverClosed extends Error {
  constructor(readonly line: number) {
    super(`CSV quote opened at line ${line} never closes`);
  }
}

export class CsvStream {
  private rest: Buffer | null = null;
  /** The line the next record starts on (the header is line 1). */
  private line = 1;
  private slots: number[] | null = null;
  private values: string[] = [];
  private first = true;

  constructor(private readonly handler: CsvHandler) {}

  push(chunk: Buffer | string): void {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (this.first && buf.length) {
      this.first = false;
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    this.parse(this.rest ? Buffer.concat([this.rest, buf]) : buf, false);
  }

  end(): void {
    if (this.rest) this.parse(this.rest, true);
    this.rest = null;
  }

  /** Parses every complete record of `buf`; keeps the incomplete tail for the next chunk. */
  private parse(buf: Buffer, final: boolean): void {
    const n = buf.length;
    let p = 0;
    let start = 0;
    let incomplete = false;
    let nextLF = 0;
    records: while (p < n) {
      start = p;
      incomplete = true;
      const startLine = this.line;
      let lines = 0;
      let field = 0;
      const header = this.slots === null;
      const cells: string[] = [];
      const slots = this.slots;
      const values = this.values;
      if (!header) for (let k = 0; k < values.length; k++) values[k] = '';
      for (;;) {
        const slot = header ? 0 : field < slots!.length ? slots![field] : -1;
        let value = '';
        if (p < n && buf[p] === QUOTE) {
          // A quoted field: up to the quote that is not doubled.
          let q = p + 1;
          let escaped = false;
          let end = n;
          for (;;) {
            const j = buf.indexOf(QUOTE, q);
            if (j < 0 || (j + 1 >= n && !final)) {
              if (!final) break records;
              // The file ends inside a quoted field: the rest of it was never a record.
              if (j < 0) throw new CsvQuoteNeverClosed(startLine);
              end = j;
              break;
            }
            if (buf[j + 1] === QUOTE) {
              escaped = true;
              q = j + 2;
              continue;
            }
            end = j;
            break;
          }
          // Line breaks inside the field: the next one is looked up once and reused, so the text is scanned once.
          if (nextLF !== -1 && nextLF <= p) nextLF = buf.indexOf(LF, p + 1);
          while (nextLF !== -1 && nextLF < end) {
            lines++;
            nextLF = buf.indexOf(LF, nextLF + 1);
          }
          if (header || slot >= 0) {
            value = buf.toString('utf8', p + 1, end);
            if (escaped) value = value.replace(DOUBLED, '"');
          }
          p = end + 1;
          // Text after the closing quote (not RFC 4180) is kept as part of the field.
          if (p < n) {
            const c = buf[p];
            if (c !== COMMA && c !== LF && c !== CR) {
              let j = p;
              while (j < n) {
                const d = buf[j];
                if (d === COMMA || d === LF || d === CR) break;
                j++;
              }
              if (j >= n && !final) break records;
              if (header || slot >= 0) value += buf.toString('utf8', p, j);
              p = j;
            }
          }
        } else {
          let j = p;
          while (j < n) {
            const c = buf[j];
            if (c === COMMA || c === LF || c === CR) break;
            j++;
          }
          if (j >= n && !final) break records;
          if ((header || slot >= 0) && j > p) value = buf.toString('utf8', p, j);
          p = j;
        }
        if (header) cells.push(value);
        else if (slot >= 0) values[slot] = value;
        field++;
        if (p >= n) {
          if (!final) break records;
          break;
        }
        const c = buf[p];
        if (c === COMMA) {
          p++;
          if (p >= n && !final) break records;
          continue;
        }
        // The end of the record: LF, CR LF, or a lone CR.
        if (c === CR) {
          if (p + 1 >= n && !final) break records;
          p += buf[p + 1] === LF ? 2 : 1;
        } else p++;
        lines++;
        break;
      }
      incomplete = false;
      this.line = startLine + lines;
      // A blank line is no record.
      if (field === 1 && p - start <= 2 && isBlank(buf, start, p)) continue;
      if (header) this.setHeader(cells);
      else this.handler.record(values, field, startLine);
    }
    // An incomplete record is read again, whole, with the next chunk (copied: the chunk itself is
    // not kept), unless it is already longer than any record can be (/dev/zero, say).
    if (incomplete && n - start > MAX_RECORD_BYTES) throw new CsvRecordTooLong(this.line);
    this.rest = incomplete ? Buffer.from(buf.subarray(start)) : null;
  }

  private setHeader(cells: string[]): void {
    this.slots = this.handler.header(cells);
    const count = this.slots.reduce((m, s) => Math.max(m, s + 1), 0);
    this.values = new Array<string>(count).fill('');
  }
}

function isBlank(buf: Buffer, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = buf[k];
    if (c !== CR && c !== LF) return false;
  }
  return true;
}
