// The `vetted/1` data file: validation of parsed data (every problem named with its path)
// and the deterministic document that export writes. Pure: no files, no SQL.

import { EVENT_FIELDS, FIELD_SPECS, fieldProblem, isEventType, ALL_EVENT_FIELDS } from '../domain/events.js';
import { FAULTS, EVENT_TYPES, type Fault, type IncidentEvent } from '../domain/types.js';
import { parseWhen } from '../domain/dates.js';
import { formatPath, type Path, type Problem, type Validated } from '../domain/validation.js';

export const FORMAT = 'vetted/1';

export interface CompanyEntry {
  name: string;
  aliases?: string[];
  parent?: string;
  website?: string;
  category?: string;
}

export interface CheckEntry {
  company: string;
  checklist: string;
  checklist_version?: number;
  at: string;
  answers: Record<string, string>;
  notes?: Record<string, string>;
}

export interface IncidentEntry {
  id?: string;
  company: string;
  title: string;
  opened: string;
  fault?: Fault;
  closed?: string;
  events?: IncidentEvent[];
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

export const LIMITS = { name: 200, text: 10_000 };
export const INCIDENT_ID = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;

type Check = (v: unknown, path: Path, out: Problem[]) => void;

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str =
  (max: number, pattern?: { re: RegExp; hint: string }): Check =>
  (v, path, out) => {
    if (typeof v !== 'string') out.push({ path, message: `must be text, not ${describe(v)}` });
    else if (!v.trim()) out.push({ path, message: 'must not be empty' });
    else if ([...v].length > max) out.push({ path, message: `is longer than ${max} characters` });
    else if (pattern && !pattern.re.test(v)) out.push({ path, message: pattern.hint });
  };
const name = str(LIMITS.name);
const text = str(LIMITS.text);
const when: Check = (v, path, out) => {
  if (typeof v !== 'string' || !parseWhen(v)) out.push({ path, message: `must be a real ISO 8601 date such as 2024-07-12 or 2024-07-12T09:30, not ${describe(v)}` });
};
const oneOf =
  (values: readonly string[]): Check =>
  (v, path, out) => {
    if (typeof v !== 'string' || !values.includes(v)) out.push({ path, message: `must be one of ${values.join(', ')}, not ${describe(v)}` });
  };
const list =
  (item: Check): Check =>
  (v, path, out) => {
    if (!Array.isArray(v)) out.push({ path, message: `must be a list, not ${describe(v)}` });
    else v.forEach((x, i) => item(x, [...path, i], out));
  };
const textMap =
  (max: number): Check =>
  (v, path, out) => {
    if (!isMap(v)) out.push({ path, message: `must be a map of question id to text, not ${describe(v)}` });
    else for (const [k, x] of Object.entries(v)) str(max)(x, [...path, k], out);
  };
const positiveInt: Check = (v, path, out) => {
  if (!Number.isInteger(v) || (v as number) < 1) out.push({ path, message: `must be a whole number from 1 up, not ${describe(v)}` });
};

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** A map with known fields: unknown ones are errors, required ones must be there. */
function record(fields: Record<string, Check>, required: string[]): Check {
  return (v, path, out) => {
    if (!isMap(v)) {
      out.push({ path, message: `must be a map, not ${describe(v)}` });
      return;
    }
    for (const k of Object.keys(v)) {
      if (!Object.hasOwn(fields, k)) out.push({ path: [...path, k], message: 'unknown field' });
    }
    for (const k of required) if (v[k] === undefined || v[k] === null) out.push({ path: [...path, k], message: 'is required' });
    for (const [k, check] of Object.entries(fields)) if (Object.hasOwn(v, k) && v[k] !== undefined && v[k] !== null) check(v[k], [...path, k], out);
  };
}

const event: Check = (v, path, out) => {
  if (!isMap(v)) {
    out.push({ path, message: `must be a map, not ${describe(v)}` });
    return;
  }
  if (typeof v.type !== 'string' || !isEventType(v.type)) {
    out.push({ path: [...path, 'type'], message: v.type === undefined ? 'is required' : `must be one of ${EVENT_TYPES.join(', ')}, not ${describe(v.type)}` });
    return;
  }
  const spec = EVENT_FIELDS[v.type];
  for (const k of Object.keys(v)) {
    if (k === 'at' || k === 'type') continue;
    if (!Object.hasOwn(FIELD_SPECS, k)) out.push({ path: [...path, k], message: 'unknown field' });
    else if (!spec.fields.includes(k)) out.push({ path: [...path, k], message: `is not a field of a ${v.type} event (its fields are ${spec.fields.join(', ')})` });
  }
  if (v.at === undefined) out.push({ path: [...path, 'at'], message: 'is required' });
  else when(v.at, [...path, 'at'], out);
  for (const k of spec.required) if (v[k] === undefined) out.push({ path: [...path, k], message: `is required for a ${v.type} event` });
  for (const k of spec.fields) {
    if (v[k] === undefined) continue;
    const f = FIELD_SPECS[k];
    const problem = f.kind === 'text' ? (typeof v[k] === 'string' && [...(v[k] as string)].length <= LIMITS.text ? undefined : `must be text of at most ${LIMITS.text} characters`) : fieldProblem(f, v[k]);
    if (problem) out.push({ path: [...path, k], message: `${problem}, not ${describe(v[k])}` });
  }
};

const company = record({ name, aliases: list(name), parent: name, website: str(2000), category: str(LIMITS.name) }, ['name']);
const check = record(
  { company: name, checklist: str(64), checklist_version: positiveInt, at: when, answers: textMap(64), notes: textMap(LIMITS.text) },
  ['company', 'checklist', 'at', 'answers'],
);
const incident = record(
  {
    id: str(64, { re: INCIDENT_ID, hint: 'must be letters, digits, dots, dashes or underscores (at most 64), such as volga-2012-07' }),
    company: name,
    title: str(LIMITS.name * 2),
    opened: when,
    fault: oneOf(FAULTS),
    closed: when,
    events: list(event),
  },
  ['company', 'title', 'opened'],
);
const pin = record({ company: name, list: oneOf(['black', 'white']), reason: text, at: when }, ['company', 'list', 'reason']);

const yesNo: Check = (v, path, out) => {
  if (typeof v !== 'boolean') out.push({ path, message: `must be true or false, not ${describe(v)}` });
};
const reason = record(
  { rule: str(16), text, text_ru: text, date: when, evidence: list(str(LIMITS.name)) },
  ['rule', 'text'],
);
const listsEntry = record(
  { company: name, list: oneOf(['black', 'white', 'watch']), since: when, pinned: yesNo, reasons: list(reason) },
  ['company', 'list'],
);

const formatCheck: Check = (v, path, out) => {
  if (v === FORMAT) return;
  const newer = typeof v === 'string' && /^vetted\/(\d+)$/.exec(v);
  if (newer && Number(newer[1]) > 1) out.push({ path, message: `is ${v}, a newer format than this vetted reads (${FORMAT}); upgrade vetted to import it` });
  else out.push({ path, message: `must be ${FORMAT}, not ${describe(v)}` });
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

/** Checks a parsed data file; every problem is named with its path. */
export function validateDataFile(data: unknown): Validated<DataFile> {
  const errors: Problem[] = [];
  if (!isMap(data)) return { errors: [{ path: [], message: `a data file must be a map with format: ${FORMAT}` }] };
  if (data.format === undefined || data.format === null) {
    return { errors: [{ path: ['format'], message: `is missing: a data file starts with format: ${FORMAT}` }] };
  }
  if (data.format !== FORMAT) {
    // A newer or foreign format: say only that, not every field it does not know.
    formatCheck(data.format, ['format'], errors);
    if (errors.length) return { errors };
  }
  document(data, [], errors);
  return errors.length ? { errors } : { value: data as unknown as DataFile };
}

export function describeProblems(problems: Problem[], limit = 5): string {
  const shown = problems.slice(0, limit).map((p) => `${formatPath(p.path) || '(top)'}: ${p.message}`);
  const more = problems.length > limit ? ` (and ${problems.length - limit} more)` : '';
  return shown.join('; ') + more;
}

/** An event with its fields in the data file's order, absent ones left out. */
export function orderedEvent(e: IncidentEvent): IncidentEvent {
  const out: Record<string, unknown> = {};
  for (const k of ALL_EVENT_FIELDS) {
    const v = (e as unknown as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as unknown as IncidentEvent;
}

export interface ExportInput {
  companies: { name: string; aliases: string[]; parent: string | null; website: string | null; category: string | null }[];
  checks: { company: string; checklist: string; checklist_version: number; at: string; answers: { question: string; answer: string; note?: string }[] }[];
  incidents: { id: string; company: string; title: string; opened: string; fault: Fault; closed?: string; events: IncidentEvent[] }[];
  pins: { company: string; list: 'black' | 'white'; reason: string; at: string }[];
}

/** The whole database as one `vetted/1` document, in a deterministic order (the store's). */
export function buildDataFile(input: ExportInput, exportedAt: string, source?: string): DataFile {
  const opt = <T>(v: T | null | undefined) => (v === null || v === undefined ? undefined : v);
  return {
    format: FORMAT,
    exported_at: exportedAt,
    ...(source ? { source } : {}),
    companies: input.companies.map((c) => ({
      name: c.name,
      ...(c.aliases.length ? { aliases: c.aliases } : {}),
      ...(c.parent ? { parent: c.parent } : {}),
      ...(opt(c.website) ? { website: c.website! } : {}),
      ...(opt(c.category) ? { category: c.category! } : {}),
    })),
    checks: input.checks.map((k) => {
      const notes = Object.fromEntries(k.answers.filter((a) => a.note).map((a) => [a.question, a.note!]));
      return {
        company: k.company,
        checklist: k.checklist,
        checklist_version: k.checklist_version,
        at: k.at,
        answers: Object.fromEntries(k.answers.map((a) => [a.question, a.answer])),
        ...(Object.keys(notes).length ? { notes } : {}),
      };
    }),
    incidents: input.incidents.map((i) => ({
      id: i.id,
      company: i.company,
      title: i.title,
      opened: i.opened,
      fault: i.fault,
      ...(i.closed ? { closed: i.closed } : {}),
      events: i.events.map(orderedEvent),
    })),
    pins: input.pins.map((p) => ({ company: p.company, list: p.list, reason: p.reason, at: p.at })),
  };
}
