// A date alone compared with a time: the time's written day decides, in every zone.
import { afterEach, describe, expect, it } from 'vitest';
import { parseWhen, timeZoneChanged, writtenDayOf } from '../../src/domain/dates.js';
import { futureProblem, isBefore } from '../../src/domain/date-rules.js';
import { promiseStatusGiven } from '../../src/domain/incident.js';

const ZONES = ['America/New_York', 'Europe/Moscow', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Honolulu', 'UTC'];
const before = process.env.TZ;
const inZone = (zone: string) => {
  process.env.TZ = zone;
  timeZoneChanged();
};
afterEach(() => {
  if (before === undefined) delete process.env.TZ;
  else process.env.TZ = before;
  timeZoneChanged();
});
const w = (text: string) => parseWhen(text)!;

describe('writtenDayOf', () => {
  it.each([
    ['2026-12-07', 20261207],
    ['2026-12-07T23:30', 20261207],
    ['2026-12-07T23:30-05:00', 20261207],
    ['2026-12-08T01:00+14:00', 20261208],
    ['2026-12-07 10:00Z', 20261207],
  ])('%s is written on %s', (text, day) => {
    expect(writtenDayOf(w(text))).toBe(day);
  });
});

describe.each(ZONES)('a date alone against a time, read in %s', (zone) => {
  it('orders by the day the time is written on', () => {
    inZone(zone);
    expect(isBefore(w('2026-12-07'), w('2026-12-07T18:52-05:00'))).toBe(false);
    expect(isBefore(w('2026-12-07T18:52-05:00'), w('2026-12-07'))).toBe(false);
    expect(isBefore(w('2026-12-07T01:00+03:00'), w('2026-12-07'))).toBe(false);
    expect(isBefore(w('2026-12-06T23:59+14:00'), w('2026-12-07'))).toBe(true);
    expect(isBefore(w('2026-12-07'), w('2026-12-08T00:00-12:00'))).toBe(true);
  });

  it('keeps a date-only promise by a closing written on its day, and breaks it by one written the day after', () => {
    inZone(zone);
    const now = Date.UTC(2026, 11, 20);
    const kept = promiseStatusGiven({ due: '2026-12-07', at: '2026-12-02T10:00' }, { outcome: 'resolved', ms: w('2026-12-07T18:52-05:00').ms, at: '2026-12-07T18:52-05:00' }, now);
    expect(kept.state).toBe('kept');
    const late = promiseStatusGiven({ due: '2026-12-07', at: '2026-12-02T10:00' }, { outcome: 'resolved', ms: w('2026-12-08T03:00+03:00').ms, at: '2026-12-08T03:00+03:00' }, now);
    expect(late.state).toBe('broken');
    // Late by the time past the end of that day on the closing's own clock: the same everywhere.
    expect(late.lateMs).toBe(3 * 3_600_000);
    const answered = promiseStatusGiven({ due: '2026-12-07', at: '2026-12-02T10:00' }, undefined, now, '2026-12-07T23:00-10:00');
    expect(answered.state).toBe('kept');
  });

  it('finds a date alone in the future by the day it is written on against today here', () => {
    inZone(zone);
    const now = w('2026-12-07T12:00').ms;
    expect(futureProblem(w('2026-12-07'), now)).toBeUndefined();
    expect(futureProblem(w('2026-12-08'), now)).toEqual({ kind: 'future' });
  });
});
