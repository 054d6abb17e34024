// Asking on a terminal so that signals leave it as it was: the one way every prompt of the
// program is asked. Loaded only when a person is at a terminal.

import { confirm, input, select } from '@inquirer/prompts';
import { styleText } from 'node:util';

/** Where every prompt is drawn: on stderr, so that stdout carries only data; left on the screen once answered. */
export const context = { output: process.stderr, clearPromptOnDone: false } as const;

const SHOW_CURSOR = '\x1b[?25h';

/** Asks one prompt, after `draw` has written what goes above it; drawn and asked again should the process be stopped and continued meanwhile. */
export type Ask = <T>(draw: () => void, prompt: (signal: AbortSignal) => Promise<T>) => Promise<T>;

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
export async function askingThroughSignals<T>(fn: (ask: Ask) => Promise<T>): Promise<T> {
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

type InputConfig = Parameters<typeof input>[0];
type SelectConfig<V> = Parameters<typeof select<V>>[0];
type ConfirmConfig = Parameters<typeof confirm>[0];

/**
 * A line of text, asked through `ask`: asked again (after `fg`) with what was typed of it. Its
 * `validate` says what is wrong under the line, which stays there to be mended.
 */
export async function askLine(ask: Ask, config: InputConfig): Promise<string> {
  // (Given a transformer, the prompt leaves the answer as it returns it: painted here as the prompt paints it.)
  const paintAnswer = (config.theme?.style as { answer?: (s: string) => string } | undefined)?.answer ?? ((s: string) => styleText('cyan', s));
  let typed = '';
  return ask(
    () => {},
    (signal) =>
      input(
        {
          ...config,
          // What was typed, typed again; until anything was, the default as it was offered.
          ...(typed ? { default: typed, prefill: 'editable' as const } : {}),
          transformer: (value, { isFinal }) => {
            if (!isFinal) typed = value;
            return isFinal ? paintAnswer(value) : value;
          },
        },
        { ...context, signal },
      ),
  );
}

/** A yes or no, asked through `ask`. */
export function askConfirm(ask: Ask, config: ConfirmConfig): Promise<boolean> {
  return ask(
    () => {},
    (signal) => confirm(config, { ...context, signal }),
  );
}

/**
 * One of a list of choices, asked through `ask` below what `draw` writes. Escape leaves the choice where it was: the list
 * took it, as any key it does not know, for the start of a name to look for, and the empty start
 * of one is the start of every name, so the first was chosen in place of the one shown.
 */
export function askSelect<V>(ask: Ask, config: SelectConfig<V>, draw: () => void = () => {}): Promise<V> {
  return ask(
    draw,
    async (signal) => {
      // Heard before the list and its line: Escape said as the key that clears what was typed to
      // look for, and moves nothing.
      const onKey = (_s: unknown, key: { name?: string } | undefined) => {
        if (key?.name === 'escape') key.name = 'backspace';
      };
      process.stdin.prependListener('keypress', onKey);
      try {
        return await select(config, { ...context, signal });
      } finally {
        process.stdin.removeListener('keypress', onKey);
      }
    },
  );
}
