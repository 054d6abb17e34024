// Values of the closed vocabularies (outcome, level, channel, kind, effort, fault, list names)
// as a person types them: the id itself, or the word a catalog gives it, in any case
// (`--outcome решено`, `--level руководство`). The result is always the id.

import { loadCatalog, t, UI_LANGS, type Catalog } from './index.js';
import { UserError } from '../errors.js';

export type Vocabulary = keyof Catalog['words'];

/** Case, ё, the kind of apostrophe, and spaces, dashes or underscores between words do not matter. */
function norm(s: string): string {
  return s.trim().toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/[’‘`]/g, "'").replace(/[\s_-]+/g, ' ');
}

function lookUp(words: Record<string, string>, ids: readonly string[], given: string): string | undefined {
  const n = norm(given);
  for (const [id, word] of Object.entries(words)) if (ids.includes(id) && norm(word) === n) return id;
  return undefined;
}

/**
 * Where a question offers a value in words of its own, those words before their explanation
 * are taken too: asked whose fault it is, a person answers «моя» or "mine" (the question's
 * "mine (I made a mistake…)"), and types the same after --fault.
 */
const ANSWERED: Partial<Record<Vocabulary, (c: Catalog) => Record<string, string>>> = { fault: (c) => c.prompts.faultLabel };

function lookUpIn(c: Catalog, vocabulary: Vocabulary, ids: readonly string[], given: string): string | undefined {
  const found = lookUp(c.words[vocabulary], ids, given);
  if (found !== undefined) return found;
  const labels = ANSWERED[vocabulary]?.(c);
  if (!labels) return undefined;
  const short = Object.fromEntries(Object.entries(labels).map(([id, label]) => [id, label.replace(/\s*\(.*$/su, '')]));
  return lookUp(short, ids, given);
}

/** Words a catalog gave a value before, still taken as typed (a contact was «обращение», the word for an incident). */
const FORMER: Partial<Record<Vocabulary, Record<string, string>>> = {
  event: { обращение: 'contact' },
  // The short words a person types for them too: «возврат» for a refund, «эскалация» as in the ladder.
  demand: { возврат: 'refund' },
  letterKind: { эскалация: 'escalation' },
};

/**
 * The id that `given` names in a vocabulary: the id, or a word of the interface's language,
 * or a word of any other catalog (loaded only when the first two do not match).
 */
export async function vocabularyId<T extends string>(vocabulary: Vocabulary, ids: readonly T[], given: string): Promise<T | undefined> {
  const exact = ids.find((id) => norm(id) === norm(given));
  if (exact) return exact;
  const current = t();
  const found = lookUpIn(current, vocabulary, ids, given);
  if (found) return found as T;
  const former = FORMER[vocabulary]?.[norm(given)];
  if (former !== undefined && (ids as readonly string[]).includes(former)) return former as T;
  for (const lang of UI_LANGS) {
    if (lang === current.lang) continue;
    const other = lookUpIn(await loadCatalog(lang), vocabulary, ids, given);
    if (other) return other as T;
  }
  return undefined;
}

/** The values of a vocabulary as an error lists them: each id with the language's word. */
export function vocabularyValues(vocabulary: Vocabulary, ids: readonly string[]): string[] {
  const words = t().words[vocabulary] as Record<string, string>;
  return ids.map((id) => (words[id] && norm(words[id]) !== norm(id) ? `${id} (${words[id]})` : id));
}

/** The id, or a user error naming the flag and the values it takes. */
export async function requireVocabulary<T extends string>(vocabulary: Vocabulary, ids: readonly T[], given: string, flag: string): Promise<T> {
  const id = await vocabularyId(vocabulary, ids, given);
  if (id !== undefined) return id;
  throw new UserError(t().vocabulary.notOne(flag, vocabularyValues(vocabulary, ids), given));
}
