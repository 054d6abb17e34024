// The only place that speaks SQL. Queries are named for what they mean; every write a
// command makes runs inside `write()`, one immediate transaction.

import type { Statement } from 'better-sqlite3';
import { createFilled, digestsKey, inspectHeader, openDatabase, openMemoryDatabase, openUpgradedCopy, beginImmediate, withReadOnlyCompanion, type DB, type OpenOptions } from './open.js';
import { DIGESTS_EVENT_INSERT, DIGESTS_EVENT_INSERT_NAME, SCHEMA_VERSION, UNWORDED, VERDICTS_LISTING_INDEX, VERDICTS_LISTING_INDEX_NAME } from './schema.js';
import { companyKey, compareBytes, lookalikeSkeleton } from '../domain/names.js';
import { EVENT_FIELDS_AFTER_TYPE, eventContentKey, eventMomentKey, withEventFields, MAX_EVENT_NUMBER } from '../domain/events.js';
import { msOf } from '../domain/dates.js';
import { OWING_TEXT_START, digestFromText, digestOf, digestText, listedText, type Digest, type DigestedIncident, type IncidentWithListedText } from '../domain/digest.js';
import type { CheckRecord, CheckVerdict, CompanyEvidence, CompanyFacts, Fault, Incident, IncidentEvent, ListName, Pin } from '../domain/types.js';
import { t } from '../i18n/index.js';
import { UserError } from '../errors.js';
import { RowsAtOnce } from './rows-at-once.js';
import { savedChanges } from '../saved-changes.js';
import { BulkInserts, COMPANIES_TOUCHED, ForeignKeysNeeded, LARGE_OPERATION, LAST_OPERATION, RETIRED_KINDS, incidentsPutBack, idTakenSince, laterChangesTo, nameTakenSince, namePutBackTaken, parentLoopPutBack, retiringRefs, revertChanges, settleUndone, type Operation } from './journal.js';

export type { Operation } from './journal.js';
export { IMPORT_MAP_BYTES, NoDatabase, type OpenOptions } from './open.js';

/** A command line as a person would type it again: arguments with spaces or quotes are quoted. */
export function commandLine(args: string[]): string {
  const quote = (a: string) => (/^[\w@%+=:,./#-]+$/u.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return ['vetted', ...args.map(quote)].join(' ');
}
import { retryBusy } from './busy.js';

export interface CompanyRow {
  id: number;
  name: string;
  key: string;
  parent_id: number | null;
  website: string | null;
  category: string | null;
  created_at: string;
}

/** The last ids of companies and aliases at some moment (an import's start): rows made since have larger ones. */
export interface RowsBefore {
  company: number;
  alias: number;
}

export interface CompanySummary extends CompanyRow {
  checks: number;
  incidents: number;
  open_incidents: number;
  parent: string | null;
  aliases: string[];
}

export interface StoredAnswer {
  question: string;
  answer: string;
  score: number | null;
  note?: string;
}

/** What a check found, to tell it from another made at the same time: question id to answer, and to note. */
export interface CheckContent {
  answers: Record<string, string>;
  notes?: Record<string, string>;
}

export interface NewCheck {
  /** A stable id to keep (from a data file); else the next free `<slug>-check-<n>`. */
  ref?: string;
  /** The slug of a new id: its company's name as a page gives it (refSlugOf, made by the caller:
   * the store builds no expressions of redaction, which every command would then build as it starts). */
  slug: string;
  companyId: number;
  checklist: string;
  checklistVersion: number;
  at: string;
  lang: string | null;
  score: number;
  verdict: CheckVerdict;
  dealbreakers: string[];
  answers: StoredAnswer[];
}

export interface StoredCheck extends CheckRecord {
  company_id: number;
  lang: string | null;
  dealbreakers: string[];
  answers: StoredAnswer[];
}

interface IncidentRow {
  id: number;
  ref: string;
  company_id: number;
  company: string;
  title: string;
  opened: string;
  fault: Fault;
  closed: string | null;
}

/** An incident's row with the text of its digest kept (a DigestPart of it), null where none is kept. */
type DigestRow = IncidentRow & { digest: string | null };
/** Which text of a digest a row is read with: the digest (digestText's), or what `incident list` reads of it (listedText's). */
type DigestPart = 'digest' | 'listed';

/**
 * An incident's columns, read as an array and made an object by incidentRowOf: the binding sets
 * an object's fields one by one, which took a third of the time of reading every incident.
 */
const INCIDENT_COLUMNS = 'i.id, i.ref, i.company_id, c.name, i.title, i.opened, i.fault, i.closed';
type IncidentTuple = [id: number, ref: string, companyId: number, company: string, title: string, opened: string, fault: Fault, closed: string | null, digest?: string | null];

/**
 * The operation that last made a company (`c.row`, its id) and stands, an undo's putting one
 * back aside: 0 when the journal has forgotten it. (A company made and undone since, under an
 * id another had before and has again, is not its making.)
 */
const MADE = `SELECT coalesce(max(c.op), 0) FROM changes c JOIN operations x ON x.id = c.op AND x.reverts IS NULL AND x.reverted_by IS NULL WHERE c.tbl = 'companies' AND c.kind = 'i'`;

/** The row of INCIDENT_COLUMNS (and the digest after them, where read). */
function incidentRowOf(t: unknown[]): DigestRow {
  const [id, ref, company_id, company, title, opened, fault, closed, digest] = t as IncidentTuple;
  return { id, ref, company_id, company, title, opened, fault, closed, digest: digest ?? null };
}

/**
 * An incident's own fields, from its row, with `more` (its events, or its digest). Built
 * field by field: spreading such an object into another, at every one of 14,000 incidents,
 * took ten times as long (40–60 ms against 3–8).
 */
function incidentOfRow<T extends object>(r: IncidentRow, more: T): Omit<Incident, 'events'> & { rowId: number; companyId: number } & T {
  const incident: Omit<Incident, 'events'> & { rowId: number; companyId: number } = {
    rowId: r.id,
    companyId: r.company_id,
    id: r.ref,
    company: r.company,
    title: r.title,
    opened: r.opened,
    fault: r.fault,
  };
  if (r.closed) incident.closed = r.closed;
  return Object.assign(incident, more);
}

type CheckTuple = [companyId: number, ref: string, checklist: string, version: number, at: string, atMs: number, score: number, verdict: CheckVerdict, dealbreakers: string, rowId: number];

/** A database that cannot be written just now (read-only, busy, full): a cache waits for next time. */
export function isUnwritable(err: unknown): boolean {
  return /^SQLITE_(READONLY|BUSY|LOCKED|FULL|CANTOPEN|IOERR)/.test((err as { code?: string }).code ?? '');
}

interface EventRow {
  incident_id: number;
  seq: number;
  at: string;
  type: string;
  data: string;
}

/** The content key (eventContentKey) of an event as stored: how an event logged before is known again. */
const storedEventKey = (r: Pick<EventRow, 'at' | 'type' | 'data'>) => eventContentKey({ at: r.at, type: r.type, ...JSON.parse(r.data) } as IncidentEvent);

/** The columns of an event that make it, read as an array (see Store.rows). */
const EVENT_COLUMNS = 'SELECT incident_id, seq, at, type, data FROM events';
type EventTuple = [incidentId: number, seq: number, at: string, type: string, data: string];

export interface NewIncident {
  /** The number the incident's events were counted up to (when they are inserted with their own). */
  lastSeq?: number;
  ref: string;
  companyId: number;
  title: string;
  opened: string;
  fault: Fault;
  closed?: string;
}

/** Whether an existing database is of an older schema (and so is backed up before it is opened). `namedBy`: see OpenOptions. */
export function needsMigration(path: string, namedBy?: string): boolean {
  const { isNew, version } = inspectHeader(path, 'database', namedBy);
  return !isNew && version > 0 && version < SCHEMA_VERSION;
}

/** What a write tells the journal about itself. */
export interface OperationInfo<T = unknown> {
  /** One line saying what changed, for `vetted history`; may be worked out from the result. */
  summary: string | ((result: T) => string);
  /** The operation this one reverts (an undo). */
  reverts?: number;
}

/** The order listings give incidents in: by company name, then opening, then id. */
const INCIDENT_ORDER = 'ORDER BY c.key, i.opened_ms, i.ref';

/**
 * An operation (`o`) that `undo` walks back: in effect, and not an undo, but for a redo (an undo
 * of an undo) whose change was forgotten by `history prune` (with the undo it undid, or not: its
 * summary says it was a redo): the change stands again by it alone, and `undo` takes it back
 * through it (a redo of a change still there stands by that change).
 */
const UNDOABLE = `o.reverted_by IS NULL AND (o.reverts IS NULL OR EXISTS (SELECT 1 FROM operations u WHERE u.id = o.reverts AND u.reverts IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM operations x WHERE x.id = u.reverts))
  OR (NOT EXISTS (SELECT 1 FROM operations u WHERE u.id = o.reverts) AND json_valid(o.summary) AND json_extract(o.summary, '$.of.k') = 'undo'))`;

/** Every incident, company by company in name order (CROSS JOIN keeps that order): in INCIDENT_ORDER, only each one's few are sorted. */
const EVERY_INCIDENT = 'FROM companies c CROSS JOIN incidents i ON i.company_id = c.id';
const EVERY_INCIDENT_IN_ORDER = `${EVERY_INCIDENT} ${INCIDENT_ORDER}`;

/**
 * The incidents to be filtered to the unclosed ones, driven from the incidents (CROSS JOIN):
 * read once, then sorted. From the companies in name order, each one's incidents were sought
 * in the index and a closed one's row read only to be left out (twice as long at 100,000 companies).
 */
const UNCLOSED_INCIDENTS = 'FROM incidents i CROSS JOIN companies c ON c.id = i.company_id';

/**
 * The incidents `due` reads: those not closed, and the closed ones with a promise made after a
 * resolution, which may still be owed (a fix does not settle a promise made after it). A wider
 * set than the owed: the digest says which are (the fix is the last resolution, by the minute).
 * Two days wider still: a time written without its offset was stored as the moment it was in the
 * zone it was written in, which the digest, worked out in the reader's, may put a day either side.
 */
const OWING = `(i.closed IS NULL OR EXISTS (SELECT 1 FROM events p WHERE p.incident_id = i.id AND p.type = 'promise'
  AND p.at_ms > (SELECT min(r.at_ms) FROM events r WHERE r.incident_id = i.id AND r.type = 'resolution') - ${2 * 86_400_000}))`;

/**
 * Which incidents a listing reads: every one, those not closed, those `due` reads (OWING), or
 * those its calendar reads: of those, the ones with a promise that may be owed (Digest.owing). By
 * their rows and events alone (WHICH: the read by batches, where a digest is missing, reads them
 * all), or, every digest kept (DIGESTED_WHICH, `d` the digest's row), by the digest's `owing` in
 * place of OWING's look at the events of every closed incident (at 10,000 companies the
 * calendar's read took 12 ms against 28):
 * the incidents owedReport gives a report of, broken or coming due, are among them.
 */
type IncidentsRead = 'all' | 'unclosed' | 'owing' | 'promises-owed';
const WHICH = { unclosed: 'i.closed IS NULL', owing: OWING, 'promises-owed': OWING } as const;
/** (The start of the text: the rest of it is not read.) */
const OWES = `substr(d.digest, 1, ${OWING_TEXT_START.length}) = '${OWING_TEXT_START}'`;
const DIGESTED_WHICH = { unclosed: WHICH.unclosed, owing: `(i.closed IS NULL OR ${OWES})`, 'promises-owed': OWES } as const;

/** The most events of new timelines inserted by one statement (see Store.addNewTimeline). */
const TIMELINE_ROWS = 64;

/** Verdicts written by one statement. */
const VERDICT_ROWS = 50;

/** A cached verdict as it stands: its entry (JSON text), list, the company's name key then, and until when it holds. */
export interface CachedEntry {
  entry: string;
  list: string;
  key: string;
  validUntil: number | null;
}

/**
 * What a cached verdict's row carries of the policy key it was judged under: its last part, from
 * its last colon, the words of its texts (see wordsKey). The whole key is kept once, with the
 * moment they were judged (verdicts_judged): a change of policy judges every company again, and
 * leaves the row of one judged to the entry it had as it is, texts and all.
 */
function wordsOfKey(policyKey: string): string {
  return policyKey.slice(policyKey.lastIndexOf(':'));
}

export class Store {
  private statements = new Map<string, Statement>();
  private rawStatements = new Map<string, Statement>();
  /** The operation being written, for the journal's triggers. */
  private op: number | null = null;
  /** Whether a read begun by beginRead is open (a write ends it first). */
  private reading = false;
  /** A bulk insert under way (an import), which journals its inserts itself. */
  private bulk: BulkInserts | null = null;
  /** During a bulk insert: the incidents that got events, and those whose digest was kept since. */
  private bulkDigests: { touched: Set<number>; kept: Set<number> } | null = null;
  /** The operation the write under way has recorded, told once it is committed (savedChanges). */
  private recorded: number | null = null;
  /** During a bulk insert: the events of new timelines, inserted many to a statement (see addNewTimeline). */
  private pendingEvents: RowsAtOnce | null = null;
  /** The statements that name the events table: each inserts the pending events first. */
  private eventStatements = new Set<Statement>();
  /** The command line recorded with each operation. */
  command = commandLine(process.argv.slice(2));
  /** The clock operations are stamped with. */
  now: () => number = () => Date.now();

  /** Within handingOutIds: each prefix's number to try first, and the reserved ids in lower case. */
  private refRun: { next: Map<string, number>; lowered: (ids: ReadonlySet<string>) => Set<string> } | undefined;

  constructor(readonly db: DB, readonly path: string) {
    db.function('vetted_op', { deterministic: false }, () => this.op);
  }

  static open(path: string, options?: OpenOptions): Store {
    return new Store(openDatabase(path, options), path);
  }

  /** A new database at `path`, filled by `fill` before it is linked into place (see createFilled). */
  static createFilled<T>(path: string, options: OpenOptions, fill: (store: Store) => T): { value: T } | undefined {
    const saved = savedChanges().length;
    const made = createFilled(path, options, (db) => fill(new Store(db, path)));
    // Filled in a private file that another process's database took the place of, and thrown
    // away: its changes were never kept (their numbers are the other database's changes').
    if (!made) savedChanges().splice(saved);
    return made;
  }

  /** A store in memory, named after the file it stands in for. */
  static inMemory(path: string): Store {
    return new Store(openMemoryDatabase(), path);
  }

  /** A private copy of the database at `path`, upgraded there (see openUpgradedCopy). */
  static upgradedCopy(path: string, namedBy?: string): Store {
    return new Store(openUpgradedCopy(path, namedBy), path);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Begins one read of the database (ending the one begun before, if any), unless a write is
   * under way: what the caller reads next, until it writes, reads anew or the store closes, is
   * one state of the record, whatever other processes write meanwhile (they are not held up). A
   * listing checks the verdict cache and reads it within one: read apart, a write between the
   * two could drop a verdict just checked.
   */
  beginRead(): void {
    this.endRead();
    if (this.db.inTransaction) return;
    this.db.exec('BEGIN');
    this.reading = true;
  }

  /**
   * A number that differs from one call to the next when another process has changed the
   * database in between (SQLite's data_version): a change of this connection's own leaves it.
   */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** Ends the read begun by beginRead, if one is open: a write takes the lock afresh. */
  private endRead(): void {
    if (!this.reading) return;
    this.reading = false;
    if (this.db.inTransaction) this.db.exec('COMMIT');
  }

  /**
   * Runs `fn` as one immediate write transaction: all of it or none of it; taking the write
   * lock is retried while another process holds it, within a deadline. A change to the
   * user's record must say what it is (`op`): it is then journaled, as one operation, in the
   * same transaction; a write without one can change only caches (the journal refuses it).
   */
  write<T>(fn: () => T, op?: OperationInfo<T>): T {
    // A write inside an operation is part of it.
    const body = op && this.op === null ? () => this.journaled(fn, op) : fn;
    this.endRead();
    if (this.db.inTransaction) return this.db.transaction(body)();
    beginImmediate(this.db, this.path);
    try {
      const result = body();
      retryBusy(() => this.db.exec('COMMIT'));
      if (this.recorded !== null) savedChanges().push(this.recorded);
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      // A read-only -wal refuses the write only once it is written to.
      throw withReadOnlyCompanion(err, this.path);
    } finally {
      this.recorded = null;
    }
  }

  /**
   * A write, begun outside any transaction, with SQLite's foreign keys off: for undoing large
   * operations. Deleting an import's rows, SQLite looked up every row that might refer to each
   * one (an attachment to an event, say), which was most of the work, although a revert
   * deletes only rows nothing refers to and puts back every other row exactly as it was. A
   * revert that finds a row referring to one it deletes asks for the keys
   * (ForeignKeysNeeded), and every key is checked before the commit: either way the write is
   * rolled back and made again with the foreign keys on.
   */
  writeWithoutForeignKeys<T>(fn: () => T): T {
    this.endRead();
    if (this.db.inTransaction) return this.write(fn);
    this.db.pragma('foreign_keys = OFF');
    try {
      return this.write(() => {
        const result = fn();
        if ((this.db.pragma('foreign_key_check') as unknown[]).length) throw new ForeignKeysNeeded();
        return result;
      });
    } catch (err) {
      if (!(err instanceof ForeignKeysNeeded)) throw err;
    } finally {
      this.db.pragma('foreign_keys = ON');
    }
    return this.write(fn);
  }

  private journaled<T>(fn: () => T, op: OperationInfo<T>): T {
    // The operation's row is written at the end, and only when something changed: a
    // command that changes nothing (an import of a file imported before) leaves the
    // database byte for byte as it was. An undo is written all the same: the operation it
    // undid is marked undone by it, and a journal that names no such operation would send
    // a redo nowhere. (One that changed nothing found the record as its undo leaves it.)
    // Past every number handed out, those of operations a prune forgot too: an `undo --op N` said before names no other change.
    const id = (
      this.st(
        `SELECT ${LAST_OPERATION} + 1 AS id`,
      ).get() as { id: number }
    ).id;
    this.op = id;
    try {
      const result = fn();
      if (op.reverts === undefined && !this.changedAnything(id)) return result;
      const summary = typeof op.summary === 'function' ? op.summary(result) : op.summary;
      this.st('INSERT INTO operations (id, at, command, summary, reverts) VALUES (?, ?, ?, ?, ?)').run(
        id,
        new Date(this.now()).toISOString(),
        this.command,
        summary,
        op.reverts ?? null,
      );
      this.recorded = id;
      // The one place the verdict cache is invalidated: every company whose evidence the
      // operation changed, as the journal has it, before or after the change.
      // (With no verdict cached there is nothing to drop, and the journal is not read.)
      if (this.st('SELECT 1 FROM verdicts LIMIT 1').get()) this.st(`DELETE FROM verdicts WHERE company_id IN (${COMPANIES_TOUCHED})`).run(id, id);
      return result;
    } finally {
      this.op = null;
    }
  }

  // ---- the journal ----

  /** Operations, newest first (of one company when given). */
  operations(opts: { companyId?: number; limit?: number } = {}): Operation[] {
    const limit = opts.limit ?? -1;
    const cols = `o.*, (SELECT count(*) FROM changes c WHERE c.op = o.id) AS changes`;
    if (opts.companyId !== undefined) {
      // The company's own operations and those of every company merged into it (by a merge that
      // stands), whose evidence it holds now. Each company's since its making (an id of a company
      // removed may be another's since), a merged one's until its merge; a merge removes the
      // company merged, and gives the one it goes into the old name as an alias. (An operation
      // recorded by an older version has a summary in words, not JSON: no merge is found in it.)
      return this.st(
        `WITH RECURSIVE
           pairs(from_id, into_id, op) AS (
             SELECT d.company, (SELECT a.company FROM changes a WHERE a.op = o.id AND a.tbl = 'aliases' AND a.kind = 'i' LIMIT 1), o.id
             FROM operations o JOIN changes d ON d.op = o.id AND d.tbl = 'companies' AND d.kind = 'd'
             WHERE CASE WHEN json_valid(o.summary) THEN json_extract(o.summary, '$.k') END = 'merge' AND o.reverted_by IS NULL),
           merged(id, since, until) AS (
             SELECT @company, (${MADE} AND c.row = @company), 9e18
             UNION SELECT p.from_id, (${MADE} AND c.row = p.from_id AND c.op < p.op), p.op
             FROM pairs p JOIN merged m ON p.into_id = m.id AND p.op BETWEEN m.since AND m.until)
         SELECT ${cols} FROM operations o WHERE o.id IN (
           SELECT c.op FROM changes c JOIN merged m ON c.company = m.id AND c.op BETWEEN m.since AND m.until
           UNION SELECT c.op FROM changes c JOIN merged m ON c.kind = 'u' AND c.tbl <> 'companies' AND json_extract(c.old, '$.company_id') = m.id AND c.op BETWEEN m.since AND m.until)
         ORDER BY o.id DESC LIMIT @limit`,
      ).all({ company: opts.companyId, limit }) as Operation[];
    }
    return this.st(`SELECT ${cols} FROM operations o ORDER BY o.id DESC LIMIT ?`).all(limit) as Operation[];
  }

  operation(id: number): Operation | undefined {
    return this.st('SELECT o.*, (SELECT count(*) FROM changes c WHERE c.op = o.id) AS changes FROM operations o WHERE o.id = ?').get(id) as
      | Operation
      | undefined;
  }

  /** The newest operations still in effect that are not undos themselves: what `undo` walks back. */
  undoable(n: number): Operation[] {
    return this.st(
      `SELECT o.*, (SELECT count(*) FROM changes c WHERE c.op = o.id) AS changes FROM operations o
       WHERE ${UNDOABLE} ORDER BY o.id DESC LIMIT ?`,
    ).all(n) as Operation[];
  }

  /**
   * Whether these operations are still the ones to undo: each still in effect and, for a count,
   * still the newest (without counting their changes again, which an import has a hundred
   * thousand of).
   */
  stillUndoable(ids: number[], newest: boolean): boolean {
    if (newest) {
      const now = this.st(`SELECT o.id FROM operations o WHERE ${UNDOABLE} ORDER BY o.id DESC LIMIT ?`).pluck().all(ids.length) as number[];
      return now.length === ids.length && now.every((id, k) => id === ids[k]);
    }
    return ids.every((id) => (this.st('SELECT reverted_by FROM operations WHERE id = ?').get(id) as { reverted_by: number | null } | undefined)?.reverted_by === null);
  }

  /** Whether operation `op` changed any row (an undo is recorded even when it finds nothing to put back). */
  changedAnything(op: number): boolean {
    return this.st('SELECT 1 FROM changes WHERE op = ? LIMIT 1').get(op) !== undefined;
  }

  /** Later operations, still in effect, that changed what `op` changed (they must be undone first). */
  laterChangesTo(op: number): number[] {
    return laterChangesTo(this.db, op);
  }

  /**
   * Reverts operation `target` exactly, as a new operation (call inside `write` with
   * `reverts: target`); when `target` was itself an undo, what it undid stands again.
   */
  revert(target: Operation): void {
    const self = this.op;
    if (self === null) throw new Error('revert runs inside an operation');
    // A large revert drops every digest at once, and the next reading works them out again:
    // the triggers dropping them one event at a time cost the undo of an import a twentieth.
    if (target.changes > LARGE_OPERATION.changes) this.db.exec('DELETE FROM digests');
    revertChanges(this.db, target.id, self);
    this.st('UPDATE operations SET reverted_by = ? WHERE id = ?').run(self, target.id);
    settleUndone(this.db, target);
  }

  /**
   * Runs `fn`, a bulk insert that deletes nothing (an import), inside an operation, its inserts
   * journaled at its end. The trigger that drops a digest at every event added is set aside
   * too, from the first event (it cost an import of 80,000 events a sixth of its time): the
   * digests of the incidents that got events are dropped at the end, but for those kept since
   * their last event.
   */
  bulkInsert<T>(fn: () => T): T {
    if (this.op === null) throw new Error('a bulk insert runs inside an operation');
    this.bulk = new BulkInserts(this.db, this.op);
    const digests = (this.bulkDigests = { touched: new Set<number>(), kept: new Set<number>() });
    try {
      const result = fn();
      this.insertPendingEvents();
      this.bulk.end();
      if (digests.touched.size) {
        const drop = this.st('DELETE FROM digests WHERE incident_id = ?');
        for (const id of digests.touched) if (!digests.kept.has(id)) drop.run(id);
        this.db.exec(DIGESTS_EVENT_INSERT);
      }
      return result;
    } finally {
      // Those of an insert that failed go with it.
      this.pendingEvents = null;
      this.bulk = null;
      this.bulkDigests = null;
    }
  }

  /**
   * Forgets the operations before `before` for good; returns how many, and whether the file was
   * written anew without what they held (not while another process keeps it busy, or with no room).
   */
  pruneOperations(before: string): { removed: number; scrubbed: boolean } {
    const removed = this.write(() => {
      // The highest number handed out is kept: a later operation is not given a number a forgotten one had.
      const top = (this.st('SELECT max(id) AS top FROM operations').get() as { top: number | null }).top;
      if (top !== null) {
        this.st("DELETE FROM retired_refs WHERE kind = 'operation'").run();
        this.st("INSERT INTO retired_refs (kind, ref) VALUES ('operation', ?)").run(String(top));
      }
      this.st('DELETE FROM changes WHERE op IN (SELECT id FROM operations WHERE at < ?)').run(before);
      const n = this.st('DELETE FROM operations WHERE at < ?').run(before).changes;
      // Content that no attachment holds and no remembered change can bring back goes now.
      this.st(
        `DELETE FROM blobs WHERE id NOT IN (SELECT blob_id FROM attachments)
           AND NOT EXISTS (SELECT 1 FROM changes WHERE tbl = 'attachments' AND json_extract(old, '$.blob_id') = blobs.id)`,
      ).run();
      return n;
    });
    // What was forgotten is gone from the file too: a deleted row's bytes stay in its page, free,
    // until written over, and every copy of the file (a backup) would carry them. The file is
    // written anew, and the log folded into it; after each prune, one that forgot nothing too
    // (what an earlier one could not scrub). The copy VACUUM makes goes to a temporary file, not
    // to memory as this connection's other temporary tables do: the record may be megabytes of receipts.
    this.db.pragma('temp_store = FILE');
    try {
      retryBusy(() => this.db.exec('VACUUM'));
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      return { removed, scrubbed: true };
    } catch (err) {
      if (!isUnwritable(err)) throw err;
      return { removed, scrubbed: false };
    } finally {
      this.db.pragma('temp_store = MEMORY');
    }
  }

  private st(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
      if (/\bevents\b/.test(sql)) this.eventStatements.add(s);
    }
    if (this.pendingEvents?.waiting && this.eventStatements.has(s)) this.insertPendingEvents();
    return s;
  }

  // ---- companies ----

  findCompany(name: string): CompanyRow | undefined {
    const key = companyKey(name);
    return (this.st('SELECT * FROM companies WHERE key = ?').get(key) ??
      this.st('SELECT c.* FROM aliases a JOIN companies c ON c.id = a.company_id WHERE a.key = ?').get(key)) as CompanyRow | undefined;
  }

  companyById(id: number): CompanyRow | undefined {
    return this.st('SELECT * FROM companies WHERE id = ?').get(id) as CompanyRow | undefined;
  }

  /**
   * Companies whose name or alias looks the same as `name` through letters of another script,
   * each once, with the name or alias it looks like (`looksLike`): its name where both do.
   */
  lookalikesOf(name: string): (CompanyRow & { looksLike: string })[] {
    const key = companyKey(name);
    const skeleton = lookalikeSkeleton(key);
    const rows = this.st(
      `SELECT *, name AS looksLike FROM companies WHERE skeleton = ? AND key <> ?
       UNION ALL SELECT c.*, a.name AS looksLike FROM aliases a JOIN companies c ON c.id = a.company_id WHERE a.skeleton = ? AND a.key <> ?`,
    ).all(skeleton, key, skeleton, key) as (CompanyRow & { looksLike: string })[];
    const seen = new Set<number>();
    return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
  }

  /** The largest ids of the companies and aliases there are (0 for none): those made after have larger ones. */
  lastIds(): RowsBefore {
    return this.st('SELECT (SELECT ifnull(max(id), 0) FROM companies) AS company, (SELECT ifnull(max(id), 0) FROM aliases) AS alias').get() as RowsBefore;
  }

  /** Whether `name` is company `companyId`'s name, or one of its aliases made by the time of `before`. */
  wasNameOf(companyId: number, name: string, before: RowsBefore): boolean {
    const key = companyKey(name);
    return !!this.st('SELECT 1 FROM companies WHERE id = ? AND key = ? UNION ALL SELECT 1 FROM aliases WHERE key = ? AND company_id = ? AND id <= ?').get(companyId, key, key, companyId, before.alias);
  }

  /**
   * Companies made after `before` whose name looks the same as the name or an alias of one made
   * before (an alias made since is no name it had then) through letters of another script, with
   * the name or alias it looks like and the name of its company (`of`): every pair of the first `limit` such companies, by name, and
   * how many there are in all (`companies`).
   */
  lookalikesOfNewer(before: RowsBefore, limit: number): { pairs: { name: string; like: string; of: string }[]; companies: number } {
    // Each new company (read by its id) is looked up once in the index of the names' skeletons
    // and once in that of the aliases': the new ones are read first (CROSS JOIN keeps them the
    // outer loop), never every company or alias there is.
    const rows = this.st(
      `WITH n AS MATERIALIZED (SELECT name, key, skeleton FROM companies WHERE id > ?)
       SELECT name, "like", "of", companies FROM (
         SELECT name, key, "like", "of", r, max(r) OVER () AS companies FROM (
           SELECT name, key, "like", "of", dense_rank() OVER (ORDER BY key) AS r FROM (
             SELECT n.name, n.key, o.name AS "like", o.name AS "of" FROM n CROSS JOIN companies o ON o.skeleton = n.skeleton AND o.key <> n.key AND o.id <= ?
             UNION ALL SELECT n.name, n.key, a.name, c.name FROM n CROSS JOIN aliases a ON a.skeleton = n.skeleton AND a.key <> n.key AND a.id <= ? JOIN companies c ON c.id = a.company_id)))
       WHERE r <= ? ORDER BY key, "like"`,
    ).all(before.company, before.company, before.alias, limit) as { name: string; like: string; of: string; companies: number }[];
    return { pairs: rows.map(({ name, like, of }) => ({ name, like, of })), companies: rows[0]?.companies ?? 0 };
  }

  createCompany(name: string, createdAt: string): CompanyRow {
    // An empty name has no alias either: createUnfoundCompany refuses it.
    const taken = this.st('SELECT c.name FROM aliases a JOIN companies c ON c.id = a.company_id WHERE a.key = ?').get(companyKey(name)) as
      | { name: string }
      | undefined;
    if (taken) throw new UserError(t().company.isAliasOf(name, taken.name));
    return this.createUnfoundCompany(name, createdAt);
  }

  /**
   * Creates a company that findCompany just found no company or alias for (so without asking
   * again: an import of 10,000 new companies asked each name three times over), with its
   * website and category where given (an update of each, journaled, cost an import 12 µs a company).
   */
  createUnfoundCompany(name: string, createdAt: string, { website, category }: { website?: string; category?: string } = {}): CompanyRow {
    const key = companyKey(name);
    if (!key) throw new UserError(t().errors.emptyName);
    const display = name.trim().replace(/\s+/gu, ' ');
    this.bulk?.begin();
    const row = { name: display, key, parent_id: null, website: website ?? null, category: category ?? null, created_at: createdAt };
    const info = this.st('INSERT INTO companies (name, key, skeleton, website, category, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(display, key, lookalikeSkeleton(key), row.website, row.category, createdAt);
    return { id: Number(info.lastInsertRowid), ...row };
  }

  /** Finds a company by name or alias, creating it when there is none. */
  ensureCompany(name: string, createdAt: string): { company: CompanyRow; created: boolean } {
    const found = this.findCompany(name);
    if (found) return { company: found, created: false };
    return { company: this.createUnfoundCompany(name, createdAt), created: true };
  }

  /** Adds an alias; false when it is the company's name or alias already. */
  addAlias(companyId: number, alias: string): boolean {
    const key = companyKey(alias);
    if (!key) return false;
    const owner = this.findCompany(alias);
    if (owner) {
      if (owner.id === companyId) return false;
      throw new UserError(t().company.aliasTaken(alias, owner.name));
    }
    this.bulk?.begin();
    this.insertAlias(companyId, alias.trim().replace(/\s+/gu, ' '), key);
    return true;
  }

  /** An alias row, with the skeleton lookalikesOf compares as it does a name's. */
  private insertAlias(companyId: number, name: string, key: string): void {
    this.st('INSERT INTO aliases (company_id, name, key, skeleton) VALUES (?, ?, ?, ?)').run(companyId, name, key, lookalikeSkeleton(key));
  }

  aliasesOf(companyId: number): string[] {
    return (this.st('SELECT name FROM aliases WHERE company_id = ? ORDER BY rowid').all(companyId) as { name: string }[]).map((r) => r.name);
  }

  /** Sets the descriptive fields that are given; returns whether anything changed. `current`: the company's row as it stands, when the caller has it. */
  updateCompany(companyId: number, fields: { parentId?: number; website?: string; category?: string }, current?: CompanyRow): boolean {
    if (fields.parentId === undefined && fields.website === undefined && fields.category === undefined) return false;
    const c = current ?? this.companyById(companyId)!;
    const next = {
      parent_id: fields.parentId ?? c.parent_id,
      website: fields.website ?? c.website,
      category: fields.category ?? c.category,
    };
    if (next.parent_id === c.parent_id && next.website === c.website && next.category === c.category) return false;
    this.st('UPDATE companies SET parent_id = ?, website = ?, category = ? WHERE id = ?').run(next.parent_id, next.website, next.category, companyId);
    return true;
  }

  subsidiariesOf(companyId: number): CompanyRow[] {
    return this.st('SELECT * FROM companies WHERE parent_id = ? ORDER BY key').all(companyId) as CompanyRow[];
  }

  /** Every company with what a data file keeps of it, in name order (without listCompanies' counts). */
  companiesForExport(): { name: string; aliases: string[]; parent: string | null; website: string | null; category: string | null }[] {
    const rows = this.st(
      `SELECT c.id, c.name, p.name AS parent, c.website, c.category FROM companies c LEFT JOIN companies p ON p.id = c.parent_id ORDER BY c.key`,
    ).all() as { id: number; name: string; parent: string | null; website: string | null; category: string | null }[];
    const aliases = this.aliasesByCompany();
    return rows.map(({ id, ...r }) => ({ ...r, aliases: aliases.get(id) ?? [] }));
  }

  private aliasesByCompany(): Map<number, string[]> {
    const aliases = new Map<number, string[]>();
    for (const a of this.st('SELECT company_id, name FROM aliases ORDER BY rowid').all() as { company_id: number; name: string }[]) {
      const list = aliases.get(a.company_id) ?? [];
      list.push(a.name);
      aliases.set(a.company_id, list);
    }
    return aliases;
  }

  listCompanies(): CompanySummary[] {
    const rows = this.st(
      `SELECT c.*, p.name AS parent,
         (SELECT count(*) FROM checks k WHERE k.company_id = c.id) AS checks,
         (SELECT count(*) FROM incidents i WHERE i.company_id = c.id) AS incidents,
         (SELECT count(*) FROM incidents i WHERE i.company_id = c.id AND i.closed IS NULL
            AND NOT EXISTS (SELECT 1 FROM events e WHERE e.incident_id = i.id AND e.type = 'resolution')) AS open_incidents
       FROM companies c LEFT JOIN companies p ON p.id = c.parent_id
       ORDER BY c.key`,
    ).all() as Omit<CompanySummary, 'aliases'>[];
    const aliases = this.aliasesByCompany();
    return rows.map((r) => ({ ...r, aliases: aliases.get(r.id) ?? [] }));
  }

  // ---- checks ----

  /** The first free check id of the form `<slug>-check-<n>`. */
  nextCheckRef(slug: string): string {
    return this.firstFreeRef('checks', `${slug}-check-`);
  }

  /**
   * The first `<prefix><n>`, n from 1, that no row of `table` has, nor one removed (see
   * retired_refs: a letter or a note may cite it), nor one `reserved`, in any case of its
   * letters: an id is looked up ignoring case where none has its case (`Acme-1` finds `acme-1`),
   * so that one differing only in case would lead a citation of the other to it. A range of
   * refs that start with the prefix, ignoring case (its last character is '-', and '.' follows '-').
   */
  private firstFreeRef(table: 'incidents' | 'checks', prefix: string, reserved: ReadonlySet<string> = NO_IDS): string {
    const kind = RETIRED_KINDS[table];
    const lowered = reserved.size === 0 ? NO_IDS : (this.refRun?.lowered(reserved) ?? lowerCased(reserved));
    const free = lowered.size === 0 ? () => true : (n: number) => !lowered.has(`${prefix}${n}`.toLowerCase());
    const cursor = `${table}\u0000${prefix.toLowerCase()}`;
    let n = this.refRun?.next.get(cursor);
    if (n === undefined) {
      const range = 'ref >= @from COLLATE NOCASE AND ref < @to COLLATE NOCASE';
      const rows = this.st(`SELECT ref FROM ${table} WHERE ${range} UNION ALL SELECT ref FROM retired_refs WHERE kind = @kind AND ${range}`).all({
        from: prefix,
        to: `${prefix.slice(0, -1)}.`,
        kind,
      }) as { ref: string }[];
      const taken = lowerCased(rows.map((r) => r.ref));
      for (n = 1; taken.has(`${prefix}${n}`.toLowerCase()) || !free(n); n++);
    } else {
      // Every number below it was taken when it was handed out, and is still: from it on, each
      // looked up by the index (an id the file gives may have taken one since).
      const taken = this.st(`SELECT 1 FROM ${table} WHERE ref = @ref COLLATE NOCASE UNION ALL SELECT 1 FROM retired_refs WHERE kind = @kind AND ref = @ref COLLATE NOCASE`);
      while (!free(n) || taken.get({ ref: `${prefix}${n}`, kind }) !== undefined) n++;
    }
    this.refRun?.next.set(cursor, n);
    return `${prefix}${n}`;
  }

  /**
   * Runs `fn`, a write that removes no incident or check (an import), handing out ids from where
   * the last one of each prefix was found, and the ids `reserved` in lower case once: each id
   * handed out read every id of its company's, and the file's ids (20,000 incidents of one
   * company without ids took 128 s to import, their square).
   */
  handingOutIds<T>(fn: () => T): T {
    if (this.refRun) return fn();
    const loweredSets = new WeakMap<ReadonlySet<string>, Set<string>>();
    this.refRun = {
      next: new Map(),
      lowered: (set) => {
        let l = loweredSets.get(set);
        if (!l) loweredSets.set(set, (l = lowerCased(set)));
        return l;
      },
    };
    try {
      return fn();
    } finally {
      this.refRun = undefined;
    }
  }

  /** Keeps the ids of the incidents or checks `where` picks out as retired (see retired_refs), before they go. */
  private retireRefs(table: 'incidents' | 'checks', where: string, value: number | string): void {
    this.st(retiringRefs(table, where)!).run(value);
  }

  /** Whether a check has this id, whatever the case of its letters (ids are looked up so). */
  checkRefTaken(ref: string): boolean {
    return this.st('SELECT 1 FROM checks WHERE ref = ? COLLATE NOCASE').get(ref) !== undefined;
  }

  /** Stores a check; returns its stable id. */
  insertCheck(c: NewCheck): string {
    const ref = c.ref && !this.checkRefTaken(c.ref) ? c.ref : this.nextCheckRef(c.slug);
    this.bulk?.begin();
    this.st(
      `INSERT INTO checks (ref, company_id, checklist, checklist_version, at, at_ms, lang, score, verdict, dealbreakers, answers)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      ref,
      c.companyId,
      c.checklist,
      c.checklistVersion,
      c.at,
      msOf(c.at),
      c.lang,
      c.score,
      c.verdict,
      JSON.stringify(c.dealbreakers),
      JSON.stringify(c.answers),
    );
    return ref;
  }

  /** The id of a check of the company with this checklist made at this time (see checksAlike). */
  findCheck(companyId: number, checklist: string, at: string, content?: CheckContent): string | undefined {
    return this.checksAlike(companyId, checklist, at, content)[0];
  }

  /**
   * The ids of the checks of the company with this checklist, made at this time, and with
   * these answers and notes when they are given (question id to answer, and to note): two
   * checks made in the same second with other answers or notes are two checks.
   */
  checksAlike(companyId: number, checklist: string, at: string, content?: CheckContent): string[] {
    const rows = this.st('SELECT ref, answers FROM checks WHERE company_id = ? AND checklist = ? AND at = ? ORDER BY id').all(companyId, checklist, at) as { ref: string; answers: string }[];
    if (!content) return rows.map((r) => r.ref);
    const { answers, notes = {} } = content;
    const noteOf = (q: string) => (Object.hasOwn(notes, q) ? notes[q] : '') || '';
    const same = (stored: StoredAnswer[]) =>
      stored.length === Object.keys(answers).length && stored.every((a) => Object.hasOwn(answers, a.question) && answers[a.question] === a.answer && (a.note ?? '') === noteOf(a.question));
    return rows.filter((r) => same(JSON.parse(r.answers) as StoredAnswer[])).map((r) => r.ref);
  }

  /** The checks made with this checklist id and version, of every company, the last stored first. */
  *checksWith(checklist: string, version: number): Generator<StoredCheck> {
    const rows = this.st(
      `SELECT k.*, c.name AS company FROM checks k JOIN companies c ON c.id = k.company_id
       WHERE k.checklist = ? AND k.checklist_version = ? ORDER BY k.id DESC`,
    ).all(checklist, version) as RawCheck[];
    for (const r of rows) yield toCheck(r);
  }

  checksOf(companyId: number): StoredCheck[] {
    return (
      this.st(
        `SELECT k.*, c.name AS company FROM checks k JOIN companies c ON c.id = k.company_id
         WHERE k.company_id = ? ORDER BY k.at_ms, k.id`,
      ).all(companyId) as RawCheck[]
    ).map(toCheck);
  }

  allChecks(): StoredCheck[] {
    return (
      this.st(
        `SELECT k.*, c.name AS company FROM checks k JOIN companies c ON c.id = k.company_id
         ORDER BY c.key, k.at_ms, k.checklist, k.id`,
      ).all() as RawCheck[]
    ).map(toCheck);
  }

  // ---- incidents ----

  /** The first free id of the form `<slug>-<n>`. */
  nextIncidentRef(slug: string, reserved: Set<string> = new Set()): string {
    return this.firstFreeRef('incidents', `${slug}-`, reserved);
  }

  insertIncident(i: NewIncident): number {
    this.bulk?.begin();
    const info = this.st(
      'INSERT INTO incidents (ref, company_id, title, opened, opened_ms, fault, closed, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(i.ref, i.companyId, i.title, i.opened, msOf(i.opened), i.fault, i.closed ?? null, i.lastSeq ?? 0);
    return Number(info.lastInsertRowid);
  }

  private incidentRowByRef(ref: string, exact: boolean): IncidentRow | undefined {
    const sql = `SELECT i.*, c.name AS company FROM incidents i JOIN companies c ON c.id = i.company_id WHERE i.ref = ?`;
    return (this.st(sql).get(ref) ?? (exact ? undefined : this.st(`${sql} COLLATE NOCASE`).get(ref))) as IncidentRow | undefined;
  }

  /** The incident with this id (exact, or else ignoring case); undefined when there is none. */
  findIncident(ref: string, { exact = false } = {}): (Incident & { rowId: number; companyId: number }) | undefined {
    const row = this.incidentRowByRef(ref.trim(), exact);
    return row ? this.withEvents([row])[0] : undefined;
  }

  /** A company's incidents' ids, titles and openings (as written and as stored moments), in the order they were added: how the data file keys incidents without an id. */
  incidentContentsOf(companyId: number): { ref: string; title: string; opened: string; openedMs: number }[] {
    return this.st('SELECT ref, title, opened, opened_ms AS openedMs FROM incidents WHERE company_id = ? ORDER BY id').all(companyId) as { ref: string; title: string; opened: string; openedMs: number }[];
  }

  incidentRowId(ref: string): number | undefined {
    return (this.st('SELECT id FROM incidents WHERE ref = ?').get(ref) as { id: number } | undefined)?.id;
  }

  incidentsOf(companyId: number): Incident[] {
    const rows = this.st(
      `SELECT i.*, c.name AS company FROM incidents i JOIN companies c ON c.id = i.company_id
       WHERE i.company_id = ? ORDER BY i.opened_ms, i.ref`,
    ).all(companyId) as IncidentRow[];
    return this.withEvents(rows);
  }

  allIncidents(): (Incident & { rowId: number; companyId: number })[] {
    return this.withEvents(this.allIncidentRows(), true);
  }

  /** Every incident's row, in name order, then opening, then id. */
  private allIncidentRows(): IncidentRow[] {
    // As objects: read as arrays and made objects all at once, every incident was held twice
    // for a while (allIncidentsInBatches makes them a batch at a time).
    return this.st(`SELECT i.*, c.name AS company ${EVERY_INCIDENT_IN_ORDER}`).all() as IncidentRow[];
  }

  /**
   * Every incident with its events, as allIncidents gives them, a batch at a time: only the
   * events of one batch are in memory at once (an export of a large record).
   */
  *allIncidentsInBatches(size = 500): Generator<(Incident & { rowId: number; companyId: number })[]> {
    // Their own columns as arrays, made objects a batch at a time (read as objects, by the
    // binding, they took twice as long); each event with its fields in the data file's order,
    // made once (the export made each again to order it). (Every event read by one statement
    // in the incidents' order, taken as each batch needed them, took longer: 235 ms against 180.)
    const tuples = this.rows(`SELECT ${INCIDENT_COLUMNS} ${EVERY_INCIDENT_IN_ORDER}`);
    for (let k = 0; k < tuples.length; k += size) yield this.withEventsOf(tuples.slice(k, k + size).map(incidentRowOf), true);
  }

  /** The database's own id, made at random once (see the migration that made it): what makes its calendar's UIDs its own. */
  databaseId(): string {
    // (A table emptied by hand gives no id: the UIDs are then as before it.)
    return (this.st('SELECT id FROM database_id').get() as { id: string } | undefined)?.id ?? '';
  }

  /** Incidents of a batch with their events, read in one query. */
  private withEventsOf(batch: IncidentRow[], inFileOrder = false): (Incident & { rowId: number; companyId: number })[] {
    const events = this.rows(`${EVENT_COLUMNS} WHERE incident_id IN (SELECT value FROM json_each(?)) ORDER BY incident_id, at_ms, seq`, JSON.stringify(batch.map((r) => r.id)));
    return this.assemble(batch, events as EventTuple[], inFileOrder);
  }

  private withEvents(rows: IncidentRow[], all = false): (Incident & { rowId: number; companyId: number })[] {
    const events = all
      ? this.rows(EVENT_COLUMNS + ' ORDER BY incident_id, at_ms, seq')
      : rows.flatMap((r) => this.rows(`${EVENT_COLUMNS} WHERE incident_id = ? ORDER BY at_ms, seq`, r.id));
    return this.assemble(rows, events as EventTuple[]);
  }

  /** Rows as arrays of their columns: lighter than objects where thousands are read at once. */
  private rows(sql: string, ...params: unknown[]): unknown[][] {
    return this.rawStatement(sql).all(...params) as unknown[][];
  }

  private rawStatement(sql: string): Statement {
    let s = this.rawStatements.get(sql);
    if (!s) {
      s = this.db.prepare(sql).raw(true);
      this.rawStatements.set(sql, s);
      if (/\bevents\b/.test(sql)) this.eventStatements.add(s);
    }
    if (this.pendingEvents?.waiting && this.eventStatements.has(s)) this.insertPendingEvents();
    return s;
  }

  /**
   * Incidents from their rows and their events' rows (in timeline order). Each event has its
   * id, time and type, then its fields as they were stored; `inFileOrder`, then those of its
   * fields the data file writes, in the file's order (as orderedEvent gives them).
   */
  private assemble(rows: IncidentRow[], events: EventTuple[], inFileOrder = false): (Incident & { rowId: number; companyId: number })[] {
    const byIncident = new Map<number, IncidentEvent[]>(rows.map((r) => [r.id, []]));
    const refs = new Map(rows.map((r) => [r.id, r.ref]));
    for (const [incidentId, seq, at, type, data] of events) {
      // An event's id is `<incident id>#<n>`.
      const id = `${refs.get(incidentId)}#${seq}`;
      const e = inFileOrder ? withEventFields({ id, at, type }, JSON.parse(data), EVENT_FIELDS_AFTER_TYPE) : Object.assign({ id, at, type }, JSON.parse(data));
      byIncident.get(incidentId)?.push(e as unknown as IncidentEvent);
    }
    return rows.map((r) => incidentOfRow(r, { events: byIncident.get(r.id)! }));
  }

  /**
   * The number of an incident's next event: one after every number handed out. Past the most a
   * number holds (an imported id may take it) there is none: a number is never given twice, even
   * one whose event is gone (the next was one past nine digits, an id the data file refuses).
   */
  private nextEventNumber(incidentRowId: number): number {
    const next = this.st('UPDATE incidents SET last_seq = last_seq + 1 WHERE id = ? AND last_seq < ? RETURNING last_seq').get(incidentRowId, MAX_EVENT_NUMBER) as { last_seq: number } | undefined;
    if (!next) throw new UserError(t().errors.eventNumbersUsedUp(MAX_EVENT_NUMBER));
    return next.last_seq;
  }

  /** The content keys of an incident's events, for recognising an event logged before. */
  eventKeysOf(incidentRowId: number): Set<string> {
    const rows = this.st('SELECT at, type, data FROM events WHERE incident_id = ?').all(incidentRowId) as Omit<EventRow, 'incident_id'>[];
    return new Set(rows.map(storedEventKey));
  }

  /**
   * Appends an event; false when the same event is already on the timeline. `known` (the
   * incident's keys, from eventKeysOf) saves a query per event on bulk imports and is kept up
   * to date; `atMs`, the event's time in ms, where the caller has it. (A bulk import's new
   * timelines are added by addNewTimeline.)
   */
  addEvent(incidentRowId: number, e: IncidentEvent, known?: Set<string>, seq?: number, atMs?: number): number | false {
    // With `known`, a bulk import: it numbers the events itself (`seq`), setting the incident's count once.
    known ??= this.eventKeysOf(incidentRowId);
    const key = eventContentKey(e);
    if (known.has(key)) return false;
    known.add(key);
    const { at, type, id: _id, ...rest } = e;
    const n = seq ?? this.nextEventNumber(incidentRowId);
    this.eventsComing(incidentRowId);
    this.st('INSERT INTO events (incident_id, seq, at, at_ms, type, data) VALUES (?, ?, ?, ?, ?, ?)').run(incidentRowId, n, at, atMs ?? msOf(at), type, JSON.stringify(rest));
    if (type === 'resolution') this.setIncidentClosed(incidentRowId, at);
    return n;
  }

  /** Before events are added to an incident in a bulk insert: its journal begun, and its digest to be dropped at the end. */
  private eventsComing(incidentRowId: number): void {
    this.bulk?.begin();
    if (!this.bulkDigests) return;
    // Set aside at the first event: an import that adds nothing leaves the schema as it was.
    if (!this.bulkDigests.touched.size) this.db.exec(`DROP TRIGGER ${DIGESTS_EVENT_INSERT_NAME}`);
    this.bulkDigests.touched.add(incidentRowId);
    this.bulkDigests.kept.delete(incidentRowId);
  }

  /**
   * Appends the events of a timeline a bulk insert has just made (numbered, in timeline order,
   * with their times in ms, none a repeat of another), many to a statement: a statement an
   * event was a fifth of an import's time. They wait until TIMELINE_ROWS are pending, and are
   * inserted before anything else reads or writes the events table (every statement of this
   * store that names it, insertPendingEvents, and the end of the bulk insert): nothing ever
   * sees a timeline without its events. A statement made elsewhere on this connection sees
   * them only after insertPendingEvents: none runs during a bulk insert (an import's readers
   * of events are this store's). The incident's closing time is the caller's to set.
   */
  addNewTimeline(incidentRowId: number, events: readonly { e: IncidentEvent; seq: number; atMs: number }[]): void {
    if (!events.length) return;
    this.eventsComing(incidentRowId);
    // Prepared apart from st(), whose statements naming the events table insert these first.
    const rows = (this.pendingEvents ??= new RowsAtOnce((sql) => this.db.prepare(sql), 'INSERT INTO events (incident_id, seq, at, at_ms, type, data) VALUES', 6, TIMELINE_ROWS));
    for (const { e, seq, atMs } of events) {
      const { at, type, id: _id, ...rest } = e;
      rows.add(incidentRowId, seq, at, atMs, type, JSON.stringify(rest));
    }
    // Outside a bulk insert nothing waits.
    if (!this.bulk) this.insertPendingEvents();
  }

  /** Inserts the events of new timelines still waiting (addNewTimeline). */
  insertPendingEvents(): void {
    this.pendingEvents?.end();
    if (!this.bulk) this.pendingEvents = null;
  }

  /** The row id of an incident's event of this stable number (`<incident>#<n>`). */
  eventRowIdBySeq(incidentRowId: number, n: number): number | undefined {
    return (this.st('SELECT id FROM events WHERE incident_id = ? AND seq = ?').get(incidentRowId, n) as { id: number } | undefined)?.id;
  }

  /** The row id of the event of an incident with this content (how a data file names an event). */
  eventRowIdByContent(incidentRowId: number, e: IncidentEvent): number | undefined {
    const key = eventContentKey(e);
    const rows = this.st('SELECT id, at, type, data FROM events WHERE incident_id = ? ORDER BY at_ms, seq').all(incidentRowId) as (Pick<EventRow, 'at' | 'type' | 'data'> & { id: number })[];
    return rows.find((r) => storedEventKey(r) === key)?.id;
  }

  /**
   * What an import merging events into an incident needs of those there: their content keys,
   * the same with their times as moments (eventMomentKey), and by number, each one's time and
   * type with its key; and the number counted up to.
   */
  eventsToMergeInto(incidentRowId: number): { known: Set<string>; moments: Set<string>; byNumber: Map<number, { at: string; atMs: number; type: string; due?: string; key: string }>; last: number } {
    const rows = this.st('SELECT seq, at, at_ms, type, data FROM events WHERE incident_id = ?').all(incidentRowId) as (Omit<EventRow, 'incident_id'> & { seq: number; at_ms: number })[];
    const known = new Set<string>();
    const moments = new Set<string>();
    const byNumber = new Map<number, { at: string; atMs: number; type: string; due?: string; key: string }>();
    for (const r of rows) {
      const data = JSON.parse(r.data) as { due?: string };
      const event = { at: r.at, type: r.type, ...data } as IncidentEvent;
      const key = eventContentKey(event);
      known.add(key);
      moments.add(eventMomentKey(event));
      byNumber.set(r.seq, { at: r.at, atMs: r.at_ms, type: r.type, due: data.due, key });
    }
    const last = (this.st('SELECT last_seq FROM incidents WHERE id = ?').get(incidentRowId) as { last_seq: number }).last_seq;
    return { known, moments, byNumber, last };
  }

  /** How many numbers an incident's events may still be given (up to MAX_EVENT_NUMBER). */
  eventNumbersLeft(incidentRowId: number): number {
    return MAX_EVENT_NUMBER - (this.st('SELECT last_seq FROM incidents WHERE id = ?').get(incidentRowId) as { last_seq: number }).last_seq;
  }

  /** Raises the number an incident's events are counted up to (after a bulk insert). */
  setLastSeq(incidentRowId: number, last: number): void {
    this.st('UPDATE incidents SET last_seq = ? WHERE id = ? AND last_seq < ?').run(last, incidentRowId, last);
  }

  /** Sets when an incident was closed (null: open). */
  setIncidentClosedTo(incidentRowId: number, closed: string | null): void {
    this.st('UPDATE incidents SET closed = ? WHERE id = ? AND closed IS NOT ?').run(closed, incidentRowId, closed);
  }

  /** Records when an incident was closed, unless that is known already (then nothing is written, or journaled). */
  setIncidentClosed(incidentRowId: number, closed: string): void {
    this.st('UPDATE incidents SET closed = ? WHERE id = ? AND closed IS NULL').run(closed, incidentRowId);
  }

  // ---- corrections ----

  /** Gives a company another name; the old one stays an alias unless `keepAlias` is false. */
  renameCompany(company: CompanyRow, newName: string, keepAlias: boolean): void {
    const key = companyKey(newName);
    const display = newName.trim().replace(/\s+/gu, ' ');
    const owner = this.findCompany(newName);
    if (owner && owner.id !== company.id) {
      throw new UserError(t().company.nameTaken(newName, owner.name, company.name));
    }
    // The new name may have been an alias of this very company: it is the name now.
    this.st('DELETE FROM aliases WHERE key = ? AND company_id = ?').run(key, company.id);
    this.st('UPDATE companies SET name = ?, key = ?, skeleton = ? WHERE id = ?').run(display, key, lookalikeSkeleton(key), company.id);
    if (keepAlias && company.key !== key) {
      this.insertAlias(company.id, company.name, company.key);
    }
  }

  /** Moves every check, incident, alias, pin and subsidiary of `from` to `into`, then removes `from`. */
  mergeCompanies(from: CompanyRow, into: CompanyRow): void {
    const fromPin = this.pinOf(from.id);
    const intoPin = this.pinOf(into.id);
    if (fromPin && intoPin && (fromPin.list !== intoPin.list || fromPin.reason !== intoPin.reason)) {
      throw new UserError(t().company.pinsDisagree(from.name, fromPin.list as ListName, fromPin.reason, into.name, intoPin.list as ListName, intoPin.reason));
    }
    this.st('UPDATE checks SET company_id = ? WHERE company_id = ?').run(into.id, from.id);
    this.st('UPDATE incidents SET company_id = ? WHERE company_id = ?').run(into.id, from.id);
    this.st('UPDATE aliases SET company_id = ? WHERE company_id = ?').run(into.id, from.id);
    this.st('UPDATE companies SET parent_id = NULL WHERE id = ? AND parent_id = ?').run(into.id, from.id);
    // A subsidiary of `from` that stands above `into` (a grandparent merged into its grandchild)
    // would become the subsidiary of its own subsidiary: it takes `from`'s place under `from`'s
    // parent instead. (The loop made so could be exported, and not imported again.)
    for (const { id } of this.st('SELECT id FROM companies WHERE parent_id = ?').all(from.id) as { id: number }[]) {
      this.st('UPDATE companies SET parent_id = ? WHERE id = ?').run(this.isAncestor(into.id, id) ? from.parent_id : into.id, id);
    }
    // Where `into` has no parent, it takes `from`'s, unless that is `into` itself or one of its
    // own subsidiaries (merging a company into one above it would make the two each other's parent).
    const inherited = from.parent_id !== null && !this.isAncestor(from.parent_id, into.id) ? from.parent_id : null;
    this.st(
      'UPDATE companies SET website = coalesce(website, ?), category = coalesce(category, ?), parent_id = coalesce(parent_id, ?) WHERE id = ?',
    ).run(from.website, from.category, inherited, into.id);
    if (fromPin && !intoPin) this.st('INSERT INTO pins (company_id, list, reason, at) SELECT ?, list, reason, at FROM pins WHERE company_id = ?').run(into.id, from.id);
    this.st('DELETE FROM pins WHERE company_id = ?').run(from.id);
    this.st('DELETE FROM companies WHERE id = ?').run(from.id);
    this.insertAlias(into.id, from.name, from.key);
  }

  /** Sets a company's descriptive fields: a value sets it, null clears it, undefined leaves it. */
  editCompany(companyId: number, fields: { parentId?: number | null; website?: string | null; category?: string | null }): boolean {
    const c = this.companyById(companyId)!;
    const next = {
      parent_id: fields.parentId === undefined ? c.parent_id : fields.parentId,
      website: fields.website === undefined ? c.website : fields.website,
      category: fields.category === undefined ? c.category : fields.category,
    };
    if (next.parent_id === c.parent_id && next.website === c.website && next.category === c.category) return false;
    this.st('UPDATE companies SET parent_id = ?, website = ?, category = ? WHERE id = ?').run(next.parent_id, next.website, next.category, companyId);
    return true;
  }

  /** Whether `companyId` is `ancestor` or one of the companies above it (walking up from `ancestor`). */
  isAncestor(ancestor: number, companyId: number): boolean {
    for (let id: number | null = ancestor, n = 0; id !== null && n < 1000; n++) {
      if (id === companyId) return true;
      id = this.companyById(id)?.parent_id ?? null;
    }
    return false;
  }

  /**
   * Whether an operation after `opId` (but the one in progress) changed an incident's row, or
   * moved one of its events (by its id, `<incident id>#<n>`): logged it, or changed its time.
   * An event only re-worded since stands where it stood.
   */
  changedSince(opId: number, incidentRowId: number, eventId?: string): boolean {
    const since = { since: opId, now: this.op };
    if (this.st('SELECT 1 FROM changes WHERE op > @since AND op IS NOT @now AND tbl = \'incidents\' AND row = @incident LIMIT 1').get({ ...since, incident: incidentRowId }) !== undefined) return true;
    if (eventId === undefined) return false;
    const seq = Number(eventId.slice(eventId.lastIndexOf('#') + 1));
    const event = this.st('SELECT id, at FROM events WHERE incident_id = ? AND seq = ?').get(incidentRowId, seq) as { id: number; at: string } | undefined;
    if (!event) return false;
    // Its first change since: an insert is an event logged (or put back) since; the row an update
    // or a deletion kept is the event as it stood then.
    const first = this.st(
      `SELECT kind, json_extract(old, '$.at') AS at FROM changes WHERE op > @since AND op IS NOT @now AND tbl = 'events' AND row = @event ORDER BY seq LIMIT 1`,
    ).get({ ...since, event: event.id }) as { kind: 'i' | 'u' | 'd'; at: string | null } | undefined;
    if (!first) return false;
    if (first.kind === 'i') return true;
    // Its time before the operation in progress (which may have changed it in turn).
    const ours = this.st(`SELECT json_extract(old, '$.at') AS at FROM changes WHERE op = @now AND tbl = 'events' AND row = @event AND old IS NOT NULL ORDER BY seq LIMIT 1`).get({
      now: this.op,
      event: event.id,
    }) as { at: string } | undefined;
    return first.at !== (ours?.at ?? event.at);
  }

  /** The incidents operation `opId` changed a row of (the incident's, or an event's), with their events, as they stand. */
  incidentsChangedBy(opId: number): (Incident & { rowId: number; companyId: number })[] {
    const rows = this.st(
      `SELECT i.*, c.name AS company FROM incidents i JOIN companies c ON c.id = i.company_id WHERE i.id IN (
         SELECT row FROM changes WHERE op = @op AND tbl = 'incidents'
         UNION SELECT e.incident_id FROM changes x JOIN events e ON e.id = x.row WHERE x.op = @op AND x.tbl = 'events'
         UNION SELECT json_extract(old, '$.incident_id') FROM changes WHERE op = @op AND tbl = 'events' AND old IS NOT NULL)
       ORDER BY i.id`,
    ).all({ op: opId }) as IncidentRow[];
    return this.withEvents(rows);
  }

  /** The incidents the last revert put back a row of, with their events (see journal's incidentsPutBack). */
  incidentsPutBack(): (Incident & { rowId: number; companyId: number })[] {
    const ids = incidentsPutBack(this.db);
    if (!ids.length) return [];
    const rows = this.st(
      `SELECT i.*, c.name AS company FROM incidents i JOIN companies c ON c.id = i.company_id WHERE i.id IN (SELECT value FROM json_each(?)) ORDER BY i.id`,
    ).all(JSON.stringify(ids)) as IncidentRow[];
    return this.withEvents(rows);
  }

  /** Whether the last revert put back a name that is both a company's and an alias now (see journal's namePutBackTaken). */
  namePutBackTaken(): boolean {
    return namePutBackTaken(this.db);
  }

  /** An id a revert of `op` would put back that another record holds now (see journal's idTakenSince). */
  idTakenSince(op: number): ReturnType<typeof idTakenSince> {
    return idTakenSince(this.db, op);
  }

  /** A company name or an alias a revert of `op` would bring back that another record holds now (see journal's nameTakenSince). */
  nameTakenSince(op: number): ReturnType<typeof nameTakenSince> {
    return nameTakenSince(this.db, op);
  }

  /** A company the last revert made a subsidiary of its own subsidiary (see journal's parentLoopPutBack). */
  parentLoopPutBack(): { company: string; parent: string } | undefined {
    return parentLoopPutBack(this.db);
  }

  /** Removes a company with everything that hangs on it. */
  removeCompany(companyId: number): void {
    this.retireRefs('incidents', 'company_id = ?', companyId);
    this.retireRefs('checks', 'company_id = ?', companyId);
    this.st('DELETE FROM companies WHERE id = ?').run(companyId);
  }

  updateIncident(rowId: number, fields: { title?: string; fault?: Fault; opened?: string; companyId?: number }): void {
    const row = this.st('SELECT * FROM incidents WHERE id = ?').get(rowId) as IncidentRow & { opened_ms: number };
    const title = fields.title ?? row.title;
    const fault = fields.fault ?? row.fault;
    const opened = fields.opened ?? row.opened;
    const companyId = fields.companyId ?? row.company_id;
    if (title === row.title && fault === row.fault && opened === row.opened && companyId === row.company_id) return;
    // Its moment is read again only from an opening written anew: a time without its offset is
    // read in the local zone, and an incident retitled in another zone moved among its company's.
    const openedMs = opened === row.opened ? row.opened_ms : msOf(opened);
    this.st('UPDATE incidents SET title = ?, fault = ?, opened = ?, opened_ms = ?, company_id = ? WHERE id = ?').run(title, fault, opened, openedMs, companyId, rowId);
  }

  removeIncident(rowId: number): void {
    this.retireRefs('incidents', 'id = ?', rowId);
    this.st('DELETE FROM incidents WHERE id = ?').run(rowId);
  }

  /** Reopens an incident: its resolution events go, and it has no closing time. */
  reopenIncident(rowId: number): void {
    this.st("DELETE FROM events WHERE incident_id = ? AND type = 'resolution'").run(rowId);
    this.st('UPDATE incidents SET closed = NULL WHERE id = ? AND closed IS NOT NULL').run(rowId);
  }

  /** The event with this id (`<incident id>#<n>`), with its incident. */
  findEvent(eventId: string): { incident: Incident & { rowId: number; companyId: number }; event: IncidentEvent; rowId: number } | undefined {
    const hash = eventId.lastIndexOf('#');
    if (hash <= 0) return undefined;
    // Its number as written in ids, digits only: not 1e0, 0x1, 01 or " 1", which Number reads as 1.
    const digits = eventId.slice(hash + 1);
    if (!/^(?:0|[1-9][0-9]*)$/.test(digits)) return undefined;
    const seq = Number(digits);
    if (!Number.isSafeInteger(seq)) return undefined;
    const incident = this.findIncident(eventId.slice(0, hash));
    if (!incident) return undefined;
    const row = this.st('SELECT id FROM events WHERE incident_id = ? AND seq = ?').get(incident.rowId, seq) as { id: number } | undefined;
    if (!row) return undefined;
    const event = incident.events.find((e) => e.id === `${incident.id}#${seq}`)!;
    return { incident, event, rowId: row.id };
  }

  /** Replaces an event's time and fields (its id stays). */
  updateEvent(rowId: number, e: IncidentEvent): void {
    const { at, type, id: _id, ...rest } = e;
    const old = this.st('SELECT incident_id, at, at_ms, type FROM events WHERE id = ?').get(rowId) as { incident_id: number; at: string; at_ms: number; type: string };
    // Its moment is read again only from a time written anew (see updateIncident): a note edited
    // in another zone moved the event among the others of its timeline.
    this.st('UPDATE events SET at = ?, at_ms = ?, type = ?, data = ? WHERE id = ?').run(at, at === old.at ? old.at_ms : msOf(at), type, JSON.stringify(rest), rowId);
    // An incident closed by this resolution is closed when it now says.
    if (old.type === 'resolution' && at !== old.at) this.st('UPDATE incidents SET closed = ? WHERE id = ? AND closed = ?').run(at, old.incident_id, old.at);
  }

  removeEvent(rowId: number): void {
    const old = this.st('SELECT incident_id, at, type FROM events WHERE id = ?').get(rowId) as { incident_id: number; at: string; type: string };
    this.st('DELETE FROM events WHERE id = ?').run(rowId);
    if (old.type === 'resolution') this.st('UPDATE incidents SET closed = NULL WHERE id = ? AND closed = ?').run(old.incident_id, old.at);
  }

  /** A check by its id (exact, or else ignoring case). */
  findCheckById(ref: string): StoredCheck | undefined {
    const sql = 'SELECT k.*, c.name AS company FROM checks k JOIN companies c ON c.id = k.company_id WHERE k.ref = ?';
    const row = (this.st(sql).get(ref.trim()) ?? this.st(`${sql} COLLATE NOCASE`).get(ref.trim())) as RawCheck | undefined;
    return row ? toCheck(row) : undefined;
  }

  removeCheck(ref: string): void {
    this.retireRefs('checks', 'ref = ?', ref);
    this.st('DELETE FROM checks WHERE ref = ?').run(ref);
  }

  /** Every id of one kind, for "did you mean". */
  allKeys(): { key: string; name: string }[] {
    return this.st('SELECT key, name FROM companies UNION ALL SELECT a.key, c.name FROM aliases a JOIN companies c ON c.id = a.company_id').all() as {
      key: string;
      name: string;
    }[];
  }

  allIncidentRefs(): string[] {
    return (this.st('SELECT ref FROM incidents').all() as { ref: string }[]).map((r) => r.ref);
  }

  allCheckRefs(): string[] {
    return (this.st('SELECT ref FROM checks').all() as { ref: string }[]).map((r) => r.ref);
  }

  // ---- pins ----

  pinOf(companyId: number): Pin | undefined {
    return this.st(
      'SELECT c.name AS company, p.list, p.reason, p.at FROM pins p JOIN companies c ON c.id = p.company_id WHERE p.company_id = ?',
    ).get(companyId) as Pin | undefined;
  }

  allPins(): (Pin & { company_id: number })[] {
    return this.st(
      'SELECT p.company_id, c.name AS company, p.list, p.reason, p.at FROM pins p JOIN companies c ON c.id = p.company_id ORDER BY c.key',
    ).all() as (Pin & { company_id: number })[];
  }

  /** Sets a pin; false when the same pin was already there. */
  setPin(companyId: number, pin: Omit<Pin, 'company'>): boolean {
    const old = this.pinOf(companyId);
    if (old && old.list === pin.list && old.reason === pin.reason && old.at === pin.at) return false;
    // An update of the pin there was, not a REPLACE: the row a REPLACE deletes fires no trigger,
    // so the journal would not know the old pin, and an undo would leave none.
    this.st('INSERT INTO pins (company_id, list, reason, at) VALUES (?, ?, ?, ?) ON CONFLICT (company_id) DO UPDATE SET list = excluded.list, reason = excluded.reason, at = excluded.at').run(companyId, pin.list, pin.reason, pin.at);
    return true;
  }

  removePin(companyId: number): boolean {
    return this.st('DELETE FROM pins WHERE company_id = ?').run(companyId).changes > 0;
  }

  // ---- evidence for the list policy ----

  evidenceOf(company: CompanyRow): CompanyEvidence {
    return {
      company: company.name,
      checks: this.checksOf(company.id),
      incidents: this.incidentsOf(company.id),
      pin: this.pinOf(company.id),
    };
  }

  allCompanies(): CompanyRow[] {
    return this.st('SELECT * FROM companies ORDER BY key').all() as CompanyRow[];
  }

  // ---- the verdict cache ----

  /** Companies with no cached verdict under this policy, or one that no longer holds at `now`. */
  companiesToJudge(policyKey: string, now: number): Pick<CompanyRow, 'id' | 'name' | 'key'>[] {
    // Each company has at most one row (its key): when as many rows hold as there are
    // companies, every one holds, and the index answers that without reading a verdict; when
    // none holds, every company is judged, in the order of their ids (an import's are neighbours).
    // None holds under another policy than the one they were last judged under, nor where the
    // clock is behind the moment they were last judged at (every one judged in its future).
    const judged = this.st('SELECT at, policy FROM verdicts_judged').get() as { at: number; policy: string | null } | undefined;
    const words = wordsOfKey(policyKey);
    const holding =
      judged === undefined || judged.policy !== policyKey || now < judged.at
        ? 0
        : (this.st('SELECT count(*) AS n FROM verdicts WHERE policy = ? AND (valid_until IS NULL OR valid_until > ?)').get(words, now) as { n: number }).n;
    if (holding === this.companyCount()) return [];
    if (holding === 0) return this.st('SELECT id, name, key FROM companies ORDER BY id').all() as Pick<CompanyRow, 'id' | 'name' | 'key'>[];
    return this.st(
      `SELECT c.id, c.name, c.key FROM companies c LEFT JOIN verdicts v ON v.company_id = c.id
       WHERE v.company_id IS NULL OR v.policy <> ? OR (v.valid_until IS NOT NULL AND v.valid_until <= ?) ORDER BY c.id`,
    ).all(words, now) as Pick<CompanyRow, 'id' | 'name' | 'key'>[];
  }

  /** Whether any source is kept (a database of an older schema has none): what others say is read only then. */
  hasSources(): boolean {
    try {
      return this.st('SELECT 1 FROM sources LIMIT 1').get() !== undefined;
    } catch {
      return false;
    }
  }

  companyCount(): number {
    return (this.st('SELECT count(*) AS n FROM companies').get() as { n: number }).n;
  }

  /** The cached entries (list, and the JSON text of the entry), in name order. */
  cachedVerdicts(policyKey: string, list?: string): { company_id: number; name: string; list: string; json: string }[] {
    // A list's verdicts from their listing index, in name order (every list's, a list after
    // another, when none is named); each company's name by its id.
    const sql = `SELECT v.company_id, c.name, v.list, v.entry AS json FROM verdicts v INDEXED BY verdicts_fresh CROSS JOIN companies c ON c.id = v.company_id
       WHERE v.policy = ?${list ? ' AND v.list = ?' : ''} ORDER BY v.list, v.key`;
    return this.st(sql).all(...(list ? [wordsOfKey(policyKey), list] : [wordsOfKey(policyKey)])) as { company_id: number; name: string; list: string; json: string }[];
  }

  /**
   * The names of the companies on one cached list, in name order: a listing sizes its name
   * column, and counts each list, before it reads any entry (cachedEntriesOf).
   */
  cachedNamesOf(policyKey: string, list: string): string[] {
    const sql = `SELECT c.name FROM verdicts v INDEXED BY verdicts_fresh CROSS JOIN companies c ON c.id = v.company_id WHERE v.policy = ? AND v.list = ? ORDER BY v.key`;
    return this.st(sql).pluck().all(wordsOfKey(policyKey), list) as string[];
  }

  /**
   * The cached entries of one list as JSON texts, read as they are taken (nothing else may use
   * the connection until the last is read), in name order.
   */
  *cachedEntriesOf(policyKey: string, list: string): Generator<string> {
    // Only this list's verdicts, from the index kept in listing order: walking every company in
    // name order and looking up each one's verdict, for each list, took a third longer to read
    // the lists of 10,000 companies.
    const sql = `SELECT entry FROM verdicts INDEXED BY verdicts_fresh WHERE policy = ? AND list = ? ORDER BY key`;
    for (const [entry] of this.rawStatement(sql).iterate(wordsOfKey(policyKey), list) as Iterable<[string]>) yield entry;
  }

  /** The same, each as its text for `lists --json` where that is kept, and as its entry where it is not. */
  *cachedJsonOf(policyKey: string, list: string): Generator<{ json: string } | { entry: string }> {
    const sql = `SELECT json, CASE WHEN json IS NULL THEN entry END FROM verdicts INDEXED BY verdicts_fresh WHERE policy = ? AND list = ? ORDER BY key`;
    for (const [json, entry] of this.rawStatement(sql).iterate(wordsOfKey(policyKey), list) as Iterable<[string | null, string | null]>) yield json === null ? { entry: entry! } : { json };
  }

  /**
   * The cached list entries' serialised markdown table rows in one language, a list after
   * another, each in name order;
   * the entry (its JSON text) only where that row is not made yet.
   */
  cachedMarkdownRows(policyKey: string, lang: string): { company_id: number; list: string; md_row: string | null; entry: string | null }[] {
    // The entries a row was made from are not read again: ten thousand of them, parsed, were a
    // third of an export.
    return this.st(
      `SELECT v.company_id, v.list, json_extract(v.md_rows, '$.' || @lang) AS md_row,
         CASE WHEN json_extract(v.md_rows, '$.' || @lang) IS NULL THEN v.entry END AS entry
       FROM verdicts v INDEXED BY verdicts_fresh
       WHERE v.policy = @policy AND v.list <> 'unlisted' ORDER BY v.list, v.key`,
    ).all({ lang, policy: wordsOfKey(policyKey) }) as { company_id: number; list: string; md_row: string | null; entry: string | null }[];
  }

  /**
   * Keeps markdown rows of one language beside the cached verdicts (any language: a key of one
   * JSON column), each beside the cached entry it was made from, in the words of the
   * policy key it was read under: not where another process has judged that company again since
   * (to another entry, or to the same one in other words: another version, or time zone).
   */
  saveMarkdownRows(rows: { companyId: number; entry: string; row: string }[], lang: string, policyKey: string): void {
    const update = this.st(`UPDATE verdicts SET md_rows = json_set(coalesce(md_rows, '{}'), '$.' || ?, ?) WHERE company_id = ? AND entry = ? AND policy = ?`);
    const words = wordsOfKey(policyKey);
    this.write(() => {
      for (const r of rows) update.run(lang, r.row, r.companyId, r.entry, words);
    });
  }

  /**
   * Inside a write: the verdict of every company saved by `save` (with saveVerdicts, each in
   * place of the old one, or kept with keepVerdicts). Where none is in these words (after an
   * import, or in a new version or time zone), none can be kept: the old ones are deleted first,
   * and the listing index made again once the new ones are in: kept up a row at a time, in the
   * order companies are judged, its pages came out half full and out of order, and every warm
   * listing read it more slowly. Where some are, it is kept up: a change of policy changes a few rows.
   */
  savingEveryVerdict(policyKey: string, save: () => void): void {
    const bulk = this.st('SELECT 1 FROM verdicts WHERE policy = ? LIMIT 1').get(wordsOfKey(policyKey)) === undefined;
    if (bulk) {
      this.st('DELETE FROM verdicts').run();
      this.db.exec(`DROP INDEX ${VERDICTS_LISTING_INDEX_NAME}`);
    }
    save();
    if (bulk) this.db.exec(VERDICTS_LISTING_INDEX);
  }

  /**
   * After verdicts judged at `now` under a policy are saved (inside that write): every cached
   * one was judged at `now` or before, and holds under that policy alone (its key is kept here
   * once; each row carries only the words of its texts).
   */
  markVerdictsJudged(now: number, policyKey: string): void {
    this.st('DELETE FROM verdicts_judged').run();
    this.st('INSERT INTO verdicts_judged (at, policy) VALUES (?, ?)').run(now, policyKey);
  }

  saveVerdicts(policyKey: string, rows: { companyId: number; key: string; list: string; entry: string; json: string | null; validUntil: number | null }[]): void {
    // Fifty rows a statement, as the first listing after an import writes ten thousand: a
    // statement a row took twice as long.
    const insert = new RowsAtOnce((sql) => this.st(sql), 'INSERT OR REPLACE INTO verdicts (company_id, key, list, entry, json, policy, valid_until) VALUES', 7, VERDICT_ROWS);
    const words = wordsOfKey(policyKey);
    this.write(() => {
      for (const r of rows) insert.add(r.companyId, r.key, r.list, r.entry, r.json, words, r.validUntil);
      insert.end();
    });
  }

  /**
   * The cached verdicts of these companies whose texts were made in the words of this policy
   * key: for companies judged again, whose entry may be the same.
   */
  cachedEntriesIn(companyIds: number[], policyKey: string): Map<number, CachedEntry> {
    const rows = this.rows(
      // By their ids alone (`+policy`): by the listing index, SQLite read every row of these words at each batch.
      'SELECT company_id, entry, list, key, valid_until FROM verdicts WHERE company_id IN (SELECT value FROM json_each(?)) AND +policy = ?',
      JSON.stringify(companyIds),
      wordsOfKey(policyKey),
    ) as [number, string, string, string, number | null][];
    return new Map(rows.map(([id, entry, list, key, validUntil]) => [id, { entry, list, key, validUntil }]));
  }

  /**
   * Inside a write: cached verdicts of companies judged again to the same entry, each kept with
   * the texts made of it (see cachedEntriesIn), its list, name key and valid_until as judged now
   * (given only where one of them changed: the rest are kept as they are, untouched).
   */
  keepVerdicts(rows: { companyId: number; key: string; list: string; validUntil: number | null }[]): void {
    if (!rows.length) return;
    this.write(() => {
      this.st('UPDATE verdicts SET key = u.value ->> 1, list = u.value ->> 2, valid_until = u.value ->> 3 FROM json_each(?) u WHERE verdicts.company_id = u.value ->> 0').run(
        JSON.stringify(rows.map((r) => [r.companyId, r.key, r.list, r.validUntil])),
      );
    });
  }

  /** Whether a listed company's cached entry has no text for `lists --json` yet (it was judged by another command). */
  hasEntryWithoutJson(policyKey: string): boolean {
    return this.st(`SELECT 1 FROM verdicts WHERE policy = ? AND ${UNWORDED} LIMIT 1`).get(wordsOfKey(policyKey)) !== undefined;
  }

  /** The listed companies' cached entries that have no text for `lists --json` yet. */
  entriesWithoutJson(policyKey: string): { companyId: number; entry: string }[] {
    const rows = this.rows(`SELECT company_id, entry FROM verdicts WHERE policy = ? AND ${UNWORDED}`, wordsOfKey(policyKey)) as [number, string][];
    return rows.map(([companyId, entry]) => ({ companyId, entry }));
  }

  /** Inside a write: the text for `lists --json` of cached entries, each kept beside the entry it was made from. */
  saveEntryJson(rows: { companyId: number; entry: string; json: string }[]): void {
    const update = this.st('UPDATE verdicts SET json = ? WHERE company_id = ? AND entry = ?');
    for (const r of rows) update.run(r.json, r.companyId, r.entry);
  }

  /**
   * The evidence of many companies at once, as the list policy reads it: each incident by the
   * digest of its events, each check without its answers. A few queries for the lot, and no
   * event read where digests are kept; companies of neighbouring ids (an import's) are read
   * as one range of the indexes.
   */
  factsOfMany(companies: Pick<CompanyRow, 'id' | 'name'>[]): Map<number, CompanyFacts> {
    const out = new Map<number, CompanyFacts>(companies.map((c) => [c.id, { company: c.name, checks: [], incidents: [] }]));
    if (!companies.length) return out;
    let lo = Infinity;
    let hi = -Infinity;
    for (const c of companies) {
      if (c.id < lo) lo = c.id;
      if (c.id > hi) hi = c.id;
    }
    const dense = hi - lo < 2 * companies.length;
    const where = (col: string) => (dense ? `${col} BETWEEN ? AND ?` : `${col} IN (SELECT value FROM json_each(?))`);
    const params = dense ? [lo, hi] : [JSON.stringify(companies.map((c) => c.id))];
    const checks = this.rows(`SELECT company_id, ref, checklist, checklist_version, at, at_ms, score, verdict, dealbreakers, id FROM checks WHERE ${where('company_id')}`, ...params) as CheckTuple[];
    checks.sort((a, b) => a[5] - b[5] || a[9] - b[9]);
    for (const [companyId, ref, checklist, version, at, , score, verdict, dealbreakers] of checks) {
      const e = out.get(companyId);
      e?.checks.push({ id: ref, company: e.company, checklist, checklist_version: version, at, score, verdict, dealbreakers: JSON.parse(dealbreakers) });
    }
    // The company's name is the caller's (a null in its place); the opening's time, last, is for the order.
    const tuples = this.rows(
      `SELECT i.id, i.ref, i.company_id, NULL, i.title, i.opened, i.fault, i.closed, d.digest, i.opened_ms FROM incidents i LEFT JOIN digests d ON d.incident_id = i.id
       WHERE ${where('i.company_id')}`,
      ...params,
    ) as (IncidentTuple & { 9: number })[];
    // As SQLite orders them: by opening, then by the bytes of the id.
    tuples.sort((a, b) => a[9] - b[9] || compareBytes(a[1], b[1]));
    const rows: DigestRow[] = [];
    for (const t of tuples) {
      const facts = out.get(t[2]);
      if (!facts) continue;
      t[3] = facts.company;
      rows.push(incidentRowOf(t));
    }
    for (const i of this.digested(rows)) out.get(i.companyId)!.incidents.push(i);
    const pins = this.st(`SELECT company_id, list, reason, at FROM pins WHERE ${where('company_id')}`).all(...params) as (Omit<Pin, 'company'> & { company_id: number })[];
    for (const { company_id, ...pin } of pins) {
      const e = out.get(company_id);
      if (e) e.pin = { company: e.company, ...pin };
    }
    return out;
  }

  // ---- digests of timelines ----

  /**
   * Every incident (or every one not closed, or every one `due` reads: see OWING) with the digest of its events, in the
   * order of allIncidents, a batch at a time.
   */
  *digestedIncidentsInBatches(size = 500, which: IncidentsRead = 'all'): Generator<(DigestedIncident & { rowId: number; companyId: number })[]> {
    // Read by one statement when every digest is kept (at 100,000 companies a tenth of `due`
    // quicker than by batches of ids), and handed over `size` at a time.
    const rows = this.rowsInOneRead(which);
    try {
      let batch: DigestRow[] = [];
      let r = rows.next();
      for (; !r.done; r = rows.next()) {
        batch.push(r.value);
        if (batch.length === size) {
          yield this.digested(batch);
          batch = [];
        }
      }
      if (r.value) {
        if (batch.length) yield this.digested(batch);
        return;
      }
    } finally {
      // After a reader that stopped early or threw too: the read ends here.
      rows.return(false);
    }
    for (const batch of this.rowsInBatches(size, which)) yield this.digested(batch);
  }

  /**
   * Visits every incident's own fields with the text of what `incident list` reads of its
   * digest (listedText's), in the order of allIncidents, for a reader that need not make the
   * digest at all. A digest missing is worked out as digested() does (the incidents are then
   * read `size` at a time). `visit` must not use this store: the incidents may be one read,
   * still going on.
   */
  eachIncidentListed(visit: (i: IncidentWithListedText) => void, size = 500): void {
    const listed = (r: DigestRow, text: string): IncidentWithListedText => ({ id: r.ref, company: r.company, title: r.title, opened: r.opened, fault: r.fault, closed: r.closed, listed: text });
    const rows = this.rowsInOneRead('all', 'listed');
    try {
      let r = rows.next();
      for (; !r.done; r = rows.next()) visit(listed(r.value, r.value.digest!));
      if (r.value) return;
    } finally {
      // After a visit that threw too: the read ends here.
      rows.return(false);
    }
    for (const batch of this.rowsInBatches(size, 'all', 'listed')) {
      const made = this.madeDigests(batch);
      for (const r of batch) visit(listed(r, r.digest ?? listedText(made.get(r.id)!)));
    }
  }

  /**
   * Every incident (or every one not closed) with its digest, in the order of allIncidents, by
   * one statement, in one snapshot (no digest can be dropped meanwhile): a third quicker than
   * by batches of ids. Returns false, having read none, when one of them has no digest kept
   * (the caller then reads them by batches, which work the missing digests out and keep them).
   * The read goes on until the last row is taken, or the generator is returned: nothing may
   * use this store meanwhile. A reader that writes as it reads (`due`, into a pager left open)
   * holds that snapshot as long, as `due --format ics` does: other commands still write, but
   * the log is not checkpointed past it until the read ends.
   */
  private *rowsInOneRead(which: IncidentsRead, part: DigestPart = 'digest'): Generator<DigestRow, boolean> {
    const where = which === 'all' ? '' : WHICH[which];
    const own = !this.db.inTransaction;
    if (own) this.db.exec('BEGIN');
    try {
      // (Whether it has a digest first: the cheaper test, and the rarer.)
      const missing = `SELECT 1 FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM digests d WHERE d.incident_id = i.id)${where ? ` AND ${where}` : ''} LIMIT 1`;
      if (this.rawStatement(missing).get() !== undefined) return false;
      const all = this.rawStatement(
        `SELECT ${INCIDENT_COLUMNS}, d.${part} ${where ? UNCLOSED_INCIDENTS : EVERY_INCIDENT} LEFT JOIN digests d ON d.incident_id = i.id
         ${which === 'all' ? '' : `WHERE ${DIGESTED_WHICH[which]}`} ${INCIDENT_ORDER}`,
      );
      for (const t of all.iterate() as Iterable<unknown[]>) yield incidentRowOf(t);
      return true;
    } finally {
      // The statement is closed by then (a returned generator closes its loop first).
      if (own && this.db.inTransaction) this.db.exec('COMMIT');
    }
  }

  private *rowsInBatches(size: number, which: IncidentsRead, part: DigestPart = 'digest'): Generator<DigestRow[]> {
    // Where a digest is missing (and digests are worked out and kept between batches): the
    // order is read first, as ids alone (the sort carried every digest along once, and took
    // longer than all the rest); then each batch's rows with their digests, by one statement.
    // Each batch is the record as it stands when it is read, and an incident removed meanwhile
    // is left out.
    const order = which !== 'all' ? `SELECT i.id ${UNCLOSED_INCIDENTS} WHERE ${WHICH[which]} ${INCIDENT_ORDER}` : `SELECT i.id ${EVERY_INCIDENT_IN_ORDER}`;
    const ids = (this.rawStatement(order).all() as [number][]).map((r) => r[0]);
    const rowsOf = this.rawStatement(
      `SELECT ${INCIDENT_COLUMNS}, d.${part}
       FROM json_each(?) j CROSS JOIN incidents i ON i.id = j.value JOIN companies c ON c.id = i.company_id
       LEFT JOIN digests d ON d.incident_id = i.id ORDER BY j.key`,
    );
    for (let k = 0; k < ids.length; k += size) {
      const batch = (rowsOf.all(JSON.stringify(ids.slice(k, k + size))) as unknown[][]).map(incidentRowOf);
      if (batch.length) yield batch;
    }
  }

  /**
   * A write to a cache, which can wait for next time: tried once, without waiting for another
   * writer; false (and nothing written) when the database cannot be written just now. A listing
   * that only reads is so never held up by a long import to keep what it can make again. (Not
   * while a cursor of iterate() is open: SQLite cannot begin a transaction then.)
   */
  writeCacheIfFree(fn: () => void): boolean {
    this.endRead();
    if (this.db.inTransaction) {
      // Within a caller's write, as a savepoint of it: a failed cache write is undone alone.
      try {
        this.db.transaction(fn)();
        return true;
      } catch (err) {
        if (!isUnwritable(err)) throw err;
        return false;
      }
    }
    const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      this.db.exec('BEGIN IMMEDIATE');
      fn();
      this.db.exec('COMMIT');
      return true;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      if (!isUnwritable(err)) throw err;
      return false;
    } finally {
      this.db.pragma(`busy_timeout = ${timeout}`);
    }
  }

  /** Keeps the digest of an incident's events as they stand, inside a write. */
  keepDigest(incidentRowId: number, digest: Digest, ifStillThere = false): void {
    // A digest worked out from a row read earlier is kept only for an incident still there:
    // one removed since has no events. (The import's own incidents are there, and not looked up.)
    // Nor is one kept once another build, or the same in another time zone, has taken the
    // digests over (see keepDigestsOfThisBuild): it would be read as made there.
    const kept = this.st(
      `INSERT OR REPLACE INTO digests (incident_id, digest, listed) SELECT @id, @digest, @listed
       WHERE (SELECT build FROM digests_build) = @build ${ifStillThere ? 'AND EXISTS (SELECT 1 FROM incidents WHERE id = @id)' : ''}`,
    ).run({ id: incidentRowId, digest: digestText(digest), listed: listedText(digest), build: digestsKey() });
    if (kept.changes) this.bulkDigests?.kept.add(incidentRowId);
  }

  /**
   * Incidents from rows read with their digest: one missing (never worked out, or dropped
   * since) is worked out from the events, a batch at a time, and kept for next time unless
   * the database cannot be written just now.
   */
  private digested(rows: DigestRow[]): (DigestedIncident & { rowId: number; companyId: number })[] {
    const made = this.madeDigests(rows);
    return rows.map((r) => incidentOfRow(r, { digest: r.digest === null ? made.get(r.id)! : digestFromText(r.digest) }));
  }

  /** The digests of the rows read without one, worked out from their events (see digested). */
  private madeDigests(rows: DigestRow[]): Map<number, Digest> {
    const made = new Map<number, Digest>();
    const missing = rows.filter((r) => r.digest === null);
    const work = (keep: boolean) => () => {
      for (let k = 0; k < missing.length; k += 500) {
        for (const i of this.withEventsOf(missing.slice(k, k + 500))) made.set(i.rowId, digestOf(i.events));
      }
      if (keep) for (const [id, d] of made) this.keepDigest(id, d, true);
    };
    // The events are read and their digests kept in one write: no event can be logged in
    // between, which a kept digest would not know of. A database that cannot be written
    // just now has them worked out all the same.
    if (missing.length && !this.writeCacheIfFree(work(true))) work(false)();
    return made;
  }

  counts(): { companies: number; checks: number; incidents: number; events: number; pins: number } {
    const n = (table: string) => (this.st(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { companies: n('companies'), checks: n('checks'), incidents: n('incidents'), events: n('events'), pins: n('pins') };
  }
}

/** No ids reserved. */
const NO_IDS: ReadonlySet<string> = new Set();

/** Ids as they are compared: ignoring the case of their letters. */
const lowerCased = (ids: Iterable<string>): Set<string> => new Set(Array.from(ids, (r) => r.toLowerCase()));

interface RawCheck {
  id: number;
  ref: string;
  company_id: number;
  company: string;
  checklist: string;
  checklist_version: number;
  at: string;
  lang: string | null;
  score: number;
  verdict: CheckVerdict;
  dealbreakers: string;
  answers: string;
}

function toCheck(r: RawCheck): StoredCheck {
  return {
    id: r.ref,
    company_id: r.company_id,
    company: r.company,
    checklist: r.checklist,
    checklist_version: r.checklist_version,
    at: r.at,
    lang: r.lang,
    score: r.score,
    verdict: r.verdict,
    dealbreakers: JSON.parse(r.dealbreakers),
    answers: JSON.parse(r.answers),
  };
}

