// `due --format ics`: every open deadline as an RFC 5545 calendar that a real iCalendar
// parser reads back, with stable UIDs, reminders, folded lines and escaped text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED, sandbox, type Sandbox } from '../helpers/cli.js';
import { expectOneLineError, ok } from '../helpers/expect.js';

const SEEDS = `${SHARED}/scenarios/seeds.yaml`;
const HOSTILE = 'позвонить, проверить; C:\\path\nвторая строка — и очень длинный хвост, чтобы строка точно была длиннее 75 октетов';
let s: Sandbox;

/** The seeds, and an open incident with two promises: one broken, one still to come. */
function fill(sb: Sandbox): void {
  ok(sb.run(['import', SEEDS]));
  ok(sb.run(['incident', 'add', 'Волгателеком', '--title', 'Интернет снова не работает', '--fault', 'company', '--opened', '2026-11-20T10:00']));
  ok(sb.run(['incident', 'event', 'volgatelecom-1', 'promise', '--text', HOSTILE, '--due', '2026-11-21T18:00', '--at', '2026-11-20T10:10']));
  ok(sb.run(['incident', 'event', 'volgatelecom-1', 'promise', '--text', 'a callback', '--due', '2099-01-15', '--at', '2026-11-20T10:20']));
}

beforeAll(() => {
  s = sandbox();
  fill(s);
});
afterAll(() => s.cleanup());

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => ({ event: new ICAL.Event(v), v }));
}

describe('vetted due --format ics', () => {
  it('parses with ical.js: one event per open deadline, with a reminder before it', () => {
    const text = ok(s.run(['due', '--format', 'ics'])).stdout;
    const list = events(text);
    const summaries = list.map((e) => e.event.summary);
    // The open incidents' promises: the broken one and the one still to come; closed incidents have none.
    expect(summaries).toHaveLength(2);
    expect(summaries[0]).toBe(`Due: ${HOSTILE} — Volgatelecom`);
    expect(summaries[1]).toBe('Due: a callback — Volgatelecom');
    const timed = list[0].event.startDate;
    expect(timed.isDate).toBe(false);
    expect(timed.toJSDate().getTime()).toBe(new Date(2026, 10, 21, 18, 0).getTime());
    const allDay = list[1].event.startDate;
    expect([allDay.isDate, allDay.year, allDay.month, allDay.day]).toEqual([true, 2099, 1, 15]);
    for (const { v, event } of list) {
      const alarm = v.getFirstSubcomponent('valarm')!;
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-P1D');
      expect(event.description).toContain('See: vetted incident show');
    }
    // A broken promise is past "if it is not kept": its next step is the next step.
    expect(list[0].event.description).toMatch(/ Broken: the deadline has passed\.\nNext: Ask for a supervisor/);
    expect(list[1].event.description).toMatch(/\.\nIf it is not kept: /);
    const ru = events(ok(s.run(['--lang', 'ru', 'due', '--format', 'ics'])).stdout).map((e) => e.event.description);
    expect(ru[0]).toMatch(/ Нарушено: срок прошёл\.\nДальше: /);
    expect(ru[1]).toMatch(/\.\nЕсли не выполнят: /);
  });

  it("says a deadline given with its offset from UTC at the local time the event stands at, as the Russian calendar does", () => {
    const u = sandbox();
    try {
      const env = { TZ: 'UTC' };
      ok(u.run(['incident', 'add', 'Delta', '--title', 't', '--opened', '2026-11-01 09:00'], { env }));
      ok(u.run(['incident', 'event', 'delta-1', 'promise', '--text', 'offset promise', '--due', '2099-12-20T01:00+05:00', '--at', '2026-11-02T01:00+05:00'], { env }));
      const [{ event }] = events(ok(u.run(['due', '--format', 'ics'], { env })).stdout);
      expect(event.startDate.toJSDate().toISOString()).toBe('2099-12-19T20:00:00.000Z');
      expect(event.description).toContain('Promised on 2026-11-01 20:00: offset promise, due 2099-12-19 20:00.');
      expect(event.description).not.toContain('+05:00');
    } finally {
      u.cleanup();
    }
  });

  it("keeps a tab in a promise's words, as TEXT may hold it", () => {
    const u = sandbox();
    try {
      ok(u.run(['incident', 'add', 'Delta', '--title', 't', '--opened', '2026-11-01 09:00']));
      ok(u.run(['incident', 'event', 'delta-1', 'promise', '--text', 'call\tback, then fix', '--due', '2099-12-20', '--at', '2026-11-02 10:00']));
      const text = ok(u.run(['due', '--format', 'ics'])).stdout;
      expect(text.replace(/\r\n /g, '')).toContain('SUMMARY:Due: call\tback\\, then fix — Delta');
      const [{ event }] = events(text);
      expect(event.summary).toBe('Due: call\tback, then fix — Delta');
      expect(event.description).toContain('call\tback, then fix');
    } finally {
      u.cleanup();
    }
  });

  it('follows the wire format: CRLF, lines of at most 75 octets, escaped text', () => {
    const text = ok(s.run(['due', '--format', 'ics'])).stdout;
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Due: позвонить\\, проверить\\; C:\\\\path\\nвторая строка');
    // Folding never splits a character: every line is valid UTF-8 on its own.
    for (const line of text.split('\r\n')) expect(Buffer.from(line).toString('utf8')).not.toContain('\ufffd');
  });

  it('keeps the UIDs from one export to the next, so a re-import updates the events', () => {
    const uids = (t: string) => events(t).map((e) => e.event.uid);
    const first = uids(ok(s.run(['due', '--format', 'ics'])).stdout);
    ok(s.run(['incident', 'event', 'volgatelecom-1', 'note', '--text', 'called again', '--at', '2026-11-22T10:00']));
    const second = uids(ok(s.run(['due', '--format', 'ics'])).stdout);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('keeps the UID of a promise whose deadline and words are corrected, so a calendar moves the event', () => {
    const before = events(ok(s.run(['due', '--format', 'ics'])).stdout).map((e) => e.event);
    expect(before.map((e) => e.uid)).toEqual([expect.stringMatching(/^volgatelecom-1#1\.[0-9a-f]{16}@vetted$/), expect.stringMatching(/^volgatelecom-1#2\.[0-9a-f]{16}@vetted$/)]);
    ok(s.run(['event', 'edit', 'volgatelecom-1#2', '--due', '2099-02-01', '--text', 'a call back']));
    try {
      const after = events(ok(s.run(['due', '--format', 'ics'])).stdout).map((e) => e.event);
      expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
      expect(after[1].summary).toBe('Due: a call back — Volgatelecom');
      expect([after[1].startDate.month, after[1].startDate.day]).toEqual([2, 1]);
    } finally {
      ok(s.run(['undo']));
    }
  });

  it("gives a deadline a UID of its database's own: another's volgatelecom-1#1 is another event, a restored backup's the same", () => {
    const uids = (r: { stdout: string }) => events(r.stdout).map((e) => e.event.uid);
    const mine = uids(ok(s.run(['due', '--format', 'ics'])));
    const other = sandbox();
    try {
      fill(other);
      const theirs = uids(ok(other.run(['due', '--format', 'ics'])));
      expect(theirs.map((u) => u.replace(/\.[0-9a-f]{16}@/, '@'))).toEqual(mine.map((u) => u.replace(/\.[0-9a-f]{16}@/, '@')));
      expect(theirs.filter((u) => mine.includes(u))).toEqual([]);
    } finally {
      other.cleanup();
    }
    const copy = join(s.dir, 'kept.db');
    ok(s.run(['backup', '--out', copy]));
    ok(s.run(['restore', copy, '--yes']));
    expect(uids(ok(s.run(['due', '--format', 'ics'])))).toEqual(mine);
  });

  it('writes a file with --out', () => {
    const out = join(s.dir, 'deadlines.ics');
    expect(ok(s.run(['due', '--format', 'ics', '--out', out])).stderr).toContain(`wrote ${out}`);
    expect(events(readFileSync(out, 'utf8'))).toHaveLength(2);
  });

  it('writes to standard output with --out -, and never over the database', () => {
    const r = ok(s.run(['due', '--format', 'ics', '--out', '-']));
    expect(events(r.stdout)).toHaveLength(2);
    expect(s.run(['due', '--format', 'ics', '--out', s.db]).code).toBe(2);
  });

  it('refuses --json with --format ics', () => {
    expect(expectOneLineError(s.run(['due', '--json', '--format', 'ics']))).toMatch(/--json and --format ics ask for two different outputs/);
    // The options given, named as given (both said "--json and --format ics").
    expect(expectOneLineError(s.run(['due', '--json', '--format', 'text']))).toMatch(/--json and --format text ask for two different outputs/);
    expect(expectOneLineError(s.run(['due', '--ndjson', '--format', 'text']))).toMatch(/--ndjson and --format text ask for two different outputs/);
  });
});

describe("the calendar's next step is the one `due` gives", () => {
  const at = (sb: Sandbox, args: string[]) => ok(sb.run(args, { env: { TZ: 'UTC' } }));
  const descriptions = (sb: Sandbox) => events(at(sb, ['due', '--format', 'ics']).stdout).map((e) => e.event.description);

  it('names no rung where `due` names none: a supervisor reached after the front line broke its promise has not failed yet', () => {
    const sb = sandbox();
    try {
      at(sb, ['incident', 'add', 'Acme', '--title', 'router', '--fault', 'company', '--opened', '2026-11-20 09:00']);
      at(sb, ['incident', 'event', 'acme-1', 'promise', '--text', 'fixed within 24 hours', '--due', '2026-11-21 09:00', '--at', '2026-11-20 09:10']);
      at(sb, ['incident', 'event', 'acme-1', 'escalation', '--level', 'supervisor', '--note', 'shift supervisor Irina', '--at', 'yesterday 09:00']);
      expect(at(sb, ['due']).stdout).not.toMatch(/quality or complaints/);
      const [d] = descriptions(sb);
      expect(d).toMatch(/Broken: the deadline has passed\.\nSee: /);
      expect(d).not.toMatch(/Next:/);
      // A promise the supervisor makes: once it is let pass, `due` would send you up a rung, and the calendar says so before.
      at(sb, ['incident', 'event', 'acme-1', 'promise', '--text', 'a technician', '--due', '2099-01-10 18:00', '--at', 'yesterday 09:10']);
      const [, coming] = descriptions(sb);
      expect(coming).toMatch(/\nIf it is not kept: Write to the quality or complaints department, with the timeline\.\n/);
    } finally {
      sb.cleanup();
    }
  });

  it("at management, with management's own promise still to fall due, names no regulator for the promise broken below", () => {
    const sb = sandbox();
    try {
      at(sb, ['incident', 'add', 'Acme', '--title', 'router', '--fault', 'company', '--opened', '2026-11-20 09:00']);
      at(sb, ['incident', 'event', 'acme-1', 'promise', '--text', 'fixed today', '--due', '2026-11-20 18:00', '--at', '2026-11-20 09:10']);
      at(sb, ['incident', 'event', 'acme-1', 'escalation', '--level', 'management', '--at', '2026-11-21 09:00']);
      // (Its promise keeps management from being quiet, however long ago it went there.)
      at(sb, ['incident', 'event', 'acme-1', 'promise', '--text', 'a new router', '--due', '2099-01-10 18:00', '--at', '2026-11-21 09:10']);
      expect(at(sb, ['due']).stdout).not.toMatch(/regulator/);
      const [broken, coming] = descriptions(sb);
      expect(broken).not.toMatch(/Next:/);
      expect(coming).toMatch(/\nIf it is not kept: Complain to the regulator/);
    } finally {
      sb.cleanup();
    }
  });

  it('gives the promises a closed incident still owes (made after the fix), in `due`, its JSON and the calendar, as `incident show` does', () => {
    const sb = sandbox();
    try {
      at(sb, ['incident', 'add', 'Acme', '--title', 't', '--fault', 'company', '--opened', '2026-11-01 09:00']);
      at(sb, ['incident', 'event', 'acme-1', 'promise', '--text', 'fixed tomorrow', '--due', '2026-11-02 18:00', '--at', '2026-11-01 10:00']);
      at(sb, ['incident', 'close', 'acme-1', '--outcome', 'resolved', '--at', '2026-11-02 09:00']);
      at(sb, ['incident', 'event', 'acme-1', 'promise', '--text', 'refund after fix', '--due', '2026-11-05 09:00', '--at', '2026-11-03 09:00']);
      at(sb, ['incident', 'event', 'acme-1', 'promise', '--text', 'a credit note', '--due', '2099-01-10 18:00', '--at', '2026-11-04 11:00']);
      expect(at(sb, ['incident', 'show', 'acme-1']).stdout).toMatch(/Still owed\n {2}• the promise "refund after fix"[^\n]*\n {2}• the promise "a credit note"/);
      const text = at(sb, ['due']).stdout;
      expect(text).toMatch(/broken +"refund after fix" — due 2026-11-05 09:00/);
      expect(text).toMatch(/due +"a credit note" — in /);
      // The promise the fix kept is not chased; the ladder is not climbed again for a fault put right.
      expect(text).not.toMatch(/fixed tomorrow|supervisor/);
      expect(text).toMatch(/→ Remind them in writing of what they promised after the fix[^\n]*vetted incident reopen acme-1[^\n]*\(the incident is closed, but 1 promise made after the fix is broken\)/);
      const [r] = JSON.parse(at(sb, ['due', '--json']).stdout);
      expect(r.broken.map((b: { text: string }) => b.text)).toEqual(['refund after fix']);
      expect(r.coming_due.map((b: { text: string }) => b.text)).toEqual(['a credit note']);
      expect(r.stale_days).toBeNull();
      expect(r.next_steps.map((a: { kind: string }) => a.kind)).toEqual(['after-fix', 'timeline']);
      const list = events(at(sb, ['due', '--format', 'ics']).stdout).map((e) => e.event);
      expect(list.map((e) => e.uid.replace(/\.[0-9a-f]{16}@/, '@'))).toEqual(['acme-1#3@vetted', 'acme-1#4@vetted']);
      expect(list[0].description).toMatch(/\nNext: Remind them in writing/);
      expect(list[1].description).toMatch(/\nIf it is not kept: Remind them in writing/);
      expect(at(sb, ['--lang', 'ru', 'due']).stdout).toMatch(/обращение закрыто, но 1 обещание, данное после устранения, нарушено/);
      // Kept, it is owed no longer: nothing is due.
      at(sb, ['event', 'edit', 'acme-1#3', '--kept']);
      at(sb, ['event', 'edit', 'acme-1#4', '--kept']);
      expect(at(sb, ['due']).stdout).toBe('No open incidents: nothing is due.\n');
    } finally {
      sb.cleanup();
    }
  });

  it('gives such a promise read in another zone than it was written in, where the digest puts it after the fix', () => {
    const sb = sandbox();
    try {
      const inTokyo = (args: string[]) => ok(sb.run(args, { env: { TZ: 'Asia/Tokyo' } }));
      inTokyo(['incident', 'add', 'Shop', '--title', 't', '--fault', 'company', '--opened', '2026-11-01 09:00']);
      // Fixed at 07:00 UTC (16:00 in Tokyo); the promise written without an offset, 09:00 in Tokyo.
      inTokyo(['incident', 'close', 'shop-1', '--outcome', 'resolved', '--at', '2026-11-07T10:00+03:00']);
      inTokyo(['incident', 'event', 'shop-1', 'promise', '--text', 'refund', '--due', '2026-11-08 09:00', '--at', '2026-11-07 09:00']);
      // Read in UTC, the promise is at 09:00, after the fix: owed, as `incident show` says, and so by `due`.
      expect(at(sb, ['incident', 'show', 'shop-1']).stdout).toMatch(/Still owed\n {2}• the promise "refund"/);
      expect(at(sb, ['due']).stdout).toMatch(/broken +"refund" — due 2026-11-08 09:00/);
      expect(at(sb, ['due']).stdout).toMatch(/broken +"refund" — due 2026-11-08 09:00/);
    } finally {
      sb.cleanup();
    }
  });
});
