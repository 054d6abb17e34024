// ISO 8601 dates and date-times as the data file has them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysInMonth, impossibleOffset, localDayOf, localOffsetAt, localWallClock, msOf, parseHumanWhen, parseWhen, roundedSpan, skippedLocalTime, timeZoneChanged } from '../../src/domain/dates.js';

/** A local time with the offset the local clock has then, as a time read off the clock is kept. */
const zoned = (local: string) => `${local}${localOffsetAt(msOf(local))}`;

describe('parseWhen accepts', () => {
  // Local times are compared with the Date constructor, so these hold in any time zone.
  const cases: [text: string, ms: number, dateOnly: boolean][] = [
    ['2012-07-12', new Date(2012, 6, 12).getTime(), true],
    ['2024-02-29', new Date(2024, 1, 29).getTime(), true], // a leap year
    ['2000-02-29', new Date(2000, 1, 29).getTime(), true], // divisible by 400
    ['2024-12-31', new Date(2024, 11, 31).getTime(), true],
    ['2024-04-30', new Date(2024, 3, 30).getTime(), true],
    ['2012-07-12T09:05', new Date(2012, 6, 12, 9, 5).getTime(), false],
    ['2012-07-12 09:05', new Date(2012, 6, 12, 9, 5).getTime(), false],
    ['2012-07-12T09:05:30', new Date(2012, 6, 12, 9, 5, 30).getTime(), false],
    ['2012-07-12T09:05:30.250', new Date(2012, 6, 12, 9, 5, 30, 250).getTime(), false],
    ['2012-07-12T00:00', new Date(2012, 6, 12, 0, 0).getTime(), false],
    ['2024-12-31T23:59:59', new Date(2024, 11, 31, 23, 59, 59).getTime(), false],
    ['2012-07-12T09:05Z', Date.UTC(2012, 6, 12, 9, 5), false],
    ['2012-07-12T09:05:30Z', Date.UTC(2012, 6, 12, 9, 5, 30), false],
    ['2012-07-12T09:05:30.5Z', Date.UTC(2012, 6, 12, 9, 5, 30, 500), false],
    ['2012-07-12T09:05:30.123456789Z', Date.UTC(2012, 6, 12, 9, 5, 30, 123), false],
    ['2012-07-12T09:05+00:00', Date.UTC(2012, 6, 12, 9, 5), false],
    ['2012-07-12T09:05+03:00', Date.UTC(2012, 6, 12, 6, 5), false],
    ['2012-07-12T09:05:00+03:00', Date.UTC(2012, 6, 12, 6, 5), false],
    ['2012-07-12T09:05+0300', Date.UTC(2012, 6, 12, 6, 5), false],
    ['2012-07-12T01:00+03:00', Date.UTC(2012, 6, 11, 22, 0), false], // the day before in UTC
    ['2012-07-12T09:05-05:30', Date.UTC(2012, 6, 12, 14, 35), false],
    ['2012-07-12T23:30-02:00', Date.UTC(2012, 6, 13, 1, 30), false], // the day after in UTC
    ['2024-02-29T12:00+14:00', Date.UTC(2024, 1, 28, 22, 0), false],
  ];
  it.each(cases)('%s', (text, ms, dateOnly) => {
    expect(parseWhen(text)).toEqual({ text, ms, dateOnly });
  });

  it('agrees with the platform on an offset date-time', () => {
    expect(parseWhen('2012-07-12T09:05:00+03:00')?.ms).toBe(new Date('2012-07-12T09:05:00+03:00').getTime());
    expect(parseWhen('2012-07-12T09:05:00-05:30')?.ms).toBe(new Date('2012-07-12T09:05:00-05:30').getTime());
    expect(parseWhen('2012-07-12T09:05:00Z')?.ms).toBe(1342083900000);
  });

  it('keeps the trimmed text', () => {
    expect(parseWhen('  2012-07-12T09:05+03:00\n')).toEqual({ text: '2012-07-12T09:05+03:00', ms: Date.UTC(2012, 6, 12, 6, 5), dateOnly: false });
  });

  it('gives the same moment for the same instant written in different zones', () => {
    const a = parseWhen('2012-07-12T09:05Z')!.ms;
    expect(parseWhen('2012-07-12T12:05+03:00')!.ms).toBe(a);
    expect(parseWhen('2012-07-12T04:05-05:00')!.ms).toBe(a);
  });
});

describe('parseWhen refuses', () => {
  const cases: [text: string, why: string][] = [
    ['2024-13-45', 'month 13 and day 45'],
    ['2024-13-01', 'month 13'],
    ['2024-00-10', 'month 0'],
    ['2024-01-00', 'day 0'],
    ['2024-01-32', 'day 32'],
    ['2023-02-29', 'February 29 of a common year'],
    ['1900-02-29', 'February 29 of a century that is not a leap year'],
    ['2024-02-30', 'February 30 of a leap year'],
    ['2024-04-31', 'April 31'],
    ['yesterday', 'a word'],
    ['', 'nothing'],
    ['   ', 'only spaces'],
    ['2024-1-1', 'single-digit month and day'],
    ['2024-01-1', 'a single-digit day'],
    ['24-01-01', 'a two-digit year'],
    ['12.07.2012', 'a European date'],
    ['07/12/2012', 'an American date'],
    ['2024-01-01T25:00', 'hour 25'],
    ['2024-01-01T24:00', 'hour 24'],
    ['2024-01-01T23:60', 'minute 60'],
    ['2024-01-01T23:59:60', 'second 60'],
    ['2024-01-01T9:05', 'a single-digit hour'],
    ['2024-01-01T09', 'an hour without minutes'],
    ['2024-01-01T', 'a T without a time'],
    ['2024-01-01Z', 'a zone without a time'],
    ['2024-01-01T09:05+3:00', 'a single-digit offset hour'],
    ['2024-01-01T09:05+24:00', 'an offset of 24 hours'],
    ['2024-01-01T09:05+05:60', 'an offset of 60 minutes'],
    ['2024-01-01T09:05 +03:00', 'a space before the offset'],
    ['2024-01-01T09:05:30.', 'a dot without a fraction'],
    ['2024-01-01T09:05:30.1234567890', 'ten digits of fraction'],
    ['2024-01-01x', 'trailing text'],
    ['on 2024-01-01', 'leading text'],
  ];
  it.each(cases)('%j (%s)', (text) => {
    expect(parseWhen(text)).toBeUndefined();
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 1, 31],
    [2024, 2, 29],
    [2023, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('%d-%d has %d days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('years before 100', () => {
  // Date.UTC and new Date(y, …) read years 0–99 as 1900–1999; four-digit years are literal.
  it('0050-01-01T00:00Z is the year 50, not 1950', () => {
    expect(parseWhen('0050-01-01T00:00Z')?.ms).toBe(new Date('0050-01-01T00:00:00Z').getTime());
  });
});

/** Two digits of a number, or four. */
const two = (n: number) => String(n).padStart(2, '0');
const four = (n: number) => String(n).padStart(4, '0');

/**
 * Holds parseWhen's shortcut to its general reading over texts of a shape (`near`, of `length`
 * characters) and of that shape with one character changed: a leading space sends the same text
 * down the general reading (it trims), so the two must agree on every one.
 */
function agreesWithGeneralReading(near: fc.Arbitrary<string>, length: number): void {
  const chars = fc.constantFrom(...'0123456789-T: Z/a٣'.split(''));
  const mangled = fc.tuple(near, fc.nat(length - 1), chars).map(([t, i, c]) => t.slice(0, i) + c + t.slice(i + 1));
  fc.assert(
    fc.property(fc.oneof(near, mangled), (text) => {
      expect(parseWhen(text)).toEqual(parseWhen(` ${text}`) && { ...parseWhen(` ${text}`), text });
    }),
    { numRuns: 5000 },
  );
}

describe('parseWhen on the stored form YYYY-MM-DDTHH:MM', () => {
  // The stored form is read by a shortcut.
  const near = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
    .map(([y, mo, d, h, mi]) => `${four(y)}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}`);

  it('agrees with the general reading', () => agreesWithGeneralReading(near, 16));

  it('reads a real minute and refuses an impossible one', () => {
    expect(parseWhen('2024-02-29T23:59')).toEqual({ text: '2024-02-29T23:59', ms: new Date(2024, 1, 29, 23, 59).getTime(), dateOnly: false });
    expect(parseWhen('2023-02-29T10:00')).toBeUndefined();
    expect(parseWhen('2023-01-01T24:00')).toBeUndefined();
    expect(parseWhen('0099-01-01T10:00')?.ms).toBe(parseWhen(' 0099-01-01T10:00')?.ms);
  });
});

describe('parseWhen on a date alone, YYYY-MM-DD', () => {
  // A date alone is read by a shortcut too.
  const near = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, mo, d]) => `${four(y)}-${two(mo)}-${two(d)}`);

  it('agrees with the general reading', () => agreesWithGeneralReading(near, 10));

  it('reads a real day and refuses an impossible one', () => {
    expect(parseWhen('2024-02-29')).toEqual({ text: '2024-02-29', ms: new Date(2024, 1, 29).getTime(), dateOnly: true });
    expect(parseWhen('2023-02-29')).toBeUndefined();
    expect(parseWhen('2023-13-01')).toBeUndefined();
    expect(parseWhen('0099-01-01')?.ms).toBe(parseWhen(' 0099-01-01')?.ms);
  });
});

describe('localDayOf', () => {
  it('gives the day of a time in the zone it is asked in, once the zone is said to have changed', () => {
    const before = process.env.TZ;
    const at = Date.UTC(2024, 0, 1, 20, 0);
    try {
      process.env.TZ = 'UTC';
      timeZoneChanged();
      expect(localDayOf(at)).toBe(20240101);
      process.env.TZ = 'Asia/Tokyo';
      timeZoneChanged();
      expect(localDayOf(at)).toBe(20240102);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
      timeZoneChanged();
    }
  });
});

describe('the stored form in zones that change their clocks', () => {
  // A day whose offset holds all day is read from its local midnight, kept; a day that
  // changes it is read with the Date constructor, time by time. Both must give what
  // new Date(y, m, d, h, mi) gives, in every zone, on the days of a change and around them.
  const zones = ['UTC', 'Europe/Berlin', 'America/Sao_Paulo', 'America/Havana', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia', 'America/St_Johns', 'Europe/Moscow'];
  const days: [number, number, number][] = [];
  // Every day of 2011 (Samoa skipped a day; Moscow stopped changing), of 1986 (Kathmandu moved
  // by 15 minutes) and of 2024.
  for (const y of [1986, 2011, 2024]) for (let t = Date.UTC(y, 0, 1); t < Date.UTC(y + 1, 0, 1); t += 86_400_000) days.push([y, new Date(t).getUTCMonth(), new Date(t).getUTCDate()]);
  const pad = (n: number) => String(n).padStart(2, '0');

  it.each(zones)('%s: every quarter hour of three years as the Date constructor reads it', (zone) => {
    const before = process.env.TZ;
    process.env.TZ = zone;
    // The days kept in another zone are not this one's.
    timeZoneChanged();
    try {
      let changed = 0;
      for (const [y, m, d] of days) {
        if (new Date(y, m, d, 23, 59).getTime() - new Date(y, m, d).getTime() !== 1439 * 60_000) changed++;
        for (let h = 0; h < 24; h++) {
          for (let mi = 0; mi < 60; mi += 15) {
            const text = `${y}-${pad(m + 1)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
            const want = new Date(y, m, d, h, mi).getTime();
            if (msOf(text) !== want || parseWhen(text)?.ms !== want) expect({ text, msOf: msOf(text), parseWhen: parseWhen(text)?.ms }).toEqual({ text, msOf: want, parseWhen: want });
          }
        }
        // A date alone is its local midnight (the first minute of a day that begins at one o'clock).
        const day = `${y}-${pad(m + 1)}-${pad(d)}`;
        const midnight = new Date(y, m, d).getTime();
        if (parseWhen(day)?.ms !== midnight || msOf(day) !== midnight) expect({ day, parseWhen: parseWhen(day)?.ms, msOf: msOf(day) }).toEqual({ day, parseWhen: midnight, msOf: midnight });
        // Its local day, as a Date reads it (Samoa's skipped day is the next), kept from one zone to the next no longer than the zone.
        const dayOf = (ms: number) => new Date(ms).getFullYear() * 10_000 + (new Date(ms).getMonth() + 1) * 100 + new Date(ms).getDate();
        const last = new Date(y, m, d, 23, 59).getTime();
        if (localDayOf(midnight) !== dayOf(midnight) || localDayOf(last) !== dayOf(last)) expect({ day, of: localDayOf(midnight), ofLast: localDayOf(last) }).toEqual({ day, of: dayOf(midnight), ofLast: dayOf(last) });
      }
      // The zones that change their clocks did so on these days: both ways were taken.
      if (zone !== 'UTC') expect(changed).toBeGreaterThan(0);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
      timeZoneChanged();
    }
  });
});

describe('localWallClock', () => {
  const inZone = <T>(zone: string, fn: () => T): T => {
    const before = process.env.TZ;
    process.env.TZ = zone;
    timeZoneChanged();
    try {
      return fn();
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
      timeZoneChanged();
    }
  };

  it('shows a time given with its offset from UTC at the local time of that instant, and leaves one without as it is', () => {
    inZone('UTC', () => {
      expect(localWallClock('2026-11-01T16:00+05:00')).toBe('2026-11-01T11:00');
      expect(localWallClock('2026-11-01T16:00:30.5-0330')).toBe('2026-11-01T19:30');
      expect(localWallClock('2026-11-01T23:30Z')).toBe('2026-11-01T23:30');
      expect(localWallClock('2026-11-01T13:00')).toBe('2026-11-01T13:00');
      expect(localWallClock('2026-11-01T13:00:45')).toBe('2026-11-01T13:00:45');
      expect(localWallClock('2026-11-01')).toBe('2026-11-01');
    });
    // Across midnight, into the next day of the local calendar.
    inZone('Asia/Tokyo', () => expect(localWallClock('2026-11-01T23:30Z')).toBe('2026-11-02T08:30'));
  });
});

describe('roundedSpan', () => {
  it('rounds to minutes, hours, then days, and says a span under a minute as one minute, never none', () => {
    expect(roundedSpan(30_000)).toEqual({ n: 1, unit: 'minute' });
    expect(roundedSpan(0)).toEqual({ n: 1, unit: 'minute' });
    expect(roundedSpan(-20_000)).toEqual({ n: 1, unit: 'minute' });
    expect(roundedSpan(40 * 60_000)).toEqual({ n: 40, unit: 'minute' });
    expect(roundedSpan(27 * 3_600_000)).toEqual({ n: 27, unit: 'hour' });
    expect(roundedSpan((2 * 24 + 21) * 3_600_000)).toEqual({ n: 3, unit: 'day' });
  });
});

describe('localWallClock of a local time the clocks skipped', () => {
  it('shows it as the time it is read as, an hour later, and every other local time as given', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      timeZoneChanged();
      expect(localWallClock('2026-03-08T02:30')).toBe('2026-03-08T03:30');
      expect(localWallClock('2026-03-08 02:40')).toBe('2026-03-08T03:40');
      expect(localWallClock('2026-03-08T02:30:15')).toBe('2026-03-08T03:30');
      // Read as it sorts and is judged: after 03:10, not above it.
      expect(msOf('2026-03-08T02:30')).toBeGreaterThan(msOf('2026-03-08T03:10'));
      for (const kept of ['2026-03-08T01:59', '2026-03-08T03:00', '2026-03-08T03:10', '2026-11-01T01:30', '2026-07-01T02:30', '2026-03-08', '2026-03-08 01:00'])
        expect(localWallClock(kept)).toBe(kept);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
      timeZoneChanged();
    }
  });
});

describe('impossibleOffset', () => {
  it.each<[string, string | undefined]>([
    ['2026-12-08T10:00+14:00', undefined],
    ['2026-12-08T10:00-12:00', undefined],
    ['2026-12-08T10:00+05:45', undefined],
    ['2026-12-08T10:00-09:30', undefined],
    ['2026-12-08T10:00+0530', undefined],
    ['2026-12-08T10:00:30.5+12:45', undefined],
    ['2026-12-08T10:00Z', undefined],
    ['2026-12-08T10:00', undefined],
    ['2026-12-08', undefined],
    ['2026-12-08T10:00+15:00', '+15:00'],
    ['2026-12-08T10:00+14:30', '+14:30'],
    ['2026-12-08T10:00-12:30', '-12:30'],
    ['2026-12-08T10:00-13:00', '-13:00'],
    // Any minutes within the range: the zone database's own (local mean times kept into the 1900s).
    ['2026-12-08T10:00+03:17', undefined],
    ['2026-12-08T10:00+0315', undefined],
    ['1972-01-07T00:30-00:44', undefined],
    ['1905-01-01T10:00+05:21', undefined],
    ['1905-01-01T10:00+07:20', undefined],
    ['1905-01-01T10:00+00:20', undefined],
    ['1905-01-01T10:00+01:20', undefined],
    ['2026-12-08T10:00+08:45', undefined],
    ['2026-12-08T10:00+13:45', undefined],
    ['2026-12-08T10:00-14:00', '-14:00'],
    ['2026-12-08T10:00+14:01', '+14:01'],
    ['2026-12-08T10:00+23:59', '+23:59'],
  ])('%s: %s', (text, offset) => {
    expect(impossibleOffset(text)).toBe(offset);
  });
});

describe('parseHumanWhen of a time read off the clock', () => {
  /** Runs `f` with the local clock in a zone. */
  const inZone = <T>(zone: string, f: () => T): T => {
    const before = process.env.TZ;
    try {
      process.env.TZ = zone;
      timeZoneChanged();
      return f();
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
      timeZoneChanged();
    }
  };
  const at = Date.UTC(2026, 11, 7, 22, 50, 30);
  it.each([
    ['Pacific/Kiritimati', 'now', '2026-12-08T12:50+14:00'],
    ['Pacific/Kiritimati', 'today 23:59', '2026-12-08T23:59+14:00'],
    ['America/New_York', 'сейчас', '2026-12-07T17:50-05:00'],
    ['America/New_York', 'yesterday 09:00', '2026-12-06T09:00-05:00'],
    ['Europe/Moscow', 'завтра в 10:00', '2026-12-09T10:00+03:00'],
    ['Asia/Kathmandu', 'today 18:00', '2026-12-08T18:00+05:45'],
  ])('in %s, %s is kept with its offset: %s, the instant it names wherever it is read', (zone, typed, stored) => {
    const w = inZone(zone, () => parseHumanWhen(typed, at))!;
    expect(w.text).toBe(stored);
    expect(w.ms).toBe(parseWhen(stored)!.ms);
    expect(inZone('UTC', () => msOf(w.text))).toBe(w.ms);
  });
  it('keeps a date and time typed in full as given, and a day word alone as a date', () => {
    inZone('Europe/Moscow', () => {
      expect(parseHumanWhen('2026-12-01 10:00', at)!.text).toBe('2026-12-01T10:00');
      expect(parseHumanWhen('01.12.2026 10:00', at)!.text).toBe('2026-12-01T10:00');
      expect(parseHumanWhen('yesterday', at)!.text).toBe('2026-12-07');
    });
  });
  it('takes the offset of the time named, not of now, across a change of clocks, and leaves a time the clocks skipped as typed for the caller to refuse', () => {
    inZone('America/New_York', () => {
      const saturday = new Date(2026, 2, 7, 12, 0).getTime();
      expect(parseHumanWhen('tomorrow 10:00', saturday)!.text).toBe('2026-03-08T10:00-04:00');
      const skipped = parseHumanWhen('tomorrow 02:30', saturday)!;
      expect(skipped.text).toBe('2026-03-08T02:30');
      expect(skippedLocalTime(skipped)).toBeDefined();
    });
  });
});

describe('parseHumanWhen with the month in words', () => {
  const now = new Date(2026, 11, 5, 12, 0).getTime();
  it.each([
    ['12 июля 2012', '2012-07-12'],
    ['12 июля 2012 г.', '2012-07-12'],
    ['12 июля 2012 года в 10:05', '2012-07-12T10:05'],
    ['1 Мая 2020 09:30', '2020-05-01T09:30'],
    ['3 сент. 2021', '2021-09-03'],
    ['5 февраля 2024, 18:00', '2024-02-05T18:00'],
    ['12 July 2012', '2012-07-12'],
    ['12 jul 2012 10:00', '2012-07-12T10:00'],
    ['July 12, 2012', '2012-07-12'],
    ['July 12th, 2012 at 10:00', '2012-07-12T10:00'],
    ['12th July 2012', '2012-07-12'],
    ['1st May 2020 09:30', '2020-05-01T09:30'],
    ['Sept. 3 2021', '2021-09-03'],
    // A numeric date with a comma or "в" before its time, and a day word with one, as a person writes them.
    ['12.07.2012, 09:05', '2012-07-12T09:05'],
    ['12.07.2012 в 09:05', '2012-07-12T09:05'],
    // A time of a day word is read off the clock: kept with the offset of the zone it was typed in.
    ['вчера в 18:00', zoned('2026-12-04T18:00')],
    ['завтра, 9:30', zoned('2026-12-06T09:30')],
    ['yesterday at 18:00', zoned('2026-12-04T18:00')],
    ['вчера,18:00', zoned('2026-12-04T18:00')],
    ['2026-11-02, 09:05', '2026-11-02T09:05'],
    ['2026-11-02 в 9:05', '2026-11-02T09:05'],
    ['2026-11-02 at 09:05', '2026-11-02T09:05'],
    // An ISO date with an hour of one digit, as `12.07.2012 9:05` is read.
    ['2027-05-05 9:00', '2027-05-05T09:00'],
    ['2027-05-05T9:00', '2027-05-05T09:00'],
    ['2027-05-05  09:00', '2027-05-05T09:00'],
    ['2027-05-05T9:30:15', '2027-05-05T09:30:15'],
    ['2027-05-05 9:30Z', '2027-05-05T09:30Z'],
    ['2027-05-05T9:30+03:00', '2027-05-05T09:30+03:00'],
    // A dotted date with more than one space before its time, as an ISO date is read with them.
    ['05.05.2027  9:00', '2027-05-05T09:00'],
    ['05.05.2027  09:00', '2027-05-05T09:00'],
    ['5.5.2027   9:00', '2027-05-05T09:00'],
  ])('%s is %s', (typed, stored) => {
    expect(parseHumanWhen(typed, now)?.text).toBe(stored);
  });
  it.each(['12 foo 2012', '31 июня 2012', '12 июля', 'July 2012', '12 July 2012 25:00', '12 июля 12', 'июля 12 2012 года 10:00 утра', '12.07.2012,, 09:05', 'вчера в', 'now at 10:00', '2027-05-05 9:0', '2027-05-05 123:00'])('refuses %s', (typed) => {
    expect(parseHumanWhen(typed, now)).toBeUndefined();
  });
});

describe('the offsets of the zone database', () => {
  it('are all within the range impossibleOffset allows, in every zone and the years a record may have', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const f = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' });
      for (let y = 1900; y <= 2199; y += 3) {
        const name = f.formatToParts(Date.UTC(y, 0, 1)).find((p) => p.type === 'timeZoneName')!.value;
        const m = /GMT([+-]\d{2}:\d{2})/.exec(name);
        if (m) expect(impossibleOffset(`${y}-01-01T10:00${m[1]}`), `${zone} ${y} ${name}`).toBeUndefined();
      }
    }
  });
});
