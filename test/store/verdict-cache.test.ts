// The verdict cache: batched evidence is the same evidence, cached verdicts are the verdicts
// judged afresh, and a write to a company's evidence drops its cached verdict.
import { msOf } from '../../src/domain/dates.js';
import { localZone, localZoneChanged } from '../../src/local-zone.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Store } from '../../src/store/store.js';
import { mergeDataFile } from '../../src/store/merge.js';
import { validateDataFile, type DataFile } from '../../src/formats/data-file.js';
import { loadAllChecklists } from '../../src/formats/checklist-file.js';
import { DEFAULT_POLICY, factsOf, judgeCompany } from '../../src/domain/policy.js';
import { entryJson, entryJsonTextsAsRead, entryTextsAsRead, jsonCatalogs, judgeListed, listEntry, listEntryRows, listEntryTexts, listedAsRead, markdownRows, policyKey, wordsKey, type ListEntry } from '../../src/commands/verdicts.js';
import { textInGroup } from '../../src/ui/safe.js';
import { markdownRowsOf } from '../../src/formats/markdown.js';
import { useLanguage } from '../../src/i18n/index.js';
import { LISTS, type ListName } from '../../src/domain/types.js';
import { digestFromText, digestOf, listedFromText, type Digest, type IncidentWithListedText } from '../../src/domain/digest.js';
import { journaled } from '../helpers/store.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const { generate } = (await import(pathToFileURL(join(ROOT, 'bench', 'generate.mjs')).href)) as { generate: (n: number, seed?: number) => unknown };
const NOW = Date.UTC(2026, 10, 22);

/** What `incident list` reads of a digest, as listedFromText gives it. */
const listedPart = (d: Digest) => ({
  events: d.events,
  levels: d.levels.slice(-1),
  closing: d.closing,
  promises: d.promises.map((p) => (p.kept !== undefined ? { due: p.due, kept: p.kept } : madeAfterFix(d, p.at) ? { due: p.due, at: p.at } : { due: p.due })),
});
/** A promise made after the fix, which the fix does not settle: the list keeps its time. */
const madeAfterFix = (d: Digest, at: string) => !!d.closing && ['resolved', 'partial'].includes(d.closing.outcome) && msOf(at) > msOf(d.closing.at);

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-cache-'));
  store = journaled(Store.open(join(dir, 'v.db')));
  const v = validateDataFile(generate(300, 7));
  if ('errors' in v) throw new Error(JSON.stringify(v.errors.slice(0, 3)));
  const checklists = new Map(loadAllChecklists(join(dir, 'cfg')).map((c) => [c.checklist.id, c.checklist]));
  mergeDataFile(store, v.value as DataFile, { checklists, today: '2026-11-22' });
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the verdict cache', () => {
  it('evidence loaded in a batch, by digests, equals evidence loaded company by company, when worked out and when kept', () => {
    const companies = store.allCompanies();
    expect(companies.length).toBeGreaterThan(20);
    const digests = () => store.db.prepare('SELECT count(*) FROM digests').pluck().get() as number;
    store.db.exec('DELETE FROM digests');
    const first = store.factsOfMany(companies);
    expect(digests()).toBe(store.counts().incidents);
    const second = store.factsOfMany(companies);
    // Companies far apart are read by their ids, not as one range.
    const sparse = companies.filter((_c, k) => k % 3 === 0);
    const third = store.factsOfMany(sparse);
    expect([...third.keys()]).toEqual(sparse.map((c) => c.id));
    for (const c of companies) {
      if (third.has(c.id)) expect(third.get(c.id), c.name).toEqual(second.get(c.id));
      const e = factsOf(store.evidenceOf(c));
      // A check as the policy reads it: without its answers.
      const checks = e.checks.map(({ id, company, checklist, checklist_version, at, score, verdict, dealbreakers }) => ({ id, company, checklist, checklist_version, at, score, verdict, dealbreakers }));
      const expected = { ...e, checks };
      expect(first.get(c.id), c.name).toEqual(expected);
      expect(second.get(c.id), c.name).toEqual(expected);
    }
  });

  it('cached entries equal verdicts judged afresh, on the first read and the second', () => {
    const fresh = Object.fromEntries(LISTS.map((l) => [l, [] as string[]]));
    for (const c of store.allCompanies()) {
      const v = judgeCompany(store.evidenceOf(c), DEFAULT_POLICY, NOW);
      if (v.list !== 'unlisted') fresh[v.list].push(JSON.stringify(listEntry(v)));
    }
    const first = listEntryTexts(store, DEFAULT_POLICY, NOW);
    const second = listEntryTexts(store, DEFAULT_POLICY, NOW);
    for (const l of LISTS) {
      expect(first[l].map((t) => JSON.stringify(JSON.parse(t)))).toEqual(fresh[l]);
      expect(second[l]).toEqual(first[l]);
    }
    expect(first.black.length + first.white.length + first.watch.length).toBeGreaterThan(100);
  });

  it('the first read after every company was judged, of all lists or of one, is what the cache then gives', () => {
    const texts = (l: ListName, list?: ListName) => [...entryTextsAsRead(store, DEFAULT_POLICY, NOW, list)(l)];
    const firstWatch = texts('watch', 'watch');
    expect(store.companiesToJudge(policyKey(DEFAULT_POLICY), NOW)).toEqual([]);
    expect(firstWatch.length).toBeGreaterThan(10);
    expect(texts('watch', 'watch')).toEqual(firstWatch);
    store.db.prepare('DELETE FROM verdicts').run();
    const firstAll = Object.fromEntries(LISTS.map((l) => [l, texts(l)]));
    expect(firstAll.watch).toEqual(firstWatch);
    for (const l of LISTS) expect(texts(l), l).toEqual(firstAll[l]);
    // One list judged first is that list alone, as its plain listing is.
    store.db.prepare('DELETE FROM verdicts').run();
    const black = listEntryTexts(store, DEFAULT_POLICY, NOW, 'black');
    expect(black.black).toEqual(firstAll.black);
    expect(black.white).toEqual([]);
    expect(black.watch).toEqual([]);
  });

  it('the first read after every company was judged lists them in the order the cache then reads them, names beyond U+FFFF and of private use among them', () => {
    const names = (texts: string[]) => texts.map((t) => (JSON.parse(t) as ListEntry).company);
    const black = names(listEntryTexts(store, DEFAULT_POLICY, NOW).black);
    expect(black.length).toBeGreaterThan(4);
    // UTF-16 units put the first before the second; the cache's index (UTF-8 bytes) after it.
    const renamed = ['😀 Emoji Market', '\uE000 Private Market', '\uFFFD Replacement Market', '東京 Market'];
    renamed.forEach((name, k) => store.write(() => store.renameCompany(store.findCompany(black[k])!, name, false), { summary: 'rename' }));
    store.db.prepare('DELETE FROM verdicts').run();
    const first = listEntryTexts(store, DEFAULT_POLICY, NOW);
    const second = listEntryTexts(store, DEFAULT_POLICY, NOW);
    for (const l of LISTS) expect(first[l], l).toEqual(second[l]);
    const order = names(first.black).filter((n) => renamed.includes(n));
    expect(order).toEqual(['東京 Market', '\uE000 Private Market', '\uFFFD Replacement Market', '😀 Emoji Market']);
  });

  it('lists each company by its name as it is now: judging every company again leaves the listing index made, and a rename moves the company to its new place', () => {
    const first = listEntryTexts(store, DEFAULT_POLICY, NOW);
    expect(store.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'verdicts_fresh'").pluck().get()).toBe(1);
    const names = (texts: string[]) => texts.map((t) => (JSON.parse(t) as ListEntry).company);
    const black = names(first.black);
    expect(black.length).toBeGreaterThan(2);
    // The first listed, renamed to come last: its verdict is judged again under its new key.
    const moved = store.findCompany(black[0])!;
    store.write(() => store.renameCompany(moved, 'Zzz Last Of All', false), { summary: 'rename' });
    const after = names(listEntryTexts(store, DEFAULT_POLICY, NOW).black);
    const byKey = (a: string, b: string) => (store.findCompany(a)!.key < store.findCompany(b)!.key ? -1 : 1);
    expect(after).toEqual([...black.slice(1), 'Zzz Last Of All'].sort(byKey));
    expect(after.indexOf('Zzz Last Of All')).toBeGreaterThan(0);
    // The same as judging every company afresh would list them.
    store.db.prepare('DELETE FROM verdicts').run();
    expect(names(listEntryTexts(store, DEFAULT_POLICY, NOW).black)).toEqual(after);
  });

  it('markdown rows are made once per language and then read without their entries, the same rows in the same order', () => {
    const made: string[] = [];
    const row = (lang: string) => (entries: ListEntry[]) =>
      entries.map((e) => {
        made.push(e.company);
        return `| ${lang} ${e.company} | ${e.reasons.map((r) => r.rule).join(' ')} |`;
      });
    const texts = listEntryTexts(store, DEFAULT_POLICY, NOW);
    const listed = Object.values(texts).flat().map((t) => (JSON.parse(t) as ListEntry).company);
    expect(listed.length).toBeGreaterThan(100);
    const en = markdownRows(store, DEFAULT_POLICY, NOW, 'en', row('en'))!;
    // Every listed company's row, made once, each list's in the order of its listing.
    expect([...made].sort()).toEqual([...listed].sort());
    for (const l of LISTS) expect(en.filter((r) => r.list === l).map((r) => r.row)).toEqual(texts[l].map((t) => `| en ${(JSON.parse(t) as ListEntry).company} | ${(JSON.parse(t) as ListEntry).reasons.map((r) => r.rule).join(' ')} |`));
    const again = markdownRows(store, DEFAULT_POLICY, NOW, 'en', row('again'))!;
    expect(again).toEqual(en);
    expect(made.length).toBe(listed.length);
    // Another language makes its own rows; the first language's are still there.
    const ru = markdownRows(store, DEFAULT_POLICY, NOW, 'ru', row('ru'))!;
    expect(made.length).toBe(2 * listed.length);
    expect(ru.map((r) => r.row.replace('| ru ', '| en '))).toEqual(en.map((r) => r.row));
    expect(markdownRows(store, DEFAULT_POLICY, NOW, 'en', row('again'))).toEqual(en);
    // The store hands over an entry only where its row is not made yet.
    const rows = store.cachedMarkdownRows(policyKey(DEFAULT_POLICY), 'en');
    expect(rows.every((r) => r.md_row !== null && r.entry === null)).toBe(true);
    expect(store.cachedMarkdownRows(policyKey(DEFAULT_POLICY), 'de').every((r) => r.md_row === null && r.entry !== null)).toBe(true);
  });

  it('incidents read a batch at a time are the record as it stands at each batch: one removed meanwhile is left out, and no digest is kept for it', () => {
    store.db.exec('DELETE FROM digests');
    const all = [...store.digestedIncidentsInBatches(50)].flat();
    store.db.exec('DELETE FROM digests');
    const batches = store.digestedIncidentsInBatches(50);
    const first = batches.next().value!;
    // Another process removes an incident of the last batch while the reader is on the first.
    const gone = all[all.length - 1];
    const other = journaled(Store.open(join(dir, 'v.db')));
    other.removeIncident(gone.rowId);
    other.close();
    const seen = [...first, ...[...batches].flat()];
    expect(all.length).toBeGreaterThan(100);
    expect(seen.map((i) => i.id)).toEqual(all.filter((i) => i.rowId !== gone.rowId).map((i) => i.id));
    expect(store.db.prepare('SELECT count(*) FROM digests WHERE incident_id = ?').pluck().get(gone.rowId)).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM digests').pluck().get()).toBe(all.length - 1);
  });

  it('incidents with what the list reads of their digests are those of the digested ones, in the same order, and a missing digest is worked out and kept', () => {
    const digested = [...store.digestedIncidentsInBatches(50)].flat();
    const read = () => {
      const out: IncidentWithListedText[] = [];
      store.eachIncidentListed((i) => out.push(i), 50);
      return out;
    };
    const same = (texts: IncidentWithListedText[]) => {
      expect(texts.length).toBe(digested.length);
      expect(texts.map((i) => i.id)).toEqual(digested.map((i) => i.id));
      texts.forEach((i, k) => {
        const d = digested[k];
        expect({ ...i, listed: listedFromText(i.listed) }).toEqual({ id: d.id, company: d.company, title: d.title, opened: d.opened, fault: d.fault, closed: d.closed ?? null, listed: listedPart(d.digest) });
      });
    };
    // Every digest kept: one read.
    same(read());
    expect(store.db.inTransaction).toBe(false);
    // A visitor that throws leaves no read open, and the store can be written at once.
    expect(() => store.eachIncidentListed(() => {
      throw new Error('stop');
    })).toThrow('stop');
    expect(store.db.inTransaction).toBe(false);
    store.db.exec('DELETE FROM digests WHERE 0');
    // One digest missing: worked out, kept, and the rest as before.
    const gone = digested[7];
    store.db.prepare('DELETE FROM digests WHERE incident_id = ?').run(gone.rowId);
    same(read());
    expect(store.db.prepare('SELECT count(*) FROM digests WHERE incident_id = ?').pluck().get(gone.rowId)).toBe(1);
    // Within a write of the caller's, as one of its reads.
    store.db.prepare('DELETE FROM digests WHERE incident_id = ?').run(gone.rowId);
    store.db.transaction(() => same(read()))();
    expect(store.db.prepare('SELECT count(*) FROM digests WHERE incident_id = ?').pluck().get(gone.rowId)).toBe(1);
  });

  it('incidents with what the list reads of their digests are one snapshot: an incident removed by another process meanwhile is still read, as it stood', () => {
    [...store.digestedIncidentsInBatches(50)];
    const all: IncidentWithListedText[] = [];
    store.eachIncidentListed((i) => all.push(i));
    const seen: IncidentWithListedText[] = [];
    store.eachIncidentListed((i) => {
      if (!seen.length) {
        // Another process removes the last incident while this one is reading the first
        // (read a batch at a time, by ids, it would be left out).
        const other = journaled(Store.open(join(dir, 'v.db')));
        other.removeIncident(other.findIncident(all[all.length - 1].id)!.rowId);
        other.close();
      }
      seen.push(i);
    }, 50);
    expect(seen).toEqual(all);
    expect(store.db.inTransaction).toBe(false);
    const after: IncidentWithListedText[] = [];
    store.eachIncidentListed((i) => after.push(i));
    expect(after.length).toBe(all.length - 1);
  });

  it("the unclosed incidents, every digest kept, are one snapshot handed over in batches: the same as worked out batch by batch, and a reader that stops leaves no read open", () => {
    const unclosed = () => [...store.digestedIncidentsInBatches(50, 'unclosed')];
    // Worked out from the events (no digest kept), a batch at a time by ids.
    store.db.exec('DELETE FROM digests');
    const worked = unclosed();
    // Every digest kept now: read by one statement.
    const read = unclosed();
    expect(read.map((b) => b.length)).toEqual(worked.map((b) => b.length));
    expect(read.slice(0, -1).every((b) => b.length === 50)).toBe(true);
    expect(read.flat().length).toBeGreaterThan(50);
    expect(read.flat().every((i) => !i.closed)).toBe(true);
    expect(read.flat()).toEqual(worked.flat());
    expect(store.db.inTransaction).toBe(false);
    // Another process removes the last unclosed incident while the reader is on the first batch: still read, as it stood.
    const batches = store.digestedIncidentsInBatches(50, 'unclosed');
    const first = batches.next().value!;
    const other = journaled(Store.open(join(dir, 'v.db')));
    const last = read.flat().at(-1)!;
    other.removeIncident(other.findIncident(last.id)!.rowId);
    other.close();
    expect([...first, ...[...batches].flat()]).toEqual(read.flat());
    expect(store.db.inTransaction).toBe(false);
    // A reader that stops after the first batch ends the read: the store can be written at once.
    for (const _b of store.digestedIncidentsInBatches(50, 'unclosed')) break;
    expect(store.db.inTransaction).toBe(false);
    expect(unclosed().flat().map((i) => i.id)).toEqual(read.flat().slice(0, -1).map((i) => i.id));
  });

  it('a pin drops the cached verdict of that company only, and the next read has it', () => {
    listEntryTexts(store, DEFAULT_POLICY, NOW);
    const [a, b] = store.allCompanies();
    expect(store.companiesToJudge(policyKey(DEFAULT_POLICY), NOW)).toEqual([]);
    store.write(() => store.setPin(a.id, { list: 'black', reason: 'test', at: '2026-11-22' }));
    expect(store.companiesToJudge(policyKey(DEFAULT_POLICY), NOW).map((c) => c.id)).toEqual([a.id]);
    const listed = judgeListed(store, DEFAULT_POLICY, NOW);
    expect(listed.black.find((x) => x.companyId === a.id)?.verdict.pinned).toBe(true);
    // Whole verdicts are judged afresh and not cached; the entries are.
    expect(store.companiesToJudge(policyKey(DEFAULT_POLICY), NOW).map((c) => c.id)).toEqual([a.id]);
    expect(JSON.parse(listEntryTexts(store, DEFAULT_POLICY, NOW).black.find((t) => JSON.parse(t).company === a.name)!).pinned).toBe(true);
    expect(store.companiesToJudge(policyKey(DEFAULT_POLICY), NOW)).toEqual([]);
    void b;
  });

  it('a cached verdict is judged again once it no longer holds, and only that one', () => {
    const key = policyKey(DEFAULT_POLICY);
    listEntryTexts(store, DEFAULT_POLICY, NOW);
    expect(store.companiesToJudge(key, NOW)).toEqual([]);
    const [a, b, c] = store.allCompanies();
    // Verdicts that hold until a promise falls due.
    store.db.prepare('UPDATE verdicts SET valid_until = ? WHERE company_id IN (?, ?)').run(NOW + 1000, a.id, b.id);
    expect(store.companiesToJudge(key, NOW)).toEqual([]);
    expect(store.companiesToJudge(key, NOW + 999)).toEqual([]);
    expect(store.companiesToJudge(key, NOW + 1000).map((x) => x.id).sort((x, y) => x - y)).toEqual([a.id, b.id].sort((x, y) => x - y));
    // A company with no cached row at all is judged too.
    store.db.prepare('DELETE FROM verdicts WHERE company_id = ?').run(c.id);
    expect(store.companiesToJudge(key, NOW).map((x) => x.id)).toEqual([c.id]);
  });

  it('when the cache cannot be written (a read-only database), every company is judged afresh all the same', () => {
    const cached = listEntryTexts(store, DEFAULT_POLICY, NOW);
    const strict = { ...DEFAULT_POLICY, broken_promises: 1 };
    const expected = listEntryTexts(store, strict, NOW);
    store.db.prepare('DELETE FROM verdicts').run();
    store.saveVerdicts = () => {
      throw Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
    };
    expect(listEntryTexts(store, strict, NOW)).toEqual(expected);
    expect(listEntryTexts(store, DEFAULT_POLICY, NOW)).toEqual(cached);
    expect(listEntryTexts(store, DEFAULT_POLICY, NOW, 'white').white).toEqual(cached.white);
    expect(judgeListed(store, DEFAULT_POLICY, NOW).black.length).toBe(cached.black.length);
  });

  it('digests are worked out without being kept, and without waiting, while another process writes or the file is read-only', () => {
    const expected = [...store.digestedIncidentsInBatches()].flat();
    store.db.exec('DELETE FROM digests');
    const other = Store.open(join(dir, 'v.db'));
    const readOnly = new Store(new Database(join(dir, 'v.db'), { readonly: true }), join(dir, 'v.db'));
    try {
      other.db.exec('BEGIN IMMEDIATE');
      const t0 = Date.now();
      expect([...store.digestedIncidentsInBatches()].flat()).toEqual(expected);
      expect(Date.now() - t0).toBeLessThan(2000);
      other.db.exec('ROLLBACK');
      expect([...readOnly.digestedIncidentsInBatches()].flat()).toEqual(expected);
      const kept = () => store.db.prepare('SELECT count(*) FROM digests').pluck().get();
      expect(kept()).toBe(0);
      expect([...store.digestedIncidentsInBatches()].flat()).toEqual(expected);
      expect(kept()).toBe(expected.length);
      expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      other.close();
      readOnly.close();
    }
  });

  it('an import keeps the digest of each new timeline, and drops it when the same import or a later one adds to it', () => {
    const checklists = new Map(loadAllChecklists(join(dir, 'cfg')).map((c) => [c.checklist.id, c.checklist]));
    const event = (at: string, type: string, more: object = {}) => ({ at, type, ...more });
    const doc = (incidents: object[]) => {
      const v = validateDataFile({ format: 'vetted/1', incidents });
      if ('errors' in v) throw new Error(JSON.stringify(v.errors));
      return v.value as DataFile;
    };
    const kept = (ref: string) => {
      const id = store.incidentRowId(ref)!;
      return store.db.prepare('SELECT digest FROM digests WHERE incident_id = ?').pluck().get(id) as string | undefined;
    };
    const truth = (ref: string) => digestOf(store.findIncident(ref)!.events);
    mergeDataFile(
      store,
      doc([
        { id: 'zeta-1', company: 'Zeta', title: 'one', opened: '2026-01-01', events: [event('2026-01-02T10:00', 'promise', { due: '2026-01-05', text: 'soon' })] },
        { id: 'zeta-2', company: 'Zeta', title: 'two', opened: '2026-01-01', events: [event('2026-01-03T10:00', 'refusal', { level: 'quality' })] },
        // The same incident again, with one more event: its digest must know of both.
        { id: 'zeta-1', company: 'Zeta', title: 'one', opened: '2026-01-01', events: [event('2026-01-06T10:00', 'resolution', { outcome: 'unresolved' })] },
      ]),
      { checklists, today: '2026-11-22' },
    );
    expect(kept('zeta-1')).toBeUndefined();
    expect(digestFromText(kept('zeta-2')!)).toEqual(truth('zeta-2'));
    expect([...store.digestedIncidentsInBatches()].flat().find((i) => i.id === 'zeta-1')!.digest).toEqual(truth('zeta-1'));
    expect(truth('zeta-1').closing).toEqual({ outcome: 'unresolved', at: '2026-01-06T10:00' });
    expect(digestFromText(kept('zeta-1')!)).toEqual(truth('zeta-1'));
    // A later import adds to zeta-2: its kept digest goes, and the adding of events works again after it.
    mergeDataFile(store, doc([{ id: 'zeta-2', company: 'Zeta', title: 'two', opened: '2026-01-01', events: [event('2026-01-04T10:00', 'apology')] }]), { checklists, today: '2026-11-22' });
    expect(kept('zeta-2')).toBeUndefined();
    expect(store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'digests_event_insert'").pluck().get()).toBe(1);
    [...store.digestedIncidentsInBatches()];
    expect(digestFromText(kept('zeta-2')!)).toEqual(truth('zeta-2'));
    expect(truth('zeta-2').apology).toBe(true);
  });

  it('a clock set back before the verdicts were last judged judges every company again, and then holds them', () => {
    const key = policyKey(DEFAULT_POLICY);
    listEntryTexts(store, DEFAULT_POLICY, NOW);
    expect(store.companiesToJudge(key, NOW + 60_000)).toEqual([]);
    expect(store.companiesToJudge(key, NOW - 60_000).length).toBe(store.allCompanies().length);
    // A company with a broken promise, judged in the future of a promise not yet due today.
    const later = NOW + 400 * 86_400_000;
    const before = listEntryTexts(store, DEFAULT_POLICY, NOW);
    store.db.exec('DELETE FROM verdicts');
    listEntryTexts(store, DEFAULT_POLICY, later);
    expect(listEntryTexts(store, DEFAULT_POLICY, NOW)).toEqual(before);
    expect(store.companiesToJudge(key, NOW)).toEqual([]);
  });

  it('the cache is checked and read in one read: a verdict dropped by another process meanwhile is still listed, as it stood', () => {
    const expected = listEntryTexts(store, DEFAULT_POLICY, NOW);
    const texts = entryTextsAsRead(store, DEFAULT_POLICY, NOW);
    const first = JSON.parse(expected.black[0]) as ListEntry;
    // Another process pins the first black company white: its cached verdict goes.
    const other = journaled(Store.open(join(dir, 'v.db')));
    other.write(() => other.setPin(other.findCompany(first.company)!.id, { list: 'white', reason: 'test', at: '2026-11-22' }));
    other.close();
    expect(Object.fromEntries(LISTS.map((l) => [l, [...texts(l)]]))).toEqual(expected);
    // The next listing has it as it now stands.
    const after = listEntryTexts(store, DEFAULT_POLICY, NOW);
    expect(after.black.length).toBe(expected.black.length - 1);
    expect(after.white.some((t) => (JSON.parse(t) as ListEntry).company === first.company)).toBe(true);
  });

  it('a markdown row is kept only beside the entry it was made from, not on a verdict another process judged meanwhile', () => {
    const key = policyKey(DEFAULT_POLICY);
    listEntryTexts(store, DEFAULT_POLICY, NOW);
    const first = JSON.parse(listEntryTexts(store, DEFAULT_POLICY, NOW).black[0]) as ListEntry;
    let pinned = false;
    const rows = markdownRows(store, DEFAULT_POLICY, NOW, 'en', (entries) => {
      if (!pinned) {
        // While the rows are made, another process pins the first black company white and lists again.
        pinned = true;
        const other = journaled(Store.open(join(dir, 'v.db')));
        other.write(() => other.setPin(other.findCompany(first.company)!.id, { list: 'white', reason: 'test', at: '2026-11-22' }));
        listEntryTexts(other, DEFAULT_POLICY, NOW);
        other.close();
      }
      return entries.map((e) => `row of ${e.company} as ${JSON.stringify(e.pinned)}`);
    })!;
    expect(rows.find((r) => r.row.startsWith(`row of ${first.company} `))).toEqual({ list: 'black', row: `row of ${first.company} as false` });
    const id = store.findCompany(first.company)!.id;
    expect(store.db.prepare('SELECT list, md_rows FROM verdicts WHERE company_id = ?').get(id)).toEqual({ list: 'white', md_rows: null });
    expect(store.cachedMarkdownRows(key, 'en').filter((r) => r.md_row === null).map((r) => r.company_id)).toEqual([id]);
  });

  it("the texts of `lists --json` are made as companies are judged for it, or from entries judged without them, and are the entries as JSON gives them", async () => {
    const words = await jsonCatalogs();
    const key = policyKey(DEFAULT_POLICY);
    const jsonOf = (list?: ListName) => {
      const texts = entryJsonTextsAsRead(store, DEFAULT_POLICY, NOW, words, list);
      return Object.fromEntries((list ? [list] : LISTS).map((l) => [l, [...texts(l)]]));
    };
    const stored = () => store.db.prepare("SELECT list, json IS NOT NULL AS has FROM verdicts").all() as { list: string; has: number }[];
    // Judged by a listing in one language: no text for JSON yet.
    const entries = listEntryTexts(store, DEFAULT_POLICY, NOW);
    const expected = Object.fromEntries(LISTS.map((l) => [l, entries[l].map((t) => textInGroup(entryJson(JSON.parse(t) as ListEntry, words)))]));
    expect(store.hasEntryWithoutJson(key)).toBe(true);
    expect(stored().every((r) => !r.has)).toBe(true);
    expect(jsonOf()).toEqual(expected);
    // Made once, for every listed company and for no other.
    expect(store.hasEntryWithoutJson(key)).toBe(false);
    expect(stored().every((r) => Boolean(r.has) === (r.list !== 'unlisted'))).toBe(true);
    expect(stored().filter((r) => r.has).length).toBe(LISTS.reduce((n, l) => n + expected[l].length, 0));
    expect(jsonOf()).toEqual(expected);
    // Judged for JSON from the start: the same texts, of all lists or of one.
    store.db.prepare('DELETE FROM verdicts').run();
    expect(jsonOf()).toEqual(expected);
    expect(store.hasEntryWithoutJson(key)).toBe(false);
    store.db.prepare('DELETE FROM verdicts').run();
    expect(jsonOf('white')).toEqual({ white: expected.white });
    // A change drops a company's text with its entry; the next listing has it as it now stands.
    const first = JSON.parse(entries.black[0]) as ListEntry;
    store.write(() => store.setPin(store.findCompany(first.company)!.id, { list: 'white', reason: 'test', at: '2026-11-22' }));
    const after = jsonOf();
    expect(after.black).toEqual(expected.black.slice(1));
    expect(after.white.find((t) => (JSON.parse(t) as { company: string }).company === first.company)).toContain('"pinned": true');
  });

  it('when the texts of `lists --json` cannot be kept (a read-only database), they are made all the same', async () => {
    const words = await jsonCatalogs();
    const entries = listEntryTexts(store, DEFAULT_POLICY, NOW);
    const expected = Object.fromEntries(LISTS.map((l) => [l, entries[l].map((t) => textInGroup(entryJson(JSON.parse(t) as ListEntry, words)))]));
    store.saveEntryJson = () => {
      throw Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
    };
    const texts = entryJsonTextsAsRead(store, DEFAULT_POLICY, NOW, words);
    expect(Object.fromEntries(LISTS.map((l) => [l, [...texts(l)]]))).toEqual(expected);
    expect(store.hasEntryWithoutJson(policyKey(DEFAULT_POLICY))).toBe(true);
  });

  it('a listing whose texts for `lists --json` are not made yet does not wait for another process writing: it makes them as it reads, and keeps them later', async () => {
    const words = await jsonCatalogs();
    const key = policyKey(DEFAULT_POLICY);
    const entries = listEntryTexts(store, DEFAULT_POLICY, NOW);
    const expected = Object.fromEntries(LISTS.map((l) => [l, entries[l].map((t) => textInGroup(entryJson(JSON.parse(t) as ListEntry, words)))]));
    const jsonOf = () => {
      const texts = entryJsonTextsAsRead(store, DEFAULT_POLICY, NOW, words);
      return Object.fromEntries(LISTS.map((l) => [l, [...texts(l)]]));
    };
    // Another process holds the write lock (a long import).
    const other = new Database(join(dir, 'v.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      expect(jsonOf()).toEqual(expected);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(store.hasEntryWithoutJson(key)).toBe(true);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(jsonOf()).toEqual(expected);
    expect(store.hasEntryWithoutJson(key)).toBe(false);
  });

  it('a listing that must judge does not wait for another process writing: it judges without the cache, and caches later', () => {
    const expected = listEntryTexts(store, DEFAULT_POLICY, NOW);
    // Dropped in a write of its own, which ends the listing's read.
    store.write(() => store.db.prepare('DELETE FROM verdicts').run());
    const other = new Database(join(dir, 'v.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      expect(listEntryTexts(store, DEFAULT_POLICY, NOW)).toEqual(expected);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(store.companiesToJudge(policyKey(DEFAULT_POLICY), NOW).length).toBe(store.allCompanies().length);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(listEntryTexts(store, DEFAULT_POLICY, NOW)).toEqual(expected);
    expect(store.companiesToJudge(policyKey(DEFAULT_POLICY), NOW)).toEqual([]);
  });

  it("a listing's names, then its entries read as they are taken, are those read at once, from the cache or judged afresh while another process writes", () => {
    const expected = listEntryRows(store, DEFAULT_POLICY, NOW);
    const read = () => {
      const listed = listedAsRead(store, DEFAULT_POLICY, NOW);
      // Every list's names first, as a listing sizes its columns before any entry.
      const names = LISTS.map((l) => listed.names(l));
      return LISTS.map((l, k) => ({ names: names[k], entries: [...listed.entries(l)] }));
    };
    const want = LISTS.map((l) => ({ names: expected[l].map((r) => r.name), entries: expected[l].map((r) => r.json) }));
    expect(want.reduce((n, l) => n + l.names.length, 0)).toBeGreaterThan(100);
    expect(read()).toEqual(want);
    store.write(() => store.db.prepare('DELETE FROM verdicts').run());
    const other = new Database(join(dir, 'v.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(read()).toEqual(want);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(read()).toEqual(want);
  });

  it('a listing that judges a few companies, after another process judged every one under another policy, lists under its own', () => {
    const strict = { ...DEFAULT_POLICY, broken_promises: 1, check_avoid_below: 90 };
    const expected = listEntryTexts(store, DEFAULT_POLICY, NOW);
    // One company's verdict dropped (its evidence changed): this listing judges it alone.
    store.write(() => store.db.prepare('DELETE FROM verdicts WHERE company_id = (SELECT min(company_id) FROM verdicts)').run());
    const other = journaled(Store.open(join(dir, 'v.db')));
    // Another process, under another policy, judges every company between this one's look at the cache and its write.
    const write = store.writeCacheIfFree.bind(store);
    let first = true;
    store.writeCacheIfFree = (fn) => {
      if (first) {
        first = false;
        expect(listEntryTexts(other, strict, NOW)).not.toEqual(expected);
      }
      return write(fn);
    };
    try {
      expect(listEntryTexts(store, DEFAULT_POLICY, NOW)).toEqual(expected);
      expect(first).toBe(false);
      // As a process of its own finds it later.
      const later = Store.open(join(dir, 'v.db'));
      try {
        expect(listEntryTexts(later, DEFAULT_POLICY, NOW)).toEqual(expected);
      } finally {
        later.close();
      }
    } finally {
      other.close();
    }
  });

  it('a markdown row is kept only beside the entry it was made from, in the words it was made in', () => {
    listEntryTexts(store, DEFAULT_POLICY, NOW);
    const { company_id: id, entry } = store.db.prepare(`SELECT company_id, entry FROM verdicts WHERE list = 'black' LIMIT 1`).get() as { company_id: number; entry: string };
    const row = () => store.db.prepare('SELECT md_rows FROM verdicts WHERE company_id = ?').pluck().get(id);
    // Made in another version's words (or another time zone's), or of another entry: not kept.
    store.saveMarkdownRows([{ companyId: id, entry, row: '| x |' }], 'en', policyKey(DEFAULT_POLICY, 'another-build'));
    store.saveMarkdownRows([{ companyId: id, entry: `${entry} `, row: '| x |' }], 'en', policyKey(DEFAULT_POLICY));
    expect(row()).toBeNull();
    store.saveMarkdownRows([{ companyId: id, entry, row: '| x |' }], 'en', policyKey(DEFAULT_POLICY));
    expect(row()).toBe('{"en":"| x |"}');
  });

  it('another policy judges every company again', () => {
    listEntryTexts(store, DEFAULT_POLICY, NOW);
    const strict = { ...DEFAULT_POLICY, broken_promises: 1 };
    expect(store.companiesToJudge(JSON.stringify(strict), NOW).length).toBe(store.allCompanies().length);
  });

  it('another build judges every company again, and its verdicts stand beside none of the old ones', () => {
    listEntryTexts(store, DEFAULT_POLICY, NOW);
    expect(store.companiesToJudge(policyKey(DEFAULT_POLICY), NOW)).toEqual([]);
    expect(store.companiesToJudge(policyKey(DEFAULT_POLICY, 'another-build'), NOW).length).toBe(store.allCompanies().length);
  });
});

describe('the texts of an entry judged again', () => {
  const other = { ...DEFAULT_POLICY, broken_promises: DEFAULT_POLICY.broken_promises + 1 };
  /** Every listed company's entry, text for `lists --json` and markdown row in English, as the cache gives them under a policy. */
  async function texts(policy: typeof DEFAULT_POLICY) {
    await useLanguage('en');
    const words = await jsonCatalogs();
    const json = entryJsonTextsAsRead(store, policy, NOW, words);
    const out = Object.fromEntries(LISTS.map((l) => [l, [...json(l)]]));
    return { json: out, md: markdownRows(store, policy, NOW, 'en', markdownRowsOf)! };
  }
  const cached = () =>
    store.db.prepare(`SELECT company_id AS id, entry, json, md_rows, list, key, valid_until, policy FROM verdicts WHERE list <> 'unlisted' ORDER BY company_id`).all() as {
      id: number;
      entry: string;
      json: string | null;
      md_rows: string | null;
    }[];

  it('are those made of it afresh, the same texts taken over where the entry is the same and made where it is not', async () => {
    await texts(DEFAULT_POLICY);
    const before = new Map(cached().map((r) => [r.id, r]));
    // What a row keeps beside its entry and texts is what the judging gives, where that changed too.
    store.db.exec(`UPDATE verdicts SET key = 'x', valid_until = 8e15 WHERE company_id % 3 = 0`);
    const taken = await texts(other);
    const after = cached();
    const same = after.filter((r) => before.get(r.id)?.entry === r.entry);
    // The policy changed some entries and left most.
    expect(same.length).toBeGreaterThan(after.length / 2);
    expect(same.length).toBeLessThan(after.length);
    for (const r of same) {
      expect(r.json, String(r.id)).toBe(before.get(r.id)!.json);
      expect(r.md_rows, String(r.id)).toBe(before.get(r.id)!.md_rows);
    }
    // Every text as a cache made afresh under that policy gives it.
    store.db.exec('DELETE FROM verdicts');
    expect(await texts(other)).toEqual(taken);
    expect(cached()).toEqual(after);
  });

  it('hold under the policy they were last judged under alone, which is kept once; each row keeps the words of its texts', async () => {
    await texts(DEFAULT_POLICY);
    const all = store.allCompanies().length;
    expect(store.db.prepare('SELECT policy FROM verdicts_judged').pluck().all()).toEqual([policyKey(DEFAULT_POLICY)]);
    expect(store.db.prepare('SELECT DISTINCT policy FROM verdicts').pluck().all()).toEqual([wordsKey()]);
    expect(store.companiesToJudge(policyKey(DEFAULT_POLICY), NOW)).toEqual([]);
    expect(store.companiesToJudge(policyKey(other), NOW)).toHaveLength(all);
    await texts(other);
    expect(store.db.prepare('SELECT policy FROM verdicts_judged').pluck().all()).toEqual([policyKey(other)]);
    // The rows kept from the policy before hold under this one, and under it alone.
    expect(store.companiesToJudge(policyKey(other), NOW)).toEqual([]);
    expect(store.companiesToJudge(policyKey(DEFAULT_POLICY), NOW)).toHaveLength(all);
    // One company's evidence changed: it alone is judged again.
    const one = store.db.prepare(`SELECT company_id FROM verdicts WHERE list = 'black' LIMIT 1`).pluck().get() as number;
    store.db.prepare('DELETE FROM verdicts WHERE company_id = ?').run(one);
    expect(store.companiesToJudge(policyKey(other), NOW).map((c) => c.id)).toEqual([one]);
  });

  it('are taken over only from the same entry, in the same words', async () => {
    await texts(DEFAULT_POLICY);
    // Each text marked, to tell a text taken over from one made again.
    store.db.exec(`UPDATE verdicts SET json = json || ' ', md_rows = json_set(md_rows, '$.en', json_extract(md_rows, '$.en') || ' ') WHERE list <> 'unlisted'`);
    const marked = new Map(cached().map((r) => [r.id, r]));
    await texts(other);
    let kept = 0;
    let made = 0;
    for (const r of cached()) {
      const old = marked.get(r.id);
      if (old?.entry === r.entry) {
        expect(r.json).toBe(old.json);
        expect(r.md_rows).toBe(old.md_rows);
        kept++;
      } else {
        expect(r.json!.endsWith(' ')).toBe(false);
        expect(JSON.parse(r.md_rows!).en.endsWith(' ')).toBe(false);
        made++;
      }
    }
    expect(kept).toBeGreaterThan(0);
    expect(made).toBeGreaterThan(0);
    // In another time zone the words are others (a time with its offset is told as the local
    // day): every text is made again, the verdicts judged again.
    const zone = process.env.TZ;
    try {
      process.env.TZ = zone === 'Asia/Tokyo' ? 'America/New_York' : 'Asia/Tokyo';
      localZoneChanged();
      await texts(DEFAULT_POLICY);
      expect(cached().every((r) => !r.json!.endsWith(' ') && !JSON.parse(r.md_rows!).en.endsWith(' '))).toBe(true);
      // No row of the other words is left beside them.
      expect(store.db.prepare('SELECT DISTINCT policy FROM verdicts').pluck().all()).toEqual([wordsKey()]);
      expect(store.db.prepare('SELECT count(*) FROM verdicts').pluck().get()).toBe(store.allCompanies().length);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
      localZoneChanged();
    }
  });
});

describe('the policy key', () => {
  it('is short, the same for the same policy, and differs when any threshold or level changes', () => {
    const key = policyKey(DEFAULT_POLICY);
    expect(key).toMatch(/^fnv:[0-9a-f]{16}:[0-9a-f]{16}$/);
    // Its last part names the words of the texts (the build's, in the zone): no policy's.
    expect(key.endsWith(wordsKey())).toBe(true);
    expect(policyKey({ ...DEFAULT_POLICY, broken_promises: 9 }).endsWith(wordsKey())).toBe(true);
    expect(wordsKey('another-build')).not.toBe(wordsKey());
    expect(policyKey({ ...DEFAULT_POLICY })).toBe(key);
    const others = [
      { ...DEFAULT_POLICY, broken_promises: DEFAULT_POLICY.broken_promises + 1 },
      { ...DEFAULT_POLICY, repeat_window_months: DEFAULT_POLICY.repeat_window_months + 1 },
      { ...DEFAULT_POLICY, institutional_levels: DEFAULT_POLICY.institutional_levels.slice(1) },
      { ...DEFAULT_POLICY, check_go_from: DEFAULT_POLICY.check_go_from - 1 },
    ];
    const keys = new Set([key, ...others.map((p) => policyKey(p))]);
    expect(keys.size).toBe(others.length + 1);
  });

  it('differs from one build to another, so that a new version judges again what an older one cached', () => {
    expect(policyKey(DEFAULT_POLICY, 'a1b2c3d4e5f60718')).not.toBe(policyKey(DEFAULT_POLICY, 'a1b2c3d4e5f60719'));
    expect(policyKey(DEFAULT_POLICY, 'a1b2c3d4e5f60718')).toBe(policyKey({ ...DEFAULT_POLICY }, 'a1b2c3d4e5f60718'));
    expect(policyKey(DEFAULT_POLICY)).toBe(policyKey(DEFAULT_POLICY, 'dev'));
  });

  it('differs from one time zone to another, for a promise due at a local time is broken or not by the zone', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = policyKey(DEFAULT_POLICY);
      expect(localZone(2026)).toBe('UTC\u00000\u00000');
      process.env.TZ = 'Asia/Tokyo';
      expect(localZone(2026)).toBe('Asia/Tokyo\u0000-540\u0000-540');
      const tokyo = policyKey(DEFAULT_POLICY);
      process.env.TZ = 'America/New_York';
      expect(localZone(2026)).toBe('America/New_York\u0000300\u0000240');
      expect(new Set([utc, tokyo, policyKey(DEFAULT_POLICY)]).size).toBe(3);
      process.env.TZ = 'UTC';
      expect(policyKey(DEFAULT_POLICY)).toBe(utc);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
