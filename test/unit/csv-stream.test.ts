// The streaming CSV reader: RFC 4180 quoting, line breaks inside fields, any chunk boundary.
import { describe, expect, it } from 'vitest';
import { CsvStream } from '../../src/formats/csv-stream.js';

/** Every record of `text`, fed in chunks of `size` characters: all columns, with their line. */
function read(text: string, size = text.length || 1): { cells: string[]; fields: number; line: number }[] {
  const out: { cells: string[]; fields: number; line: number }[] = [];
  let width = 0;
  const csv = new CsvStream({
    header: (cells) => {
      width = cells.length;
      out.push({ cells, fields: cells.length, line: 1 });
      return cells.map((_, i) => i);
    },
    record: (values, fields, line) => out.push({ cells: values.slice(0, Math.min(fields, width)), fields, line }),
  });
  for (let i = 0; i < text.length; i += size) csv.push(text.slice(i, i + size));
  csv.end();
  return out;
}

const SAMPLE = 'a,b,c\r\n1,"x, y",3\r\n2,"line one\nline two",4\n3,"say ""hi""",5\n\n4,,\n5,"",last';

describe('CsvStream', () => {
  it('reads quoted commas, line breaks and doubled quotes, with the line each record starts on', () => {
    expect(read(SAMPLE)).toEqual([
      { cells: ['a', 'b', 'c'], fields: 3, line: 1 },
      { cells: ['1', 'x, y', '3'], fields: 3, line: 2 },
      { cells: ['2', 'line one\nline two', '4'], fields: 3, line: 3 },
      { cells: ['3', 'say "hi"', '5'], fields: 3, line: 5 },
      { cells: ['4', '', ''], fields: 3, line: 7 },
      { cells: ['5', '', 'last'], fields: 3, line: 8 },
    ]);
  });

  it.each([1, 2, 3, 5, 7, 11, 64])('gives the same records whatever the chunk size (%i)', (size) => {
    expect(read(SAMPLE, size)).toEqual(read(SAMPLE));
  });

  it('decodes UTF-8 split anywhere between chunks', () => {
    const text = 'имя,город\n"Волгателеком, ООО","Самара\nСЗ"\n東京電信,București\n';
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 3, 5]) {
      const out: string[][] = [];
      const csv = new CsvStream({ header: (cells) => (out.push(cells), cells.map((_, i) => i)), record: (v) => out.push([...v]) });
      for (let i = 0; i < bytes.length; i += size) csv.push(bytes.subarray(i, i + size));
      csv.end();
      expect(out).toEqual([['имя', 'город'], ['Волгателеком, ООО', 'Самара\nСЗ'], ['東京電信', 'București']]);
    }
  });

  it('counts the fields of a short row and strips a byte order mark', () => {
    const rows = read('\uFEFFx,y,z\n1,2\n');
    expect(rows[0].cells).toEqual(['x', 'y', 'z']);
    expect(rows[1]).toMatchObject({ fields: 2, line: 2 });
  });

  it('copies only the columns asked for', () => {
    const seen: string[][] = [];
    const csv = new CsvStream({ header: (cells) => cells.map((c) => (c === 'keep' ? 0 : -1)), record: (v) => seen.push([...v]) });
    csv.push('skip,keep,skip\n"a,b",1,"c\n"\nx,2,y');
    csv.end();
    expect(seen).toEqual([['1'], ['2']]);
  });
});
