// A data file read a record at a time must read exactly what the whole-document reader reads,
// or leave the file to it: every file the record reader takes is valid and gives the same
// records in the same order; every other one goes to the whole reading, which names its problems.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NotValidRecord, isValidHead, isValidLayout, layoutOf, layoutOfFile, recordsOfFile } from '../../src/formats/data-stream.js';
import { scanJson } from '../../src/formats/data-text.js';
import { validateDataFile, type DataFile } from '../../src/formats/data-file.js';

const dir = mkdtempSync(join(tmpdir(), 'vetted-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.parse('2026-12-01T12:00:00Z');

const company = { name: 'Волга, "телеком"', aliases: ['Volga\u2028Telecom'], website: 'https://volga.example' };
const incident = {
  id: 'volga-1',
  company: 'Волга, "телеком"',
  title: 'line down: {"a": [1, 2]} \\ ]',
  opened: '2024-01-02T10:00',
  events: [{ id: 'volga-1#1', at: '2024-01-02T10:00', type: 'note', text: 'a, b ] } [' }],
};
const doc = {
  format: 'vetted/1',
  exported_at: '2026-11-30T10:00:00Z',
  companies: [company, { name: 'Ozon' }],
  checks: [],
  incidents: [incident, { company: 'Ozon', title: 'no id', opened: '2024-02-01' }],
  pins: [{ company: 'Ozon', list: 'black', reason: 'r', at: '2024-03-01' }],
};

/** The records the record reader gives, in order, or undefined when it leaves the file to the whole reading. */
function streamed(text: string | Buffer): { records: [string, unknown, number][]; ids: string[] } | undefined {
  const file = join(dir, `f${Math.random()}.json`);
  writeFileSync(file, text);
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const layout = layoutOf(bytes, file);
  const st = statSync(file);
  if (!layout || !isValidHead(layout, NOW)) return undefined;
  const identity = { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
  const records: [string, unknown, number][] = [];
  let valid = true;
  try {
    recordsOfFile(file, layout, identity, NOW).forEach((s, r, i) => records.push([s, r, i]));
  } catch (err) {
    if (!(err instanceof NotValidRecord)) throw err;
    valid = false;
  }
  // The check of every record before any is merged says the same.
  expect(isValidLayout(file, layout, identity, NOW)).toBe(valid);
  return valid ? { records, ids: [...layout.incidentIds] } : undefined;
}

function wholeRecords(data: DataFile): [string, unknown, number][] {
  return (['companies', 'checks', 'incidents', 'pins'] as const).flatMap((s) => (data[s] ?? []).map((r, i) => [s, r, i] as [string, unknown, number]));
}

describe('a data file read a record at a time', () => {
  it.each([
    ['compact', JSON.stringify(doc)],
    ['indented', JSON.stringify(doc, null, 2)],
    ['with a byte order mark and spaces around', `\uFEFF \n${JSON.stringify(doc, null, 4)}\n\n`],
    ['with empty and absent lists', JSON.stringify({ format: 'vetted/1', companies: [], incidents: [incident], lists: [] })],
    ['escapes in keys and values', JSON.stringify(doc).replace('"title"', '"\\u0074itle"')],
    ['an incident without its opening, which its earliest event gives', JSON.stringify({ ...doc, incidents: [{ company: 'Ozon', title: 'late', events: [{ at: '2024-02-03', type: 'note', text: 'x' }, { at: '2024-02-02T23:00-05:00', type: 'note', text: 'y' }], closed: '2024-02-03' }] }, null, 2)],
  ])('%s: the same records as the whole reading, in the same order', (_, text) => {
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as DataFile;
    expect('value' in validateDataFile(data, { now: NOW })).toBe(true);
    const got = streamed(text);
    expect(got).toBeDefined();
    expect(got!.records).toEqual(wholeRecords(data));
    expect(got!.ids).toEqual((data.incidents ?? []).flatMap((i) => (i.id ? [i.id] : [])));
  });

  it.each([
    ['a key it does not know', JSON.stringify({ ...doc, extra: 1 })],
    ['the lists in another order', JSON.stringify({ format: 'vetted/1', incidents: [incident], companies: [company] })],
    ['format not first', JSON.stringify({ exported_at: '2026-11-30T10:00:00Z', format: 'vetted/1' })],
    ['another format', JSON.stringify({ ...doc, format: 'vetted/2' })],
    ['a record that is not valid', JSON.stringify({ ...doc, pins: [{ company: 'Ozon', list: 'grey', reason: 'r' }] })],
    ['a date in the future', JSON.stringify({ ...doc, pins: [{ company: 'Ozon', list: 'black', reason: 'r', at: '2099-01-01' }] })],
    ['an incident with neither its opening nor an event', JSON.stringify({ ...doc, incidents: [incident, { company: 'Ozon', title: 'no opening', events: [] }] }, null, 2)],
    ['an incident closed before the earliest event that opens it', JSON.stringify({ ...doc, incidents: [{ company: 'Ozon', title: 'late', events: [{ at: '2024-02-03T10:00', type: 'note', text: 'x' }], closed: '2024-02-02' }] }, null, 2)],
    ['a lone surrogate', JSON.stringify(doc).replace('Ozon', 'Oz\\ud800on')],
    ['a lone low surrogate, its escape in capitals', JSON.stringify(doc).replace('volga.example', 'volga.ex\\uDC00ample')],
    ['a lone high surrogate at the end of a text', JSON.stringify(doc).replace('"no id"', '"no id\\uDBFF"')],
    ['a trailing comma', JSON.stringify(doc).replace('}],"checks"', '},],"checks"')],
    ['an empty record', JSON.stringify(doc).replace('"companies":[', '"companies":[,')],
    ['a syntax error inside a record', JSON.stringify(doc).replace('"name":"Ozon"', '"name" "Ozon"')],
    ['a syntax error between keys', JSON.stringify(doc).replace(',"checks"', ' "checks"')],
    ['text after the end', `${JSON.stringify(doc)} {}`],
    ['a list that is a map', JSON.stringify({ ...doc, checks: {} })],
    ['a list', JSON.stringify([doc])],
    ['YAML', 'format: vetted/1\n'],
    ['bytes that are not UTF-8', Buffer.concat([Buffer.from(JSON.stringify(doc).slice(0, -2)), Buffer.from([0xff, 0x7d])])],
  ])('%s: left to the whole reading', (_, text) => {
    expect(streamed(text)).toBeUndefined();
  });

  it('refuses a key given twice, or a file over the budget, as the whole reading does', () => {
    const twice = JSON.stringify(doc, null, 2).replace('"format": "vetted/1",', '"format": "vetted/1",\n  "format": "vetted/1",');
    const message = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return (err as Error).message;
      }
      return 'nothing thrown';
    };
    expect(message(() => layoutOf(Buffer.from(twice), 'f.json'))).toBe(message(() => scanJson(twice, 'f.json')));
    expect(message(() => layoutOf(Buffer.from(twice), 'f.json'))).toMatch(/f\.json:3: the key "format" is given twice/);
    // Blank lines before the document count as lines, with or without a byte order mark.
    for (const before of ['\n\n', '\r\n \n\t', '\uFEFF\n']) {
      const text = `${before}${twice}`;
      expect(message(() => layoutOf(Buffer.from(text), 'f.json'))).toBe(message(() => scanJson(text.replace(/^\uFEFF/, ''), 'f.json')));
    }
    expect(message(() => layoutOf(Buffer.from(`\n\n${twice}`), 'f.json'))).toMatch(/f\.json:5: the key "format" is given twice/);
  });

  it('tells keys apart by every byte, whatever their hash, and a repeat by its text', () => {
    const layout = (text: string) => layoutOf(Buffer.from(text), 'f.json');
    // "Aa" and "BB" hash alike (31 × 65 + 97 = 31 × 66 + 66); so do keys that share all but their ends.
    expect(layout('{"format":"vetted/1","companies":[{"name":"x","Aa":1,"BB":2}]}')).toBeDefined();
    expect(layout('{"format":"vetted/1","companies":[{"name":"x","keyAa":1,"keyBB":2,"keyAa1":3}]}')).toBeDefined();
    expect(() => layout('{"format":"vetted/1","companies":[{"name":"x","Aa":1,"BB":2,"Aa":3}]}')).toThrow(/the key "Aa" is given twice/);
    expect(() => layout('{"format":"vetted/1","companies":[{"имя":"x","имя":"y"}]}')).toThrow(/the key "имя" is given twice/);
    expect(() => layout('{"format":"vetted/1","companies":[{"name":"x","n\\u0061me":"y"}]}')).toThrow(/the key "name" is given twice/);
    // An object of many keys (searched as a set past the first few) refuses a repeat all the same, however far apart.
    const many = (keys: string[]) => `{"format":"vetted/1","companies":[{${keys.map((k, n) => `"${k}":${n}`).join(',')}}]}`;
    const keys = Array.from({ length: 40 }, (_, k) => `key${k}`);
    expect(layout(many(keys))).toBeDefined();
    expect(() => layout(many([...keys, 'key3']))).toThrow(/the key "key3" is given twice/);
    expect(() => layout(many([...keys.slice(0, 10), 'key3', ...keys.slice(10)]))).toThrow(/the key "key3" is given twice/);
    // A key met before in another object is no repeat, and keeps its own text.
    expect(layout('{"format":"vetted/1","companies":[{"name":"x","BB":1},{"Aa":2,"name":"y"}]}')?.records.get('companies')).toHaveLength(4);
  });

  it('refuses a file changed between its readings', () => {
    const file = join(dir, 'changing.json');
    const text = JSON.stringify(doc);
    writeFileSync(file, text);
    const layout = layoutOf(Buffer.from(text), file)!;
    const st = statSync(file);
    writeFileSync(file, text.replace('Ozon', 'Ozzy'));
    expect(() => recordsOfFile(file, layout, { size: st.size, mtimeMs: st.mtimeMs - 1000, ino: st.ino }, NOW).forEach(() => {})).toThrow(/changed while it was being imported/);
  });

  it('visits the records before the first that is not valid, and stops there', () => {
    const file = join(dir, 'half.json');
    const text = JSON.stringify({ ...doc, incidents: [incident, { ...incident, id: 'volga-2', opened: '2300-01-01' }, { ...incident, id: 'volga-3' }] });
    writeFileSync(file, text);
    const layout = layoutOf(Buffer.from(text), file)!;
    const st = statSync(file);
    expect(isValidHead(layout, NOW)).toBe(true);
    const seen: string[] = [];
    const visit = () => recordsOfFile(file, layout, { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino }, NOW).forEach((s, _, i) => seen.push(`${s} ${i}`));
    expect(visit).toThrow(NotValidRecord);
    expect(seen).toEqual(['companies 0', 'companies 1', 'incidents 0']);
  });
});

describe('a data file laid out a window at a time', () => {
  const long = 'ж€😀'.repeat(300);
  const twice = JSON.stringify(doc).replace('"format":"vetted/1",', '"format":"vetted/1","format":"vetted/1",');
  const texts: [string, string | Buffer][] = [
    ['compact', JSON.stringify(doc)],
    ['indented, with a byte order mark', `\uFEFF \n${JSON.stringify(doc, null, 4)}\n\n`],
    ['texts of many-byte characters longer than any window', JSON.stringify({ ...doc, source: long, incidents: [{ ...incident, title: long }] })],
    ['escapes everywhere', JSON.stringify(doc).replace(/"title"/g, '"\\u0074itle"').replace('Ozon', 'O\\"z\\\\o\\u006e').replace('"no id"', '"no id\\ud83d\\ude00"')],
    ['a lone surrogate', JSON.stringify(doc).replace('Ozon', 'Oz\\ud800on')],
    ['a head value that is a map', JSON.stringify({ format: 'vetted/1', source: { a: [1, 2, { b: long }] }, companies: [company] })],
    ['a key given twice', twice],
    ['a key given twice in a file that is not UTF-8 further on', Buffer.concat([Buffer.from(twice.slice(0, -2)), Buffer.from([0xc3, 0x7d])])],
    ['bytes that are not UTF-8', Buffer.concat([Buffer.from(JSON.stringify(doc).slice(0, -2)), Buffer.from([0xff, 0x7d])])],
    ['a character cut short at the end', Buffer.concat([Buffer.from(JSON.stringify(doc)), Buffer.from([0xe2, 0x82])])],
    ['text after the end', `${JSON.stringify(doc)}\n\n x`],
    ['a text never closed', JSON.stringify(doc).slice(0, -40)],
    ['an empty record', JSON.stringify(doc).replace('"companies":[', '"companies":[ ,')],
    ['nothing but blanks', '   \n  '],
    ['a key given twice, the file ending in the middle of the second', '{"format":"vetted/1","format'],
    ['a key given twice, the file ending in an escape of the second', '{"format":"vetted/1","form\\'],
    ['a key given twice after blank lines', `\n \n\n${twice}`],
    [
      'ids with escapes, quotes, many-byte characters and a NUL',
      JSON.stringify({ ...doc, incidents: [{ ...incident, id: 'a"b\\c' }, { ...incident, id: 'ж-€😀' }, { ...incident, id: 'x\u0000y' }, { ...incident, id: '' }, { ...incident, id: 'plain' }] }).replace('"plain"', '"pl\\u0061in"'),
    ],
    ['ids of lone surrogates by their escapes', '{"format":"vetted/1","incidents":[{"id":"\\ud800"},{"id":"\\udc00"},{"id":"c"}]}'],
    ['an object of many keys', JSON.stringify({ ...doc, companies: [Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`key${k}`, k]))] })],
  ];
  const outcome = (fn: () => unknown) => {
    try {
      const l = fn() as ReturnType<typeof layoutOf>;
      return l && { head: l.head, records: [...l.records], ids: [...l.incidentIds], surrogates: l.surrogateEscapes };
    } catch (err) {
      return (err as Error).message;
    }
  };
  it('keeps an id with a NUL byte whole (not JSON, which its record is then refused for)', () => {
    const text = '{"format":"vetted/1","incidents":[{"id":"a\u0000b"},{"id":"c"}]}';
    for (const size of [16, 17, 4096]) expect([...layoutOf(Buffer.from(text), 'f.json', size)!.incidentIds]).toEqual(['c', 'a\u0000b']);
  });

  it('lays out a text of many escapes, or of many quotes escaped, in time linear in its length', () => {
    // Searched again from each escape to the text's end, a text of escapes took time in the
    // square of its length (3.4 s at 400,000). Sixteen times as long: linear time is some
    // sixteen times the time (12–18 measured), the square 256 times; the bar stands wide of
    // both, for a busy machine (at four times as long, against a bar of 8, one run read 8.7).
    const text = (escape: string, n: number) => Buffer.from(`{"format":"vetted/1","source":"${escape.repeat(n)}","companies":[{"name":"x"}]}`);
    const quickest = (bytes: Buffer) => {
      let best = Infinity;
      for (let k = 0; k < 5; k++) {
        const started = performance.now();
        expect(layoutOf(bytes, 'f.json')?.records.get('companies')).toHaveLength(2);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    for (const escape of ['\\n', '\\"', '\\\\']) {
      const [small, large] = [text(escape, 25_000), text(escape, 400_000)];
      quickest(small);
      expect(quickest(large) / quickest(small)).toBeLessThan(64);
    }
  });

  it.each(texts)('%s: what a window of any size finds is what one of the whole file finds', (_, text) => {
    const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
    const whole = outcome(() => layoutOf(bytes, 'f.json', bytes.length + 1));
    // Every size from 16 to 48 bytes: each splits texts, escapes and characters at other places.
    for (const size of [...Array.from({ length: 33 }, (_, k) => 16 + k), 257, 4096]) expect([size, outcome(() => layoutOf(bytes, 'f.json', size))]).toEqual([size, whole]);
    // The ids are the incidents' own, as JSON reads them.
    if (typeof whole === 'object' && whole) {
      const parsed = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as DataFile;
      expect(new Set(whole.ids)).toEqual(new Set((parsed.incidents ?? []).flatMap((i) => (typeof i.id === 'string' ? [i.id] : []))));
    }
    const file = join(dir, `w${Math.random()}.json`);
    writeFileSync(file, bytes);
    const st = statSync(file);
    expect(outcome(() => layoutOfFile(file, { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino }, 'f.json'))).toEqual(whole);
  });
  it('finds a file valid or not as the whole reading does', () => {
    expect(outcome(() => layoutOf(Buffer.from(texts[0][1] as string), 'f.json', 16))).toMatchObject({ ids: ['volga-1'] });
    expect(outcome(() => layoutOf(Buffer.from(twice), 'f.json', 16))).toMatch(/the key "format" is given twice/);
    // A file that ends in a text: as the whole reading takes it, the text ends with the file.
    const cut = '{"format":"vetted/1","format';
    expect(outcome(() => layoutOf(Buffer.from(cut), 'f.json', 16))).toBe(outcome(() => scanJson(cut, 'f.json')));
    for (const k of [7, 8, 9, 10, 11, 12, 13]) expect([texts[k][0], outcome(() => layoutOf(Buffer.from(texts[k][1]), 'f.json', 16))]).toEqual([texts[k][0], undefined]);
  });
  it('reads no file that changed since it was looked at', () => {
    const file = join(dir, 'moved.json');
    writeFileSync(file, JSON.stringify(doc));
    const st = statSync(file);
    expect(layoutOfFile(file, { size: st.size + 1, mtimeMs: st.mtimeMs, ino: st.ino }, 'f.json')).toBeUndefined();
  });
  it('does not wait on a FIFO put in the place of the file looked at, in either pass', () => {
    const file = join(dir, 'swapped.json');
    const text = JSON.stringify(doc);
    writeFileSync(file, text);
    const st = statSync(file);
    const identity = { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
    const layout = layoutOfFile(file, identity, 'f.json')!;
    expect(layout).toBeDefined();
    rmSync(file);
    // Opening it to read without O_NONBLOCK would wait for a writer: should that come back, a
    // writer opens it every few seconds, so that the test fails on its time rather than hangs.
    execFileSync('mkfifo', [file]);
    const writer = spawn(process.execPath, ['-e', `setInterval(() => require('node:fs').closeSync(require('node:fs').openSync(${JSON.stringify(file)}, 'w')), 3000)`], { stdio: 'ignore' });
    try {
      const started = performance.now();
      expect(layoutOfFile(file, identity, 'f.json')).toBeUndefined();
      expect(() => recordsOfFile(file, layout, identity, NOW).forEach(() => {})).toThrow(/changed while it was being imported/);
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      writer.kill('SIGKILL');
    }
  });
});
