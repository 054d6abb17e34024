// A yes/no question on the terminal (stderr), no by default. Loaded only where a person is.

import { promptTheme } from './prompt-theme.js';
import { askConfirm, askingThroughSignals } from './asking.js';
import type { Lang } from '../domain/checklist.js';

export function askYesNo(message: string, colour: boolean, lang: Lang): Promise<boolean> {
  return askingThroughSignals((ask) => askConfirm(ask, { message, default: false, theme: promptTheme(colour, lang) }));
}
