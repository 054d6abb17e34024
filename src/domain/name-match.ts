// Suggesting which of a source's names is one of the user's companies: the same key first
// (the link holds already), then the words of the names, without the legal forms that say
// nothing of who a company is (N.A., NATIONAL ASSOCIATION, INC, LLC, CORP…). Pure.

import { companyKey, lookalikeSkeleton } from './names.js';

const LEGAL_WORDS = new Set([
  'na', 'national', 'association', 'inc', 'incorporated', 'llc', 'corp', 'corporation', 'co', 'company', 'companies',
  'ltd', 'limited', 'plc', 'lp', 'llp', 'fsb', 'the', 'of', 'and', 'holdings', 'holding', 'group', 'sa', 'ag', 'gmbh',
  'ооо', 'оао', 'пао', 'зао', 'ао', 'srl',
]);

/**
 * The words that name a company: its key, dots of abbreviations joined, characters that show
 * nothing taken out (a zero-width space or tag characters inside a word), legal forms dropped.
 */
export function nameTokens(name: string): string[] {
  const words = companyKey(name)
    .replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]/gu, '')
    .replace(/(\p{L})\.(?=\p{L}\.)/gu, '$1')
    .replace(/(\p{L})\.(?!\p{L})/gu, '$1')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !LEGAL_WORDS.has(w));
  return [...new Set(words)];
}

/** The words as they look, compared: a name in lookalike letters (a Cyrillic о for an o) is suggested as the name it looks like. */
function lookTokens(name: string): string[] {
  return [...new Set(nameTokens(name).map(lookalikeSkeleton))];
}

export interface NameSuggestion {
  id: number;
  name: string;
  /** 1 when the names share every word that matters, less as fewer do. */
  score: number;
  /** The source name answers to the company's name or alias already. */
  linked: boolean;
}

/** A source's names looked up by what the matching asks of them (see indexNames). */
export interface NameIndex {
  /** Word -> the positions of the names that hold it, in order. */
  byWord: Map<string, number[]>;
  /** Key -> the positions of the names with that key, in order. */
  byKey: Map<string, number[]>;
  /** The words of each name, by position. */
  words: string[][];
}

/**
 * The source's names most like one company, best first. `index` is of `candidates` (see
 * indexNames); `userNames` are the company's name and aliases.
 */
export function suggestNames(
  userNames: string[],
  candidates: { id: number; name: string; complaints?: number }[],
  index: NameIndex,
  limit = 3,
): NameSuggestion[] {
  const out = new Map<number, NameSuggestion>();
  // The names the company answers to already.
  for (const i of [...new Set(userNames.map(companyKey))].flatMap((key) => index.byKey.get(key) ?? [])) out.set(i, { id: candidates[i].id, name: candidates[i].name, score: 1, linked: true });
  for (const user of userNames) {
    const tokens = lookTokens(user);
    if (!tokens.length) continue;
    // A name is suggested only when it shares half the company's words or more, so it holds one
    // of any more than half of them: the names of its rarest words are looked at, and those of a
    // word thousands of names hold are not walked through for each company. The order they are
    // found in does not show: the sort below tells apart all but names written the same, and
    // any word finds those in the source's order.
    const needed = Math.ceil(tokens.length / 2);
    const rarest = [...tokens].sort((a, b) => (index.byWord.get(a)?.length ?? 0) - (index.byWord.get(b)?.length ?? 0)).slice(0, tokens.length - needed + 1);
    const words = new Set(tokens);
    const seen = new Set<number>();
    for (const t of rarest) {
      for (const i of index.byWord.get(t) ?? []) {
        if (seen.has(i) || out.get(i)?.linked) continue;
        seen.add(i);
        const shared = index.words[i].filter((w) => words.has(w)).length;
        // Shared words over all the words of both names: "Bank of America" and "BANK OF AMERICA, N.A." are 1.
        const score = shared / (tokens.length + index.words[i].length - shared);
        if (shared / tokens.length < 0.5 || score < 0.4) continue;
        if (score > (out.get(i)?.score ?? 0)) out.set(i, { id: candidates[i].id, name: candidates[i].name, score, linked: false });
      }
    }
  }
  return [...out.entries()]
    .sort(([ia, a], [ib, b]) => Number(b.linked) - Number(a.linked) || b.score - a.score || (candidates[ib].complaints ?? 0) - (candidates[ia].complaints ?? 0) || (a.name < b.name ? -1 : 1))
    .slice(0, limit)
    .map(([, s]) => s);
}

/** The names by word and by key, and the words of each, worked out once for every company matched against them. */
export function indexNames(names: { name: string }[]): NameIndex {
  const index: NameIndex = { byWord: new Map(), byKey: new Map(), words: [] };
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  names.forEach((c, i) => {
    const words = lookTokens(c.name);
    index.words.push(words);
    for (const t of words) add(index.byWord, t, i);
    add(index.byKey, companyKey(c.name), i);
  });
  return index;
}
