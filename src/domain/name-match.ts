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

/**
 * The source's names most like one company, best first. `index` maps a word to the source
 * names that hold it (see indexNames); `userNames` are the company's name and aliases.
 */
export function suggestNames(
  userNames: string[],
  candidates: { id: number; name: string; complaints?: number }[],
  index: Map<string, number[]>,
  limit = 3,
): NameSuggestion[] {
  const keys = new Set(userNames.map(companyKey));
  const out = new Map<number, NameSuggestion>();
  for (const [i, c] of candidates.entries()) if (keys.has(companyKey(c.name))) out.set(i, { id: c.id, name: c.name, score: 1, linked: true });
  for (const user of userNames) {
    const tokens = lookTokens(user);
    if (!tokens.length) continue;
    const hits = new Map<number, number>();
    for (const t of tokens) for (const i of index.get(t) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
    for (const [i, shared] of hits) {
      if (out.get(i)?.linked) continue;
      const theirs = lookTokens(candidates[i].name).length;
      // Shared words over all the words of both names: "Bank of America" and "BANK OF AMERICA, N.A." are 1.
      const score = shared / (tokens.length + theirs - shared);
      if (shared / tokens.length < 0.5 || score < 0.4) continue;
      if (score > (out.get(i)?.score ?? 0)) out.set(i, { id: candidates[i].id, name: candidates[i].name, score, linked: false });
    }
  }
  return [...out.entries()]
    .sort(([ia, a], [ib, b]) => Number(b.linked) - Number(a.linked) || b.score - a.score || (candidates[ib].complaints ?? 0) - (candidates[ia].complaints ?? 0) || (a.name < b.name ? -1 : 1))
    .slice(0, limit)
    .map(([, s]) => s);
}

/** Word -> the positions of the names that hold it. */
export function indexNames(names: { name: string }[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  names.forEach((c, i) => {
    for (const t of lookTokens(c.name)) {
      const list = index.get(t);
      if (list) list.push(i);
      else index.set(t, [i]);
    }
  });
  return index;
}
