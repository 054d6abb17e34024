// The attachments table: content stored once per hash, kept while the journal may bring an
// attachment back, events named by their stable numbers, and a failed write that leaves nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { addAttachment, attachmentsOf, eventRowIdByNumber, readAttachment, sha256Of, MAX_ATTACHMENT_BYTES } from '../../src/store/attachments.js';

let dir: string;
let store: Store;
let incident: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-attach-'));
  store = Store.open(join(dir, 'vetted.db'));
  store.write(() => {
    const c = store.createCompany('Acme', '2024-01-01');
    incident = store.insertIncident({ ref: 'acme-1', companyId: c.id, title: 't', opened: '2024-01-01T09:00', fault: 'company' });
    store.addEvent(incident, { at: '2024-01-03T10:00', type: 'note', text: 'third logged, second in time' });
    store.addEvent(incident, { at: '2024-01-02T10:00', type: 'contact', channel: 'phone' });
    store.addEvent(incident, { at: '2024-01-04T10:00', type: 'apology' });
  }, { summary: 'test' });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const blobs = () => (store.db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n;
const add = (name: string, data: string, event?: number) =>
  store.write(() => addAttachment(store, { incidentRowId: incident, eventRowId: event, name, addedAt: '2024-01-05T10:00', data: Buffer.from(data) }), { summary: 'test' });

describe('attachments in the store', () => {
  it('names events by their stable numbers, in the order they were recorded', () => {
    const second = eventRowIdByNumber(store, incident, 2)!;
    const row = store.db.prepare('SELECT type FROM events WHERE id = ?').get(second) as { type: string };
    expect(row.type).toBe('contact');
    expect(eventRowIdByNumber(store, incident, 4)).toBeUndefined();
    expect(eventRowIdByNumber(store, incident, 0)).toBeUndefined();
    add('a.txt', 'A', second);
    expect(attachmentsOf(store, incident)[0].event).toBe(2);
  });

  it('stores content once, keeps it while undo may bring it back, and forgets it with the journal', () => {
    const a = add('a.txt', 'same');
    add('b.txt', 'same');
    expect(blobs()).toBe(1);
    expect(a.sha256).toBe(sha256Of(Buffer.from('same')));
    store.write(() => store.removeIncident(incident), { summary: 'test' });
    expect(blobs()).toBe(1);
    store.pruneOperations('2999-01-01');
    expect(blobs()).toBe(0);
  });

  it('reads content back checked against its hash', () => {
    const a = add('a.txt', 'hello');
    expect(readAttachment(store, a.id)!.data.toString()).toBe('hello');
    store.db.prepare('UPDATE blobs SET data = ?').run(Buffer.from('hellO'));
    expect(() => readAttachment(store, a.id)).toThrow(/no longer matches its hash/);
  });

  it('refuses content over the limit, storing nothing', () => {
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    expect(() => store.write(() => addAttachment(store, { incidentRowId: incident, name: 'big', addedAt: '2024-01-05', data: big }))).toThrow(/larger than 50 MB/);
    expect(blobs()).toBe(0);
  });
});
