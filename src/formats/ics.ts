// An iCalendar (RFC 5545) file of deadlines: CRLF line ends, lines folded at 75 octets,
// TEXT values escaped, one VEVENT per deadline with a UID that stays the same from one
// export to the next (so that a calendar updates the event on re-import), and a reminder.

export interface CalendarDeadline {
  /** Stable: the same deadline gets the same UID every time. */
  uid: string;
  summary: string;
  description: string;
  /** The deadline, ms (UTC instant). */
  dueMs: number;
  /** A date without a time: an all-day event on that date (YYYY-MM-DD). */
  date?: string;
}

const encoder = new TextEncoder();

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; other controls dropped. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n')
    .replace(/[\u0000-\u001f\u007f]/g, '');
}

/** Folds a content line so that no line is longer than 75 octets, never inside a character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const two = (n: number) => String(n).padStart(2, '0');

function utcStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return `${t.getUTCFullYear()}${two(t.getUTCMonth() + 1)}${two(t.getUTCDate())}`;
}

export function renderCalendar(deadlines: CalendarDeadline[], now: number, name = 'vetted: deadlines'): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//vetted//deadlines//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`];
  for (const d of deadlines) {
    lines.push('BEGIN:VEVENT', `UID:${d.uid}`, `DTSTAMP:${utcStamp(now)}`);
    if (d.date) lines.push(`DTSTART;VALUE=DATE:${d.date.replace(/-/g, '')}`, `DTEND;VALUE=DATE:${nextDay(d.date)}`);
    else lines.push(`DTSTART:${utcStamp(d.dueMs)}`, `DTEND:${utcStamp(d.dueMs + 30 * 60_000)}`);
    lines.push(
      `SUMMARY:${escapeText(d.summary)}`,
      `DESCRIPTION:${escapeText(d.description)}`,
      'CATEGORIES:vetted',
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(d.summary)}`,
      'TRIGGER:-P1D',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
