// Recognising an event logged twice: a new timeline's repeats are found among its own events,
// comparing the full content only of events that share their time and type.
import { describe, expect, it } from 'vitest';
import { eventContentKey, repeatedEvents, sameEventAs, sortEvents, timedInOrder } from '../../src/domain/events.js';
import { msOf } from '../../src/domain/dates.js';
import type { IncidentEvent } from '../../src/domain/types.js';
import { orderedEvent } from '../../src/formats/data-file.js';

const ev = (at: string, type: string, more: Record<string, unknown> = {}) => ({ at, type, ...more }) as unknown as IncidentEvent;

/** The repeats as every event's full content key finds them, one against all before it. */
function byKeys(events: IncidentEvent[]): Set<number> {
  const seen = new Set<string>();
  const out = new Set<number>();
  events.forEach((e, n) => {
    const key = eventContentKey(e);
    if (seen.has(key)) out.add(n);
    else seen.add(key);
  });
  return out;
}

describe('repeatedEvents', () => {
  it('finds an event repeated, not one of the same time and type with other content', () => {
    const events = [
      ev('2024-01-02T10:00', 'contact', { channel: 'phone' }),
      ev('2024-01-02T10:00', 'contact', { channel: 'chat' }),
      ev('2024-01-03T10:00', 'note', { text: 'a' }),
      ev('2024-01-02T10:00', 'contact', { channel: 'phone', id: 'x#9' }),
      ev('2024-01-02T10:00', 'note', { text: 'a' }),
      ev('2024-01-03T10:00', 'note', { text: 'a' }),
      ev('2024-01-02T10:00', 'contact', { channel: 'phone' }),
    ];
    expect([...repeatedEvents(events)].sort()).toEqual([3, 5, 6]);
    expect(repeatedEvents(events)).toEqual(byKeys(events));
  });

  it('agrees with the full keys on many timelines drawn at random', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const events = Array.from({ length: 1 + next(12) }, () => ev(`2024-01-0${1 + next(3)}T10:0${next(2)}`, ['note', 'contact'][next(2)], next(2) ? { text: `t${next(3)}` } : { channel: ['phone', 'chat'][next(2)] }));
      expect(repeatedEvents(events)).toEqual(byKeys(events));
    }
  });

  it('none in an empty timeline or one of one event', () => {
    expect(repeatedEvents([]).size).toBe(0);
    expect(repeatedEvents([ev('2024-01-02', 'note', { text: 'a' })]).size).toBe(0);
  });
});

describe('timedInOrder', () => {
  it('is sortEvents with each event time in ms, the logged order kept at one time', () => {
    const events = [ev('2024-01-03T10:00', 'note'), ev('2024-01-02T10:00', 'note', { text: 'first' }), ev('2024-01-02T10:00', 'note', { text: 'second' })];
    const timed = timedInOrder(events, msOf);
    expect(timed.map((x) => x.e)).toEqual(sortEvents(events, msOf));
    expect(timed.map((x) => x.t)).toEqual(timed.map((x) => msOf(x.e.at)));
    expect(timed.map((x) => (x.e as unknown as { text?: string }).text)).toEqual(['first', 'second', undefined]);
  });
});

describe('an event in the data file order', () => {
  it('is the event itself when its fields are in that order already, and an ordered copy otherwise, without absent or unknown fields', () => {
    const inOrder = { id: 'a-1#1', at: '2024-01-01T10:00', type: 'promise', text: 'refund', due: '2024-01-05', kept: false } as unknown as IncidentEvent;
    expect(orderedEvent(inOrder)).toBe(inOrder);
    const shuffled = { kept: false, type: 'promise', due: '2024-01-05', at: '2024-01-01T10:00', text: 'refund', id: 'a-1#1' } as unknown as IncidentEvent;
    const out = orderedEvent(shuffled);
    expect(out).not.toBe(shuffled);
    expect(JSON.stringify(out)).toBe(JSON.stringify(inOrder));
    // An absent field given as undefined, or a field no event has, is left out, the order kept.
    for (const odd of [{ ...inOrder, outcome: undefined }, { ...inOrder, extra: 1 }, { at: '2024-01-01T10:00', id: 'x', type: 'note' }]) {
      const o = orderedEvent(odd as unknown as IncidentEvent);
      expect(o).not.toBe(odd);
      expect(Object.keys(o)[0]).toBe('id');
      expect(Object.keys(o)).not.toContain('extra');
      expect(Object.values(o)).not.toContain(undefined);
    }
  });
});

describe('sameEventAs', () => {
  it('finds another event of the same content, its times compared as moments however written', () => {
    const stored = [ev('2026-01-02T10:00', 'note', { text: 'hi' }), ev('2026-01-02T10:00', 'promise', { text: 'soon', due: '2026-01-03T10:00' })];
    expect(sameEventAs(ev('2026-01-02 10:00', 'note', { text: 'hi' }), stored)).toBe(stored[0]);
    expect(sameEventAs(ev(' 2026-01-02T10:00:00 ', 'promise', { text: 'soon', due: '2026-01-03 10:00' }), stored)).toBe(stored[1]);
    expect(sameEventAs(ev('2026-01-02T10:01', 'note', { text: 'hi' }), stored)).toBeUndefined();
    expect(sameEventAs(ev('2026-01-02T10:00', 'note', { text: 'hi!' }), stored)).toBeUndefined();
    // Never the event itself.
    expect(sameEventAs(stored[0], stored)).toBeUndefined();
  });
});
