// The few interface words shown around checklists: from the language catalog in use.

import type { Lang } from '../domain/checklist.js';
import { t, type Catalog } from '../i18n/index.js';

export type Words = Catalog['checkWords'];

/** The words around a checklist; the catalog in use is the language of the run. */
export function wordsFor(_lang: Lang): Words {
  return t().checkWords;
}
