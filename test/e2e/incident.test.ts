// The incident log through the command line: the Volgatelecom story of seeds/003 logged
// event by event as it happened in July 2012, what `due` says while it is still open, the
// plain-words timeline, the list filters, and every bad flag refused with exit 2 and no
// change to the database.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SHARED, sandbox, type RunResult, type Sandbox } from '../helpers/cli.js';
import { STACK_FRAME, expectOneLineError, json, ok } from '../helpers/expect.js';

const SEEDS = `${SHARED}/scenarios/seeds.yaml`;
const TITLE = 'Internet down for five days, switch in the building without power';

interface Metrics {
  contacts: number;
  minutes_to_human: number | null;
  robot_contacts: number;
  dropped_contacts: number;
  promises: number;
  promises_broken: number;
  highest_level: string;
  apologized: boolean;
  explained: boolean;
  compensated: boolean;
  proactive_compensation: boolean;
  customer_effort: string | null;
  days_open: number;
}
interface Ev {
  at: string;
  type: string;
  [field: string]: unknown;
}
interface IncidentJson {
  id: string;
  company: string;
  title: string;
  opened: string;
  fault: string;
  open: boolean;
  events: Ev[];
  metrics: Metrics;
}
interface DueJson {
  incident: string;
  company: string;
  title: string;
  broken: { text: string | null; due: string; late_minutes: number }[];
  coming_due: unknown[];
  stale_days: number | null;
  next_steps: { step: string; why: string }[];
}
interface ListEntry {
  company: string;
  since: string | null;
  pinned: boolean;
  reasons: { rule: string; text: string; evidence: string[] }[];
}

/** The database as bytes, the folder's files, and its content as the data file (less exported_at). */
function snapshot(s: Sandbox) {
  const hash = createHash('sha256').update(readFileSync(s.db)).digest('hex');
  const files = readdirSync(s.dir).sort();
  const doc = JSON.parse(ok(s.run(['export', '--format', 'json'])).stdout) as Record<string, unknown>;
  delete doc.exported_at;
  return { hash, files, doc };
}

/** The Volgatelecom story up to the supervisor's promise: the incident is still open. */
const VOLGA_OPEN: string[][] = [
  ['contact', '--channel', 'phone', '--reached-human', '--wait-minutes', '5', '--at', '2012-07-12T09:05'],
  ['promise', '--text', 'fixed within 24 hours', '--due', '2012-07-13T09:10', '--at', '2012-07-12T09:10'],
  ['contact', '--channel', 'phone', '--reached-human', '--note', 'another operator, no information', '--at', '2012-07-13T18:00'],
  ['promise', '--text', 'fixed within 24 hours', '--due', '2012-07-14T18:05', '--at', '2012-07-13T18:05'],
  ['contact', '--channel', 'phone', '--reached-human', '--note', 'no one to put me through to', '--at', '2012-07-15T12:00'],
  ['promise', '--text', 'should be repaired', '--due', '2012-07-16T12:05', '--at', '2012-07-15T12:05'],
  ['escalation', '--level', 'supervisor', '--note', 'shift supervisor of technical support', '--at', '2012-07-16T10:00'],
  ['promise', '--text', 'repair crew will fix it today', '--due', '2012-07-16T23:59', '--level', 'supervisor', '--at', '2012-07-16T11:00'],
];

/** Opens the incident and logs the open part of the story; returns the incident's id. */
function logVolgaOpen(s: Sandbox): string {
  const added = json<IncidentJson>(s, ['incident', 'add', 'Volgatelecom', '--title', TITLE, '--fault', 'company', '--opened', '2012-07-12T09:00', '--json']);
  expect(added.id).toMatch(/^[a-z0-9-]+$/);
  expect(added.company).toBe('Volgatelecom');
  expect(added.opened).toBe('2012-07-12T09:00');
  expect(added.fault).toBe('company');
  expect(added.events).toEqual([]);
  expect(added.open).toBe(true);
  let promises = 0;
  for (const [k, step] of VOLGA_OPEN.entries()) {
    const out = json<{ incident: string; event: Ev; metrics: Metrics }>(s, ['incident', 'event', added.id, ...step, '--json']);
    expect(out.incident).toBe(added.id);
    expect(out.event.type).toBe(step[0]);
    expect(out.event.at).toBe(step[step.indexOf('--at') + 1]);
    if (step[0] === 'promise') promises++;
    // every due date is in 2012, so each promise is broken as soon as it is logged
    expect(out.metrics.promises, `after step ${k}`).toBe(promises);
    expect(out.metrics.promises_broken, `after step ${k}`).toBe(promises);
  }
  return added.id;
}

function closeVolga(s: Sandbox, id: string): void {
  const r = ok(s.run(['incident', 'close', id, '--outcome', 'resolved', '--at', '2012-07-17T15:00']));
  expect(r.stderr).toContain(id);
  ok(
    s.run([
      'incident', 'event', id, 'compensation', '--kind', 'refund', '--no-proactive', '--effort', 'in-person',
      '--note', 'only the contract holder, by a paper application at their office', '--at', '2012-07-20T10:00',
    ]),
  );
}

describe('the Volgatelecom story (seeds/003), logged event by event', () => {
  let s: Sandbox;
  let id: string;
  beforeAll(() => {
    s = sandbox();
    id = logVolgaOpen(s);
  });
  afterAll(() => s.cleanup());

  it('incident add --json gives a stable id to log against', () => {
    expect(id).toBe('volgatelecom-1');
    const again = json<IncidentJson>(s, ['incident', 'show', id, '--json']);
    expect(again.id).toBe(id);
    expect(again.title).toBe(TITLE);
  });

  it('while open, show --json has every event in order and promises_broken 4', () => {
    const inc = json<IncidentJson>(s, ['incident', 'show', id, '--json']);
    expect(inc.open).toBe(true);
    expect(inc.events.map((e) => e.type)).toEqual(['contact', 'promise', 'contact', 'promise', 'contact', 'promise', 'escalation', 'promise']);
    expect(inc.events.map((e) => e.at)).toEqual(VOLGA_OPEN.map((st) => st[st.indexOf('--at') + 1]));
    expect(inc.events[0]).toMatchObject({ channel: 'phone', reached_human: true, wait_minutes: 5 });
    expect(inc.events[1]).toMatchObject({ text: 'fixed within 24 hours', due: '2012-07-13T09:10' });
    expect(inc.events[6]).toMatchObject({ level: 'supervisor', note: 'shift supervisor of technical support' });
    expect(inc.events[7]).toMatchObject({ level: 'supervisor', due: '2012-07-16T23:59', text: 'repair crew will fix it today' });
    expect(inc.metrics).toMatchObject({
      contacts: 3,
      minutes_to_human: 5,
      robot_contacts: 0,
      dropped_contacts: 0,
      promises: 4,
      promises_broken: 4,
      highest_level: 'supervisor',
      apologized: false,
      explained: false,
      compensated: false,
      proactive_compensation: false,
      customer_effort: null,
    });
    // opened in 2012 and still open: thousands of days
    expect(inc.metrics.days_open).toBeGreaterThan(4000);
  });

  it('due --json lists it with 4 broken promises and the next steps: the quality department, compensation in writing', () => {
    const due = json<DueJson[]>(s, ['due', '--json']);
    expect(due).toHaveLength(1);
    const d = due[0];
    expect(d.incident).toBe(id);
    expect(d.company).toBe('Volgatelecom');
    expect(d.broken).toHaveLength(4);
    expect(d.broken.map((b) => b.due)).toEqual(['2012-07-13T09:10', '2012-07-14T18:05', '2012-07-16T12:05', '2012-07-16T23:59']);
    expect(d.broken.map((b) => b.text)).toEqual(['fixed within 24 hours', 'fixed within 24 hours', 'should be repaired', 'repair crew will fix it today']);
    for (const b of d.broken) expect(b.late_minutes).toBeGreaterThan(0);
    expect(d.coming_due).toEqual([]);
    for (const step of d.next_steps) {
      expect(step.step.trim()).not.toBe('');
      expect(step.why.trim()).not.toBe('');
    }
    // the highest level reached is supervisor, so the next one is the quality/complaints department
    const escalate = d.next_steps.find((n) => /quality|complaints/i.test(n.step));
    expect(escalate, JSON.stringify(d.next_steps)).toBeDefined();
    expect(escalate!.step).not.toMatch(/supervisor/i);
    expect(escalate!.why).toContain('4 promises broken since 2012-07-13');
    const compensation = d.next_steps.find((n) => /compensation/i.test(n.step) && /in writing/i.test(n.step));
    expect(compensation, JSON.stringify(d.next_steps)).toBeDefined();
    // the escalation comes first: it is the step the broken promises call for
    expect(d.next_steps.indexOf(escalate!)).toBeLessThan(d.next_steps.indexOf(compensation!));
  });

  it('due (text) shows the same: 4 broken promises, the quality department, compensation in writing, and why', () => {
    const r = ok(s.run(['due']));
    expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('Volgatelecom');
    const broken = r.stdout.split('\n').filter((l) => /^\s+broken\b/.test(l));
    expect(broken, r.stdout).toHaveLength(4);
    expect(broken[0]).toContain('fixed within 24 hours');
    expect(broken[0]).toContain('2012-07-13 09:10');
    expect(r.stdout).toMatch(/quality or complaints department/i);
    expect(r.stdout).toMatch(/compensation in writing/i);
    expect(r.stdout).toContain('4 promises broken since 2012-07-13');
    expect(r.stdout).not.toMatch(/\u001b\[/); // NO_COLOR
    // In Russian, whose words for them are longer, the lines still begin in one column after them.
    const ru = ok(s.run(['--lang', 'ru', 'due'])).stdout.split('\n');
    const starts = ru.filter((l) => /^ {2}(нарушено|срок|без движения) /.test(l)).map((l) => /^ {2}\S+(?: \S+)? +/.exec(l)![0].length);
    expect(starts.length).toBeGreaterThan(4);
    expect(new Set(starts).size, ru.join('\n')).toBe(1);
    expect(ru.find((l) => l.startsWith('  без движения'))).toMatch(/^ {2}без движения {2,}/);
  });

  it('show (text) reads as a timeline: day 1…day 5, every promise broken, and the figures', () => {
    const r = ok(s.run(['incident', 'show', id]));
    const out = r.stdout;
    expect(out).toContain(`${id} · Volgatelecom · ${TITLE}`);
    expect(out).toMatch(/fault: company/);
    expect(out).toMatch(/\bopen\b/);
    const lines = out.split('\n');
    const line = (day: number, time: string) => lines.find((l) => new RegExp(`${time}\\s+day ${day}\\s`).test(l));
    expect(line(1, '09:05'), out).toMatch(/contact by phone: reached a person after 5 minutes/);
    expect(line(1, '09:10'), out).toMatch(/promise "fixed within 24 hours".*due 2012-07-13 09:10.*broken/);
    expect(line(2, '18:00'), out).toContain('another operator, no information');
    expect(line(2, '18:05'), out).toMatch(/broken/);
    expect(line(4, '12:00'), out).toContain('no one to put me through to');
    expect(line(5, '10:00'), out).toMatch(/escalated to supervisor/);
    expect(line(5, '11:00'), out).toMatch(/"repair crew will fix it today" \(supervisor\).*broken/);
    expect(lines.filter((l) => /promise ".*due [\d-]+ [\d:]+: broken/.test(l))).toHaveLength(4);
    // the figures
    expect(out).toContain('Figures');
    expect(out).toMatch(/contacts: 3\b/);
    expect(out).toMatch(/time to a live person: 5 minutes/);
    expect(out).toMatch(/promises: 4, broken: 4/);
    expect(out).toMatch(/highest level reached: supervisor/);
    expect(out).toMatch(/apologised: no/);
    expect(out).toMatch(/compensated: no/);
    // what is still owed
    expect(out).toMatch(/an apology/);
    expect(out).toMatch(/compensation/);
  });

  it('incident list --open --json and --company filter the incidents', () => {
    // a second, closed incident with another company
    const m = json<IncidentJson>(s, ['incident', 'add', 'Masterhost', '--title', 'Blog unreachable for half a day', '--fault', 'company', '--opened', '2012-08-02T08:00', '--json']);
    ok(s.run(['incident', 'close', m.id, '--outcome', 'resolved', '--at', '2012-08-02T14:00']));

    type Row = { id: string; company: string; open: boolean; promises_broken: number; highest_level: string; events: number };
    const all = json<Row[]>(s, ['incident', 'list', '--json']);
    expect(all.map((i) => i.id).sort()).toEqual([m.id, id].sort());

    const open = json<Row[]>(s, ['incident', 'list', '--open', '--json']);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ id, company: 'Volgatelecom', open: true, promises_broken: 4, highest_level: 'supervisor', events: 8 });

    const masterhost = json<Row[]>(s, ['incident', 'list', '--company', 'Masterhost', '--json']);
    expect(masterhost.map((i) => i.id)).toEqual([m.id]);
    expect(masterhost[0]).toMatchObject({ open: false, closed: '2012-08-02T14:00', outcome: 'resolved' });
    expect(open[0]).toMatchObject({ closed: null, outcome: null });
    expect(json<Row[]>(s, ['incident', 'list', '--company', 'Masterhost', '--open', '--json'])).toEqual([]);
    // matched ignoring case and by an alias in another script
    expect(json<Row[]>(s, ['incident', 'list', '--company', 'volgatelecom', '--json']).map((i) => i.id)).toEqual([id]);
    ok(s.run(['company', 'alias', 'Volgatelecom', 'Волгателеком']));
    expect(json<Row[]>(s, ['incident', 'list', '--company', 'Волгателеком', '--json']).map((i) => i.id)).toEqual([id]);

    const text = ok(s.run(['incident', 'list', '--open'])).stdout;
    expect(text).toContain(id);
    expect(text).not.toContain(m.id);

    const line = expectOneLineError(s.run(['incident', 'list', '--company', 'Nobody Inc', '--json']));
    expect(line).toContain('Nobody Inc');
  });
});

describe('the Volgatelecom story, closed', () => {
  let s: Sandbox;
  beforeEach(() => {
    s = sandbox();
  });
  afterEach(() => s.cleanup());

  it('closed resolved on 2012-07-17: no longer due, and Volgatelecom is on the black list by B2', () => {
    const id = logVolgaOpen(s);
    closeVolga(s, id);
    const inc = json<IncidentJson>(s, ['incident', 'show', id, '--json']);
    expect(inc.open).toBe(false);
    expect(inc.events.at(-2)).toMatchObject({ type: 'resolution', outcome: 'resolved', at: '2012-07-17T15:00' });
    expect(inc.events.at(-1)).toMatchObject({ type: 'compensation', kind: 'refund', proactive: false, effort: 'in-person' });
    // fixed after every due time: all four stay broken
    expect(inc.metrics).toMatchObject({ promises: 4, promises_broken: 4, compensated: true, proactive_compensation: false, customer_effort: 'in-person', days_open: 5 });

    expect(json<DueJson[]>(s, ['due', '--json'])).toEqual([]);
    expect(json<unknown[]>(s, ['incident', 'list', '--open', '--json'])).toEqual([]);

    const lists = json<Record<'black' | 'white' | 'watch', ListEntry[]>>(s, ['lists', '--json']);
    const volga = lists.black.find((e) => e.company === 'Volgatelecom');
    expect(volga, JSON.stringify(lists)).toBeDefined();
    expect(volga!.pinned).toBe(false);
    expect(volga!.reasons.map((r) => r.rule)).toContain('B2');
    const b2 = volga!.reasons.find((r) => r.rule === 'B2')!;
    expect(b2.evidence).toEqual([`incident:${id}`]);
    expect(b2.text).toMatch(/4 promises/);
    expect(lists.white.concat(lists.watch).map((e) => e.company)).not.toContain('Volgatelecom');

    const text = ok(s.run(['incident', 'show', id])).stdout;
    expect(text).toMatch(/closed resolved/);
    expect(text).toMatch(/15:00\s+day 6\s+closed: resolved/);
  });

  it('logged through the command line, it is the same timeline as volga-2012-07 of seeds.yaml', () => {
    const id = logVolgaOpen(s);
    closeVolga(s, id);
    const other = sandbox();
    try {
      ok(other.run(['import', SEEDS]));
      const seeded = json<IncidentJson>(other, ['incident', 'show', 'volga-2012-07', '--json']);
      const logged = json<IncidentJson>(s, ['incident', 'show', id, '--json']);
      // Event ids are the incident's id and the event's number: the numbers match.
      const numbered = (i: IncidentJson) => i.events.map((e) => ({ ...e, id: String(e.id).replace(/^.*#/, '#') }));
      expect(numbered(logged)).toEqual(numbered(seeded));
      expect(logged.metrics).toEqual(seeded.metrics);
      expect({ ...logged, id: 'x', events: numbered(logged) }).toEqual({ ...seeded, id: 'x', events: numbered(seeded) });
    } finally {
      other.cleanup();
    }
  });
});

describe('flags of incident event', () => {
  let s: Sandbox;
  let id: string;
  beforeAll(() => {
    s = sandbox();
    id = json<IncidentJson>(s, ['incident', 'add', 'Beeline', '--title', 'Internet gone', '--fault', 'unknown', '--opened', '2022-03-01T09:00', '--json']).id;
    ok(s.run(['incident', 'event', id, 'contact', '--channel', 'phone', '--robot', '--queue-position', '15', '--at', '2022-03-01T09:01']));
  });
  afterAll(() => s.cleanup());

  it('refuses counts and amounts no event has (1e20 minutes, an amount of 1e300), on the command line and in a data file alike', () => {
    expect(expectOneLineError(s.run(['incident', 'event', id, 'contact', '--wait-minutes', '99999999999999999999999', '--at', '2022-03-03T10:00']))).toMatch(/--wait-minutes takes a whole number from 0 to 1,000,000,000/);
    expect(expectOneLineError(s.run(['incident', 'event', id, 'compensation', '--amount', '1e300', '--at', '2022-03-03T10:00']))).toMatch(/--amount takes a number .* at most 999999999999.99,/);
    // A thousand written with a separator was stored as 1: three digits after the mark are no cents.
    for (const amount of ['1,000', '1.000', '12.505', '1 000']) {
      expect(expectOneLineError(s.run(['incident', 'event', id, 'compensation', '--amount', amount, '--at', '2022-03-03T10:00']))).toMatch(/without thousands separators \(1000, not 1,000\)/);
    }
    expect(expectOneLineError(s.run(['--lang', 'ru', 'incident', 'event', id, 'compensation', '--amount', '1,000', '--at', '2022-03-03T10:00']))).toMatch(/например 50 или 12,5, без разделителей тысяч/);
    const file = `${s.dir}/big.json`;
    writeFileSync(file, JSON.stringify({ format: 'vetted/1', incidents: [{ id: 'big-1', company: 'Big', title: 'T', opened: '2022-03-01T09:00', events: [{ at: '2022-03-01T10:00', type: 'contact', wait_minutes: 1e20 }] }] }));
    expect(expectOneLineError(s.run(['import', file]))).toMatch(/wait_minutes: must be a whole number from 0 to 1,000,000,000/);
  });

  it('--reached-human sets reached_human true, --no-reached-human sets it false, neither leaves it out', () => {
    const yes = json<{ event: Ev }>(s, ['incident', 'event', id, 'contact', '--reached-human', '--at', '2022-03-02T10:00', '--json']);
    const no = json<{ event: Ev }>(s, ['incident', 'event', id, 'contact', '--no-reached-human', '--wait-minutes', '10', '--at', '2022-03-02T11:00', '--json']);
    expect(yes.event.reached_human).toBe(true);
    expect(no.event.reached_human).toBe(false);
    const inc = json<IncidentJson>(s, ['incident', 'show', id, '--json']);
    const byAt = (at: string) => inc.events.find((e) => e.at === at)!;
    expect(byAt('2022-03-02T10:00').reached_human).toBe(true);
    expect(byAt('2022-03-02T11:00').reached_human).toBe(false);
    expect(byAt('2022-03-02T11:00').wait_minutes).toBe(10);
    expect('reached_human' in byAt('2022-03-01T09:01')).toBe(false);
    expect(byAt('2022-03-01T09:01')).toMatchObject({ robot: true, queue_position: 15 });
  });

  it('refuses a local time the clocks skipped going forward (it would sort and be judged an hour later than it says), and takes it with its offset', () => {
    const la = { env: { TZ: 'America/Los_Angeles' } };
    expect(expectOneLineError(s.run(['incident', 'event', id, 'contact', '--at', '2026-03-08 02:30'], la))).toMatch(
      /--at 2026-03-08 02:30 is a time the clocks here skipped when they went forward \(it would be read as 2026-03-08 03:30\); give the time the clock showed, or the time with its offset from UTC \(such as 2026-03-08T02:30-08:00\)/,
    );
    expect(expectOneLineError(s.run(['incident', 'event', id, 'promise', '--text', 'by 2:45', '--at', '2026-03-08 01:10', '--due', '2026-03-08 02:45'], la))).toMatch(/--due 2026-03-08 02:45 is a time the clocks here skipped/);
    expect(expectOneLineError(s.run(['--lang', 'ru', 'incident', 'event', id, 'contact', '--at', '08.03.2026 02:30'], la))).toMatch(/такого времени здесь не было: часы перевели вперёд/);
    // A contact is «контакт» in Russian now; «обращение», its word before, is still taken as typed.
    expect(ok(s.run(['--lang', 'ru', 'incident', 'event', id, 'обращение', '--channel', 'телефон', '--at', '2026-03-09 10:00'], la)).stderr).toMatch(/\(контакт\)/);
    // The same time elsewhere, and the hour repeated going back, are times.
    ok(s.run(['incident', 'event', id, 'note', '--text', 'x', '--at', '2026-03-08 02:30'], { env: { TZ: 'UTC' } }));
    ok(s.run(['incident', 'event', id, 'note', '--text', 'y', '--at', '2026-11-01 01:30'], la));
    expect((JSON.parse(ok(s.run(['incident', 'event', id, 'contact', '--at', '2026-03-08T02:30-08:00', '--json'], la)).stdout) as { event: Ev }).event.at).toBe('2026-03-08T02:30-08:00');
  });

  it('refuses a note of no text, which would stand on the timeline as an empty line', () => {
    expect(expectOneLineError(s.run(['incident', 'event', id, 'note', '--at', '2022-03-06T10:00']))).toBe('vetted: a note event needs --text.');
    expect(expectOneLineError(s.run(['incident', 'event', id, 'note', '--text', '  ', '--at', '2022-03-06T10:00']))).toBe('vetted: a note event needs --text.');
    expect(expectOneLineError(s.run(['incident', 'event', id, 'resolution', '--at', '2022-03-06T10:00']))).toBe('vetted: a resolution event needs --outcome (how it ended: resolved, partial, unresolved, abandoned).');
  });

  it('a leap day that exists (2024-02-29) is a date', () => {
    const r = json<{ event: Ev }>(s, ['incident', 'event', id, 'promise', '--text', 'a call back', '--due', '2024-02-29', '--at', '2024-02-28T10:00', '--json']);
    expect(r.event.due).toBe('2024-02-29');
  });

  const bad: [string, (id: string) => string[], RegExp[]][] = [
    ['--due on a contact', (i) => ['incident', 'event', i, 'contact', '--channel', 'phone', '--due', '2012-07-13', '--at', '2022-03-05T10:00'], [/--due/, /contact/]],
    ['a promise without --due', (i) => ['incident', 'event', i, 'promise', '--text', 'fixed within 24 hours', '--at', '2022-03-05T10:00'], [/--due/]],
    ['an unknown event type', (i) => ['incident', 'event', i, 'phonecall', '--at', '2022-03-05T10:00'], [/"phonecall"/, /contact/]],
    ['an unknown level', (i) => ['incident', 'event', i, 'escalation', '--level', 'boss', '--at', '2022-03-05T10:00'], [/--level/, /"boss"/, /supervisor/]],
    ['an unknown outcome of a resolution', (i) => ['incident', 'event', i, 'resolution', '--outcome', 'fixed', '--at', '2022-03-05T10:00'], [/--outcome/, /"fixed"/, /resolved/]],
    ['an unknown outcome of close', (i) => ['incident', 'close', i, '--outcome', 'fixed', '--at', '2022-03-05T10:00'], [/--outcome/, /"fixed"/, /resolved/]],
    ['--at a month 13 and day 45', (i) => ['incident', 'event', i, 'note', '--text', 'x', '--at', '2024-13-45'], [/--at/, /2024-13-45/]],
    ['--at last week', (i) => ['incident', 'event', i, 'note', '--text', 'x', '--at', 'last week'], [/--at/, /last week/]],
    ['--due on 29 February of a common year', (i) => ['incident', 'event', i, 'promise', '--text', 'x', '--due', '2023-02-29', '--at', '2022-03-05T10:00'], [/--due/, /2023-02-29/]],
    ['--at of close that is not a date', (i) => ['incident', 'close', i, '--outcome', 'resolved', '--at', '2022-03-32'], [/--at/, /2022-03-32/]],
    ['--wait-minutes below zero', (i) => ['incident', 'event', i, 'contact', '--wait-minutes', '-3', '--at', '2022-03-05T10:00'], [/--wait-minutes/]],
    ['--wait-minutes not a number', (i) => ['incident', 'event', i, 'contact', '--wait-minutes', 'ten', '--at', '2022-03-05T10:00'], [/--wait-minutes/, /ten/]],
    ['--amount not a number', (i) => ['incident', 'event', i, 'compensation', '--amount', 'fifty', '--at', '2022-03-05T10:00'], [/--amount/, /fifty/]],
    ['--currency not a code', (i) => ['incident', 'event', i, 'compensation', '--currency', 'roubles', '--at', '2022-03-05T10:00'], [/--currency/, /roubles/]],
    ['an escalation without --level', (i) => ['incident', 'event', i, 'escalation', '--note', 'x', '--at', '2022-03-05T10:00'], [/--level/]],
    ['the same event twice', (i) => ['incident', 'event', i, 'contact', '--channel', 'phone', '--robot', '--queue-position', '15', '--at', '2022-03-01T09:01'], [/already/]],
    ['an unknown incident id (event)', () => ['incident', 'event', 'no-such-1', 'note', '--text', 'x', '--at', '2022-03-05T10:00'], [/no-such-1/, /incident list/]],
    ['an unknown incident id (show)', () => ['incident', 'show', 'no-such-1'], [/no-such-1/]],
    ['an unknown incident id (close)', () => ['incident', 'close', 'no-such-1', '--outcome', 'resolved'], [/no-such-1/]],
    ['--opened that is not a date', () => ['incident', 'add', 'Beeline', '--title', 'x', '--opened', '2024-02-30'], [/--opened/, /2024-02-30/]],
    ['an empty --title', () => ['incident', 'add', 'Beeline', '--title', '   '], [/--title/]],
  ];

  it.each(bad.map(([name, args, msgs]) => [name, args, msgs] as const))('%s: exit 2, one line, no stack, the database unchanged', (_name, args, msgs) => {
    const before = snapshot(s);
    const line = expectOneLineError(s.run(args(id)));
    for (const m of msgs) expect(line).toMatch(m);
    const after = snapshot(s);
    expect(after.hash).toBe(before.hash);
    expect(after.files).toEqual(before.files);
    expect(after.doc).toEqual(before.doc);
  });

  it.each([
    ['an unknown channel', ['contact', '--channel', 'fax'], /fax/],
    ['an unknown compensation kind', ['compensation', '--kind', 'gift'], /gift/],
    ['an unknown effort', ['compensation', '--effort', 'begging'], /begging/],
  ])('%s (a choice checked by the parser): exit 2 naming the value, no stack, the database unchanged', (_name, flags, msg) => {
    const before = snapshot(s);
    const r = s.run(['incident', 'event', id, ...flags, '--at', '2022-03-05T10:00']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(msg);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    const after = snapshot(s);
    expect(after.hash).toBe(before.hash);
    expect(after.doc).toEqual(before.doc);
  });
});

describe('incident add without a terminal', () => {
  let s: Sandbox;
  beforeEach(() => {
    s = sandbox();
  });
  afterEach(() => s.cleanup());

  it('without --title it exits 2 saying to give --title, and creates neither company nor incident', () => {
    const line = expectOneLineError(s.run(['incident', 'add', 'Volgatelecom', '--fault', 'company']));
    expect(line).toMatch(/--title/);
    if (existsSync(s.db)) {
      const doc = JSON.parse(ok(s.run(['export', '--format', 'json'])).stdout) as { companies: unknown[]; incidents: unknown[] };
      expect(doc.companies).toEqual([]);
      expect(doc.incidents).toEqual([]);
    }
  });

  it('without --title and with --json it still refuses rather than prompting', () => {
    const line = expectOneLineError(s.run(['incident', 'add', 'Volgatelecom', '--json']));
    expect(line).toMatch(/--title/);
  });

  it('with --title it opens the incident, prints its id on stdout and the next step on stderr', () => {
    const r = ok(s.run(['incident', 'add', 'Volgatelecom', '--title', 'Internet down', '--opened', '2012-07-12T09:00']));
    expect(r.stdout).toBe('volgatelecom-1\n');
    expect(r.stderr).toContain('vetted incident event volgatelecom-1');
    const inc = json<IncidentJson>(s, ['incident', 'show', 'volgatelecom-1', '--json']);
    expect(inc.fault).toBe('unknown'); // the default
    // a second incident of the same company gets the next number
    expect(ok(s.run(['incident', 'add', 'Volgatelecom', '--title', 'Down again', '--opened', '2012-09-01'])).stdout).toBe('volgatelecom-2\n');
  });
});

describe('states that are easy to word wrongly', () => {
  let u: Sandbox;
  beforeEach(() => {
    u = sandbox();
  });
  afterEach(() => u.cleanup());

  it('compensation of no kind is said by its amount, or as compensation alone, never "compensation: compensation"', () => {
    ok(u.run(['incident', 'add', 'Shop', '--title', 't', '--opened', '2026-11-01 09:00']));
    ok(u.run(['incident', 'event', 'shop-1', 'compensation', '--at', '2026-11-01 10:00', '--amount', '500', '--currency', 'RUB', '--no-proactive']));
    ok(u.run(['incident', 'event', 'shop-1', 'compensation', '--at', '2026-11-01 11:00', '--no-proactive']));
    const shown = ok(u.run(['incident', 'show', 'shop-1'])).stdout;
    expect(shown).toMatch(/compensation: 500 RUB \(only when asked\)/);
    expect(shown).toMatch(/day 1 {3}compensation \(only when asked\)/);
    expect(shown).not.toMatch(/compensation: compensation/);
  });

  it('a person reached with no wait logged is no time of 0: show says the wait was not logged, as company show does, and its JSON says none was logged', () => {
    ok(u.run(['incident', 'add', 'Shop', '--title', 'Parcel lost', '--fault', 'company', '--opened', '2026-11-01 09:00']));
    ok(u.run(['incident', 'event', 'shop-1', 'contact', '--at', '2026-11-01 10:00', '--channel', 'phone', '--reached-human']));
    const line = (out: string) => out.split('\n').find((l) => l.includes('time to a live person') || l.includes('время до живого человека'))?.trim();
    expect(line(ok(u.run(['incident', 'show', 'shop-1'])).stdout)).toBe('time to a live person: a person answered, but no wait was logged');
    expect(line(ok(u.run(['company', 'show', 'Shop'])).stdout)).toBe('time to a live person (median): a person answered, but no wait was logged');
    expect(line(ok(u.run(['--lang', 'ru', 'incident', 'show', 'shop-1'])).stdout)).toBe('время до живого человека: дозвонились, но ожидание не записано');
    expect(line(ok(u.run(['--lang', 'ru', 'company', 'show', 'Shop'])).stdout)).toBe('время до живого человека (медиана): дозвонились, но ожидание не записано');
    expect(json<{ metrics: Metrics & { minutes_to_human_logged: boolean } }>(u, ['incident', 'show', 'shop-1', '--json']).metrics).toMatchObject({ minutes_to_human: 0, minutes_to_human_logged: false });
    // A wait logged on a contact before it is the time, as it was.
    ok(u.run(['incident', 'add', 'Shop', '--title', 'Refund late', '--fault', 'company', '--opened', '2026-11-02 09:00']));
    ok(u.run(['incident', 'event', 'shop-2', 'contact', '--at', '2026-11-02 10:00', '--channel', 'phone', '--robot', '--wait-minutes', '12']));
    ok(u.run(['incident', 'event', 'shop-2', 'contact', '--at', '2026-11-02 11:00', '--channel', 'phone', '--reached-human']));
    expect(line(ok(u.run(['incident', 'show', 'shop-2'])).stdout)).toBe('time to a live person: 12 minutes');
    expect(json<{ metrics: Metrics & { minutes_to_human_logged: boolean } }>(u, ['incident', 'show', 'shop-2', '--json']).metrics).toMatchObject({ minutes_to_human: 12, minutes_to_human_logged: true });
    // No person reached, and no contact at all, are said as they were.
    ok(u.run(['incident', 'add', 'Shop', '--title', 'No answer', '--opened', '2026-11-03 09:00']));
    expect(line(ok(u.run(['incident', 'show', 'shop-3'])).stdout)).toBe('time to a live person: no contact logged');
    ok(u.run(['incident', 'event', 'shop-3', 'contact', '--at', '2026-11-03 10:00', '--channel', 'phone', '--no-reached-human', '--wait-minutes', '30']));
    expect(line(ok(u.run(['incident', 'show', 'shop-3'])).stdout)).toBe('time to a live person: never reached one');
  });

  it('an incident closed by its closing time alone, with no resolution, is shown closed, its fix still owed', () => {
    const file = `${u.dir}/closed.yaml`;
    writeFileSync(
      file,
      'format: vetted/1\nincidents:\n  - id: shop-1\n    company: Shop\n    title: Parcel lost\n    opened: 2026-11-01T09:00\n    fault: company\n    closed: 2026-11-05T00:00\n    events:\n      - { at: 2026-11-01T10:00, type: contact, channel: phone }\n',
    );
    ok(u.run(['import', file]));
    const shown = ok(u.run(['incident', 'show', 'shop-1'])).stdout;
    expect(shown).toMatch(/^opened 2026-11-01 09:00 · fault: company · closed 2026-11-05 00:00$/m);
    expect(shown).toContain('a fix: the incident was closed on 2026-11-05 00:00 without one');
    expect(shown).not.toMatch(/· open$|still open/m);
    expect(ok(u.run(['--lang', 'ru', 'incident', 'show', 'shop-1'])).stdout).toMatch(/закрыто 05\.11\.2026 00:00/);
    // Reopened, it is its closing time that goes: it had no resolution to remove.
    expect(ok(u.run(['incident', 'reopen', 'shop-1'])).stderr).toContain('reopened shop-1: its closing time (2026-11-05 00:00) was taken away');
  });

  it('a promise marked not kept before its deadline is broken "marked as not kept", not "0 minutes ago", in the calendar too', () => {
    ok(u.run(['incident', 'add', 'Shop', '--title', 'Parcel lost', '--fault', 'company', '--opened', '2026-11-01 10:00']));
    ok(u.run(['incident', 'event', 'shop-1', 'promise', '--text', 'refund', '--due', '2099-01-15', '--no-kept', '--at', '2026-11-01 11:00']));
    expect(ok(u.run(['due'])).stdout).toContain('"refund" — due 2099-01-15, marked as not kept');
    expect(ok(u.run(['--lang', 'ru', 'due'])).stdout).toContain('отмечено как невыполненное');
    expect(ok(u.run(['due', '--format', 'ics'])).stdout.replace(/\r\n /g, '')).toContain('Broken: marked as not kept.');
  });

  it('a time given with its offset from UTC is shown at the local time of that instant, so that a timeline and a letter run in order', () => {
    const file = `${u.dir}/tz.yaml`;
    writeFileSync(
      file,
      'format: vetted/1\nincidents:\n  - id: tz-1\n    company: Shop\n    title: t\n    opened: 2026-11-01T10:00\n    fault: company\n    events:\n      - { at: "2026-11-01T13:00", type: note, text: one in the afternoon }\n      - { at: "2026-11-01T16:00+05:00", type: note, text: eleven in the morning }\n',
    );
    const env = { TZ: 'UTC' };
    ok(u.run(['import', file], { env }));
    const shown = ok(u.run(['incident', 'show', 'tz-1'], { env })).stdout;
    expect(shown).toMatch(/#1 {2}2026-11-01 11:00 .*eleven in the morning\n.*#2 {2}2026-11-01 13:00 .*one in the afternoon/);
    const letter = ok(u.run(['letter', 'tz-1', '--from', 'A. Person'], { env })).stdout;
    expect(letter).toMatch(/1 November 2026 11:00 — Note: eleven in the morning\n- 1 November 2026 13:00 — Note: one in the afternoon/);
    // Across midnight, the local day is the one shown, as the day of the incident beside it.
    const tokyo = ok(u.run(['incident', 'show', 'tz-1'], { env: { TZ: 'Asia/Tokyo' } })).stdout;
    expect(tokyo).toMatch(/#1 {2}2026-11-01 20:00 {2}day 1 .*eleven in the morning/);
    const late = `${u.dir}/late.yaml`;
    writeFileSync(late, 'format: vetted/1\nincidents:\n  - id: tz-2\n    company: Shop\n    title: t\n    opened: 2026-11-01T10:00\n    fault: company\n    events:\n      - { at: "2026-11-01T23:30Z", type: note, text: late }\n');
    ok(u.run(['import', late], { env: { TZ: 'Asia/Tokyo' } }));
    expect(ok(u.run(['incident', 'show', 'tz-2'], { env: { TZ: 'Asia/Tokyo' } })).stdout).toMatch(/#1 {2}2026-11-02 08:30 {2}day 2 .*late/);
    // The opening, a promise's deadline, the list's date and the lists' "since" too, in English as in Russian.
    ok(u.run(['incident', 'add', 'Other', '--title', 't', '--opened', '2026-12-04T23:30-08:00'], { env: { TZ: 'Asia/Tokyo' } }));
    ok(u.run(['incident', 'event', 'other-1', 'promise', '--text', 'fix', '--due', '2026-12-31T23:30-08:00', '--at', '2026-12-04T23:45-08:00'], { env: { TZ: 'Asia/Tokyo' } }));
    const shownTokyo = ok(u.run(['incident', 'show', 'other-1'], { env: { TZ: 'Asia/Tokyo' } })).stdout;
    expect(shownTokyo).toContain('opened 2026-12-05 16:30 ·');
    expect(shownTokyo).toContain('due 2027-01-01 16:30');
    expect(ok(u.run(['incident', 'list', '--company', 'Other'], { env: { TZ: 'Asia/Tokyo' } })).stdout).toMatch(/other-1 +Other +2026-12-05 /);
    expect(ok(u.run(['export', '--format', 'md', '--detail'], { env: { TZ: 'Asia/Tokyo' } })).stdout).toContain('open since 2026-12-05');
    // The record keeps the time as it was given.
    expect((JSON.parse(ok(u.run(['incident', 'show', 'tz-1', '--json'], { env })).stdout) as IncidentJson).events.map((e) => e.at)).toEqual(['2026-11-01T16:00+05:00', '2026-11-01T13:00']);
  });

  it('shows a local time of a data file the clocks skipped as the time it is read as, in the order it sorts', () => {
    const file = `${u.dir}/gap.yaml`;
    writeFileSync(
      file,
      'format: vetted/1\nincidents:\n  - id: gap-1\n    company: Shop\n    title: t\n    opened: 2026-03-07T10:00\n    fault: company\n    events:\n      - { at: "2026-03-08T02:30", type: contact, channel: phone }\n      - { at: "2026-03-08T03:10", type: promise, text: call back, due: "2026-03-08T02:45" }\n',
    );
    const env = { TZ: 'America/New_York' };
    ok(u.run(['import', file], { env }));
    const shown = ok(u.run(['incident', 'show', 'gap-1'], { env })).stdout;
    expect(shown).toMatch(/#1 {2}2026-03-08 03:10 .*promise "call back", due 2026-03-08 03:45: broken.*\n.*#2 {2}2026-03-08 03:30 .*contact by phone/);
    // The record keeps them as given.
    expect((JSON.parse(ok(u.run(['incident', 'show', 'gap-1', '--json'], { env })).stdout) as IncidentJson).events.map((e) => e.at)).toEqual(['2026-03-08T03:10', '2026-03-08T02:30']);
  });

  it('orders a promise and the fix of one minute by their numbers, so a database the record is imported into judges it alike', () => {
    // The promise (#1) and the closing (#2) of one minute; the promise removed, exported, brought back, exported again:
    // imported in that order into a new database, the closing's row comes before the promise's.
    const env = { TZ: 'Europe/Moscow' };
    ok(u.run(['incident', 'add', 'X', '--title', 't', '--fault', 'company', '--opened', '2026-12-01 10:00'], { env }));
    ok(u.run(['incident', 'event', 'x-1', 'promise', '--text', 'p', '--due', '2026-12-02', '--at', '2026-12-01 11:00'], { env }));
    ok(u.run(['incident', 'close', 'x-1', '--outcome', 'resolved', '--at', '2026-12-01 11:00'], { env }));
    ok(u.run(['event', 'remove', 'x-1#1'], { env }));
    ok(u.run(['export', '--out', `${u.dir}/u1.json`], { env }));
    ok(u.run(['undo'], { env }));
    ok(u.run(['export', '--out', `${u.dir}/u2.json`], { env }));
    const other = sandbox();
    try {
      ok(other.run(['import', `${u.dir}/u1.json`], { env }));
      ok(other.run(['import', `${u.dir}/u2.json`], { env }));
      for (const box of [u, other]) {
        const shown = JSON.parse(ok(box.run(['incident', 'show', 'x-1', '--json'], { env })).stdout) as IncidentJson & { metrics: Metrics };
        expect(shown.events.map((e) => e.type)).toEqual(['promise', 'resolution']);
        expect(shown.metrics.promises_broken).toBe(0);
        expect(ok(box.run(['incident', 'show', 'x-1'], { env })).stdout).toMatch(/promise "p", due 2026-12-02: kept/);
        expect(ok(box.run(['due'], { env })).stdout).not.toMatch(/x-1/);
      }
    } finally {
      other.cleanup();
    }
  });

  it('says a time kept with its offset as the local clock read it, as the timeline shows it, in both languages', () => {
    const env = { TZ: 'America/New_York' };
    ok(u.run(['incident', 'add', 'Shop', '--title', 't', '--opened', '2026-11-07T10:00+03:00'], { env }));
    ok(u.run(['incident', 'event', 'shop-1', 'note', '--text', 'a', '--at', '2026-11-07 09:00'], { env }));
    // Opened at 02:00 New York time; a promise of 12:00 the day before, given with New York's offset.
    const refusal = u.run(['incident', 'event', 'shop-1', 'promise', '--text', 'p', '--due', '2026-11-08', '--at', '2026-11-06T12:00-05:00'], { env });
    expect(refusal.stderr).toMatch(/this promise \(2026-11-06T12:00\) is before shop-1 was opened \(2026-11-07T02:00\)/);
    expect(u.run(['--lang', 'ru', 'incident', 'event', 'shop-1', 'promise', '--text', 'p', '--due', '2026-11-08', '--at', '2026-11-06T12:00-05:00'], { env }).stderr).toMatch(/\(обещание, 06\.11\.2026 12:00\) раньше, чем открыто обращение shop-1 \(07\.11\.2026 02:00\)/);
    expect(ok(u.run(['event', 'edit', 'shop-1#1', '--at', '2026-11-07T10:00-05:00'], { env })).stderr).toMatch(/^updated shop-1#1: at 2026-11-07T10:00 \(/);
    expect(ok(u.run(['undo'], { env })).stderr).toMatch(/^undone #\d+: edit shop-1#1 \(note\) of shop-1: at 2026-11-07T10:00 \(/);
    // The time now, in English as in Russian, as a date and a time, not the stored form with its T.
    expect(u.run(['incident', 'event', 'shop-1', 'note', '--text', 'x', '--at', '2099-01-01 10:00'], { env }).stderr).toMatch(/\(it is \d{4}-\d\d-\d\d \d\d:\d\d now\)/);
  });

  it('judges promises due on a date alone by the day a closing kept with its offset is written on, the same in every zone', () => {
    // Closed in New York at 23:30 there, as a closing read off the clock is kept: in Tokyo that instant is the next day.
    const ny = { TZ: 'America/New_York' };
    ok(u.run(['incident', 'add', 'Acme', '--title', 't', '--fault', 'company', '--opened', '2026-11-01 10:00'], { env: ny }));
    for (const n of [1, 2, 3]) ok(u.run(['incident', 'event', 'acme-1', 'promise', '--text', 'fix', '--due', '2026-11-07', '--at', `2026-11-02 10:0${n}`], { env: ny }));
    ok(u.run(['incident', 'close', 'acme-1', '--outcome', 'resolved', '--at', '2026-11-07T23:30-05:00'], { env: ny }));
    for (const TZ of ['America/New_York', 'Europe/Moscow', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
      const why = ok(u.run(['why', 'Acme'], { env: { TZ } })).stdout;
      expect(why, TZ).toMatch(/white list/);
      expect(why, TZ).toMatch(/promises: 0 of 3 broken/);
      const shown = JSON.parse(ok(u.run(['incident', 'show', 'acme-1', '--json'], { env: { TZ } })).stdout) as { metrics: Metrics };
      expect(shown.metrics.promises_broken, TZ).toBe(0);
    }
  });

  it('keeps a time read off the clock (now, today 23:59, yesterday 09:00) with its offset, so that a traveller logs on and is judged by the instants', () => {
    // Opened now on Kiritimati (UTC+14), a promise due "today 23:59" there; then, flown to New York, a call and the closing logged now.
    const kiri = { TZ: 'Pacific/Kiritimati' };
    const ny = { TZ: 'America/New_York' };
    ok(u.run(['incident', 'add', 'Kiri', '--title', 'trip', '--fault', 'company'], { env: kiri }));
    ok(u.run(['incident', 'event', 'kiri-1', 'promise', '--text', 'call back', '--due', 'today 23:59'], { env: kiri }));
    ok(u.run(['incident', 'event', 'kiri-1', 'contact', '--channel', 'phone', '--no-reached-human', '--wait-minutes', '5'], { env: ny }));
    ok(u.run(['incident', 'close', 'kiri-1', '--outcome', 'resolved'], { env: ny }));
    const kept = JSON.parse(ok(u.run(['incident', 'show', 'kiri-1', '--json'], { env: ny })).stdout) as IncidentJson;
    expect(kept.opened).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d\+14:00$/);
    expect(kept.events.map((e) => [e.type, e.at.slice(16), e.due === undefined ? null : String(e.due).slice(10)])).toEqual([
      ['promise', '+14:00', 'T23:59+14:00'],
      ['contact', expect.stringMatching(/^-0[45]:00$/), null],
      ['resolution', expect.stringMatching(/^-0[45]:00$/), null],
    ]);
    // Flying east: opened yesterday 09:00 in New York, two promises due yesterday, one due tomorrow 23:00 there (today's
    // would be broken already when the test runs after 23:00 there); read in Moscow, one is still to come.
    ok(u.run(['incident', 'add', 'East', '--title', 'trip', '--fault', 'company', '--opened', 'yesterday 09:00'], { env: ny }));
    for (const [at, due] of [['yesterday 09:05', 'yesterday 10:00'], ['yesterday 09:10', 'yesterday 11:00'], ['yesterday 09:15', 'tomorrow 23:00']]) {
      ok(u.run(['incident', 'event', 'east-1', 'promise', '--text', `by ${due}`, '--due', due, '--at', at], { env: ny }));
    }
    const states = (env: Record<string, string>) => (JSON.parse(ok(u.run(['incident', 'show', 'east-1', '--json'], { env })).stdout) as IncidentJson & { metrics: Metrics }).metrics.promises_broken;
    expect(states(ny)).toBe(2);
    expect(states({ TZ: 'Europe/Moscow' })).toBe(2);
    // A date and time typed in full is the user's own, kept as given.
    ok(u.run(['incident', 'add', 'Typed', '--title', 'trip', '--fault', 'company', '--opened', '2026-01-01 10:00'], { env: ny }));
    expect((JSON.parse(ok(u.run(['incident', 'show', 'typed-1', '--json'], { env: ny })).stdout) as IncidentJson).opened).toBe('2026-01-01T10:00');
  });
});

describe('the days of a timeline, in Russian', () => {
  it('keeps the gap after "день 10" as after "день 1", as English keeps it after "day 10"', () => {
    const u = sandbox();
    try {
      ok(u.run(['incident', 'add', 'Shop', '--title', 't', '--opened', '2026-11-01 09:00']));
      ok(u.run(['incident', 'event', 'shop-1', 'contact', '--channel', 'phone', '--no-reached-human', '--at', '2026-11-01 10:00']));
      ok(u.run(['incident', 'event', 'shop-1', 'contact', '--channel', 'phone', '--no-reached-human', '--at', '2026-11-10 10:00']));
      const en = ok(u.run(['incident', 'show', 'shop-1'])).stdout;
      expect(en).toMatch(/ day 1 {3}\S/);
      expect(en).toMatch(/ day 10 {2}\S/);
      const ru = ok(u.run(['--lang', 'ru', 'incident', 'show', 'shop-1'])).stdout;
      expect(ru).toMatch(/ день 1 {3}\S/);
      expect(ru).toMatch(/ день 10 {2}\S/);
      // Past day 99, the column is as wide as its longest day, in both languages.
      ok(u.run(['incident', 'add', 'Shop', '--title', 'long', '--opened', '2026-06-01 09:00']));
      for (const at of ['2026-06-01 10:00', '2026-06-10 10:00', '2026-10-09 10:00']) {
        ok(u.run(['incident', 'event', 'shop-2', 'contact', '--channel', 'phone', '--no-reached-human', '--at', at]));
      }
      const long = ok(u.run(['incident', 'show', 'shop-2'])).stdout;
      expect(long).toMatch(/ day 1 {4}\S/);
      expect(long).toMatch(/ day 131 {2}\S/);
      const longRu = ok(u.run(['--lang', 'ru', 'incident', 'show', 'shop-2'])).stdout;
      expect(longRu).toMatch(/ день 10 {3}\S/);
      expect(longRu).toMatch(/ день 131 {2}\S/);
    } finally {
      u.cleanup();
    }
  });
});
