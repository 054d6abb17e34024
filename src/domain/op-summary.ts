// What an operation in the journal did, as facts: the kind of change and its arguments.
// The journal keeps it as JSON in its `summary` column, and the catalogs put it in words
// when `vetted history` or `vetted undo` shows it, in the reader's language. Summaries of
// older databases are plain English text; they are shown as they are. Pure.

import type { CheckVerdict, EventType, Fault, ListName } from './types.js';

/** One changed field of an event: its new value, or none when it was cleared. */
export interface FieldChange {
  field: string;
  value?: string | number | boolean;
}

export type OpSummary =
  | { k: 'check'; id: string; company: string; checklist: string; score: number; verdict: CheckVerdict }
  | { k: 'check-remove'; id: string; company: string; checklist: string; date: string }
  | { k: 'incident'; id: string; company: string; title: string }
  | { k: 'incident-edit'; id: string; title?: boolean; fault?: Fault; opened?: string; company?: string }
  | { k: 'incident-editor'; id: string; changed: number; added: number; removed: number; title?: boolean; fault?: Fault; opened?: string; company?: string; closed?: string | null }
  | { k: 'incident-remove'; id: string; company: string; events: number }
  | { k: 'reopen'; id: string }
  | { k: 'event'; type: EventType; incident: string; at: string }
  | { k: 'event-edit'; id: string; type: EventType; incident: string; changes: FieldChange[] }
  | { k: 'event-remove'; id: string; type: EventType; at: string; incident: string }
  | { k: 'attach'; files: string[]; incident: string }
  | { k: 'attachment-remove'; id: number; name: string; incident: string }
  | { k: 'letter'; kind: string; company: string; incident: string }
  | { k: 'alias'; alias: string; company: string }
  | { k: 'pin'; company: string; list: ListName; reason: string }
  | { k: 'unpin'; company: string }
  | { k: 'rename'; from: string; to: string; alias: boolean }
  | { k: 'merge'; from: string; into: string; checks: number; incidents: number }
  | { k: 'company-edit'; company: string }
  | { k: 'company-remove'; company: string; evidence: number }
  | {
      k: 'import';
      file: string;
      companies: number;
      checks: number;
      incidents: number;
      events: number;
      pins: number;
      /** Added too (absent from the summaries of older versions). */
      aliases?: number;
      attachments?: number;
      /** Records there already that the import changed: companies' details, pins replaced. */
      changed?: number;
    }
  | { k: 'undo'; op: number; of: OpSummary | string };

export type OpKind = OpSummary['k'];

/**
 * The file of an import read from standard input, as the journal keeps it: a fact, put in the
 * words of whoever reads the history (a file named `-` is kept as `./-`).
 */
export const STDIN_FILE = '-';

/** What older versions kept for standard input instead: its name in the language the import ran in. */
const STDIN_NAMES_KEPT = new Set(['standard input', 'стандартный ввод']);

/** The file an import names in the journal: its name (not its folders), or STDIN_FILE for standard input (`path` being `-`). */
export function importedFile(path: string, name: string): string {
  if (path === '-') return STDIN_FILE;
  return name === STDIN_FILE ? `./${name}` : name;
}

/** The summary as the journal stores it. */
export function opSummary(s: OpSummary): string {
  return JSON.stringify(s);
}

/** A stored summary: its facts, or the plain text an older database kept. */
export function readOpSummary(text: string): OpSummary | string {
  if (!text.startsWith('{"k":')) return text;
  try {
    const s = JSON.parse(text) as OpSummary;
    return typeof s === 'object' && s !== null && typeof s.k === 'string' ? asNow(s) : text;
  } catch {
    return text;
  }
}

/** What an edit of an incident in the editor changed. */
export type EditorChanges = Extract<OpSummary, { k: 'incident-editor' }>;

/** A summary as this version keeps it: standard input named by STDIN_FILE, however an older version named it (in an undo's too). */
function asNow(s: OpSummary): OpSummary {
  if (s.k === 'import' && STDIN_NAMES_KEPT.has(s.file)) return { ...s, file: STDIN_FILE };
  if (s.k === 'undo' && typeof s.of === 'object' && s.of !== null) {
    const of = asNow(s.of);
    return of === s.of ? s : { ...s, of };
  }
  return s;
}
