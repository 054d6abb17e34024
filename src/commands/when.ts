// Times given on the command line: the forms a person types, and no time in the future
// where only the past makes sense.

import { UserError } from '../errors.js';
import { formatLocalMinute, parseHumanWhen, type When } from '../domain/dates.js';
import { futureProblem, yearProblem } from '../domain/date-rules.js';

export const WHEN_FORMS = '2026-07-12, 2026-07-12 09:30, 12.07.2026 09:30, now, today 18:00 or yesterday 18:00';

/** A time typed by a person, in one of the accepted forms; `future: false` refuses one still to come. */
export function checkWhen(value: string, flag: string, now: number, opts: { future?: boolean } = {}): When {
  const w = parseHumanWhen(value, now);
  if (!w) throw new UserError(`${flag} takes a date such as ${WHEN_FORMS}; "${value}" is not one (or not a real date).`);
  const year = yearProblem(w);
  if (year) throw new UserError(`${flag} ${value} ${year}.`);
  if (opts.future === false && futureProblem(w, now)) {
    throw new UserError(`${flag} ${value} is in the future (it is ${formatLocalMinute(now)} now); give the time it happened.`);
  }
  return w;
}
