// The store on a temporary database: a safe open (refusing what is not ours, byte for
// byte untouched), migrations applied once, company lookups, and writes that roll back.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, installJournalTriggers } from '../../src/store/schema.js';
import { Store, type NewCheck } from '../../src/store/store.js';
import { IMPORT_MAP_BYTES, MAP_BYTES, digestsKey, refuseNewDatabaseAt } from '../../src/store/open.js';
import { localZone, localZoneChanged } from '../../src/local-zone.js';
import { journaled } from '../helpers/store.js';

let dir: string;
let opened: Store[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-store-'));
  opened = [];
});

afterEach(() => {
  for (const s of opened) s.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(file = join(dir, 'vetted.db'), options?: Parameters<typeof Store.open>[1]): Store {
  const s = journaled(Store.open(file, options));
  opened.push(s);
  return s;
}

/** The incidents whose digests are kept. */
const digests = (st: Store) => st.db.prepare('SELECT incident_id FROM digests').pluck().all();

/** Acme, with incident acme-1 of one note; the incident's row id. */
function acmeWithANote(s: Store): number {
  return s.write(
    () => {
      const c = s.createCompany('Acme', '2024-01-01');
      const i = s.insertIncident({ ref: 'acme-1', companyId: c.id, title: 't', opened: '2024-01-02T10:00', fault: 'company' });
      s.addEvent(i, { at: '2024-01-03T10:00', type: 'note', text: 'first' } as never);
      return i;
    },
    { summary: 'add' },
  );
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Runs `fn`, which must throw; returns what it threw. */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error, none was thrown');
}

/** Asserts that opening `file` is refused with a UserError and leaves the folder as it was. */
function expectRefused(file: string, message: RegExp): void {
  const before = readFileSync(file);
  const listing = readdirSync(dir).sort();
  const err = thrown(() => open(file));
  expect(err.name).toBe('UserError');
  expect(err.message).toMatch(message);
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(readdirSync(dir).sort()).toEqual(listing);
  for (const suffix of ['-wal', '-shm', '-journal']) expect(existsSync(file + suffix), suffix).toBe(false);
}

/** Makes an SQLite file with better-sqlite3 directly, as another program or a newer vetted would. */
function makeSqlite(file: string, setup: (db: Database.Database) => void): void {
  const db = new Database(file);
  setup(db);
  db.close();
}

/** Aliases as versions before kept them: without a skeleton, and the journal's copies of them without one either. */
function withoutAliasSkeletons(db: Database.Database): void {
  db.exec('DROP INDEX aliases_skeleton; DROP TRIGGER journal_aliases_insert; DROP TRIGGER journal_aliases_update; DROP TRIGGER journal_aliases_delete; ALTER TABLE aliases DROP COLUMN skeleton');
  db.exec("UPDATE changes SET old = json_remove(old, '$.skeleton') WHERE tbl = 'aliases' AND old IS NOT NULL");
  installJournalTriggers(db, ['aliases']);
}

/** The header fields of an SQLite file: journal (1 rollback, 2 WAL), user_version, application_id. */
function header(file: string): { write: number; read: number; userVersion: number; appId: number } {
  const b = readFileSync(file).subarray(0, 100);
  return { write: b[18], read: b[19], userVersion: b.readUInt32BE(60), appId: b.readUInt32BE(68) };
}

describe('opening a new database', () => {
  it('creates a private vetted database in WAL mode at the current schema', () => {
    const file = join(dir, 'vetted.db');
    const store = open(file);
    expect(APPLICATION_ID).toBe(0x56455454);
    expect(store.db.pragma('application_id', { simple: true })).toBe(0x56455454);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const tables = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (t) => t.name,
    );
    expect(tables).toEqual([
      'aliases', 'attachments', 'blobs', 'changes', 'checks', 'companies', 'complaint_counts', 'complaint_issues', 'database_id', 'digests', 'digests_build', 'events', 'incidents', 'operations', 'pins',
      'retired_refs', 'source_companies', 'source_evidence', 'source_lists', 'source_names', 'sources', 'sqlite_sequence', 'verdicts', 'verdicts_judged',
    ]);
    store.close();
    expect(header(file)).toEqual({ write: 2, read: 2, userVersion: SCHEMA_VERSION, appId: 0x56455454 });
  });

  it('keeps the WAL file private too', () => {
    const file = join(dir, 'vetted.db');
    const store = open(file);
    store.createCompany('Acme', '2024-01-01');
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
  });

  it('takes a log beside a database another process made meanwhile for that database\'s, not for one left beside no database', () => {
    // Twelve processes at once: one looks, finds no database, and looks for a log beside it
    // after another has made the database and opened it (its log is there then).
    const file = join(dir, 'vetted.db');
    writeFileSync(`${file}-wal`, '');
    expect(() => refuseNewDatabaseAt(file)).toThrow(/is there already, where SQLite keeps a file of its own/);
    makeSqlite(file, () => undefined);
    expect(refuseNewDatabaseAt(file)).toBe('made');
  });

  it('accepts an empty (0-byte) file as new', () => {
    const file = join(dir, 'empty.db');
    writeFileSync(file, '');
    const store = open(file);
    expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.counts()).toEqual({ companies: 0, checks: 0, incidents: 0, events: 0, pins: 0 });
  });

  it('refuses a missing parent folder and creates nothing', () => {
    const file = join(dir, 'missing', 'deeper', 'vetted.db');
    const err = thrown(() => open(file));
    expect(err.name).toBe('UserError');
    expect(err.message).toMatch(/does not exist/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('creates a missing parent folder when asked to (the default location)', () => {
    const file = join(dir, 'missing', 'vetted.db');
    open(file, { createDir: true });
    expect(existsSync(file)).toBe(true);
    expect(statSync(join(dir, 'missing')).mode & 0o777).toBe(0o700);
  });

  it('refuses a folder', () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const err = thrown(() => open(folder));
    expect(err.name).toBe('UserError');
    expect(err.message).toMatch(/is a folder/);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('opening an existing database', () => {
  it('applies the migrations once: a second open changes nothing and keeps the data', () => {
    const file = join(dir, 'vetted.db');
    const first = open(file);
    first.createCompany('Acme', '2024-01-01');
    const schema = first.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    first.close();

    const second = open(file);
    expect(second.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(second.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(second.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
    expect(second.findCompany('acme')?.name).toBe('Acme');
    expect(second.counts().companies).toBe(1);
  });

  it('maps as much of the file as SQLite will, so that no page of a large database is read by a call of its own', () => {
    const file = join(dir, 'vetted.db');
    open(file).close();
    const again = open(file);
    expect(MAP_BYTES).toBeGreaterThan(1 << 30);
    expect(again.db.pragma('mmap_size', { simple: true })).toBe(MAP_BYTES);
    // An import maps less: each page it touches would count as memory of its own.
    const importing = open(file, { mapBytes: IMPORT_MAP_BYTES });
    expect(importing.db.pragma('mmap_size', { simple: true })).toBe(IMPORT_MAP_BYTES);
    expect(IMPORT_MAP_BYTES).toBeLessThan(MAP_BYTES);
  });

  it('opens a database that another connection holds open', () => {
    const file = join(dir, 'vetted.db');
    const a = open(file);
    a.createCompany('Acme', '2024-01-01');
    const b = open(file);
    expect(b.findCompany('ACME')?.name).toBe('Acme');
    expect(b.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it.each([
    ['a short text file', 'this is not a database\n'],
    ['a longer text file', 'not a database, just some notes. '.repeat(200)],
    ['binary bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7 + 3) % 256))],
    ['a file that only starts like SQLite', 'SQLite format 3'],
  ])('refuses a file that is not a database: %s', (_name, bytes) => {
    const file = join(dir, 'notes.db');
    writeFileSync(file, bytes);
    expectRefused(file, /not a vetted database/);
  });

  it('refuses a database from a newer version and leaves it as it was', () => {
    const file = join(dir, 'future.db');
    makeSqlite(file, (db) => {
      db.pragma('application_id = 0x56455454');
      db.pragma('user_version = 99');
      db.exec('CREATE TABLE things_of_the_future (id INTEGER PRIMARY KEY, what TEXT)');
      db.prepare('INSERT INTO things_of_the_future (what) VALUES (?)').run('flying cars');
    });
    expect(header(file)).toEqual({ write: 1, read: 1, userVersion: 99, appId: 0x56455454 });
    const hash = sha256(file);

    expectRefused(file, /newer version of vetted.*schema 99/);

    expect(sha256(file)).toBe(hash);
    expect(header(file)).toMatchObject({ write: 1, read: 1 });
    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(check.pragma('user_version', { simple: true })).toBe(99);
    } finally {
      check.close();
    }
  });

  it.each([
    [
      'a table and application_id 0',
      (db: Database.Database) => db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine')"),
    ],
    ['another application_id', (db: Database.Database) => db.pragma('application_id = 305419896')],
    ['application_id 0 and a user_version', (db: Database.Database) => db.pragma('user_version = 5')],
    [
      'a table in WAL mode',
      (db: Database.Database) => {
        db.pragma('journal_mode = WAL');
        db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)');
      },
    ],
  ])("refuses another program's SQLite database: %s", (_name, setup) => {
    const file = join(dir, 'other.db');
    makeSqlite(file, setup);
    const hash = sha256(file);
    expectRefused(file, /another program/);
    expect(sha256(file)).toBe(hash);
  });
});

describe('companies', () => {
  it('finds a company by name and by alias, whatever the case, NFKC form and spacing', () => {
    const store = open();
    const volga = store.createCompany('Волгателеком', '2024-01-01');
    expect(store.addAlias(volga.id, '  Volga   Telecom ')).toBe(true);
    expect(store.aliasesOf(volga.id)).toEqual(['Volga Telecom']);
    for (const name of ['Волгателеком', 'волгателеком', ' ВОЛГАТЕЛЕКОМ ', 'Volga Telecom', 'volga telecom', 'VOLGA\tTELECOM', 'Ｖｏｌｇａ Ｔｅｌｅｃｏｍ']) {
      expect(store.findCompany(name)?.id, name).toBe(volga.id);
    }
    expect(store.findCompany('Volgatelecom')).toBeUndefined();
    expect(store.findCompany('Volga')).toBeUndefined();
  });

  it('stores the name trimmed with spaces folded, and its key', () => {
    const store = open();
    const c = store.createCompany('  United   Airlines ', '2024-01-01');
    expect(c).toMatchObject({ name: 'United Airlines', key: 'united airlines', parent_id: null, created_at: '2024-01-01' });
    expect(store.findCompany('UNITED AIRLINES')?.id).toBe(c.id);
  });

  it('matches the look-alike spellings ş/ș, ţ/ț and ё/е', () => {
    const store = open();
    const bank = store.createCompany('Banca Românească', '2024-01-01');
    const shop = store.createCompany('Пятёрочка', '2024-01-01');
    const post = store.createCompany('Poșta Țării', '2024-01-01');
    expect(store.findCompany('BANCA ROMÂNEASCĂ')?.id).toBe(bank.id);
    expect(store.findCompany('Пятерочка')?.id).toBe(shop.id);
    expect(store.findCompany('POŞTA ŢĂRII')?.id).toBe(post.id);
  });

  it('ensureCompany finds before it creates', () => {
    const store = open();
    const a = store.ensureCompany('Acme', '2024-01-01');
    const b = store.ensureCompany(' ACME ', '2024-02-02');
    expect([a.created, b.created]).toEqual([true, false]);
    expect(b.company.id).toBe(a.company.id);
    expect(store.counts().companies).toBe(1);
  });

  it('refuses an empty name', () => {
    const err = thrown(() => open().createCompany('   ', '2024-01-01'));
    expect(err.name).toBe('UserError');
  });

  it('lookalikesOf finds names spelt with letters of another script, not the company itself', () => {
    const store = open();
    const latin = store.createCompany('Acme', '2024-01-01');
    store.createCompany('Other', '2024-01-01');
    const mixed = '\u0410\u0441me'; // Cyrillic А and с
    expect(store.findCompany(mixed)).toBeUndefined();
    expect(store.lookalikesOf(mixed).map((c) => c.id)).toEqual([latin.id]);
    expect(store.lookalikesOf('ACME')).toEqual([]);
    expect(store.lookalikesOf('Acne')).toEqual([]);

    const impostor = store.createCompany(mixed, '2024-01-02');
    expect(store.lookalikesOf('Acme').map((c) => c.id)).toEqual([impostor.id]);
    expect(store.lookalikesOf(mixed).map((c) => c.id)).toEqual([latin.id]);
  });

  it('lookalikesOfNewer lists every pair of the first new companies like older ones, and counts them all', () => {
    const store = open();
    store.createCompany('Omega', '2024-01-01');
    store.createCompany('Оmega', '2024-01-01'); // О Cyrillic
    store.createCompany('Beta', '2024-01-01');
    const last = store.lastIds();
    store.createCompany('Omegа', '2024-01-02'); // а Cyrillic: like both
    store.createCompany('Bеta', '2024-01-02'); // е Cyrillic
    store.createCompany('Gamma', '2024-01-02');
    expect(store.lookalikesOfNewer(last, 1)).toEqual({ pairs: [{ name: 'Bеta', like: 'Beta', of: 'Beta' }], companies: 2 });
    expect(store.lookalikesOfNewer(last, 2)).toEqual({
      pairs: [
        { name: 'Bеta', like: 'Beta', of: 'Beta' },
        { name: 'Omegа', like: 'Omega', of: 'Omega' },
        { name: 'Omegа', like: 'Оmega', of: 'Оmega' },
      ],
      companies: 2,
    });
    expect(store.lookalikesOfNewer(store.lastIds(), 2)).toEqual({ pairs: [], companies: 0 });
    // One like an alias: with the company it names.
    const sigma = store.createCompany('Sigma', '2024-01-03');
    store.addAlias(sigma.id, 'Delta');
    const since = store.lastIds();
    store.createCompany('Dеlta', '2024-01-04'); // е Cyrillic
    expect(store.lookalikesOfNewer(since, 2)).toEqual({ pairs: [{ name: 'Dеlta', like: 'Delta', of: 'Sigma' }], companies: 1 });
  });

  it("lookalikesOf finds a company by an alias spelt with letters of another script, naming the alias, and the company once", () => {
    const store = open();
    const c = store.createCompany('Ростелеком', '2024-01-01');
    store.addAlias(c.id, 'Rostelecom');
    store.addAlias(c.id, 'ROSTELECOM Ltd');
    const mixed = 'Rоstеlеcom'; // о, е, е Cyrillic
    expect(store.findCompany(mixed)).toBeUndefined();
    expect(store.lookalikesOf(mixed).map((r) => [r.id, r.looksLike])).toEqual([[c.id, 'Rostelecom']]);
    expect(store.lookalikesOf('Rostelecom')).toEqual([]);
    // An alias a merge or a rename leaves is compared too.
    const other = store.createCompany('WB', '2024-01-01');
    store.renameCompany(other, 'Wildberries', true);
    expect(store.lookalikesOf('WВ').map((r) => [r.id, r.looksLike])).toEqual([[other.id, 'WB']]);
    const ozon = store.createCompany('Ozon', '2024-01-01');
    store.mergeCompanies(store.createCompany('Ozon Global', '2024-01-01'), ozon);
    expect(store.lookalikesOf('Оzon Global').map((r) => [r.id, r.looksLike])).toEqual([[ozon.id, 'Ozon Global']]);
  });

  it("refuses an alias that names another company, by its name or its alias", () => {
    const store = open();
    const a = store.createCompany('Beeline', '2024-01-01');
    const b = store.createCompany('MTS', '2024-01-01');
    store.addAlias(a.id, 'Билайн');

    const byName = thrown(() => store.addAlias(b.id, 'beeline'));
    expect(byName.name).toBe('UserError');
    expect(byName.message).toMatch(/already names Beeline/);

    const byAlias = thrown(() => store.addAlias(b.id, ' БИЛАЙН '));
    expect(byAlias.name).toBe('UserError');
    expect(byAlias.message).toMatch(/already names Beeline/);

    expect(store.aliasesOf(a.id)).toEqual(['Билайн']);
    expect(store.aliasesOf(b.id)).toEqual([]);
  });

  it("an alias that is the company's own name or alias already is no change", () => {
    const store = open();
    const a = store.createCompany('MTS', '2024-01-01');
    expect(store.addAlias(a.id, 'МТС')).toBe(true);
    expect(store.addAlias(a.id, 'mts')).toBe(false);
    expect(store.addAlias(a.id, ' мтс ')).toBe(false);
    expect(store.addAlias(a.id, '  ')).toBe(false);
    expect(store.aliasesOf(a.id)).toEqual(['МТС']);
  });

  it("refuses a new company whose name is another company's alias", () => {
    const store = open();
    const a = store.createCompany('Beeline', '2024-01-01');
    store.addAlias(a.id, 'Билайн');
    const err = thrown(() => store.createCompany('билайн', '2024-01-01'));
    expect(err.name).toBe('UserError');
    expect(err.message).toMatch(/already an alias of Beeline/);
    expect(store.counts().companies).toBe(1);
  });
});

describe('writes', () => {
  it('a failed write rolls back entirely', () => {
    const store = open();
    const err = thrown(() =>
      store.write(() => {
        store.createCompany('Acme', '2024-01-01');
        expect(store.findCompany('Acme')).toBeDefined(); // visible inside the transaction
        throw new Error('boom');
      }),
    );
    expect(err.message).toBe('boom');
    expect(store.findCompany('Acme')).toBeUndefined();
    expect(store.counts().companies).toBe(0);
    expect(store.db.inTransaction).toBe(false);
  });

  it('a failed write leaves earlier writes in place', () => {
    const store = open();
    store.write(() => store.createCompany('Kept', '2024-01-01'));
    expect(() =>
      store.write(() => {
        const c = store.createCompany('Lost', '2024-01-01');
        store.addAlias(c.id, 'kept'); // a UserError half-way through
      }),
    ).toThrow(/already names Kept/);
    expect(store.listCompanies().map((c) => c.name)).toEqual(['Kept']);
  });

  it('a successful write commits and returns its value, seen by a new connection', () => {
    const file = join(dir, 'vetted.db');
    const store = open(file);
    const id = store.write(() => store.createCompany('Acme', '2024-01-01').id);
    expect(typeof id).toBe('number');
    store.close();
    expect(open(file).findCompany('acme')?.id).toBe(id);
  });
});

describe('checks', () => {
  it('insertCheck and checksOf round-trip every field', () => {
    const store = open();
    const amazon = store.createCompany('Amazon', '2016-01-01');
    const other = store.createCompany('Other', '2016-01-01');
    const later: NewCheck = {
      slug: 'amazon',
      companyId: amazon.id,
      checklist: 'general',
      checklistVersion: 1,
      at: '2016-03-02T10:00+03:00',
      lang: 'ru',
      score: 41,
      verdict: 'avoid',
      dealbreakers: ['who-helps', 'cancel'],
      answers: [
        { question: 'who-helps', answer: 'nobody', score: 0 },
        { question: 'who-repairs', answer: 'not-applicable', score: null, note: 'a service' },
      ],
    };
    const earlier: NewCheck = {
      slug: 'amazon',
      companyId: amazon.id,
      checklist: 'general',
      checklistVersion: 1,
      at: '2016-03-01',
      lang: null,
      score: 92,
      verdict: 'go',
      dealbreakers: [],
      answers: [{ question: 'who-helps', answer: 'live-support', score: 0.8, note: 'chat answered in a minute' }],
    };
    const laterId = store.insertCheck(later);
    const earlierId = store.insertCheck(earlier);
    store.insertCheck({ ...earlier, slug: 'other', companyId: other.id });

    expect(store.checksOf(amazon.id)).toEqual([
      {
        id: earlierId,
        company_id: amazon.id,
        company: 'Amazon',
        checklist: 'general',
        checklist_version: 1,
        at: '2016-03-01',
        lang: null,
        score: 92,
        verdict: 'go',
        dealbreakers: [],
        answers: [{ question: 'who-helps', answer: 'live-support', score: 0.8, note: 'chat answered in a minute' }],
      },
      {
        id: laterId,
        company_id: amazon.id,
        company: 'Amazon',
        checklist: 'general',
        checklist_version: 1,
        at: '2016-03-02T10:00+03:00',
        lang: 'ru',
        score: 41,
        verdict: 'avoid',
        dealbreakers: ['who-helps', 'cancel'],
        answers: [
          { question: 'who-helps', answer: 'nobody', score: 0 },
          { question: 'who-repairs', answer: 'not-applicable', score: null, note: 'a service' },
        ],
      },
    ]);
    expect(store.findCheck(amazon.id, 'general', '2016-03-01')).toBe(earlierId);
    expect(store.findCheck(amazon.id, 'general', '2016-03-02')).toBeUndefined();
    // Made at the same time with other answers, it is another check.
    const found = (answers: Record<string, string>, notes?: Record<string, string>) => store.findCheck(amazon.id, 'general', '2016-03-01', { answers, notes });
    expect(found({ 'who-helps': 'live-support' }, { 'who-helps': 'chat answered in a minute' })).toBe(earlierId);
    expect(found({ 'who-helps': 'live-support' })).toBeUndefined();
    expect(found({ 'who-helps': 'nobody' }, { 'who-helps': 'chat answered in a minute' })).toBeUndefined();
    expect(found({ 'who-helps': 'live-support', cancel: 'self-service' }, { 'who-helps': 'chat answered in a minute' })).toBeUndefined();
    expect(store.checksOf(other.id)).toHaveLength(1);
  });
});

describe('incident refs', () => {
  const incident = (ref: string, companyId: number) => ({ ref, companyId, title: 't', opened: '2012-07-12T09:00', fault: 'company' as const });

  it('nextIncidentRef counts up from slug-1', () => {
    const store = open();
    const c = store.createCompany('Волгателеком', '2012-07-01');
    expect(store.nextIncidentRef('volgatelekom')).toBe('volgatelekom-1');
    store.insertIncident(incident('volgatelekom-1', c.id));
    expect(store.nextIncidentRef('volgatelekom')).toBe('volgatelekom-2');
    store.insertIncident(incident('volgatelekom-2', c.id));
    expect(store.nextIncidentRef('volgatelekom')).toBe('volgatelekom-3');
  });

  it('takes the first free number and is not confused by other slugs', () => {
    const store = open();
    const c = store.createCompany('Acme', '2012-07-01');
    for (const ref of ['acme-1', 'acme-3', 'acme-x-2', 'acmecorp-2', 'volga-1']) store.insertIncident(incident(ref, c.id));
    expect(store.nextIncidentRef('acme')).toBe('acme-2');
    expect(store.nextIncidentRef('acme-x')).toBe('acme-x-1');
    expect(store.nextIncidentRef('acmecorp')).toBe('acmecorp-1');
    expect(store.nextIncidentRef('volga')).toBe('volga-2');
  });
});

describe('the journal', () => {
  it('refuses a change to the record made outside an operation, so that none escapes it', () => {
    const raw = Store.open(join(dir, 'raw.db'));
    try {
      expect(() => raw.createCompany('Acme', '2024-01-01')).toThrow(/NOT NULL constraint failed: changes.op/);
      expect(raw.listCompanies()).toEqual([]);
    } finally {
      raw.close();
    }
  });

  it('records an operation only when something changed, and reverts it exactly', () => {
    const s = open();
    s.write(() => s.createCompany('Acme', '2024-01-01'), { summary: 'add Acme' });
    s.write(() => s.findCompany('Acme'), { summary: 'nothing' });
    const ops = s.operations();
    expect(ops.map((o) => o.summary)).toEqual(['add Acme']);
    s.write(() => s.revert(ops[0]), { summary: 'undo', reverts: ops[0].id });
    expect(s.listCompanies()).toEqual([]);
    expect(s.operations().map((o) => [o.summary, o.reverts, o.reverted_by])).toEqual([
      ['undo', 1, null],
      ['add Acme', null, 2],
    ]);
  });

  it('a large undo runs without the foreign keys, and with them again where a row that stays refers to one it removes', () => {
    const s = open();
    s.write(() => s.createCompany('Parent Co', '2024-01-01'), { summary: 'add parent' });
    const parent = s.findCompany('Parent Co')!;
    s.write(() => s.createCompany('Child Co', '2024-01-01'), { summary: 'add child' });
    const child = s.findCompany('Child Co')!;
    s.write(() => s.updateCompany(child.id, { parentId: parent.id }), { summary: 'child of parent' });
    // Undoing "add parent" removes a company another refers to: SQLite must set that reference
    // to null, so the write without foreign keys asks for them and is made again with them.
    const [addParent] = s.operations().filter((o) => o.summary === 'add parent');
    s.writeWithoutForeignKeys(() => s.write(() => s.revert(addParent), { summary: 'undo', reverts: addParent.id }));
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.findCompany('Parent Co')).toBeUndefined();
    expect(s.findCompany('Child Co')!.parent_id).toBeNull();
    expect(s.db.pragma('foreign_key_check')).toEqual([]);
    // Undoing "add child", which nothing refers to, is done without them; they are on after.
    const [addChild] = s.operations().filter((o) => o.summary === 'add child');
    let keysDuring: unknown;
    s.writeWithoutForeignKeys(() => {
      keysDuring = s.db.pragma('foreign_keys', { simple: true });
      s.write(() => s.revert(addChild), { summary: 'undo', reverts: addChild.id });
    });
    expect(keysDuring).toBe(0);
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.listCompanies()).toEqual([]);
  });

  it('undoing many inserts journals each removed row whole, so that undoing the undo restores them, and the triggers stay', () => {
    const s = Store.open(join(dir, 'bulk.db'));
    opened.push(s);
    const TABLES = ['companies', 'aliases', 'checks', 'incidents', 'events', 'pins'];
    // Every row under its id, aliases too.
    const snapshot = () => Object.fromEntries(TABLES.map((t) => [t, s.db.prepare(`SELECT rowid AS _rowid, * FROM ${t} ORDER BY rowid`).all()]));
    const triggers = () => s.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
    s.write(() => s.createCompany('Old', '2024-01-01'), { summary: 'before' });
    const before = snapshot();
    const triggersBefore = triggers();
    s.write(
      () => {
        const old = s.findCompany('Old')!;
        for (let n = 0; n < 30; n++) {
          const c = s.createCompany(`Bulk ${n}`, '2024-01-02');
          s.addAlias(c.id, `Bulk alias ${n}`);
          if (n % 3 === 0) s.updateCompany(c.id, { parentId: old.id, website: 'https://example.com' });
          if (n % 5 === 1) s.updateCompany(c.id, { parentId: c.id - 1 });
          const i = s.insertIncident({ ref: `bulk-${n}`, companyId: c.id, title: `t${n}`, opened: '2024-01-02T10:00', fault: 'company' });
          for (let k = 0; k < 3; k++) s.addEvent(i, { at: `2024-01-0${3 + k}T10:00`, type: 'note', text: `n${n}.${k}` } as never);
          if (n % 4 === 0) s.setIncidentClosed(i, '2024-01-09T10:00');
          if (n % 7 === 0) s.setPin(c.id, { list: 'black', reason: 'r', at: '2024-01-02' });
        }
        s.updateCompany(old.id, { category: 'shops' });
      },
      { summary: 'bulk' },
    );
    // A later operation hangs an alias on one of the bulk's companies: that company's delete cascades to it.
    s.write(() => s.addAlias(s.findCompany('Bulk 4')!.id, 'Later alias'), { summary: 'later' });
    const after = snapshot();
    const [later, bulk] = s.operations();
    s.write(() => s.revert(bulk), { summary: 'undo bulk', reverts: bulk.id });
    const undone = snapshot();
    expect(undone).toEqual(before);
    expect(triggers()).toEqual(triggersBefore);
    // Every row removed is in the journal, whole, as it stood. (Not so the companies: the later
    // alias refers to one, so their delete was journaled row by row by the trigger, which sees
    // a parent removed before its subsidiary and keeps the subsidiary with no parent, and the
    // change that cleared it.)
    const undo = s.operations()[0];
    const removed = s.db.prepare("SELECT tbl, row, old FROM changes WHERE op = ? AND kind = 'd'").all(undo.id) as { tbl: string; row: number; old: string }[];
    for (const t of TABLES.filter((t) => t !== 'companies' && t !== 'aliases')) {
      const gone = (after[t] as { _rowid: number }[]).filter((r) => !(undone[t] as { _rowid: number }[]).some((u) => u._rowid === r._rowid));
      const journaled = removed.filter((c) => c.tbl === t).map((c) => ({ _rowid: c.row, ...JSON.parse(c.old) }));
      expect(journaled.sort((a, b) => a._rowid - b._rowid), t).toEqual(gone);
    }
    // Undoing the undo and then the later alias's removal gives back the state after both.
    s.write(() => s.revert(s.operations()[0]), { summary: 'redo', reverts: undo.id });
    expect(snapshot()).toEqual(after);
    expect(later.summary).toBe('later');
    // A delete after all this is journaled as before.
    s.write(() => s.removeCompany(s.findCompany('Bulk 9')!.id), { summary: 'remove' });
    expect(s.db.prepare("SELECT count(*) AS n FROM changes WHERE op = ? AND kind = 'd' AND tbl = 'events'").get(s.operations()[0].id)).toEqual({ n: 3 });
  });

  it('an undo that removes every row of a table removes all of them at once, and no more: what refers to them goes too, and ids still grow', () => {
    const s = open();
    s.write(
      () => {
        for (const name of ['Alpha', 'Beta']) {
          const c = s.createCompany(name, '2024-01-01');
          const i = s.insertIncident({ ref: `${name.toLowerCase()}-1`, companyId: c.id, title: 't', opened: '2024-01-02T10:00', fault: 'company' });
          s.addEvent(i, { at: '2024-01-03T10:00', type: 'note', text: 'first' } as never);
        }
      },
      { summary: 'made' },
    );
    // A later operation adds an event to one of its incidents: the events table holds a row
    // the operation did not make, so its events are not all of the table's, and that event
    // refers to an incident that goes (its delete cascades, with the foreign keys on).
    const alphaIncident = s.findIncident('alpha-1')!;
    s.write(() => s.addEvent(alphaIncident.rowId, { at: '2024-01-04T10:00', type: 'note', text: 'later' } as never), { summary: 'later' });
    const largest = s.db.prepare('SELECT max(id) AS n FROM events').get() as { n: number };
    const [, made] = s.operations();
    s.writeWithoutForeignKeys(() => s.write(() => s.revert(made), { summary: 'undo', reverts: made.id }));
    for (const t of ['companies', 'incidents', 'events']) expect(s.db.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
    expect(s.db.pragma('foreign_key_check')).toEqual([]);
    const undo = s.operations()[0];
    const removed = s.db.prepare('SELECT tbl, count(*) AS n FROM changes WHERE op = ? AND kind = ? GROUP BY tbl ORDER BY tbl').all(undo.id, 'd');
    expect(removed).toEqual([
      { tbl: 'companies', n: 2 },
      { tbl: 'events', n: 3 },
      { tbl: 'incidents', n: 2 },
    ]);
    // The redo gives back every row under its id, the later event too; a row made after is given a new one.
    s.write(() => s.revert(undo), { summary: 'redo', reverts: undo.id });
    expect((s.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(3);
    s.write(() => s.addEvent(alphaIncident.rowId, { at: '2024-01-05T10:00', type: 'note', text: 'new' } as never), { summary: 'new' });
    expect((s.db.prepare('SELECT max(id) AS n FROM events').get() as { n: number }).n).toBeGreaterThan(largest.n);
  });

  it('an undo removes only the rows the operation made, when it also made and removed others, as many as stood before', () => {
    const s = open();
    s.write(() => s.createCompany('Before', '2024-01-01'), { summary: 'before' });
    s.write(
      () => {
        const gone = s.createCompany('Made and removed', '2024-01-02');
        s.removeCompany(gone.id);
        s.createCompany('Made', '2024-01-02');
      },
      { summary: 'made' },
    );
    const [made] = s.operations();
    s.writeWithoutForeignKeys(() => s.write(() => s.revert(made), { summary: 'undo', reverts: made.id }));
    expect(s.listCompanies().map((c) => c.name)).toEqual(['Before']);
  });

  it('refuses to revert an operation whose journal names a table it does not know, and says which', () => {
    const s = open();
    s.write(() => s.createCompany('Acme', '2024-01-01'), { summary: 'add Acme' });
    const [op] = s.operations();
    s.db.prepare("INSERT INTO changes (op, tbl, row, kind) VALUES (?, 'nonsense', 1, 'i')").run(op.id);
    expect(() => s.write(() => s.revert(op), { summary: 'undo', reverts: op.id })).toThrow('the journal names an unknown table nonsense');
    expect(s.findCompany('Acme')).toBeDefined();
  });

  it('undoing events added to an incident that stays drops its digest, and the trigger that drops digests is back after', () => {
    const s = open();
    const triggers = () => s.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
    const incidentId = acmeWithANote(s);
    const triggersBefore = triggers();
    const digest = () => (s.db.prepare('SELECT digest FROM digests WHERE incident_id = ?').get(incidentId) as { digest: string } | undefined)?.digest;
    const keepDigests = () => {
      for (const _batch of s.digestedIncidentsInBatches());
    };
    s.write(
      () => {
        s.addEvent(incidentId, { at: '2024-01-04T10:00', type: 'apology', text: 'sorry' } as never);
        s.addEvent(incidentId, { at: '2024-01-05T10:00', type: 'promise', due: '2024-01-06T10:00', text: 'soon' } as never);
      },
      { summary: 'events' },
    );
    keepDigests();
    expect(JSON.parse(digest()!)).toMatchObject({ events: 3, apology: true });
    s.write(() => s.revert(s.operations()[0]), { summary: 'undo events', reverts: s.operations()[0].id });
    // The digest of three events is gone with two of them; the one made afresh is of the one left.
    expect(digest()).toBeUndefined();
    keepDigests();
    expect(JSON.parse(digest()!)).toEqual({ events: 1, last: '2024-01-03T10:00', levels: ['frontline'] });
    expect(triggers()).toEqual(triggersBefore);
    // The trigger works as before: an event removed drops the digest.
    const eventId = (s.db.prepare('SELECT id FROM events WHERE incident_id = ?').get(incidentId) as { id: number }).id;
    s.write(() => s.removeEvent(eventId), { summary: 'remove event' });
    expect(digest()).toBeUndefined();
  });

  it('drops the digests another build kept when it is opened, and keeps those of its own', () => {
    const file = join(dir, 'vetted.db');
    const s = open(file);
    const incidentId = acmeWithANote(s);
    for (const _batch of s.digestedIncidentsInBatches());
    expect(digests(s)).toEqual([incidentId]);
    s.close();
    // Opened again by the same build: kept.
    const again = open(file);
    expect(digests(again)).toEqual([incidentId]);
    // Kept by another build (a digest in a shape this build would misread): dropped on opening.
    again.db.prepare("UPDATE digests_build SET build = 'another'").run();
    again.db.prepare(`UPDATE digests SET digest = '{"events":"not a count"}'`).run();
    again.close();
    const other = open(file);
    expect(digests(other)).toEqual([]);
    expect(other.db.prepare('SELECT build FROM digests_build').pluck().all()).toEqual([digestsKey()]);
    for (const _batch of other.digestedIncidentsInBatches());
    expect(JSON.parse(other.db.prepare('SELECT digest FROM digests').pluck().get() as string)).toMatchObject({ events: 1 });
    other.close();
  });

  it('drops the digests kept in another time zone when it is opened: which event came last may differ there', () => {
    const file = join(dir, 'vetted.db');
    const zone = process.env.TZ;
    const inZone = (tz: string) => {
      process.env.TZ = tz;
      localZoneChanged();
    };
    try {
      inZone('UTC');
      const s = open(file);
      const incidentId = acmeWithANote(s);
      for (const _batch of s.digestedIncidentsInBatches());
      expect(digests(s)).toEqual([incidentId]);
      s.close();
      inZone('Europe/Moscow');
      const moscow = open(file);
      expect(digests(moscow)).toEqual([]);
      expect(moscow.db.prepare('SELECT build FROM digests_build').pluck().get()).toBe(`dev ${localZone().replaceAll('\u0000', ' ')}`);
      for (const _batch of moscow.digestedIncidentsInBatches());
      expect(digests(moscow)).toEqual([incidentId]);
      moscow.close();
      // Opened again in that zone: kept.
      const again = open(file);
      expect(digests(again)).toEqual([incidentId]);
      again.close();
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
      localZoneChanged();
    }
  });

  it('never hands out again the id of an incident or a check removed, by itself or with its company', () => {
    const s = open();
    const check = (companyId: number, at: string, slug = 'acme'): NewCheck => ({ slug, companyId, checklist: 'general', checklistVersion: 1, at, lang: 'en', score: 50, verdict: 'caution', dealbreakers: [], answers: [] });
    const { acme, other } = s.write(
      () => {
        const acme = s.createCompany('Acme', '2024-01-01');
        const other = s.createCompany('Other', '2024-01-01');
        for (const n of [1, 2, 3]) s.insertIncident({ ref: `acme-${n}`, companyId: acme.id, title: `t${n}`, opened: '2024-01-02T10:00', fault: 'company' });
        s.insertIncident({ ref: 'other-1', companyId: other.id, title: 't', opened: '2024-01-02T10:00', fault: 'company' });
        s.insertCheck(check(acme.id, '2024-01-03'));
        s.insertCheck(check(acme.id, '2024-01-04'));
        s.insertCheck(check(other.id, '2024-01-03', 'other'));
        return { acme, other };
      },
      { summary: 'add' },
    );
    expect(s.nextIncidentRef('acme')).toBe('acme-4');
    s.write(() => s.removeIncident(s.findIncident('acme-3')!.rowId), { summary: 'remove' });
    s.write(() => s.removeIncident(s.findIncident('acme-1')!.rowId), { summary: 'remove' });
    // Neither the last number nor a gap is handed out again.
    expect(s.nextIncidentRef('acme')).toBe('acme-4');
    s.write(() => s.removeCheck('acme-check-2'), { summary: 'remove' });
    expect(s.nextCheckRef('acme')).toBe('acme-check-3');
    // An undo of a removal brings the record back under its id, which stays its own.
    const [removal] = s.operations();
    s.write(() => s.revert(removal), { summary: 'undo', reverts: removal.id });
    expect(s.findCheckById('acme-check-2')).toBeDefined();
    expect(s.nextCheckRef('acme')).toBe('acme-check-3');
    // A company removed with its evidence retires the ids of its incidents and checks.
    s.write(() => s.removeCompany(other.id), { summary: 'remove Other' });
    const again = s.write(() => s.createCompany('Other', '2024-02-01'), { summary: 'add Other' });
    expect(s.nextIncidentRef('other')).toBe('other-2');
    expect(s.nextCheckRef('other')).toBe('other-check-2');
    expect(again.name).toBe('Other');
  });

  it('gives no new incident or check an id that differs only in case from one there or removed: looked up ignoring case, it would lead to the other', () => {
    const s = open();
    const companyId = s.write(() => s.createCompany('Acme', '2024-01-01').id, { summary: 'add Acme' });
    const removed = s.write(() => s.insertIncident({ ref: 'Acme-1', companyId, title: 'first', opened: '2024-01-02T10:00', fault: 'company' }), { summary: 'add' });
    s.write(() => s.insertIncident({ ref: 'ACME-2', companyId, title: 'second', opened: '2024-01-03T10:00', fault: 'company' }), { summary: 'add' });
    s.write(() => s.removeIncident(removed), { summary: 'remove' });
    expect(s.nextIncidentRef('acme')).toBe('acme-3');
    expect(s.nextIncidentRef('acme', new Set(['Acme-3']))).toBe('acme-4');
    s.write(() => s.insertCheck({ ref: 'Acme-Check-1', slug: 'acme', companyId, checklist: 'general', checklistVersion: 1, at: '2024-01-04T10:00', lang: null, score: 50, verdict: 'caution', dealbreakers: [], answers: [] }), { summary: 'check' });
    expect(s.nextCheckRef('acme')).toBe('acme-check-2');
  });

  it('an undo of the operation that made an incident or a check retires its id too: a redo brings the record back under it', () => {
    const s = open();
    const companyId = s.write(() => s.createCompany('Acme', '2024-01-01').id, { summary: 'add Acme' });
    s.write(() => s.insertIncident({ ref: s.nextIncidentRef('acme'), companyId, title: 't', opened: '2024-01-02T10:00', fault: 'company' }), { summary: 'add' });
    const [made] = s.operations();
    s.write(() => s.revert(made), { summary: 'undo', reverts: made.id });
    expect(s.findIncident('acme-1')).toBeUndefined();
    expect(s.nextIncidentRef('acme')).toBe('acme-2');
    const [undo] = s.operations();
    s.write(() => s.revert(undo), { summary: 'redo', reverts: undo.id });
    expect(s.findIncident('acme-1')?.title).toBe('t');
  });

  it('an undo replayed change by change (its changes put back first meet a constraint) retires the ids it removes as well', () => {
    const s = open();
    s.write(() => s.createCompany('Acme', '2024-01-01'), { summary: 'add Acme' });
    // One operation gives Acme another name and a new company the old one, with an incident:
    // putting Acme's name back first meets the new company's, so the undo replays every change
    // backwards, one at a time, and removes the incident by that replay.
    s.write(
      () => {
        s.renameCompany(s.findCompany('Acme')!, 'Acme Old', false);
        const c = s.createCompany('Acme', '2024-01-02');
        s.insertIncident({ ref: s.nextIncidentRef('acme'), companyId: c.id, title: 't', opened: '2024-01-02T10:00', fault: 'company' });
        s.insertCheck({ slug: 'acme', companyId: c.id, checklist: 'general', checklistVersion: 1, at: '2024-01-02T11:00', lang: null, score: 50, verdict: 'caution', dealbreakers: [], answers: [] });
      },
      { summary: 'swap' },
    );
    const [swap] = s.operations();
    s.write(() => s.revert(swap), { summary: 'undo', reverts: swap.id });
    expect(s.listCompanies().map((c) => c.name)).toEqual(['Acme']);
    expect(s.findIncident('acme-1')).toBeUndefined();
    expect(s.nextIncidentRef('acme')).toBe('acme-2');
    expect(s.nextCheckRef('acme')).toBe('acme-check-2');
  });

  it('an operation is in the way of reverting another when it made a row point at one the other made', () => {
    const s = open();
    s.write(() => s.insertIncident({ ref: 'old-1', companyId: s.createCompany('Old', '2024-01-01').id, title: 'old', opened: '2024-01-02T10:00', fault: 'company' }), { summary: 'old' });
    const newCo = s.write(() => s.createCompany('NewCo', '2024-01-03').id, { summary: 'new company' });
    const made = s.write(() => s.insertIncident({ ref: 'newco-1', companyId: newCo, title: 'n', opened: '2024-01-04T10:00', fault: 'company' }), { summary: 'new incident' });
    const [addIncident, addCompany] = s.operations();
    expect(s.laterChangesTo(addCompany.id)).toEqual([addIncident.id]);
    // An incident that stood before, moved to the new company; an event added to the new incident.
    s.write(() => s.updateIncident(s.findIncident('old-1')!.rowId, { companyId: newCo }), { summary: 'move' });
    const [move] = s.operations();
    s.write(() => s.addEvent(made, { at: '2024-01-05T10:00', type: 'note', text: 'later' } as never), { summary: 'event' });
    const [event] = s.operations();
    // (Not the event's operation: the event it added points at the new incident, not at the company.)
    expect(s.laterChangesTo(addCompany.id)).toEqual([addIncident.id, move.id]);
    expect(s.laterChangesTo(addIncident.id)).toEqual([event.id]);
    // Undone, they are in the way no more.
    for (const o of [event, move]) s.write(() => s.revert(o), { summary: 'undo', reverts: o.id });
    expect(s.laterChangesTo(addIncident.id)).toEqual([]);
    expect(s.laterChangesTo(addCompany.id)).toEqual([addIncident.id]);
  });

  it("gives no row the id of one removed: the undo of a removal stands alone, whatever was added since", () => {
    const s = open();
    const acme = acmeWithANote(s);
    const bar = s.write(
      () => {
        const i = s.insertIncident({ ref: 'bar-1', companyId: s.createCompany('Bar', '2024-01-01').id, title: 'b', opened: '2024-01-02T10:00', fault: 'company' });
        s.addEvent(i, { at: '2024-01-03T10:00', type: 'note', text: 'bar' } as never);
        return i;
      },
      { summary: 'add Bar' },
    );
    const barCompany = s.findCompany('bar')!.id;
    const eventsOf = (incident: number) => s.db.prepare('SELECT id FROM events WHERE incident_id = ?').pluck().all(incident) as number[];
    const [barEvent] = eventsOf(bar);
    s.write(() => s.removeCompany(barCompany), { summary: 'remove Bar' });
    const [removal] = s.operations();
    // Each the newest of its table when it went: SQLite would give its id to the next row.
    const added = s.write(
      () => {
        const c = s.createCompany('Qux', '2024-01-01');
        const i = s.insertIncident({ ref: 'qux-1', companyId: c.id, title: 'q', opened: '2024-01-02T10:00', fault: 'company' });
        s.addEvent(acme, { at: '2024-01-04T10:00', type: 'note', text: 'later' } as never);
        return { company: c.id, incident: i };
      },
      { summary: 'add Qux' },
    );
    expect(added.company).toBeGreaterThan(barCompany);
    expect(added.incident).toBeGreaterThan(bar);
    expect(Math.max(...eventsOf(acme))).toBeGreaterThan(barEvent);
    expect(s.laterChangesTo(removal.id)).toEqual([]);
    s.write(() => s.revert(removal), { summary: 'undo', reverts: removal.id });
    expect(s.findIncident('bar-1')?.rowId).toBe(bar);
    expect(eventsOf(bar)).toEqual([barEvent]);
    expect(s.findIncident('qux-1')?.rowId).toBe(added.incident);
  });

  it('an older database keeps every row under its id, and gives a new row none the journal remembers', () => {
    const file = join(dir, 'older.db');
    // A database as the version before made it: Bar's incident, the newest, removed.
    const older = open(file);
    const acme = acmeWithANote(older);
    const bar = older.write(() => older.insertIncident({ ref: 'bar-1', companyId: older.createCompany('Bar', '2024-01-01').id, title: 'b', opened: '2024-01-02T10:00', fault: 'company' }), { summary: 'add Bar' });
    older.write(() => older.removeIncident(bar), { summary: 'remove bar-1' });
    older.write(() => older.addAlias(older.findCompany('acme')!.id, 'Acme Ltd'), { summary: 'alias' });
    older.write(() => older.addAlias(older.findCompany('bar')!.id, 'Bar Ltd'), { summary: 'alias' });
    const gone = older.write(() => older.createCompany('Gone', '2024-01-01'), { summary: 'add Gone' });
    older.write(() => older.addAlias(gone.id, 'Gone Ltd'), { summary: 'alias of Gone' });
    older.write(() => older.mergeCompanies(older.findCompany('gone')!, older.findCompany('bar')!), { summary: 'merge' });
    older.close();
    // As the version before kept its tables: ids that SQLite hands out again, aliases without one.
    makeSqlite(file, (db) => {
      db.pragma('foreign_keys = OFF');
      withoutAliasSkeletons(db);
      for (const table of ['companies', 'aliases', 'checks', 'incidents', 'events', 'attachments']) {
        const kept = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
        const own = db.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL").pluck().all(table) as string[];
        const alias = table === 'aliases';
        const before = alias ? kept.replace(/\s*id INTEGER PRIMARY KEY AUTOINCREMENT,/u, '') : kept.replace(' AUTOINCREMENT', '');
        db.exec(`CREATE TABLE copy AS SELECT ${alias ? 'company_id, name, key' : '*'} FROM ${table}; DROP TABLE ${table}; ${before}; INSERT INTO ${table} SELECT * FROM copy; DROP TABLE copy;`);
        for (const sql of own) db.exec(sql);
      }
      installJournalTriggers(db, ['aliases']);
      // An alias's change kept then had no id.
      db.exec("UPDATE changes SET old = json_remove(old, '$.id') WHERE tbl = 'aliases' AND old IS NOT NULL");
      db.exec('DELETE FROM sqlite_sequence');
      // The version before the one whose ids only grow.
      db.pragma(`user_version = ${MIGRATIONS.findIndex((m) => m.name.startsWith("a removed row's id never given"))}`);
    });
    const s = open(file);
    expect(s.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(s.db.pragma('foreign_key_check')).toEqual([]);
    expect(s.findIncident('acme-1')?.rowId).toBe(acme);
    expect(s.db.prepare('SELECT count(*) FROM events WHERE incident_id = ?').pluck().get(acme)).toBe(1);
    const again = s.write(() => s.insertIncident({ ref: 'acme-2', companyId: s.findCompany('acme')!.id, title: 'again', opened: '2024-01-05T10:00', fault: 'company' }), { summary: 'add' });
    expect(again).toBeGreaterThan(bar);
    // Each alias keeps the id the journal knows it by; the undo of a change to aliases kept so is exact.
    const aliases = () => s.db.prepare('SELECT id, name FROM aliases ORDER BY id').all();
    expect(aliases()).toEqual([{ id: 1, name: 'Acme Ltd' }, { id: 2, name: 'Bar Ltd' }, { id: 3, name: 'Gone Ltd' }, { id: 4, name: 'Gone' }]);
    const [merge] = s.operations().filter((o) => o.summary === 'merge');
    s.write(() => s.revert(merge), { summary: 'undo', reverts: merge.id });
    expect(s.findCompany('gone')?.name).toBe('Gone');
    expect(s.db.prepare('SELECT a.id, a.name, c.name AS company FROM aliases a JOIN companies c ON c.id = a.company_id ORDER BY a.id').all()).toEqual([
      { id: 1, name: 'Acme Ltd', company: 'Acme' },
      { id: 2, name: 'Bar Ltd', company: 'Bar' },
      { id: 3, name: 'Gone Ltd', company: 'Gone' },
    ]);
    s.write(() => s.removeCompany(s.findCompany('gone')!.id), { summary: 'remove Gone' });
    const [barAlias] = s.operations().filter((o) => o.summary === 'alias');
    s.write(() => s.revert(barAlias), { summary: 'undo', reverts: barAlias.id });
    s.write(() => s.addAlias(s.findCompany('acme')!.id, 'Acme SA'), { summary: 'alias' });
    expect(aliases()).toEqual([{ id: 1, name: 'Acme Ltd' }, { id: 5, name: 'Acme SA' }]);
    const [undo] = s.operations().filter((o) => o.summary === 'undo');
    expect(s.laterChangesTo(undo.id)).toEqual([]);
    s.write(() => s.revert(undo), { summary: 'redo', reverts: undo.id });
    expect(aliases()).toEqual([{ id: 1, name: 'Acme Ltd' }, { id: 2, name: 'Bar Ltd' }, { id: 5, name: 'Acme SA' }]);
    // The keys still hold: a company removed takes its incidents and their events with it.
    s.write(() => s.removeCompany(s.findCompany('acme')!.id), { summary: 'remove Acme' });
    expect(s.db.prepare('SELECT count(*) FROM incidents').pluck().get()).toBe(0);
    expect(s.db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
  });

  it("forgets the changes an older version kept of an incident's count of events alone: each event added is undone on its own", () => {
    const file = join(dir, 'older.db');
    const older = open(file);
    // As the version before journaled an incident: every update of it, of its count of events too.
    const trigger = older.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'journal_incidents_update'").pluck().get() as string;
    older.db.exec(`DROP TRIGGER journal_incidents_update; ${trigger.replace(/ WHEN .*? BEGIN/su, ' BEGIN')}`);
    const acme = acmeWithANote(older); // #1
    const note = (at: string) => older.addEvent(acme, { at, type: 'note', text: at } as never);
    note('2024-01-04T10:00'); // #2
    note('2024-01-05T10:00'); // #3
    older.updateIncident(acme, { title: 'renamed' }); // #4
    note('2024-01-06T10:00'); // #5
    const incidentChanges = (s: Store) => s.db.prepare("SELECT op, kind FROM changes WHERE tbl = 'incidents' ORDER BY seq").raw().all();
    expect(incidentChanges(older)).toEqual([[1, 'i'], [1, 'u'], [2, 'u'], [3, 'u'], [4, 'u'], [5, 'u']]);
    expect(older.laterChangesTo(2)).toEqual([3, 4, 5]);
    older.close();
    makeSqlite(file, (db) => db.pragma(`user_version = ${MIGRATIONS.findIndex((m) => m.name.startsWith("an incident's count of its events"))}`));
    const s = open(file);
    expect(s.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // The change of its title stays, with the count as it was then; those of the count alone are gone.
    expect(incidentChanges(s)).toEqual([[1, 'i'], [4, 'u']]);
    expect(s.laterChangesTo(2)).toEqual([]);
    expect(s.laterChangesTo(4)).toEqual([]);
    const [second] = s.operations().filter((o) => o.id === 2);
    s.write(() => s.revert(second), { summary: 'undo', reverts: second.id });
    expect(s.db.prepare('SELECT seq FROM events WHERE incident_id = ? ORDER BY seq').pluck().all(acme)).toEqual([1, 3, 4]);
    // And the count stays as it was: a number once given is not given again.
    s.write(() => s.addEvent(acme, { at: '2024-01-07T10:00', type: 'note', text: 'new' } as never), { summary: 'note' });
    expect(s.db.prepare('SELECT max(seq) FROM events WHERE incident_id = ?').pluck().get(acme)).toBe(5);
    expect(incidentChanges(s)).toEqual([[1, 'i'], [4, 'u']]);
  });

  it("gives the aliases of an older database, and the journal's copies of them, the skeleton lookalikesOf compares", () => {
    const file = join(dir, 'aliases.db');
    const older = open(file);
    const c = older.createCompany('Ростелеком', '2024-01-01'); // #1
    older.addAlias(c.id, 'Rostelecom'); // #2
    // The alias becomes the name; the name an alias (#3).
    older.renameCompany(older.companyById(c.id)!, 'Rostelecom', true);
    older.close();
    makeSqlite(file, (db) => {
      withoutAliasSkeletons(db);
      db.pragma(`user_version = ${MIGRATIONS.findIndex((m) => m.name.startsWith("each alias's lookalike skeleton"))}`);
    });
    const s = open(file);
    expect(s.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(s.lookalikesOf('Pостелеком').map((r) => [r.id, r.looksLike])).toEqual([[c.id, 'Ростелеком']]); // P Latin
    // The rename undone: the alias it took away is back, with its skeleton.
    const [rename] = s.operations().filter((o) => o.id === 3);
    s.write(() => s.revert(rename), { summary: 'undo', reverts: rename.id });
    expect(s.companyById(c.id)!.name).toBe('Ростелеком');
    expect(s.lookalikesOf('Rоstеlеcom').map((r) => [r.id, r.looksLike])).toEqual([[c.id, 'Rostelecom']]);
  });

  it('keeps no digest once another build has taken the digests over', () => {
    const s = open();
    const incidentId = s.write(
      () => s.insertIncident({ ref: 'acme-1', companyId: s.createCompany('Acme', '2024-01-01').id, title: 't', opened: '2024-01-02T10:00', fault: 'company' }),
      { summary: 'add' },
    );
    // Another process of another build opened the database meanwhile, and dropped the digests.
    s.db.prepare("UPDATE digests_build SET build = 'another'").run();
    for (const _batch of s.digestedIncidentsInBatches());
    expect(s.db.prepare('SELECT count(*) FROM digests WHERE incident_id = ?').pluck().get(incidentId)).toBe(0);
  });

  it('history --company reads a journal kept by an older version, whose summaries are words', () => {
    const s = open();
    const acme = s.write(() => s.createCompany('Acme', '2024-01-01'), { summary: 'add Acme' });
    const gone = s.write(() => s.createCompany('Gone', '2024-01-01'), { summary: 'add Gone' });
    s.write(() => s.removeCompany(gone.id), { summary: 'remove' });
    // As an older version wrote it: a summary in words, not JSON.
    s.db.prepare('UPDATE operations SET summary = ? WHERE id = (SELECT max(id) FROM operations)').run('remove Gone');
    expect(s.operations({ companyId: acme.id }).map((o) => o.summary)).toEqual(['add Acme']);
  });
});
