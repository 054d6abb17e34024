// The rules a date must keep to be believed, as small pure functions shared by the data
// file and the command line: nothing recorded happens in the future (beyond a few minutes
// of clock drift), an incident closes after it opens, its events come after its opening,
// and a promise falls due after it was made. Each returns the problem as a fact (the
// catalogs say it in words), or undefined. Pure: `now` is passed in.

import { localDayOf, writtenDayOf, type When } from './dates.js';

/** Clock drift allowed between machines before a time counts as the future. */
export const FUTURE_SLACK_MS = 5 * 60_000;

/** The years a date may fall in: before and after them it is a typing mistake. */
export const YEARS = { first: 1900, last: 2199 } as const;

/** A date that breaks one of the rules, as facts. */
export type DateFault =
  | { kind: 'year'; year: number; first: number; last: number }
  | { kind: 'future' }
  | { kind: 'before-opened'; opened: string }
  | { kind: 'before-made'; made: string };

/**
 * Whether `a` comes strictly before `b`; a date without a time counts as its whole day, and a time
 * compared with one, as the day it is written on (writtenDayOf: in its own offset, or in none), so
 * that the answer is the same in every zone.
 */
export function isBefore(a: Pick<When, 'text' | 'ms' | 'dateOnly'>, b: Pick<When, 'text' | 'ms' | 'dateOnly'>): boolean {
  if (a.dateOnly || b.dateOnly) return writtenDayOf(a) < writtenDayOf(b);
  return a.ms < b.ms;
}

/** A year no record can have (0001, 9999). */
export function yearProblem(w: Pick<When, 'ms'>): DateFault | undefined {
  const year = new Date(w.ms).getFullYear();
  if (year < YEARS.first || year > YEARS.last) return { kind: 'year', year, first: YEARS.first, last: YEARS.last };
  return undefined;
}

/** Something that happened (an event, a check, an opening, a closing, a pin) cannot be ahead of `now`. */
export function futureProblem(w: Pick<When, 'text' | 'ms' | 'dateOnly'>, now: number): DateFault | undefined {
  // A date alone, by the day it is written on, against today here: `now` is read off the local clock.
  const ahead = w.dateOnly ? writtenDayOf(w) > localDayOf(now) : w.ms > now + FUTURE_SLACK_MS;
  return ahead ? { kind: 'future' } : undefined;
}

/** An incident cannot close before it opened. */
export function closedBeforeOpenedProblem(opened: When, closed: When): DateFault | undefined {
  return isBefore(closed, opened) ? { kind: 'before-opened', opened: opened.text } : undefined;
}

/** An event of an incident cannot come before the incident opened. */
export function eventBeforeOpenedProblem(opened: When, at: When): DateFault | undefined {
  return isBefore(at, opened) ? { kind: 'before-opened', opened: opened.text } : undefined;
}

/** A promise cannot fall due before it was made. */
export function dueBeforeMadeProblem(made: When, due: When): DateFault | undefined {
  return isBefore(due, made) ? { kind: 'before-made', made: made.text } : undefined;
}
