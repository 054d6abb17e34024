// Interactive prompts, drawn on stderr so that stdout carries only data. Loaded only
// when a person is at a terminal.

import { input, select } from '@inquirer/prompts';
import { localize, type Checklist, type Lang } from '../domain/checklist.js';
import { wordsFor } from './words.js';
import { hangingIndent, terminalWidth, textLine, textLines, wrapWords } from './wrap.js';
import { displayWidth } from './width.js';
import type { Paint } from './colour.js';
import { promptTheme } from './prompt-theme.js';

export interface AskedAnswers {
  answers: Record<string, string>;
  notes: Record<string, string>;
}

const context = { output: process.stderr, clearPromptOnDone: false } as const;

const SHOW_CURSOR = '\x1b[?25h';

/** Asks one prompt, after `draw` has written what goes above it; drawn and asked again should the process be stopped and continued meanwhile. */
type Ask = <T>(draw: () => void, prompt: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/** The signals that end the process while a question waits: a `kill`, a terminal closed, an interrupt sent from elsewhere. */
const ENDING = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

/**
 * Runs `fn`, which asks its prompts through `ask`, so that no signal leaves the terminal
 * without its cursor, and Ctrl+Z and `fg` leave a question to answer.
 *
 * A signal that ends the process ends it at once (the prompt library sends it again, to be
 * killed by it), and the cursor that a list of choices hides stayed hidden in the shell
 * afterwards. It is shown first, and the process still ends by that signal (status 128 + its
 * number).
 *
 * Readline stops the process itself on Ctrl+Z (its terminal cooked again) but leaves the cursor
 * hidden at the shell's prompt; and on `fg` it pauses its input, which nothing resumes: with
 * nothing left to wait for, the process ended there, every answer lost. So the cursor is shown
 * before the process stops, and once it is continued the prompt shown then is put away and
 * asked again, drawn whole below what the shell printed meanwhile.
 */
async function askingThroughSignals<T>(fn: (ask: Ask) => Promise<T>): Promise<T> {
  let current: AbortController | undefined;
  const onEnd = (signal: NodeJS.Signals) => {
    // Sent again without this listener: to the prompt library's, which puts its prompt away and
    // sends it again, or, between prompts, to the default action.
    for (const s of ENDING) process.removeListener(s, onEnd);
    showCursor();
    process.kill(process.pid, signal);
  };
  const onStop = () => {
    // Stopped as the terminal would stop it, by the default action: ours only while the signal
    // is sent again (Node lets the default go when its last listener does).
    process.removeListener('SIGTSTP', onStop);
    showCursor();
    process.kill(process.pid, 'SIGTSTP');
    process.on('SIGTSTP', onStop);
  };
  const onContinue = () => current?.abort();
  const ask: Ask = async (draw, prompt) => {
    for (;;) {
      draw();
      const controller = new AbortController();
      current = controller;
      try {
        return await prompt(controller.signal);
      } catch (err) {
        if (!controller.signal.aborted) throw err;
      } finally {
        current = undefined;
      }
    }
  };
  for (const s of ENDING) process.on(s, onEnd);
  process.on('SIGTSTP', onStop);
  process.on('SIGCONT', onContinue);
  try {
    return await fn(ask);
  } finally {
    for (const s of ENDING) process.removeListener(s, onEnd);
    process.removeListener('SIGTSTP', onStop);
    process.removeListener('SIGCONT', onContinue);
  }
}

function showCursor(): void {
  if (process.stderr.isTTY) process.stderr.write(SHOW_CURSOR);
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
      answers[q.id] = await ask(
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
        (signal) =>
          select(
            {
              message: textLine(localize(q.text, lang)),
              choices: q.answers.map((a) => ({ name: textLine(localize(a.label, lang)), value: a.value })),
              pageSize: 10,
              theme,
            },
            { ...context, signal },
          ),
      );
      // What was typed of a note is typed again when it is asked again (after `fg`).
      let typed = '';
      const note = (
        await ask(
          () => {},
          (signal) =>
            input(
              {
                message: w.notePrompt,
                theme,
                default: typed,
                prefill: 'editable',
                // Refused only once every question was answered, it took all the answers with it.
                validate: (value) => noteProblem(value.trim()) ?? true,
                // (Given a transformer, the prompt leaves the answer as it returns it: painted here as the prompt paints it.)
                transformer: (value, { isFinal }) => {
                  if (!isFinal) typed = value;
                  return isFinal ? paint.cyan(value) : value;
                },
              },
              { ...context, signal },
            ),
        )
      ).trim();
      if (note) notes[q.id] = note;
    }
    return { answers, notes };
  });
}
