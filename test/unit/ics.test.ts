// The calendar in pieces: every piece but the last ends between two events, and the pieces
// together are one calendar a real iCalendar parser reads whole.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarChunks, escapeText, foldLine, type CalendarDeadline } from '../../src/formats/ics.js';

const NOW = Date.UTC(2026, 11, 2, 12, 0);

function deadline(k: number): CalendarDeadline {
  const dueMs = NOW + k * 3_600_000;
  return {
    uid: `acme-${k}@vetted`,
    summary: `Due: обещание ${k}, с запятой — Acme`,
    description: `Acme, incident acme-${k}: долгое описание ${'и ещё '.repeat(20)}\nSee: vetted incident show acme-${k}`,
    dueMs,
    ...(k % 3 === 0 ? { date: new Date(dueMs).toISOString().slice(0, 10) } : {}),
  };
}

describe('calendarChunks', () => {
  it('cuts a large calendar between events, and the pieces read back as one calendar', () => {
    const list = Array.from({ length: 600 }, (_, k) => deadline(k));
    const chunks = [...calendarChunks(list, NOW, 'vetted: deadlines')];
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks.slice(0, -1)) expect(c.endsWith('END:VEVENT\r\n')).toBe(true);
    expect(chunks.at(-1)!.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(chunks.join('')));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(list.map((d) => d.uid));
    expect(events[1].summary).toBe(list[1].summary);
    expect(events[599].description).toBe(list[599].description);
  });

  it('reads its deadlines only as it goes', () => {
    let taken = 0;
    function* lazy() {
      for (let k = 0; k < 600; k++) {
        taken++;
        yield deadline(k);
      }
    }
    const chunks = calendarChunks(lazy(), NOW, 'vetted: deadlines');
    chunks.next();
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThan(600);
  });

  it('keeps a tab of a text, wherever the line is folded, and a parser reads it back', () => {
    // A tab at every offset around the first fold (75 octets) and the next (74 more).
    const texts = Array.from({ length: 6 }, (_, k) => `${'a'.repeat(60 + k * 3)}\tb, c${'\t'.repeat(k)}d${'e'.repeat(70)}\tf`);
    const list = texts.map((t, k) => ({ ...deadline(k + 1), summary: t, description: t }));
    const text = [...calendarChunks(list, NOW, 'vetted: deadlines')].join('');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(texts);
    expect(events.map((e) => e.description)).toEqual(texts);
  });

  it('writes an empty calendar when nothing is owed', () => {
    const text = [...calendarChunks([], NOW, 'vetted: deadlines')].join('');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')).toHaveLength(0);
  });
});

describe('escapeText', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b; c', 'a\\, b\\; c'],
    ['C:\\path', 'C:\\\\path'],
    ['\\,', '\\\\\\,'],
    ['one\ntwo\r\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
    ['\r\n\n', '\\n\\n'],
    // A tab is TEXT as it is (TSAFE-CHAR includes WSP): kept, not run into the words beside it.
    ['tab\there\u0000\u001f\u007f end', 'tab\there end'],
    ['\t', '\t'],
    ['жёлтый, 中文; 😀', 'жёлтый\\, 中文\\; 😀'],
    // A bidi override or a character that shows nothing is made visible, as in every output but raw JSON.
    ['abc\u202edef', 'abc<U+202E>def'],
    ['Ac\u200bme\u0085, x', 'Ac<U+200B>me<U+0085>\\, x'],
    ['family 👨\u200d👩', 'family 👨\u200d👩'],
    // At the first character and the last.
    [',a;', '\\,a\\;'],
    ['\u0001a\n', 'a\\n'],
    ['\r', '\\n'],
    ['\n\r', '\\n\\n'],
    // A tag letter outside a flag's sequence is shown; England's flag is kept whole.
    ['x\u{E0061}y 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}', 'x<U+E0061>y 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}'],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('foldLine', () => {
  const octets = (s: string) => Buffer.byteLength(s);
  it.each([
    ['short ASCII', 'SUMMARY:short'],
    ['long ASCII', `DESCRIPTION:${'a'.repeat(300)}`],
    ['Cyrillic among ASCII', `DESCRIPTION:Волгателеком 12\\, incident volga-1: ${'интернет не работает '.repeat(8)}`],
    ['characters of 3 and 4 octets at every offset', `X:${'ab中😀'.repeat(40)}`],
    ['a lone surrogate', `X:${'a'.repeat(73)}\ud800${'b'.repeat(80)}`],
  ])('%s: lines of at most 75 octets, cut between characters, that unfold to the line', (_name, line) => {
    const folded = foldLine(line);
    const lines = folded.split('\r\n');
    lines.forEach((l, i) => {
      expect(octets(l)).toBeLessThanOrEqual(75);
      if (i > 0) expect(l.startsWith(' ')).toBe(true);
      // Full lines: the next character would not have fitted.
      if (i < lines.length - 1) expect(octets(l) + octets(String.fromCodePoint(lines[i + 1].codePointAt(1)!))).toBeGreaterThan(75);
    });
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
