// A yes/no question on the terminal (stderr), no by default. Loaded only where a person is.

import { confirm } from '@inquirer/prompts';
import { promptTheme } from './prompt-theme.js';
import type { Lang } from '../domain/checklist.js';

export async function askYesNo(message: string, colour: boolean, lang: Lang): Promise<boolean> {
  return confirm({ message, default: false, theme: promptTheme(colour, lang) }, { output: process.stderr, clearPromptOnDone: false });
}
