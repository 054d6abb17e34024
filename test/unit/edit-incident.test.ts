// The incident editor's reading of the edited file: what it refuses, and what it lets stand.
import { describe, expect, it } from 'vitest';
import { readEdited } from '../../src/commands/edit-incident.js';

describe('the incident editor on an incident an older version kept with dates the rules refuse now', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  const before = {
    id: 'alpha-1',
    company: 'Alpha',
    title: 't1',
    opened: '2026-09-10',
    fault: 'unknown' as const,
    events: [
      { id: 'alpha-1#1', at: '2026-09-01', type: 'contact' as const, channel: 'phone' as const },
      { id: 'alpha-1#2', at: '2026-09-12', type: 'promise' as const, text: 'p', due: '2026-09-11' },
      { id: 'alpha-1#3', at: '2026-12-25', type: 'contact' as const, channel: 'phone' as const },
    ],
  };
  const yaml = (title: string, second = '2026-09-12') =>
    `id: alpha-1\ncompany: Alpha\ntitle: ${title}\nopened: 2026-09-10\nfault: unknown\nevents:\n  - {id: "alpha-1#1", at: 2026-09-01, type: contact, channel: phone}\n  - {id: "alpha-1#2", at: ${second}, type: promise, text: p, due: 2026-09-11}\n  - {id: "alpha-1#3", at: 2026-12-25, type: contact, channel: phone}\n`;

  it('saves a change of its title, saying what stood as it was kept; a date rule the edit breaks is refused', () => {
    const read = readEdited(yaml('t2'), now, before);
    expect(read).toMatchObject({ entry: { title: 't2' } });
    expect('entry' in read && read.stood?.map((p) => p.message)).toEqual([
      'events[0].at: is before the incident was opened (2026-09-10)',
      'events[1].due: is before the promise was made (2026-09-12)',
      'events[2].at: is in the future; record what has happened, with the time it happened',
    ]);
    // An event added beside them: they still stand, the new one breaking no rule.
    const added = readEdited(`${yaml('t1')}  - {at: 2026-11-01, type: note, text: n}\n`, now, before);
    expect('entry' in added && added.stood?.length).toBe(3);
    // A promise moved before the opening is this edit's doing.
    expect(readEdited(yaml('t2', '2026-09-09'), now, before)).toEqual({ problems: [{ line: 8, message: 'events[1].at: is before the incident was opened (2026-09-10)' }] });
  });

  it('refuses a time the rules refuse moved to another they refuse: the fault stood only at the times it stood at', () => {
    // The contact moved from one time before the opening to another.
    const moved = yaml('t1').replace('at: 2026-09-01', 'at: 2026-08-20');
    expect(readEdited(moved, now, before)).toEqual({ problems: [{ line: 7, message: 'events[0].at: is before the incident was opened (2026-09-10)' }] });
    // The opening moved later, the contact before it still: before another opening.
    const opened = yaml('t1').replace('opened: 2026-09-10', 'opened: 2026-09-11').replace('at: 2026-09-12, type: promise, text: p, due: 2026-09-11', 'at: 2026-09-12, type: promise, text: p, due: 2026-09-13');
    expect(readEdited(opened, now, before)).toEqual({ problems: [{ line: 7, message: 'events[0].at: is before the incident was opened (2026-09-11)' }] });
    // A deadline moved to another before its promise, and a time in the future to another.
    expect(readEdited(yaml('t1').replace('due: 2026-09-11', 'due: 2026-09-10'), now, before)).toMatchObject({ problems: [{ message: 'events[1].due: is before the promise was made (2026-09-12)' }] });
    expect(readEdited(yaml('t1').replace('at: 2026-12-25', 'at: 2026-12-26'), now, before)).toMatchObject({ problems: [{ message: expect.stringMatching(/^events\[2\]\.at: is in the future/) }] });
    // The same times written another way are the same times: they stand.
    const same = yaml('t1').replace('at: 2026-09-01', 'at: "2026-09-01T00:00"');
    expect('entry' in readEdited(same, now, before) && readEdited(same, now, before)).toMatchObject({ stood: { length: 3 } });
  });
});
