// The journal: every change to the user's record, written by the schema's triggers in the
// same transaction as the change, grouped into operations (one a command). An operation is
// reverted by replaying its changes backwards; the revert is an operation of its own, so it
// can be reverted in turn.

import type { Statement } from 'better-sqlite3';
import type { DB } from './open.js';
import { JOURNALED_TABLES } from './schema.js';

export interface Operation {
  id: number;
  at: string;
  command: string;
  summary: string;
  /** The operation this one reverted (an undo). */
  reverts: number | null;
  /** The operation that reverted this one, while it stands. */
  reverted_by: number | null;
  /** How many rows it changed. */
  changes: number;
}

interface Change {
  seq: number;
  tbl: string;
  row: number;
  kind: 'i' | 'u' | 'd';
}

const columnsCache = new WeakMap<DB, Map<string, string[]>>();

function columnsOf(db: DB, table: string): string[] {
  let byTable = columnsCache.get(db);
  if (!byTable) columnsCache.set(db, (byTable = new Map()));
  let cols = byTable.get(table);
  if (!cols) {
    cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
    byTable.set(table, cols);
  }
  return cols;
}

function isJournaled(table: string): boolean {
  return (JOURNALED_TABLES as readonly string[]).includes(table);
}

/** Tables children first: deleting in this order never cascades onto rows yet to be deleted. */
const CHILDREN_FIRST = ['attachments', 'events', 'incidents', 'checks', 'aliases', 'pins', 'companies'];

/**
 * Reverts an operation exactly. Rows it created (their first change is an insert) are deleted
 * a table at a time; the changes to rows that stood before it are replayed backwards first,
 * so that no row that stays ever points at a row about to go. Should that replay meet a
 * constraint (a pattern no command makes), the whole operation is replayed backwards change by
 * change instead, which passes only through states the database has been in.
 */
export function revertChanges(db: DB, op: number): void {
  const changes = db.prepare('SELECT seq, tbl, row, kind FROM changes WHERE op = ? ORDER BY seq').all(op) as Change[];
  for (const c of changes) if (!isJournaled(c.tbl)) throw new Error(`the journal names an unknown table ${c.tbl}`);
  // A large operation's pages stay in memory rather than spill to the log mid-transaction.
  if (changes.length > 1000) db.pragma('cache_size = -131072');
  const firstKind = new Map<string, Change['kind']>();
  for (const c of changes) if (!firstKind.has(`${c.tbl}:${c.row}`)) firstKind.set(`${c.tbl}:${c.row}`, c.kind);
  const created = new Map<string, number[]>();
  const before: Change[] = [];
  for (const c of changes) {
    if (firstKind.get(`${c.tbl}:${c.row}`) !== 'i') before.push(c);
    else if (c.kind === 'i') {
      const rows = created.get(c.tbl) ?? [];
      rows.push(c.row);
      created.set(c.tbl, rows);
    }
  }
  const statement = statementCache(db);
  try {
    db.transaction(() => {
      replay(db, statement, before);
      for (const table of [...CHILDREN_FIRST, ...[...created.keys()].filter((t) => !CHILDREN_FIRST.includes(t))]) {
        const rows = created.get(table);
        if (!rows) continue;
        const del = statement(`DELETE FROM ${table} WHERE rowid IN (SELECT value FROM json_each(?))`);
        for (let k = 0; k < rows.length; k += 50_000) del.run(JSON.stringify(rows.slice(k, k + 50_000)));
      }
    })();
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') !== true) throw err;
    replay(db, statement, changes);
  }
}

function statementCache(db: DB): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };
}

/** Undoes changes one by one, newest first (runs of inserts or deletes on one table at once). */
function replay(db: DB, statement: (sql: string) => Statement, ascending: Change[]): void {
  const changes = [...ascending].reverse();
  let i = 0;
  while (i < changes.length) {
    const first = changes[i];
    let j = i + 1;
    if (first.kind !== 'u') while (j < changes.length && changes[j].tbl === first.tbl && changes[j].kind === first.kind && changes[j].seq === changes[j - 1].seq - 1) j++;
    // A run is a range of consecutive change numbers: a range of the primary key.
    const lo = changes[j - 1].seq;
    const hi = first.seq;
    const table = first.tbl;
    const cols = columnsOf(db, table);
    const value = (c: string) => `json_extract(old, '$.${c}')`;
    if (first.kind === 'i') {
      statement(`DELETE FROM ${table} WHERE rowid IN (SELECT row FROM changes WHERE seq BETWEEN ? AND ?)`).run(lo, hi);
    } else if (first.kind === 'd') {
      statement(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.map(value).join(', ')} FROM changes WHERE seq BETWEEN ? AND ? ORDER BY seq DESC`).run(lo, hi);
    } else {
      statement(`UPDATE ${table} SET (${cols.join(', ')}) = (SELECT ${cols.map(value).join(', ')} FROM changes WHERE seq = ?) WHERE rowid = ?`).run(first.seq, first.row);
    }
    i = j;
  }
}

/** The companies an operation touched, before or after it (for the verdict cache). */
export function companiesTouched(db: DB, op: number): number[] {
  return (
    db
      .prepare(
        `SELECT company AS id FROM changes WHERE op = ? AND company IS NOT NULL
         UNION SELECT json_extract(old, '$.company_id') FROM changes WHERE op = ? AND kind = 'u' AND tbl <> 'companies'`,
      )
      .all(op, op) as { id: number | null }[]
  )
    .map((r) => r.id)
    .filter((id): id is number => typeof id === 'number');
}

/** Rows an operation changed that a later operation, still standing, changed again. */
export function laterChangesTo(db: DB, op: number): number[] {
  return (
    db
      .prepare(
        `SELECT DISTINCT later.op AS id FROM changes mine JOIN changes later ON later.tbl = mine.tbl AND later.row = mine.row AND later.op > mine.op
         JOIN operations o ON o.id = later.op
         WHERE mine.op = ? AND o.reverted_by IS NULL AND (o.reverts IS NULL OR o.reverts < mine.op) ORDER BY later.op`,
      )
      .all(op) as { id: number }[]
  ).map((r) => r.id);
}
