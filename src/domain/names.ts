// Company names: the key that finds a company whatever the spelling, the look-alike
// skeleton that warns of mixed-script impostors, and short slugs for incident ids.

const LOOKALIKE_SPELLINGS: Record<string, string> = {
  'ş': 'ș', // cedilla forms of Romanian letters -> comma-below forms
  'ţ': 'ț',
  'ё': 'е',
};

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const LOOKALIKE_SPELLING = /[şţё]/u;

/** The matching key: NFKC, case-folded, look-alike spellings unified, spaces folded. */
export function companyKey(name: string): string {
  if (PRINTABLE_ASCII.test(name)) return name.toLowerCase().replace(/ {2,}/g, ' ').trim();
  // Upper then lower case folds what lower case alone does not (ß and SS).
  const folded = name.normalize('NFKC').toUpperCase().toLowerCase().replace(/ß/g, 'ss').normalize('NFKC');
  let out = folded;
  if (LOOKALIKE_SPELLING.test(folded)) {
    out = '';
    for (const ch of folded) out += LOOKALIKE_SPELLINGS[ch] ?? ch;
  }
  return out.replace(/\s+/gu, ' ').trim();
}

// Letters of other scripts that look like Latin ones in lower case.
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  'а': 'a', 'в': 'b', 'с': 'c', 'е': 'e', 'һ': 'h', 'і': 'i', 'ј': 'j', 'к': 'k', 'м': 'm', 'н': 'h',
  'о': 'o', 'р': 'p', 'ԛ': 'q', 'ѕ': 's', 'т': 't', 'у': 'y', 'х': 'x', 'ԝ': 'w', 'ь': 'b', 'ү': 'y',
  // Greek
  'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't',
  'υ': 'u', 'χ': 'x', 'ω': 'w',
};

/** The key with look-alike letters of other scripts mapped to Latin. */
export function lookalikeSkeleton(key: string): string {
  let out = '';
  for (const ch of key) out += CONFUSABLES[ch] ?? ch;
  return out;
}

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};

/** A short ASCII slug of a company name for ids that are easy to type ("volgatelecom"); `none` where the name has no letter or digit to make one of (a check of 東京 is company-check-1, not incident-check-1). */
export function slugOf(name: string, max = 16, none = 'incident'): string {
  let latin = '';
  for (const ch of companyKey(name)) latin += TRANSLIT[ch] ?? ch;
  const slug = latin
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.slice(0, max).replace(/-+$/, '');
  return cut || none;
}

/**
 * The edit distance between two texts (insertions, deletions, substitutions, and two neighbours
 * swapped, each one slip), by code point.
 */
export function editDistance(a: string, b: string, cap = Infinity): number {
  const x = [...a], y = [...b];
  if (Math.abs(x.length - y.length) > cap) return cap + 1;
  let before: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) cur[j] = Math.min(cur[j], before[j - 2] + 1);
      if (cur[j] < best) best = cur[j];
    }
    if (best > cap) return cap + 1;
    before = prev;
    prev = cur;
  }
  return prev[y.length];
}

/** How many typing slips a name of this length may hold and still be "the same name". */
export function typoAllowance(key: string): number {
  const n = [...key].length;
  return n <= 3 ? 0 : n <= 8 ? 1 : 2;
}

/** The candidates closest to `target`, within a typo's distance, nearest first (at most `max`). */
export function closestNames(target: string, candidates: Iterable<string>, max = 3, allowance = typoAllowance(target)): string[] {
  const scored: { c: string; d: number }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c)) continue;
    seen.add(c);
    const d = editDistance(target, c, allowance);
    if (d <= allowance) scored.push({ c, d });
  }
  return scored.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c)).slice(0, max).map((s) => s.c);
}

/** The one word of `words` a typed word is a slip of (one slip even for a short word), as "did you mean" offers it; none where no word is near. */
export function slipOf(typed: string, words: Iterable<string>): string[] {
  return closestNames(typed.toLowerCase(), words, 1, Math.max(1, typoAllowance(typed)));
}

// Marks, format characters (zero-width spaces and joiners, bidi controls), spaces, controls
// and the characters Unicode declares invisible by default (Hangul fillers, variation
// selectors, the braille blank): none of them shows a reader anything on its own.
const INVISIBLE = /[\p{M}\p{Cf}\p{Z}\p{Cc}\s\u115f\u1160\u3164\uffa0\u2800\u034f\u17b4\u17b5\u180b-\u180f\ufe00-\ufe0f\u{e0000}-\u{e0fff}]/gu;

/**
 * The characters a file's name may not hold: controls (a line break, a tab, an escape) and the
 * line and paragraph separators, which the saved file's name would keep and a terminal listing
 * it would obey, and the marks that turn text right to left, with which `invoice\u202Efdp.exe`
 * shows as `invoiceexe.pdf`.
 */
export const NOT_IN_FILE_NAMES = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * What keeps a text from being the name a file is saved under: a folder in it (a slash, `.` or
 * `..`), or a character of NOT_IN_FILE_NAMES.
 */
export function fileNameFault(name: string): 'folder' | 'control' | undefined {
  if (/[\\/\u0000]/.test(name) || name === '.' || name === '..') return 'folder';
  if (name.search(NOT_IN_FILE_NAMES) >= 0) return 'control';
  return undefined;
}

/** Whether a name shows at least one visible character: a name of only zero-width or
 * combining characters looks like no name at all, or like another's. */
export function isVisibleName(name: string): boolean {
  return name.replace(INVISIBLE, '') !== '';
}

/**
 * Texts in the order of their UTF-8 bytes, as SQLite's BINARY collation orders them (its
 * ORDER BY of a key): UTF-16 units order the same way but for the surrogates of a character
 * beyond U+FFFF, four bytes in UTF-8, which come after U+E000–U+FFFF there and before them here.
 */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return utf8Rank(x) - utf8Rank(y);
  }
  return a.length - b.length;
}

const utf8Rank = (unit: number) => (unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800);
