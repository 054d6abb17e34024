// The journal: every change to the user's record, written by the schema's triggers in the
// same transaction as the change, grouped into operations (one a command). An operation is
// reverted by replaying its changes backwards; the revert is an operation of its own, so it
// can be reverted in turn.

import type { Statement } from 'better-sqlite3';
import type { DB } from './open.js';
import { COUNTERS, DIGESTS_EVENT_DELETE, DIGESTS_EVENT_DELETE_NAME, JOURNALED_TABLES, installJournalTriggers, journalCompanyOf, journalOldOf } from './schema.js';

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

/**
 * A table's columns, and the column that names its rows, when it has one (an INTEGER PRIMARY
 * KEY, which is the rowid): a row put back from the journal takes the rowid the journal names
 * it by; in a table without one, it is given that rowid.
 */
interface TableInfo {
  cols: string[];
  /** The column that is the rowid, when the table has one. */
  rowidColumn: string | undefined;
}
const tableInfoCache = new WeakMap<DB, Map<string, TableInfo>>();

function tableInfo(db: DB, table: string): TableInfo {
  let byTable = tableInfoCache.get(db);
  if (!byTable) tableInfoCache.set(db, (byTable = new Map()));
  let info = byTable.get(table);
  if (!info) {
    const rows = db.prepare('SELECT name, type, pk FROM pragma_table_info(?)').all(table) as { name: string; type: string; pk: number }[];
    const keys = rows.filter((r) => r.pk > 0);
    info = { cols: rows.map((r) => r.name), rowidColumn: keys.length === 1 && keys[0].type.toUpperCase() === 'INTEGER' ? keys[0].name : undefined };
    byTable.set(table, info);
  }
  return info;
}

const columnsOf = (db: DB, table: string): string[] => tableInfo(db, table).cols;

/** The number of the journaled table a column names (its place in JOURNALED_TABLES), or -1. */
const tableNumberOf = (col: string) => `CASE ${col} ${JOURNALED_TABLES.map((t, k) => `WHEN '${t}' THEN ${k}`).join(' ')} ELSE -1 END`;

/**
 * From how many changed rows an operation is large: its revert keeps its pages in memory, and
 * its undo runs without foreign keys (Store.writeWithoutForeignKeys). A setting, for tests to
 * try both ways.
 */
export const LARGE_OPERATION = { changes: 1000 };

/** SQL: the number of the last operation made, one a prune forgot too (the next is one more). */
export const LAST_OPERATION = `max(coalesce((SELECT max(id) FROM operations), 0), coalesce((SELECT max(CAST(ref AS INTEGER)) FROM retired_refs WHERE kind = 'operation'), 0))`;

/** SQL: the operations made after `@op` that still stand (not undone, nor an undo of one made after it). */
const STANDING = 'SELECT id FROM operations WHERE id > @op AND reverted_by IS NULL AND (reverts IS NULL OR reverts < @op)';

/** The tables whose rows' ids (`ref`) are retired when a row goes, and the kind of id each is in retired_refs. */
export const RETIRED_KINDS: Record<string, string | undefined> = { incidents: 'incident', checks: 'check' };

/**
 * The statement that keeps as retired (see retired_refs) the ids of the rows of `table` that
 * `where` picks out, before they go; none for a table whose rows have no such id. In the ids'
 * order: an import's, at random, took twice as long.
 */
export function retiringRefs(table: string, where: string): string | undefined {
  const kind = RETIRED_KINDS[table];
  return kind && `INSERT OR IGNORE INTO retired_refs (kind, ref) SELECT '${kind}', ref FROM ${table} WHERE ${where} ORDER BY ref`;
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
export function revertChanges(db: DB, op: number, self: number): void {
  const statement = statementCache(db);
  // In SQLite's own page cache of 2 MB: a large operation's pages spill to the log before the
  // end, which costs less than the fresh memory a cache of them all takes (the undo of an
  // import of 10,000 companies touched 8,700 pages more, 34 MB, with a cache of 128 MB).
  // The first change the operation made to each row, worked out by SQLite in a table of this
  // connection only: an import's hundred thousand changes never come into JavaScript.
  // Each table by its number (JOURNALED_TABLES's order; -1 for a name not there): a key of two
  // integers took 41 ms to build for the 109,000 changes of an import, a name and an integer 57.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS firsts (t INTEGER NOT NULL, row INTEGER NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (t, row)) WITHOUT ROWID');
  db.exec('DELETE FROM temp.firsts');
  statement(`INSERT OR IGNORE INTO temp.firsts (t, row, kind) SELECT ${tableNumberOf('tbl')}, row, kind FROM changes WHERE op = ? ORDER BY seq`).run(op);
  // Every table the operation changed, and whether it made rows there: one pass, in the key's order.
  const tables = statement("SELECT t, max(kind = 'i') AS made FROM temp.firsts GROUP BY t").all() as { t: number; made: number }[];
  if (tables.some((r) => r.t < 0)) {
    const { tbl } = statement(`SELECT tbl FROM changes WHERE op = ? AND ${tableNumberOf('tbl')} < 0 LIMIT 1`).get(op) as { tbl: string };
    throw new Error(`the journal names an unknown table ${tbl}`);
  }
  // The changes to rows that stood before the operation, to replay backwards.
  // (Looked up among those rows only: an import's changes are nearly all first inserts.)
  const before = statement(
    `SELECT c.seq, c.tbl, c.row, c.kind FROM changes c
     WHERE c.op = ? AND (${tableNumberOf('c.tbl')}, c.row) IN (SELECT t, row FROM temp.firsts WHERE kind <> 'i') ORDER BY c.seq`,
  ).all(op) as Change[];
  const created = new Set(tables.filter((r) => r.made).map((r) => JOURNALED_TABLES[r.t] as string));
  try {
    db.transaction(() => {
      replay(db, statement, before);
      for (const table of [...CHILDREN_FIRST, ...[...created].filter((t) => !CHILDREN_FIRST.includes(t))]) {
        if (created.has(table)) deleteCreated(db, statement, table, self);
      }
    })();
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') !== true) throw err;
    replay(db, statement, db.prepare('SELECT seq, tbl, row, kind FROM changes WHERE op = ? ORDER BY seq').all(op) as Change[]);
  }
}

/**
 * The incidents (their row ids) of which the last revert on this connection put back a row
 * changed or deleted (read from its first changes, still in temp.firsts): the incident's own
 * row, or one of its events.
 */
export function incidentsPutBack(db: DB): number[] {
  const rows = db
    .prepare(
      `SELECT row AS id FROM temp.firsts WHERE t = ? AND kind <> 'i'
       UNION SELECT e.incident_id FROM temp.firsts f JOIN events e ON e.id = f.row WHERE f.t = ? AND f.kind <> 'i'`,
    )
    .all(JOURNALED_TABLES.indexOf('incidents'), JOURNALED_TABLES.indexOf('events')) as { id: number }[];
  return rows.map((r) => r.id);
}

/**
 * Whether the last revert on this connection put back a company under a name that is an alias
 * now, or an alias that names a company now (of another company, or of the same): a name is one
 * company's, which no unique index of either table sees across the two.
 */
export function namePutBackTaken(db: DB): boolean {
  const row = db
    .prepare(
      `SELECT 1 FROM temp.firsts f JOIN companies c ON c.id = f.row JOIN aliases a ON a.key = c.key WHERE f.t = ? AND f.kind <> 'i'
       UNION ALL SELECT 1 FROM temp.firsts f JOIN aliases a ON a.rowid = f.row JOIN companies c ON c.key = a.key WHERE f.t = ? AND f.kind <> 'i'
       LIMIT 1`,
    )
    .get(JOURNALED_TABLES.indexOf('companies'), JOURNALED_TABLES.indexOf('aliases'));
  return row !== undefined;
}

/**
 * Where the last revert on this connection made a company a subsidiary of its own subsidiary
 * (a company it put back under its parent as it was, in a loop of parents since): the link of
 * that loop made since, a company not put back and its parent, to be taken back; undefined
 * when there is no loop. (Each company is walked up once: a loop met higher up ends the walk.)
 */
export function parentLoopPutBack(db: DB): { company: string; parent: string } | undefined {
  return db
    .prepare(
      `WITH RECURSIVE back(id) AS (SELECT row FROM temp.firsts WHERE t = @t AND kind <> 'i'),
       up(start, id) AS (
         SELECT c.id, c.parent_id FROM back JOIN companies c ON c.id = back.id WHERE c.parent_id IS NOT NULL
         UNION SELECT up.start, c.parent_id FROM up JOIN companies c ON c.id = up.id WHERE c.parent_id IS NOT NULL AND up.id <> up.start),
       looped AS (SELECT start FROM up WHERE id = start LIMIT 1)
       SELECT c.name AS company, p.name AS parent FROM up JOIN looped ON looped.start = up.start
         JOIN companies c ON c.id = up.id JOIN companies p ON p.id = c.parent_id
       ORDER BY up.id IN (SELECT id FROM back), c.id LIMIT 1`,
    )
    .get({ t: JOURNALED_TABLES.indexOf('companies') }) as { company: string; parent: string } | undefined;
}

/**
 * An id of an incident or a check that reverting `op` would put back, held now by another
 * record, whatever the case of its letters (ids are looked up so): that record's id, and the
 * operation that made it, when the journal still has it; undefined when there is none.
 */
export function idTakenSince(db: DB, op: number): { what: 'incident' | 'check'; id: string; holder: string; by: number | undefined } | undefined {
  for (const [table, what] of [['incidents', 'incident'], ['checks', 'check']] as const) {
    const row = db
      .prepare(
        `SELECT json_extract(c.old, '$.ref') AS id, x.ref AS holder, x.id AS holderRow FROM changes c
           JOIN ${table} x ON x.ref = json_extract(c.old, '$.ref') COLLATE NOCASE AND x.id <> c.row
         WHERE c.op = ? AND c.tbl = '${table}' AND c.kind <> 'i' LIMIT 1`,
      )
      .get(op) as { id: string; holder: string; holderRow: number } | undefined;
    if (row) {
      const made = db.prepare(`SELECT op FROM changes WHERE tbl = '${table}' AND row = ? AND kind = 'i' ORDER BY seq DESC LIMIT 1`).get(row.holderRow) as { op: number } | undefined;
      return { what, id: row.id, holder: row.holder, by: made?.op };
    }
  }
  return undefined;
}

/** A name that reverting an operation would bring back, held now by another record (see nameTakenSince). */
export interface NameTaken {
  /** What the revert would bring back under the name: a company, or an alias of one. */
  what: 'company' | 'alias';
  /** The name, as the revert would bring it back. */
  name: string;
  /** The company that has the name now: as its own name, or as `alias`, an alias of it. */
  holder: string;
  alias: string | undefined;
  /** The operation that gave the holder that name, when the journal still has it. */
  by: number | undefined;
}

/**
 * A company name or an alias that reverting `op` would bring back, held now by another record
 * (a name is one company's, as its name or an alias, however its letters are written: they are
 * compared by key), and the operation that gave it that name; undefined when there is none.
 * A row the revert puts back as it was, or removes, holds nothing in its way.
 */
export function nameTakenSince(db: DB, op: number): NameTaken | undefined {
  // Only a change made since can have given the name (the undo of the last one asks no more).
  if (!db.prepare(`${STANDING} LIMIT 1`).get({ op })) return undefined;
  const row = db
    .prepare(
      `WITH mine AS (SELECT tbl, row, min(seq) AS seq FROM changes WHERE op = @op AND tbl IN ('companies', 'aliases') GROUP BY tbl, row),
       back AS (SELECT c.tbl, c.row, json_extract(c.old, '$.name') AS name, json_extract(c.old, '$.key') AS key FROM mine JOIN changes c ON c.seq = mine.seq WHERE c.kind <> 'i')
       SELECT back.tbl, back.name, 'companies' AS heldIn, x.id AS heldBy, x.name AS holder, NULL AS alias, x.key FROM back JOIN companies x ON x.key = back.key
         WHERE x.id NOT IN (SELECT row FROM mine WHERE tbl = 'companies')
       UNION ALL
       SELECT back.tbl, back.name, 'aliases', a.id, x.name, a.name, a.key FROM back JOIN aliases a ON a.key = back.key JOIN companies x ON x.id = a.company_id
         WHERE a.id NOT IN (SELECT row FROM mine WHERE tbl = 'aliases')
       LIMIT 1`,
    )
    .get({ op }) as { tbl: string; name: string; heldIn: string; heldBy: number; holder: string; alias: string | null; key: string } | undefined;
  if (!row) return undefined;
  // The last change that made the row or gave it the name it has.
  const made = db
    .prepare(`SELECT op FROM changes WHERE tbl = ? AND row = ? AND (kind = 'i' OR json_extract(old, '$.key') IS NOT ?) ORDER BY seq DESC LIMIT 1`)
    .get(row.heldIn, row.heldBy, row.key) as { op: number } | undefined;
  return { what: row.tbl === 'companies' ? 'company' : 'alias', name: row.name, holder: row.holder, alias: row.alias ?? undefined, by: made?.op };
}

/**
 * Sets, after `target` was reverted (its `reverted_by` the revert), whether each operation down
 * the chain of undos it ends stands: one is undone by the one above it while that one stands,
 * and stands again once that one is undone. A removal undone, redone and undone again is undone
 * by its first undo, which stands again (the redo of it undone); undone once more, by no one.
 * The walk ends where a prune forgot the rest of the chain. (See the migration that settles the
 * chains kept before, MIGRATIONS.)
 */
export function settleUndone(db: DB, target: Operation): void {
  const read = db.prepare('SELECT reverts, reverted_by FROM operations WHERE id = ?');
  const set = db.prepare('UPDATE operations SET reverted_by = ? WHERE id = ?');
  const changed = db.prepare('SELECT 1 FROM changes WHERE op = ? LIMIT 1');
  let above = target.id;
  let aboveStands = false;
  // Down the chain only: each undoes one made before it (a damaged journal naming a later one, or
  // itself, would otherwise be walked round for ever).
  for (let below = target.reverts; below !== null && below < above; ) {
    const row = read.get(below) as { reverts: number | null; reverted_by: number | null } | undefined;
    if (!row) break;
    // Undone by the one above while it stands; once that is undone, by none (or by another, which
    // no undo lets there be: an operation undone is not undone again until its undo is).
    const by: number | null = aboveStands ? above : row.reverted_by === above ? null : row.reverted_by;
    // An undo that found the record as it was already (it changed nothing) put nothing back that
    // its own undo would take away again: a change below it that changed the record stays as it
    // is. (Undos that changed nothing, above it, are set as any other: they say no more than that.)
    if (changed.get(above) === undefined && changed.get(below) !== undefined) break;
    if (by !== row.reverted_by) set.run(by, below);
    aboveStands = by === null;
    above = below;
    below = row.reverts;
  }
}

/** Thrown by a revert run with foreign keys off (see Store.writeWithoutForeignKeys) that needs them. */
export class ForeignKeysNeeded extends Error {
  constructor() {
    super('this revert needs the foreign keys on');
  }
}

/**
 * Deletes the rows of `table` an operation created (those temp.firsts gives as first inserted),
 * journaled as operation `self`. The journal gets what the
 * delete trigger writes, a change of kind 'd' with the whole row, but written by one statement
 * over all the rows: a trigger run per row costs the most of undoing a large import. The
 * trigger is set aside for that statement and put back, in the same transaction. When a row
 * that stays refers to one of them (so that the delete would cascade to it or set its
 * reference to null), the trigger journals the delete as usual.
 */
function deleteCreated(db: DB, statement: (sql: string) => Statement, table: string, self: number): void {
  const t = (JOURNALED_TABLES as readonly string[]).indexOf(table);
  // Every row the table holds is one the operation made (the undo of an import into a new
  // record): the rows are then picked out by no list of them, and deleted by one statement
  // without a condition, which SQLite does by dropping the table's pages (foreign keys off)
  // rather than a row at a time. For the events of an import of 10,000 companies, 11 ms
  // against 75. The rows it made that are there are counted among the table's (not those it
  // made and removed again), so that the counts agree only when the rows do.
  const there = statement(`SELECT count(*) AS n FROM temp.firsts f JOIN ${table} x ON x.rowid = f.row WHERE f.t = ? AND f.kind = 'i'`).get(t) as { n: number };
  const whole = there.n === (statement(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  let rows = '1';
  if (!whole) {
    // The rows, in a table of this connection only (in memory), for the statements below to look up.
    db.exec('CREATE TEMP TABLE IF NOT EXISTS doomed (row INTEGER PRIMARY KEY); DELETE FROM temp.doomed');
    statement("INSERT INTO temp.doomed (row) SELECT row FROM temp.firsts WHERE t = ? AND kind = 'i'").run(t);
    rows = 'rowid IN temp.doomed';
  }
  const del = statement(`DELETE FROM ${table}${whole ? '' : ` WHERE ${rows}`}`);
  // The ids of incidents and checks it made are never handed out again: a redo of this undo brings them back.
  const retire = retiringRefs(table, rows);
  if (retire) statement(retire).run();
  if (referredToByOthers(db, statement, table, whole)) {
    // The delete must cascade, or set references to null: that is the foreign keys' work.
    if (!db.pragma('foreign_keys', { simple: true })) throw new ForeignKeysNeeded();
    del.run();
    return;
  }
  const cols = columnsOf(db, table);
  db.exec(`DROP TRIGGER journal_${table}_delete`);
  statement(
    `INSERT INTO changes (op, tbl, row, kind, company, old)
     SELECT ?, '${table}', rowid, 'd', ${journalCompanyOf(table, cols, table)}, ${journalOldOf(cols, table)}
     FROM ${table} WHERE ${rows} ORDER BY rowid`,
  ).run(self);
  // With no digest left to drop (a large revert drops them all first), the trigger that
  // drops an incident's digest is set aside too: run for each event deleted, it took 30 ms of
  // the undo of an import of 80,000 events. Where digests are kept, it drops theirs as usual.
  const digestsSetAside = table === 'events' && !statement('SELECT 1 FROM digests LIMIT 1').get();
  if (digestsSetAside) db.exec(`DROP TRIGGER ${DIGESTS_EVENT_DELETE_NAME}`);
  del.run();
  if (digestsSetAside) db.exec(DIGESTS_EVENT_DELETE);
  installJournalTriggers(db, [table]);
}

/**
 * Whether a journaled row that stays refers to one of the rows of `table` to be deleted: those
 * in temp.doomed, or, when every row of it goes (`whole`), any of them.
 */
function referredToByOthers(db: DB, statement: (sql: string) => Statement, table: string, whole: boolean): boolean {
  for (const { child, col, target } of referencesTo(db, table)) {
    // An empty table refers to nothing. Asked first, as the query below makes the list of
    // the doomed rows' keys before it looks at the other table: 27 ms of the undo of an
    // import into a new database, whose other tables were empty by then.
    if (child !== table && !statement(`SELECT 1 FROM ${child} LIMIT 1`).get()) continue;
    if (whole) {
      // No row of the table stays to refer to another; a row of another table that refers to any row refers to one that goes.
      if (child !== table && statement(`SELECT 1 FROM ${child} WHERE ${col} IS NOT NULL LIMIT 1`).get()) return true;
      continue;
    }
    const refersTo = target === null ? `c.${col} IN temp.doomed` : `c.${col} IN (SELECT t.${target} FROM ${table} t WHERE t.rowid IN temp.doomed)`;
    const others = child === table ? ' AND c.rowid NOT IN temp.doomed' : '';
    if (statement(`SELECT 1 FROM ${child} c WHERE ${refersTo}${others} LIMIT 1`).get()) return true;
  }
  return false;
}

interface Reference {
  child: string;
  col: string;
  target: string | null;
}
const referencesCache = new WeakMap<DB, Map<string, Reference[]>>();

/**
 * The journaled tables' foreign keys to `table`, read from the schema once a connection:
 * asked of SQLite for every pair of tables at each delete, they took 30 ms of the undo of an
 * import.
 */
function referencesTo(db: DB, table: string): Reference[] {
  let byTable = referencesCache.get(db);
  if (!byTable) {
    byTable = new Map();
    for (const child of JOURNALED_TABLES) {
      const keys = db.prepare(`SELECT "table" AS parent, "from" AS col, "to" AS target FROM pragma_foreign_key_list('${child}')`).all() as { parent: string; col: string; target: string | null }[];
      for (const k of keys) {
        const list = byTable.get(k.parent) ?? [];
        list.push({ child, col: k.col, target: k.target });
        byTable.set(k.parent, list);
      }
    }
    referencesCache.set(db, byTable);
  }
  return byTable.get(table) ?? [];
}

/** The tables a bulk insert journals itself (see BulkInserts). */
const BULK_TABLES = ['companies', 'aliases', 'checks', 'incidents', 'events'];

/**
 * A bulk insert (an import: it only inserts and updates) within operation `op`, with the rows
 * it inserts into BULK_TABLES journaled by one statement per table at its end, rather than
 * by a trigger run per row (the most of a large import's time). The store calls `begin`
 * before each insert into those tables: the first sets their insert triggers aside (an
 * import that inserts nothing so leaves the database byte for byte as it was). A new row's
 * rowid is above every one its table ever gave (AUTOINCREMENT), and the import removes none,
 * so the rows inserted are those above the largest before the first. At `end`, the changes the other triggers wrote meanwhile (updates; pins) are
 * moved after those inserts, in their order, so that each row's insert comes before its
 * updates, as the journal has it; and the triggers are put back, in the same transaction.
 */
export class BulkInserts {
  private largest: number[] | undefined;
  private before = 0;
  private readonly statement: (sql: string) => Statement;

  constructor(
    private readonly db: DB,
    private readonly op: number,
  ) {
    this.statement = statementCache(db);
  }

  private lastSeq(): number {
    return this.statement('SELECT coalesce(max(seq), 0) FROM changes').pluck().get() as number;
  }

  begin(): void {
    if (this.largest) return;
    this.largest = BULK_TABLES.map((t) => this.statement(`SELECT coalesce(max(rowid), 0) FROM ${t}`).pluck().get() as number);
    this.before = this.lastSeq();
    for (const t of BULK_TABLES) this.db.exec(`DROP TRIGGER journal_${t}_insert`);
  }

  end(): void {
    const largest = this.largest;
    if (!largest) return;
    const { db, op, statement } = this;
    if (statement(`SELECT 1 FROM changes WHERE op = ? AND kind = 'd' AND tbl IN (${BULK_TABLES.map((t) => `'${t}'`).join(', ')}) LIMIT 1`).get(op)) {
      throw new Error('a bulk insert deleted rows: its inserts cannot be told by their rowids');
    }
    const meanwhile = this.lastSeq();
    const newIncidents = largest[BULK_TABLES.indexOf('incidents')];
    BULK_TABLES.forEach((t, k) => {
      // An event of an incident this insert made names no company: the incident's own change
      // names it for the operation (and looking it up for each of 80,000 events took 20 ms).
      const own = journalCompanyOf(t, columnsOf(db, t), t);
      const company = t === 'events' ? `CASE WHEN events.incident_id > ${newIncidents} THEN NULL ELSE ${own} END` : own;
      statement(`INSERT INTO changes (op, tbl, row, kind, company) SELECT ?, '${t}', rowid, 'i', ${company} FROM ${t} WHERE rowid > ? ORDER BY rowid`).run(op, largest[k]);
    });
    statement('INSERT INTO changes (op, tbl, row, kind, company, old) SELECT op, tbl, row, kind, company, old FROM changes WHERE seq > ? AND seq <= ? ORDER BY seq').run(this.before, meanwhile);
    statement('DELETE FROM changes WHERE seq > ? AND seq <= ?').run(this.before, meanwhile);
    installJournalTriggers(db, BULK_TABLES);
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
      const rows = 'rowid IN (SELECT row FROM changes WHERE seq BETWEEN ? AND ?)';
      // As deleteCreated does: the ids of the incidents and checks it removes are not given again.
      const retire = retiringRefs(table, rows);
      if (retire) statement(retire).run(lo, hi);
      statement(`DELETE FROM ${table} WHERE ${rows}`).run(lo, hi);
    } else if (first.kind === 'd') {
      // Each row back under the rowid it had: the journal's later changes name it by that (an
      // alias's change kept before aliases had an id of their own holds none but that).
      const rowid = tableInfo(db, table).rowidColumn;
      const [into, from] = rowid ? [cols, cols.map((c) => (c === rowid ? 'row' : value(c)))] : [['rowid', ...cols], ['row', ...cols.map(value)]];
      statement(`INSERT INTO ${table} (${into.join(', ')}) SELECT ${from.join(', ')} FROM changes WHERE seq BETWEEN ? AND ? ORDER BY seq DESC`).run(lo, hi);
    } else {
      // A counter a revert never takes back keeps the larger of its two values; the row's id,
      // which no change changes, is left as it is (an alias's change kept before aliases had an
      // id of their own holds none).
      const back = (c: string) => (COUNTERS[table]?.includes(c) ? `max(${table}.${c}, ${value(c)})` : value(c));
      const set = cols.filter((c) => c !== tableInfo(db, table).rowidColumn);
      statement(`UPDATE ${table} SET (${set.join(', ')}) = (SELECT ${set.map(back).join(', ')} FROM changes WHERE seq = ?) WHERE rowid = ?`).run(first.seq, first.row);
    }
    i = j;
  }
}

/**
 * The companies an operation touched, before or after it (for the verdict cache): a query
 * of the operation's id, given twice.
 */
export const COMPANIES_TOUCHED = `SELECT company FROM changes WHERE op = ? AND company IS NOT NULL
  UNION SELECT json_extract(old, '$.company_id') FROM changes WHERE op = ? AND kind = 'u' AND tbl <> 'companies'`;

/**
 * The rows a revert of an operation would point back to: the parent rows named by the old values
 * it puts back (a company an incident was moved from, say), as (table, row) pairs.
 */
const REFERRED_BACK = `
  SELECT 'companies' AS tbl, json_extract(old, '$.company_id') AS row FROM changes WHERE op = @op AND kind <> 'i' AND tbl IN ('incidents', 'checks', 'pins', 'aliases')
  UNION SELECT 'companies', json_extract(old, '$.parent_id') FROM changes WHERE op = @op AND kind <> 'i' AND tbl = 'companies'
  UNION SELECT 'incidents', json_extract(old, '$.incident_id') FROM changes WHERE op = @op AND kind <> 'i' AND tbl IN ('events', 'attachments')
  UNION SELECT 'events', json_extract(old, '$.event_id') FROM changes WHERE op = @op AND kind <> 'i' AND tbl = 'attachments'`;

/**
 * Later operations, still standing, in the way of reverting `op`: those that changed a row it
 * changed, those that removed a row its revert would point back to (the revert would then
 * point at nothing, or at another record given that row's id since), and those that made a row
 * point at one it made (an incident moved to a company it made, an event added to an incident
 * it made): its revert would remove that row too, or leave it pointing at nothing.
 */
export function laterChangesTo(db: DB, op: number): number[] {
  if (!db.prepare(`${STANDING} LIMIT 1`).get({ op })) return [];
  // A row of a later operation (made or changed by it) that points at a row this one made:
  // looked for among the tables it made rows in (an edit made none).
  const made = new Set((db.prepare("SELECT DISTINCT tbl FROM changes WHERE op = @op AND kind = 'i'").all({ op }) as { tbl: string }[]).map((r) => r.tbl));
  const pointing = JOURNALED_TABLES.filter((parent) => made.has(parent)).flatMap((parent) =>
    referencesTo(db, parent).map(({ child, col, target }) => {
      const rows = `SELECT row FROM changes WHERE op = @op AND tbl = '${parent}' AND kind = 'i'`;
      const key = target === null || target === tableInfo(db, parent).rowidColumn ? rows : `SELECT ${target} FROM ${parent} WHERE rowid IN (${rows})`;
      // Of the later changes to such a row, the one that made it point there: the last that
      // made the row, or changed that reference (an edit of its title since is not in the way).
      return `SELECT setter FROM (
             SELECT (SELECT s.op FROM changes s WHERE s.tbl = '${child}' AND s.row = x.rowid AND s.op IN standing
                       AND (s.kind = 'i' OR json_extract(s.old, '$.${col}') IS NOT x.${col}) ORDER BY s.seq DESC LIMIT 1) AS setter
             FROM changes later JOIN ${child} x ON x.rowid = later.row
             WHERE later.op IN standing AND later.tbl = '${child}' AND later.kind <> 'd' AND x.${col} IN (${key}))
           WHERE setter IS NOT NULL`;
    }),
  );
  return (
    db
      .prepare(
        `WITH standing AS (${STANDING})
         SELECT later.op AS id FROM changes mine JOIN changes later ON later.tbl = mine.tbl AND later.row = mine.row AND later.op > mine.op
           WHERE mine.op = @op AND later.op IN standing
         UNION
         SELECT later.op FROM (${REFERRED_BACK}) back JOIN changes later ON later.tbl = back.tbl AND later.row = back.row AND later.kind = 'd'
           WHERE later.op > @op AND later.op IN standing
         ${pointing.map((q) => `UNION ${q}`).join('\n')}
         ORDER BY 1`,
      )
      .all({ op }) as { id: number }[]
  ).map((r) => r.id);
}
