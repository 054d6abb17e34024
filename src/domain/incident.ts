// Incidents: promises kept or broken, the figures of a timeline, what is still owed, and
// the next escalation step. Pure functions of the timeline and `now`.

import { EFFORTS, LEVELS, type Effort, type Incident, type IncidentEvent, type Level, type Outcome, type ReplyOwer } from './types.js';
import { calendarDaysBetween, dayEndOnClockOf, formatLocalDate, formatLocalMinute, msOf, parseWhen } from './dates.js';
import { isBefore } from './date-rules.js';

export const DAY_MS = 86_400_000;

/** A rule of every timeline, broken: an event before the opening, a closing before it, a second resolution. */
export type TimelineFault = { kind: 'before-opening'; event: string; at: string } | { kind: 'closed-before-opening'; closed: string } | { kind: 'closes-twice'; event: string };

/** Every rule the incident's timeline breaks: each event before the opening, a closing before it, a second resolution. */
export function timelineFaults(i: Incident): TimelineFault[] {
  const opened = parseWhen(i.opened)!;
  const out: TimelineFault[] = [];
  for (const e of i.events) if (isBefore(parseWhen(e.at)!, opened)) out.push({ kind: 'before-opening', event: e.id!, at: e.at });
  if (i.closed && isBefore(parseWhen(i.closed)!, opened)) out.push({ kind: 'closed-before-opening', closed: i.closed });
  const resolutions = i.events.filter((e) => e.type === 'resolution');
  if (resolutions.length > 1) out.push({ kind: 'closes-twice', event: resolutions[1].id! });
  return out;
}

/** What names a broken rule of one timeline, the same before and after a change: its kind, and the event it is at. */
function timelineFaultKey(f: TimelineFault): string {
  return `${f.kind} ${f.kind === 'before-opening' || f.kind === 'closes-twice' ? f.event : ''}`;
}

/**
 * The rules a timeline breaks after a change (an undo, an import merged into it, an edit) that it
 * did not break before it: one that stood (as an older version let it in) is not the change's doing.
 */
export function newTimelineFaults(before: Incident | undefined, after: Incident): TimelineFault[] {
  const stood = new Set(before ? timelineFaults(before).map(timelineFaultKey) : []);
  return timelineFaults(after).filter((f) => !stood.has(timelineFaultKey(f)));
}

/** The first rule the incident's timeline breaks, if it breaks one (the command line and the data file keep to them all). */
export function timelineFault(i: Incident): TimelineFault | undefined {
  return timelineFaults(i)[0];
}

export function levelOf(e: IncidentEvent): Level {
  return e.level ?? 'frontline';
}

export function levelRank(l: Level): number {
  return LEVELS.indexOf(l);
}

export function effortRank(e: Effort): number {
  return EFFORTS.indexOf(e);
}

export function isAtFault(i: Pick<Incident, 'fault'>): boolean {
  return i.fault === 'company' || i.fault === 'unknown';
}

/** How an incident was closed: its resolution's outcome and time, and that event's number in its incident (see fixSettling). */
export type Closing = { outcome: Outcome; ms: number; at: string; seq?: number };

/** The number of an event in its incident (`x-1#3` is 3), which orders two of one moment alike in every database; undefined before it is stored. */
export function seqOf(e: Pick<IncidentEvent, 'id'>): number | undefined {
  const hash = e.id?.lastIndexOf('#') ?? -1;
  if (hash < 0) return undefined;
  const n = Number(e.id!.slice(hash + 1));
  return Number.isInteger(n) ? n : undefined;
}

/** Each timeline's closing as last worked out, with the event it came from (see closingOf). */
const CLOSING_OF = new WeakMap<readonly IncidentEvent[], { length: number; closing: Closing | undefined; from?: IncidentEvent; k: number }>();

/**
 * The resolution that closed the incident: its last resolution event. Worked out once a timeline
 * (asked for each of a timeline's promises, a timeline of 130,000 promises took minutes to show),
 * by the rule of answersOf: a timeline is read anew after any change, never edited in place, and
 * one that has grown is worked out again; where the resolution found was changed in its place, so
 * is the closing (an event changed into a resolution in its place is not seen).
 */
export function closingOf(i: Pick<Incident, 'events'>): Closing | undefined {
  const known = CLOSING_OF.get(i.events);
  if (known && known.length === i.events.length && (known.from === undefined || (i.events[known.k] === known.from && known.from.type === 'resolution' && known.from.outcome === known.closing?.outcome && known.from.at === known.closing?.at))) {
    return known.closing;
  }
  for (let k = i.events.length - 1; k >= 0; k--) {
    const e = i.events[k];
    if (e.type === 'resolution' && e.outcome) {
      const seq = seqOf(e);
      const closing: Closing = { outcome: e.outcome, ms: msOf(e.at), at: e.at, ...(seq !== undefined ? { seq } : {}) };
      CLOSING_OF.set(i.events, { length: i.events.length, closing, from: e, k });
      return closing;
    }
  }
  CLOSING_OF.set(i.events, { length: i.events.length, closing: undefined, k: -1 });
  return undefined;
}

/**
 * The incident as it stood at `ms`: the events up to then, and closed only if it was by then (a
 * letter dated then tells that record, not what came after it).
 */
export function incidentAsOf<I extends Incident>(i: I, ms: number): I {
  const events = i.events.filter((e) => msOf(e.at) <= ms);
  const closed = i.closed !== undefined && msOf(i.closed) <= ms ? i.closed : undefined;
  if (events.length === i.events.length && closed === i.closed) return i;
  const { closed: _closed, ...rest } = i;
  return { ...rest, events, ...(closed !== undefined ? { closed } : {}) } as I;
}

export function outcomeOf(i: Incident): Outcome | undefined {
  return closingOf(i)?.outcome;
}

export function isOpen(i: Incident): boolean {
  return !closingOf(i) && !i.closed;
}

/** When a promise falls due; a date alone means the end of that day (the next local midnight). */
export function dueMs(due: string): number {
  return deadlineOf(due).ms;
}

/** The same, and whether it was a date alone: that whole day is in time, and its next midnight no longer is. */
function deadlineOf(due: string): { ms: number; dateOnly: boolean; day?: string } {
  const w = parseWhen(due);
  if (!w) throw new Error(`not an ISO 8601 date: ${due}`);
  if (!w.dateOnly) return { ms: w.ms, dateOnly: false };
  const d = new Date(w.ms);
  d.setDate(d.getDate() + 1);
  return { ms: d.getTime(), dateOnly: true, day: w.text.slice(0, 10) };
}

export type PromiseState = 'kept' | 'broken' | 'pending';

/** A promise's state; its event is the promise (or, read from a digest's text, its due time and `kept`). */
export interface PromiseStatus<E extends Pick<IncidentEvent, 'due' | 'kept'> = IncidentEvent> {
  event: E;
  state: PromiseState;
  /** How late it was put right (or is by now), for a broken promise. */
  lateMs?: number;
  dueMs: number;
}

/**
 * Kept: marked kept, or the incident was closed resolved/partial by its due time.
 * Broken: marked not kept, or closed resolved/partial after due, or not closed that way
 * and due has passed. Otherwise pending.
 */
export function promiseStatus(p: IncidentEvent, i: Pick<Incident, 'events'>, now: number): PromiseStatus {
  return promiseStatusGiven(p, closingOf(i), now, replyAnswered(i.events, p));
}

/** When the problem was fixed: the closing by a resolution that fixed it (resolved, or in part); undefined when it never was. */
export function fixedMs(closing: { outcome: Outcome; ms: number } | undefined): number | undefined {
  return closing && (closing.outcome === 'resolved' || closing.outcome === 'partial') ? closing.ms : undefined;
}

/**
 * When the fix settled a promise: a fix settles those made before it, and none made after it
 * (compensation promised once the fault was put right, the reply deadline of a letter sent then),
 * which wait for their own deed. Undefined where there is no fix, or it came before the promise.
 * A promise without its time (`incident list`'s, marked apart there) is taken as made before.
 *
 * By the minute, as every view shows them; within the fix's own minute, by the moment, then by
 * the events' numbers, which are the order they were logged in and the same in every database
 * the record goes to (the order of rows is not): a promise logged after the closing, in the
 * minute it was logged, was made after the fix (the timeline shows it below it), and waits for
 * its own deed as one logged a minute later does. A promise of a digest, apart from its
 * timeline, carries `afterFix` for it; one without a number (not stored) is taken as made before.
 */
export function fixSettling(p: { at?: string; afterFix?: true; id?: string }, closing: Pick<Closing, 'outcome' | 'ms' | 'seq'> | undefined): number | undefined {
  const fixed = fixedMs(closing);
  if (fixed === undefined || p.at === undefined) return fixed;
  const madeMs = msOf(p.at);
  const made = minuteOf(madeMs), fix = minuteOf(fixed);
  if (made !== fix) return made > fix ? undefined : fixed;
  return standsAfter(p, madeMs, closing!) ? undefined : fixed;
}

const minuteOf = (ms: number) => Math.floor(ms / 60_000);

/** Whether a promise of the fix's minute stands after the resolution that closed its incident: by its moment, then its number (or as its digest marks it). */
function standsAfter(p: { afterFix?: true; id?: string }, madeMs: number, closing: Pick<Closing, 'ms' | 'seq'>): boolean {
  if (p.afterFix === true) return true;
  if (madeMs !== closing.ms) return madeMs > closing.ms;
  const seq = seqOf(p);
  return seq !== undefined && closing.seq !== undefined && seq > closing.seq;
}

/** Whether a promise was made after the fix that closed its incident, which so did not settle it (see fixSettling). */
export function madeAfterFix(p: { at?: string; afterFix?: true; id?: string }, closing: Pick<Closing, 'outcome' | 'ms' | 'seq'> | undefined): boolean {
  return fixedMs(closing) !== undefined && fixSettling(p, closing) === undefined;
}

/**
 * The same, given how the incident was closed (undefined: not by a resolution) and, for the
 * reply a letter asked for, when the company answered (see replyAnswered): an answer settles
 * it as a fix settles any promise, kept by its deadline or broken by how late it came.
 */
export function promiseStatusGiven<E extends Pick<IncidentEvent, 'due' | 'kept'> & { at?: string; afterFix?: true; id?: string }>(p: E, closing: Pick<Closing, 'outcome' | 'ms' | 'at' | 'seq'> | undefined, now: number, answered?: string): PromiseStatus<E> {
  const { ms: due, dateOnly, day } = deadlineOf(p.due!);
  // By a time: that minute is in time. By a date: that day is, and a fix on the next one (given
  // as a date too, its midnight) is late. A deed's time is judged against a date by the day it is
  // written on (dayEndOnClockOf): a closing kept with its offset is as late in every zone.
  const endFor = (text: string) => (dateOnly ? dayEndOnClockOf(day!, text) : due);
  const inTime = (ms: number, text: string) => (dateOnly ? ms < endFor(text) : ms <= due);
  const fixed = fixSettling(p, closing);
  if (p.kept === true) return { event: p, state: 'kept', dueMs: due };
  if (p.kept === false) return { event: p, state: 'broken', dueMs: due, lateMs: Math.max(0, fixed === undefined ? now - due : fixed - endFor(closing!.at)) };
  const answeredMs = answered === undefined ? undefined : msOf(answered);
  const byAnswer = answeredMs !== undefined && (fixed === undefined || answeredMs < fixed);
  const settled = byAnswer ? { ms: answeredMs, text: answered! } : fixed !== undefined ? { ms: fixed, text: closing!.at } : undefined;
  if (settled !== undefined) {
    return inTime(settled.ms, settled.text) ? { event: p, state: 'kept', dueMs: due } : { event: p, state: 'broken', dueMs: due, lateMs: settled.ms - endFor(settled.text) };
  }
  // `now` is read off the local clock: its day is today here.
  return (dateOnly ? now < due : now <= due) ? { event: p, state: 'pending', dueMs: due } : { event: p, state: 'broken', dueMs: due, lateMs: now - due };
}

/** A letter or email the customer sent (to anyone): a contact by letter or email that no person answered there and then. */
export function isWritten(e: IncidentEvent): boolean {
  return e.type === 'contact' && (e.channel === 'letter' || e.channel === 'email') && e.reached_human !== true;
}

/**
 * A contact that does not say whether a person answered: it reached one or not, nobody knows. A
 * letter or email says it by being one (no person answered there and then: see isWritten).
 */
export function isReachedUnknown(e: IncidentEvent): boolean {
  return e.type === 'contact' && e.reached_human === undefined && !isWritten(e);
}

/** Where each event of a timeline stands, as last looked at (see indexIn). */
const POSITIONS = new WeakMap<readonly IncidentEvent[], { length: number; at: Map<IncidentEvent, number> }>();

/**
 * Where an event stands in its timeline (-1 if it is not there): found once for the timeline,
 * not by a search for each event (every promise of a timeline of 130,000 looked for its letter
 * so, and a letter took seconds); looked for again where the timeline has changed since.
 */
function indexIn(events: readonly IncidentEvent[], e: IncidentEvent): number {
  const mapped = () => {
    const made = { length: events.length, at: new Map(events.map((x, n) => [x, n])) };
    POSITIONS.set(events, made);
    return made;
  };
  const known = POSITIONS.get(events);
  let k = (known?.length === events.length ? known : mapped()).at.get(e);
  // Moved in its place (the timeline reordered, not grown): found again from a new map.
  if (k === undefined || events[k] !== e) k = mapped().at.get(e);
  return k ?? -1;
}

/**
 * How the words `letter --sent` gives a letter's reply deadline begin, in English and in Russian
 * (of any kind of letter; held to lettersWords by a test: the timeline's reading would otherwise
 * load every letter's words).
 */
export const REPLY_WORDS_HEADS = ['a reply to my ', 'ответ на мою '] as const;

/**
 * Whether a promise at the moment and level of a letter the customer sent may be its reply
 * deadline: one logged at a time of day, at that letter's minute; one of a day alone only in the
 * words `letter --sent` gives it. Two events of one day are not one moment: a company's promise
 * made the day the customer wrote ("fixed tomorrow", both of 2024-03-01) is the company's, and
 * was once read as a reply deadline, never counted as broken.
 */
export function mayBeReplyDeadline(p: IncidentEvent): boolean {
  return p.at.length > 10 || (p.text !== undefined && REPLY_WORDS_HEADS.some((h) => p.text!.startsWith(h)));
}

/**
 * The reply deadline logged with a letter or email the customer sent (see answersOf): a promise
 * at its moment and level. Undefined for any other event, or a letter without one.
 */
export function replyDeadlineOf(events: readonly IncidentEvent[], letter: IncidentEvent): IncidentEvent | undefined {
  if (!isWritten(letter)) return undefined;
  // Logged after its letter (`letter --sent` logs the two so): a promise of the company's logged
  // at that minute before the letter is the company's, and never moves or goes with it.
  const from = indexIn(events, letter);
  for (let k = from + 1; k < events.length; k++) {
    const p = events[k];
    if (p.at !== letter.at) break;
    if (p.type === 'promise' && !!p.due && levelOf(p) === levelOf(letter) && mayBeReplyDeadline(p)) return p;
  }
  return undefined;
}

/**
 * A letter's reply deadline moved with its letter, sent at `from` and now at `to`: due as many
 * calendar days later (or earlier) as the letter now is, so that the company keeps the time to
 * answer it was given; a due with a time of day moves by the time between the two.
 */
export function dueMovedWith(due: string, from: string, to: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(due)) {
    const [y, m, d] = due.split('-').map(Number);
    // At noon: a change of clocks that day never moves it to another date.
    return formatLocalDate(new Date(y, m - 1, d + calendarDaysBetween(msOf(from), msOf(to)), 12).getTime());
  }
  return formatLocalMinute(msOf(due) + msOf(to) - msOf(from));
}

/** The letter or email whose reply deadline a promise is (see replyDeadlineOf); undefined for a promise of the company's. */
export function letterOfDeadline(events: readonly IncidentEvent[], p: IncidentEvent): IncidentEvent | undefined {
  if (p.type !== 'promise' || !p.due || !mayBeReplyDeadline(p)) return undefined;
  for (let k = indexIn(events, p) - 1; k >= 0; k--) {
    const e = events[k];
    if (e.at !== p.at) break;
    if (isWritten(e) && levelOf(e) === levelOf(p)) return e;
  }
  return undefined;
}

/** Whether an event is at a regulator's or a court's level: theirs, not the company's. */
const isAbove = (e: IncidentEvent) => levelOf(e) === 'regulator' || levelOf(e) === 'court';

/** A letter or email the customer sent to the company (not to a regulator or a court). */
export function isSentLetter(e: IncidentEvent): boolean {
  return isWritten(e) && !isAbove(e);
}

/** The answers of a timeline (see answersOf), in time order, and each reply deadline with the answer that settled it. */
interface TimelineAnswers {
  /** How many events the timeline had when worked out: one added or removed in place since is worked out again (an event changed in place is not seen: timelines are read anew, not edited). */
  events: number;
  ms: number[];
  at: string[];
  /** Whether each answer is the fix itself (a resolution that fixed the problem), not a word or deed of theirs beside it. */
  fix: boolean[];
  deadlines: Map<IncidentEvent, string | undefined>;
  /** Every reply deadline, of a letter to a regulator or a court too. */
  all: Set<IncidentEvent>;
}

const ANSWERS_OF = new WeakMap<readonly IncidentEvent[], TimelineAnswers>();

/**
 * The company's answers in a timeline, and the reply deadlines of the customer's letters. A reply
 * deadline is a promise logged at the moment a letter was sent, at the letter's level, as `letter
 * --sent` logs it. An answer is the company's own deed or word: an apology, an explanation,
 * compensation, a refusal, a promise of its own (not another letter's reply deadline) or a
 * resolution that fixed the problem (resolved, or in part) — never a contact, most of which are
 * the customer's, nor a closing the customer gave up on, nor anything at a regulator's or a
 * court's level (a regulator's reply deadline is settled by hand). Worked out once a timeline.
 */
function answersOf(events: readonly IncidentEvent[]): TimelineAnswers {
  const known = ANSWERS_OF.get(events);
  if (known && known.events === events.length) return known;
  // Every letter's time and level (a regulator's too): a promise logged after it at that moment
  // is its reply deadline, never an answer (one logged before it is the company's).
  const letters = new Set<string>();
  const deadlines = new Set<IncidentEvent>();
  for (const e of events) {
    const key = `${levelOf(e)} ${e.at}`;
    if (isWritten(e)) letters.add(key);
    else if (e.type === 'promise' && !!e.due && letters.has(key) && mayBeReplyDeadline(e)) deadlines.add(e);
  }
  const isDeadline = (e: IncidentEvent) => deadlines.has(e);
  const answers: { ms: number; at: string; fix: boolean }[] = [];
  for (const e of events) {
    if (isAbove(e)) continue;
    const fixed = e.type === 'resolution' && (e.outcome === 'resolved' || e.outcome === 'partial');
    if (fixed || e.type === 'apology' || e.type === 'explanation' || e.type === 'compensation' || e.type === 'refusal' || (e.type === 'promise' && !isDeadline(e))) answers.push({ ms: msOf(e.at), at: e.at, fix: fixed });
  }
  answers.sort((a, b) => a.ms - b.ms);
  const out: TimelineAnswers = { events: events.length, ms: answers.map((a) => a.ms), at: answers.map((a) => a.at), fix: answers.map((a) => a.fix), deadlines: new Map(), all: deadlines };
  // Settled by the company's answer: the deadlines of letters to the company alone.
  for (const e of events) if (isDeadline(e) && !isAbove(e)) out.deadlines.set(e, firstAfter(out, msOf(e.at)));
  ANSWERS_OF.set(events, out);
  return out;
}

/** The first answer strictly after `ms`, by a binary search. */
function firstAfter(a: Pick<TimelineAnswers, 'ms' | 'at'>, ms: number): string | undefined {
  return a.at[indexAfter(a, ms)];
}

/** The index of the first answer strictly after `ms` (their count when there is none), by a binary search. */
function indexAfter(a: Pick<TimelineAnswers, 'ms'>, ms: number): number {
  let lo = 0;
  let hi = a.ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a.ms[mid] <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** When the company first answered what the customer sent at `at` (see answersOf); undefined while it has not. */
export function answeredAfter(events: readonly IncidentEvent[], at: string): string | undefined {
  return firstAfter(answersOf(events), msOf(at));
}

/** When the company first answered by a word or deed of its own what the customer sent at `at`: as answeredAfter, the fix left out (it settles a letter's deadline, but is no answer to it). */
export function repliedAfter(events: readonly IncidentEvent[], at: string): string | undefined {
  const a = answersOf(events);
  let k = indexAfter(a, msOf(at));
  while (k < a.fix.length && a.fix[k]) k++;
  return a.at[k];
}

/** For the reply deadline of a letter, when the company answered it; undefined for any other promise, or none yet. */
export function replyAnswered(events: readonly IncidentEvent[], p: IncidentEvent): string | undefined {
  return answersOf(events).deadlines.get(p);
}

/**
 * What settled the reply deadline of a letter, as promiseStatus judges it: the company's answer
 * (a word or deed of theirs, by the time of the fix if there was one), or else the fix (the
 * incident closed resolved or in part), which settles it as it settles any promise — a fix is no
 * answer, and a letter to a regulator or a court has none of the company's. Undefined while
 * nothing has settled it, for one marked by hand, and for any other promise.
 */
export function replySettledBy(i: Pick<Incident, 'events'>, p: IncidentEvent): 'answer' | 'fix' | undefined {
  if (p.kept !== undefined) return undefined;
  const a = answersOf(i.events);
  if (!a.all.has(p)) return undefined;
  const fixed = fixSettling(p, closingOf(i));
  const replied = a.deadlines.has(p) ? repliedAfter(i.events, p.at) : undefined;
  if (replied !== undefined && (fixed === undefined || msOf(replied) <= fixed)) return 'answer';
  return fixed === undefined ? undefined : 'fix';
}

/** Whether a promise is the reply deadline of a letter the customer sent (to the company, a regulator or a court): theirs to demand, not the company's word. */
export function isReplyDeadline(events: readonly IncidentEvent[], p: IncidentEvent): boolean {
  return answersOf(events).all.has(p);
}

/** Who owes the reply a letter asked for, when it is not the company: the regulator or the court the letter went to (its deadline is at their level). Undefined for a letter to the company, and for any other promise. */
export function replyOwedBy(events: readonly IncidentEvent[], p: IncidentEvent): ReplyOwer | undefined {
  if (!isAbove(p) || !isReplyDeadline(events, p)) return undefined;
  return levelOf(p) as ReplyOwer;
}

/**
 * Whether a promise is the reply deadline of a letter the company has answered, and not marked
 * by hand: settled, kept or late, and owed no longer (`due`, the calendar and "still owed" leave
 * it out). One marked not kept stays owed.
 */
export function isSettledReply(events: readonly IncidentEvent[], p: IncidentEvent): boolean {
  return p.kept === undefined && replyAnswered(events, p) !== undefined;
}

export function promisesOf(i: Incident, now: number): PromiseStatus[] {
  return i.events.filter((e) => e.type === 'promise' && e.due).map((p) => promiseStatus(p, i, now));
}

/**
 * The company's own promises, and apart from them the reply deadlines of the customer's letters:
 * a reply deadline is the customer's demand, never counted as a promise the company kept or broke.
 * `replies` are those of letters to the company; `theirs`, of letters to a regulator or a court,
 * whose reply they await: one let pass is theirs, never the company's.
 */
export function promisesApart(i: Incident, now: number): { company: PromiseStatus[]; replies: PromiseStatus[]; theirs: PromiseStatus[] } {
  const company: PromiseStatus[] = [];
  const replies: PromiseStatus[] = [];
  const theirs: PromiseStatus[] = [];
  for (const p of promisesOf(i, now)) (!isReplyDeadline(i.events, p.event) ? company : replyOwedBy(i.events, p.event) ? theirs : replies).push(p);
  return { company, replies, theirs };
}

export function brokenPromises(i: Incident, now: number): PromiseStatus[] {
  return promisesOf(i, now).filter((p) => p.state === 'broken');
}

export function highestLevel(i: Incident): Level {
  let best: Level = 'frontline';
  for (const e of i.events) if (levelRank(levelOf(e)) > levelRank(best)) best = levelOf(e);
  return best;
}

export interface IncidentMetrics {
  contacts: number;
  /** The waits logged up to and including the first contact that reached a live person (0 where none was logged); null if none did. */
  minutes_to_human: number | null;
  /** Whether any of those contacts logged its wait: a person reached with no wait logged is no time of 0 known. */
  minutes_to_human_logged: boolean;
  /** The contacts that do not say whether a person answered: where none reached one, whether any would have is not known. */
  contacts_reached_human_unknown: number;
  robot_contacts: number;
  dropped_contacts: number;
  /** The company's own promises: the reply deadlines of the customer's letters are counted apart. */
  promises: number;
  promises_broken: number;
  /** The reply deadlines of the customer's letters to the company, and those it let pass. */
  reply_deadlines: number;
  reply_deadlines_missed: number;
  /** The reply deadlines of letters to a regulator or a court, and those passed without their reply: theirs, not the company's. */
  authority_reply_deadlines: number;
  authority_reply_deadlines_missed: number;
  highest_level: Level;
  apologized: boolean;
  explained: boolean;
  compensated: boolean;
  proactive_compensation: boolean;
  customer_effort: Effort | null;
  days_open: number;
}

/**
 * The wait for a live person: the waits logged on every contact up to and including the first
 * that reached one (a contact without a wait adds none). Null where none reached one (`reached`
 * false), and where one did but none of those contacts logged a wait: no time was logged, which
 * is not a time of 0.
 */
function waitForHuman(i: Incident): { reached: boolean; minutes: number | null } {
  let waited = 0;
  let logged = false;
  for (const c of i.events) {
    if (c.type !== 'contact') continue;
    if (c.wait_minutes !== undefined) {
      waited += c.wait_minutes;
      logged = true;
    }
    if (c.reached_human) return { reached: true, minutes: logged ? waited : null };
  }
  return { reached: false, minutes: null };
}

export function computeMetrics(i: Incident, now: number): IncidentMetrics {
  const toHuman = waitForHuman(i);
  const contacts = i.events.filter((e) => e.type === 'contact');
  const { company: promises, replies, theirs } = promisesApart(i, now);
  const compensations = i.events.filter((e) => e.type === 'compensation');
  let effort: Effort | null = null;
  for (const c of compensations) {
    const e = c.effort ?? 'none';
    if (effort === null || effortRank(e) > effortRank(effort)) effort = e;
  }
  const closing = closingOf(i);
  const end = closing?.ms ?? (i.closed ? msOf(i.closed) : now);
  return {
    contacts: contacts.length,
    minutes_to_human: toHuman.reached ? (toHuman.minutes ?? 0) : null,
    minutes_to_human_logged: toHuman.minutes !== null,
    contacts_reached_human_unknown: contacts.filter(isReachedUnknown).length,
    robot_contacts: contacts.filter((c) => c.robot).length,
    dropped_contacts: contacts.filter((c) => c.dropped).length,
    promises: promises.length,
    promises_broken: promises.filter((p) => p.state === 'broken').length,
    reply_deadlines: replies.length,
    reply_deadlines_missed: replies.filter((p) => p.state === 'broken').length,
    authority_reply_deadlines: theirs.length,
    authority_reply_deadlines_missed: theirs.filter((p) => p.state === 'broken').length,
    highest_level: highestLevel(i),
    apologized: i.events.some((e) => e.type === 'apology'),
    explained: i.events.some((e) => e.type === 'explanation'),
    compensated: compensations.length > 0,
    proactive_compensation: compensations.some((c) => c.proactive === true),
    customer_effort: effort,
    days_open: Math.max(0, daysBetween(msOf(i.opened), end)),
  };
}

/**
 * The time from one moment to another as the local clock counts it: across the night the clocks
 * go forward, noon to noon two days later is 48 hours on the clock, though 47 passed.
 */
function wallClockMs(fromMs: number, toMs: number): number {
  return toMs - fromMs + (new Date(fromMs).getTimezoneOffset() - new Date(toMs).getTimezoneOffset()) * 60_000;
}

/** Whole days from one moment to another, as the local clock counts them (see wallClockMs):
 * every count of days the record gives (days open, days without news, a letter's days to the fix). */
export function daysBetween(fromMs: number, toMs: number): number {
  return Math.floor(wallClockMs(fromMs, toMs) / DAY_MS);
}

// ---- what is owed, and what to do next ----

export const STALE_DAYS = 7;

/** What to do next, and the facts that call for it (the catalogs say it in words). */
export type Advice =
  /**
   * `broken`: the company's own promises broken; `missed`: the reply deadlines of the customer's
   * letters it let pass; `since`: the first of either.
   * `here`: where the failures were: every broken promise and refusal at the level `from`
   * ('all'), the last of them ('last'), or none, but nothing there for `quiet_days` days ('quiet').
   */
  | { kind: 'escalate'; from: Level; to: Level | null; broken: number; missed: number; since: string | null; refusals: number; here: 'all' | 'last' | 'quiet'; quiet_days: number }
  | { kind: 'tell'; incident: string }
  | { kind: 'compensation'; days: number }
  | { kind: 'chase'; days: number }
  /** A closed incident's promises made after the fix (`broken` of them let pass): chased in writing. */
  | { kind: 'after-fix'; incident: string; broken: number }
  | { kind: 'timeline' };

const NEXT_LEVEL: Record<Level, Level | null> = {
  frontline: 'supervisor',
  supervisor: 'quality',
  quality: 'management',
  management: 'regulator',
  regulator: 'court',
  court: null,
};

/** The next rung of the escalation ladder above a level. */
export function rungAbove(from: Level): { from: Level; level: Level | null } {
  return { from, level: NEXT_LEVEL[from] };
}

/** The next rung of the escalation ladder above the highest level the incident reached. */
export function nextRung(i: Incident): { from: Level; level: Level | null } {
  return rungAbove(highestLevel(i));
}
