// The fields of timeline events: one table that drives validation of the data file, the
// command-line flags of `incident event`, the prompts, and the store's columns.

import {
  CHANNELS,
  COMPENSATION_KINDS,
  EFFORTS,
  EVENT_TYPES,
  LEVELS,
  OUTCOMES,
  type EventType,
  type IncidentEvent,
} from './types.js';
import { isWhen, msOf, parseWhen } from './dates.js';

export type FieldKind = 'text' | 'bool' | 'count' | 'number' | 'when' | 'enum' | 'currency';

export interface FieldSpec {
  name: keyof IncidentEvent & string;
  kind: FieldKind;
  values?: readonly string[];
  describe: string;
}

export const FIELD_SPECS: Record<string, FieldSpec> = Object.fromEntries(
  (
    [
      { name: 'level', kind: 'enum', values: LEVELS, describe: 'how far up the company this happened' },
      { name: 'note', kind: 'text', describe: 'anything worth remembering, in your words' },
      { name: 'channel', kind: 'enum', values: CHANNELS, describe: 'how you got in touch' },
      { name: 'reached_human', kind: 'bool', describe: 'a live person answered' },
      { name: 'wait_minutes', kind: 'count', describe: 'minutes until a live person answered (or until you gave up)' },
      { name: 'robot', kind: 'bool', describe: 'an IVR or a bot stood in the way' },
      { name: 'queue_position', kind: 'count', describe: 'your place in the queue' },
      { name: 'dropped', kind: 'bool', describe: 'the call or chat was cut off or went unanswered' },
      { name: 'text', kind: 'text', describe: 'what was said, in their words' },
      { name: 'due', kind: 'when', describe: 'when the promise falls due' },
      { name: 'kept', kind: 'bool', describe: 'whether the promise was kept (otherwise worked out from the dates)' },
      { name: 'amount', kind: 'number', describe: 'how much' },
      { name: 'currency', kind: 'currency', describe: 'ISO 4217 code, such as EUR or RUB' },
      { name: 'kind', kind: 'enum', values: COMPENSATION_KINDS, describe: 'what kind of compensation' },
      { name: 'proactive', kind: 'bool', describe: 'offered without being asked' },
      { name: 'effort', kind: 'enum', values: EFFORTS, describe: 'what you had to do to get it' },
      { name: 'policy', kind: 'bool', describe: 'the refusal was stated as company policy' },
      { name: 'outcome', kind: 'enum', values: OUTCOMES, describe: 'how it ended' },
    ] satisfies FieldSpec[]
  ).map((f) => [f.name, f]),
);

/** The fields each event type takes (besides `at` and `type`), and which are required. */
export const EVENT_FIELDS: Record<EventType, { fields: string[]; required: string[] }> = {
  contact: { fields: ['channel', 'reached_human', 'wait_minutes', 'robot', 'queue_position', 'dropped', 'level', 'note'], required: [] },
  promise: { fields: ['text', 'due', 'kept', 'level', 'note'], required: ['due'] },
  escalation: { fields: ['level', 'note'], required: ['level'] },
  apology: { fields: ['level', 'note'], required: [] },
  explanation: { fields: ['level', 'note'], required: [] },
  compensation: { fields: ['amount', 'currency', 'kind', 'proactive', 'effort', 'level', 'note'], required: [] },
  refusal: { fields: ['text', 'policy', 'level', 'note'], required: [] },
  resolution: { fields: ['outcome', 'level', 'note'], required: ['outcome'] },
  note: { fields: ['text', 'level'], required: [] },
};

/**
 * The fields an event logged by hand must have: a data file's required ones, and a note's text
 * (one of no text would stand on the timeline as an empty line; a data file's note may carry
 * none, and an older one logged so still imports).
 */
export function requiredWhenLogged(type: EventType): string[] {
  return type === 'note' ? ['text'] : EVENT_FIELDS[type].required;
}

/** Every event field, in the order the data file writes them. */
export const ALL_EVENT_FIELDS: string[] = [
  'at',
  'type',
  ...Object.keys(FIELD_SPECS),
];

/** The event fields after its time and type, in the data file's order. */
export const EVENT_FIELDS_AFTER_TYPE = ALL_EVENT_FIELDS.slice(2);

/**
 * `head` (what comes first: an event's id, or its id, time and type) with the fields of
 * `fields` that are among `names` (every event field unless given) added in the data file's
 * order, absent ones left out.
 */
export function withEventFields(head: Record<string, unknown>, fields: Record<string, unknown>, names: readonly string[] = ALL_EVENT_FIELDS): Record<string, unknown> {
  for (const k of names) {
    const v = fields[k];
    if (v !== undefined) head[k] = v;
  }
  return head;
}

/** The most an event's number may be: nine digits, as the data file's event ids have. */
export const MAX_EVENT_NUMBER = 999_999_999;

/** The number in an event id (`volga-2012-07#4` or `#4`); undefined where it has none. */
export function eventNumber(id: string | undefined): number | undefined {
  if (!id) return undefined;
  const n = Number(id.slice(id.lastIndexOf('#') + 1));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** The fields of `o` that are set: a field of none given is no field. */
export function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function isEventType(s: string): s is EventType {
  return (EVENT_TYPES as readonly string[]).includes(s);
}

/** The largest count (minutes waited, a place in a queue) and amount an event may hold: beyond
 * them a value is a slip of the keyboard (1e20 minutes), and prints as dozens of digits. */
export const MAX_COUNT = 1_000_000_000;
export const MAX_AMOUNT = 1_000_000_000_000_000;

/** Whether a value is one the field takes (a text field's length is the data file's to check). */
export function fieldFits(spec: FieldSpec, v: unknown): boolean {
  switch (spec.kind) {
    case 'text':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    case 'count':
      return Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_COUNT;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_AMOUNT;
    case 'when':
      return typeof v === 'string' && isWhen(v);
    case 'enum':
      return typeof v === 'string' && spec.values!.includes(v);
    case 'currency':
      return typeof v === 'string' && /^[A-Z]{3}$/.test(v);
  }
}

/** Sorts events by time, keeping the logged order of events at the same time. */
export function sortEvents<E extends { at: string }>(events: E[], msOf: (t: string) => number): E[] {
  return timedInOrder(events, msOf).map((x) => x.e);
}

/** The events in sortEvents' order, each with its time in ms (for a caller that stores it). */
export function timedInOrder<E extends { at: string }>(events: E[], msOf: (t: string) => number): { e: E; t: number }[] {
  return events.map((e, i) => ({ e, i, t: msOf(e.at) })).sort((a, b) => a.t - b.t || a.i - b.i);
}

/**
 * The events (of one timeline) that repeat an event before them, by content (see
 * eventContentKey), as their indexes. Only events that share their time and type with another
 * can, and only theirs are compared: a new timeline's events seldom repeat.
 */
export function repeatedEvents(events: readonly IncidentEvent[]): Set<number> {
  const repeats = new Set<number>();
  const byTime = new Map<string, number>();
  let shared: Map<string, number[]> | undefined;
  events.forEach((e, n) => {
    const at = `${e.at}\u001f${e.type}`;
    const first = byTime.get(at);
    if (first === undefined) byTime.set(at, n);
    else {
      shared ??= new Map();
      const group = shared.get(at);
      if (group) group.push(n);
      else shared.set(at, [first, n]);
    }
  });
  for (const group of shared?.values() ?? []) {
    const keys = new Set<string>();
    for (const n of group) {
      const key = eventContentKey(events[n]);
      if (keys.has(key)) repeats.add(n);
      else keys.add(key);
    }
  }
  return repeats;
}

/** Another event of a timeline that is the same event as `e` (by eventContentKey), if there is one: a timeline holds each once, and an import of its export would take one for the other. */
export function sameEventAs<E extends IncidentEvent>(e: IncidentEvent, timeline: readonly E[]): E | undefined {
  const key = eventMomentKey(e);
  return timeline.find((other) => other !== e && eventMomentKey(other) === key);
}

/**
 * The content key of an event with its times as moments: `2026-01-02 10:00` from a data file is
 * the same as `2026-01-02T10:00` or `2026-01-02T10:00:00`. A deadline given as a date alone is
 * the end of that day, never the same as its midnight given as a time.
 */
export function eventMomentKey(e: IncidentEvent): string {
  const dueKey = (due: string) => `${parseWhen(due)?.dateOnly ? 'day ' : ''}${msOf(due)}`;
  return eventContentKey({ ...e, at: String(msOf(e.at)), ...(e.due !== undefined ? { due: dueKey(e.due) } : {}) });
}

/** A stable text of an event's content, for recognising the same event on a second import. */
export function eventContentKey(e: IncidentEvent): string {
  const parts: string[] = [];
  for (const name of ALL_EVENT_FIELDS) {
    const v = (e as unknown as Record<string, unknown>)[name];
    if (v !== undefined) parts.push(`${name}=${JSON.stringify(v)}`);
  }
  return parts.join('\u001f');
}
