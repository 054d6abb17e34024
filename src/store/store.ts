// The only place that speaks SQL. Queries are named for what they mean; every write a
// command makes runs inside `write()`, one immediate transaction.

import type { Statement } from 'better-sqlite3';
import { inspectHeader, openDatabase, openMemoryDatabase, type DB, type OpenOptions } from './open.js';
import { SCHEMA_VERSION } from './schema.js';
import { companyKey, lookalikeSkeleton } from '../domain/names.js';
import { eventContentKey } from '../domain/events.js';
import { msOf } from '../domain/dates.js';
import type { CheckRecord, CheckVerdict, CompanyEvidence, Fault, Incident, IncidentEvent, Pin } from '../domain/types.js';
import { UserError } from '../errors.js';

export interface CompanyRow {
  id: number;
  name: string;
  key: string;
  parent_id: number | null;
  website: string | null;
  category: string | null;
  created_at: string;
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

export interface NewCheck {
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

interface EventRow {
  incident_id: number;
  at: string;
  type: string;
  data: string;
}

export interface NewIncident {
  ref: string;
  companyId: number;
  title: string;
  opened: string;
  fault: Fault;
  closed?: string;
}

/** Whether an existing database is of an older schema (and so is backed up before it is opened). */
export function needsMigration(path: string): boolean {
  const { isNew, version } = inspectHeader(path);
  return !isNew && version > 0 && version < SCHEMA_VERSION;
}

export class Store {
  private statements = new Map<string, Statement>();

  constructor(readonly db: DB, readonly path: string) {}

  static open(path: string, options?: OpenOptions): Store {
    return new Store(openDatabase(path, options), path);
  }

  /** A store in memory, named after the file it stands in for. */
  static inMemory(path: string): Store {
    return new Store(openMemoryDatabase(), path);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs `fn` as one immediate write transaction: all of it or none of it. */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  private st(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
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

  /** Companies whose names look the same as `name` through letters of another script. */
  lookalikesOf(name: string): CompanyRow[] {
    const key = companyKey(name);
    const skeleton = lookalikeSkeleton(key);
    return (this.st('SELECT * FROM companies WHERE skeleton = ? AND key <> ?').all(skeleton, key) as CompanyRow[]);
  }

  createCompany(name: string, createdAt: string): CompanyRow {
    const key = companyKey(name);
    if (!key) throw new UserError('a company name cannot be empty; give the name the company uses.');
    const taken = this.st('SELECT c.name FROM aliases a JOIN companies c ON c.id = a.company_id WHERE a.key = ?').get(key) as
      | { name: string }
      | undefined;
    if (taken) throw new UserError(`"${name}" is already an alias of ${taken.name}.`);
    const display = name.trim().replace(/\s+/gu, ' ');
    const info = this.st('INSERT INTO companies (name, key, skeleton, created_at) VALUES (?, ?, ?, ?)').run(display, key, lookalikeSkeleton(key), createdAt);
    return { id: Number(info.lastInsertRowid), name: display, key, parent_id: null, website: null, category: null, created_at: createdAt };
  }

  /** Finds a company by name or alias, creating it when there is none. */
  ensureCompany(name: string, createdAt: string): { company: CompanyRow; created: boolean } {
    const found = this.findCompany(name);
    if (found) return { company: found, created: false };
    return { company: this.createCompany(name, createdAt), created: true };
  }

  /** Adds an alias; false when it is the company's name or alias already. */
  addAlias(companyId: number, alias: string): boolean {
    const key = companyKey(alias);
    if (!key) return false;
    const owner = this.findCompany(alias);
    if (owner) {
      if (owner.id === companyId) return false;
      throw new UserError(`"${alias}" already names ${owner.name}; an alias can belong to one company only.`);
    }
    this.st('INSERT INTO aliases (company_id, name, key) VALUES (?, ?, ?)').run(companyId, alias.trim().replace(/\s+/gu, ' '), key);
    return true;
  }

  aliasesOf(companyId: number): string[] {
    return (this.st('SELECT name FROM aliases WHERE company_id = ? ORDER BY rowid').all(companyId) as { name: string }[]).map((r) => r.name);
  }

  /** Sets the descriptive fields that are given; returns whether anything changed. */
  updateCompany(companyId: number, fields: { parentId?: number; website?: string; category?: string }): boolean {
    if (fields.parentId === undefined && fields.website === undefined && fields.category === undefined) return false;
    const c = this.companyById(companyId)!;
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
    const aliases = new Map<number, string[]>();
    for (const a of this.st('SELECT company_id, name FROM aliases ORDER BY rowid').all() as { company_id: number; name: string }[]) {
      const list = aliases.get(a.company_id) ?? [];
      list.push(a.name);
      aliases.set(a.company_id, list);
    }
    return rows.map((r) => ({ ...r, aliases: aliases.get(r.id) ?? [] }));
  }

  // ---- checks ----

  private deferred: Set<number> | null = null;

  /** Drops the cached verdict of a company: its evidence has changed. */
  forgetVerdict(companyId: number): void {
    if (this.deferred) this.deferred.add(companyId);
    else this.st('DELETE FROM verdicts WHERE company_id = ?').run(companyId);
  }

  /** Runs a bulk write that drops each touched company's cached verdict once, at its end. */
  withVerdictsDeferred<T>(fn: () => T): T {
    this.deferred = new Set();
    try {
      const out = fn();
      const del = this.st('DELETE FROM verdicts WHERE company_id = ?');
      for (const id of this.deferred) del.run(id);
      return out;
    } finally {
      this.deferred = null;
    }
  }

  insertCheck(c: NewCheck): number {
    this.forgetVerdict(c.companyId);
    const info = this.st(
      `INSERT INTO checks (company_id, checklist, checklist_version, at, at_ms, lang, score, verdict, dealbreakers, answers)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
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
    return Number(info.lastInsertRowid);
  }

  findCheck(companyId: number, checklist: string, at: string): number | undefined {
    const row = this.st('SELECT id FROM checks WHERE company_id = ? AND checklist = ? AND at = ?').get(companyId, checklist, at) as
      | { id: number }
      | undefined;
    return row?.id;
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
    // A range on the unique index: every ref that starts with `<slug>-` ('.' follows '-').
    const rows = this.st('SELECT ref FROM incidents WHERE ref >= ? AND ref < ?').all(`${slug}-`, `${slug}.`) as { ref: string }[];
    const taken = new Set([...rows.map((r) => r.ref), ...reserved]);
    let n = 1;
    while (taken.has(`${slug}-${n}`)) n++;
    return `${slug}-${n}`;
  }

  insertIncident(i: NewIncident): number {
    this.forgetVerdict(i.companyId);
    const info = this.st(
      'INSERT INTO incidents (ref, company_id, title, opened, opened_ms, fault, closed) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(i.ref, i.companyId, i.title, i.opened, msOf(i.opened), i.fault, i.closed ?? null);
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

  /** An incident of a company with this opening time and title (how the data file keys incidents without an id). */
  findIncidentByContent(companyId: number, opened: string, title: string): string | undefined {
    const row = this.st('SELECT ref FROM incidents WHERE company_id = ? AND opened = ? AND title = ?').get(companyId, opened, title) as
      | { ref: string }
      | undefined;
    return row?.ref;
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
    const rows = this.st(
      `SELECT i.*, c.name AS company FROM incidents i JOIN companies c ON c.id = i.company_id
       ORDER BY c.key, i.opened_ms, i.ref`,
    ).all() as IncidentRow[];
    return this.withEvents(rows, true);
  }

  private withEvents(rows: IncidentRow[], all = false, batch?: string): (Incident & { rowId: number; companyId: number })[] {
    const byIncident = new Map<number, IncidentEvent[]>();
    const events = all
      ? (this.st('SELECT incident_id, at, type, data FROM events ORDER BY incident_id, at_ms, id').all() as EventRow[])
      : batch !== undefined
        ? (this.st(
            `SELECT incident_id, at, type, data FROM events
             WHERE incident_id IN (SELECT id FROM incidents WHERE company_id IN (SELECT value FROM json_each(?)))
             ORDER BY incident_id, at_ms, id`,
          ).all(batch) as EventRow[])
        : rows.flatMap(
            (r) => this.st('SELECT incident_id, at, type, data FROM events WHERE incident_id = ? ORDER BY at_ms, id').all(r.id) as EventRow[],
          );
    for (const e of events) {
      let list = byIncident.get(e.incident_id);
      if (!list) byIncident.set(e.incident_id, (list = []));
      list.push({ at: e.at, type: e.type, ...JSON.parse(e.data) } as IncidentEvent);
    }
    return rows.map((r) => ({
      rowId: r.id,
      companyId: r.company_id,
      id: r.ref,
      company: r.company,
      title: r.title,
      opened: r.opened,
      fault: r.fault,
      ...(r.closed ? { closed: r.closed } : {}),
      events: byIncident.get(r.id) ?? [],
    }));
  }

  /** The content keys of an incident's events, for recognising an event logged before. */
  eventKeysOf(incidentRowId: number): Set<string> {
    const rows = this.st('SELECT at, type, data FROM events WHERE incident_id = ?').all(incidentRowId) as Omit<EventRow, 'incident_id'>[];
    return new Set(rows.map((r) => eventContentKey({ at: r.at, type: r.type, ...JSON.parse(r.data) } as IncidentEvent)));
  }

  /**
   * Appends an event; false when the same event is already on the timeline. `known` (the
   * incident's keys, from eventKeysOf) saves a query per event on bulk imports and is kept up to date.
   */
  addEvent(incidentRowId: number, e: IncidentEvent, known?: Set<string>): boolean {
    // With `known`, a bulk import: it drops the company's cached verdict once, itself.
    const bulk = known !== undefined;
    known ??= this.eventKeysOf(incidentRowId);
    const { at, type, ...rest } = e;
    const key = eventContentKey(e);
    if (known.has(key)) return false;
    known.add(key);
    if (!bulk) this.st('DELETE FROM verdicts WHERE company_id = (SELECT company_id FROM incidents WHERE id = ?)').run(incidentRowId);
    this.st('INSERT INTO events (incident_id, at, at_ms, type, data) VALUES (?, ?, ?, ?, ?)').run(incidentRowId, at, msOf(at), type, JSON.stringify(rest));
    if (type === 'resolution') this.st('UPDATE incidents SET closed = coalesce(closed, ?) WHERE id = ?').run(at, incidentRowId);
    return true;
  }

  /** Records when an incident was closed, unless that is known already. */
  setIncidentClosed(incidentRowId: number, closed: string): void {
    this.st('UPDATE incidents SET closed = coalesce(closed, ?) WHERE id = ?').run(closed, incidentRowId);
    this.st('DELETE FROM verdicts WHERE company_id = (SELECT company_id FROM incidents WHERE id = ?)').run(incidentRowId);
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
    this.st('INSERT OR REPLACE INTO pins (company_id, list, reason, at) VALUES (?, ?, ?, ?)').run(companyId, pin.list, pin.reason, pin.at);
    this.forgetVerdict(companyId);
    return true;
  }

  removePin(companyId: number): boolean {
    this.forgetVerdict(companyId);
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
  companiesToJudge(policyKey: string, now: number): CompanyRow[] {
    return this.st(
      `SELECT c.* FROM companies c LEFT JOIN verdicts v ON v.company_id = c.id
       WHERE v.company_id IS NULL OR v.policy <> ? OR (v.valid_until IS NOT NULL AND v.valid_until <= ?)`,
    ).all(policyKey, now) as CompanyRow[];
  }

  /** The cached entries (list, and the JSON text of the entry or of the whole verdict), in name order. */
  cachedVerdicts(policyKey: string, what: 'entry' | 'verdict', list?: string): { company_id: number; list: string; json: string }[] {
    const column = what === 'entry' ? 'v.entry' : 'v.verdict';
    const sql = `SELECT v.company_id, v.list, ${column} AS json FROM verdicts v JOIN companies c ON c.id = v.company_id
       WHERE v.policy = ?${list ? ' AND v.list = ?' : ''} ORDER BY c.key`;
    return this.st(sql).all(...(list ? [policyKey, list] : [policyKey])) as { company_id: number; list: string; json: string }[];
  }

  /** The cached list entries with their serialised markdown table row in one language (null until made), in name order. */
  cachedMarkdownRows(policyKey: string, lang: string): { company_id: number; list: string; entry: string; md_row: string | null }[] {
    return this.st(
      `SELECT v.company_id, v.list, v.entry, json_extract(v.md_rows, '$.' || ?) AS md_row FROM verdicts v JOIN companies c ON c.id = v.company_id
       WHERE v.policy = ? AND v.list <> 'unlisted' ORDER BY c.key`,
    ).all(lang, policyKey) as { company_id: number; list: string; entry: string; md_row: string | null }[];
  }

  /** Keeps markdown rows of one language beside the cached verdicts (any language: a key of one JSON column). */
  saveMarkdownRows(rows: { companyId: number; row: string }[], lang: string): void {
    const update = this.st(`UPDATE verdicts SET md_rows = json_set(coalesce(md_rows, '{}'), '$.' || ?, ?) WHERE company_id = ?`);
    this.write(() => {
      for (const r of rows) update.run(lang, r.row, r.companyId);
    });
  }

  saveVerdicts(policyKey: string, rows: { companyId: number; list: string; entry: string; verdict: string; validUntil: number | null }[]): void {
    const insert = this.st('INSERT OR REPLACE INTO verdicts (company_id, list, entry, verdict, policy, valid_until) VALUES (?, ?, ?, ?, ?, ?)');
    this.write(() => {
      for (const r of rows) insert.run(r.companyId, r.list, r.entry, r.verdict, policyKey, r.validUntil);
    });
  }

  /** The evidence of some companies, in a few queries (give them in batches of a few thousand). */
  evidenceOfMany(companies: CompanyRow[]): Map<number, CompanyEvidence> {
    if (companies.length <= 20) return new Map(companies.map((c) => [c.id, this.evidenceOf(c)]));
    const ids = JSON.stringify(companies.map((c) => c.id));
    const checks = groupBy(
      (
        this.st(
          `SELECT k.*, c.name AS company FROM checks k JOIN companies c ON c.id = k.company_id
           WHERE k.company_id IN (SELECT value FROM json_each(?)) ORDER BY k.at_ms, k.id`,
        ).all(ids) as RawCheck[]
      ).map(toCheck),
      (c) => c.company_id,
    );
    const rows = this.st(
      `SELECT i.*, c.name AS company FROM incidents i JOIN companies c ON c.id = i.company_id
       WHERE i.company_id IN (SELECT value FROM json_each(?)) ORDER BY i.opened_ms, i.ref`,
    ).all(ids) as IncidentRow[];
    const incidents = groupBy(this.withEvents(rows, false, ids), (i) => i.companyId);
    const pins = new Map(
      (
        this.st(
          `SELECT p.company_id, c.name AS company, p.list, p.reason, p.at FROM pins p JOIN companies c ON c.id = p.company_id
           WHERE p.company_id IN (SELECT value FROM json_each(?))`,
        ).all(ids) as (Pin & { company_id: number })[]
      ).map(({ company_id, ...pin }) => [company_id, pin]),
    );
    return new Map(
      companies.map((c) => [
        c.id,
        { company: c.name, checks: checks.get(c.id) ?? [], incidents: incidents.get(c.id) ?? [], pin: pins.get(c.id) },
      ]),
    );
  }

  counts(): { companies: number; checks: number; incidents: number; events: number; pins: number } {
    const n = (table: string) => (this.st(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { companies: n('companies'), checks: n('checks'), incidents: n('incidents'), events: n('events'), pins: n('pins') };
  }
}

interface RawCheck {
  id: number;
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
    id: r.id,
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

function groupBy<T, K>(items: T[], keyOf: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(item);
  }
  return out;
}
