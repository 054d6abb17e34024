// The `vetted/1` data file: validation of parsed data (every problem named with its path,
// as facts that the catalogs put in words) and the deterministic document that export
// writes. Pure: no files, no SQL.

import { EVENT_FIELDS, FIELD_SPECS, MAX_AMOUNT, MAX_COUNT, eventNumber, fieldFits, isEventType, withEventFields, ALL_EVENT_FIELDS, type FieldKind } from '../domain/events.js';
import { fileNameFault, isVisibleName } from '../domain/names.js';
import { CHECK_VERDICTS, FAULTS, EVENT_TYPES, type CheckRecord, type CheckVerdict, type EventType, type Fault, type IncidentEvent } from '../domain/types.js';
import { givesOffset, impossibleOffset, isWhen, parseWhen, type When } from '../domain/dates.js';
import { closedBeforeOpenedProblem, dueBeforeMadeProblem, eventBeforeOpenedProblem, futureProblem, yearProblem, type DateFault } from '../domain/date-rules.js';
import { isBefore } from '../domain/date-rules.js';
import { formatPath, type Path, type Problem, type Validated } from '../domain/validation.js';
import { t, type Catalog } from '../i18n/index.js';
import { jsonBatches } from '../ui/safe.js';

export const FORMAT = 'vetted/1';

export interface CompanyEntry {
  name: string;
  aliases?: string[];
  parent?: string;
  website?: string;
  category?: string;
}

export interface CheckEntry {
  id?: string;
  company: string;
  checklist: string;
  checklist_version?: number;
  at: string;
  answers: Record<string, string>;
  notes?: Record<string, string>;
  /**
   * What the check found when it was made, as an export writes it: an import takes these as
   * they are when the checklist of that id and version is not at hand to score the answers
   * again (the user's own checklist changed since, or a checklist given by its file).
   */
  score?: number;
  verdict?: CheckVerdict;
  dealbreakers?: string[];
  /** Each answer's score, 0 to 1, or null for an answer left out of the score. */
  scores?: Record<string, number | null>;
}

export interface AttachmentEntry {
  name: string;
  sha256: string;
  size: number;
  /** The event it is tied to: its place (from 1) in this incident's `events` list (see attachmentEvent). */
  event?: number;
  note?: string;
  added?: string;
  /** The file itself, base64 (only in an export made with --with-attachments). */
  content?: string;
}

export interface IncidentEntry {
  id?: string;
  company: string;
  title: string;
  /** Left out, the incident opens at its earliest event (see withOpening). */
  opened?: string;
  fault?: Fault;
  closed?: string;
  events?: IncidentEvent[];
  attachments?: AttachmentEntry[];
}

export interface PinEntry {
  company: string;
  list: 'black' | 'white';
  reason: string;
  at?: string;
}

/** An entry of the `lists` section of a shared file: what the sharer's policy decided. */
export interface ListsEntry {
  company: string;
  list: 'black' | 'white' | 'watch';
  since?: string | null;
  pinned?: boolean;
  reasons?: { rule: string; text: string; text_ru?: string; date?: string; evidence?: string[] }[];
}

export interface DataFile {
  format: string;
  exported_at?: string;
  source?: string;
  companies?: CompanyEntry[];
  checks?: CheckEntry[];
  incidents?: IncidentEntry[];
  pins?: PinEntry[];
  lists?: ListsEntry[];
}

export const LIMITS = { name: 200, text: 10_000, title: 400 };
export const INCIDENT_ID = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;
/** An event's id: its incident's id and its number within it, `volga-2012-07#4` (or only `#4`). */
export const EVENT_ID = /^(?:[\p{L}\p{N}][\p{L}\p{N}._-]{0,63})?#[1-9]\d{0,8}$/u;
/** A check's id, like an incident's. */
export const CHECK_ID = INCIDENT_ID;

/** A value a problem quotes: a list or a map by its kind, anything else as written (a text in quotes). */
export type Given = { kind: 'list' } | { kind: 'map' } | { kind: 'value'; text: string };

/** What is wrong at a path of a data file: facts, which the catalogs put in words. */
export type DataFault =
  | DateFault
  | { kind: 'data-map'; format: string }
  | { kind: 'format-missing'; format: string }
  | { kind: 'newer-format'; given: string; format: string }
  | { kind: 'format'; format: string; got: Given }
  | { kind: 'map'; got: Given }
  | { kind: 'list'; got: Given }
  | { kind: 'unknown-field' }
  | { kind: 'required' }
  /** An incident's opening, left out where it has no event to open at. */
  | { kind: 'required-without-events' }
  | { kind: 'not-text'; got: Given }
  | { kind: 'empty' }
  | { kind: 'too-long'; max: number }
  | { kind: 'invisible' }
  /** An id that is not letters, digits, dots, dashes or underscores; `example` is one that is. */
  | { kind: 'id'; max: number; example: string }
  | { kind: 'sha256' }
  | { kind: 'date'; got: Given }
  /** A date-time with an offset from UTC no clock keeps (`+15:00`): see impossibleOffset. */
  | { kind: 'offset'; offset: string }
  | { kind: 'one-of'; values: readonly string[]; got: Given }
  | { kind: 'text-map'; got: Given }
  | { kind: 'positive'; got: Given }
  | { kind: 'boolean'; got: Given }
  | { kind: 'event-id'; got: Given }
  | { kind: 'not-event-field'; type: EventType; fields: readonly string[] }
  | { kind: 'required-for'; type: EventType }
  /** An incident's `closed` at another time than the resolution event that closed it (`events[resolution]`, at `at`). */
  | { kind: 'closed-not-resolution'; closed: string; resolution: number; at: string }
  /** A value an event's field does not take; `max` for a text, `values` for a closed vocabulary. */
  | { kind: 'event-field'; field: FieldKind; values?: readonly string[]; max?: number; got: Given }
  | { kind: 'file-name' }
  /** A line break, a tab, an escape in an attachment's name: a file saved under it would keep it. */
  | { kind: 'file-name-control' }
  | { kind: 'size'; max: number; got: Given }
  | { kind: 'base64' }
  /** A second resolution: an incident closes once (the command line refuses it likewise). */
  | { kind: 'closes-twice'; first: number }
  | { kind: 'score'; got: Given }
  | { kind: 'answer-scores'; got: Given }
  /** A time still to come of a record an export wrote (an older version let it in): refused, saying where to mend it. */
  | ({ kind: 'future-exported' } & FutureMend);

export type DataProblem = Problem<DataFault>;

/**
 * Where a value stands: a path, or the place of the value that holds it and its key there. A
 * path is made only for a problem: a file of 80,000 events has a million values, and a path
 * made for each took a third of their checking.
 */
type At = Path | { readonly up: At; readonly key: string | number };
const under = (at: At, key: string | number): At => ({ up: at, key });
function pathOf(at: At): Path {
  return Array.isArray(at) ? at : [...pathOf(at.up), at.key];
}

type Check = (v: unknown, at: At, out: DataProblem[]) => void;

export const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str =
  (max: number, pattern?: { re: RegExp; fault: DataFault }): Check =>
  (v, at, out) => {
    if (typeof v !== 'string') out.push({ path: pathOf(at), fault: { kind: 'not-text', got: given(v) } });
    else if (!v.trim()) out.push({ path: pathOf(at), fault: { kind: 'empty' } });
    else if (longerThan(v, max)) out.push({ path: pathOf(at), fault: { kind: 'too-long', max } });
    else if (pattern && !pattern.re.test(v)) out.push({ path: pathOf(at), fault: pattern.fault });
  };
const nameText = str(LIMITS.name);
const name: Check = (v, at, out) => {
  const before = out.length;
  nameText(v, at, out);
  if (out.length === before && !isVisibleName(v as string)) out.push({ path: pathOf(at), fault: { kind: 'invisible' } });
};
const text = str(LIMITS.text);
const when: Check = (v, at, out) => {
  if (typeof v !== 'string' || !isWhen(v)) out.push({ path: pathOf(at), fault: { kind: 'date', got: given(v) } });
  else if (v.length > 16) {
    const offset = impossibleOffset(v);
    if (offset) out.push({ path: pathOf(at), fault: { kind: 'offset', offset } });
  }
};
const oneOf =
  (values: readonly string[]): Check =>
  (v, at, out) => {
    if (typeof v !== 'string' || !values.includes(v)) out.push({ path: pathOf(at), fault: { kind: 'one-of', values, got: given(v) } });
  };
/** Validation stops collecting after this many problems: a file of millions of bad records
 * costs no more memory than one of a hundred. */
export const MAX_PROBLEMS = 100;

const list =
  (item: Check): Check =>
  (v, at, out) => {
    if (!Array.isArray(v)) out.push({ path: pathOf(at), fault: { kind: 'list', got: given(v) } });
    else for (let i = 0; i < v.length && out.length < MAX_PROBLEMS; i++) item(v[i], under(at, i), out);
  };
const textMap = (max: number): Check => {
  const value = str(max);
  return (v, at, out) => {
    if (!isMap(v)) out.push({ path: pathOf(at), fault: { kind: 'text-map', got: given(v) } });
    else for (const k in v) if (out.length < MAX_PROBLEMS && Object.hasOwn(v, k)) value(v[k], under(at, k), out);
  };
};
const positiveInt: Check = (v, at, out) => {
  if (!Number.isInteger(v) || (v as number) < 1) out.push({ path: pathOf(at), fault: { kind: 'positive', got: given(v) } });
};

function given(v: unknown): Given {
  if (v === null) return { kind: 'value', text: 'null' };
  if (Array.isArray(v)) return { kind: 'list' };
  if (typeof v === 'object') return { kind: 'map' };
  if (typeof v === 'string') return { kind: 'value', text: JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) };
  return { kind: 'value', text: String(v) };
}

/** A map with known fields: unknown ones are errors, required ones must be there. */
function record(fields: Record<string, Check>, required: string[]): Check {
  const checks = Object.entries(fields);
  return (v, at, out) => {
    if (!isMap(v)) {
      out.push({ path: pathOf(at), fault: { kind: 'map', got: given(v) } });
      return;
    }
    for (const k of Object.keys(v)) {
      if (out.length >= MAX_PROBLEMS) return;
      if (!Object.hasOwn(fields, k)) out.push({ path: [...pathOf(at), k], fault: { kind: 'unknown-field' } });
    }
    for (const k of required) if (v[k] === undefined || v[k] === null) out.push({ path: [...pathOf(at), k], fault: { kind: 'required' } });
    for (const [k, check] of checks) if (Object.hasOwn(v, k) && v[k] !== undefined && v[k] !== null) check(v[k], under(at, k), out);
  };
}

/** Whether a text has more than `max` characters (code points), without splitting a long one up. */
export function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  if (text.length > 2 * max) return true;
  let n = 0;
  for (const _ of text) if (++n > max) return true;
  return false;
}

const event: Check = (v, at, out) => {
  if (!isMap(v)) {
    out.push({ path: pathOf(at), fault: { kind: 'map', got: given(v) } });
    return;
  }
  if (typeof v.type !== 'string' || !isEventType(v.type)) {
    out.push({ path: [...pathOf(at), 'type'], fault: v.type === undefined ? { kind: 'required' } : { kind: 'one-of', values: EVENT_TYPES, got: given(v.type) } });
    return;
  }
  const type = v.type;
  const spec = EVENT_FIELDS[type];
  for (const k of Object.keys(v)) {
    if (k === 'at' || k === 'type') continue;
    if (k === 'id') {
      if (typeof v.id !== 'string' || !EVENT_ID.test(v.id)) out.push({ path: [...pathOf(at), 'id'], fault: { kind: 'event-id', got: given(v.id) } });
      continue;
    }
    if (!Object.hasOwn(FIELD_SPECS, k)) out.push({ path: [...pathOf(at), k], fault: { kind: 'unknown-field' } });
    else if (!spec.fields.includes(k)) out.push({ path: [...pathOf(at), k], fault: { kind: 'not-event-field', type, fields: spec.fields } });
  }
  if (v.at === undefined) out.push({ path: [...pathOf(at), 'at'], fault: { kind: 'required' } });
  else when(v.at, under(at, 'at'), out);
  for (const k of spec.required) if (v[k] === undefined) out.push({ path: [...pathOf(at), k], fault: { kind: 'required-for', type } });
  for (const k of spec.fields) {
    if (v[k] === undefined) continue;
    const f = FIELD_SPECS[k];
    const fits = f.kind === 'text' ? typeof v[k] === 'string' && !longerThan(v[k] as string, LIMITS.text) : fieldFits(f, v[k]);
    if (!fits) {
      const field = f.kind === 'text' ? { max: LIMITS.text } : f.kind === 'enum' ? { values: f.values } : f.kind === 'count' ? { max: MAX_COUNT } : f.kind === 'number' ? { max: MAX_AMOUNT } : {};
      out.push({ path: [...pathOf(at), k], fault: { kind: 'event-field', field: f.kind, ...field, got: given(v[k]) } });
    }
  }
};

const company = record({ name, aliases: list(name), parent: name, website: str(2000), category: str(LIMITS.name) }, ['name']);
const checkScore: Check = (v, at, out) => {
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 100) out.push({ path: pathOf(at), fault: { kind: 'score', got: given(v) } });
};
const answerScores: Check = (v, at, out) => {
  const fits = (s: unknown) => s === null || (typeof s === 'number' && s >= 0 && s <= 1);
  if (!isMap(v)) out.push({ path: pathOf(at), fault: { kind: 'answer-scores', got: given(v) } });
  else for (const k in v) if (Object.hasOwn(v, k) && !fits(v[k]) && out.length < MAX_PROBLEMS) out.push({ path: [...pathOf(at), k], fault: { kind: 'answer-scores', got: given(v[k]) } });
};
const check = record(
  {
    id: str(64, { re: CHECK_ID, fault: { kind: 'id', max: 64, example: 'amazon-check-1' } }),
    company: name,
    checklist: str(64),
    checklist_version: positiveInt,
    at: when,
    answers: textMap(64),
    notes: textMap(LIMITS.text),
    score: checkScore,
    verdict: oneOf(CHECK_VERDICTS),
    dealbreakers: list(str(64)),
    scores: answerScores,
  },
  ['company', 'checklist', 'at', 'answers'],
);
/** The largest attachment, as in the store (50 MB). */
export const MAX_ATTACHMENT_SIZE = 50 * 1024 * 1024;
const fileNameText = str(255);
const fileName: Check = (v, at, out) => {
  fileNameText(v, at, out);
  const fault = typeof v === 'string' ? fileNameFault(v) : undefined;
  if (fault) out.push({ path: pathOf(at), fault: { kind: fault === 'folder' ? 'file-name' : 'file-name-control' } });
};
const attachment = record(
  {
    name: fileName,
    sha256: str(64, { re: /^[0-9a-f]{64}$/, fault: { kind: 'sha256' } }),
    size: (v, at, out) => {
      if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > MAX_ATTACHMENT_SIZE) out.push({ path: pathOf(at), fault: { kind: 'size', max: MAX_ATTACHMENT_SIZE, got: given(v) } });
    },
    event: positiveInt,
    note: text,
    added: when,
    content: (v, at, out) => {
      if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 !== 0) out.push({ path: pathOf(at), fault: { kind: 'base64' } });
    },
  },
  ['name', 'sha256', 'size'],
);

const incidentFields = record(
  {
    id: str(64, { re: INCIDENT_ID, fault: { kind: 'id', max: 64, example: 'volga-2012-07' } }),
    company: name,
    title: str(LIMITS.title),
    opened: when,
    fault: oneOf(FAULTS),
    closed: when,
    events: list(event),
    attachments: list(attachment),
  },
  ['company', 'title'],
);
/** An incident: its opening may be left out where it has events (the earliest opens it), not where it has none. */
const incident: Check = (v, at, out) => {
  incidentFields(v, at, out);
  if (!isMap(v) || (v.opened !== undefined && v.opened !== null)) return;
  // (Events that are no list are said to be so: that is what to mend.)
  if (v.events === undefined || v.events === null || (Array.isArray(v.events) && !v.events.length)) {
    out.push({ path: [...pathOf(at), 'opened'], fault: { kind: 'required-without-events' } });
  }
};
const pin = record({ company: name, list: oneOf(['black', 'white']), reason: text, at: when }, ['company', 'list', 'reason']);

const yesNo: Check = (v, at, out) => {
  if (typeof v !== 'boolean') out.push({ path: pathOf(at), fault: { kind: 'boolean', got: given(v) } });
};
const reason = record(
  { rule: str(16), text, text_ru: text, date: when, evidence: list(str(LIMITS.name)) },
  ['rule', 'text'],
);
const listsEntry = record(
  { company: name, list: oneOf(['black', 'white', 'watch']), since: when, pinned: yesNo, reasons: list(reason) },
  ['company', 'list'],
);

const formatCheck: Check = (v, at, out) => {
  if (v === FORMAT) return;
  const newer = typeof v === 'string' && /^vetted\/(\d+)$/.exec(v);
  if (newer && Number(newer[1]) > 1) out.push({ path: pathOf(at), fault: { kind: 'newer-format', given: v, format: FORMAT } });
  else out.push({ path: pathOf(at), fault: { kind: 'format', format: FORMAT, got: given(v) } });
};

const document = record(
  {
    format: formatCheck,
    exported_at: when,
    source: str(LIMITS.name),
    companies: list(company),
    checks: list(check),
    incidents: list(incident),
    pins: list(pin),
    lists: list(listsEntry),
  },
  ['format'],
);

/** An incident of a data file with its opening: the one it gives, or the one withOpening gives it. */
export type OpenedIncidentEntry = IncidentEntry & { opened: string };

/** A map without its keys whose value is null (the same map when it has none). */
function withoutNullKeys<T extends object>(v: T): T {
  let out: Record<string, unknown> | undefined;
  for (const k in v) {
    if ((v as Record<string, unknown>)[k] !== null) continue;
    out ??= { ...(v as Record<string, unknown>) };
    delete out[k];
  }
  return (out ?? v) as T;
}

/**
 * A record with a null in an optional field read as that field left out, as the checks of the
 * file read it (an incident's `id: null` is an incident without an id), the fields of its events
 * and attachments too (a file's events refuse a null; the incident editor's take one as a field
 * emptied). A null in a check's `scores` is a value of its own, and kept.
 */
export function withoutNulls<R extends object>(record: R): R {
  let r = withoutNullKeys(record) as R & { events?: unknown; attachments?: unknown };
  for (const part of ['events', 'attachments'] as const) {
    const xs = r[part];
    if (!Array.isArray(xs)) continue;
    const ys = xs.map((x) => (isMap(x) ? withoutNullKeys(x) : x));
    if (ys.some((y, i) => y !== xs[i])) r = { ...r, [part]: ys };
  }
  return r;
}

/**
 * The time an incident of a valid data file opened: the one it gives, else its earliest event's
 * (the earliest moment: times may be written with different offsets from UTC; a date alone
 * against a time, by the day the time is written on, as the date rules read them), as that event
 * writes it; the first of the file's events at that moment. Undefined for one with neither,
 * which validation refuses.
 */
export function openingOf(inc: Pick<IncidentEntry, 'opened' | 'events'>): string | undefined {
  if (inc.opened !== undefined && inc.opened !== null) return inc.opened;
  // Earlier as the date rules read it (isBefore): a date alone against a time, by the day the time is written on.
  let first: { at: string; w: When } | undefined;
  for (const e of inc.events ?? []) {
    const w = parseWhen(e.at)!;
    if (first === undefined || isBefore(w, first.w)) first = { at: e.at, w };
  }
  return first?.at;
}

/** An incident of a valid data file with its opening (see openingOf): itself where it gives one. */
export function withOpening(inc: IncidentEntry): OpenedIncidentEntry {
  if (inc.opened !== undefined && inc.opened !== null) return inc as OpenedIncidentEntry;
  const opened = openingOf(inc);
  if (opened === undefined) throw new Error('an incident with neither its opening nor an event, which validation refuses');
  return { ...inc, opened };
}

/** Why the event an attachment of a data file names cannot be told: no event stands at that place, nor has that number. */
export type AttachmentEventFault = { kind: 'no-event'; events: number; event: number };

/**
 * The place (from 0) in its incident's `events` of the event an attachment of a data file is tied
 * to. `event` is its place in the list, as an export writes it; but versions of vetted before the
 * place was written wrote there the event's number (its id's `#n`): where no event stands at
 * that place but one has that number, that is the event.
 */
export function attachmentEvent(inc: Pick<IncidentEntry, 'events'>, a: Pick<AttachmentEntry, 'event'>): { index: number } | { fault: AttachmentEventFault } {
  const events = inc.events ?? [];
  const n = a.event!;
  if (n <= events.length) return { index: n - 1 };
  const byNumber = events.findIndex((e) => e.id !== undefined && eventNumber(e.id) === n);
  return byNumber >= 0 ? { index: byNumber } : { fault: { kind: 'no-event', events: events.length, event: n } };
}

/** The lists of records a data file holds, in the order they are checked and merged. */
export const SECTIONS = ['companies', 'checks', 'incidents', 'pins', 'lists'] as const;
export type Section = (typeof SECTIONS)[number];
const SECTION_ITEM: Record<Section, Check> = { companies: company, checks: check, incidents: incident, pins: pin, lists: listsEntry };

/** Checks one record of a list of a data file (at `path`, `[section, index]`), as validateDataFile does. */
export function checkRecord(section: Section, value: unknown, path: Path, out: DataProblem[]): void {
  SECTION_ITEM[section](value, path, out);
}

/** The dates of a structurally valid file checked against each other and against `now`
 * (the same rules as on the command line): checks, then pins, then incidents. */
function checkDates(doc: DataFile, now: number | undefined, out: DataProblem[], kept?: KeptProblem[], every = false, closedApart = false): void {
  doc.checks?.forEach((c, i) => checkRecordDates('checks', c, i, now, out, kept, every));
  doc.pins?.forEach((p, i) => checkRecordDates('pins', p, i, now, out, kept, every));
  doc.incidents?.forEach((inc, i) => checkRecordDates('incidents', inc, i, now, out, kept, every, closedApart));
  // When a file was made, and since when a company is on one of its lists, happened too: a shared
  // file dated 2099 was shown as the newest word on a company.
  if (now === undefined) return;
  notAhead(doc.exported_at, ['exported_at'], now, out);
  doc.lists?.forEach((l, i) => {
    notAhead(l.since, ['lists', i, 'since'], now, out);
    l.reasons?.forEach((r, j) => notAhead(r.date, ['lists', i, 'reasons', j, 'date'], now, out));
  });
}

/** A date of the file that happened: not more than a day after `now` (a friend's clock, or zone, may be ahead of this one). */
function notAhead(text: string | null | undefined, path: Path, now: number, out: DataProblem[]): void {
  const w = typeof text === 'string' ? parseWhen(text) : undefined;
  if (!w) return;
  const problem = futureProblem(w, now + ZONES_APART_MS);
  if (problem) out.push({ path, fault: problem });
}

/** How far apart two clocks of the world's time zones can be (UTC+14 and UTC-12). */
const ZONES_APART_MS = 26 * 3_600_000;

/**
 * A date rule broken by a record a vetted database kept (see checkRecordDates), taken as it is:
 * `record` is the id of the check or incident it is in.
 */
export interface KeptProblem extends DataProblem {
  record: string;
  kind: KeptKind;
}

/**
 * The dates of one structurally valid record, as checkDates checks them. With `kept`, a rule of
 * the order of dates (an event before its incident's opening, a promise due before it was made,
 * a second resolution, a closing before the opening) broken by an incident a vetted database
 * kept — one an export wrote, which carries its own id and every event of it theirs — is put
 * there rather than in `out`: an older version took such records, and what a database holds
 * imports again as it is (new input, without ids, is held to the rules). A time still to come is
 * refused whatever the record carries (what happened cannot be later than now, and every rule
 * reads its dates as past); one of a record an export wrote is refused saying where to mend it.
 * A year no date can have is refused either way. With `every`, every date rule broken but the
 * year goes to `kept` (the incident editor weighs them against the incident as it was).
 */
export function checkRecordDates(section: Section, record: unknown, i: number, now: number | undefined, out: DataProblem[], kept?: KeptProblem[], every = false, closedApart = false): void {
  const said = (path: Path, fault: DataFault, record: string | undefined, kind: KeptKind) => {
    if (kept && (every || record !== undefined)) kept.push({ path, fault, record: record ?? '', kind });
    else out.push({ path, fault });
  };
  /** A date of the record, or undefined where it is refused; `mend` says where a time of an exported record still to come is put right. */
  const at = (text: string | null | undefined, path: Path, happened: boolean, mend?: FutureMend): When | undefined => {
    // A null stands for an absent optional date; its type is the structural check's business.
    const w = typeof text === 'string' ? parseWhen(text) : undefined;
    if (!w) return undefined;
    const year = yearProblem(w);
    if (year) {
      out.push({ path, fault: year });
      return undefined;
    }
    // A time of the file without its offset from UTC is local to where it was written: up to a
    // day ahead of this clock (UTC+14 beside UTC-12) where that was east of here, and not in the future there.
    const reference = now !== undefined && !givesOffset(text!) ? now + ZONES_APART_MS : now;
    const problem = happened && reference !== undefined ? futureProblem(w, reference) : undefined;
    if (problem) {
      if (every && kept) {
        kept.push({ path, fault: problem, record: '', kind: 'future' });
        return w;
      }
      out.push({ path, fault: mend ? { kind: 'future-exported', ...mend } : problem });
      return undefined;
    }
    return w;
  };
  const textOf = (v: unknown) => (typeof v === 'string' ? v : undefined);
  if (section === 'checks') {
    const id = textOf((record as CheckEntry).id);
    at((record as CheckEntry).at, ['checks', i, 'at'], true, id !== undefined ? { record: id, field: 'check' } : undefined);
  }
  const p = record as PinEntry;
  if (section === 'pins' && p.at !== undefined) at(p.at, ['pins', i, 'at'], true);
  if (section === 'incidents') {
    const inc = record as IncidentEntry;
    const path = ['incidents', i];
    const own = textOf(inc.id);
    // Kept by a database: the incident with its own id, and every event of it with its own.
    const id = own !== undefined && (inc.events ?? []).every((e) => textOf(e.id) !== undefined) ? own : undefined;
    const eventName = (e: IncidentEvent) => (e.id!.startsWith('#') ? `${own}${e.id}` : e.id!);
    // An opening left out is the earliest event's time: its problems are that event's, said at it.
    const derived = typeof inc.opened === 'string' ? undefined : openingOf(inc);
    const opened = derived !== undefined ? parseWhen(derived) : at(inc.opened, [...path, 'opened'], true, id !== undefined ? { record: id, field: 'opened' } : undefined);
    const closed = inc.closed !== undefined ? at(inc.closed, [...path, 'closed'], true, id !== undefined ? { record: id, field: 'closed' } : undefined) : undefined;
    if (opened && closed) {
      const p = closedBeforeOpenedProblem(opened, closed);
      // An older version closed an incident before its opening only by a resolution logged before it, at that closing.
      const resolved = inc.events?.some((e) => e.type === 'resolution' && parseWhen(e.at)?.ms === closed.ms);
      if (p) said([...path, 'closed'], p, resolved ? id : undefined, 'closed-before-opening');
    }
    let resolution: number | undefined;
    inc.events?.forEach((e, j) => {
      if (e.type === 'resolution') {
        if (resolution === undefined) resolution = j;
        else said([...path, 'events', j, 'type'], { kind: 'closes-twice', first: resolution }, id, 'closes-twice');
      }
      const made = at(e.at, [...path, 'events', j, 'at'], true, id !== undefined ? { record: eventName(e), field: 'event' } : undefined);
      if (made && opened) {
        const p = eventBeforeOpenedProblem(opened, made);
        if (p) said([...path, 'events', j, 'at'], p, id, 'before-opening');
      }
      const due = (e as { due?: string }).due;
      if (e.type === 'promise' && due !== undefined) {
        const w = at(due, [...path, 'events', j, 'due'], false);
        const p = w && made ? dueBeforeMadeProblem(made, w) : undefined;
        if (p) said([...path, 'events', j, 'due'], p, id, 'due-before-made');
      }
    });
    // When an attachment was added: a date as any other of the file (a year 0000 was taken, and shown as 1900).
    inc.attachments?.forEach((a, j) => {
      if (a.added !== undefined) at(a.added, [...path, 'attachments', j, 'added'], true, id !== undefined ? { record: id, field: 'attachment' } : undefined);
    });
    // A closing time apart from its resolution's, as an older version took it from a file, is kept as the other rules are.
    if (!closedApart) closedByItsResolution(inc, path, (problem) => said(problem.path, problem.fault, id, 'closed-not-resolution'));
  }
}

/** Where a time still to come of a record an export wrote is put right: the record, and which of its times it is. */
export interface FutureMend {
  record: string;
  field: 'check' | 'opened' | 'closed' | 'event' | 'attachment';
}

/** What a kept problem breaks, as the import says it: each kind counted. */
export type KeptKind = 'before-opening' | 'closed-before-opening' | 'closed-not-resolution' | 'due-before-made' | 'closes-twice' | 'future';

/**
 * The kinds of the kept problems, each with its count, and the records that hold them (in the
 * file's order, once each): all of them, and by kind.
 */
export function keptSummary(kept: readonly KeptProblem[]): { counts: Partial<Record<KeptKind, number>>; records: string[]; byKind: Partial<Record<KeptKind, string[]>> } {
  const counts: Partial<Record<KeptKind, number>> = {};
  const records = new Set<string>();
  const byKind: Partial<Record<KeptKind, string[]>> = {};
  // (A file read a record at a time may be read twice, its problems found again.)
  const seen = new Set<string>();
  for (const k of kept) {
    const key = JSON.stringify([k.path, k.fault]);
    if (seen.has(key)) continue;
    seen.add(key);
    counts[k.kind] = (counts[k.kind] ?? 0) + 1;
    records.add(k.record);
    const ids = (byKind[k.kind] ??= []);
    if (!ids.includes(k.record)) ids.push(k.record);
  }
  return { counts, records: [...records], byKind };
}

/**
 * An incident's `closed` is the time its resolution event closed it (DATA-FORMAT.md: "set by a
 * resolution event too"): one at another time said two things of one closing, and both were kept
 * and exported, the days open counted to one and the promises judged by the other. The same
 * instant written another way agrees, and a date alone agrees with a time of its day.
 */
export function closedByItsResolution(inc: IncidentEntry, path: Path, say: (problem: DataProblem) => void): void {
  const closed = typeof inc.closed === 'string' ? parseWhen(inc.closed) : undefined;
  if (!closed) return;
  const resolutions = (inc.events ?? []).flatMap((e, j) => (e.type === 'resolution' && typeof e.at === 'string' ? [{ j, w: parseWhen(e.at) }] : []));
  if (!resolutions.length) return;
  const agrees = (w: When) => (closed.dateOnly || w.dateOnly ? !isBefore(closed, w) && !isBefore(w, closed) : closed.ms === w.ms);
  if (resolutions.some((r) => r.w === undefined || agrees(r.w))) return;
  const first = resolutions[0];
  say({ path: [...path, 'closed'], fault: { kind: 'closed-not-resolution', closed: closed.text, resolution: first.j, at: first.w!.text } });
}

export interface ValidateDataOptions {
  /** The time now: with it, what happened may not be in the future. */
  now?: number;
  /** Where the date rules broken by records a database kept go, taken as they are (see checkRecordDates); without it they are problems. */
  kept?: KeptProblem[];
  /** A closing time beside its resolution is held to the caller's own rule (the editor moves one with the other), not to closedByItsResolution. */
  closedApart?: boolean;
  /** With `kept`: every date rule broken (but a year no date can have) goes there, whatever the records carry. */
  everyDate?: boolean;
}

/** Checks a parsed data file; every problem is named with its path. */
export function validateDataFile(data: unknown, options: ValidateDataOptions = {}): Validated<DataFile, DataFault> {
  const errors: DataProblem[] = [];
  if (!isMap(data)) return { errors: [{ path: [], fault: { kind: 'data-map', format: FORMAT } }] };
  if (data.format === undefined || data.format === null) {
    return { errors: [{ path: ['format'], fault: { kind: 'format-missing', format: FORMAT } }] };
  }
  if (data.format !== FORMAT) {
    // A newer or foreign format: say only that, not every field it does not know.
    formatCheck(data.format, ['format'], errors);
    if (errors.length) return { errors };
  }
  document(data, [], errors);
  if (!errors.length) checkDates(data as unknown as DataFile, options.now, errors, options.kept, options.everyDate, options.closedApart);
  return errors.length ? { errors } : { value: data as unknown as DataFile };
}

/** Where a problem stands in the file, when the reader can tell. */
export type Locate = (path: Path) => { line: number; strayKey?: boolean } | undefined;

/** The first few problems in the words of a catalog (the one in use unless given), each with its line when it can be told. */
export function describeProblems(problems: DataProblem[], limit = 5, locate: Locate = () => undefined, catalog: Catalog = t()): string {
  const w = catalog.data;
  const shown = problems.slice(0, limit).map((p) => {
    const at = locate(p.path);
    // A key of its own after a comma inside { }: most likely the rest of a text cut there.
    const strayKey = !!at?.strayKey && p.fault.kind === 'unknown-field';
    return w.problemAt(at?.line, formatPath(p.path) || w.top, w.fault(p.fault), strayKey);
  });
  // Validation stops counting at MAX_PROBLEMS: there may be more than it found.
  return w.problems(shown, Math.max(0, problems.length - limit), problems.length >= MAX_PROBLEMS);
}

/** The place of each field in an event as the data file writes it: its id first. */
const EVENT_FIELD_RANK = new Map(['id', ...ALL_EVENT_FIELDS].map((k, n) => [k, n]));

/** An event with its fields in the data file's order, absent ones left out. */
export function orderedEvent(e: IncidentEvent): IncidentEvent {
  // An event in that order already (as the store reads one for an export) is itself.
  let last = -1;
  let ordered = true;
  for (const k in e) {
    const rank = EVENT_FIELD_RANK.get(k);
    if (rank === undefined || rank <= last || (e as unknown as Record<string, unknown>)[k] === undefined) {
      ordered = false;
      break;
    }
    last = rank;
  }
  if (ordered) return e;
  return withEventFields(e.id !== undefined ? { id: e.id } : {}, e as unknown as Record<string, unknown>) as unknown as IncidentEvent;
}

export interface ExportInput {
  companies: { name: string; aliases: string[]; parent: string | null; website: string | null; category: string | null }[];
  checks: (CheckRecord & { answers: { question: string; answer: string; score: number | null; note?: string }[] })[];
  incidents: { id: string; company: string; title: string; opened: string; fault: Fault; closed?: string; events: IncidentEvent[] }[];
  /** Each incident's attachments, by incident id (with their content in base64 when it is to be embedded). */
  attachments?: Map<string, AttachmentEntry[]>;
  pins: { company: string; list: 'black' | 'white'; reason: string; at: string }[];
}

type Opt<T> = T | null | undefined;
const opt = <T>(v: Opt<T>) => (v === null || v === undefined ? undefined : v);

/** A company as the data file keeps it. */
function companyEntry(c: ExportInput['companies'][number]): CompanyEntry {
  return {
    name: c.name,
    ...(c.aliases.length ? { aliases: c.aliases } : {}),
    ...(c.parent ? { parent: c.parent } : {}),
    ...(opt(c.website) ? { website: c.website! } : {}),
    ...(opt(c.category) ? { category: c.category! } : {}),
  };
}

function checkEntry(k: ExportInput['checks'][number]): CheckEntry {
  const notes = Object.fromEntries(k.answers.filter((a) => a.note).map((a) => [a.question, a.note!]));
  return {
    id: k.id,
    company: k.company,
    checklist: k.checklist,
    checklist_version: k.checklist_version,
    at: k.at,
    answers: Object.fromEntries(k.answers.map((a) => [a.question, a.answer])),
    ...(Object.keys(notes).length ? { notes } : {}),
    score: k.score,
    verdict: k.verdict,
    dealbreakers: k.dealbreakers,
    scores: Object.fromEntries(k.answers.map((a) => [a.question, a.score])),
  };
}

function incidentEntry(i: ExportInput['incidents'][number], attachments: ExportInput['attachments']): IncidentEntry {
  return {
    id: i.id,
    company: i.company,
    title: i.title,
    opened: i.opened,
    fault: i.fault,
    ...(i.closed ? { closed: i.closed } : {}),
    events: i.events.map(orderedEvent),
    ...(attachments?.get(i.id)?.length ? { attachments: attachments.get(i.id)! } : {}),
  };
}

const pinEntry = (p: ExportInput['pins'][number]): PinEntry => ({ company: p.company, list: p.list, reason: p.reason, at: p.at });

/** The whole database as one `vetted/1` document, in a deterministic order (the store's). */
export function buildDataFile(input: ExportInput, exportedAt: string, source?: string): DataFile {
  return {
    format: FORMAT,
    exported_at: exportedAt,
    ...(source ? { source } : {}),
    companies: input.companies.map(companyEntry),
    checks: input.checks.map(checkEntry),
    incidents: input.incidents.map((i) => incidentEntry(i, input.attachments)),
    pins: input.pins.map(pinEntry),
  };
}

/** What dataFileText writes: each list of records may come a batch at a time. */
export interface StreamedExportInput {
  companies: Iterable<ExportInput['companies'][number][]>;
  checks: Iterable<ExportInput['checks'][number][]>;
  incidents: Iterable<ExportInput['incidents'][number][]>;
  attachments?: ExportInput['attachments'];
  pins: Iterable<ExportInput['pins'][number][]>;
}

/**
 * The text of buildDataFile's document as `json` (JSON.stringify(value, null, 2), or a writer
 * that escapes more on top of it) writes it, made a batch of records at a time, so that a large
 * record is never one string or one object in memory.
 */
export function* dataFileText(input: StreamedExportInput, exportedAt: string, json: (value: unknown) => string, source?: string): Generator<string> {
  yield `{\n  "format": ${json(FORMAT)},\n  "exported_at": ${json(exportedAt)}`;
  if (source) yield `,\n  "source": ${json(source)}`;
  const sections: [string, Iterable<unknown>][] = [
    ['companies', each(input.companies, companyEntry)],
    ['checks', each(input.checks, checkEntry)],
    ['incidents', each(input.incidents, (i) => incidentEntry(i, input.attachments))],
    ['pins', each(input.pins, pinEntry)],
  ];
  for (const [key, records] of sections) {
    const head = `{\n  ${json(key)}: [`;
    yield `,\n  ${json(key)}: [`;
    // A few records at a time, written where the document has them, indented as there: their lines, cut out.
    const n = yield* jsonBatches(records, (batch) => json({ [key]: batch }).slice(head.length, -'\n  ]\n}'.length));
    yield n ? '\n  ]' : ']';
  }
  yield '\n}\n';
}

/** Each record of the batches as `fn` makes it, one at a time. */
function* each<T, U>(batches: Iterable<T[]>, fn: (t: T) => U): Generator<U> {
  for (const batch of batches) for (const t of batch) yield fn(t);
}
