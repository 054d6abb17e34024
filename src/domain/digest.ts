// The digest of a timeline: what the list policy, `due` and `incident list` read of an
// incident's events, kept beside each incident so that a listing of thousands of companies
// reads one short record per incident instead of every event. A pure function of the events
// in their order; the store keeps it up to date and the rules read nothing else. Kept digests
// are the build's that kept them: another build drops them and works them out again.

import { LEVELS, type Digest, type DigestedIncident, type Fault, type Incident, type IncidentEvent, type Level, type Outcome } from './types.js';
import { msOf, parseWhen, writtenDayOf } from './dates.js';
import { STALE_DAYS, daysBetween, fixSettling, isAtFault, madeAfterFix, seqOf, type Closing, isReplyDeadline, isSentLetter, isWritten, levelOf, levelRank, promiseStatusGiven, replyAnswered, replyOwedBy, rungAbove, type Advice, type PromiseStatus } from './incident.js';
import { smallest } from './extremes.js';

export type { Digest, DigestedIncident } from './types.js';

/** An event as a digest keeps it: its time and type, and the fields the readers of digests read. */
function kept(e: IncidentEvent, fields: readonly (keyof IncidentEvent)[]): IncidentEvent {
  const out: IncidentEvent = { at: e.at, type: e.type };
  for (const f of fields) if (e[f] !== undefined) (out as unknown as Record<string, unknown>)[f] = e[f];
  return out;
}
const REFUSAL_FIELDS = ['level', 'policy', 'text'] as const;
// (And its id: a calendar's event of the deadline is named by it.)
const PROMISE_FIELDS = ['id', 'due', 'kept', 'text'] as const;
const COMPENSATION_FIELDS = ['kind', 'proactive', 'effort'] as const;

export function digestOf(events: readonly IncidentEvent[]): Digest {
  let last: string | null = null;
  let lastMs = -Infinity;
  const levels = new Set<Level>();
  // Each level's first time: one first reached after the closing was not one the customer had to go to.
  const firstMs = new Map<Level, number>();
  const firstAt = new Map<Level, string>();
  let top = 0;
  let reachedMs = Infinity;
  // Of each level, the last event there that is not a note: its time, and the text of it.
  const levelMs: number[] = [];
  const lastText: string[] = [];
  const d: Digest = { events: events.length, last: null, levels: [], reached: null, lastThere: null, closing: null, told: false, apology: false, explanation: false, robots: 0, refusals: [], promises: [], compensations: [] };
  // The promises' events, and whether the customer wrote to the company: only then may one be a letter's reply deadline.
  const promises: IncidentEvent[] = [];
  let wrote = false;
  let wroteAny = false;
  // The resolution that closed it, and each promise: within the fix's minute, their moments and
  // then their numbers tell one made after it (see fixSettling).
  let closingEvent: IncidentEvent | undefined;
  for (let k = 0; k < events.length; k++) {
    const e = events[k];
    if (!wrote && isSentLetter(e)) wrote = true;
    if (!wroteAny && isWritten(e)) wroteAny = true;
    const t = msOf(e.at);
    if (t >= lastMs) {
      last = e.at;
      lastMs = t;
    }
    const level = levelOf(e);
    levels.add(level);
    if (!(firstMs.get(level)! <= t)) {
      firstMs.set(level, t);
      firstAt.set(level, e.at);
    }
    const rank = levelRank(level);
    if (rank > top || (rank === top && rank > 0 && t < reachedMs)) {
      top = rank;
      reachedMs = t;
      d.reached = e.at;
    }
    if (e.type !== 'note' && !(levelMs[rank] > t)) {
      levelMs[rank] = t;
      lastText[rank] = e.at;
    }
    if (e.type !== 'note') d.told = true;
    if (e.type === 'apology') d.apology = true;
    else if (e.type === 'explanation') d.explanation = true;
    else if (e.type === 'contact' && (e.robot || e.dropped)) d.robots++;
    else if (e.type === 'refusal') d.refusals.push(kept(e, REFUSAL_FIELDS));
    else if (e.type === 'promise' && e.due) {
      d.promises.push(kept(e, PROMISE_FIELDS));
      promises.push(e);
    } else if (e.type === 'compensation') d.compensations.push(kept(e, COMPENSATION_FIELDS));
    // The last resolution with an outcome is the one that closed it (as closingOf reads it).
    else if (e.type === 'resolution' && e.outcome) {
      d.closing = { outcome: e.outcome, at: e.at };
      closingEvent = e;
    }
  }
  if (d.closing) {
    // Marked where the minute alone does not tell: a promise logged after the closing, in its minute.
    const seq = seqOf(closingEvent!);
    const closing = { outcome: 'resolved' as const, ms: msOf(d.closing.at), ...(seq !== undefined ? { seq } : {}) };
    promises.forEach((e, n) => {
      if (Math.floor(msOf(e.at) / 60_000) === Math.floor(closing.ms / 60_000) && fixSettling(e, closing) === undefined) d.promises[n] = { ...d.promises[n], afterFix: true };
    });
  }
  if (wroteAny) {
    promises.forEach((e, k) => {
      const answered = wrote ? replyAnswered(events, e) : undefined;
      if (answered !== undefined) d.promises[k] = { ...d.promises[k], answered };
      if (isReplyDeadline(events, e)) {
        const owedBy = replyOwedBy(events, e);
        d.promises[k] = { ...d.promises[k], reply: true, ...(owedBy ? { replyOf: owedBy } : {}) };
      }
    });
  }
  d.last = last;
  d.levels = LEVELS.filter((l) => levels.has(l));
  // Only once the problem was put right: after a closing that left it unresolved, or put right in
  // part only, going further up (to the regulator) is the customer's next step, and counts.
  if (d.closing?.outcome === 'resolved') {
    // A closing of a day alone is that whole day's, as a due date of a day alone is: two events
    // of one day are not one moment. A time is of that day by the day it is written on (writtenDayOf).
    const closed = parseWhen(d.closing.at)!;
    const byClosing = d.levels.filter((l) => (closed.dateOnly ? writtenDayOf({ text: firstAt.get(l)! }) <= writtenDayOf(closed) : firstMs.get(l)! <= closed.ms));
    if (byClosing.length < d.levels.length) d.levelsByClosing = byClosing;
  }
  if (d.reached !== null) d.lastThere = lastText[top] ?? null;
  const closing = closingOfDigest(d);
  for (const p of d.promises) {
    if (mayBeOwed(p, closing)) {
      d.owing = true;
      break;
    }
  }
  return d;
}

/**
 * Whether a promise of a digest may be one `due` lists, broken or coming due, at some time (see
 * owedReport and owedOf): not marked kept, nor a reply that came (in time or late, it is owed no
 * longer), and, of an incident closed by a resolution, made after the fix, which settles none made
 * after it. Of each promise it lists, this holds whatever the time: no clock is read.
 */
function mayBeOwed(p: Digest['promises'][number], closing: Pick<Closing, 'outcome' | 'ms'> | undefined): boolean {
  return p.kept !== true && (p.answered === undefined || p.kept !== undefined) && (closing === undefined || madeAfterFix(p, closing));
}

/**
 * How `due` takes a promise of an incident (one just logged, as a letter's reply deadline):
 * `open`, chased as any of an open incident; `after-fix`, of a closed one, chased as made after
 * the fix, which did not settle it; `closed`, of a closed one, not chased (settled by the fix, or
 * the incident closed without one) until the incident is reopened. By mayBeOwed, as due reads it.
 */
export function howDueTakes(i: Incident, promiseId: string): 'open' | 'after-fix' | 'closed' {
  const d = digestOf(i.events);
  if (isOpenGiven(d, i.closed)) return 'open';
  const p = d.promises.find((x) => x.id === promiseId);
  return p !== undefined && mayBeOwed(p, closingOfDigest(d)) ? 'after-fix' : 'closed';
}

/** How digestText's text of a digest with `owing` set begins, and no other's does: what the store reads the incidents by. */
export const OWING_TEXT_START = '{"owing":true,';

/**
 * A digest as the database keeps it: what is no, none or nothing left out, and each quoted
 * event without its type, which its list says (a third shorter, and as much quicker to read).
 */
export function digestText(d: Digest): string {
  // `owing` first, where set: the store reads the incidents by the start of the text (OWING_TEXT_START).
  const o: Record<string, unknown> = d.owing ? { owing: true, events: d.events } : { events: d.events };
  if (d.last !== null) o.last = d.last;
  if (d.levels.length) o.levels = d.levels;
  if (d.reached !== null) o.reached = d.reached;
  if (d.lastThere !== null) o.lastThere = d.lastThere;
  if (d.closing) o.closing = d.closing;
  if (d.levelsByClosing) o.levelsByClosing = d.levelsByClosing;
  if (d.told) o.told = true;
  if (d.apology) o.apology = true;
  if (d.explanation) o.explanation = true;
  if (d.robots) o.robots = d.robots;
  const untyped = (events: IncidentEvent[]) => events.map(({ type: _t, ...rest }) => rest);
  if (d.refusals.length) o.refusals = untyped(d.refusals);
  if (d.promises.length) o.promises = untyped(d.promises);
  if (d.compensations.length) o.compensations = untyped(d.compensations);
  return JSON.stringify(o);
}

/** A digest as a text of digestText's holds it, with what the text leaves out filled in; its quoted events are not typed yet. */
type UntypedDigest = Omit<Digest, 'refusals' | 'promises' | 'compensations'> & Record<'refusals' | 'promises' | 'compensations', Omit<IncidentEvent, 'type'>[]>;

function untypedDigest(text: string): UntypedDigest {
  const o = JSON.parse(text) as Partial<UntypedDigest> & { events: number };
  return {
    events: o.events,
    last: o.last ?? null,
    levels: o.levels ?? [],
    reached: o.reached ?? null,
    lastThere: o.lastThere ?? null,
    closing: o.closing ?? null,
    ...(o.levelsByClosing ? { levelsByClosing: o.levelsByClosing } : {}),
    told: o.told === true,
    apology: o.apology === true,
    explanation: o.explanation === true,
    robots: o.robots ?? 0,
    refusals: o.refusals ?? [],
    promises: o.promises ?? [],
    compensations: o.compensations ?? [],
    ...(o.owing ? { owing: true as const } : {}),
  };
}

/** The digest a text of digestText's holds. */
export function digestFromText(text: string): Digest {
  const d = untypedDigest(text);
  // Each event is given its type where it is (its time first, its type last: nothing reads the
  // order of their fields); a copy of each, in digestOf's order, was a tenth of judging a company.
  const type = (events: Omit<IncidentEvent, 'type'>[], t: IncidentEvent['type']) => {
    for (const e of events) (e as IncidentEvent).type = t;
  };
  type(d.refusals, 'refusal');
  type(d.promises, 'promise');
  type(d.compensations, 'compensation');
  return d as Digest;
}

/** An incident with its events replaced by their digest. */
export function digested(i: Incident | DigestedIncident): DigestedIncident {
  if ('digest' in i) return i;
  const { events, ...rest } = i;
  return { ...rest, digest: digestOf(events) };
}

export function closingOfDigest(d: Pick<Digest, 'closing'>): { outcome: Outcome; ms: number; at: string } | undefined {
  return d.closing ? { outcome: d.closing.outcome, ms: msOf(d.closing.at), at: d.closing.at } : undefined;
}

export function isOpenDigested(i: DigestedIncident): boolean {
  return isOpenGiven(i.digest, i.closed);
}

/** Open: neither closed by a resolution nor marked closed. */
function isOpenGiven(d: Pick<Digest, 'closing'>, closed: string | null | undefined): boolean {
  return !d.closing && !closed;
}

export function promisesOfDigested(i: DigestedIncident, now: number): PromiseStatus<Digest['promises'][number]>[] {
  const closing = closingOfDigest(i.digest);
  return i.digest.promises.map((p) => promiseStatusGiven(p, closing, now, p.answered));
}

export function brokenOfDigested(i: DigestedIncident, now: number): PromiseStatus<Digest['promises'][number]>[] {
  return promisesOfDigested(i, now).filter((p) => p.state === 'broken');
}

/**
 * The company's own promises broken, as the list policy counts them: not the reply deadline of
 * a letter the customer sent, which is theirs to demand (`due` chases it all the same). Three
 * letters unanswered are no three promises broken.
 */
export function companyBrokenOfDigested(i: DigestedIncident, now: number): PromiseStatus<Digest['promises'][number]>[] {
  return brokenOfDigested(i, now).filter((p) => p.event.reply !== true);
}

export function highestLevelOf(d: Pick<Digest, 'levels'>): Level {
  return d.levels.length ? d.levels[d.levels.length - 1] : 'frontline';
}

/** The highest level the customer had to go to: by the closing, where there is one (see Digest.levelsByClosing). */
export function highestLevelGoneTo(d: Pick<Digest, 'levels' | 'levelsByClosing'>): Level {
  return highestLevelOf({ levels: d.levelsByClosing ?? d.levels });
}

/** The time of the last event, or the opening when there is none later. */
export function lastActivityOf(i: DigestedIncident): string {
  const last = i.digest.last;
  return last !== null && msOf(last) >= msOf(i.opened) ? last : i.opened;
}

// ---- what is owed, and the list of incidents ----

/**
 * When a broken promise was broken: at its deadline, or, for one marked not kept before its
 * deadline, when it was made (never a day still to come). A deadline of a day alone is the end
 * of that day: told as that day, the one the user gave, not the next.
 */
function brokenMs(p: PromiseStatus, now: number): number {
  if (p.dueMs <= now) return parseWhen(p.event.due!)?.dateOnly ? p.dueMs - 1 : p.dueMs;
  return Math.min(msOf(p.event.at), now);
}

export interface DueReport {
  incident: DigestedIncident;
  /** The promises broken, and the reply deadlines of the customer's letters let pass (`reply`). */
  broken: PromiseStatus<Digest['promises'][number]>[];
  comingDue: PromiseStatus<Digest['promises'][number]>[];
  staleDays: number | null;
  advice: Advice[];
}

/**
 * What `due` says of an incident: of an open one, its dueReport; of a closed one, the promises it
 * still owes (made after the fix, which did not settle them: see madeAfterFix) and how to chase
 * them, or null where it owes none.
 */
export function owedReport(incident: Incident | DigestedIncident, now: number, formatDate: (ms: number) => string): DueReport | null {
  const i = digested(incident);
  if (isOpenDigested(i)) return dueReport(i, now, formatDate);
  const promises = promisesOwedOf(i, false, now);
  if (!promises.length) return null;
  const { broken, comingDue } = owedOf(promises);
  if (!broken.length && !comingDue.length) return null;
  // The ladder was climbed for the fault, which is put right: what is left is the promise
  // itself, chased in writing (or the incident reopened, where the fault is back).
  const advice: Advice[] = broken.length ? [{ kind: 'after-fix', incident: i.id, broken: broken.length }, { kind: 'timeline' }] : [];
  return { incident: i, broken, comingDue, staleDays: null, advice };
}

/**
 * Where each promise of an incident stands, of those `due` may list (mayBeOwed: of an open
 * incident, any not kept nor answered; of a closed one, only those made after the fix). Of the
 * others, none is worked out: each would be kept, or settled, whatever the time.
 */
function promisesOwedOf(i: DigestedIncident, open: boolean, now: number): PromiseStatus<Digest['promises'][number]>[] {
  const closing = closingOfDigest(i.digest);
  const promises: PromiseStatus<Digest['promises'][number]>[] = [];
  for (const p of i.digest.promises) if (mayBeOwed(p, open ? undefined : closing)) promises.push(promiseStatusGiven(p, closing, now, p.answered));
  return promises;
}

/** A promise broken and still owed: a reply that came late was late, but is owed no longer (isSettledReply): nothing to chase. */
const isOwedBroken = (p: PromiseStatus<Digest['promises'][number]>) => p.state === 'broken' && (p.event.answered === undefined || p.event.kept !== undefined);

/** Of the promises, the ones broken and still owed, and the ones still to fall due (soonest first). */
function owedOf(promises: PromiseStatus<Digest['promises'][number]>[]): Pick<DueReport, 'broken' | 'comingDue'> {
  const broken = promises.filter(isOwedBroken);
  const comingDue = promises.filter((p) => p.state === 'pending').sort((a, b) => a.dueMs - b.dueMs);
  return { broken, comingDue };
}

/**
 * How the level an open incident is at has failed too, where it has, which calls for the next
 * rung: a promise broken, or a refusal, since the incident got there, or a week and more of
 * nothing with what broke below still broken (see dueReport); null where it has not.
 */
function failedHere(d: Digest, broken: readonly PromiseStatus<Digest['promises'][number]>[], comingDue: readonly PromiseStatus<Digest['promises'][number]>[], now: number): { brokenHere: number; refusalsHere: number; quietDays?: number } | null {
  // What broke below it is why it got there, and does not call for the rung above before that
  // level has had its chance.
  const reached = d.reached === null ? -Infinity : msOf(d.reached);
  // A promise of that level is one made since the incident got there (at the front line, every one: no time read).
  const here = (at: string) => reached === -Infinity || msOf(at) >= reached;
  let brokenHere = 0;
  for (const b of broken) if (here(b.event.at)) brokenHere++;
  let refusalsHere = 0;
  for (const r of d.refusals) if (here(r.at)) refusalsHere++;
  if (brokenHere || refusalsHere) return { brokenHere, refusalsHere };
  // (A week of nothing there: no event at that level but notes of the user's, nor a promise it made still to fall due.)
  if (!(broken.length > 0 || d.refusals.length > 0) || d.reached === null) return null;
  const quietDays = quietDaysOf(d, now);
  return quietDays >= STALE_DAYS && !comingDue.some((p) => here(p.event.at)) ? { brokenHere, refusalsHere, quietDays } : null;
}

/** How long nothing has happened at the level the incident is at (see Digest.lastThere): 0 at the front line. */
function quietDaysOf(d: Digest, now: number): number {
  return d.reached === null ? 0 : daysBetween(msOf(d.lastThere ?? d.reached), now);
}

/** The broken promises, the ones coming due, staleness and the next steps of an open incident. */
export function dueReport(incident: Incident | DigestedIncident, now: number, formatDate: (ms: number) => string): DueReport {
  const i = digested(incident);
  const d = i.digest;
  const { broken, comingDue } = owedOf(promisesOwedOf(i, true, now));
  const idle = daysBetween(msOf(lastActivityOf(i)), now);
  const staleDays = idle >= STALE_DAYS ? idle : null;
  const advice: Advice[] = [];
  const refusals = d.refusals.length;
  // The next rung is advised where the level the incident is at has failed too.
  const failed = failedHere(d, broken, comingDue, now);
  if (failed) {
    const { brokenHere, refusalsHere, quietDays = quietDaysOf(d, now) } = failed;
    const next = rungAbove(highestLevelOf(d));
    const first = broken.length ? formatDate(smallest(broken.map((b) => brokenMs(b, now)))) : null;
    // Where the why puts the failure: every one at this level, the last of them, or none but the silence.
    const here = brokenHere === broken.length && refusalsHere === refusals ? 'all' : brokenHere || refusalsHere ? 'last' : 'quiet';
    // The reply deadlines of the customer's letters let pass are said apart: the customer's demand, not the company's promise.
    let missed = 0;
    for (const b of broken) if (b.event.reply) missed++;
    advice.push({ kind: 'escalate', from: next.from, to: next.level, broken: broken.length - missed, missed, since: first, refusals, here, quiet_days: quietDays });
  }
  // Advice needs evidence: nothing is owed before the company has been told of the failure.
  if (!d.told) advice.push({ kind: 'tell', incident: i.id });
  if (d.told && isAtFault(i) && !d.compensations.length) {
    advice.push({ kind: 'compensation', days: daysBetween(msOf(i.opened), now) });
  }
  // Not while a promise (a letter's reply among them) is still to fall due: chased then, by its own
  // line; nor before the company was told at all: telling them is the step, said above.
  if (staleDays !== null && !comingDue.length && d.told) advice.push({ kind: 'chase', days: staleDays });
  if (advice.length) advice.push({ kind: 'timeline' });
  return { incident: i, broken, comingDue, staleDays, advice };
}

/** The step of `due`'s advice a calendar names: the next rung, or chasing a promise made after the fix. */
export type DeadlineStep = Pick<Extract<Advice, { kind: 'escalate' }>, 'kind' | 'from'> | Pick<Extract<Advice, { kind: 'after-fix' }>, 'kind' | 'incident'>;

/** A deadline `due` shows of an incident, broken or coming due, and the step it gives for it (see owedDeadlines). */
export interface OwedDeadline {
  promise: PromiseStatus<Digest['promises'][number]>;
  step: DeadlineStep | null;
}

/**
 * The deadlines `due` shows of an incident (its report's broken and coming due, as owedReport
 * gives them), in the order they were made, each with the step its calendar event names: the
 * one `due` gives now (for a deadline let pass), or would give once it is let pass (for one still
 * to come), by dueReport's own rule, at that moment: the next rung of the ladder, or, for a closed
 * incident, chasing the promise; null where `due` gives none. Only what the calendar reads is
 * worked out, not the rest of the report.
 */
export function owedDeadlines(i: DigestedIncident, now: number): OwedDeadline[] {
  const open = isOpenDigested(i);
  const promises = promisesOwedOf(i, open, now);
  const out: OwedDeadline[] = [];
  let stepNow: DeadlineStep | null | undefined;
  for (const p of promises) {
    const owedBroken = isOwedBroken(p);
    if (!owedBroken && p.state !== 'pending') continue;
    let step: DeadlineStep | null;
    // A closed incident's promise made after the fix, let pass, is chased so: now, or once it is.
    if (!open) step = { kind: 'after-fix', incident: i.id };
    else if (owedBroken) step = stepNow === undefined ? (stepNow = escalationStep(i.digest, promises, now)) : stepNow;
    // As it will stand once this one is let pass.
    else step = escalationStep(i.digest, promisesOwedOf(i, open, p.dueMs + 1), p.dueMs + 1);
    out.push({ promise: p, step });
  }
  return out;
}

/** The next rung, where `due` advises it at `now` of these promises (see dueReport). */
function escalationStep(d: Digest, promises: PromiseStatus<Digest['promises'][number]>[], now: number): DeadlineStep | null {
  const { broken, comingDue } = owedOf(promises);
  return failedHere(d, broken, comingDue, now) ? { kind: 'escalate', from: highestLevelOf(d) } : null;
}

export interface IncidentListRow {
  id: string;
  company: string;
  title: string;
  opened: string;
  fault: Fault;
  open: boolean;
  /** When it was closed: by the resolution that closed it, else by its closing time alone. */
  closed: string | null;
  outcome: Outcome | null;
  events: number;
  promises_broken: number;
  highest_level: Level;
}

/** The part of a digest a row of `incident list` reads: a digest, one whose events are not typed, or listedFromText's. */
type ListedPromise = Pick<IncidentEvent, 'due' | 'kept'> & { at?: string; afterFix?: true };
type ListedDigest = Pick<Digest, 'events' | 'levels' | 'closing'> & { promises: readonly ListedPromise[] };

/**
 * The part of a digest `incident list` reads, as the database keeps it beside the digest: the
 * count of events, the highest level, the closing and each of the company's own promises' due
 * time and whether it was kept, in a short text read without a JSON parser: `7|supervisor|resolved 2024-07-13T18:00|2024-07-12T18:00+,2024-07-14T09:00`
 * (`+` kept, `-` not kept; `@` and the time it was made, for one made after the fix, which the
 * fix does not settle: `2024-07-20T09:00@2024-07-15T10:00`; `@!` for one the digest marks
 * `afterFix`, logged after the fix in its minute). Reading 14,000 digests whole, as
 * JSON, was a tenth of the listing. A time is kept as it was given (`2024-07-12 18:00`, spaces
 * around it too): none holds `|`, `,`, `@` or `!`, nor ends in `+` or `-`; an outcome holds no space.
 */
export function listedText(d: Digest): string {
  // The company's own promises: a reply deadline of the customer's letter (the only kind a reply
  // settles) is never one it kept or broke.
  const closing = closingOfDigest(d);
  const promises = d.promises
    .filter((p) => !p.reply)
    .map((p) => `${p.due}${p.kept === true ? '+' : p.kept === false ? '-' : madeAfterFix(p, closing) ? `@${p.afterFix ? '!' : ''}${p.at}` : ''}`)
    .join(',');
  return `${d.events}|${d.levels.length ? highestLevelOf(d) : ''}|${d.closing ? `${d.closing.outcome} ${d.closing.at}` : ''}|${promises}`;
}

/** What a text of listedText's holds. */
export function listedFromText(text: string): ListedDigest {
  const a = text.indexOf('|');
  const b = text.indexOf('|', a + 1);
  const c = text.indexOf('|', b + 1);
  const level = text.slice(a + 1, b);
  const closing = text.slice(b + 1, c);
  const space = closing.indexOf(' ');
  const promises: ListedPromise[] = [];
  if (c + 1 < text.length) {
    for (const p of text.slice(c + 1).split(',')) {
      const mark = p.charCodeAt(p.length - 1);
      const made = p.indexOf('@');
      if (mark === 43) promises.push({ due: p.slice(0, -1), kept: true });
      else if (mark === 45) promises.push({ due: p.slice(0, -1), kept: false });
      else if (made >= 0 && p.charCodeAt(made + 1) === 33) promises.push({ due: p.slice(0, made), at: p.slice(made + 2), afterFix: true });
      else if (made >= 0) promises.push({ due: p.slice(0, made), at: p.slice(made + 1) });
      else promises.push({ due: p });
    }
  }
  return {
    events: Number(text.slice(0, a)),
    levels: level ? [level as Level] : [],
    closing: closing ? { outcome: closing.slice(0, space) as Outcome, at: closing.slice(space + 1) } : null,
    promises,
  };
}

function listRow(i: Pick<Incident, 'id' | 'company' | 'title' | 'opened' | 'fault'> & { closed?: string | null }, d: ListedDigest, now: number): IncidentListRow {
  const closing = closingOfDigest(d);
  let broken = 0;
  for (const p of d.promises) if (!(p as Digest['promises'][number]).reply && promiseStatusGiven(p, closing, now).state === 'broken') broken++;
  return {
    id: i.id,
    company: i.company,
    title: i.title,
    opened: i.opened,
    fault: i.fault,
    open: isOpenGiven(d, i.closed),
    closed: d.closing?.at ?? i.closed ?? null,
    outcome: d.closing?.outcome ?? null,
    events: d.events,
    promises_broken: broken,
    highest_level: highestLevelOf(d),
  };
}

/** What `incident list` shows of an incident. */
export function incidentListRow(incident: Incident | DigestedIncident, now: number): IncidentListRow {
  const i = digested(incident);
  return listRow(i, i.digest, now);
}

/** An incident's own fields and the text of what the list reads of its digest (listedText's), as `incident list` reads them. */
export interface IncidentWithListedText {
  id: string;
  company: string;
  title: string;
  opened: string;
  fault: Fault;
  closed: string | null;
  listed: string;
}

/** The same row from an incident's fields and the text of what the list reads of its digest. */
export function incidentListRowOfText(i: IncidentWithListedText, now: number): IncidentListRow {
  return listRow(i, listedFromText(i.listed), now);
}
