// The rules a date must keep to be believed, as small pure functions shared by the data
// file and the command line: nothing recorded happens in the future (beyond a few minutes
// of clock drift), an incident closes after it opens, its events come after its opening,
// and a promise falls due after it was made. Each returns the problem in words, or
// undefined. Pure: `now` is passed in.

import type { When } from './dates.js';

/** Clock drift allowed between machines before a time counts as the future. */
export const FUTURE_SLACK_MS = 5 * 60_000;

/** The years a date may fall in: before and after them it is a typing mistake. */
export const YEARS = { first: 1900, last: 2199 } as const;

const dayOf = (ms: number) => {
  const d = new Date(ms);
  return d.getFullYear() * 10_000 + (d.getMonth() + 1) * 100 + d.getDate();
};

/** Whether `a` comes strictly before `b`; a date without a time counts as its whole day. */
export function isBefore(a: Pick<When, 'ms' | 'dateOnly'>, b: Pick<When, 'ms' | 'dateOnly'>): boolean {
  if (a.dateOnly || b.dateOnly) return dayOf(a.ms) < dayOf(b.ms);
  return a.ms < b.ms;
}

/** A year no record can have (0001, 9999). */
export function yearProblem(w: Pick<When, 'ms'>): string | undefined {
  const year = new Date(w.ms).getFullYear();
  if (year < YEARS.first || year > YEARS.last) return `is in the year ${year}; give a date from ${YEARS.first} to ${YEARS.last}`;
  return undefined;
}

/** Something that happened (an event, a check, an opening, a closing, a pin) cannot be ahead of `now`. */
export function futureProblem(w: Pick<When, 'ms' | 'dateOnly'>, now: number): string | undefined {
  const ahead = w.dateOnly ? dayOf(w.ms) > dayOf(now) : w.ms > now + FUTURE_SLACK_MS;
  return ahead ? 'is in the future; record what has happened, with the time it happened' : undefined;
}

/** An incident cannot close before it opened. */
export function closedBeforeOpenedProblem(opened: When, closed: When): string | undefined {
  return isBefore(closed, opened) ? `is before the incident was opened (${opened.text})` : undefined;
}

/** An event of an incident cannot come before the incident opened. */
export function eventBeforeOpenedProblem(opened: When, at: When): string | undefined {
  return isBefore(at, opened) ? `is before the incident was opened (${opened.text})` : undefined;
}

/** A promise cannot fall due before it was made. */
export function dueBeforeMadeProblem(made: When, due: When): string | undefined {
  return isBefore(due, made) ? `is before the promise was made (${made.text})` : undefined;
}
