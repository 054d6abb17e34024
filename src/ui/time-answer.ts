// What is wrong with a time typed at a question, by the rules a flag's time is held to. Apart
// from the prompts, which load the terminal's library: a command states its rules with it.

import { formatLocalMinute, impossibleOffset, parseHumanWhen, parseWhen, skippedLocalTime } from '../domain/dates.js';
import { YEARS, futureProblem, isBefore, yearProblem } from '../domain/date-rules.js';
import { t } from '../i18n/index.js';

export interface TimeRules {
  /** A time that has come: of something that happened. */
  past?: boolean;
  /** A time not before `at`, said by `say` where it is. */
  notBefore?: { at: string; say: (at: string) => string };
}

/**
 * What is wrong with a time typed at a question (a real date, a year in range, a moment the
 * clocks did not skip, and the rules given), or undefined where nothing is. Said at the question,
 * and asked again: found after the last question, it lost every answer.
 */
export function timeAnswerProblem(typed: string, now: number, rules: TimeRules = {}): string | undefined {
  const say = t().prompts;
  const w = parseHumanWhen(typed, now);
  if (!w) return say.aDate;
  const offset = impossibleOffset(w.text);
  if (offset) return say.anOffset(offset);
  if (yearProblem(w)) return say.aYear(new Date(w.ms).getFullYear(), YEARS.first, YEARS.last);
  const skipped = skippedLocalTime(w);
  if (skipped) return say.skipped(skipped.reads, skipped.zoned);
  if (rules.past && futureProblem(w, now)) return say.notYet(formatLocalMinute(now));
  if (rules.notBefore && isBefore(w, parseWhen(rules.notBefore.at)!)) return rules.notBefore.say(rules.notBefore.at);
  return undefined;
}
