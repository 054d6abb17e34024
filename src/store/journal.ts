// The journal: every change to the user's record, written by the schema's triggers in the
// same transaction as the change, grouped into operations (one a command). An operation is
// reverted by replaying its changes backwards; the revert is an operation of its own, so it
// can be reverted in turn.

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

/**
 * Replays an operation's changes backwards: what it inserted is deleted, what it updated or
 * deleted is put back as it was. Runs of the same kind on the same table go in one statement,
 * so that reverting a large import costs a few statements, not one per row.
 */
export function revertChanges(db: DB, op: number): void {
  const changes = db.prepare('SELECT seq, tbl, row, kind FROM changes WHERE op = ? ORDER BY seq DESC').all(op) as Change[];
  // Rows come back in the reverse of the order they went: a child may briefly stand without its parent.
  db.pragma('defer_foreign_keys = ON');
  let i = 0;
  while (i < changes.length) {
    const first = changes[i];
    let j = i + 1;
    if (first.kind !== 'u') while (j < changes.length && changes[j].tbl === first.tbl && changes[j].kind === first.kind) j++;
    const lo = changes[j - 1].seq;
    const hi = first.seq;
    const table = first.tbl;
    if (!isJournaled(table)) throw new Error(`the journal names an unknown table ${table}`);
    const cols = columnsOf(db, table);
    const value = (c: string) => `json_extract(old, '$.${c}')`;
    if (first.kind === 'i') {
      db.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT row FROM changes WHERE op = ? AND seq BETWEEN ? AND ?)`).run(op, lo, hi);
    } else if (first.kind === 'd') {
      db.prepare(
        `INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.map(value).join(', ')} FROM changes
         WHERE op = ? AND seq BETWEEN ? AND ? ORDER BY seq DESC`,
      ).run(op, lo, hi);
    } else {
      db.prepare(
        `UPDATE ${table} SET (${cols.join(', ')}) = (SELECT ${cols.map(value).join(', ')} FROM changes WHERE seq = ?) WHERE rowid = ?`,
      ).run(first.seq, first.row);
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
