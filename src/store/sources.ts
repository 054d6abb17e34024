// Sources: other people's shared lists and public complaint records. Their data lives in
// tables of its own and is read beside the user's evidence, never merged into it: no query
// here touches companies, checks, incidents, pins or the verdict cache but to read them.

import type { Store } from './store.js';
import { RowsAtOnce } from './rows-at-once.js';
import { LAST_OPERATION } from './journal.js';
import { companyKey } from '../domain/names.js';
import type { ComplaintCounts, SourceKind, SharedCompany, SharedList, SkippedRows } from '../domain/sources.js';
import { COUNT_FIELDS } from '../domain/sources.js';
import { LISTS } from '../domain/types.js';
import type { KeptKind } from '../formats/data-file.js';

export interface SourceMeta {
  kind: SourceKind;
  /** The file as the user named it. */
  file: string;
  /** The SHA-256 of the file; of a public record, of its CSV, zipped or not. */
  file_sha256: string;
  /** Of a public record read from an archive, the archive's own (as kept before its CSV's was): never stored. */
  archive_sha256?: string;
  exported_at: string | null;
  /** The `source` label the file gives itself. */
  label: string | null;
  rows_read: number;
  rows_skipped: number;
  skipped: SkippedRows[];
  date_from: string | null;
  date_to: string | null;
}

export interface SourceRow extends SourceMeta {
  id: number;
  name: string;
  added_at: string;
  updated_at: string | null;
}

export interface SourceSummary extends SourceRow {
  companies: number;
  known: number;
  listed: number;
}

/** A company of a source, as a reader gives it and the store keeps it. */
export type SourceCompanyData = SharedCompany;

/** One company × month × product of a public complaint record. */
export interface CountRow extends ComplaintCounts {
  month: string;
  product: string;
}

/** What a reader hands the store: the companies, and for complaint records their counts. */
export interface SourceData {
  meta: SourceMeta;
  companies: SourceCompanyData[];
  /** Per company (by its index in `companies`): counts and issues. */
  counts?: Map<number, CountRow[]>;
  issues?: Map<number, { month: string; issue: string; complaints: number }[]>;
  /** Of a shared file, the dates it holds as the vetted that wrote it kept them, which new input could not (never stored). */
  kept?: { counts: Partial<Record<KeptKind, number>>; records: string[] };
}

/** What one source says about one of the user's companies. */
export interface SourceSays {
  source: string;
  kind: SourceKind;
  /** The date the source speaks from: its export date, or the last complaint it holds. */
  date: string | null;
  /** The first complaint a public record holds (null for a shared list). */
  date_from: string | null;
  source_company_id: number;
  name: string;
  list: SharedList | null;
  evidence: { kind: 'check' | 'incident'; data: unknown }[];
}

interface RawSource extends Omit<SourceRow, 'skipped'> {
  skipped: string;
}

const toSource = (r: RawSource): SourceRow => ({ ...r, skipped: JSON.parse(r.skipped) as SkippedRows[] });

/** The keys a user's company answers to: its name's and its aliases'. */
const USER_KEYS = `SELECT key FROM companies WHERE id = @company UNION SELECT key FROM aliases WHERE company_id = @company`;

/**
 * The one company of the user's a source's company (`sc.id`) belongs to: the one its own name
 * (`sc.key`) names, by that company's name or else by an alias of it; else, of those its other
 * names name, the first whose own name one of them is, else the first one of whose aliases one
 * of them is (by key). A source's company whose names name two of the user's is theirs once, the
 * same in every listing, and never counted for both, nor put by an alias on a company of the
 * user's that its own name does not name.
 */
const OWNER = `coalesce(
  (SELECT c.id FROM companies c WHERE c.key = sc.key AND sc.key <> ''),
  (SELECT a.company_id FROM aliases a WHERE a.key = sc.key AND sc.key <> '' LIMIT 1),
  (SELECT c.id FROM source_names sn JOIN companies c ON c.key = sn.key WHERE sn.source_company_id = sc.id ORDER BY c.key LIMIT 1),
  (SELECT a.company_id FROM source_names sn JOIN aliases a ON a.key = sn.key WHERE sn.source_company_id = sc.id ORDER BY a.key LIMIT 1))`;

export class Sources {
  constructor(private readonly store: Store) {}

  private get db() {
    return this.store.db;
  }

  /** Whether any source is there (a database of an older schema has none). */
  hasSources(): boolean {
    return this.store.hasSources();
  }

  /** Whether any source gives checks or incidents (to be judged by the user's policy). */
  hasEvidence(): boolean {
    return this.db.prepare('SELECT 1 FROM source_evidence LIMIT 1').get() !== undefined;
  }

  findSource(name: string): SourceRow | undefined {
    const r = this.db.prepare('SELECT * FROM sources WHERE key = ?').get(companyKey(name)) as RawSource | undefined;
    return r ? toSource(r) : undefined;
  }

  allSources(): SourceSummary[] {
    return this.summaries();
  }

  /** One source's summary (after it was added or replaced), without counting the others'. */
  sourceSummary(id: number): SourceSummary | undefined {
    return this.summaries(id)[0];
  }

  private summaries(id?: number): SourceSummary[] {
    const rows = this.db
      .prepare(
        `SELECT s.*,
           (SELECT count(*) FROM source_companies sc WHERE sc.source_id = s.id) AS companies,
           (SELECT count(*) FROM source_companies sc JOIN source_lists sl ON sl.source_company_id = sc.id WHERE sc.source_id = s.id) AS listed,
           (SELECT count(DISTINCT sc.id) FROM source_companies sc JOIN source_names sn ON sn.source_company_id = sc.id
              WHERE sc.source_id = s.id AND (sn.key IN (SELECT key FROM companies) OR sn.key IN (SELECT key FROM aliases))) AS known
         FROM sources s${id === undefined ? '' : ' WHERE s.id = ?'} ORDER BY s.key`,
      )
      .all(...(id === undefined ? [] : [id])) as (RawSource & { companies: number; known: number; listed: number })[];
    return rows.map((r) => ({ ...toSource(r), companies: r.companies, known: r.known, listed: r.listed }));
  }

  /**
   * The source's companies whose names name more than one of the user's (its `Zed` has the alias
   * `Ozon`, and the user has both): each is counted for one of them (OWNER), said when it is added.
   */
  namingSeveral(id: number): { name: string; owner: string; yours: string[] }[] {
    // Driven from the user's names (a few thousand), not the source's (a public record's hundreds of thousands).
    const rows = this.db
      .prepare(
        `WITH m AS (
           SELECT sn.source_company_id AS scid, k.company_id
           FROM (SELECT id AS company_id, key FROM companies UNION ALL SELECT company_id, key FROM aliases) k
             CROSS JOIN source_names sn ON sn.key = k.key
             JOIN source_companies s2 ON s2.id = sn.source_company_id
           WHERE s2.source_id = ?)
         SELECT sc.name, (SELECT name FROM companies WHERE id = ${OWNER}) AS owner,
           (SELECT json_group_array(name) FROM companies WHERE id IN (SELECT company_id FROM m WHERE scid = sc.id)) AS yours
         FROM source_companies sc WHERE sc.id IN (SELECT scid FROM m GROUP BY scid HAVING count(DISTINCT company_id) > 1)
         ORDER BY sc.name`,
      )
      .all(id) as { name: string; owner: string; yours: string }[];
    return rows.map((r) => ({ name: r.name, owner: r.owner, yours: (JSON.parse(r.yours) as string[]).sort() }));
  }

  /**
   * The source last added or updated after operation `op` was made, if one was: sources are not
   * in the history, so that an undo run just after one would take back the change before it.
   */
  changedAfter(op: number): { name: string; updated: boolean; afterOp: number } | undefined {
    if (!this.hasSources()) return undefined;
    const row = this.db
      .prepare(`SELECT name, updated_at IS NOT NULL AS updated, after_op FROM sources WHERE after_op >= ? ORDER BY after_op DESC, coalesce(updated_at, added_at) DESC, id DESC LIMIT 1`)
      .get(op) as { name: string; updated: number; after_op: number } | undefined;
    return row && { name: row.name, updated: !!row.updated, afterOp: row.after_op };
  }

  /** Stores a new source whole, in one transaction; returns its id. */
  addSource(name: string, data: SourceData, at: string): number {
    return this.store.write(() => {
      const m = data.meta;
      const info = this.db
        .prepare(
          `INSERT INTO sources (name, key, kind, file, file_sha256, exported_at, label, added_at, rows_read, rows_skipped, skipped, date_from, date_to, after_op)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${LAST_OPERATION})`,
        )
        .run(name, companyKey(name), m.kind, m.file, m.file_sha256, m.exported_at, m.label, at, m.rows_read, m.rows_skipped, JSON.stringify(m.skipped), m.date_from, m.date_to);
      const id = Number(info.lastInsertRowid);
      this.insertCompanies(id, data);
      return id;
    });
  }

  /** Replaces a source's snapshot whole (a public file rewrites and deletes rows): nothing of the old one is kept but its name and when it was first added. */
  replaceSource(id: number, data: SourceData, at: string): void {
    this.store.write(() => {
      this.db.prepare('DELETE FROM source_companies WHERE source_id = ?').run(id);
      const m = data.meta;
      this.db
        .prepare(
          `UPDATE sources SET kind = ?, file = ?, file_sha256 = ?, exported_at = ?, label = ?, updated_at = ?, rows_read = ?, rows_skipped = ?, skipped = ?, date_from = ?, date_to = ?,
             after_op = ${LAST_OPERATION}
           WHERE id = ?`,
        )
        .run(m.kind, m.file, m.file_sha256, m.exported_at, m.label, at, m.rows_read, m.rows_skipped, JSON.stringify(m.skipped), m.date_from, m.date_to, id);
      this.insertCompanies(id, data);
    });
  }

  /** Removes a source and everything read from it. */
  removeSource(id: number): void {
    this.store.write(() => {
      this.db.prepare('DELETE FROM source_companies WHERE source_id = ?').run(id);
      this.db.prepare('DELETE FROM sources WHERE id = ?').run(id);
    });
  }

  /** Inside a write: the companies of a source and what hangs on them. */
  private insertCompanies(sourceId: number, data: SourceData): void {
    // Every row is inserted 32 to a statement: with one statement a row, the rows of a shared
    // file of 50,000 companies (each company, its name key, its list) took 253 ms against 189.
    // The companies are given their ids here, after the highest (as SQLite gives them), and
    // go in first: a row that hangs on one must find it there. Nothing reads these tables
    // until the last are inserted, at the end.
    const prepare = (sql: string) => this.db.prepare(sql);
    const first = this.db.prepare('SELECT coalesce(max(id), 0) + 1 FROM source_companies').pluck().get() as number;
    const company = new RowsAtOnce(prepare, 'INSERT INTO source_companies (id, source_id, name, key, aliases, complaints) VALUES', 6);
    const keys = data.companies.map((c, index) => {
      const key = companyKey(c.name);
      const total = (data.counts?.get(index) ?? []).reduce((n, r) => n + r.complaints, 0);
      company.add(first + index, sourceId, c.name, key, JSON.stringify(c.aliases), total);
      return key;
    });
    company.end();
    const nameKey = new RowsAtOnce(prepare, 'INSERT OR IGNORE INTO source_names (source_company_id, key) VALUES', 2);
    const list = new RowsAtOnce(prepare, 'INSERT INTO source_lists (source_company_id, list, since, pinned, reasons) VALUES', 5);
    const evidence = new RowsAtOnce(prepare, 'INSERT INTO source_evidence (source_company_id, kind, data) VALUES', 3);
    const count = new RowsAtOnce(prepare, `INSERT INTO complaint_counts (source_company_id, month, product, ${COUNT_FIELDS.join(', ')}) VALUES`, 3 + COUNT_FIELDS.length);
    const issue = new RowsAtOnce(prepare, 'INSERT INTO complaint_issues (source_company_id, month, issue, complaints) VALUES', 4);
    data.companies.forEach((c, index) => {
      const id = first + index;
      if (keys[index]) nameKey.add(id, keys[index]);
      for (const n of c.aliases) {
        const key = companyKey(n);
        if (key) nameKey.add(id, key);
      }
      if (c.list) list.add(id, c.list.list, c.list.since, c.list.pinned ? 1 : 0, JSON.stringify(c.list.reasons));
      for (const e of c.evidence ?? []) evidence.add(id, e.kind, JSON.stringify(e.data));
      for (const r of data.counts?.get(index) ?? []) count.add(id, r.month, r.product, ...COUNT_FIELDS.map((f) => r[f]));
      for (const r of data.issues?.get(index) ?? []) issue.add(id, r.month, r.issue, r.complaints);
    });
    for (const rows of [nameKey, list, evidence, count, issue]) rows.end();
  }

  /** What a shared file gave, as it was kept: its companies with their names, lists and evidence. */
  sharedCompaniesOf(sourceId: number): SourceCompanyData[] {
    const rows = this.db
      .prepare(
        `SELECT sc.id, sc.name, sc.aliases, sl.list, sl.since, sl.pinned, sl.reasons
         FROM source_companies sc LEFT JOIN source_lists sl ON sl.source_company_id = sc.id
         WHERE sc.source_id = ? ORDER BY sc.id`,
      )
      .all(sourceId) as { id: number; name: string; aliases: string; list: string | null; since: string | null; pinned: number; reasons: string | null }[];
    const evidence = new Map<number, { kind: 'check' | 'incident'; data: unknown }[]>();
    const kept = this.db
      .prepare(
        `SELECT e.source_company_id, e.kind, e.data FROM source_evidence e JOIN source_companies sc ON sc.id = e.source_company_id
         WHERE sc.source_id = ? ORDER BY e.id`,
      )
      .all(sourceId) as { source_company_id: number; kind: 'check' | 'incident'; data: string }[];
    for (const e of kept) {
      const of = evidence.get(e.source_company_id) ?? [];
      of.push({ kind: e.kind, data: JSON.parse(e.data) });
      evidence.set(e.source_company_id, of);
    }
    return rows.map((r) => ({
      name: r.name,
      aliases: JSON.parse(r.aliases) as string[],
      ...(r.list ? { list: { list: r.list as SharedList['list'], since: r.since, pinned: !!r.pinned, reasons: JSON.parse(r.reasons!) } } : {}),
      ...(evidence.has(r.id) ? { evidence: evidence.get(r.id) } : {}),
    }));
  }

  /** A source's companies, each with whether the user knows it (by name or alias key). */
  companiesOfSource(sourceId: number): { id: number; name: string; aliases: string[]; complaints: number; known: string | null; list: SharedList | null }[] {
    const rows = this.db
      .prepare(
        `SELECT sc.id, sc.name, sc.aliases, sc.complaints, sl.list, sl.since, sl.pinned, sl.reasons,
           (SELECT name FROM companies WHERE id = ${OWNER}) AS known
         FROM source_companies sc LEFT JOIN source_lists sl ON sl.source_company_id = sc.id
         WHERE sc.source_id = ? ORDER BY sc.complaints DESC, sc.name`,
      )
      .all(sourceId) as { id: number; name: string; aliases: string; complaints: number; known: string | null; list: string | null; since: string | null; pinned: number; reasons: string | null }[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      aliases: JSON.parse(r.aliases) as string[],
      complaints: r.complaints,
      known: r.known,
      list: r.list ? { list: r.list as SharedList['list'], since: r.since, pinned: !!r.pinned, reasons: JSON.parse(r.reasons!) } : null,
    }));
  }

  /** What every source says about one of the user's companies, in source name order. */
  sourcesOn(companyId: number): SourceSays[] {
    return this.sayingOf(`sn.key IN (${USER_KEYS}) AND ${OWNER} = @company`, { company: companyId });
  }

  /**
   * What the sources say of a name that is none of the user's companies yet (a vendor checked
   * before anything is recorded of it): their companies of that name (by its key), those a
   * source also names by one of the user's companies too (it is that vendor they list).
   */
  sourcesOnName(key: string): SourceSays[] {
    return this.sayingOf('sn.key = @key', { key });
  }

  private sayingOf(where: string, params: Record<string, unknown>): SourceSays[] {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT sc.id AS source_company_id, sc.name, s.name AS source, s.key AS source_key, s.kind, coalesce(s.exported_at, s.date_to) AS date, s.date_from,
           sl.list, sl.since, sl.pinned, sl.reasons
         FROM source_names sn JOIN source_companies sc ON sc.id = sn.source_company_id JOIN sources s ON s.id = sc.source_id
         LEFT JOIN source_lists sl ON sl.source_company_id = sc.id
         WHERE ${where}
         ORDER BY s.key, sc.name`,
      )
      .all(params) as { source_company_id: number; name: string; source: string; kind: SourceKind; date: string | null; date_from: string | null; list: string | null; since: string | null; pinned: number; reasons: string | null }[];
    const evidence = this.db.prepare('SELECT kind, data FROM source_evidence WHERE source_company_id = ? ORDER BY id');
    return rows.map((r) => ({
      source: r.source,
      kind: r.kind,
      date: r.date,
      date_from: r.kind === 'cfpb' ? r.date_from : null,
      source_company_id: r.source_company_id,
      name: r.name,
      list: r.list ? { list: r.list as SharedList['list'], since: r.since, pinned: !!r.pinned, reasons: JSON.parse(r.reasons!) } : null,
      evidence: (evidence.all(r.source_company_id) as { kind: 'check' | 'incident'; data: string }[]).map((e) => ({ kind: e.kind, data: JSON.parse(e.data) })),
    }));
  }

  /** For every user company some source lists, by its id: how many sources put it on each list. */
  sourceListCounts(): Map<number, Record<string, number>> {
    // Each company by any of its names (its own and its other names): how many sources put it
    // on each list, a source counted once however many of its names match. One row a company,
    // its three counts as numbers: a row a company and list, with the list's name, took as long
    // to hand over as the query took to run.
    const perList = LISTS.map((l) => `count(DISTINCT CASE sl.list WHEN '${l}' THEN sc.source_id END)`).join(', ');
    const rows = this.db
      .prepare(
        `SELECT k.company_id, ${perList}
         FROM (SELECT id AS company_id, key FROM companies UNION ALL SELECT company_id, key FROM aliases) k
         JOIN source_names sn ON sn.key = k.key
         JOIN source_companies sc ON sc.id = sn.source_company_id JOIN source_lists sl ON sl.source_company_id = sc.id
         WHERE ${OWNER} = k.company_id
         GROUP BY k.company_id`,
      )
      .raw()
      .all() as number[][];
    const out = new Map<number, Record<string, number>>();
    for (const r of rows) {
      // The lists in their usual order (black, white, watch), each only when a source has it.
      const counts: Record<string, number> = {};
      for (let k = 0; k < LISTS.length; k++) if (r[k + 1]) counts[LISTS[k]] = r[k + 1];
      out.set(r[0], counts);
    }
    return out;
  }

  /** A source's own lists, as it gave them, in name order. */
  listsOfSource(sourceId: number): { company: string; list: SharedList }[] {
    const rows = this.db
      .prepare(
        `SELECT sc.name, sl.list, sl.since, sl.pinned, sl.reasons FROM source_companies sc JOIN source_lists sl ON sl.source_company_id = sc.id
         WHERE sc.source_id = ? ORDER BY sc.name`,
      )
      .all(sourceId) as { name: string; list: string; since: string | null; pinned: number; reasons: string }[];
    return rows.map((r) => ({ company: r.name, list: { list: r.list as SharedList['list'], since: r.since, pinned: !!r.pinned, reasons: JSON.parse(r.reasons) } }));
  }

  /** The monthly complaint counts of some of a source's companies. */
  complaintCountsOf(sourceCompanyIds: number[]): CountRow[] {
    return this.db
      .prepare(
        `SELECT month, product, ${COUNT_FIELDS.join(', ')} FROM complaint_counts
         WHERE source_company_id IN (SELECT value FROM json_each(?)) ORDER BY month, product`,
      )
      .all(JSON.stringify(sourceCompanyIds)) as CountRow[];
  }

  /** Complaints per issue of some of a source's companies, from a month on. */
  complaintIssuesOf(sourceCompanyIds: number[], fromMonth: string, toMonth: string): { issue: string; complaints: number }[] {
    return this.db
      .prepare(
        `SELECT issue, sum(complaints) AS complaints FROM complaint_issues
         WHERE source_company_id IN (SELECT value FROM json_each(?)) AND month >= ? AND month <= ?
         GROUP BY issue ORDER BY complaints DESC, issue LIMIT 5`,
      )
      .all(JSON.stringify(sourceCompanyIds), fromMonth, toMonth) as { issue: string; complaints: number }[];
  }

  /** Every company name of a source with its keys: for suggesting links. */
  namesOfSource(sourceId: number): { id: number; name: string; complaints: number }[] {
    return this.db.prepare('SELECT id, name, complaints FROM source_companies WHERE source_id = ? ORDER BY complaints DESC, name').all(sourceId) as {
      id: number;
      name: string;
      complaints: number;
    }[];
  }

  /** Whether a source's company answers to one of the user's company's keys (a confirmed link). */
  linkedTo(companyId: number, sourceId: number): string[] {
    return (
      this.db
        .prepare(
          `SELECT DISTINCT sc.name FROM source_names sn JOIN source_companies sc ON sc.id = sn.source_company_id
           WHERE sc.source_id = @source AND sn.key IN (${USER_KEYS}) ORDER BY sc.name`,
        )
        .all({ company: companyId, source: sourceId }) as { name: string }[]
    ).map((r) => r.name);
  }

  /** Rows in every table a source fills: for checking that a removal leaves no trace. */
  traceCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const t of ['sources', 'source_companies', 'source_names', 'source_lists', 'source_evidence', 'complaint_counts', 'complaint_issues']) {
      out[t] = (this.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    return out;
  }
}
