// An iCalendar (RFC 5545) file of deadlines: CRLF line ends, lines folded at 75 octets,
// TEXT values escaped, one VEVENT per deadline with a UID that stays the same from one
// export to the next (so that a calendar updates the event on re-import), and a reminder.

import { UNSAFE, inWrites, safeText } from '../ui/safe.js';

export interface CalendarDeadline {
  /** Stable: the same promise gets the same UID every time, its deadline or words corrected or not. */
  uid: string;
  summary: string;
  description: string;
  /** The deadline, ms (UTC instant). */
  dueMs: number;
  /** A date without a time: an all-day event on that date (YYYY-MM-DD). */
  date?: string;
}

/** The UTF-8 length of one code point. */
function octetsOf(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

const LINE_BREAK = /\r\n?|\n/g;
// A tab is not among them: TEXT holds it as it is (TSAFE-CHAR includes WSP, a space or a tab).
const OTHER_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const HAS_OTHER_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const HAS_SPECIAL = /[\\;,]/;
const SPECIAL = /[\\;,]/g;
/** An unsafe character as a calendar shows it: as every other output does (safeText), but for a tab, kept as it is (a terminal is shown a space). */
const visibleInCalendar = (ch: string) => (ch === '\t' ? ch : safeText(ch));

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; a tab kept; other controls dropped.
 * In one pass, each special character behind a backslash: a calendar escapes thousands of texts. */
export function escapeText(s: string): string {
  // Most texts need nothing: a scan for the specials and one for the unsafe say so.
  if (!HAS_SPECIAL.test(s) && s.search(UNSAFE) < 0) return s;
  let out = s.replace(SPECIAL, '\\$&');
  if (out.includes('\n') || out.includes('\r')) out = out.replace(LINE_BREAK, '\\n');
  if (HAS_OTHER_CONTROL.test(out)) out = out.replace(OTHER_CONTROL, '');
  // What is left of the unsafe characters (bidirectional overrides, characters that show
  // nothing) made visible, as in every other output: a calendar showed "abc<RLO>def" reversed.
  return out.replace(UNSAFE, visibleInCalendar);
}

const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_RUN = /[\x00-\x7f]*/y;

/** Folds a content line so that no line is longer than 75 octets, never inside a character. */
export function foldLine(line: string): string {
  if (line.length <= 25) return line;
  if (!NON_ASCII.test(line)) {
    if (line.length <= 75) return line;
    let out = line.slice(0, 75);
    for (let k = 75; k < line.length; k += 74) out += `\r\n ${line.slice(k, k + 74)}`;
    return out;
  }
  let out = '';
  let start = 0;
  let octets = 0;
  let limit = 75; // continuation lines start with a space, so they hold 74
  for (let k = 0; k < line.length; ) {
    // A run of ASCII is taken whole, as far as the line has room: one octet a character.
    ASCII_RUN.lastIndex = k;
    ASCII_RUN.test(line);
    const take = Math.min(ASCII_RUN.lastIndex - k, limit - octets);
    if (take > 0) {
      octets += take;
      k += take;
      if (octets === limit && k < line.length) {
        out += `${line.slice(start, k)}\r\n `;
        start = k;
        octets = 0;
        limit = 74;
      }
      continue;
    }
    const c = line.codePointAt(k)!;
    const n = octetsOf(c);
    if (octets + n > limit) {
      out += `${line.slice(start, k)}\r\n `;
      start = k;
      octets = 0;
      limit = 74;
    }
    octets += n;
    k += c > 0xffff ? 2 : 1;
  }
  return out + line.slice(start);
}

const two = (n: number) => String(n).padStart(2, '0');

/** 20261202T120000Z */
function utcStamp(ms: number): string {
  const t = new Date(ms);
  return `${String(t.getUTCFullYear()).padStart(4, '0')}${two(t.getUTCMonth() + 1)}${two(t.getUTCDate())}T${two(t.getUTCHours())}${two(t.getUTCMinutes())}${two(t.getUTCSeconds())}Z`;
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return `${String(t.getUTCFullYear()).padStart(4, '0')}${two(t.getUTCMonth() + 1)}${two(t.getUTCDate())}`;
}

/** The calendar in pieces, rendered as the deadlines come and cut between events (inWrites):
 * a caller that writes each piece out holds one piece, never the whole file. */
export function calendarChunks(deadlines: Iterable<CalendarDeadline>, now: number, name: string): Generator<string> {
  return inWrites(calendarTexts(deadlines, now, name));
}

/**
 * The calendar's head, each event's text and its end. With nothing owed it has no component,
 * which RFC 5545's grammar does not allow (calendarc = 1*component), and is left so: it is what
 * the calendar writers most used write for an empty calendar (a CalDAV server's export of one, a
 * feed with no events), and every reader takes it. Each component that could stand in would be
 * worse: a VEVENT, VTODO or VJOURNAL puts an item in the user's calendar; a VFREEBUSY publishes
 * their free time; a VTIMEZONE describes a zone no time here uses (they are UTC, or dates); an
 * x-comp is read by nobody, may be kept by an importer (which should not drop what it does not
 * know), and still leaves METHOD:PUBLISH without the VEVENT it requires (RFC 5546, 3.2.1).
 */
function* calendarTexts(deadlines: Iterable<CalendarDeadline>, now: number, name: string): Generator<string> {
  const stamp = `DTSTAMP:${utcStamp(now)}`;
  yield `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//vetted//deadlines//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n${foldLine(`X-WR-CALNAME:${escapeText(name)}`)}\r\n`;
  for (const d of deadlines) {
    const text = escapeText(d.summary);
    const when = d.date
      ? `DTSTART;VALUE=DATE:${d.date.replace(/-/g, '')}\r\nDTEND;VALUE=DATE:${nextDay(d.date)}`
      : `DTSTART:${utcStamp(d.dueMs)}\r\nDTEND:${utcStamp(d.dueMs + 30 * 60_000)}`;
    yield `BEGIN:VEVENT\r\n${foldLine(`UID:${d.uid}`)}\r\n${stamp}\r\n${when}\r\n${foldLine(`SUMMARY:${text}`)}\r\n${foldLine(`DESCRIPTION:${escapeText(d.description)}`)}\r\n` +
      `CATEGORIES:vetted\r\nTRANSP:TRANSPARENT\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n${foldLine(`DESCRIPTION:${text}`)}\r\nTRIGGER:-P1D\r\nEND:VALARM\r\nEND:VEVENT\r\n`;
  }
  yield 'END:VCALENDAR\r\n';
}
