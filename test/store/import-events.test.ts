// An import inserts the events of the timelines it makes many to a statement, holding them
// back until a statement is full: nothing may read the events table, or the journal of the
// import, without them. Each test here fails if a reader runs before the events it needs are in.
import { mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { mergeDataFile } from '../../src/store/merge.js';
import { validateDataFile, type DataFile } from '../../src/formats/data-file.js';
import { loadAllChecklists } from '../../src/formats/checklist-file.js';
import { digestFromText, digestOf } from '../../src/domain/digest.js';
import { msOf } from '../../src/domain/dates.js';
import type { Checklist } from '../../src/domain/checklist.js';

let dir: string;
let store: Store;
let checklists: Map<string, Checklist>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-import-events-'));
  store = Store.open(join(dir, 'v.db'));
  checklists = new Map(loadAllChecklists(join(dir, 'cfg')).map((c) => [c.checklist.id, c.checklist]));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const doc = (incidents: object[]): DataFile => {
  const v = validateDataFile({ format: 'vetted/1', incidents });
  if ('errors' in v) throw new Error(JSON.stringify(v.errors));
  return v.value as DataFile;
};
const merge = (d: DataFile) => mergeDataFile(store, d, { checklists, today: '2026-11-22' });
const day = (n: number) => `2026-0${1 + Math.floor(n / 28)}-${String(1 + (n % 28)).padStart(2, '0')}`;
/** An incident of `n` events (contacts and a promise), its times out of order in the file. */
const incident = (id: string, n: number) => ({
  id,
  company: `Company ${id}`,
  title: `Trouble ${id}`,
  opened: day(0),
  events: Array.from({ length: n }, (_, k) =>
    k % 3 === 2 ? { at: `${day(n - k)}T10:00`, type: 'promise', due: `${day(n - k + 1)}T10:00`, text: `promise ${k}` } : { at: `${day(n - k)}T09:${String(k % 60).padStart(2, '0')}`, type: 'contact', channel: 'phone', note: `call ${k}` },
  ),
});
const stored = () => store.db.prepare('SELECT i.ref, e.seq, e.at, e.at_ms, e.type, e.data FROM events e JOIN incidents i ON i.id = e.incident_id ORDER BY e.id').all() as { ref: string; seq: number; at: string; at_ms: number; type: string; data: string }[];

describe('the events of an import', () => {
  it('are every event of every timeline, numbered in timeline order, with the digest of each', () => {
    // 11 timelines of 1 to 21 events: 121 events, statements of 64 with some left over.
    const incidents = Array.from({ length: 11 }, (_, k) => incident(`inc-${k}`, 1 + 2 * k));
    merge(doc(incidents));
    const rows = stored();
    expect(rows.length).toBe(121);
    for (const i of incidents) {
      const mine = rows.filter((r) => r.ref === i.id);
      const inOrder = [...i.events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      expect(mine.map((r) => r.seq)).toEqual(inOrder.map((_, k) => k + 1));
      expect(mine.map((r) => ({ at: r.at, at_ms: r.at_ms, type: r.type, ...JSON.parse(r.data) }))).toEqual(inOrder.map((e) => ({ ...e, at_ms: msOf(e.at) })));
      const kept = store.db.prepare('SELECT d.digest FROM digests d JOIN incidents i ON i.id = d.incident_id WHERE i.ref = ?').pluck().get(i.id) as string;
      expect(digestFromText(kept)).toEqual(digestOf(store.findIncident(i.id)!.events));
    }
    // Journaled as the rows they are, under the import's operation, and undone with it.
    expect(store.db.prepare("SELECT count(*) FROM changes WHERE tbl = 'events' AND kind = 'i'").pluck().get()).toBe(121);
    const [op] = store.operations();
    store.write(() => store.revert(op), { summary: 'undo', reverts: op.id });
    expect(stored()).toEqual([]);
  });

  it('of a timeline the file gives twice are all in before the second is matched against them', () => {
    const first = incident('twice', 5);
    const again = { ...first, events: [first.events[0], { at: `${day(40)}T10:00`, type: 'apology' }] };
    merge(doc([first, incident('other', 3), again]));
    const mine = stored().filter((r) => r.ref === 'twice');
    // Five, and the one new event; the repeated one found among the five, not added again
    // (the number it was handed stays unused, as when the two were added one at a time).
    expect(mine.length).toBe(6);
    expect(mine.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(mine.filter((r) => r.type === 'apology').length).toBe(1);
  });

  it('are in when an attachment of the same timeline names one of them', () => {
    const content = Buffer.from('a receipt');
    const withFile = {
      ...incident('receipt', 4),
      attachments: [{ name: 'receipt.txt', sha256: createHash('sha256').update(content).digest('hex'), size: content.length, event: 2, content: content.toString('base64') }],
    };
    merge(doc([incident('before', 2), withFile]));
    const row = store.db
      .prepare('SELECT e.at, e.type, e.data FROM attachments a JOIN events e ON e.id = a.event_id JOIN incidents i ON i.id = a.incident_id WHERE i.ref = ?')
      .get('receipt') as { at: string; type: string; data: string } | undefined;
    expect(row).toBeDefined();
    const named = withFile.events[1];
    expect({ at: row!.at, type: row!.type, ...JSON.parse(row!.data) }).toEqual(named);
  });

  it('of an import refused part way are none of them, and the next import stands alone', () => {
    const bad = { ...incident('bad', 3), attachments: [{ name: 'x.txt', sha256: 'a'.repeat(64), size: 3, event: 9 }] };
    expect(() => merge(doc([incident('one', 30), incident('two', 20), bad]))).toThrow();
    expect(stored()).toEqual([]);
    merge(doc([incident('three', 2)]));
    expect(stored().map((r) => r.ref)).toEqual(['three', 'three']);
  });
});

describe('the events an import adds to an incident there already', () => {
  const base = { id: 'box-1', company: 'Acme', title: 'Box broken', opened: '2026-11-01T10:00' };
  const resolution = (at: string) => ({ at, type: 'resolution', outcome: 'resolved' });
  const refusal = (d: DataFile) => {
    try {
      merge(d);
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('the import was taken');
  };

  it('may not close it a second time: the database would export a file no import takes', () => {
    merge(doc([{ ...base, events: [resolution('2026-11-03T10:00')] }]));
    const before = stored();
    expect(refusal(doc([{ ...base, events: [resolution('2026-11-05T10:00')] }]))).toMatch(/incidents\[0\]: it would close box-1 a second time: it is closed here already; leave its closing out.*vetted incident reopen box-1/);
    expect(stored()).toEqual(before);
    // The same resolution again is no second one; other events after the closing are taken.
    merge(doc([{ ...base, events: [resolution('2026-11-03T10:00'), { at: '2026-11-04T10:00', type: 'contact', channel: 'phone' }] }]));
    expect(stored().map((r) => r.type)).toEqual(['resolution', 'contact']);
  });

  it('may not close it a second time where it is closed by its closing time alone', () => {
    merge(doc([{ ...base, closed: '2026-11-04T10:00' }]));
    expect(refusal(doc([{ ...base, events: [resolution('2026-11-03T10:00')] }]))).toMatch(/it would close box-1 a second time/);
    expect(refusal(doc([{ ...base, closed: '2026-11-05T10:00' }]))).toMatch(/it would close box-1 a second time/);
    expect(stored()).toEqual([]);
    // Its resolution, at the time it was closed: the same closing, told whole.
    merge(doc([{ ...base, events: [resolution('2026-11-04T10:00')] }]));
    expect(stored().map((r) => r.type)).toEqual(['resolution']);
  });

  it('refuses an event changed in the file under the id, time and type of one here, rather than adding it a second time', () => {
    const promise = (text: string, extra: object = {}) => ({ id: 'box-1#1', at: '2026-11-02T10:00', type: 'promise', due: '2026-11-03T10:00', text, ...extra });
    merge(doc([{ ...base, events: [promise('refund tomorrow')] }]));
    const before = stored();
    expect(refusal(doc([{ ...base, events: [promise('refund by tomorrow')] }]))).toMatch(/incidents\[0\]: events: the event box-1#1 is not the same in the file as here .*vetted event edit box-1#1/);
    expect(refusal(doc([{ ...base, events: [promise('refund tomorrow', { kept: true })] }]))).toMatch(/the event box-1#1 is not the same/);
    // The same time written another way is the same time.
    expect(refusal(doc([{ ...base, events: [promise('other', { at: '2026-11-02 10:00' })] }]))).toMatch(/the event box-1#1 is not the same/);
    expect(stored()).toEqual(before);
    // Its time changed alone is it changed too.
    expect(refusal(doc([{ ...base, events: [promise('refund tomorrow', { at: '2026-11-02T11:00' })] }]))).toMatch(/the event box-1#1 is not the same in the file as here \(its type the same, its time or its details not\)/);
    // Its deadline written another way is the same deadline.
    expect(merge(doc([{ ...base, events: [promise('refund tomorrow', { due: '2026-11-03 10:00' })] }])).events).toEqual({ added: 0, existing: 1 });
    // The same event with its time written another way is the same event, there already.
    expect(merge(doc([{ ...base, events: [promise('refund tomorrow', { at: '2026-11-02 10:00' })] }])).events).toEqual({ added: 0, existing: 1 });
    expect(stored()).toEqual(before);
    // Under the number of an event of another time or type (another record's numbering): added, numbered anew.
    merge(doc([{ ...base, events: [{ id: 'box-1#1', at: '2026-11-04T10:00', type: 'contact', channel: 'phone' }] }]));
    expect(stored().map((r) => [r.seq, r.type])).toEqual([
      [1, 'promise'],
      [2, 'contact'],
    ]);
    // Its id left out: added as another event, as asked.
    merge(doc([{ ...base, events: [{ at: '2026-11-02T10:00', type: 'promise', due: '2026-11-03T10:00', text: 'refund by tomorrow' }] }]));
    expect(stored()).toHaveLength(3);
  });

  it('takes the title and fault of an incident as the file gives them, as the details of a company are taken, and counts it changed', () => {
    merge(doc([{ ...base, fault: 'customer' }]));
    const report = merge(doc([{ ...base, title: 'Box broken on arrival', fault: 'company' }]));
    expect(report.incidents).toEqual({ added: 0, existing: 1, changed: 1 });
    expect(store.findIncident('box-1')).toMatchObject({ title: 'Box broken on arrival', fault: 'company' });
    // A file that gives no fault leaves the one here; the same again changes nothing.
    expect(merge(doc([{ ...base, title: 'Box broken on arrival' }])).incidents).toEqual({ added: 0, existing: 1, changed: 0 });
    expect(store.findIncident('box-1')?.fault).toBe('company');
  });

  it('refuses a record the file gives twice, naming the first, rather than keeping the last without a word', () => {
    const file = (d: object) => {
      const v = validateDataFile({ format: 'vetted/1', ...d });
      if ('errors' in v) throw new Error(JSON.stringify(v.errors));
      return v.value as DataFile;
    };
    const refused = (d: object) => {
      try {
        merge(file(d));
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error('merged');
    };
    merge(file({ companies: [{ name: 'Zappos', aliases: ['Zappos Shoes'] }] }));
    expect(refused({ companies: [{ name: 'Zappos', website: 'https://a.example' }, { name: 'zappos', website: 'https://b.example' }] })).toMatch(/companies\[1\]: is the same company as companies\[0\] \(by this name or another of its names\), told otherwise/);
    expect(refused({ companies: [{ name: 'New Co', category: 'shop' }, { name: 'Zappos' }, { name: 'NEW CO', category: 'bank' }] })).toMatch(/companies\[2\]: is the same company as companies\[0\]/);
    // Two names of the file that are one company only here (an alias): said so.
    expect(refused({ companies: [{ name: 'Zappos', website: 'https://a.example' }, { name: 'Zappos Shoes', website: 'https://b.example' }] })).toMatch(/companies\[1\]: is the same company here as companies\[0\], told otherwise: the two names are one company in this database, "Zappos"/);
    expect(refused({ incidents: [base, { ...base, id: 'BOX-1', title: 'other' }] })).toMatch(/incidents\[1\]: has the id of incidents\[0\] \(in other letters too\) but another company, opening, title or fault/);
    expect(refused({ incidents: [base, { ...base, opened: '2026-11-02T10:00' }] })).toMatch(/incidents\[1\]: has the id of incidents\[0\]/);
    expect(refused({ incidents: [{ ...base, fault: 'company' }, { ...base, fault: 'customer' }] })).toMatch(/incidents\[1\]: has the id of incidents\[0\] \(in other letters too\) but another company, opening, title or fault/);
    expect(refused({ pins: [{ company: 'Zappos', list: 'white', reason: 'good' }, { company: 'ZAPPOS', list: 'black', reason: 'bad' }] })).toMatch(/pins\[1\]: pins the same company as pins\[0\], otherwise/);
    expect(stored()).toEqual([]);
    expect(store.findCompany('New Co')).toBeUndefined();
    // Told the same again (or with less), a record changes nothing and is taken; so is an incident in two parts, its opening written otherwise.
    merge(file({ companies: [{ name: 'Zappos', website: 'https://a.example' }, { name: 'zappos shoes', website: 'https://a.example' }, { name: 'ZAPPOS' }], pins: [{ company: 'Zappos', list: 'white', reason: 'good' }, { company: 'zappos', list: 'white', reason: 'good' }] }));
    const crate = { ...base, id: 'crate-1', company: 'Zappos' };
    merge(file({ incidents: [crate, { ...crate, opened: '2026-11-01 10:00', events: [{ at: '2026-11-02T10:00', type: 'contact', channel: 'phone' }] }] }));
    expect(stored()).toHaveLength(1);
    // A company named as a parent or by an incident before its own record is no second record.
    merge(file({ companies: [{ name: 'Kid', parent: 'Mother' }, { name: 'Mother' }], incidents: [{ ...base, company: 'Kid' }] }));
    expect(store.findCompany('Mother')).toBeDefined();
  });

  it('refuses an event whose id names another incident than the one it is in (moved there in the file)', () => {
    const moved = { ...base, events: [{ id: 'crate-7#2', at: '2026-11-02T10:00', type: 'contact', channel: 'phone' }] };
    expect(refusal(doc([moved]))).toMatch(/incidents\[0\]: events: the event "crate-7#2" is an event of another incident than box-1; leave its id out to add it to box-1/);
    expect(stored()).toEqual([]);
    // Its incident's id in other letters, or a number alone, is its own.
    merge(doc([{ ...base, events: [{ id: 'BOX-1#2', at: '2026-11-02T10:00', type: 'contact', channel: 'phone' }, { id: '#3', at: '2026-11-02T11:00', type: 'contact', channel: 'chat' }] }]));
    expect(stored().map((r) => r.seq)).toEqual([2, 3]);
  });

  it('is another incident, refused, when it shares its id but neither its opening nor its title: one is added to the other when it shares either', () => {
    merge(doc([{ ...base, events: [{ at: '2026-11-02T10:00', type: 'contact', channel: 'phone' }] }]));
    const before = stored();
    // Another database numbers its own incidents: box-1 there is another box.
    const other = { ...base, title: 'Parcel lost', opened: '2026-11-20T10:00', events: [{ at: '2026-11-21T10:00', type: 'apology', level: 'frontline' }] };
    expect(refusal(doc([other]))).toMatch(/incidents\[0\]: the id "box-1" already belongs to another incident of this company, opened 2026-11-01 10:00: "Box broken"; give this incident another id, or leave its id out to have one made/);
    expect(stored()).toEqual(before);
    // Without its id it is added as an incident of its own.
    const { id: _, ...unnamed } = other;
    merge(doc([unnamed]));
    expect(store.findIncident('acme-1')?.title).toBe('Parcel lost');
    // The same opening with its title edited, or the same title with its opening moved: the same incident.
    merge(doc([{ ...base, title: 'Box broken on arrival', events: [{ at: '2026-11-03T10:00', type: 'contact', channel: 'email' }] }]));
    // (its title, as the file before gave it, is the one here now)
    merge(doc([{ ...base, title: 'Box broken on arrival', opened: '2026-11-01T09:00', events: [{ at: '2026-11-04T10:00', type: 'contact', channel: 'chat' }] }]));
    expect(stored().filter((r) => r.ref === 'box-1').length).toBe(3);
    // Its id in other letters is its id: BOX-1 is box-1 here, as it is looked up.
    merge(doc([{ ...base, id: 'BOX-1', events: [{ at: '2026-11-05T10:00', type: 'contact', channel: 'phone' }] }]));
    expect(stored().filter((r) => r.ref === 'box-1').length).toBe(4);
    expect(store.db.prepare('SELECT ref FROM incidents ORDER BY ref').pluck().all()).toEqual(['acme-1', 'box-1']);
  });

  it('may not come before its opening as it stands here, though the file opened it earlier', () => {
    merge(doc([{ ...base, opened: '2026-11-02T10:00' }]));
    const d = doc([{ ...base, events: [{ at: '2026-11-01T12:00', type: 'contact', channel: 'phone' }] }]);
    expect(refusal(d)).toMatch(/before the opening of box-1 as it stands here.*--opened 2026-11-01T12:00/);
    expect(stored()).toEqual([]);
    // A file's time written with a space is suggested as one word, which the shell does not split.
    const spaced = doc([{ ...base, events: [{ at: '2026-11-01 12:00', type: 'contact', channel: 'phone' }] }]);
    expect(refusal(spaced)).toMatch(/an event at 2026-11-01 12:00\).*`vetted incident edit box-1 --opened 2026-11-01T12:00`/);
  });
});
