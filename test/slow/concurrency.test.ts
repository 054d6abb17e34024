// Several vetted processes writing the same database at once: every command succeeds (the
// busy timeout makes each wait its turn), every row is there exactly once, and the file is
// whole. Also two large imports at once, and many processes creating a fresh database.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, SHARED } from '../helpers/cli.js';

const SEEDS = join(SHARED, 'scenarios', 'seeds.yaml');

interface Doc {
  format: string;
  companies: { name: string; aliases?: string[]; parent?: string }[];
  checks: { company: string }[];
  incidents: { id: string; company: string; events: unknown[] }[];
  pins: { company: string }[];
}
type Generate = (companies: number, seed?: number) => Doc;
const { generate } = (await import(pathToFileURL(join(ROOT, 'bench', 'generate.mjs')).href)) as { generate: Generate };

let dir: string;
let db: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-conc-'));
  db = join(dir, 'vetted.db');
  env = { ...process.env, VETTED_DB: db, VETTED_CONFIG: join(dir, 'config'), NO_COLOR: '1', LANG: 'en_US.UTF-8' };
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without blocking the test, so that several run at the same time. */
function runAsync(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function runSync(args: string[]): Result {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(r: Result): Result {
  expect(r.code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(0);
  return r;
}

function inspect<T>(fn: (d: Database.Database) => T): T {
  const d = new Database(db, { readonly: true });
  try {
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    return fn(d);
  } finally {
    d.close();
  }
}

const N = 25;
const pad = (n: number) => String(n).padStart(2, '0');

describe('three processes logging events at the same time', () => {
  it(`each logs ${N} events in a row; all exit 0 and all ${3 * N} events are there, once`, async () => {
    ok(runSync(['import', SEEDS]));
    const open = (title: string) => (JSON.parse(ok(runSync(['incident', 'add', 'Beeline', '--title', title, '--fault', 'company', '--opened', '2023-12-31T10:00', '--json'])).stdout) as { id: string }).id;
    const a = open('concurrent writers one');
    const b = open('concurrent writers two');
    const before = inspect((d) => d.prepare('SELECT count(*) FROM events').pluck().get() as number);

    // Process p1 and p2 write to the same incident, p3 to the other.
    const writer = async (p: number, incident: string): Promise<Result[]> => {
      const results: Result[] = [];
      for (let i = 0; i < N; i++) {
        results.push(await runAsync(['incident', 'event', incident, 'note', '--text', `p${p}-${i}`, '--at', `2024-01-01T${pad(p)}:${pad(i)}`]));
      }
      return results;
    };
    const started = performance.now();
    const all = await Promise.all([writer(1, a), writer(2, a), writer(3, b)]);
    const ms = performance.now() - started;

    all.flat().forEach((r, k) => expect(r.code, `run ${k}: ${r.stderr}`).toBe(0));
    const rows = inspect((d) =>
      d
        .prepare(`SELECT i.ref, e.data FROM events e JOIN incidents i ON i.id = e.incident_id WHERE i.ref IN (?, ?) ORDER BY e.id`)
        .all(a, b) as { ref: string; data: string }[],
    );
    const texts = (ref: string) => rows.filter((r) => r.ref === ref).map((r) => (JSON.parse(r.data) as { text: string }).text).sort();
    const expected = (p: number) => Array.from({ length: N }, (_, i) => `p${p}-${i}`);
    expect(texts(a)).toEqual([...expected(1), ...expected(2)].sort());
    expect(texts(b)).toEqual(expected(3).sort());
    expect(inspect((d) => d.prepare('SELECT count(*) FROM events').pluck().get())).toBe(before + 3 * N);
    // The timeline is in time order whatever order the writes landed in: p1's hour first.
    const shown = JSON.parse(ok(runSync(['incident', 'show', a, '--json'])).stdout) as { events: { text: string }[] };
    expect(shown.events.map((e) => e.text)).toEqual([...expected(1), ...expected(2)]);
    expect(ms).toBeGreaterThan(0);
  }, 120_000);
});

/** A generated file whose names and ids cannot collide with another one's. */
function distinct(tag: string, seed: number, companies: number): Doc {
  const doc = generate(companies, seed);
  const rename = (n: string) => `${n} ${tag}`;
  return {
    ...doc,
    companies: doc.companies.map((c) => ({ ...c, name: rename(c.name), ...(c.aliases ? { aliases: c.aliases.map(rename) } : {}), ...(c.parent ? { parent: rename(c.parent) } : {}) })),
    checks: doc.checks.map((k) => ({ ...k, company: rename(k.company) })),
    incidents: doc.incidents.map((i) => ({ ...i, id: `${tag}-${i.id}`, company: rename(i.company) })),
    pins: doc.pins.map((p) => ({ ...p, company: rename(p.company) })),
  };
}

describe('two imports at the same time', () => {
  it('both succeed and every row of both files is there', async () => {
    ok(runSync(['import', SEEDS]));
    const seeds = inspect((d) => ({
      companies: d.prepare('SELECT count(*) FROM companies').pluck().get() as number,
      incidents: d.prepare('SELECT count(*) FROM incidents').pluck().get() as number,
      events: d.prepare('SELECT count(*) FROM events').pluck().get() as number,
      checks: d.prepare('SELECT count(*) FROM checks').pluck().get() as number,
      pins: d.prepare('SELECT count(*) FROM pins').pluck().get() as number,
    }));
    const docs = [distinct('a', 2, 300), distinct('b', 3, 300)];
    const files = docs.map((doc, i) => {
      const f = join(dir, `file-${i}.json`);
      writeFileSync(f, JSON.stringify(doc));
      return f;
    });
    const results = await Promise.all(files.map((f) => runAsync(['import', f, '--json'])));
    for (const r of results) ok(r);
    const reports = results.map((r) => JSON.parse(r.stdout) as { companies: { added: number }; events: { added: number } });
    const sum = <K extends keyof Doc>(k: K) => docs.reduce((n, d) => n + (d[k] as unknown[]).length, 0);
    const events = docs.reduce((n, d) => n + d.incidents.reduce((m, i) => m + i.events.length, 0), 0);
    expect(reports.map((r) => r.companies.added)).toEqual([300, 300]);
    const after = inspect((d) => ({
      companies: d.prepare('SELECT count(*) FROM companies').pluck().get() as number,
      incidents: d.prepare('SELECT count(*) FROM incidents').pluck().get() as number,
      events: d.prepare('SELECT count(*) FROM events').pluck().get() as number,
      checks: d.prepare('SELECT count(*) FROM checks').pluck().get() as number,
      pins: d.prepare('SELECT count(*) FROM pins').pluck().get() as number,
      refs: new Set(d.prepare('SELECT ref FROM incidents').pluck().all() as string[]),
    }));
    expect(after.companies).toBe(seeds.companies + sum('companies'));
    expect(after.incidents).toBe(seeds.incidents + sum('incidents'));
    expect(after.events).toBe(seeds.events + events);
    expect(after.checks).toBe(seeds.checks + sum('checks'));
    expect(after.pins).toBe(seeds.pins + sum('pins'));
    for (const d of docs) for (const i of d.incidents) expect(after.refs.has(i.id), i.id).toBe(true);
    // Importing both again, at the same time, adds nothing.
    const again = await Promise.all(files.map((f) => runAsync(['import', f, '--json'])));
    for (const r of again) expect((JSON.parse(ok(r).stdout) as { events: { added: number } }).events.added).toBe(0);
    expect(inspect((d) => d.prepare('SELECT count(*) FROM events').pluck().get())).toBe(after.events);
  }, 120_000);

  it('the same file imported by two processes at once is imported once', async () => {
    const file = join(dir, 'same.json');
    const doc = distinct('s', 4, 200);
    writeFileSync(file, JSON.stringify(doc));
    const results = await Promise.all([runAsync(['import', file, '--json']), runAsync(['import', file, '--json'])]);
    for (const r of results) ok(r);
    const added = results.map((r) => (JSON.parse(r.stdout) as { companies: { added: number } }).companies.added).sort((x, y) => x - y);
    expect(added).toEqual([0, 200]);
    const events = doc.incidents.reduce((m, i) => m + i.events.length, 0);
    expect(inspect((d) => d.prepare('SELECT count(*) FROM events').pluck().get())).toBe(events);
    expect(inspect((d) => d.prepare('SELECT count(*) FROM companies').pluck().get())).toBe(200);
  }, 60_000);
});

describe('a fresh database', () => {
  it('created by four processes at the same moment: all succeed, one schema, all their data', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4].map((p) => runAsync(['incident', 'add', `First Co ${p}`, '--title', `race ${p}`, '--opened', '2024-01-01', '--json'])),
    );
    results.forEach((r, k) => expect(r.code, `process ${k + 1}: ${r.stderr}`).toBe(0));
    inspect((d) => {
      expect(d.pragma('application_id', { simple: true })).toBe(0x56455454);
      expect((d.prepare('SELECT name FROM companies ORDER BY name').pluck().all() as string[])).toEqual(['First Co 1', 'First Co 2', 'First Co 3', 'First Co 4']);
      expect(d.prepare('SELECT count(*) FROM incidents').pluck().get()).toBe(4);
    });
  }, 60_000);

  it('made by imports (filling their own private files) and other commands at once, round after round: all succeed, all data there, no private file left', async () => {
    for (let round = 0; round < 4; round++) {
      rmSync(db, { force: true });
      rmSync(`${db}-wal`, { force: true });
      rmSync(`${db}-shm`, { force: true });
      const files = [1, 2, 3].map((p) => {
        const file = join(dir, `r${round}-${p}.json`);
        writeFileSync(file, JSON.stringify({ format: 'vetted/1', incidents: [{ id: `imp-${round}-${p}`, company: `Imported ${p}`, title: 't', opened: '2024-01-01', events: [{ at: '2024-01-02T10:00', type: 'note', text: 'n' }] }] }));
        return file;
      });
      const results = await Promise.all([
        ...files.map((f) => runAsync(['import', f])),
        ...[1, 2, 3].map((p) => runAsync(['incident', 'add', `Added ${p}`, '--title', `race ${round}`, '--opened', '2024-01-01'])),
      ]);
      results.forEach((r, k) => expect(r.code, `round ${round}, process ${k + 1}: ${r.stderr}`).toBe(0));
      inspect((d) => {
        expect(d.prepare('SELECT count(*) FROM incidents').pluck().get()).toBe(6);
        expect(d.prepare("SELECT count(*) FROM events e JOIN incidents i ON i.id = e.incident_id WHERE i.ref LIKE 'imp-%'").pluck().get()).toBe(3);
      });
      expect(readdirSync(dir).filter((n) => n.startsWith('.vetted.db.'))).toEqual([]);
    }
  }, 120_000);
});
