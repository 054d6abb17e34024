// Asking for the facts a letter needs that the record does not hold. Loaded only on a terminal;
// drawn on stderr.

import { CASES, DEMANDS } from '../domain/law.js';
import type { MissingFact } from '../domain/letter.js';
import { promptTheme } from './prompt-theme.js';
import { askLine, askSelect, askingThroughSignals } from './asking.js';
import { readerLang, t } from '../i18n/index.js';

/**
 * Asks for each fact missing. `problem` says what is wrong with a fact typed for a flag (not a
 * sum, too long): said under it, to be mended there.
 */
export function askLetterFacts(
  missing: MissingFact[],
  colour = false,
  problem: (flag: MissingFact['flag'], value: string) => string | undefined = () => undefined,
): Promise<Record<string, string>> {
  const theme = promptTheme(colour, readerLang());
  const w = t().letter;
  /** An id with its word when the word differs: "refund", or "возврат денег (refund)". */
  const choice = (id: string, word: string) => ({ name: word === id ? id : `${word} (${id})`, value: id });
  return askingThroughSignals(async (ask) => {
    const out: Record<string, string> = {};
    for (const m of missing) {
      const message = w.ask(w.question[m.flag], m.flag);
      const choices = m.flag === '--case' ? CASES.map((c) => choice(c, w.caseWord[c])) : m.flag === '--demand' ? DEMANDS.map((d) => choice(d, w.demandWord[d])) : undefined;
      out[m.flag] = choices
        ? await askSelect(ask, { message, choices, theme })
        : (await askLine(ask, { message, theme, validate: (v) => (v.trim() ? (problem(m.flag, v.trim()) ?? true) : w.neededAnswer) })).trim();
    }
    return out;
  });
}
