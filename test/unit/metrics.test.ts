// The figures of one incident's timeline (`incident show --json` metrics), promises kept
// and broken under PRODUCT.md's definition, and what `vetted due` says is owed and next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDate, msOf, timeZoneChanged } from '../../src/domain/dates.js';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';
import { adviceWords } from '../../src/ui/advice.js';
import { computeMetrics, promiseStatus, replySettledBy, type IncidentMetrics } from '../../src/domain/incident.js';
import { dueReport } from '../../src/domain/digest.js';
import { serviceFigures } from '../../src/domain/figures.js';
import { describeMetrics } from '../../src/ui/render-incident.js';
import { useLanguage } from '../../src/i18n/index.js';
import type { Incident, IncidentEvent, Level } from '../../src/domain/types.js';
import {
  apology,
  compensation,
  contact,
  escalation,
  explanation,
  incident,
  note,
  promise,
  refusal,
  resolution,
} from '../helpers/builders.js';

const NOW = msOf('2024-02-01T12:00');
const metric = <K extends keyof IncidentMetrics>(i: Incident, k: K, now = NOW): IncidentMetrics[K] => computeMetrics(i, now)[k];

describe('computeMetrics: minutes_to_human', () => {
  const cases: [name: string, events: Incident['events'], expected: number | null][] = [
    ['no contact at all', [], null],
    ['contacts that never reached a person', [contact({ wait_minutes: 10, robot: true }), contact({ at: '2024-01-01T11:00', wait_minutes: 5, dropped: true })], null],
    ['the first contact reached a person', [contact({ wait_minutes: 3, reached_human: true })], 3],
    [
      'the waits of every contact up to and including the first that reached a person',
      [
        contact({ at: '2024-01-01T10:00', wait_minutes: 10, robot: true }),
        contact({ at: '2024-01-01T11:00', wait_minutes: 20, dropped: true }),
        contact({ at: '2024-01-01T12:00', wait_minutes: 7, reached_human: true }),
      ],
      37,
    ],
    [
      'a contact without a wait counts 0',
      [contact({ at: '2024-01-01T10:00', robot: true }), contact({ at: '2024-01-01T11:00', wait_minutes: 4, reached_human: true })],
      4,
    ],
    // No wait logged: the sum of none, 0, as DATA-FORMAT has it; minutes_to_human_logged says it is not known.
    ['a person at once, no wait given', [contact({ reached_human: true })], 0],
    ['a person after a robot, no wait given on either', [contact({ at: '2024-01-01T10:00', robot: true }), contact({ at: '2024-01-01T11:00', reached_human: true })], 0],
    [
      'a person, no wait given on that contact: the waits logged before it',
      [contact({ at: '2024-01-01T10:00', wait_minutes: 15, robot: true }), contact({ at: '2024-01-01T11:00', reached_human: true })],
      15,
    ],
    ['a person after 0 minutes logged is 0', [contact({ wait_minutes: 0, reached_human: true })], 0],
    [
      'contacts after the first person are ignored',
      [
        contact({ at: '2024-01-01T10:00', wait_minutes: 5, reached_human: true }),
        contact({ at: '2024-01-02T10:00', wait_minutes: 100, reached_human: true }),
        contact({ at: '2024-01-03T10:00', wait_minutes: 60 }),
      ],
      5,
    ],
    [
      'reached_human: false is not a person',
      [contact({ at: '2024-01-01T10:00', wait_minutes: 5, reached_human: false }), contact({ at: '2024-01-01T11:00', wait_minutes: 1, reached_human: true })],
      6,
    ],
    [
      'other events in between do not count',
      [
        contact({ at: '2024-01-01T10:00', wait_minutes: 5 }),
        promise({ at: '2024-01-01T10:30', due: '2024-01-02' }),
        escalation('supervisor', '2024-01-01T10:40'),
        contact({ at: '2024-01-01T11:00', wait_minutes: 2, reached_human: true }),
      ],
      7,
    ],
  ];
  it.each(cases)('%s', (_name, events, expected) => {
    expect(metric(incident({ events }), 'minutes_to_human')).toBe(expected);
  });

  it('says whether any wait was logged up to the first live person', () => {
    expect(metric(incident({ events: [contact({ reached_human: true })] }), 'minutes_to_human_logged')).toBe(false);
    expect(metric(incident({ events: [contact({ wait_minutes: 0, reached_human: true })] }), 'minutes_to_human_logged')).toBe(true);
    expect(metric(incident({ events: [contact({ at: '2024-01-01T10:00', wait_minutes: 15, robot: true }), contact({ at: '2024-01-01T11:00', reached_human: true })] }), 'minutes_to_human_logged')).toBe(true);
    // No person reached: no time to one, logged or not.
    expect(metric(incident({ events: [contact({ wait_minutes: 9 })] }), 'minutes_to_human_logged')).toBe(false);
    expect(metric(incident({ events: [] }), 'minutes_to_human_logged')).toBe(false);
  });
});

describe('a contact that does not say whether a person answered', () => {
  const at = (h: number) => `2024-01-01T${String(h).padStart(2, '0')}:00`;
  // [name, contacts, the reached-unknown count, the incident's words in English, in Russian]
  const cases: [string, IncidentEvent[], number, string, string][] = [
    ['no contact', [], 0, 'no contact logged', 'контактов не записано'],
    ['one that says none answered', [contact({ reached_human: false })], 0, 'never reached one', 'не дозвонились'],
    ['one that does not say', [contact({ robot: true })], 1, 'not known: the contact does not say whether a person answered', 'неизвестно: в контакте не записано, ответил ли человек'],
    ['two that do not say', [contact({ at: at(10) }), contact({ at: at(11), dropped: true })], 2, 'not known: none of the 2 contacts says whether a person answered', 'неизвестно: ни в одном из 2 контактов не записано, ответил ли человек'],
    [
      'one that says none answered, one that does not say',
      [contact({ at: at(10), reached_human: false }), contact({ at: at(11) })],
      1,
      'never reached one (1 contact of 2 does not say whether a person answered)',
      'не дозвонились (в 1 контакте из 2 не записано, ответил ли человек)',
    ],
    [
      'one that says none answered, two that do not say',
      [contact({ at: at(10), reached_human: false }), contact({ at: at(11) }), contact({ at: at(12) })],
      2,
      'never reached one (2 contacts of 3 do not say whether a person answered)',
      'не дозвонились (в 2 контактах из 3 не записано, ответил ли человек)',
    ],
    ['one that does not say, then one that reached a person', [contact({ at: at(10), wait_minutes: 4 }), contact({ at: at(11), reached_human: true, wait_minutes: 3 })], 1, '7 minutes', '7 минут'],
  ];
  it.each(cases)('%s: counted apart, and said as not known, not as never', async (_name, events, unknown, english, russian) => {
    const i = incident({ events });
    const m = computeMetrics(i, NOW);
    expect(m.contacts_reached_human_unknown).toBe(unknown);
    expect(serviceFigures([i], NOW).contacts_reached_human_unknown).toBe(unknown);
    const words = async (lang: 'en' | 'ru') => {
      await useLanguage(lang);
      try {
        return describeMetrics(m).find((l) => l.startsWith('time to') || l.startsWith('время до'));
      } finally {
        await useLanguage('en');
      }
    };
    expect(await words('en')).toBe(`time to a live person: ${english}`);
    expect(await words('ru')).toBe(`время до живого человека: ${russian}`);
  });

  it('is said so in the company figures too, in both languages', () => {
    const f = serviceFigures([incident({ events: [contact({ at: '2024-01-01T10:00' })] }), incident({ events: [contact({ at: '2024-01-01T10:00', reached_human: false })] })], NOW);
    expect(f).toMatchObject({ contacts: 2, contacts_reached_human: 0, contacts_reached_human_unknown: 1, median_minutes_to_human: null });
    const line = (c: typeof en) => c.company.figureLines({ median: null, reachedHuman: false, unknown: f.contacts_reached_human_unknown, blocked: '0%', contacts: f.contacts, kept: 0, broken: 0, resolved: '0%', incidents: 2, apologies: 0, explanations: 0, compensations: 0, unasked: 0, highest: null })[0];
    expect(line(en)).toBe('time to a live person (median): never reached one (1 contact of 2 does not say whether a person answered)');
    expect(line(ru)).toBe('время до живого человека (медиана): не дозвонились ни разу (в 1 контакте из 2 не записано, ответил ли человек)');
  });
});

describe('computeMetrics: contacts, robots and dropped calls', () => {
  const cases: [name: string, events: Incident['events'], counts: { contacts: number; robot_contacts: number; dropped_contacts: number }][] = [
    ['none', [], { contacts: 0, robot_contacts: 0, dropped_contacts: 0 }],
    [
      'a robot, a dropped call, a robot that dropped, a clean call',
      [
        contact({ at: '2024-01-01T10:00', robot: true }),
        contact({ at: '2024-01-01T11:00', dropped: true }),
        contact({ at: '2024-01-01T12:00', robot: true, dropped: true }),
        contact({ at: '2024-01-01T13:00', reached_human: true, robot: false, dropped: false }),
      ],
      { contacts: 4, robot_contacts: 2, dropped_contacts: 2 },
    ],
    ['only contacts are counted', [note({ text: 'robot' }), apology(), contact({ robot: true })], { contacts: 1, robot_contacts: 1, dropped_contacts: 0 }],
  ];
  it.each(cases)('%s', (_name, events, counts) => {
    const m = computeMetrics(incident({ events }), NOW);
    expect({ contacts: m.contacts, robot_contacts: m.robot_contacts, dropped_contacts: m.dropped_contacts }).toEqual(counts);
  });
});

describe('computeMetrics: promises_broken, every case of the definition', () => {
  // A promise made 2024-01-02T10:00, due 2024-01-05T12:00 unless a case says otherwise.
  const made = '2024-01-02T10:00';
  const due = '2024-01-05T12:00';
  const cases: [name: string, events: Incident['events'], now: string, broken: number][] = [
    ['marked kept: true is kept even when fixed late', [promise({ at: made, due, kept: true }), resolution('resolved', '2024-01-20T10:00')], '2024-02-01T12:00', 0],
    ['marked kept: true is kept even while open and past due', [promise({ at: made, due, kept: true })], '2024-02-01T12:00', 0],
    ['marked kept: false is broken even when resolved early', [promise({ at: made, due, kept: false }), resolution('resolved', '2024-01-03T10:00')], '2024-02-01T12:00', 1],
    ['marked kept: false is broken even before its due time', [promise({ at: made, due, kept: false })], '2024-01-03T12:00', 1],
    ['resolved by due: kept', [promise({ at: made, due }), resolution('resolved', '2024-01-05T11:00')], '2024-02-01T12:00', 0],
    ['resolved exactly at due: kept', [promise({ at: made, due }), resolution('resolved', due)], '2024-02-01T12:00', 0],
    ['partial by due: kept', [promise({ at: made, due }), resolution('partial', '2024-01-04T10:00')], '2024-02-01T12:00', 0],
    ['resolved after due: broken', [promise({ at: made, due }), resolution('resolved', '2024-01-05T12:01')], '2024-02-01T12:00', 1],
    ['partial after due: broken', [promise({ at: made, due }), resolution('partial', '2024-01-09T10:00')], '2024-02-01T12:00', 1],
    ['closed unresolved after due: broken', [promise({ at: made, due }), resolution('unresolved', '2024-01-09T10:00')], '2024-02-01T12:00', 1],
    ['closed abandoned after due: broken', [promise({ at: made, due }), resolution('abandoned', '2024-01-09T10:00')], '2024-02-01T12:00', 1],
    ['closed unresolved before due, due since passed: broken', [promise({ at: made, due }), resolution('unresolved', '2024-01-03T10:00')], '2024-02-01T12:00', 1],
    ['closed abandoned before due, due not yet passed: not broken', [promise({ at: made, due }), resolution('abandoned', '2024-01-03T10:00')], '2024-01-04T10:00', 0],
    ['still open and due passed: broken', [promise({ at: made, due })], '2024-01-05T12:01', 1],
    ['still open and due in the future: pending, not broken', [promise({ at: made, due })], '2024-01-05T11:59', 0],
    ['still open, now exactly at due: not yet passed', [promise({ at: made, due })], due, 0],
    ['a date-only due is the end of that day: open late that evening, not broken', [promise({ at: made, due: '2024-01-05' })], '2024-01-05T23:59', 0],
    ['a date-only due is the end of that day: open just after midnight, broken', [promise({ at: made, due: '2024-01-05' })], '2024-01-06T00:01', 1],
    ['a date-only due: resolved late on the day, kept', [promise({ at: made, due: '2024-01-05' }), resolution('resolved', '2024-01-05T23:30')], '2024-02-01T12:00', 0],
    ['a date-only due: resolved the next morning, broken', [promise({ at: made, due: '2024-01-05' }), resolution('resolved', '2024-01-06T08:00')], '2024-02-01T12:00', 1],
    ['a date-only due: resolved on the next day, given as a date, broken', [promise({ at: made, due: '2024-01-05' }), resolution('resolved', '2024-01-06')], '2024-02-01T12:00', 1],
    ['a date-only due: resolved at the next midnight, broken (that is the next day)', [promise({ at: made, due: '2024-01-05' }), resolution('resolved', '2024-01-06T00:00')], '2024-02-01T12:00', 1],
    ['a date-only due: resolved on the day, given as a date, kept', [promise({ at: made, due: '2024-01-05' }), resolution('resolved', '2024-01-05')], '2024-02-01T12:00', 0],
    ['a date-only due: open at the next midnight, broken', [promise({ at: made, due: '2024-01-05' })], '2024-01-06T00:00', 1],
    [
      'each promise on its own: one kept, one broken, one pending',
      [
        promise({ at: '2024-01-02T10:00', due: '2024-01-03T10:00', kept: true }),
        promise({ at: '2024-01-02T11:00', due: '2024-01-04T10:00' }),
        promise({ at: '2024-01-02T12:00', due: '2024-03-01T10:00' }),
      ],
      '2024-02-01T12:00',
      1,
    ],
    [
      // the last resolution closes the incident: resolved after due is broken
      'the closing resolution is the last one: partial in time, then resolved after due, broken',
      [promise({ at: made, due }), resolution('partial', '2024-01-04T10:00'), resolution('resolved', '2024-01-10T10:00')],
      '2024-02-01T12:00',
      1,
    ],
  ];
  it.each(cases)('%s', (_name, events, now, broken) => {
    const m = computeMetrics(incident({ events }), msOf(now));
    expect(m.promises_broken).toBe(broken);
    expect(m.promises).toBe(events.filter((e) => e.type === 'promise').length);
  });

  it('tells kept from pending (not only "not broken")', () => {
    const kept = incident({ events: [promise({ at: made, due }), resolution('resolved', '2024-01-04T10:00')] });
    const pending = incident({ events: [promise({ at: made, due })] });
    expect(promiseStatus(kept.events[0], kept, msOf('2024-01-04T12:00')).state).toBe('kept');
    expect(promiseStatus(pending.events[0], pending, msOf('2024-01-04T12:00')).state).toBe('pending');
  });
});

describe('a date-only due in a time zone with daylight saving', () => {
  // 2024-10-27 has 25 hours in Berlin (clocks go back at 03:00): the end of that day is
  // 2024-10-28T00:00 local, 25 hours after its start, not 24.
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Berlin';
    timeZoneChanged();
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
    timeZoneChanged();
  });

  it('the zone really changes (a guard for the test itself)', () => {
    expect(new Date(2024, 9, 27).getTimezoneOffset()).toBe(-120);
    expect(new Date(2024, 9, 28).getTimezoneOffset()).toBe(-60);
  });

  it('days open are counted on the clock across a change: noon to noon two days later is two days, either way', () => {
    for (const [opened, closed] of [['2024-03-30T12:00', '2024-04-01T12:00'], ['2024-10-26T12:00', '2024-10-28T12:00']]) {
      expect(computeMetrics(incident({ opened, events: [resolution('resolved', closed)] }), msOf('2024-11-01T12:00')).days_open).toBe(2);
    }
  });

  it('a promise due 2024-10-27, resolved 2024-10-27T23:30, was kept', () => {
    const i = incident({ opened: '2024-10-20T09:00', events: [promise({ at: '2024-10-20T10:00', due: '2024-10-27' }), resolution('resolved', '2024-10-27T23:30')] });
    expect(computeMetrics(i, msOf('2024-11-01T12:00')).promises_broken).toBe(0);
  });

  it('a promise due 2024-03-31 (a 23-hour day), resolved 2024-04-01T00:30, was broken', () => {
    const i = incident({ opened: '2024-03-20T09:00', events: [promise({ at: '2024-03-20T10:00', due: '2024-03-31' }), resolution('resolved', '2024-04-01T00:30')] });
    expect(computeMetrics(i, msOf('2024-04-10T12:00')).promises_broken).toBe(1);
  });

  it('a promise due 2024-10-27, resolved 2024-10-28T00:30, was broken', () => {
    const i = incident({ opened: '2024-10-20T09:00', events: [promise({ at: '2024-10-20T10:00', due: '2024-10-27' }), resolution('resolved', '2024-10-28T00:30')] });
    expect(computeMetrics(i, msOf('2024-11-01T12:00')).promises_broken).toBe(1);
  });
});

describe('computeMetrics: level, apology, explanation, compensation', () => {
  it.each([
    ['no events: the front line', [], 'frontline'],
    ['events without a level are the front line', [contact(), apology(), note()], 'frontline'],
    ['an escalation to a supervisor', [contact(), escalation('supervisor', '2024-01-02T10:00')], 'supervisor'],
    ['the highest of all, wherever it comes', [escalation('management', '2024-01-02T10:00'), escalation('supervisor', '2024-01-03T10:00')], 'management'],
    ['any event with a level counts', [refusal({ level: 'quality' }), apology({ at: '2024-01-02T10:00', level: 'regulator' })], 'regulator'],
    ['court', [escalation('court', '2024-01-05T10:00')], 'court'],
  ] as [string, Incident['events'], string][])('highest_level: %s', (_name, events, expected) => {
    expect(metric(incident({ events }), 'highest_level')).toBe(expected);
  });

  const flags = (i: Incident) => {
    const m = computeMetrics(i, NOW);
    return { apologized: m.apologized, explained: m.explained, compensated: m.compensated, proactive_compensation: m.proactive_compensation };
  };
  it.each([
    ['nothing', [], { apologized: false, explained: false, compensated: false, proactive_compensation: false }],
    ['an apology', [apology()], { apologized: true, explained: false, compensated: false, proactive_compensation: false }],
    ['an explanation', [explanation()], { apologized: false, explained: true, compensated: false, proactive_compensation: false }],
    ['a compensation when asked', [compensation({ effort: 'asked' })], { apologized: false, explained: false, compensated: true, proactive_compensation: false }],
    ['a compensation marked not proactive', [compensation({ proactive: false })], { apologized: false, explained: false, compensated: true, proactive_compensation: false }],
    ['a proactive compensation', [compensation({ proactive: true, effort: 'none' })], { apologized: false, explained: false, compensated: true, proactive_compensation: true }],
    [
      'all of it',
      [apology(), explanation({ at: '2024-01-01T11:00' }), compensation({ at: '2024-01-01T12:00' }), compensation({ at: '2024-01-01T13:00', proactive: true })],
      { apologized: true, explained: true, compensated: true, proactive_compensation: true },
    ],
    ['a note that says sorry is not an apology', [note({ text: 'sorry' })], { apologized: false, explained: false, compensated: false, proactive_compensation: false }],
  ] as [string, Incident['events'], ReturnType<typeof flags>][])('%s', (_name, events, expected) => {
    expect(flags(incident({ events }))).toEqual(expected);
  });

  it.each([
    ['no compensation: null', [], null],
    ['a compensation without effort: none', [compensation()], 'none'],
    ['asked', [compensation({ effort: 'asked' })], 'asked'],
    ['the highest effort among compensations', [compensation({ at: '2024-01-02T10:00', effort: 'asked' }), compensation({ at: '2024-01-03T10:00', effort: 'paperwork' })], 'paperwork'],
    ['the highest even when it came first', [compensation({ at: '2024-01-02T10:00', effort: 'legal' }), compensation({ at: '2024-01-03T10:00', effort: 'none' })], 'legal'],
    ['in-person beats paperwork', [compensation({ at: '2024-01-02T10:00', effort: 'in-person' }), compensation({ at: '2024-01-03T10:00', effort: 'paperwork' })], 'in-person'],
    ['other events do not count', [escalation('court', '2024-01-02T10:00'), compensation({ at: '2024-01-03T10:00', effort: 'asked' })], 'asked'],
  ] as [string, Incident['events'], string | null][])('customer_effort: %s', (_name, events, expected) => {
    expect(metric(incident({ events }), 'customer_effort')).toBe(expected);
  });
});

describe('computeMetrics: days_open', () => {
  // Opened 2024-01-01T09:00.
  const cases: [name: string, i: Incident, now: string, days: number][] = [
    ['open, less than a day', incident(), '2024-01-02T08:59', 0],
    ['open, exactly one day', incident(), '2024-01-02T09:00', 1],
    ['open, ten days and a bit', incident({ events: [contact({ at: '2024-01-03T10:00' })] }), '2024-01-11T20:00', 10],
    ['closed: counted to the closing resolution, not to now', incident({ events: [resolution('resolved', '2024-01-03T08:59')] }), '2024-06-01T12:00', 1],
    ['closed two days after opening to the minute', incident({ events: [resolution('unresolved', '2024-01-03T09:00')] }), '2024-06-01T12:00', 2],
    ['a note after closing does not extend it', incident({ events: [resolution('resolved', '2024-01-05T10:00'), note({ at: '2024-01-20T10:00' })] }), '2024-06-01T12:00', 4],
    ['closed by the `closed` field without a resolution event', incident({ closed: '2024-01-04T09:00' }), '2024-06-01T12:00', 3],
  ];
  it.each(cases)('%s', (_name, i, now, days) => {
    expect(computeMetrics(i, msOf(now)).days_open).toBe(days);
  });
});

describe('dueReport', () => {
  const fmt = formatLocalDate;
  const report = (i: Incident, now: string) => {
    const r = dueReport(i, msOf(now), fmt);
    return { ...r, advice: r.advice.map((a) => adviceWords(en, a)) };
  };

  it('lists broken promises apart from those coming due, the latter soonest first', () => {
    const i = incident({
      events: [
        promise({ at: '2024-01-01T10:00', due: '2024-01-02T10:00', text: 'broken one' }),
        promise({ at: '2024-01-01T11:00', due: '2024-01-20T10:00', text: 'later' }),
        promise({ at: '2024-01-01T12:00', due: '2024-01-10T10:00', text: 'sooner' }),
        promise({ at: '2024-01-01T13:00', due: '2024-01-03T10:00', text: 'kept one', kept: true }),
      ],
    });
    const r = report(i, '2024-01-05T10:00');
    expect(r.broken.map((p) => p.event.text)).toEqual(['broken one']);
    expect(r.comingDue.map((p) => p.event.text)).toEqual(['sooner', 'later']);
  });

  it.each([
    ['no events, opened 6 days ago: not stale', incident(), '2024-01-07T09:00', null],
    ['last event 6 days ago: not stale', incident({ events: [contact({ at: '2024-01-02T10:00' })] }), '2024-01-08T10:00', null],
    ['last event 6 days 23 hours ago: not stale', incident({ events: [contact({ at: '2024-01-02T10:00' })] }), '2024-01-09T09:00', null],
    ['last event exactly 7 days ago: stale for 7 days', incident({ events: [contact({ at: '2024-01-02T10:00' })] }), '2024-01-09T10:00', 7],
    // Stale, but the step is to tell the company, said apart: no chasing of a company never told.
    ['no events, opened 10 days ago: stale for 10', incident(), '2024-01-11T09:00', 10, false],
    ['counted from the last event, not the first', incident({ events: [contact({ at: '2024-01-02T10:00' }), note({ at: '2024-01-12T10:00' })] }), '2024-01-16T10:00', null],
  ] as [string, Incident, string, number | null, boolean?][])('staleness: %s', (_name, i, now, stale, chased = stale !== null) => {
    const r = report(i, now);
    expect(r.staleDays).toBe(stale);
    expect(r.advice.some((a) => /chase/i.test(a.step))).toBe(chased);
    if (chased) expect(r.advice.find((a) => /chase/i.test(a.step))!.why).toContain(`${stale} days`);
  });

  it('stale, it says so, but does not advise chasing while a promise is still to fall due', () => {
    const waiting = incident({ events: [promise({ at: '2024-01-02T10:00', due: '2024-02-01T10:00' })] });
    const r = report(waiting, '2024-01-20T10:00');
    expect(r.staleDays).toBe(18);
    expect(r.advice.some((a) => /chase/i.test(a.step))).toBe(false);
    // Once it is due and broken, chasing is in order again.
    expect(report(waiting, '2024-02-10T10:00').advice.some((a) => /chase/i.test(a.step))).toBe(true);
  });

  // Two promises broken (due 2024-01-03 and 2024-01-04), then the customer is at `level`.
  const brokenAt = (level: 'frontline' | 'supervisor' | 'quality' | 'management' | 'regulator') =>
    incident({
      events: [
        promise({ at: '2024-01-01T10:00', due: '2024-01-03T10:00' }),
        promise({ at: '2024-01-02T10:00', due: '2024-01-04T10:00' }),
        ...(level === 'frontline' ? [] : [escalation(level, '2024-01-05T10:00')]),
        compensation({ at: '2024-01-05T11:00', effort: 'asked' }),
      ],
    });
  it.each([
    ['frontline', /supervisor/i, 'at the front line'],
    ['supervisor', /quality or complaints/i, 'with a supervisor'],
    ['quality', /management/i, 'at the quality department'],
    ['management', /regulator/i, 'with management'],
    ['regulator', /court/i, 'with the regulator'],
  ] as const)('promises broken below, then %s reached: one level up once that level fails too', (level, step, where) => {
    const i = brokenAt(level);
    if (level === 'frontline') {
      const r = report(i, '2024-01-06T10:00');
      expect(r.broken).toHaveLength(2);
      expect(r.advice[0].step).toMatch(step);
      expect(r.advice[0].why).toContain('2 promises broken since 2024-01-03 at the front line');
      return;
    }
    // Reached the day before, and nothing broken there yet: it has its chance first.
    expect(report(i, '2024-01-06T10:00').advice.some((a) => a.step.match(step))).toBe(false);
    // A promise made there and broken: the next rung, and the why says where the last failure was.
    const failed = incident({ events: [...i.events, promise({ at: '2024-01-05T12:00', due: '2024-01-06T10:00', level })] });
    const r = report(failed, '2024-01-07T10:00');
    expect(r.broken).toHaveLength(3);
    expect(r.advice[0].step).toMatch(step);
    expect(r.advice[0].why).toContain(`3 promises broken since 2024-01-03, the last ${where}`);
    // A refusal there does the same.
    const refused = incident({ events: [...i.events, refusal({ at: '2024-01-05T12:00', level })] });
    expect(report(refused, '2024-01-06T10:00').advice[0].step).toMatch(step);
    // A week of nothing there, with the promises below still broken: the next rung too, saying so.
    const quiet = report(i, '2024-01-12T11:00');
    expect(quiet.advice[0].step).toMatch(step);
    expect(quiet.advice[0].why).toContain(`2 promises broken since 2024-01-03, and nothing for 7 days ${where}`);
    // But not while a promise made there is still to fall due.
    const waiting = incident({ events: [...i.events, promise({ at: '2024-01-05T12:00', due: '2024-01-20T10:00', level })] });
    expect(report(waiting, '2024-01-13T11:00').advice.some((a) => a.step.match(step))).toBe(false);
  });

  it('counts the quiet at the level reached from its last event there, not from a note of the user\'s or a call to the front line', () => {
    const base = [promise({ at: '2024-01-01T10:00', due: '2024-01-02T10:00' }), escalation('supervisor', '2024-01-03T10:00'), compensation({ at: '2024-01-03T11:00' })];
    const withNote = incident({ events: [...base, note({ at: '2024-01-11T10:00' }), contact({ at: '2024-01-11T11:00' })] });
    const r = report(withNote, '2024-01-12T10:00');
    expect(r.advice[0].step).toMatch(/quality or complaints/i);
    expect(r.advice[0].why).toContain('1 promise broken since 2024-01-02, and nothing for 9 days with a supervisor');
    // An event with the supervisor starts the count again.
    const answered = incident({ events: [...base, contact({ at: '2024-01-11T11:00', level: 'supervisor' })] });
    expect(report(answered, '2024-01-12T10:00').advice.some((a) => /quality or complaints/i.test(a.step))).toBe(false);
  });

  it('does not lay a promise made at the front line, and broken after the supervisor was reached, at the supervisor\'s door', () => {
    const i = incident({ events: [promise({ at: '2024-01-01T10:00', due: '2024-01-10T10:00' }), escalation('supervisor', '2024-01-03T10:00'), contact({ at: '2024-01-09T10:00', level: 'supervisor' }), compensation({ at: '2024-01-09T11:00' })] });
    expect(report(i, '2024-01-12T10:00').advice.some((a) => /quality or complaints/i.test(a.step))).toBe(false);
  });

  it('a promise due on a day alone is broken since that day, as the user gave it, not the next', () => {
    const i = incident({ events: [promise({ at: '2024-01-01T10:00', due: '2024-01-03' }), compensation({ at: '2024-01-01T11:00' })] });
    expect(report(i, '2024-01-05T10:00').advice[0].why).toContain('1 promise broken since 2024-01-03 at the front line');
  });

  it('a promise marked not kept before its deadline was broken when it was made, not on a day to come', () => {
    const i = incident({ events: [promise({ at: '2024-01-02T10:00', due: '2024-03-01', kept: false }), compensation({ at: '2024-01-02T11:00' })] });
    const r = report(i, '2024-01-05T10:00');
    expect(r.advice[0].why).toContain('1 promise broken since 2024-01-02 at the front line');
  });

  it('one broken promise is counted in the singular', () => {
    const i = incident({ events: [promise({ at: '2024-01-01T10:00', due: '2024-01-03T10:00' }), compensation({ at: '2024-01-02T10:00' })] });
    const r = report(i, '2024-01-04T10:00');
    expect(r.advice[0].why).toContain('1 promise broken since 2024-01-03');
  });

  it('a refusal alone also calls for the next level', () => {
    const i = incident({ events: [refusal({ at: '2024-01-02T10:00', level: 'supervisor' }), compensation({ at: '2024-01-02T11:00' })] });
    const r = report(i, '2024-01-03T10:00');
    expect(r.advice[0].step).toMatch(/quality or complaints/i);
    expect(r.advice[0].why).toMatch(/1 refusal/);
  });

  it('no broken promise and no refusal: no escalation step', () => {
    const i = incident({ events: [promise({ at: '2024-01-01T10:00', due: '2024-01-10T10:00' }), compensation({ at: '2024-01-02T10:00' })] });
    const r = report(i, '2024-01-03T10:00');
    expect(r.advice.some((a) => /supervisor|quality|management|regulator|court/i.test(a.step))).toBe(false);
  });

  const asksCompensation = (i: Incident, now = '2024-01-03T10:00') => report(i, now).advice.some((a) => /compensation in writing/i.test(a.step));
  it.each([
    ['at the company’s fault, nothing offered', incident({ fault: 'company', events: [contact({ at: '2024-01-02T10:00' })] }), true],
    ['fault unknown counts as at fault', incident({ fault: 'unknown', events: [contact({ at: '2024-01-02T10:00' })] }), true],
    ['compensation already given', incident({ fault: 'company', events: [compensation({ at: '2024-01-02T10:00' })] }), false],
    ['a third party’s fault', incident({ fault: 'third-party', events: [contact({ at: '2024-01-02T10:00' })] }), false],
    ['the customer’s fault', incident({ fault: 'customer', events: [contact({ at: '2024-01-02T10:00' })] }), false],
    ['no events at all: nothing to rest the advice on', incident({ fault: 'company' }), false],
    ['only a note of the customer’s own', incident({ fault: 'company', events: [note({ at: '2024-01-02T10:00' })] }), false],
  ] as [string, Incident, boolean][])('asks for compensation in writing: %s → %s', (_name, i, expected) => {
    expect(asksCompensation(i)).toBe(expected);
  });

  it('says how long the service has failed when asking for compensation', () => {
    const r = report(incident({ events: [contact({ at: '2024-01-02T10:00' })] }), '2024-01-04T10:00');
    expect(r.advice.find((a) => /compensation in writing/i.test(a.step))!.why).toContain('3 days');
  });

  it('an incident with no events: the one step is to tell the company, and log it', () => {
    const r = report(incident({ fault: 'company' }), '2024-01-03T10:00');
    expect(r.advice[0].step).toContain(`vetted incident event ${r.incident.id} contact`);
    expect(r.advice[0].why).toMatch(/no contact/);
    expect(r.advice.some((a) => /compensation|supervisor|chase/i.test(a.step))).toBe(false);
    // Weeks later, stale, it is still to tell them: not to chase them as well.
    const later = report(incident({ fault: 'company', events: [note({ at: '2024-01-02T10:00' })] }), '2024-02-08T10:00');
    expect(later.staleDays).toBe(37);
    expect(later.advice.map((a) => a.step)).toEqual([en.due.step.tell(later.incident.id), en.due.step.timeline]);
  });

  it('nothing owed, nothing to advise', () => {
    const i = incident({ fault: 'third-party', events: [promise({ at: '2024-01-01T10:00', due: '2024-01-10T10:00' })] });
    expect(report(i, '2024-01-03T10:00').advice).toEqual([]);
  });
});

describe('replySettledBy: what settled the reply deadline of a letter', () => {
  // A letter sent with its reply deadline, as `letter --sent` logs them (one moment, one level).
  const letter = (level: Level = 'supervisor', p: { kept?: boolean } = {}) => [
    contact({ at: '2024-01-02T10:00', channel: 'letter', level }),
    promise({ at: '2024-01-02T10:00', due: '2024-01-16', text: 'a reply to my letter', level, ...p }),
  ];
  const settled = (events: IncidentEvent[]) => {
    const i = incident({ events });
    const deadline = i.events.find((e) => e.type === 'promise')!;
    return [replySettledBy(i, deadline), promiseStatus(deadline, i, NOW).state];
  };
  it.each([
    ['nothing yet', letter(), [undefined, 'broken']],
    ['their apology in time', [...letter(), apology({ at: '2024-01-10T10:00' })], ['answer', 'kept']],
    ['the fix in time, and no answer', [...letter(), resolution('resolved', '2024-01-10T10:00')], ['fix', 'kept']],
    ['the fix in part in time, and no answer', [...letter(), resolution('partial', '2024-01-10T10:00')], ['fix', 'kept']],
    ['the fix in time, their apology after it', [...letter(), resolution('resolved', '2024-01-10T10:00'), apology({ at: '2024-01-12T10:00' })], ['fix', 'kept']],
    ['their explanation, then the fix', [...letter(), explanation({ at: '2024-01-08T10:00' }), resolution('resolved', '2024-01-10T10:00')], ['answer', 'kept']],
    ['the fix late, and no answer', [...letter(), resolution('resolved', '2024-01-20T10:00')], ['fix', 'broken']],
    ['their answer late, the fix later still', [...letter(), refusal({ at: '2024-01-18T10:00' }), resolution('resolved', '2024-01-20T10:00')], ['answer', 'broken']],
    ['a closing given up on is no fix', [...letter(), resolution('abandoned', '2024-01-10T10:00')], [undefined, 'broken']],
    // A letter to a regulator has no answer of the company's: the fix alone settles it.
    ['to a regulator: the company’s apology', [...letter('regulator'), apology({ at: '2024-01-10T10:00' })], [undefined, 'broken']],
    ['to a regulator: the fix in time', [...letter('regulator'), apology({ at: '2024-01-05T10:00' }), resolution('resolved', '2024-01-10T10:00')], ['fix', 'kept']],
    ['marked kept by hand', [...letter('supervisor', { kept: true }), resolution('resolved', '2024-01-10T10:00')], [undefined, 'kept']],
  ] as [string, IncidentEvent[], [string | undefined, string]][])('%s', (_name, events, expected) => {
    expect(settled(events)).toEqual(expected);
  });

  it('is nothing for a promise of the company’s own', () => {
    const i = incident({ events: [promise({ at: '2024-01-02T10:00', due: '2024-01-05' }), resolution('resolved', '2024-01-04T10:00')] });
    expect(replySettledBy(i, i.events[0])).toBeUndefined();
  });
});

describe('computeMetrics: the reply deadlines of letters, the company’s apart from a regulator’s or a court’s', () => {
  // Each letter with its reply deadline, as `letter --sent` logs them (one moment, one level), all let pass by NOW.
  const letter = (at: string, level: Level, due: string) => [contact({ at, channel: 'letter', level }), promise({ at, due, text: `a reply (${level})`, level })];
  it('counts a deadline passed without a regulator’s or a court’s reply as theirs, never as one the company missed', () => {
    const m = computeMetrics(
      incident({
        events: [
          ...letter('2024-01-02T10:00', 'supervisor', '2024-01-09'),
          ...letter('2024-01-10T10:00', 'regulator', '2024-01-17'),
          ...letter('2024-01-18T10:00', 'court', '2024-01-25'),
          ...letter('2024-01-26T10:00', 'regulator', '2024-03-01'),
        ],
      }),
      NOW,
    );
    expect([m.promises, m.promises_broken]).toEqual([0, 0]);
    expect([m.reply_deadlines, m.reply_deadlines_missed]).toEqual([1, 1]);
    expect([m.authority_reply_deadlines, m.authority_reply_deadlines_missed]).toEqual([3, 2]);
  });
  it('says them apart in words, in both languages', () => {
    const counts = { contacts: 2, robots: 0, dropped: 0, toHuman: null, reachedHuman: false, unknown: 0, promises: 0, broken: 0, highest: 'regulator' as Level, apologised: false, explained: false, compensated: false, proactive: false, effort: null, daysOpen: 30 };
    expect(en.incident.metrics({ ...counts, replies: 1, missed: 0, theirReplies: 1, theirMissed: 1 })[2]).toBe(
      'promises: 0, broken: 0 (and 1 reply deadline of your letters to the company, 0 missed; 1 reply deadline of your letters to a regulator or a court, 1 passed without their reply)',
    );
    expect(en.incident.metrics({ ...counts, replies: 0, missed: 0, theirReplies: 2, theirMissed: 1 })[2]).toBe(
      'promises: 0, broken: 0 (and 2 reply deadlines of your letters to a regulator or a court, 1 passed without their reply)',
    );
    expect(en.incident.metrics({ ...counts, replies: 2, missed: 1, theirReplies: 0, theirMissed: 0 })[2]).toBe('promises: 0, broken: 0 (and 2 reply deadlines of your letters, 1 missed)');
    expect(ru.incident.metrics({ ...counts, replies: 1, missed: 0, theirReplies: 1, theirMissed: 1 })[2]).toBe(
      'обещаний: 0, нарушено: 0 (и сроки ответа на ваши письма компании: пропущено 0 из 1; сроки ответа регулятора или суда на ваши письма: прошло без ответа 1 из 1)',
    );
  });
});
