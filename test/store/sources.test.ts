// The source store: a source is stored whole and apart, replaced whole, removed without a
// trace, and what it says about one company is found by index, never by scanning a table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { Sources, type SourceData } from '../../src/store/sources.js';
import { emptyCounts, sameSharedContent } from '../../src/domain/sources.js';
import { journaled } from '../helpers/store.js';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-sources-'));
  store = journaled(Store.open(join(dir, 'v.db')));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const meta = (file: string): SourceData['meta'] => ({
  kind: 'cfpb', file, file_sha256: 'x'.repeat(64), exported_at: null, label: null, rows_read: 3, rows_skipped: 0, skipped: [], date_from: '2020-01-01', date_to: '2020-02-01',
});
const data = (name: string, complaints: number): SourceData => ({
  meta: meta(`${name}.csv`),
  companies: [{ name, aliases: [] }],
  counts: new Map([[0, [{ month: '2020-01', product: 'Mortgage', ...emptyCounts(), complaints }]]]),
  issues: new Map([[0, [{ month: '2020-01', issue: 'Other', complaints }]]]),
});

it("keeps a source apart, replaces it whole and removes it without a trace; the user's tables stay as they were", () => {
  const acme = store.write(() => store.createCompany('Acme Bank', '2024-01-01'));
  store.write(() => store.addAlias(acme.id, 'ACME BANK, N.A.'));
  const before = store.counts();
  const sources = new Sources(store);
  const id = sources.addSource('cfpb', data('ACME BANK, N.A.', 5), '2026-12-01T10:00:00');
  expect(sources.sourcesOn(acme.id).map((s) => s.name)).toEqual(['ACME BANK, N.A.']);
  expect(sources.complaintCountsOf([sources.sourcesOn(acme.id)[0].source_company_id])[0].complaints).toBe(5);

  sources.replaceSource(id, data('OTHER BANK', 7), '2026-12-02T10:00:00');
  expect(sources.sourcesOn(acme.id)).toEqual([]);
  expect(sources.findSource('CFPB')).toMatchObject({ name: 'cfpb', added_at: '2026-12-01T10:00:00', updated_at: '2026-12-02T10:00:00', file: 'OTHER BANK.csv' });
  expect(sources.traceCounts()).toEqual({ sources: 1, source_companies: 1, source_names: 1, source_lists: 0, source_evidence: 0, complaint_counts: 1, complaint_issues: 1 });

  sources.removeSource(id);
  expect(Object.values(sources.traceCounts()).every((n) => n === 0)).toBe(true);
  expect(store.counts()).toEqual(before);
});

it('a failed write of a source stores nothing of it', () => {
  const sources = new Sources(store);
  const bad = data('X', 1);
  bad.counts!.set(0, [...bad.counts!.get(0)!, { ...bad.counts!.get(0)![0] }]); // the same month and product twice
  expect(() => sources.addSource('bad', bad, '2026-12-01')).toThrow(/UNIQUE/);
  expect(Object.values(sources.traceCounts()).every((n) => n === 0)).toBe(true);
});

it("what sources say about one company is found by index, not by scanning a table", () => {
  const c = store.write(() => store.createCompany('Acme', '2024-01-01'));
  const sources = new Sources(store);
  sources.addSource('s', data('ACME', 1), '2026-12-01');
  const seen: string[] = [];
  const prepare = store.db.prepare.bind(store.db);
  (store.db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    seen.push(sql);
    return prepare(sql);
  };
  const says = sources.sourcesOn(c.id);
  sources.complaintCountsOf([says[0].source_company_id]);
  sources.complaintIssuesOf([says[0].source_company_id], '2019-01', '2020-12');
  sources.linkedTo(c.id, 1);
  expect(seen.length).toBeGreaterThanOrEqual(4);
  for (const sql of new Set(seen)) {
    const named = /@\w/.test(sql);
    const params = named ? [{ company: 1, source: 1 }] : Array((sql.match(/\?/g) ?? []).length).fill('[1]');
    const plan = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    const scans = plan.filter((d) => /^SCAN (\w+)/.test(d) && !/^SCAN json_each/.test(d) && !/USING (COVERING )?INDEX|PRIMARY KEY/.test(d));
    expect(scans, `${sql}\n${plan.join('\n')}`).toEqual([]);
  }
});

it('stores every row of a source of many companies, in their order, whatever number of rows a statement takes', () => {
  // 75 companies: rows of each table past any batch of the store's, and a remainder.
  const companies = Array.from({ length: 75 }, (_, n) => ({
    name: `Company ${n}`,
    // The second alias has the name's key: kept once.
    aliases: [`Company ${n} Ltd`, `company ${n}`],
    list: { list: 'black' as const, since: '2024-01-01', pinned: n % 2 === 0, reasons: [{ rule: 'B1', text: `r${n}`, evidence: [] }] },
    evidence: [{ kind: 'incident' as const, data: { n } }],
  }));
  const shared: SourceData = {
    meta: meta('many.json'),
    companies,
    counts: new Map(companies.map((_, n) => [n, [{ month: '2020-01', product: 'Mortgage', ...emptyCounts(), complaints: n + 1 }, { month: '2020-02', product: 'Mortgage', ...emptyCounts(), complaints: 1 }]])),
    issues: new Map(companies.map((_, n) => [n, [{ month: '2020-01', issue: `Issue ${n}`, complaints: n + 1 }]])),
  };
  const sources = new Sources(store);
  const id = sources.addSource('many', shared, '2026-12-01T10:00:00');
  expect(sources.traceCounts()).toEqual({ sources: 1, source_companies: 75, source_names: 150, source_lists: 75, source_evidence: 75, complaint_counts: 150, complaint_issues: 75 });
  const stored = store.db.prepare('SELECT id, name, complaints FROM source_companies ORDER BY id').all() as { id: number; name: string; complaints: number }[];
  expect(stored.map((r) => [r.name, r.complaints])).toEqual(companies.map((c, n) => [c.name, n + 2]));
  // Each company's rows are its own.
  expect(sources.listsOfSource(id).map((l) => [l.company, l.list.pinned, l.list.reasons[0].text]).sort()).toEqual(companies.map((c, n) => [c.name, n % 2 === 0, `r${n}`]).sort());
  const names = store.db.prepare('SELECT sc.name, sn.key FROM source_names sn JOIN source_companies sc ON sc.id = sn.source_company_id ORDER BY sc.id, sn.key').all() as { name: string; key: string }[];
  expect(names.filter((r) => r.name === 'Company 40').length).toBe(2);
  // The rows of a table with rowids in the order they were added, company after company.
  const evidence = store.db.prepare('SELECT sc.name, se.data FROM source_evidence se JOIN source_companies sc ON sc.id = se.source_company_id ORDER BY se.rowid').all() as { name: string; data: string }[];
  expect(evidence.map((r) => [r.name, JSON.parse(r.data).n])).toEqual(companies.map((c, n) => [c.name, n]));
  const issues = store.db.prepare('SELECT sc.name, ci.issue FROM complaint_issues ci JOIN source_companies sc ON sc.id = ci.source_company_id').all() as { name: string; issue: string }[];
  expect(issues.every((r) => r.issue === `Issue ${r.name.slice('Company '.length)}`)).toBe(true);
});

it("gives back a shared file's companies as it kept them: the same content as the file read", () => {
  const sources = new Sources(store);
  const shared: SourceData = {
    meta: { ...meta('lists.json'), kind: 'vetted', exported_at: '2026-12-01T10:00:00Z', label: 'Anna' },
    companies: [
      { name: 'Zed', aliases: ['Zed Ltd'], list: { list: 'white', since: null, pinned: true, reasons: [{ rule: 'pin', text: 'kind', evidence: [] }] } },
      { name: 'Acme', aliases: [], list: { list: 'black', since: '2026-11-20', pinned: false, reasons: [{ rule: 'B2', text: 'broke', text_ru: 'нарушила', date: '2026-11-20', evidence: ['incident:acme-1'] }] }, evidence: [{ kind: 'check', data: { company: 'Acme', at: '2026-11-01', answers: { a: 'b' } } }, { kind: 'incident', data: { id: 'acme-1', title: 'Late', opened: '2026-11-20T10:00', events: [] } }] },
      { name: 'Plain', aliases: [], evidence: [{ kind: 'check', data: { company: 'Plain', at: '2026-11-02', answers: {} } }] },
    ],
  };
  const id = sources.addSource('anna', shared, '2026-12-01T10:00:00');
  expect(sources.sharedCompaniesOf(id)).toEqual(shared.companies);
  expect(sameSharedContent(sources.sharedCompaniesOf(id), shared.companies)).toBe(true);
});
