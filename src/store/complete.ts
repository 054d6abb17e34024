// What shell completion reads from the database: names and ids that start with what was
// typed. Opened read-only, never created, never migrated, never written; any doubt about the
// file gives no candidates rather than an error in the middle of a command line.

import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { companyKey } from '../domain/names.js';
import { driverOptions, inspectHeader } from './open.js';

function incidentRefs(db: Database.Database, prefix: string): string[] {
  return db
    .prepare('SELECT ref FROM incidents WHERE ref >= ? COLLATE NOCASE AND ref < ? COLLATE NOCASE ORDER BY ref COLLATE NOCASE')
    .pluck()
    .all(prefix, `${prefix}\u{10FFFF}`) as string[];
}

/** The candidates of one kind that start with `prefix`, each query by a range on an index. */
const QUERIES = {
  // Names and other names of companies, by their key: any script, any case. Another name is
  // offered only when the company's own name does not match too: one company, one candidate.
  company: (db: Database.Database, prefix: string) => {
    const key = companyKey(prefix);
    const range = [key, `${key}\u{10FFFF}`];
    return [
      ...(db.prepare('SELECT name FROM companies WHERE key >= ? AND key < ? ORDER BY key').pluck().all(...range) as string[]),
      ...(db
        .prepare('SELECT a.name FROM aliases a JOIN companies c ON c.id = a.company_id WHERE a.key >= ? AND a.key < ? AND NOT (c.key >= ? AND c.key < ?) ORDER BY a.key')
        .pluck()
        .all(...range, ...range) as string[]),
    ];
  },
  incident: (db: Database.Database, prefix: string) =>
    db
      .prepare('SELECT ref FROM incidents WHERE ref >= ? COLLATE NOCASE AND ref < ? COLLATE NOCASE ORDER BY ref COLLATE NOCASE')
      .pluck()
      .all(prefix, `${prefix}\u{10FFFF}`) as string[],
  // Until an incident is named, its id and `#`; then its events.
  event: (db: Database.Database, prefix: string) => {
    const hash = prefix.lastIndexOf('#');
    if (hash < 0) return incidentRefs(db, prefix).map((ref) => `${ref}#`);
    return db
      .prepare(`SELECT i.ref || '#' || e.seq FROM incidents i JOIN events e ON e.incident_id = i.id WHERE i.ref = ? COLLATE NOCASE ORDER BY e.seq`)
      .pluck()
      .all(prefix.slice(0, hash))
      // Whatever the case of its letters, as the incident's id is looked up.
      .filter((id) => (id as string).toLowerCase().startsWith(prefix.toLowerCase())) as string[];
  },
  // Sources by their key, as they are looked up: any case.
  source: (db: Database.Database, prefix: string) => {
    const key = companyKey(prefix);
    return db.prepare('SELECT name FROM sources WHERE key >= ? AND key < ? ORDER BY key').pluck().all(key, `${key}\u{10FFFF}`) as string[];
  },
  check: (db: Database.Database, prefix: string) =>
    db.prepare('SELECT ref FROM checks WHERE ref >= ? AND ref < ? ORDER BY ref').pluck().all(prefix, `${prefix}\u{10FFFF}`) as string[],
} satisfies Record<string, (db: Database.Database, prefix: string) => string[]>;

export type StoredKind = keyof typeof QUERIES;

export function isStoredKind(kind: string): kind is StoredKind {
  return Object.hasOwn(QUERIES, kind);
}

export function storedCandidates(path: string, kind: StoredKind, prefix: string): string[] {
  if (!existsSync(path)) return [];
  let db: Database.Database | undefined;
  try {
    if (inspectHeader(path).isNew) return [];
    db = new Database(path, { readonly: true, fileMustExist: true, ...driverOptions() });
    return QUERIES[kind](db, prefix);
  } catch {
    return [];
  } finally {
    db?.close();
  }
}
