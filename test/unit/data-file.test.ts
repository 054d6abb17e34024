// An incident of a data file without its opening: it opens at its earliest event (by moment,
// whatever offsets its times are written with), and one with no event to open at is refused.
import { describe, expect, it } from 'vitest';
import { openingOf, validateDataFile, withOpening, type IncidentEntry } from '../../src/formats/data-file.js';
import { formatPath } from '../../src/domain/validation.js';
import type { IncidentEvent } from '../../src/domain/types.js';
import { timeZoneChanged } from '../../src/domain/dates.js';

const note = (at: string): IncidentEvent => ({ at, type: 'note', text: at }) as IncidentEvent;
const incident = (fields: Partial<IncidentEntry>): IncidentEntry => ({ company: 'Acme', title: 'lost parcel', ...fields });

describe('openingOf', () => {
  it.each<[string, Partial<IncidentEntry>, string | undefined]>([
    ['the opening given', { opened: '2024-03-09', events: [note('2024-03-01T10:00Z')] }, '2024-03-09'],
    ['the one event', { events: [note('2024-03-01T10:00Z')] }, '2024-03-01T10:00Z'],
    ['the earliest moment, not the first in the file', { events: [note('2024-03-02T10:00Z'), note('2024-03-01T10:00Z')] }, '2024-03-01T10:00Z'],
    // 09:00+05:00 is 04:00 UTC: before 06:00Z, whose text sorts first.
    ['the earliest moment, not the earliest text', { events: [note('2024-03-01T06:00Z'), note('2024-03-01T09:00+05:00')] }, '2024-03-01T09:00+05:00'],
    ['the first of the file at the earliest moment, written as it is', { events: [note('2024-03-01T10:00:00Z'), note('2024-03-01T12:00+02:00')] }, '2024-03-01T10:00:00Z'],
    ['none without events', { events: [] }, undefined],
    ['none without events or opening', {}, undefined],
  ])('%s', (_name, fields, opening) => {
    expect(openingOf(incident(fields))).toBe(opening);
  });

  it('withOpening gives the incident that opening, and leaves one that gives its own as it is', () => {
    const given = incident({ opened: '2024-03-09', events: [note('2024-03-01T10:00Z')] });
    expect(withOpening(given)).toBe(given);
    const left = incident({ events: [note('2024-03-02T10:00Z'), note('2024-03-01T10:00Z')] });
    expect(withOpening(left)).toEqual({ ...left, opened: '2024-03-01T10:00Z' });
    expect(left.opened).toBeUndefined();
  });
});

describe('validateDataFile, of an incident without its opening', () => {
  const NOW = Date.parse('2026-12-01T12:00:00Z');
  const problems = (fields: Record<string, unknown>) => {
    const v = validateDataFile({ format: 'vetted/1', incidents: [{ company: 'Acme', title: 'lost parcel', ...fields }] }, { now: NOW });
    return 'errors' in v ? v.errors.map((e) => `${formatPath(e.path)} ${e.fault.kind}`) : [];
  };

  it.each<[string, Record<string, unknown>, string[]]>([
    ['with events: valid', { events: [note('2024-03-02T10:00'), note('2024-03-01T10:00')] }, []],
    ['with events, the opening null: valid', { opened: null, events: [note('2024-03-01T10:00')] }, []],
    ['without events', {}, ['incidents[0].opened required-without-events']],
    ['with an empty list of events', { events: [] }, ['incidents[0].opened required-without-events']],
    ['with events that are no list: that is said, not the opening', { events: 'yesterday' }, ['incidents[0].events list']],
    // Its earliest event's time is its opening: a closing before it is before the opening, and said so.
    ['closed before its earliest event', { closed: '2024-02-28', events: [note('2024-03-01T10:00')] }, ['incidents[0].closed before-opened']],
    // An event ahead of now is said at the event, once, not at the opening it gives too.
    ['its earliest event in the future', { events: [note('2099-03-01T10:00')] }, ['incidents[0].events[0].at future']],
  ])('%s', (_name, fields, expected) => {
    expect(problems(fields)).toEqual(expected);
  });
});

describe("validateDataFile, of an incident's closing and its resolution", () => {
  const NOW = Date.parse('2026-12-01T12:00:00Z');
  const resolution = (at: string): IncidentEvent => ({ at, type: 'resolution', outcome: 'resolved' }) as IncidentEvent;
  const problems = (fields: Record<string, unknown>) => {
    const v = validateDataFile({ format: 'vetted/1', incidents: [{ company: 'Acme', title: 'lost parcel', opened: '2026-01-01T10:00', ...fields }] }, { now: NOW });
    return 'errors' in v ? v.errors.map((e) => `${formatPath(e.path)} ${e.fault.kind}`) : [];
  };

  it.each<[string, Record<string, unknown>, string[]]>([
    ['closed at its resolution: valid', { closed: '2026-01-05T10:00', events: [resolution('2026-01-05T10:00')] }, []],
    ['closed at its resolution, written another way: valid', { closed: '2026-01-05T10:00Z', events: [resolution('2026-01-05T12:00+02:00')] }, []],
    ['closed on the day of its resolution, a date alone: valid', { closed: '2026-01-05', events: [resolution('2026-01-05T10:00')] }, []],
    ['closed by its closing time alone, with no resolution: valid (DATA-FORMAT.md)', { closed: '2026-01-02T10:00', events: [note('2026-01-01T11:00')] }, []],
    ['a resolution and no closing time: valid', { events: [resolution('2026-01-05T10:00')] }, []],
    // Two closings of one incident: kept both, the days open were counted to one and the promises judged by the other.
    ['closed days before its resolution', { closed: '2026-01-02T10:00', events: [note('2026-01-01T11:00'), resolution('2026-01-05T10:00')] }, ['incidents[0].closed closed-not-resolution']],
    ['closed the day after its resolution', { closed: '2026-01-06', events: [resolution('2026-01-05T10:00')] }, ['incidents[0].closed closed-not-resolution']],
  ])('%s', (_name, fields, expected) => {
    expect(problems(fields)).toEqual(expected);
  });

  it('names both times in one sentence, in English and in Russian', async () => {
    const v = validateDataFile({ format: 'vetted/1', incidents: [{ company: 'Acme', title: 't', opened: '2026-01-01T10:00', closed: '2026-01-02T10:00', events: [note('2026-01-01T11:00'), resolution('2026-01-05T10:00')] }] }, { now: NOW });
    const fault = 'errors' in v ? v.errors[0].fault : undefined;
    const { en } = await import('../../src/i18n/en.js');
    const { ru } = await import('../../src/i18n/ru.js');
    expect(en.data.fault(fault as never)).toBe('says 2026-01-02T10:00, where the resolution events[1] closed the incident at 2026-01-05T10:00; an incident closes once: give closed that time, or leave it out');
    expect(ru.data.fault(fault as never)).toBe('указано 2026-01-02T10:00, а событие events[1] закрыло обращение 2026-01-05T10:00; обращение закрывается один раз: укажите в closed это время или уберите его');
  });
});

describe('a closing of a day alone beside its resolution with an offset', () => {
  const problemsIn = (zone: string, closed: string) => {
    const before = process.env.TZ;
    process.env.TZ = zone;
    timeZoneChanged();
    try {
      const v = validateDataFile({ format: 'vetted/1', incidents: [{ company: 'Acme', title: 't', opened: '2026-12-01T10:00', closed, events: [{ at: '2026-12-07T01:00+03:00', type: 'resolution', outcome: 'resolved' }] }] }, { now: Date.UTC(2026, 11, 20) });
      return 'errors' in v ? v.errors.map((e) => e.fault.kind) : [];
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
      timeZoneChanged();
    }
  };

  it.each(['Europe/Moscow', 'America/New_York', 'Asia/Tokyo'])('agrees by the day the resolution is written on, read in %s', (zone) => {
    expect(problemsIn(zone, '2026-12-07')).toEqual([]);
    expect(problemsIn(zone, '2026-12-06')).toEqual(['closed-not-resolution']);
  });
});
