// ISO 8601 dates as the data file has them: a date, or a date-time with or without an
// offset (without one it is local time). Pure: the clock is passed in where needed.

export interface When {
  /** The text as given, trimmed: what is stored and exported. */
  text: string;
  /** Milliseconds since the epoch, for ordering and arithmetic. */
  ms: number;
  dateOnly: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Date.UTC with years 0-99 taken literally (Date reads them as 1900-1999). */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  if (y >= 100) return Date.UTC(y, mo, d, h, mi, s, ms);
  const t = new Date(Date.UTC(2000, mo, d, h, mi, s, ms));
  t.setUTCFullYear(y, mo, d);
  return t.getTime();
}

/** Local time with years 0-99 taken literally. */
function local(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  if (y >= 100) return new Date(y, mo, d, h, mi, s, ms).getTime();
  const t = new Date(2000, mo, d, h, mi, s, ms);
  t.setFullYear(y, mo, d);
  return t.getTime();
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS[month - 1];
}

/** The digit at position i of a text, or NaN. */
function digitAt(t: string, i: number): number {
  const c = t.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/** The year, month and day of a text that begins `YYYY-MM-DD`, each read without making an object (NaN where a digit is not one). */
const yearAt = (t: string) => digitAt(t, 0) * 1000 + digitAt(t, 1) * 100 + digitAt(t, 2) * 10 + digitAt(t, 3);
const monthAt = (t: string) => digitAt(t, 5) * 10 + digitAt(t, 6);
const dayAt = (t: string) => digitAt(t, 8) * 10 + digitAt(t, 9);

/**
 * The form every stored date-time has, `YYYY-MM-DDTHH:MM` in local time, read without the
 * general expression and without making an object: judging reads one for every event.
 * Undefined for any other text.
 */
function storedMinute(t: string): When | undefined {
  const ms = storedMinuteMs(t);
  return Number.isNaN(ms) ? undefined : { text: t, ms, dateOnly: false };
}

/** The time of a text in the stored form, or NaN when the text is not a real time in that form. */
function storedMinuteMs(t: string): number {
  if (t.length !== 16 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 84 || t.charCodeAt(13) !== 58) return NaN;
  const y = yearAt(t), mo = monthAt(t), d = dayAt(t);
  const h = digitAt(t, 11) * 10 + digitAt(t, 12);
  const mi = digitAt(t, 14) * 10 + digitAt(t, 15);
  // NaN fails every comparison below, so a stray character falls through to the general reading.
  if (!(y >= 100 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59)) return NaN;
  return localMinute(y, mo, d, h, mi);
}

/**
 * The local midnight of each day read so far whose local time keeps one offset from the
 * UTC all day (its 23:59 is 1,439 minutes after its 00:00), or NaN for a day that changes
 * it (a change of clocks). A `new Date` for each time read was an eighth of what the first
 * listing after an import allocated, and most of the time of reading a time.
 */
const dayStarts = new Map<number, number>();
const DAY_STARTS_KEPT = 100_000;

/**
 * Forgets the local days kept: for a process that changes its time zone (`process.env.TZ`)
 * after reading times, as tests do; the CLI never does.
 */
export function timeZoneChanged(): void {
  dayStarts.clear();
  localDays.clear();
}

/** The local day of each time asked so far (see localDayOf). */
const localDays = new Map<number, number>();

/**
 * The local day of a time, as the number YYYYMMDD, kept for each time asked: the dates alone of
 * a file are a few thousand local midnights, and each is compared with the day of `now` (a
 * `new Date` and three readings of it each, a fiftieth of adding a shared file of 50,000 companies).
 */
export function localDayOf(ms: number): number {
  let day = localDays.get(ms);
  if (day === undefined) {
    const d = new Date(ms);
    day = d.getFullYear() * 10_000 + (d.getMonth() + 1) * 100 + d.getDate();
    if (localDays.size < DAY_STARTS_KEPT) localDays.set(ms, day);
  }
  return day;
}

/** `new Date(y, mo - 1, d, h, mi).getTime()`, for a year from 100. */
function localMinute(y: number, mo: number, d: number, h: number, mi: number): number {
  const start = dayStartOf(y, mo, d);
  return Number.isNaN(start) ? new Date(y, mo - 1, d, h, mi).getTime() : start + (h * 60 + mi) * 60_000;
}

/** The local midnight of a day that keeps one offset from UTC all day, or NaN for one the clocks change (see dayStarts). */
function dayStartOf(y: number, mo: number, d: number): number {
  const key = y * 10_000 + mo * 100 + d;
  let start = dayStarts.get(key);
  if (start === undefined) {
    const first = new Date(y, mo - 1, d, 0, 0).getTime();
    start = new Date(y, mo - 1, d, 23, 59).getTime() - first === 1439 * 60_000 ? first : NaN;
    if (dayStarts.size < DAY_STARTS_KEPT) dayStarts.set(key, start);
  }
  return start;
}

/** Whether a text is a date or date-time parseWhen reads, as it is, without white space around it
 * (a file's date is stored as it is written: one of `"\r2020-01-05"` took a carriage return to
 * the terminal): for a check that needs no more (a data file has one an event; a stored time is
 * read without making an object). */
export function isWhen(input: string): boolean {
  return !Number.isNaN(storedMinuteMs(input)) || (parseWhen(input) !== undefined && input === input.trim());
}

/**
 * The local midnight of a text that is a date alone, `YYYY-MM-DD` (a year from 100), read as
 * storedMinuteMs reads a time; NaN for any other text. A shared file has a date alone for each
 * company on its lists: read by the general expression, with a `new Date` each, they were a
 * twentieth of adding a file of 50,000 companies.
 */
function dayAloneMs(t: string): number {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return NaN;
  const y = yearAt(t), mo = monthAt(t), d = dayAt(t);
  if (!(y >= 100 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo))) return NaN;
  return localMinute(y, mo, d, 0, 0);
}

/** Reads an ISO 8601 date or date-time; undefined when it is not one, or not a real calendar date. */
export function parseWhen(input: string): When | undefined {
  const stored = storedMinute(input);
  if (stored) return stored;
  const day = dayAloneMs(input);
  if (!Number.isNaN(day)) return { text: input, ms: day, dateOnly: true };
  const text = input.trim();
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, ys, mos, ds, hs, mis, ss, fs, zone] = m;
  const y = Number(ys), mo = Number(mos), d = Number(ds);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  if (hs === undefined) return { text, ms: local(y, mo - 1, d), dateOnly: true };
  const h = Number(hs), mi = Number(mis), s = ss ? Number(ss) : 0;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const frac = fs ? Math.floor(Number(`0.${fs}`) * 1000) : 0;
  let ms: number;
  if (zone === undefined) {
    ms = local(y, mo - 1, d, h, mi, s, frac);
  } else {
    ms = utc(y, mo - 1, d, h, mi, s, frac);
    if (zone !== 'Z') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const offH = Number(digits.slice(0, 2)), offM = Number(digits.slice(2));
      if (offH > 23 || offM > 59) return undefined;
      ms -= sign * (offH * 60 + offM) * 60_000;
    }
  }
  return { text, ms, dateOnly: false };
}

/** The time of a date-time text; throws on text that was not validated first. */
export function msOf(text: string): number {
  const ms = storedMinuteMs(text);
  if (!Number.isNaN(ms)) return ms;
  const w = parseWhen(text);
  if (!w) throw new Error(`not an ISO 8601 date: ${text}`);
  return w.ms;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A span of time as the output says it, rounded: minutes under an hour, hours under two days,
 * days from then on (2 days 21 hours is 3 days; 27 hours is 27 hours). Its sign is dropped; a
 * span under a minute is a minute ("in 1 minute" with 30 seconds to go, never "in 0 minutes").
 */
export function roundedSpan(ms: number): { n: number; unit: 'minute' | 'hour' | 'day' } {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return { n: minutes, unit: 'minute' };
  const hours = Math.round(minutes / 60);
  if (hours < 48) return { n: hours, unit: 'hour' };
  return { n: Math.round(hours / 24), unit: 'day' };
}

/** Local date-time text to the minute, the form the CLI writes for "now". */
export function formatLocalMinute(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The offset from UTC of the local clock at a moment, as ISO 8601 writes it after a time: `+03:00`, `-05:00`. */
export function localOffsetAt(ms: number): string {
  const east = -new Date(ms).getTimezoneOffset();
  return `${east < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(east) / 60))}:${pad(Math.abs(east) % 60)}`;
}

/**
 * A moment read off the clock (now, or a time given from today: `today 18:00`, `yesterday 09:00`),
 * to the minute, as the local clock reads it and with its offset from UTC: `2026-12-07T18:05+03:00`.
 * Read later in another zone, by a traveller, it is the same instant, not the same figures on
 * another clock (a time typed as a date and time alone is the user's own, and is kept as given).
 */
export function formatZonedMinute(ms: number): string {
  return `${formatLocalMinute(ms)}${localOffsetAt(ms)}`;
}

/** The same as a When: what a time read off the clock is stored as. */
function zonedWhen(ms: number): When {
  const text = formatZonedMinute(ms);
  return { text, ms: parseWhen(text)!.ms, dateOnly: false };
}

/** Local date-time text to the second: a check's time, so that two checks a minute apart stay apart. */
export function formatLocalSecond(ms: number): string {
  return `${formatLocalMinute(ms)}:${pad(new Date(ms).getSeconds())}`;
}

/** The same with its offset from UTC, as a moment read off the clock is kept (see formatZonedMinute): a check's time. */
export function formatZonedSecond(ms: number): string {
  return `${formatLocalSecond(ms)}${localOffsetAt(ms)}`;
}

/** Local calendar date of a time. */
export function formatLocalDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A date-time text that gives its offset from UTC (or Z) after its time. */
const ZONED = /[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):?(\d{2}))\s*$/;

/** Whether a date-time text gives its offset from UTC (or Z): a moment anywhere, not a local time. */
export function givesOffset(text: string): boolean {
  return ZONED.test(text);
}

/**
 * The offset from UTC a date-time text gives, in minutes east (0 for `Z`), with its hours and
 * minutes as written; undefined for a text that gives none (a date, or a local time).
 */
function offsetOf(text: string): { minutes: number; sign: string; hh: string; mm: string } | undefined {
  const m = ZONED.exec(text);
  if (!m) return undefined;
  if (m[1] === undefined) return { minutes: 0, sign: '+', hh: '00', mm: '00' };
  return { minutes: (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])), sign: m[1], hh: m[2], mm: m[3] };
}

/**
 * The day a date or date-time text is written on, as the number YYYYMMDD: its date as written,
 * in its own offset or in none. Where a date alone is compared with a time, this is the time's day
 * (not the day its instant falls on where the reader is), so that a time kept with its offset
 * compares with a date as a time without one does, and every zone reads the two alike.
 */
export function writtenDayOf(w: Pick<When, 'text'>): number {
  const t = w.text;
  return yearAt(t) * 10_000 + monthAt(t) * 100 + dayAt(t);
}

/**
 * When the day `day` (a date alone, `YYYY-MM-DD`) ends on the clock a time is written on: the
 * midnight after it, at the time's own offset where it gives one, else local. A time is within
 * that day (or before it) exactly when it is before this moment (see writtenDayOf).
 */
export function dayEndOnClockOf(day: string, time: string): number {
  const [y, mo, d] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  const offset = offsetOf(time);
  if (offset === undefined) return local(y, mo - 1, d + 1);
  return utc(y, mo - 1, d + 1) - offset.minutes * 60_000;
}

/**
 * How far from UTC a clock is set, in minutes: from UTC-12:00 (Baker Island) to UTC+14:00
 * (Kiritimati). The zone database holds no offset beyond them in the years a record may have
 * (1900 to 2199): its odd ones are all within (Monrovia's -00:44, Kathmandu's +05:45, +05:21,
 * +07:20 and the like, kept once by local mean time), and so any minutes are allowed between.
 */
const OFFSETS = { west: -12 * 60, east: 14 * 60 } as const;

/**
 * The offset from UTC a date-time text gives, where no clock keeps it (`+15:00`, `-12:30`):
 * beyond -12:00 to +14:00. Undefined for any other text: one with a real offset, `Z`, or none.
 * Read, such a time is still a moment (a record older builds kept stays readable); typed or
 * imported, it is a typing mistake, refused.
 */
export function impossibleOffset(text: string): string | undefined {
  const offset = offsetOf(text);
  if (offset === undefined) return undefined;
  const real = offset.minutes >= OFFSETS.west && offset.minutes <= OFFSETS.east;
  return real ? undefined : `${offset.sign}${offset.hh}:${offset.mm}`;
}

/**
 * A local time the clocks here skipped going forward (02:30 on the night they go from 02:00 to
 * 03:00): no moment at all, read as the one an hour later. Undefined for any other time. `reads`
 * is that later time; `zoned`, the time given with the offset of the hours before the jump.
 */
export function skippedLocalTime(w: When): { reads: string; zoned: string } | undefined {
  if (w.dateOnly || givesOffset(w.text) || formatLocalMinute(w.ms) === w.text.slice(0, 16)) return undefined;
  return { reads: formatLocalMinute(w.ms), zoned: `${w.text}${localOffsetAt(w.ms - 3 * 3_600_000)}` };
}

/**
 * A stored time as the local clock reads it, for showing: one given with its offset from UTC
 * (or Z) becomes the local date and time of that instant, to the minute, so that times shown
 * one after another run in the order they happened (16:00+05:00 is 11:00 where the clock reads
 * UTC); one without an offset is local already, and is given back as it is, but for a time the
 * clocks skipped, given as the time it is read as (skippedReading). The record keeps the text as
 * it was given.
 */
export function localWallClock(text: string): string {
  if (text.length <= 16 || !ZONED.test(text)) return skippedReading(text) ?? text;
  const w = parseWhen(text);
  return w ? formatLocalMinute(w.ms) : text;
}

/**
 * The local time a local date-time text the clocks skipped going forward is read as (02:30 on the
 * night they go from 02:00 to 03:00 is read as 03:30): a data file's may hold one, and it sorts
 * and is judged as that later time, so it is shown so, not above the events before it. Undefined
 * for any other text; the record keeps it as given. Only a day the clocks change is looked at.
 */
function skippedReading(text: string): string | undefined {
  if (text.length < 16) return undefined;
  if (text.length === 16 && (text.charCodeAt(10) === 84 || text.charCodeAt(10) === 32)) {
    const start = dayStartOf(yearAt(text), monthAt(text), dayAt(text));
    if (!Number.isNaN(start)) return undefined;
  }
  const w = parseWhen(text);
  if (!w || w.dateOnly) return undefined;
  const read = formatLocalMinute(w.ms);
  return read === w.text.slice(0, 16).replace(' ', 'T') ? undefined : read;
}

/** The local calendar date of a stored text (for "since" and tables; see localWallClock). */
export function datePart(text: string): string {
  return localWallClock(text).slice(0, 10);
}

/** Whole local calendar days from one time to another (0 on the same day). */
export function calendarDaysBetween(fromMs: number, toMs: number): number {
  const a = new Date(fromMs), b = new Date(toMs);
  const ua = Date.UTC(a.getFullYear(), a.getMonth(), a.getDate());
  const ub = Date.UTC(b.getFullYear(), b.getMonth(), b.getDate());
  return Math.round((ub - ua) / 86_400_000);
}

/** The same moment `months` calendar months later (clamped to the month's last day). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const target = new Date(d.getTime());
  const day = d.getDate();
  target.setDate(1);
  target.setMonth(target.getMonth() + months);
  target.setDate(Math.min(day, daysInMonth(target.getFullYear(), target.getMonth() + 1)));
  return target.getTime();
}

/** `12.07.2012`, `12.07.2012 09:30`: spaces before the time as many as an ISO date takes (`12.07.2012  9:30`, as `2012-07-12  9:30`). */
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:(?:\s+|T|,\s*|\s+(?:в|at)\s+)(\d{1,2}):(\d{2}))?$/iu;
/** `12 июля 2012`, `12 июля 2012 г. 10:00`, `12 July 2012, 10:00`, `12th July 2012`. */
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?\s+(\p{L}+)\.?,?\s+(\d{4})(?:\s*(?:г\.?|года))?(?:,?\s+(?:в\s+|at\s+)?(\d{1,2}):(\d{2}))?$/iu;
/** `July 12, 2012`, `Jul 12 2012 10:00`. */
const MONTH_DAY = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2}))?$/iu;
/** Each month's names as typed: full, in either case of Russian (июль, июля), and short. */
const MONTH_WORDS: readonly (readonly string[])[] = [
  ['january', 'jan', 'январь', 'января', 'янв'],
  ['february', 'feb', 'февраль', 'февраля', 'фев', 'февр'],
  ['march', 'mar', 'март', 'марта', 'мар'],
  ['april', 'apr', 'апрель', 'апреля', 'апр'],
  ['may', 'май', 'мая'],
  ['june', 'jun', 'июнь', 'июня', 'июн'],
  ['july', 'jul', 'июль', 'июля', 'июл'],
  ['august', 'aug', 'август', 'августа', 'авг'],
  ['september', 'sep', 'sept', 'сентябрь', 'сентября', 'сен', 'сент'],
  ['october', 'oct', 'октябрь', 'октября', 'окт'],
  ['november', 'nov', 'ноябрь', 'ноября', 'ноя', 'нояб'],
  ['december', 'dec', 'декабрь', 'декабря', 'дек'],
];
const monthOfWord = (word: string): number | undefined => {
  const w = word.toLocaleLowerCase('ru').replace(/ё/g, 'е');
  const k = MONTH_WORDS.findIndex((names) => names.includes(w));
  return k < 0 ? undefined : k + 1;
};
const RELATIVE = /^(now|today|yesterday|tomorrow|сейчас|сегодня|вчера|завтра)(?:(?:,\s*|\s+)(?:в\s+|at\s+)?(\d{1,2}):(\d{2}))?$/iu;

/**
 * A time as a person types it, in local time: ISO 8601 with `T` or a space, `DD.MM.YYYY`
 * with an optional `HH:MM`, a date with its month in words (`12 июля 2012`, `12 July 2012`,
 * `July 12, 2012`) with an optional `HH:MM`, `now`, `today`, `yesterday` or `tomorrow` with an optional `HH:MM`
 * (and `сейчас`, `сегодня`, `вчера`, `завтра`). The text it returns is the normal ISO form that is stored:
 * of `now` and a time of today, yesterday or tomorrow, with the offset of the zone it was typed in
 * (formatZonedMinute); a date and time typed in full, as typed.
 */
export function parseHumanWhen(input: string, now: number): When | undefined {
  // An ISO date with a comma, `at` or `в` before its time, or an hour of one digit, as the other forms take them.
  const text = input
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2})(?:,\s*|\s+(?:at|в)\s+|\s+|T)(\d{1,2})(:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)$/iu, (_m, d: string, h: string, rest: string) => `${d} ${h.padStart(2, '0')}${rest}`);
  const iso = parseWhen(text);
  if (iso) return { ...iso, text: iso.text.replace(' ', 'T') };
  const dotted = DOTTED.exec(text);
  if (dotted) {
    const [, d, mo, y, h, mi] = dotted;
    return parseWhen(`${y}-${pad(Number(mo))}-${pad(Number(d))}${h !== undefined ? `T${pad(Number(h))}:${mi}` : ''}`);
  }
  const worded = DAY_MONTH.exec(text) ?? MONTH_DAY.exec(text);
  if (worded) {
    const dayFirst = /^\d/.test(text);
    const [d, word] = dayFirst ? [worded[1], worded[2]] : [worded[2], worded[1]];
    const mo = monthOfWord(word);
    if (mo === undefined) return undefined;
    const [, , , y, h, mi] = worded;
    return parseWhen(`${y}-${pad(mo)}-${pad(Number(d))}${h !== undefined ? `T${pad(Number(h))}:${mi}` : ''}`);
  }
  const rel = RELATIVE.exec(text);
  if (rel) {
    const word = rel[1].toLowerCase();
    // Read off the clock, in the zone the user is in as they type: kept with its offset (formatZonedMinute).
    if (word === 'now' || word === 'сейчас') return rel[2] === undefined ? zonedWhen(now) : undefined;
    const day = new Date(now);
    if (word === 'yesterday' || word === 'вчера') day.setDate(day.getDate() - 1);
    else if (word === 'tomorrow' || word === 'завтра') day.setDate(day.getDate() + 1);
    const date = formatLocalDate(day.getTime());
    if (rel[2] === undefined) return parseWhen(date);
    const local = parseWhen(`${date}T${pad(Number(rel[2]))}:${rel[3]}`);
    // A local time the clocks skipped is left as typed, for the caller to refuse (skippedLocalTime).
    return local && !skippedLocalTime(local) ? zonedWhen(local.ms) : local;
  }
  return undefined;
}

/** An amount as a person types it: `12.5` or `12,5`; undefined when it is not one. */
export function parseAmount(input: string): number | undefined {
  const t = input.trim();
  // Cents at most, as a letter's sum: `1,000` is a thousand to one reader and one to another
  // (it was stored as 1).
  if (!/^\d{1,12}(?:[.,]\d{1,2})?$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}
