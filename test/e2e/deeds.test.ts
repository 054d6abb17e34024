// Deeds over words on the built binary: a passed check after broken promises does not wash
// them away; `why` shows it as not counted, and `check` says so with the company's record.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, amazonAnswerFlags, type Sandbox } from '../helpers/cli.js';
import { json, ok } from '../helpers/expect.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  ok(s.run(['incident', 'add', 'Some ISP', '--title', 'down', '--fault', 'company', '--opened', '2026-11-01 09:00']));
  for (const [at, due] of [['2026-11-01 10:00', '2026-11-02 10:00'], ['2026-11-03 10:00', '2026-11-04 10:00'], ['2026-11-05 10:00', '2026-11-06 10:00']]) {
    ok(s.run(['incident', 'event', 'some-isp-1', 'promise', '--at', at, '--due', due, '--text', 'fixed tomorrow']));
  }
});
afterEach(() => s.cleanup());

describe('deeds over words', () => {
  it('a passed check after three broken promises leaves the company black, and says why', () => {
    interface Checked {
      verdict: string;
      record: { list: string; before: { list: string } | null; changed: boolean; check_counted: boolean; broken_promises: number; reason: { rule: string } };
    }
    const r = json<Checked>(s, ['check', 'Some ISP', ...amazonAnswerFlags, '--json']);
    expect(r.verdict).toBe('go');
    expect(r.record).toMatchObject({ list: 'black', before: { list: 'black' }, changed: false, check_counted: false, broken_promises: 3, reason: { rule: 'B2' } });
    const why = json<{ list: string; set_aside: { rule: string }[] }>(s, ['why', 'Some ISP', '--json']);
    expect(why.list).toBe('black');
    expect(why.set_aside.map((f) => f.rule)).toEqual(['W3']);
    const text = ok(s.run(['why', 'Some ISP'])).stdout;
    expect(text).toMatch(/Not counted \(1\): what a check says, beside what the company did\n  • \+ W3 passed check/);
    expect(text).toMatch(/a check says what a company promises; your incidents say what it did, and deeds decide over words/);
  });

  it('the printed check shows the record and that the check did not change it', () => {
    const out = ok(s.run(['check', 'Some ISP', ...amazonAnswerFlags])).stdout;
    expect(out).toMatch(/^Some ISP: on the black list since 2026-11-\d\d\.\n  decided by B2: /);
    expect(out).toMatch(/  1 open incident, 3 broken promises\n/);
    expect(out).toMatch(/Now: still on the black list: this check did not change the verdict\.\nA check says what a company promises; your incidents say what it did, and deeds decide over words\./);
  });

  it('a check decides when no incident finding holds', () => {
    const r = json<{ record: { list: string; changed: boolean } }>(s, ['check', 'Elsewhere', ...amazonAnswerFlags, '--json']);
    expect(r.record).toMatchObject({ list: 'white', changed: true });
  });

  it('policy show gives the order in which findings decide', () => {
    expect(ok(s.run(['policy', 'show'])).stdout).toMatch(/deeds over words: when any incident finding \(B1, B2, B3, W1, W2\) holds/);
  });
});

describe('a promise the company made the day the customer wrote', () => {
  it('is the company’s, broken or kept, by email as by phone: of a day alone it is no letter’s reply deadline', () => {
    const story = (company: string, channel: string) =>
      `  - company: ${company}\n    title: promised three times by ${channel}\n    opened: 2024-03-01\n    fault: company\n    events:\n` +
      ['01', '03', '05'].map((d) => `      - {at: 2024-03-${d}, type: contact, channel: ${channel}}\n      - {at: 2024-03-${d}, type: promise, text: fixed tomorrow, due: 2024-03-${String(Number(d) + 1).padStart(2, '0')}}\n`).join('') +
      '      - {at: 2024-03-10, type: resolution, outcome: resolved}\n';
    const file = join(s.dir, 'days.yaml');
    writeFileSync(file, `format: vetted/1\nincidents:\n${story('MailCo', 'email')}${story('PhoneCo', 'phone')}`);
    ok(s.run(['import', file]));
    const black = json<{ black: { company: string; reasons: { rule: string }[] }[] }>(s, ['lists', 'black', '--json']).black;
    expect(black.filter((c) => c.company !== 'Some ISP').map((c) => [c.company, c.reasons[0].rule])).toEqual([
      ['MailCo', 'B2'],
      ['PhoneCo', 'B2'],
    ]);
    expect(ok(s.run(['incident', 'show', 'mailco-1'])).stdout).not.toMatch(/reply deadline/);
  });
});
