// Times given on the command line: the forms a person types, and no time in the future
// where only the past makes sense.

import { UserError } from '../errors.js';
import { formatLocalMinute, impossibleOffset, parseHumanWhen, skippedLocalTime, type When } from '../domain/dates.js';
import { YEARS, futureProblem, yearProblem } from '../domain/date-rules.js';
import { t } from '../i18n/index.js';

/** A time typed by a person, in one of the accepted forms; `future: false` refuses one still to come. */
export function checkWhen(value: string, flag: string, now: number, opts: { future?: boolean } = {}): When {
  const c = t().correct;
  const w = parseHumanWhen(value, now);
  if (!w) throw new UserError(c.badWhen(flag, value, opts.future === false ? c.whenForms : c.comingForms));
  const offset = impossibleOffset(w.text);
  if (offset) throw new UserError(c.badOffset(flag, value, offset));
  if (yearProblem(w)) throw new UserError(c.badYear(flag, value, new Date(w.ms).getFullYear(), YEARS.first, YEARS.last));
  // A local time the clocks skipped (the hour they go forward) is no moment at all: read as one,
  // it would sort and be judged as an hour later than it says.
  const skipped = skippedLocalTime(w);
  if (skipped) throw new UserError(c.skippedTime(flag, value, skipped.reads, skipped.zoned));
  if (opts.future === false && futureProblem(w, now)) throw new UserError(c.future(flag, value, formatLocalMinute(now)));
  return w;
}
