// Asking for the facts a letter needs that the record does not hold. Loaded only on a terminal;
// drawn on stderr.

import { input, select } from '@inquirer/prompts';
import { CASES, DEMANDS } from '../domain/law.js';
import type { MissingFact } from '../domain/letter.js';
import { promptTheme } from './prompt-theme.js';

const context = { output: process.stderr, clearPromptOnDone: false } as const;

export async function askLetterFacts(missing: MissingFact[], colour = false, lang: 'en' | 'ru' = 'en'): Promise<Record<string, string>> {
  const theme = promptTheme(colour, lang);
  const out: Record<string, string> = {};
  for (const m of missing) {
    const choices = m.flag === '--case' ? CASES : m.flag === '--demand' ? DEMANDS : undefined;
    out[m.flag] = choices
      ? await select({ message: `${m.question} (${m.flag})`, choices: choices.map((c) => ({ name: c, value: c })), theme }, context)
      : (await input({ message: `${m.question} (${m.flag})`, theme, validate: (v) => (v.trim() ? true : 'this letter needs it') }, context)).trim();
  }
  return out;
}
