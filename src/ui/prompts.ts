// Interactive prompts, drawn on stderr so that stdout carries only data. Loaded only
// when a person is at a terminal.

import { input, select } from '@inquirer/prompts';
import { localize, type Checklist, type Lang } from '../domain/checklist.js';
import { wordsFor } from './words.js';
import { safeText } from './safe.js';
import type { Paint } from './colour.js';
import { promptTheme } from './prompt-theme.js';

export interface AskedAnswers {
  answers: Record<string, string>;
  notes: Record<string, string>;
}

const context = { output: process.stderr, clearPromptOnDone: false } as const;

/** Asks every question of the checklist that has no answer yet, with an optional note after each. */
export async function askChecklist(
  checklist: Checklist,
  lang: Lang,
  given: Record<string, string>,
  paint: Paint,
  err: { write(s: string): unknown },
  colour: boolean,
): Promise<AskedAnswers> {
  const theme = promptTheme(colour, lang);
  const w = wordsFor(lang);
  const answers: Record<string, string> = Object.create(null) as Record<string, string>;
  const notes: Record<string, string> = Object.create(null) as Record<string, string>;
  const total = checklist.questions.length;
  err.write(`\n${paint.bold(safeText(localize(checklist.title, lang)))}\n`);
  const description = localize(checklist.description, lang);
  if (description) err.write(`${paint.dim(safeText(description))}\n`);
  for (const [index, q] of checklist.questions.entries()) {
    if (Object.hasOwn(given, q.id)) continue;
    err.write(`\n${paint.cyan(w.questionOf(index + 1, total))}\n`);
    const help = localize(q.help, lang);
    if (help) err.write(`${paint.dim(`${w.howToFind}: ${safeText(help)}`)}\n`);
    answers[q.id] = await select(
      {
        message: safeText(localize(q.text, lang)),
        choices: q.answers.map((a) => ({ name: safeText(localize(a.label, lang)), value: a.value })),
        pageSize: 10,
        theme,
      },
      context,
    );
    const note = (await input({ message: w.notePrompt, theme }, context)).trim();
    if (note) notes[q.id] = note;
  }
  return { answers, notes };
}
