// A checklist written without the chosen language is shown in a language it has, with a
// one-line notice saying so.

import type { Checklist, Lang } from '../domain/checklist.js';
import { t } from '../i18n/index.js';

/** The notice when the checklist's title has no text in `lang`; undefined when it has. */
export function fallbackNotice(c: Checklist, lang: Lang): string | undefined {
  if (typeof c.title === 'string' || c.title[lang] !== undefined) return undefined;
  const has = c.title.en !== undefined ? 'en' : Object.keys(c.title)[0];
  return t().errors.checklistFallback(c.id, lang, has);
}
