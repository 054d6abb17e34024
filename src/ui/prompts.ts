// Interactive prompts, drawn on stderr so that stdout carries only data. Loaded only
// when a person is at a terminal.

import { localize, type Checklist, type Lang } from '../domain/checklist.js';
import { wordsFor } from './words.js';
import { hangingIndent, terminalWidth, textLine, textLines, wrapWords } from './wrap.js';
import { displayWidth } from './width.js';
import type { Paint } from './colour.js';
import { promptTheme } from './prompt-theme.js';
import { askLine, askSelect, askingThroughSignals } from './asking.js';

export interface AskedAnswers {
  answers: Record<string, string>;
  notes: Record<string, string>;
}

/**
 * Asks every question of the checklist that has no answer yet, with an optional note after each.
 * `noteProblem` says what is wrong with a note (too long): said under it, to be mended there.
 */
export async function askChecklist(
  checklist: Checklist,
  lang: Lang,
  given: Record<string, string>,
  paint: Paint,
  err: { write(s: string): unknown; isTTY?: boolean; columns?: number },
  colour: boolean,
  noteProblem: (note: string) => string | undefined = () => undefined,
): Promise<AskedAnswers> {
  const theme = promptTheme(colour, lang);
  const w = wordsFor(lang);
  const answers: Record<string, string> = Object.create(null) as Record<string, string>;
  const notes: Record<string, string> = Object.create(null) as Record<string, string>;
  const total = checklist.questions.length;
  // Wrapped at spaces to the terminal's width as it is when drawn (the terminal cut words
  // anywhere), each line painted on its own.
  const drawn = (lines: string[], style: (s: string) => string) => {
    const width = terminalWidth(err);
    return lines
      .flatMap((line) => (width === undefined ? [line] : wrapWords(line, width)))
      .map((line) => style(line))
      .join('\n');
  };
  err.write(`\n${drawn([textLine(localize(checklist.title, lang))], paint.bold)}\n`);
  const description = localize(checklist.description, lang);
  if (description) err.write(`${drawn(textLines(description), paint.dim)}\n`);
  return askingThroughSignals(async (ask) => {
    for (const [index, q] of checklist.questions.entries()) {
      if (Object.hasOwn(given, q.id)) continue;
      const help = localize(q.help, lang);
      answers[q.id] = await askSelect(
        ask,
        {
          message: textLine(localize(q.text, lang)),
          choices: q.answers.map((a) => ({ name: textLine(localize(a.label, lang)), value: a.value })),
          pageSize: 10,
          theme,
        },
        () => {
          err.write(`\n${paint.cyan(w.questionOf(index + 1, total))}\n`);
          // The lines of a help, and each line's continuation, under the first, after its label.
          const label = `${w.howToFind}: `;
          const indent = displayWidth(label);
          if (help) {
            const lines = textLines(help).flatMap((line, i) => hangingIndent(i ? ' '.repeat(indent) : label, indent, line, terminalWidth(err)).split('\n'));
            err.write(`${lines.map((line) => paint.dim(line)).join('\n')}\n`);
          }
        },
      );
      // What was typed of a note is typed again when it is asked again (after `fg`).
      const note = (
        await askLine(ask, {
          message: w.notePrompt,
          theme,
          // Refused only once every question was answered, it took all the answers with it.
          validate: (value) => noteProblem(value.trim()) ?? true,
        })
      ).trim();
      if (note) notes[q.id] = note;
    }
    return { answers, notes };
  });
}
