// The digest of a timeline: the list policy, `due` and `incident list` read it instead of the
// events. Whatever the events, judging by the digest as the database keeps it (digestText,
// read back by digestFromText) gives what judging the events gives, and its readings agree
// with those of a whole timeline that other commands use.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, judgeCompany, verdictValidUntil, type Policy } from '../../src/domain/policy.js';
import {
  brokenOfDigested,
  closingOfDigest,
  digested,
  digestFromText,
  digestOf,
  digestText,
  dueReport,
  highestLevelOf,
  incidentListRow,
  incidentListRowOfText,
  listedFromText,
  listedText,
  isOpenDigested,
  OWING_TEXT_START,
  owedDeadlines,
  owedReport,
  promisesOfDigested,
} from '../../src/domain/digest.js';
import { brokenPromises, closingOf, computeMetrics, highestLevel, isOpen, madeAfterFix, promiseStatusGiven, promisesOf, type PromiseStatus } from '../../src/domain/incident.js';
import { COMPENSATION_KINDS, EFFORTS, FAULTS, LEVELS, OUTCOMES, type CompanyEvidence, type Incident, type IncidentEvent } from '../../src/domain/types.js';
import { formatLocalDate, msOf } from '../../src/domain/dates.js';
import { sortEvents } from '../../src/domain/events.js';

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
// Dates close together, in the forms a data file or the editor keeps as given (a space for
// the T, spaces around, an offset), so that ties, same days and due times are common.
const when = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5 })).map(([d, h, form]) => {
  const date = new Date(Date.UTC(2026, 8, 1 + d)).toISOString().slice(0, 10);
  return [date, `${date}T1${h}:00`, `${date}T1${h}:00Z`, `${date} 1${h}:00`, ` ${date}T1${h}:00-02:00 `, `${date} 1${h}:00:30+03:00`][form];
});
const level = opt(fc.constantFrom(...LEVELS));
const text = opt(fc.constantFrom('a', 'b', 'call back', 'перезвоним'));
const note = opt(fc.constantFrom('n', 'заметка'));
const eventArb: fc.Arbitrary<IncidentEvent> = fc.oneof(
  // By letter or email, a contact no person answered is a letter the customer sent: a promise at its time and level is its reply deadline.
  fc.record({ at: when, type: fc.constant('contact' as const), channel: opt(fc.constantFrom('letter' as const, 'email' as const, 'phone' as const)), reached_human: opt(fc.boolean()), robot: opt(fc.boolean()), dropped: opt(fc.boolean()), wait_minutes: opt(fc.nat(90)), level, note }),
  fc.record({ at: when, type: fc.constant('promise' as const), text, due: opt(when), kept: opt(fc.boolean()), level, note }),
  fc.record({ at: when, type: fc.constant('escalation' as const), level: fc.constantFrom(...LEVELS), note }),
  fc.record({ at: when, type: fc.constantFrom('apology' as const, 'explanation' as const), level }),
  fc.record({ at: when, type: fc.constant('compensation' as const), kind: opt(fc.constantFrom(...COMPENSATION_KINDS)), proactive: opt(fc.boolean()), effort: opt(fc.constantFrom(...EFFORTS)), amount: opt(fc.nat(1000)), level }),
  fc.record({ at: when, type: fc.constant('refusal' as const), text, policy: opt(fc.boolean()), level }),
  fc.record({ at: when, type: fc.constant('resolution' as const), outcome: opt(fc.constantFrom(...OUTCOMES)), level, note }),
  fc.record({ at: when, type: fc.constant('note' as const), text, level }),
);
// A letter sent with its reply deadline, as `letter --sent` logs them: one time, one level.
const letterArb: fc.Arbitrary<IncidentEvent[]> = fc
  .record({ at: when, level, channel: fc.constantFrom('letter' as const, 'email' as const), due: when })
  .map(({ at, level, channel, due }) => [
    { at, type: 'contact' as const, channel, level },
    { at, type: 'promise' as const, text: 'a reply', due, level },
  ]);
const eventsArb = (maxLength: number) => fc.array(fc.oneof({ weight: 6, arbitrary: eventArb.map((e) => [e]) }, { weight: 1, arbitrary: letterArb }), { maxLength }).map((a) => a.flat());
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const incidentArb = fc.record({ title: fc.constantFrom('t1', 't2'), opened: when, fault: fc.constantFrom(...FAULTS), closed: opt(when), events: eventsArb(8) });
const evidenceArb = fc.record({
  incidents: fc.array(incidentArb, { maxLength: 4 }),
  checks: fc.array(fc.record({ at: when, score: fc.integer({ min: 0, max: 100 }), dealbreaker: fc.boolean() }), { maxLength: 2 }),
  pin: opt(fc.record({ list: fc.constantFrom('black' as const, 'white' as const), at: when })),
});
const policyArb = fc.record({
  broken_promises: fc.integer({ min: 1, max: 3 }),
  repeat_unresolved: fc.integer({ min: 2, max: 3 }),
  repeat_window_months: fc.integer({ min: 1, max: 2 }),
  institutional_levels: fc.subarray([...LEVELS], { minLength: 1 }),
  recovery_max_level: fc.constantFrom(...LEVELS),
  recovery_max_effort: fc.constantFrom(...EFFORTS),
});

type Drawn = typeof evidenceArb extends fc.Arbitrary<infer T> ? T : never;

function evidenceOf(x: Drawn): CompanyEvidence {
  return {
    company: 'Co',
    incidents: x.incidents.map(
      (i, k): Incident => clean({ id: `co-${k + 1}`, company: 'Co', title: i.title, opened: i.opened, fault: i.fault, closed: i.closed, events: sortEvents(i.events.map((e, n) => clean({ ...e, id: `co-${k + 1}#${n + 1}` })), msOf) }),
    ),
    checks: x.checks.map((c, k) => ({ id: `co-check-${k + 1}`, company: 'Co', checklist: 'general', checklist_version: 1, at: c.at, score: c.score, verdict: 'go' as const, dealbreakers: c.dealbreaker ? ['returns'] : [] })),
    ...(x.pin ? { pin: { company: 'Co', list: x.pin.list, reason: 'r', at: x.pin.at } } : {}),
  };
}

describe('the digest of a timeline', () => {
  it('is read back as it was kept', () => {
    let answered = 0;
    fc.assert(
      fc.property(eventsArb(12), (events) => {
        const d = digestOf(sortEvents(events.map(clean), msOf));
        answered += d.promises.filter((p) => p.answered !== undefined).length;
        expect(digestFromText(digestText(d))).toEqual(d);
        expect(digestText(digestFromText(digestText(d)))).toBe(digestText(d));
        // What the list reads of it, in its own short text.
        expect(listedFromText(listedText(d))).toEqual({
          events: d.events,
          levels: d.levels.slice(-1),
          closing: d.closing,
          // The company's own promises: a letter's reply deadline is counted apart.
          // One made after the fix, which the fix does not settle, with its time: after its minute,
          // or within it logged after the fix (marked so: the timeline's order tells it there).
          promises: d.promises
            .filter((p) => !p.reply)
            .map((p) => (p.kept !== undefined ? { due: p.due, kept: p.kept } : madeAfterFix(p, closingOfDigest(d)) ? { due: p.due, at: p.at, ...(p.afterFix ? { afterFix: true } : {}) } : { due: p.due })),
        });
      }),
      { numRuns: 2000 },
    );
    // Letters' reply deadlines the company answered were among them.
    expect(answered).toBeGreaterThan(0);
  });

  it('judges, sets a verdict’s validity, reports what is due and lists incidents as the events do', () => {
    fc.assert(
      fc.property(evidenceArb, policyArb, fc.integer({ min: 0, max: 60 }), (x, p, day) => {
        const e = evidenceOf(x);
        const policy: Policy = { ...DEFAULT_POLICY, ...p, institutional_levels: [...p.institutional_levels] };
        const now = msOf(new Date(Date.UTC(2026, 8, 1 + day, 12)).toISOString().slice(0, 16));
        const kept = { ...e, incidents: e.incidents.map(({ events, ...rest }) => ({ ...rest, digest: digestFromText(digestText(digestOf(events))) })) };
        expect(judgeCompany(kept, policy, now)).toEqual(judgeCompany(e, policy, now));
        expect(verdictValidUntil(kept, now)).toEqual(verdictValidUntil(e, now));
        e.incidents.forEach((i, k) => {
          expect(incidentListRow(kept.incidents[k], now)).toEqual(incidentListRow(i, now));
          // The list's count of broken promises is the figures' count: the company's own, a letter's reply deadline apart.
          expect(incidentListRow(i, now).promises_broken).toBe(computeMetrics(i, now).promises_broken);
          // As `incident list` reads every incident: its fields and the text of what it reads of its digest.
          const listed = { id: i.id, company: i.company, title: i.title, opened: i.opened, fault: i.fault, closed: i.closed ?? null, listed: listedText(digestOf(i.events)) };
          expect(incidentListRowOfText(listed, now)).toEqual(incidentListRow(i, now));
          expect({ ...dueReport(kept.incidents[k], now, formatLocalDate), incident: null }).toEqual({ ...dueReport(i, now, formatLocalDate), incident: null });
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the readings of a whole timeline that incident show, letters and figures use', () => {
    fc.assert(
      fc.property(incidentArb, fc.integer({ min: 0, max: 60 }), (x, day) => {
        const i = evidenceOf({ incidents: [x], checks: [], pin: undefined }).incidents[0];
        const now = msOf(new Date(Date.UTC(2026, 8, 1 + day, 12)).toISOString().slice(0, 16));
        const d = { ...digested(i), digest: digestFromText(digestText(digestOf(i.events))) };
        expect(isOpenDigested(d)).toBe(isOpen(i));
        // The same closing; the timeline's also carries its event's number, which the digest's promises mark for it (afterFix).
        const timelines = closingOf(i);
        expect(closingOfDigest(d.digest)).toEqual(timelines && { outcome: timelines.outcome, ms: timelines.ms, at: timelines.at });
        expect(highestLevelOf(d.digest)).toBe(highestLevel(i));
        const plain = (ps: readonly PromiseStatus[]) => ps.map((p) => ({ ...p, event: [p.event.at, p.event.due, p.event.text, p.event.kept] }));
        expect(plain(promisesOfDigested(d, now))).toEqual(plain(promisesOf(i, now)));
        expect(plain(brokenOfDigested(d, now))).toEqual(plain(brokenPromises(i, now)));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts, dates and quotes what the rules read', () => {
    const d = digestOf([
      { id: 'x-1#1', at: '2026-09-01T10:00', type: 'contact', robot: true, note: 'bot' },
      { id: 'x-1#2', at: '2026-09-02T10:00', type: 'promise', due: '2026-09-05', text: 'refund', level: 'supervisor' },
      { id: 'x-1#3', at: '2026-09-03T10:00', type: 'refusal', level: 'quality', policy: true, text: 'no' },
      { id: 'x-1#4', at: '2026-09-04T10:00', type: 'resolution', outcome: 'partial' },
      { id: 'x-1#5', at: '2026-09-04T10:00', type: 'note', text: 'later, same minute' },
    ]);
    expect(d).toEqual({
      events: 5,
      last: '2026-09-04T10:00',
      levels: ['frontline', 'supervisor', 'quality'],
      reached: '2026-09-03T10:00',
      lastThere: '2026-09-03T10:00',
      closing: { outcome: 'partial', at: '2026-09-04T10:00' },
      told: true,
      apology: false,
      explanation: false,
      robots: 1,
      refusals: [{ at: '2026-09-03T10:00', type: 'refusal', level: 'quality', policy: true, text: 'no' }],
      promises: [{ id: 'x-1#2', at: '2026-09-02T10:00', type: 'promise', due: '2026-09-05', text: 'refund' }],
      compensations: [],
    });
    expect(digestText(d)).not.toContain('"type"');
    expect(digestText(digestOf([]))).toBe('{"events":0}');
  });
});

describe('what due and its calendar read of a digest', () => {
  // The incident as the database keeps its digest, marked closed or not, at a moment close to its events.
  const arb = fc.tuple(incidentArb, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 23 }));
  const read = ([x, day, hour]: [Drawn['incidents'][number], number, number]) => {
    const i = evidenceOf({ incidents: [x], checks: [], pin: undefined }).incidents[0];
    const now = msOf(new Date(Date.UTC(2026, 8, 1 + day, hour)).toISOString().slice(0, 16));
    return { i: { ...digested(i), digest: digestFromText(digestText(digestOf(i.events))) }, now };
  };

  it('marks, whatever the time, each incident with a deadline due lists, broken or coming due (the store reads the calendar by it)', () => {
    let owing = 0;
    fc.assert(
      fc.property(arb, (a) => {
        const { i, now } = read(a);
        const r = owedReport(i, now, formatLocalDate);
        if (r && (r.broken.length || r.comingDue.length)) {
          owing++;
          expect(i.digest.owing).toBe(true);
          expect(digestText(i.digest).startsWith(OWING_TEXT_START)).toBe(true);
        }
        if (!i.digest.owing) expect(digestText(i.digest).startsWith(OWING_TEXT_START)).toBe(false);
      }),
      { numRuns: 3000 },
    );
    expect(owing).toBeGreaterThan(100);
  });

  it('gives the calendar the deadlines of due’s report, in the order made, each with the step due gives once it is let pass', () => {
    let steps = 0;
    fc.assert(
      fc.property(arb, (a) => {
        const { i, now } = read(a);
        const r = owedReport(i, now, formatLocalDate);
        const shown = r ? [...r.broken, ...r.comingDue] : [];
        const expected = i.digest.promises.flatMap((e) => {
          const p = shown.find((s) => s.event === e);
          if (!p) return [];
          // The step of due's report now, for a deadline let pass; for one to come, of its report once it is.
          const then = p.state === 'pending' ? owedReport(i, p.dueMs + 1, formatLocalDate) : r;
          const a = then?.advice.find((x) => x.kind === 'escalate' || x.kind === 'after-fix');
          const step = !a ? null : a.kind === 'escalate' ? { kind: a.kind, from: a.from } : a.kind === 'after-fix' ? { kind: a.kind, incident: a.incident } : null;
          if (step) steps++;
          return [{ promise: p, step }];
        });
        expect(owedDeadlines(i, now)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    expect(steps).toBeGreaterThan(100);
  });
});

describe('a promise made after the fix', () => {
  const events: IncidentEvent[] = [
    { at: '2026-11-01T10:00', type: 'promise', text: 'fixed tomorrow', due: '2026-11-02T10:00' },
    { at: '2026-11-03T10:00', type: 'resolution', outcome: 'resolved' },
    { at: '2026-11-04T10:00', type: 'promise', text: 'a refund in 5 days', due: '2026-11-09T10:00' },
  ];
  const i: Incident = { id: 'late-1', company: 'Late', title: 'fridge', opened: '2026-11-01T09:00', fault: 'company', events };
  const now = msOf('2026-11-20T10:00');
  it('is not settled by it: the one before is broken by the fix a day late, the one after is broken by its own deadline', () => {
    const states = promisesOf(i, now).map((p) => [p.event.text, p.state, p.lateMs! / 3_600_000]);
    expect(states).toEqual([
      ['fixed tomorrow', 'broken', 24],
      ['a refund in 5 days', 'broken', 11 * 24],
    ]);
    expect(promisesOf(i, msOf('2026-11-05T10:00')).map((p) => p.state)).toEqual(['broken', 'pending']);
    // So too by the digest, and by what `incident list` reads of it.
    const d = digestOf(events);
    expect(promisesOfDigested({ ...i, digest: d }, now).map((p) => p.state)).toEqual(['broken', 'broken']);
    expect(incidentListRowOfText({ ...i, closed: null, listed: listedText(d) }, now).promises_broken).toBe(2);
    expect(computeMetrics(i, now).promises_broken).toBe(2);
  });

  it('is, within its minute, one the timeline shows after it: logged after the fix, it was made after it', () => {
    // Every view shows the minute; within it, the order of the timeline (the order they were
    // logged in) tells which came first. One logged after the closing once was kept at once.
    const events: IncidentEvent[] = [
      { at: '2026-11-05T10:00:15', type: 'promise', text: 'before, same minute', due: '2026-11-06' },
      { at: '2026-11-05T10:00:30', type: 'resolution', outcome: 'resolved' },
      { at: '2026-11-05T10:00:45', type: 'promise', text: 'after, same minute', due: '2026-11-06' },
      { at: '2026-11-05T10:01', type: 'promise', text: 'the next minute', due: '2026-11-06' },
    ];
    const i: Incident = { id: 'sec-1', company: 'Sec', title: 't', opened: '2026-11-01T09:00', fault: 'company', events };
    expect(promisesOf(i, now).map((p) => p.state)).toEqual(['kept', 'broken', 'broken']);
    expect(incidentListRowOfText({ ...i, closed: null, listed: listedText(digestOf(events)) }, now).promises_broken).toBe(2);
  });

  it('tells a promise logged after the fix in its minute from one logged before it, as the timeline orders them', () => {
    // Each (same minute, no seconds): a promise logged just before the closing, the closing, and
    // a promise and a letter with its reply deadline logged just after it.
    const events: IncidentEvent[] = [
      { id: 'm-1#1', at: '2026-11-05T10:00', type: 'promise', text: 'before', due: '2026-11-05T10:02' },
      { id: 'm-1#2', at: '2026-11-05T10:00', type: 'resolution', outcome: 'partial' },
      { id: 'm-1#3', at: '2026-11-05T10:00', type: 'promise', text: 'after', due: '2026-11-05T10:02' },
      { id: 'm-1#4', at: '2026-11-05T10:00', type: 'contact', channel: 'letter', level: 'management' },
      { id: 'm-1#5', at: '2026-11-05T10:00', type: 'promise', text: 'a reply to my formal claim of 5 November 2026', due: '2026-11-19', level: 'management' },
    ];
    const i: Incident = { id: 'm-1', company: 'M', title: 't', opened: '2026-11-01T09:00', fault: 'company', events };
    const at = msOf('2026-11-05T10:05');
    const closing = closingOf(i);
    expect(events.map((e) => madeAfterFix(e, closing))).toEqual([false, false, true, true, true]);
    expect(promisesOf(i, at).map((p) => [p.event.text, p.state])).toEqual([
      ['before', 'kept'],
      ['after', 'broken'],
      ['a reply to my formal claim of 5 November 2026', 'pending'],
    ]);
    // The digest, as the database keeps it, and what `incident list`, `due` and the lists read of it, agree.
    const d = digestFromText(digestText(digestOf(events)));
    const digestedOne = { ...i, digest: d };
    expect(promisesOfDigested(digestedOne, at).map((p) => p.state)).toEqual(['kept', 'broken', 'pending']);
    expect(incidentListRowOfText({ ...i, closed: null, listed: listedText(d) }, at).promises_broken).toBe(1);
    const owed = owedReport(digestedOne, at, formatLocalDate)!;
    expect(owed.broken.map((p) => p.event.text)).toEqual(['after']);
    expect(owed.comingDue.map((p) => p.event.text)).toEqual(['a reply to my formal claim of 5 November 2026']);
    expect(d.owing).toBe(true);
  });
});

describe('a promise and the fix of one moment', () => {
  it('are ordered by their numbers, not by where the timeline lists them', () => {
    // The promise is #1, the closing #2, both at 10:00: however a database lists the two, the fix settled the promise.
    const promiseFirst: IncidentEvent[] = [
      { id: 'o-1#1', at: '2026-11-05T10:00', type: 'promise', text: 'p', due: '2026-11-06' },
      { id: 'o-1#2', at: '2026-11-05T10:00', type: 'resolution', outcome: 'resolved' },
    ];
    const closingFirst = [promiseFirst[1], promiseFirst[0]];
    const at = msOf('2026-11-20T10:00');
    for (const events of [promiseFirst, closingFirst]) {
      const i: Incident = { id: 'o-1', company: 'O', title: 't', opened: '2026-11-01T09:00', fault: 'company', events };
      expect(promisesOf(i, at).map((p) => p.state)).toEqual(['kept']);
      expect(madeAfterFix(events.find((e) => e.type === 'promise')!, closingOf(i))).toBe(false);
      const d = digestFromText(digestText(digestOf(events)));
      expect(promisesOfDigested({ ...i, digest: d }, at).map((p) => p.state)).toEqual(['kept']);
    }
  });
});
