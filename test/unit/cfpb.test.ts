// The CFPB reader against counts made independently here, in both older layouts, zipped or
// not, with bad rows counted and files without the needed columns refused.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCfpbFile, complaintDate } from '../../src/sources/read-cfpb.js';
import type { SourceData } from '../../src/store/sources.js';
import { SHARED } from '../helpers/cli.js';
import { parseAll } from '../helpers/csv.js';
import { zipOf, zipOfMany } from '../helpers/zip.js';

const SAMPLE = join(SHARED, 'data', 'cfpb-complaints-sample.csv');
const DISPUTES = join(SHARED, 'data', 'cfpb-complaints-2013-disputes.csv');
const dir = mkdtempSync(join(tmpdir(), 'vetted-cfpb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parsed = new Map<string, string[][]>();

/** Independent totals for one company, straight from the rows. */
function countByHand(file: string, company: string) {
  if (!parsed.has(file)) parsed.set(file, parseAll(readFileSync(file, 'utf8')));
  const [header, ...rows] = parsed.get(file)!;
  const col = (name: string) => header.indexOf(name);
  const mine = rows.filter((r) => r[col('Company')] === company);
  const is = (r: string[], name: string, value: string) => r[col(name)] === value;
  const months = new Map<string, number>();
  for (const r of mine) {
    const d = r[col('Date received')];
    const us = /^(\d{1,2})\/\d{1,2}\/(\d{4})$/.exec(d);
    const m = us ? `${us[2]}-${us[1].padStart(2, '0')}` : d.slice(0, 7);
    months.set(m, (months.get(m) ?? 0) + 1);
  }
  return {
    complaints: mine.length,
    timely: mine.filter((r) => is(r, 'Timely response?', 'Yes')).length,
    untimely: mine.filter((r) => is(r, 'Timely response?', 'No')).length,
    explained: mine.filter((r) => is(r, 'Company response to consumer', 'Closed with explanation')).length,
    monetary: mine.filter((r) => is(r, 'Company response to consumer', 'Closed with monetary relief')).length,
    non_monetary: mine.filter((r) => is(r, 'Company response to consumer', 'Closed with non-monetary relief')).length,
    in_progress: mine.filter((r) => is(r, 'Company response to consumer', 'In progress')).length,
    disputed_yes: mine.filter((r) => is(r, 'Consumer disputed?', 'Yes')).length,
    disputed_no: mine.filter((r) => is(r, 'Consumer disputed?', 'No')).length,
    months: Object.fromEntries([...months].sort()),
  };
}

/** The reader's counts of one company, summed over months and products. */
function counted(data: SourceData, company: string) {
  const index = data.companies.findIndex((c) => c.name === company);
  expect(index).toBeGreaterThanOrEqual(0);
  const rows = data.counts!.get(index)!;
  const sum = (f: keyof (typeof rows)[number]) => rows.reduce((n, r) => n + (r[f] as number), 0);
  const months = new Map<string, number>();
  for (const r of rows) months.set(r.month, (months.get(r.month) ?? 0) + r.complaints);
  return {
    complaints: sum('complaints'),
    timely: sum('timely'),
    untimely: sum('untimely'),
    explained: sum('explained'),
    monetary: sum('monetary'),
    non_monetary: sum('non_monetary'),
    in_progress: sum('in_progress'),
    disputed_yes: sum('disputed_yes'),
    disputed_no: sum('disputed_no'),
    months: Object.fromEntries([...months].sort()),
  };
}

describe('the CFPB sample, 18 columns', async () => {
  const data = await readCfpbFile(SAMPLE, 'sample.csv');

  it.each(['EQUIFAX, INC.', 'WELLS FARGO & COMPANY', 'BANK OF AMERICA, NATIONAL ASSOCIATION'])('counts %s as a count by hand does', (company) => {
    const hand = countByHand(SAMPLE, company);
    expect(hand.complaints).toBeGreaterThan(50);
    expect(counted(data, company)).toEqual(hand);
  });

  it('reads every row, spans the sample and keeps no narrative', () => {
    expect(data.meta).toMatchObject({ kind: 'cfpb', rows_read: 6623, rows_skipped: 0, date_from: '2015-04-06', date_to: '2020-03-19' });
    expect(data.companies).toHaveLength(710);
    expect(JSON.stringify(data.companies)).not.toMatch(/is trying to collect a debt/);
    expect(data.meta.file_sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the 14-column file with M/D/YYYY dates', async () => {
  const data = await readCfpbFile(DISPUTES, 'disputes.csv');

  it('reads its dates right: months and years as the rows give them', () => {
    const years = new Map<string, number>();
    const lines = readFileSync(DISPUTES, 'utf8').split('\n').slice(1).filter(Boolean);
    for (const l of lines) {
      const [, , y] = /^(\d+)\/(\d+)\/(\d{4}),/.exec(l)!.slice(1);
      years.set(y, (years.get(y) ?? 0) + 1);
    }
    const byYear = new Map<string, number>();
    for (const rows of data.counts!.values()) for (const r of rows) byYear.set(r.month.slice(0, 4), (byYear.get(r.month.slice(0, 4)) ?? 0) + r.complaints);
    expect(Object.fromEntries(byYear)).toEqual(Object.fromEntries(years));
    expect(years.get('2016')).toBe(2814);
    expect(data.meta).toMatchObject({ rows_read: 3186, rows_skipped: 0, date_from: '2013-06-04', date_to: '2017-02-23' });
    expect(counted(data, 'Wells Fargo & Company')).toEqual(countByHand(DISPUTES, 'Wells Fargo & Company'));
  });

  it.each([
    ['7/29/2013', '2013-07-29'],
    ['12/1/2016', '2016-12-01'],
    ['2019-09-24', '2019-09-24'],
    ['2/29/2016', '2016-02-29'],
    ['2/29/2017', null],
    ['13/1/2016', null],
    ['2016-13-01', null],
    ['yesterday', null],
    ['', null],
  ])('complaintDate(%j) is %j', (text, date) => {
    expect(complaintDate(text)).toBe(date);
  });
});

describe('bad rows, bad files and zip archives', () => {
  const write = (name: string, text: string | Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const header = 'Date received,Product,Issue,Company,Company response to consumer,Timely response?';

  it('counts a quoted comma and line break as one field, and skips bad rows with their lines', async () => {
    const file = write(
      'bad.csv',
      [
        header,
        '2020-01-05,Mortgage,"Trouble, with\na line break","ACME BANK, N.A.",Closed with monetary relief,Yes',
        '2020-01-06,Mortgage,Other,,Closed with explanation,Yes',
        'not a date,Mortgage,Other,ACME BANK,Closed with explanation,Yes',
        '2020-01-07,Mortgage',
        '2020-02-01,Mortgage,Other,"ACME BANK, N.A.",Closed with explanation,No',
      ].join('\r\n'),
    );
    const data = await readCfpbFile(file, 'bad.csv');
    expect(data.companies.map((c) => c.name)).toEqual(['ACME BANK, N.A.']);
    expect(data.counts!.get(0)!.map((r) => [r.month, r.complaints, r.monetary, r.untimely])).toEqual([
      ['2020-01', 1, 1, 0],
      ['2020-02', 1, 0, 1],
    ]);
    expect(data.issues!.get(0)!.find((i) => i.month === '2020-01')!.issue).toBe('Trouble, with\na line break');
    expect(data.meta.rows_read).toBe(5);
    expect(data.meta.skipped).toEqual([
      { reason: 'no-company', count: 1, lines: [4] },
      { reason: 'bad-date', count: 1, lines: [5] },
      { reason: 'short-row', count: 1, lines: [6] },
    ]);
  });

  it('skips a row whose company, product or issue name is longer than any name (a megabyte of one character took a gigabyte and was printed whole)', async () => {
    const long = '\ufdfa'.repeat(201);
    const file = write(
      'long.csv',
      [
        header,
        `2020-01-05,Mortgage,Other,"${long}",Closed with explanation,Yes`,
        `2020-01-06,${'P'.repeat(201)},Other,ACME BANK,Closed with explanation,Yes`,
        `2020-01-07,Mortgage,${'I'.repeat(201)},ACME BANK,Closed with explanation,Yes`,
        `2020-01-08,${'P'.repeat(200)},${'I'.repeat(200)},${'A'.repeat(200)},Closed with explanation,Yes`,
        // Characters, not UTF-16 units: 150 of another plane are 300 units and a name of its own.
        `2020-01-09,Mortgage,Other,${'\u{1F600}'.repeat(150)},Closed with explanation,Yes`,
      ].join('\n'),
    );
    const data = await readCfpbFile(file, 'long.csv');
    expect(data.companies.map((c) => c.name)).toEqual(['A'.repeat(200), '\u{1F600}'.repeat(150)]);
    expect(data.meta.skipped).toEqual([{ reason: 'too-long', count: 3, lines: [2, 3, 4] }]);
  });

  it('refuses a file of more companies than it counts apart (they were counted together as one "(other)" without a word)', async () => {
    const rows = Array.from({ length: 65_536 }, (_, k) => `2020-01-05,Mortgage,Other,Company ${k},Closed with explanation,Yes`);
    await expect(readCfpbFile(write('many.csv', [header, ...rows].join('\n')), 'many.csv')).rejects.toThrow(/^many\.csv names more than 65,535 companies, more than vetted counts apart/);
    expect((await readCfpbFile(write('enough.csv', [header, ...rows.slice(0, 65_535)].join('\n')), 'enough.csv')).companies).toHaveLength(65_535);
  });

  it('skips a row dated after the last day a complaint can have been received, and leaves it out of the dates read', async () => {
    const file = write(
      'future.csv',
      [header, '2020-01-05,Mortgage,Other,ACME BANK,Closed with explanation,Yes', '2099-01-01,Mortgage,Other,OTHER BANK,Closed with explanation,Yes', '2026-12-06,Mortgage,Other,ACME BANK,Closed with explanation,Yes'].join('\n'),
    );
    const data = await readCfpbFile(file, 'future.csv', { lastDay: '2026-12-06' });
    expect(data.meta.skipped).toEqual([{ reason: 'future-date', count: 1, lines: [3] }]);
    expect([data.meta.date_from, data.meta.date_to]).toEqual(['2020-01-05', '2026-12-06']);
    expect(data.companies.map((c) => c.name)).toEqual(['ACME BANK']);
  });

  it.each(['Company', 'Date received'])('refuses a file without the %s column, naming it', async (column) => {
    const cols = header.split(',').filter((c) => c !== column);
    const file = write(`no-${column}.csv`, `${cols.join(',')}\n${cols.map(() => 'x').join(',')}\n`);
    await expect(readCfpbFile(file, 'x.csv')).rejects.toThrow(new RegExp(`no "${column}" column`));
  });

  it('reads the CSV inside a zip archive, deflated or stored, the same as the plain file', async () => {
    const plain = readFileSync(SAMPLE);
    const expected = await readCfpbFile(SAMPLE, 'sample.csv');
    for (const method of [8, 0]) {
      const file = write(`sample-${method}.zip`, zipOf('complaints.csv', plain, method));
      const data = await readCfpbFile(file, 'sample.zip');
      expect(data.companies).toEqual(expected.companies);
      expect(data.counts).toEqual(expected.counts);
      expect(data.meta.rows_read).toBe(6623);
      // The same record, zipped or not: known as one by its CSV's hash.
      expect(data.meta.file_sha256).toBe(expected.meta.file_sha256);
    }
  });

  it('counts spellings of one name (case, Unicode form, spacing) as one company, the first its name and the others its aliases', async () => {
    const file = write('spellings.csv', 'Date received,Company,Product,Issue\n2024-01-05,Société Générale,Card,Billing\n2024-01-06,Socie\u0301te\u0301 Ge\u0301ne\u0301rale,Card,Billing\n2024-01-06,SOCIÉTÉ  GÉNÉRALE,Card,Fees\n2024-01-07,Other Co,Card,Billing\n');
    const data = await readCfpbFile(file, 'spellings.csv');
    expect(data.companies).toEqual([
      { name: 'Société Générale', aliases: ['Socie\u0301te\u0301 Ge\u0301ne\u0301rale', 'SOCIÉTÉ  GÉNÉRALE'] },
      { name: 'Other Co', aliases: [] },
    ]);
    expect(data.counts!.get(0)!.reduce((n, r) => n + r.complaints, 0)).toBe(3);
  });

  it("refuses an archive of several CSV files, naming them, and passes over a Mac's ._ copies of their attributes", async () => {
    const plain = readFileSync(SAMPLE);
    const two = write('two.zip', zipOfMany([['a.csv', plain, 8], ['b.csv', Buffer.from('Date received,Company\n2020-01-01,X\n'), 0]]));
    await expect(readCfpbFile(two, 'two.zip')).rejects.toThrow(/two\.zip cannot be read as a zip archive: it holds 2 CSV files \(a\.csv, b\.csv\), not one/);
    const mac = write('mac.zip', zipOfMany([['complaints.csv', plain, 8], ['__MACOSX/._complaints.csv', Buffer.from([0, 5, 22, 7, 0, 2]), 0]]));
    expect((await readCfpbFile(mac, 'mac.zip')).meta.rows_read).toBe(6623);
  });

  it('refuses a damaged archive with one sentence', async () => {
    const good = zipOf('complaints.csv', readFileSync(SAMPLE), 8);
    const bad = Buffer.concat([good.subarray(0, 200), Buffer.alloc(5000, 7), good.subarray(5200)]);
    await expect(readCfpbFile(write('damaged.zip', bad), 'damaged.zip')).rejects.toThrow(/damaged zip archive|cannot be read as a zip/);
  });

  it('refuses an entry whose bytes are not those the archive was made of, though they inflate or read without a fault', async () => {
    const plain = readFileSync(DISPUTES);
    // Eight bytes of the deflated data changed: it still inflates, to rows of garbage (dates and answers as companies).
    const deflated = zipOf('complaints.csv', plain, 8);
    const at = 20_000;
    const damaged = Buffer.from(deflated);
    damaged.fill(0xff, at, at + 8);
    await expect(readCfpbFile(write('crc.zip', damaged), 'crc.zip')).rejects.toThrow(
      /^crc\.zip cannot be read as a zip archive: the file in it is damaged: its bytes do not match the checksum the archive gives for them/,
    );
    const stored = Buffer.from(zipOf('complaints.csv', plain, 0));
    stored.write('XXXX', at, 'latin1');
    await expect(readCfpbFile(write('crc-stored.zip', stored), 'crc-stored.zip')).rejects.toThrow(/the file in it is damaged/);
    // The archives as made are read.
    expect((await readCfpbFile(write('whole.zip', deflated), 'whole.zip')).meta.rows_read).toBe(3186);
  });
});
