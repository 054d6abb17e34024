// Attachments: files kept inside the database with an incident (and optionally one of its
// events). Content is stored once per SHA-256 and checked against it whenever it is read.

import { createHash } from 'node:crypto';
import type { Store } from './store.js';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';

/** The largest file kept (documented in the README). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export interface AttachmentInfo {
  id: number;
  incident: string;
  /** The number of the event it is tied to (`<incident>#<n>`), when it is tied to one. */
  event: number | null;
  name: string;
  note: string | null;
  added_at: string;
  sha256: string;
  size: number;
}

export function sha256Of(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The row id of the event numbered `n` (`<incident>#<n>`); undefined when there is none. */
export function eventRowIdByNumber(store: Store, incidentRowId: number, n: number): number | undefined {
  if (!Number.isInteger(n) || n < 1) return undefined;
  // The event's stable number: `<incident>#<n>`, as `incident show` lists it.
  return store.eventRowIdBySeq(incidentRowId, n);
}

const COLUMNS = `a.id, i.ref AS incident, a.name, a.note, a.added_at, b.sha256, b.size, e.seq AS event`;
const FROM = `FROM attachments a JOIN incidents i ON i.id = a.incident_id JOIN blobs b ON b.id = a.blob_id
  LEFT JOIN events e ON e.id = a.event_id`;
const SELECT = `SELECT ${COLUMNS} ${FROM}`;

/**
 * The place (from 1) of an attachment's event among its incident's events in time order, then
 * the order they were logged: the order an export lists them in, and how a data file names the
 * event (an event's number stays what it was given, whatever came before it or went since).
 */
const PLACE = `CASE WHEN e.id IS NULL THEN NULL ELSE
    (SELECT count(*) FROM events x WHERE x.incident_id = e.incident_id AND (x.at_ms < e.at_ms OR (x.at_ms = e.at_ms AND x.seq <= e.seq))) END AS place`;

export interface NewAttachment {
  incidentRowId: number;
  eventRowId?: number;
  name: string;
  note?: string;
  addedAt: string;
  data: Uint8Array;
}

/**
 * Keeps a file with an incident (inside the caller's write transaction). The content is
 * stored once however many times it is attached; `existing` is true when this very
 * attachment (same incident, event, name and content) was there already.
 */
export function addAttachment(store: Store, a: NewAttachment): { id: number; existing: boolean; sha256: string } {
  if (a.data.length > MAX_ATTACHMENT_BYTES) throw new UserError(t().attachment.larger(a.name, MAX_ATTACHMENT_BYTES));
  const sha = sha256Of(a.data);
  const db = store.db;
  let blob = db.prepare('SELECT id FROM blobs WHERE sha256 = ?').get(sha) as { id: number } | undefined;
  if (!blob) blob = { id: Number(db.prepare('INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?)').run(sha, a.data.length, a.data).lastInsertRowid) };
  const same = db
    .prepare('SELECT id FROM attachments WHERE incident_id = ? AND blob_id = ? AND name = ? AND event_id IS ?')
    .get(a.incidentRowId, blob.id, a.name, a.eventRowId ?? null) as { id: number } | undefined;
  if (same) return { id: same.id, existing: true, sha256: sha };
  const info = db
    .prepare('INSERT INTO attachments (incident_id, event_id, blob_id, name, note, added_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(a.incidentRowId, a.eventRowId ?? null, blob.id, a.name, a.note ?? null, a.addedAt);
  return { id: Number(info.lastInsertRowid), existing: false, sha256: sha };
}

/** Links content that is in the database already (found by its hash); false when it is not there. */
export function hasContent(store: Store, sha: string): boolean {
  return store.db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').get(sha) !== undefined;
}

/** Reads the content with this hash back, checked against it. */
export function contentOf(store: Store, sha: string): Buffer | undefined {
  const row = store.db.prepare('SELECT data FROM blobs WHERE sha256 = ?').get(sha) as { data: Buffer } | undefined;
  if (!row) return undefined;
  if (sha256Of(row.data) !== sha) throw damaged(sha);
  return row.data;
}

function damaged(sha: string): UserError {
  return new UserError(t().attachment.damaged(sha));
}

export function attachmentsOf(store: Store, incidentRowId: number): AttachmentInfo[] {
  return store.db.prepare(`${SELECT} WHERE a.incident_id = ? ORDER BY a.id`).all(incidentRowId) as AttachmentInfo[];
}

/** Every attachment, grouped by incident id; with `place`, each one's event's place as an export lists the events. */
export function allAttachments(store: Store): Map<string, AttachmentInfo[]>;
export function allAttachments(store: Store, withPlace: true): Map<string, (AttachmentInfo & { place: number | null })[]>;
export function allAttachments(store: Store, withPlace = false): Map<string, AttachmentInfo[]> {
  const out = new Map<string, AttachmentInfo[]>();
  const sql = `SELECT ${COLUMNS}${withPlace ? `, ${PLACE}` : ''} ${FROM} ORDER BY a.incident_id, a.id`;
  for (const a of store.db.prepare(sql).all() as AttachmentInfo[]) {
    let list = out.get(a.incident);
    if (!list) out.set(a.incident, (list = []));
    list.push(a);
  }
  return out;
}

/** Takes an attachment off its incident. Its content stays (an undo brings the attachment back) until no remembered change can: see Store.pruneHistory. */
export function removeAttachment(store: Store, id: number): void {
  store.db.prepare('DELETE FROM attachments WHERE id = ?').run(id);
}

export function findAttachment(store: Store, id: number): AttachmentInfo | undefined {
  return store.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AttachmentInfo | undefined;
}

/** An attachment's content, checked against its SHA-256. */
export function readAttachment(store: Store, id: number): { info: AttachmentInfo; data: Buffer } | undefined {
  const info = findAttachment(store, id);
  if (!info) return undefined;
  const data = contentOf(store, info.sha256);
  if (!data || data.length !== info.size) throw damaged(info.sha256);
  return { info, data };
}
