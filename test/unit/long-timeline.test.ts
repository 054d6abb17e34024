// A timeline of a hundred thousand promises (a data file may hold one): judged, shown and
// written to in time that grows with its length, not with its square, and never out of stack.
import { describe, expect, it } from 'vitest';
import { closingOf, letterOfDeadline, promisesOf } from '../../src/domain/incident.js';
import { DEFAULT_POLICY, judgeCompany } from '../../src/domain/policy.js';
import { renderIncident } from '../../src/ui/render-incident.js';
import { paint } from '../../src/ui/colour.js';
import { formatLocalMinute, msOf } from '../../src/domain/dates.js';
import { largest, smallest } from '../../src/domain/extremes.js';
import { evidence, incident, promise, resolution } from '../helpers/builders.js';

const NOW = msOf('2026-12-01T10:00');

/** `n` promises twenty minutes apart from 2020, each due ten minutes after it was made: all broken. */
function promises(n: number) {
  const start = msOf('2020-01-01T00:00');
  return Array.from({ length: n }, (_, k) => promise({ at: formatLocalMinute(start + k * 1_200_000), due: formatLocalMinute(start + k * 1_200_000 + 600_000), text: 'a call back' }));
}

describe('a timeline of many promises', () => {
  it('is judged without running out of stack (the earliest and latest of its broken promises were spread into arguments)', () => {
    const i = incident({ events: promises(150_000) });
    const v = judgeCompany(evidence({ incidents: [i] }), undefined, NOW);
    expect(v.list).toBe('black');
    expect(v.reasons.map((r) => r.rule)).toContain('B2');
  });

  it('has its promises judged and shown in time that grows with its length (each asked again for the closing, and each looked for by a search)', () => {
    const time = (n: number) => {
      // Open: the closing is looked for through every event, from the last.
      const i = incident({ events: promises(n) });
      const started = performance.now();
      expect(promisesOf(i, NOW)).toHaveLength(n);
      expect(closingOf(i)).toBeUndefined();
      expect(i.events.filter((e) => letterOfDeadline(i.events, e)).length).toBe(0);
      expect(renderIncident(i, NOW, paint(false)).split('\n').length).toBeGreaterThan(n);
      return performance.now() - started;
    };
    time(2_000);
    // Four times the events: four times the time, give or take; in the square of their number it was sixteen.
    const small = Math.max(time(5_000), 1);
    const large = time(20_000);
    expect(large / small).toBeLessThan(10);
  });

  it('knows its closing changed where the resolution found was changed in its place (the timeline not grown)', () => {
    const i = incident({ events: [...promises(3), resolution('resolved', '2024-01-02T10:00')] });
    expect(closingOf(i)?.outcome).toBe('resolved');
    i.events[3] = { ...i.events[3], outcome: 'abandoned' };
    expect(closingOf(i)?.outcome).toBe('abandoned');
    i.events[3].at = '2024-01-03T10:00';
    expect(closingOf(i)?.at).toBe('2024-01-03T10:00');
  });
});

describe('a company of many failures', () => {
  it('is judged for broken promises of their own words each in time that grows with their number (each text was counted over them all)', () => {
    const time = (n: number) => {
      const events = promises(n).map((e, k) => ({ ...e, text: `promise ${k}` }));
      const started = performance.now();
      const v = judgeCompany(evidence({ incidents: [incident({ events })] }), undefined, NOW);
      expect(v.reasons.find((r) => r.rule === 'B2')!.facts).toMatchObject({ kind: 'broken-promises', broken: n });
      return performance.now() - started;
    };
    time(2_000);
    const small = Math.max(time(5_000), 1);
    expect(time(20_000) / small).toBeLessThan(10);
  });

  it('is judged for thousands of failed incidents far apart in time in well under a second each thousand (each pair\'s window was worked out anew)', () => {
    const start = msOf('2000-01-01T00:00');
    const many = Array.from({ length: 4_000 }, (_, k) =>
      incident({ id: `i${k}`, opened: formatLocalMinute(start + k * 40 * 86_400_000), events: [resolution('unresolved', formatLocalMinute(start + k * 40 * 86_400_000 + 3_600_000))] }),
    );
    const started = performance.now();
    const v = judgeCompany(evidence({ incidents: many }), { ...DEFAULT_POLICY, repeat_window_months: 1 }, NOW);
    expect(v.reasons.some((r) => r.rule === 'B3')).toBe(false);
    expect(performance.now() - started).toBeLessThan(4_000);
  });
});

describe('largest and smallest', () => {
  it('are Math.max and Math.min of any number of values', () => {
    const many = Array.from({ length: 300_000 }, (_, k) => k);
    expect(largest(many)).toBe(299_999);
    expect(smallest(many, 5)).toBe(0);
    expect(largest([], 7)).toBe(7);
    expect(smallest([3, Number.NaN, 1])).toBeNaN();
    expect(largest([])).toBe(Math.max());
  });
});
