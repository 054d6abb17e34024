// Asking for the facts a letter needs that the record does not hold. Loaded only on a terminal;
// drawn on stderr.

import { input, select } from '@inquirer/prompts';
import { CASES, DEMANDS } from '../domain/law.js';
import type { MissingFact } from '../domain/letter.js';
import { promptTheme } from './prompt-theme.js';
import { readerLang, t } from '../i18n/index.js';

const context = { output: process.stderr, clearPromptOnDone: false } as const;

export async function askLetterFacts(missing: MissingFact[], colour = false): Promise<Record<string, string>> {
  const theme = promptTheme(colour, readerLang());
  const w = t().letter;
  /** An id with its word when the word differs: "refund", or "возврат денег (refund)". */
  const choice = (id: string, word: string) => ({ name: word === id ? id : `${word} (${id})`, value: id });
  const out: Record<string, string> = {};
  for (const m of missing) {
    const message = w.ask(w.question[m.flag], m.flag);
    const choices = m.flag === '--case' ? CASES.map((c) => choice(c, w.caseWord[c])) : m.flag === '--demand' ? DEMANDS.map((d) => choice(d, w.demandWord[d])) : undefined;
    out[m.flag] = choices
      ? await select({ message, choices, theme }, context)
      : (await input({ message, theme, validate: (v) => (v.trim() ? true : w.neededAnswer) }, context)).trim();
  }
  return out;
}
