// Property tests, in-process: any valid vetted/1 document survives export → import →
// export unchanged (DATA-FORMAT.md: "the round trip is lossless"), and any corruption of a
// valid document is either still valid or refused as a UserError (exit 2) that leaves the
// database exactly as it was — never another error, never half an import.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { mergeDataFile } from '../../src/store/merge.js';
import { parseDataText } from '../../src/formats/data-text.js';
import { validateDataFile, type DataFile } from '../../src/formats/data-file.js';
import { loadAllChecklists } from '../../src/formats/checklist-file.js';
import { exportJson } from '../../src/commands/export.js';
import { run as runImport } from '../../src/commands/import.js';
import { makeContext, type Context } from '../../src/context.js';
import { describeError } from '../../src/main.js';
import type { Checklist } from '../../src/domain/checklist.js';
import { CHANNELS, COMPENSATION_KINDS, EFFORTS, FAULTS, LEVELS, OUTCOMES } from '../../src/domain/types.js';
import { SHARED } from '../helpers/cli.js';
import { msOf } from '../../src/domain/dates.js';

const SEEDS = join(SHARED, 'scenarios', 'seeds.yaml');
const RUNS = 100;

let dir: string;
let config: string;
let template: string;
// The built-in checklists (a config folder that does not exist has no checklists of its own).
const checklists: Map<string, Checklist> = new Map(loadAllChecklists(join(tmpdir(), 'vetted-prop-no-such-config')).map((c) => [c.checklist.id, c.checklist]));
const general: Checklist = checklists.get('general')!;
let savedConfig: string | undefined;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-prop-'));
  config = join(dir, 'config');
  mkdirSync(config);
  savedConfig = process.env.VETTED_CONFIG;
  process.env.VETTED_CONFIG = config;
  expect(general.questions.length).toBeGreaterThan(3);
  // A database with the seeds in it, copied for every corruption run.
  template = join(dir, 'template.db');
  const store = Store.open(template);
  try {
    mergeDataFile(store, valid(parseDataText(readFileSync(SEEDS, 'utf8'), SEEDS)), { checklists, today: '2026-11-22' });
  } finally {
    store.close();
  }
});

afterAll(() => {
  if (savedConfig === undefined) delete process.env.VETTED_CONFIG;
  else process.env.VETTED_CONFIG = savedConfig;
  rmSync(dir, { recursive: true, force: true });
});

function valid(data: unknown): DataFile {
  const v = validateDataFile(data);
  if ('errors' in v) throw new Error(`generated an invalid document: ${JSON.stringify(v.errors.slice(0, 3))}`);
  return v.value;
}

function freshDb(): string {
  return join(dir, `db-${++n}.db`);
}

function exportOf(file: string): string {
  const store = Store.open(file);
  try {
    return exportJson(store, '2000-01-01T00:00:00Z');
  } finally {
    store.close();
  }
}

function importInto(file: string, data: unknown) {
  const store = Store.open(file);
  try {
    return mergeDataFile(store, valid(data), { checklists, today: '2026-11-22' });
  } finally {
    store.close();
  }
}

// ---- arbitraries of valid documents ----

const letters = [
  ...'abcdefghxyzABCDEFXYZ0123456789',
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЯЖЁ',
  ...'東京北京上海電信商店銀行物流書店',
  ...'ăâîșțĂÂÎȘȚşţ',
  'e\u0301', 'a\u0308', 'o\u0302\u0323', 'ß', 'ﬁ', 'Ⅻ', 'ｱ', '①', 'İ', 'ı', 'ς', 'Σ', '😀', '👍🏽',
  ' ', ' ', '-', '.', '&', "'", '"', '|', '<', '>', '*', '_', '`', '#', '\\',
];
const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
/** Non-blank free text: graphemes of any script, with some line breaks and tabs. */
const prose = fc
  .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.constantFrom('', '\n', '\t', '\r\n', ' '), word)
  .map(([a, sep, b]) => `${a}${sep}${b}`)
  .filter((s) => s.trim().length > 0);

const pad = (x: number, w = 2) => String(x).padStart(w, '0');
const when = fc
  .tuple(fc.date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2026-10-31T23:59:59Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 5 }))
  .map(([d, form]) => {
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    switch (form) {
      case 0:
        return date;
      case 1:
        return `${date}T${hm}`;
      case 2:
        return `${date}T${hm}Z`;
      case 3:
        return `${date}T${hm}:${pad(d.getUTCSeconds())}+03:00`;
      case 4:
        return `${date}T${hm}-05:30`;
      default:
        return `${date}T${hm}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}Z`;
    }
  });

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** Leaves out the keys whose value is undefined, as a data file would. */
const clean = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const level = opt(fc.constantFrom(...LEVELS));
const eventArb = fc.oneof(
  fc.record({ at: when, type: fc.constant('contact'), channel: opt(fc.constantFrom(...CHANNELS)), reached_human: opt(fc.boolean()), wait_minutes: opt(fc.nat(600)), robot: opt(fc.boolean()), queue_position: opt(fc.nat(99)), dropped: opt(fc.boolean()), level, note: opt(prose) }),
  fc.record({ at: when, type: fc.constant('promise'), text: opt(prose), due: when, kept: opt(fc.boolean()), level, note: opt(prose) }),
  fc.record({ at: when, type: fc.constant('escalation'), level: fc.constantFrom(...LEVELS), note: opt(prose) }),
  fc.record({ at: when, type: fc.constantFrom('apology', 'explanation'), level, note: opt(prose) }),
  fc.record({ at: when, type: fc.constant('compensation'), amount: opt(fc.oneof(fc.nat(100000), fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }))), currency: opt(fc.constantFrom('EUR', 'RUB', 'RON', 'USD', 'JPY')), kind: opt(fc.constantFrom(...COMPENSATION_KINDS)), proactive: opt(fc.boolean()), effort: opt(fc.constantFrom(...EFFORTS)), level, note: opt(prose) }),
  fc.record({ at: when, type: fc.constant('refusal'), text: opt(prose), policy: opt(fc.boolean()), level, note: opt(prose) }),
  fc.record({ at: when, type: fc.constant('resolution'), outcome: fc.constantFrom(...OUTCOMES), level, note: opt(prose) }),
  fc.record({ at: when, type: fc.constant('note'), text: opt(prose), level }),
).map((e) => clean(e as Record<string, unknown>));

function answersArb(): fc.Arbitrary<{ answers: Record<string, string>; notes?: Record<string, string> }> {
  const qs = general.questions;
  return fc
    .tuple(
      fc.tuple(...qs.map((q) => fc.constantFrom(...q.answers.map((a) => a.value), 'unknown'))),
      fc.array(fc.tuple(fc.constantFrom(...qs.map((q) => q.id)), prose), { maxLength: 3 }),
    )
    .map(([values, notes]) => {
      const answers = Object.fromEntries(qs.map((q, i) => [q.id, values[i]]));
      return notes.length ? { answers, notes: Object.fromEntries(notes) } : { answers };
    });
}

const docArb = fc
  .record({
    names: fc.uniqueArray(word, { minLength: 1, maxLength: 6, selector: (w) => w.normalize('NFKC').toLowerCase() }),
    companyExtras: fc.array(fc.record({ alias: fc.boolean(), parent: opt(fc.nat()), website: opt(fc.webUrl()), category: opt(prose) }), { minLength: 6, maxLength: 6 }),
    checks: fc.array(fc.record({ company: fc.nat(), at: when, version: opt(fc.integer({ min: 1, max: 5 })) }), { maxLength: 4 }),
    checkAnswers: fc.array(answersArb(), { minLength: 4, maxLength: 4 }),
    incidents: fc.array(
      fc.record({ company: fc.nat(), withId: fc.boolean(), title: prose, opened: when, openingLeftOut: fc.boolean(), fault: opt(fc.constantFrom(...FAULTS)), closed: opt(when), events: fc.array(eventArb, { maxLength: 6 }) }),
      { maxLength: 5 },
    ),
    pins: fc.array(fc.record({ company: fc.nat(), list: fc.constantFrom('black', 'white'), reason: prose, at: opt(when) }), { maxLength: 3 }),
    source: opt(prose.map((s) => s.slice(0, 100)).filter((s) => s.trim().length > 0)),
  })
  .map((g) => {
    // Distinct names by construction: a word and its number.
    const names = g.names.map((w, i) => `${w.trim() || 'x'} ${i + 1}`);
    const pick = (k: number) => names[k % names.length];
    return clean({
      format: 'vetted/1',
      source: g.source,
      companies: names.map((name, i) => {
        const x = g.companyExtras[i];
        // A parent among the companies before it: no company is ever above itself (an import refuses that).
        const parent = x.parent !== undefined && i > 0 ? names[x.parent % i] : undefined;
        return clean({
          name,
          aliases: x.alias ? [`${name} alias`] : undefined,
          parent,
          website: x.website,
          category: x.category,
        });
      }),
      checks: g.checks.map((k, i) =>
        clean({ company: pick(k.company), checklist: 'general', checklist_version: k.version, at: k.at, ...g.checkAnswers[i] }),
      ),
      incidents: g.incidents.map((inc, i) => {
        // Dates that can be: opened first, closed last, each promise due after it was made.
        const byTime = (a: string, b: string) => msOf(a) - msOf(b);
        // An incident closes once: a second resolution is refused, in a file as on the command line.
        const first = inc.events.findIndex((e) => e.type === 'resolution');
        const events = inc.events.filter((e, j) => e.type !== 'resolution' || j === first).map((e) => {
          const due = (e as { due?: string }).due;
          if (due === undefined) return e;
          const [at, later] = [e.at as string, due].sort(byTime);
          return { ...e, at, due: later };
        });
        const times = [inc.opened, ...(inc.closed ? [inc.closed] : []), ...events.map((e) => e.at as string)].sort(byTime);
        const opened = times[0];
        // A closing time beside a resolution is that resolution's (DATA-FORMAT.md: set by it too).
        const resolved = events.find((e) => e.type === 'resolution')?.at as string | undefined;
        const closed = inc.closed ? resolved ?? times[times.length - 1] : undefined;
        return clean({
          id: inc.withId ? `inc-${i}.${pick(inc.company).length}` : undefined,
          company: pick(inc.company),
          title: inc.title,
          // Left out, the earliest event opens it: its export gives that opening.
          opened: inc.openingLeftOut && events.length ? undefined : opened,
          fault: inc.fault,
          closed,
          events,
        });
      }),
      // One pin a company, as a database has them (a file that pins one twice, otherwise, is refused).
      pins: g.pins.filter((p, k) => g.pins.findIndex((q) => pick(q.company) === pick(p.company)) === k).map((p) => clean({ company: pick(p.company), list: p.list, reason: p.reason, at: p.at })),
    });
  });

describe('the round trip', () => {
  it('import → export → import into another database → export: the two exports are equal', () => {
    const started = performance.now();
    fc.assert(
      fc.property(docArb, (doc) => {
        valid(doc);
        const a = freshDb();
        const b = freshDb();
        try {
          importInto(a, doc);
          const first = exportOf(a);
          const parsed = JSON.parse(first) as { companies: unknown[] };
          expect(parsed.companies).toHaveLength(doc.companies.length);
          importInto(b, parseDataText(first, 'export.json'));
          const second = exportOf(b);
          expect(second).toBe(first);
          // And importing the export where it came from adds nothing.
          const again = importInto(a, JSON.parse(first));
          for (const [k, t] of Object.entries(again)) if (typeof t === 'object' && !Array.isArray(t)) expect(t.added, k).toBe(0);
          expect(again.checks_renumbered).toEqual([]);
          expect(exportOf(a)).toBe(first);
        } finally {
          for (const f of [a, b]) for (const s of ['', '-wal', '-shm']) rmSync(f + s, { force: true });
        }
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: 50_000, markInterruptAsFailure: true },
    );
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);
});

// ---- corruption ----

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

function getAt(v: Json, path: Path): Json {
  let cur = v;
  for (const p of path) cur = (cur as Record<string | number, Json>)[p];
  return cur;
}

function setAt(v: Json, path: Path, value: Json | undefined): void {
  const parent = getAt(v, path.slice(0, -1)) as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = value;
}

/** Every path in a JSON value (the root excluded), with what is there. */
function paths(v: Json, base: Path = [], out: { path: Path; value: Json }[] = []): { path: Path; value: Json }[] {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push({ path: [...base, i], value: x }), paths(x, [...base, i], out)));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push({ path: [...base, k], value: x }), paths(x, [...base, k], out));
  return out;
}

const REQUIRED_EVENT: Record<string, string[]> = { promise: ['due'], escalation: ['level'], resolution: ['outcome'] };

/** The paths of the required fields of a document. */
function requiredPaths(doc: Json): Path[] {
  const d = doc as Record<string, Json[]>;
  const out: Path[] = [['format']];
  (d.companies ?? []).forEach((_, i) => out.push(['companies', i, 'name']));
  (d.checks ?? []).forEach((_, i) => ['company', 'checklist', 'at', 'answers'].forEach((k) => out.push(['checks', i, k])));
  (d.pins ?? []).forEach((_, i) => ['company', 'list', 'reason'].forEach((k) => out.push(['pins', i, k])));
  (d.incidents ?? []).forEach((inc, i) => {
    const events = (inc as Record<string, Json[]>).events ?? [];
    // An incident with events opens at the earliest of them: its opening may be left out.
    ['company', 'title', ...(events.length ? [] : ['opened'])].forEach((k) => out.push(['incidents', i, k]));
    events.forEach((e, j) => {
      const type = (e as Record<string, string>).type;
      for (const k of ['at', 'type', ...(REQUIRED_EVENT[type] ?? [])]) out.push(['incidents', i, 'events', j, k]);
    });
  });
  return out;
}

const DATE_KEYS = new Set(['at', 'opened', 'closed', 'due', 'exported_at']);
const ENUM_KEYS = new Set(['fault', 'list', 'type', 'channel', 'level', 'kind', 'effort', 'outcome', 'checklist']);
const IMPOSSIBLE = ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-01-01T24:00', '2024-01-01T10:60', '2024-1-1', 'yesterday', '2024-01-01T10:00+25:00', ''];
const JUNK = ['', 'junk', 'BLACK', 'frontline ', 'company\u0000', '🙂', 'null', 'true'];
const WRONG = [42, -1.5, true, false, null, [], {}, 'text', [1, 2], { a: 1 }] as Json[];

type Mutation =
  | { kind: 'delete-required'; pick: number }
  | { kind: 'wrong-type'; pick: number; to: number }
  | { kind: 'unknown-field'; pick: number; name: string }
  | { kind: 'impossible-date'; pick: number; to: number }
  | { kind: 'enum-junk'; pick: number; to: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'random-bytes'; at: number; bytes: number[] };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-required' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('wrong-type' as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('unknown-field' as const), pick: fc.nat(), name: fc.stringMatching(/^[a-z][a-z_]{0,11}$/).map((s) => `zz_${s}`) }),
  fc.record({ kind: fc.constant('impossible-date' as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('enum-junk' as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('random-bytes' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
);

/**
 * Applies a mutation; returns the bytes of the file and whether the result must be refused
 * (true when the mutation certainly makes the document invalid).
 */
function corrupt(doc: Json, m: Mutation, yaml: boolean): { bytes: Buffer; mustRefuse: boolean; what: string } {
  const d = structuredClone(doc);
  const text = (v: Json) => (yaml ? toYaml(v) : JSON.stringify(v, null, 1));
  switch (m.kind) {
    case 'delete-required': {
      const ps = requiredPaths(d);
      const p = ps[m.pick % ps.length];
      setAt(d, p, undefined);
      return { bytes: Buffer.from(text(d)), mustRefuse: true, what: `delete ${p.join('.')}` };
    }
    case 'wrong-type': {
      const ps = paths(d);
      const { path } = ps[m.pick % ps.length];
      const to = WRONG[m.to % WRONG.length];
      setAt(d, path, to);
      // Still valid when an optional field becomes null, or a text stays text.
      return { bytes: Buffer.from(text(d)), mustRefuse: false, what: `${path.join('.')} = ${JSON.stringify(to)}` };
    }
    case 'unknown-field': {
      const objects: Path[] = [[], ...paths(d).filter((p) => p.value && typeof p.value === 'object' && !Array.isArray(p.value)).map((p) => p.path)];
      const p = objects[m.pick % objects.length];
      (getAt(d, p) as Record<string, Json>)[m.name] = 'surprise';
      return { bytes: Buffer.from(text(d)), mustRefuse: true, what: `add ${[...p, m.name].join('.')}` };
    }
    case 'impossible-date': {
      const ps = paths(d).filter((p) => DATE_KEYS.has(String(p.path[p.path.length - 1])) && typeof p.value === 'string');
      if (!ps.length) return { bytes: Buffer.from(text({ ...(d as object), opened: IMPOSSIBLE[0] } as Json)), mustRefuse: true, what: 'unknown field opened' };
      const { path } = ps[m.pick % ps.length];
      const to = IMPOSSIBLE[m.to % IMPOSSIBLE.length];
      setAt(d, path, to);
      return { bytes: Buffer.from(text(d)), mustRefuse: true, what: `${path.join('.')} = ${JSON.stringify(to)}` };
    }
    case 'enum-junk': {
      const ps = paths(d).filter((p) => (ENUM_KEYS.has(String(p.path[p.path.length - 1])) || p.path.includes('answers')) && typeof p.value === 'string');
      if (!ps.length) return { bytes: Buffer.from(text({ ...(d as object), format: 'junk' } as Json)), mustRefuse: true, what: 'format = junk' };
      const { path } = ps[m.pick % ps.length];
      const to = JUNK[m.to % JUNK.length];
      setAt(d, path, to);
      return { bytes: Buffer.from(text(d)), mustRefuse: true, what: `${path.join('.')} = ${JSON.stringify(to)}` };
    }
    case 'truncate': {
      const t = Buffer.from(text(d));
      const at = m.at % t.length;
      return { bytes: t.subarray(0, at), mustRefuse: false, what: `truncate at ${at} of ${t.length}` };
    }
    case 'random-bytes': {
      const t = Buffer.from(text(d));
      const at = m.at % (t.length + 1);
      return { bytes: Buffer.concat([t.subarray(0, at), Buffer.from(m.bytes), t.subarray(at)]), mustRefuse: false, what: `insert ${JSON.stringify(m.bytes)} at ${at}` };
    }
  }
}

function quietContext(db: string): Context {
  const ctx = makeContext({ db });
  return { ...ctx, out: { write: () => true }, err: { write: () => true, isTTY: false }, now: () => Date.UTC(2026, 10, 22, 10) };
}

describe('corruption of a valid document', () => {
  it('is imported, or refused as a UserError (exit 2) with the database unchanged; never another error', async () => {
    const started = performance.now();
    const before = exportOf(template);
    const tally: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(docArb, mutationArb, fc.boolean(), async (doc, m, yaml) => {
        const { bytes, mustRefuse, what } = corrupt(doc as Json, m, yaml);
        const db = freshDb();
        copyFileSync(template, db);
        const file = join(dir, `data-${n}.${yaml ? 'yaml' : 'json'}`);
        writeFileSync(file, bytes);
        try {
          let error: unknown;
          try {
            await runImport(quietContext(db), file, {});
          } catch (err) {
            error = err;
          }
          const outcome = error ? 'refused' : 'imported';
          tally[`${m.kind} ${outcome}`] = (tally[`${m.kind} ${outcome}`] ?? 0) + 1;
          if (error) {
            const e = error as Error;
            expect(e.name, `${what}: ${e.stack}`).toBe('UserError');
            // What the user sees is one line (a JSON parser's excerpt may hold line breaks).
            const shown = describeError(e, false);
            expect(shown.code).toBe(2);
            expect(shown.message, what).not.toContain('\n');
            expect(exportOf(db), `${what}: the database changed on a refused import`).toBe(before);
          } else {
            expect(mustRefuse, `${what} was imported`).toBe(false);
          }
        } finally {
          for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
          rmSync(file, { force: true });
        }
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: 50_000, markInterruptAsFailure: true },
    );
    // Every kind of mutation was tried.
    for (const kind of ['delete-required', 'wrong-type', 'unknown-field', 'impossible-date', 'enum-junk', 'truncate', 'random-bytes']) {
      expect(Object.keys(tally).some((k) => k.startsWith(kind)), `${kind}: ${JSON.stringify(tally)}`).toBe(true);
    }
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);

  it('a refusal that comes from the store, half-way through the merge, leaves nothing behind', async () => {
    // Valid as a document, refused by the merge at its last record: an unknown checklist.
    const db = freshDb();
    copyFileSync(template, db);
    const before = exportOf(db);
    const file = join(dir, 'late-refusal.json');
    const doc = fc.sample(docArb, { numRuns: 1, seed: 7 })[0] as Record<string, unknown>;
    const companies = Array.from({ length: 50 }, (_, i) => ({ name: `Late Co ${i}` }));
    writeFileSync(
      file,
      JSON.stringify({ ...doc, companies: [...(doc.companies as object[]), ...companies], checks: [{ company: 'Late Co 1', checklist: 'no-such-checklist', at: '2024-01-01', answers: { a: 'b' } }] }),
    );
    await expect(runImport(quietContext(db), file, {})).rejects.toMatchObject({ name: 'UserError', message: expect.stringContaining('checks[0]') });
    expect(exportOf(db)).toBe(before);
  });
});

describe('field names that are also names of Object.prototype', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])('a field called "%s" is refused as unknown', async (name) => {
    const db = freshDb();
    copyFileSync(template, db);
    const before = exportOf(db);
    const file = join(dir, `proto-${name}.json`);
    writeFileSync(file, `{"format": "vetted/1", "companies": [{"name": "Proto Co", "${name}": "surprise"}]}`);
    await expect(runImport(quietContext(db), file, {})).rejects.toMatchObject({ name: 'UserError', message: expect.stringContaining(name) });
    expect(exportOf(db)).toBe(before);
  });

  it('a field called "__proto__" is refused, or at least does nothing', async () => {
    const db = freshDb();
    copyFileSync(template, db);
    const file = join(dir, 'proto.json');
    writeFileSync(file, '{"format": "vetted/1", "companies": [{"name": "Proto Co", "__proto__": {"name": "Polluted"}}], "__proto__": {"polluted": true}}');
    let error: unknown;
    try {
      await runImport(quietContext(db), file, {});
    } catch (err) {
      error = err;
    }
    if (error) expect((error as Error).name).toBe('UserError');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const names = (JSON.parse(exportOf(db)) as { companies: { name: string }[] }).companies.map((c) => c.name);
    expect(names).not.toContain('Polluted');
  });
});

describe('incident ids', () => {
  it('an id the file uses is not given to an incident of the same file without an id', async () => {
    const db = freshDb();
    const file = join(dir, 'ids.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'vetted/1',
        incidents: [
          { company: 'Acme', title: 'no id', opened: '2024-01-01' },
          { id: 'acme-1', company: 'Other', title: 'explicit id', opened: '2024-01-02' },
        ],
      }),
    );
    await runImport(quietContext(db), file, {});
    const doc = JSON.parse(exportOf(db)) as { incidents: { id: string; company: string }[] };
    expect(doc.incidents.map((i) => [i.company, i.id]).sort()).toEqual([
      ['Acme', expect.not.stringMatching(/^acme-1$/)],
      ['Other', 'acme-1'],
    ]);
  });
});
