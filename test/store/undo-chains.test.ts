// Chains of undos and redos (an undo of an undo), run as the commands run them: after each
// step the journal says which operation stands undone, by which undo, as the record has it,
// and a plain undo takes back the last change that stands.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJson } from '../../src/commands/export.js';
import { runAdd, runEvent } from '../../src/commands/incident.js';
import { runRemoveEvent, runRemoveIncident, runRename } from '../../src/commands/correct.js';
import { runUndo } from '../../src/commands/history.js';
import { MIGRATIONS } from '../../src/store/schema.js';
import type { Context } from '../../src/context.js';
import { commandContext, withStore } from '../helpers/in-process.js';

const NOW = Date.parse('2026-12-01T12:00:00Z');
let dir: string;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-undo-chains-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const contextFor = (db: string): Context => commandContext(db, dir, NOW);

const recordOf = (db: string) => withStore(db, (s) => exportJson(s, '2000-01-01T00:00:00Z'));
const undoneBy = (db: string) => withStore(db, (s) => Object.fromEntries(s.operations().map((o) => [o.id, o.reverted_by])));
const lines = (r: { err?: string | string[] }) => [r.err ?? []].flat().join('\n');

/** Each change set up before the one undone and redone, then that one, as commands. */
const KINDS: [string, ((ctx: Context) => Promise<unknown>)[], (ctx: Context) => Promise<unknown>][] = [
  ['an incident removed', [(ctx) => runAdd(ctx, 'Shop', { title: 'Broken kettle', opened: '2026-11-01' })], (ctx) => runRemoveIncident(ctx, 'shop-1')],
  [
    'an event removed',
    [(ctx) => runAdd(ctx, 'Shop', { title: 'Broken kettle', opened: '2026-11-01' }), (ctx) => runEvent(ctx, 'shop-1', 'note', { at: '2026-11-02 10:00', text: 'hello' })],
    (ctx) => runRemoveEvent(ctx, 'shop-1#1'),
  ],
  ['an event added', [(ctx) => runAdd(ctx, 'Shop', { title: 'Broken kettle', opened: '2026-11-01' })], (ctx) => runEvent(ctx, 'shop-1', 'note', { at: '2026-11-02 10:00', text: 'hello' })],
  ['a company renamed', [(ctx) => runAdd(ctx, 'Shop', { title: 'Broken kettle', opened: '2026-11-01' })], (ctx) => runRename(ctx, 'Shop', 'Store', {})],
];

describe.each(KINDS)('%s, undone and redone, again and again', (_kind, setup, change) => {
  it('stands undone by the undo that stands, and a plain undo takes back the last change that stands', async () => {
    const db = join(dir, `db-${++n}.db`);
    const ctx = contextFor(db);
    // The record before each change set up, before the change, and after it.
    const states = [recordOf(db)];
    for (const step of setup) {
      await step(ctx);
      states.push(recordOf(db));
    }
    const before = states[states.length - 1];
    await change(ctx);
    const after = recordOf(db);
    const target = setup.length + 1;
    // The chain: the change, its undo, the undo of that (a redo), and so on.
    const chain = [target];
    for (let depth = 1; depth <= 5; depth++) {
      const last = chain[chain.length - 1];
      const r = await runUndo(ctx, undefined, depth === 1 ? {} : { op: String(last) });
      chain.push(last + 1);
      expect(lines(r), `depth ${depth}`).toMatch(new RegExp(`^undone #${last}: .* \\(to redo: vetted undo --op ${last + 1}\\)$`));
      // The change stands after an even number of steps, and is undone after an odd number.
      const stands = depth % 2 === 0;
      expect(recordOf(db), `depth ${depth}`).toBe(stands ? after : before);
      // The newest of the chain stands; below it, each is undone by the one above it where that one stands.
      const by = undoneBy(db);
      chain.forEach((op, k) => expect(by[op], `#${op} at depth ${depth}`).toBe((chain.length - 1 - k) % 2 === 1 ? chain[k + 1] : null));
      // A plain undo, on a copy: the change itself where it stands, else the change set up before it.
      const copy = join(dir, `db-${n}-copy-${depth}.db`);
      copyFileSync(db, copy);
      const undone = await runUndo(contextFor(copy), undefined, {});
      expect(lines(undone), `depth ${depth}`).toMatch(new RegExp(`^undone #${stands ? target : target - 1}: `));
      expect(recordOf(copy), `depth ${depth}`).toBe(stands ? before : states[states.length - 2]);
      const newest = withStore(copy, (s) => s.operations({ limit: 1 })[0]);
      expect(newest.reverts).toBe(stands ? target : target - 1);
      expect(undoneBy(copy)[stands ? target : target - 1]).toBe(newest.id);
    }
  });
});

describe('a journal that says a change stands while the record is without it', () => {
  /** Shop's incident with a note (#2), undone (#3), redone (#4), undone again (#5): the note is gone. */
  async function noteUndoneTwice(): Promise<{ db: string; ctx: Context }> {
    const db = join(dir, `db-${++n}.db`);
    const ctx = contextFor(db);
    await runAdd(ctx, 'Shop', { title: 'Broken kettle', opened: '2026-11-01' });
    await runEvent(ctx, 'shop-1', 'note', { at: '2026-11-02 10:00', text: 'hello' });
    await runUndo(ctx, undefined, {});
    await runUndo(ctx, undefined, { op: '3' });
    await runUndo(ctx, undefined, { op: '4' });
    return { db, ctx };
  }
  /** As an older version left it: the note's operation read as standing. */
  const asOlderVersionsLeftIt = (db: string, version: number) =>
    withStore(db, (s) => {
      s.db.prepare('UPDATE operations SET reverted_by = NULL WHERE id = 2').run();
      s.db.pragma(`user_version = ${version}`);
    });

  it('is mended when a database kept so is opened: each operation undone by the undo of it that stands', async () => {
    const { db } = await noteUndoneTwice();
    const mended = undoneBy(db);
    expect(mended).toEqual({ 1: null, 2: 3, 3: null, 4: 5, 5: null });
    // The version before the migration that mends it.
    asOlderVersionsLeftIt(db, MIGRATIONS.findIndex((m) => m.name.startsWith('which change each undo stands for')));
    expect(undoneBy(db)).toEqual(mended);
    // A plain undo then takes back the incident, the last change that stands.
    expect(lines(await runUndo(contextFor(db), undefined, {}))).toMatch(/^undone #1: /);
  });

  it('undoes it all the same, as an operation of its own that says it changed nothing: the journal names no undo that is not there', async () => {
    const { db, ctx } = await noteUndoneTwice();
    const version = withStore(db, (s) => s.db.pragma('user_version', { simple: true }) as number);
    asOlderVersionsLeftIt(db, version);
    const before = recordOf(db);
    expect(lines(await runUndo(ctx, undefined, {}))).toMatch(
      /^undone #2: note on shop-1 [^(\n]*\nnothing had to change for that: the record was already as it was before #2\.$/,
    );
    expect(recordOf(db)).toBe(before);
    const [undo] = withStore(db, (s) => s.operations({ limit: 1 }));
    expect([undo.id, undo.reverts, undo.changes]).toEqual([6, 2, 0]);
    expect(undoneBy(db)[2]).toBe(6);
    expect(lines(await runUndo(ctx, undefined, {}))).toMatch(/^undone #1: .*\(to redo: vetted undo --op 7\)$/);
  });

  it('an undo that changed nothing, undone in its turn, leaves what it undid undone: the record is still without it', async () => {
    const { db, ctx } = await noteUndoneTwice();
    const version = withStore(db, (s) => s.db.pragma('user_version', { simple: true }) as number);
    asOlderVersionsLeftIt(db, version);
    await runUndo(ctx, undefined, {});
    const before = recordOf(db);
    expect(lines(await runUndo(ctx, undefined, { op: '6' }))).toMatch(/^undone #6: /);
    expect(recordOf(db)).toBe(before);
    // The note is still gone, and the journal says so: #2 is not read as standing again.
    expect(undoneBy(db)[2]).toBe(6);
    // Undone once more, the undo that changed nothing stands again, and the one of it is undone: no circle of advice.
    expect(lines(await runUndo(ctx, undefined, { op: '7' }))).toMatch(/^undone #7: /);
    expect(recordOf(db)).toBe(before);
    expect(undoneBy(db)).toMatchObject({ 2: 6, 6: null, 7: 8 });
    expect(lines(await runUndo(ctx, undefined, {}))).toMatch(/^undone #1: /);
  });

  it('undo N offers no redo of an undo that changed nothing', async () => {
    const { db, ctx } = await noteUndoneTwice();
    const version = withStore(db, (s) => s.db.pragma('user_version', { simple: true }) as number);
    asOlderVersionsLeftIt(db, version);
    // #2 (changes nothing now) and #1 (the incident), undone as #6 and #7: only #7 is offered to redo.
    const said = lines(await runUndo(ctx, '2', {}));
    expect(said).toMatch(/^undone #2: [^(\n]*\nnothing had to change for that: [^\n]*\nundone #1: .*\(to redo: vetted undo --op 7\)$/);
    expect(said).not.toMatch(/--op 6/);
  });

  it('a damaged journal whose undo names itself is not walked round for ever', async () => {
    const { db, ctx } = await noteUndoneTwice();
    withStore(db, (s) => s.db.prepare('UPDATE operations SET reverts = 3 WHERE id = 3').run());
    const r = await runUndo(ctx, undefined, { op: '3' });
    expect(lines(r)).toMatch(/#3/);
  });
});
