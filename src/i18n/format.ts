// Numbers, dates and plurals of one language, through Intl: a catalog builds its own with
// its locale, so that no catalog hand-writes a plural rule or a date format.

import type { FindingFacts } from '../domain/policy.js';
import { UNSAFE } from '../ui/safe.js';
import { graphemes } from '../ui/width.js';
import { daysInMonth, localWallClock } from '../domain/dates.js';

/** Each kind of finding's words in one language: a function of that kind's facts. */
export type FindingWords = { [K in FindingFacts['kind']]: (f: Extract<FindingFacts, { kind: K }>) => string };

/**
 * A catalog's `finding`, from a small function a kind: a listing says thousands of findings,
 * and one function of every kind took the optimising compiler some 45 ms, while the listing
 * ran unoptimised. A kind this build does not know (an entry cached by another version) is
 * named, not said.
 */
export function findingFrom(words: FindingWords): (f: FindingFacts) => string {
  return (f) => (Object.hasOwn(words, f.kind) ? (words[f.kind] as (f: FindingFacts) => string)(f) : String(f.kind));
}

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Formats {
  /** The form of a word for n, chosen by Intl.PluralRules: `plural(3, { one: 'day', other: 'days' })` → "3 days". */
  plural(n: number, forms: PluralForms): string;
  /** The word alone, without the number. */
  pluralWord(n: number, forms: PluralForms): string;
  number(n: number): string;
  /** The calendar date of a stored date-time text ("2026-11-26T18:00" or "2026-11-26"). */
  date(text: string): string;
  /** The date and, when the text has one, the time of day. */
  dateTime(text: string): string;
  /** A list of items joined as the language joins them ("a, b and c"). */
  list(items: string[]): string;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;
type WallClockParts = [whole: string, year: string, month: string, day: string, hour?: string, minute?: string];

/**
 * The wall-clock parts of a stored text, as their digits: of a text with an offset from UTC,
 * those of the local clock at that instant.
 */
function wallClockParts(text: string): WallClockParts | undefined {
  return (WALL_CLOCK.exec(localWallClock(text)) as WallClockParts | null) ?? undefined;
}

/** The parts as a UTC instant, so that no time zone shifts them. */
function wallClockOf([, y, mo, d, h, mi]: WallClockParts): Date {
  return new Date(Date.UTC(+y, +mo - 1, +d, h ? +h : 0, mi ? +mi : 0));
}

/**
 * Whether the parts are a real day and time of a year from 100: then the Date they make writes
 * them back as they are (Date.UTC reads a year under 100 as one of the 1900s, and carries a day
 * or an hour too many into the next).
 */
function isRealWallClock([, y, mo, d, h, mi]: WallClockParts): boolean {
  const year = +y;
  const month = +mo;
  return year >= 100 && month >= 1 && month <= 12 && +d >= 1 && +d <= daysInMonth(year, month) && (h === undefined || (+h <= 23 && +mi! <= 59));
}

/**
 * The formats of a locale. `dateLocale` may differ from the language's own locale: English
 * dates are written year-month-day (the Canadian English form), as a record keeps them.
 * With `plainDates`, dates are written straight from their parts in the order of the
 * locale: `iso` year-month-day (English: the text Intl gives for en-CA), `dotted`
 * day.month.year (Russian). Tests hold each equal to Intl's text, day by day, for it is
 * built without Intl.DateTimeFormat, whose locale data cost some 20 ms of a command that shows a date.
 */
export function formatsFor(
  locale: string,
  dateLocale = locale,
  { plainDates, listAnd, grouping }: { plainDates?: 'iso' | 'dotted'; listAnd?: { word: string; serialComma: boolean }; grouping?: string } = {},
): Formats {
  // Intl's formatters cost tens of milliseconds to build (they load locale data): each is
  // built on its first use, so that a command that formats no number pays nothing.
  const lazy = <T>(make: () => T): (() => T) => {
    let made: T | undefined;
    return () => (made ??= make());
  };
  const rules = lazy(() => new Intl.PluralRules(locale));
  const numbers = lazy(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
  const intlDates = lazy(() => new Intl.DateTimeFormat(dateLocale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }));
  const intlTimes = lazy(() => new Intl.DateTimeFormat(dateLocale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }));
  const isoDate = { format: (at: Date) => at.toISOString().slice(0, 10) };
  const dottedDate = { format: (at: Date) => at.toISOString().slice(0, 10).split('-').reverse().join('.') };
  const isoTime = { format: (at: Date) => at.toISOString().slice(11, 16) };
  const plain = plainDates === 'iso' ? isoDate : plainDates === 'dotted' ? dottedDate : undefined;
  const dates = plain ? () => plain : intlDates;
  const times = plain ? () => isoTime : intlTimes;
  const lists = lazy(() => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }));
  // With `listAnd`, lists are joined as Intl.ListFormat joins them in that language (a test
  // holds the two equal), without its locale data: some 18 ms to build.
  const joinList = (items: string[]): string => {
    if (!listAnd) return lists().format(items);
    if (items.length < 2) return items.join('');
    const last = items[items.length - 1];
    return items.length === 2 ? `${items[0]} ${listAnd.word} ${last}` : `${items.slice(0, -1).join(', ')}${listAnd.serialComma ? ',' : ''} ${listAnd.word} ${last}`;
  };
  // Each number's plural category is asked of Intl once (a few thousand numbers are kept):
  // asked at every word, it took 49 ms of `due` at 100,000 companies.
  const categories = new Map<number, Intl.LDMLPluralRule>();
  const category = (n: number) => {
    let c = categories.get(n);
    if (c === undefined) {
      c = rules().select(n);
      if (categories.size < 4096) categories.set(n, c);
    }
    return c;
  };
  const word = (n: number, forms: PluralForms) => forms[category(n)] ?? forms.other;
  // The whole numbers from 0 to 999, which most messages count, are their digits in every
  // language of the catalogs (a test holds this to Intl for each): they are written without
  // building Intl.NumberFormat, whose locale data costs some 20 ms on first use.
  // With `grouping`, every whole number is written so, its thousands apart by that separator
  // (a test holds it to Intl too); fractions still go through Intl.
  const grouped = (n: number): string => {
    const digits = String(Math.abs(n));
    let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
    for (let k = out.length; k < digits.length; k += 3) out += grouping + digits.slice(k, k + 3);
    return n < 0 ? `-${out}` : out;
  };
  const formatNumber = (n: number) =>
    !Number.isSafeInteger(n) || Object.is(n, -0) ? numbers().format(n) : n >= 0 && n < 1000 ? String(n) : grouping !== undefined ? grouped(n) : numbers().format(n);
  /**
   * A date (and its time) in this locale's form. Plain dates of a real day and time are written
   * from their digits, as Intl or the Date they make would write them (a test holds the two
   * equal): a Date and two ISO texts for each of the 30,000 times of `due` at 100,000 companies.
   */
  const written = (m: WallClockParts, withTime: boolean): string => {
    if (plainDates && isRealWallClock(m)) {
      const [, y, mo, d, h, mi] = m;
      const day = plainDates === 'iso' ? `${y}-${mo}-${d}` : `${d}.${mo}.${y}`;
      return withTime ? `${day} ${h}:${mi}` : day;
    }
    const at = wallClockOf(m);
    return withTime ? `${dates().format(at)} ${times().format(at)}` : dates().format(at);
  };
  // Long lists repeat the same days: each is formatted once.
  const seen = new Map<string, string>();
  return {
    plural: (n, forms) => `${formatNumber(n)} ${word(n, forms)}`,
    pluralWord: word,
    number: formatNumber,
    date(text) {
      // The day of a time with its offset from UTC is the local one of that instant.
      const day = localWallClock(text).slice(0, 10);
      let out = seen.get(day);
      if (out === undefined) {
        const m = wallClockParts(day);
        out = m ? written(m, false) : text;
        if (m) seen.set(day, out);
      }
      return out;
    },
    dateTime(text) {
      const m = wallClockParts(text);
      return m ? written(m, m[4] !== undefined) : text;
    },
    list: joinList,
  };
}

/** A formatter built on its first use (Intl's cost tens of milliseconds to build). */
export function lazyFormatter<V>(make: () => { format(v: V): string }): { format(v: V): string } {
  let made: { format(v: V): string } | undefined;
  return { format: (v) => (made ??= make()).format(v) };
}

/**
 * A word of a command line shown for copying into a shell: in double quotes where nothing in it
 * is special there, else in single quotes (a name from someone else's file may hold `$(…)`,
 * backquotes or a quote, and must stay a name when the line is pasted).
 */
const HIDDEN = new RegExp(UNSAFE.source, 'u');

/** An argument as typed at a shell: as it is where it needs no quotes (an id, a plain path), else quoted (shellArg). */
export function shellWord(text: string): string {
  return /^[\w./-]+$/.test(text) && !text.startsWith('-') ? text : shellArg(text);
}

export function shellArg(text: string): string {
  // A character the terminal shows as <U+…> (or a control) is written as its bytes for printf,
  // which every POSIX shell has, so that the line pasted names the company: "Ac<U+200B>me"
  // pasted is another name. (A ! too, which an interactive bash would expand even there.)
  if (HIDDEN.test(text)) {
    let format = '';
    for (const ch of text) {
      if (ch === '%') format += '%%';
      else if (ch === '\\') format += '\\\\';
      else if (ch === "'") format += `'\\''`;
      else if (ch === '!' || HIDDEN.test(ch)) for (const b of Buffer.from(ch, 'utf8')) format += `\\${b.toString(8).padStart(3, '0')}`;
      else format += ch;
    }
    return `${endOfOptions(text)}"$(printf -- '${format}')"`;
  }
  return `${endOfOptions(text)}${/^[^"\\$`!]*$/u.test(text) ? `"${text}"` : `'${text.replace(/'/g, `'\\''`)}'`}`;
}

/**
 * The most characters of a text quoted back in a message: the longest name a record holds (a
 * company's or a source's, on the command line and in a data file). Every name is quoted
 * whole, to be read and copied; what is longer (a note, a reason, an argument of 10,000
 * characters that names nothing) is cut, and not repeated whole in an error.
 */
export const QUOTED_MAX = 200;

/** `s`, or where it has more than `max` characters, its first ones and "…" (`max` in all), cut between the characters a reader sees. */
export function clipped(s: string, max = QUOTED_MAX): string {
  if (s.length <= max) return s;
  const kept: string[] = [];
  for (const g of graphemes(s)) {
    if (kept.length === max) return `${kept.slice(0, max - 1).join('')}…`;
    kept.push(g);
  }
  return s;
}

/** A name that begins with - would be read as an option: `--` before it ends the options. */
const endOfOptions = (text: string) => (text.startsWith('-') ? '-- ' : '');

/** A command (`vetted company alias`) and its arguments, each quoted for the shell; `--` once, before the first that begins with -. */
export function commandLine(command: string, args: string[]): string {
  const cut = args.findIndex((a) => a.startsWith('-'));
  const quoted = args.map((a) => shellArg(a).replace(/^-- /, ''));
  return [command, ...(cut < 0 ? quoted : [...quoted.slice(0, cut), '--', ...quoted.slice(cut)])].join(' ');
}

/** A sentence to stand inside another: its first letter small, unless it begins a word of capitals (ISO, RUB). */
export const lowerFirst = (s: string) => (/^[А-ЯЁA-Z](?![А-ЯЁA-Z])/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
/** Values as one of them is named: `a, b or c`. */
export const either = (values: readonly string[], or: string) => (values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} ${or} ${values[values.length - 1]}`);
/** The facts a letter needs only with some values of another fact still missing, grouped by what calls for them, in the order met. */
export function neededWith<F extends { onlyWith?: { flag: string; values: readonly string[] } }>(missing: F[]): { flag: string; values: readonly string[]; facts: F[] }[] {
  const groups = new Map<string, { flag: string; values: readonly string[]; facts: F[] }>();
  for (const m of missing) {
    if (!m.onlyWith) continue;
    const key = `${m.onlyWith.flag} ${m.onlyWith.values.join(' ')}`;
    const g = groups.get(key) ?? groups.set(key, { ...m.onlyWith, facts: [] }).get(key)!;
    g.facts.push(m);
  }
  return [...groups.values()];
}
