// Every lookup of one company uses an index: the SQL the store runs to show one company,
// log an event and open an incident is recorded, and SQLite's plan for it has no full scan.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { journaled } from '../helpers/store.js';

let dir: string;
let store: Store;
const seen: string[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-plans-'));
  store = journaled(Store.open(join(dir, 'v.db')));
  const prepare = store.db.prepare.bind(store.db);
  (store.db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    seen.push(sql);
    return prepare(sql);
  };
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
  seen.length = 0;
});

it('showing one company, opening an incident and logging an event scan no table', () => {
  const c = store.write(() => store.createCompany('Acme', '2024-01-01'));
  store.write(() => {
    const ref = store.nextIncidentRef('acme');
    const row = store.insertIncident({ ref, companyId: c.id, title: 't', opened: '2024-01-01', fault: 'company' });
    store.addEvent(row, { at: '2024-01-02', type: 'note', text: 'x' });
    store.setPin(c.id, { list: 'black', reason: 'r', at: '2024-01-03' });
  });
  seen.length = 0;
  const found = store.findCompany('acme')!;
  store.findCompany('unknown name');
  store.lookalikesOf('unknown name');
  store.aliasesOf(found.id);
  store.companyById(found.id);
  store.subsidiariesOf(found.id);
  store.evidenceOf(found);
  store.findIncident('ACME-1');
  store.write(() => {
    store.nextIncidentRef('acme');
    store.addEvent(store.incidentRowId('acme-1')!, { at: '2024-01-04', type: 'note', text: 'y' });
  });
  expect(seen.length).toBeGreaterThan(8);
  for (const sql of new Set(seen)) {
    const params = Array((sql.match(/\?/g) ?? []).length).fill(1);
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    const scans = plan.filter((d) => /^SCAN (companies|aliases|checks|incidents|events|pins|verdicts)\b/.test(d) && !/USING (COVERING )?INDEX|PRIMARY KEY/.test(d));
    expect(scans, `${sql}\n${plan.join('\n')}`).toEqual([]);
  }
});

it('every incident is read in listing order from the indexes, with no sort of its own', () => {
  // The order of `incident list` and of an export: companies by key, then each one's
  // incidents by opening and id, all of it from the indexes.
  const plan = (store.db.prepare('EXPLAIN QUERY PLAN SELECT i.id FROM companies c CROSS JOIN incidents i ON i.company_id = c.id ORDER BY c.key, i.opened_ms, i.ref').all() as { detail: string }[]).map((r) => r.detail);
  expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  expect(plan.join('\n')).toMatch(/incidents_order/);
});

it('each list is read from the cached verdicts in listing order from their index, with no sort and no look at other lists', () => {
  const plans = [
    'SELECT entry FROM verdicts INDEXED BY verdicts_fresh WHERE policy = ? AND list = ? ORDER BY key',
    "SELECT v.company_id FROM verdicts v INDEXED BY verdicts_fresh CROSS JOIN companies c ON c.id = v.company_id WHERE v.policy = ? ORDER BY v.list, v.key",
    "SELECT v.company_id FROM verdicts v INDEXED BY verdicts_fresh WHERE v.policy = ? AND v.list <> 'unlisted' ORDER BY v.list, v.key",
  ].map((sql) => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array((sql.match(/\?/g) ?? []).length).fill('x')) as { detail: string }[]).map((r) => r.detail).join('\n'));
  for (const plan of plans) {
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(plan).toMatch(/SEARCH v(erdicts)? USING (COVERING )?INDEX verdicts_fresh \(policy=\?/);
  }
  // The verdicts that still hold are counted from the same index, never from the table.
  const count = (store.db.prepare('EXPLAIN QUERY PLAN SELECT count(*) FROM verdicts WHERE policy = ? AND (valid_until IS NULL OR valid_until > ?)').all('x', 1) as { detail: string }[]).map((r) => r.detail).join('\n');
  expect(count).toMatch(/COVERING INDEX verdicts_fresh/);
});

it("a batch of companies judged again has its cached verdicts read by their ids, not every verdict of the list's words", () => {
  seen.length = 0;
  store.cachedEntriesIn([1, 2, 3], 'fnv:0123456789abcdef:01234567');
  const sql = seen.find((s) => /FROM verdicts/.test(s))!;
  const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('[1]', ':x') as { detail: string }[]).map((r) => r.detail).join('\n');
  expect(plan).toMatch(/SEARCH verdicts USING INTEGER PRIMARY KEY/);
  expect(plan).not.toMatch(/verdicts_fresh/);
});

it("an import's new companies like older ones are each looked up in the skeletons' indexes, no company or alias read else", () => {
  store.write(() => {
    const c = store.createCompany('Acme', '2024-01-01');
    store.addAlias(c.id, 'Acme Inc');
  });
  const before = store.lastIds();
  store.write(() => store.createCompany('Аcme', '2024-01-02')); // А Cyrillic
  seen.length = 0;
  expect(store.lookalikesOfNewer(before, 10).companies).toBe(1);
  const [sql] = seen;
  const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array((sql.match(/\?/g) ?? []).length).fill(1)) as { detail: string }[]).map((r) => r.detail);
  expect(plan.filter((d) => /^SCAN (companies|aliases)\b/.test(d) || /^(SCAN|SEARCH) \w+ USING (COVERING )?INDEX (sqlite_autoindex|aliases_company)/.test(d)), plan.join('\n')).toEqual([]);
  expect(plan).toContain('SEARCH companies USING INTEGER PRIMARY KEY (rowid>?)');
  expect(plan.some((d) => /^SEARCH o USING INDEX companies_skeleton \(skeleton=\?/.test(d))).toBe(true);
  expect(plan.some((d) => /^SEARCH a USING INDEX aliases_skeleton \(skeleton=\?/.test(d))).toBe(true);
});

it("a timeline's events are read in the order of their moments and numbers from the index, with no sort of their own", () => {
  const c = store.write(() => store.createCompany('Acme', '2024-01-01'));
  store.write(() => {
    const row = store.insertIncident({ ref: store.nextIncidentRef('acme'), companyId: c.id, title: 't', opened: '2024-01-01', fault: 'company' });
    store.addEvent(row, { at: '2024-01-02', type: 'note', text: 'x' });
  });
  seen.length = 0;
  for (const batch of store.allIncidentsInBatches()) expect(batch).toHaveLength(1);
  store.evidenceOf(store.findCompany('acme')!);
  const reads = [...new Set(seen)].filter((sql) => /FROM events\b[\s\S]*ORDER BY[\s\S]*at_ms, seq/.test(sql));
  expect(reads.length).toBeGreaterThan(0);
  for (const sql of reads) {
    const params = Array((sql.match(/\?/g) ?? []).length).fill(sql.includes('json_each') ? '[1]' : 1);
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    expect(plan.filter((d) => /TEMP B-TREE/.test(d)), `${sql}\n${plan.join('\n')}`).toEqual([]);
  }
});
