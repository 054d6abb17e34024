// Hints that know the state: advice rests on evidence, and a hint never suggests what was just done.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { json, ok } from '../helpers/expect.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

interface Due {
  incident: string;
  next_steps: { step: string; why: string; step_ru: string; why_ru: string }[];
}

describe('due', () => {
  it('an incident with no events gets no compensation advice, only to tell the company and log it', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'Parcel lost', '--fault', 'company']));
    const [report] = json<Due[]>(s, ['due', '--json']);
    expect(report.next_steps.map((a) => a.step).join(' ')).not.toMatch(/compensation/i);
    expect(report.next_steps[0].step).toContain('vetted incident event ozon-1 contact');
    // In Russian as well, as lists --json carries its reasons: whatever the language asked for.
    for (const r of [report, json<Due[]>(s, ['--lang', 'ru', 'due', '--json'])[0]]) {
      expect(r.next_steps[0].step_ru).toContain('vetted incident event ozon-1 contact');
      expect(r.next_steps[0].step_ru).toMatch(/[а-я]/);
      expect(r.next_steps[0].why_ru).toMatch(/[а-я]/);
    }
    const out = ok(s.run(['due'])).stdout;
    expect(out).not.toMatch(/compensation/i);
  });

  it('once the company has been told, and nothing offered, it advises asking for compensation', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'Parcel lost', '--fault', 'company', '--opened', '2026-11-20T10:00']));
    ok(s.run(['incident', 'event', 'ozon-1', 'contact', '--channel', 'chat', '--at', '2026-11-20T11:00']));
    const [report] = json<Due[]>(s, ['due', '--json']);
    expect(report.next_steps.some((a) => /compensation in writing/.test(a.step))).toBe(true);
    expect(report.next_steps.some((a) => /incident event ozon-1 contact/.test(a.step))).toBe(false);
  });
});

describe('incident add without a terminal', () => {
  it('suggests logging the first contact, which it has not logged', () => {
    const r = ok(s.run(['incident', 'add', 'Ozon', '--title', 'Parcel lost']));
    expect(r.stderr).toContain('next: vetted incident event ozon-1 contact');
    // No example values to be typed as they stand: a contact that never happened would be recorded.
    expect(r.stderr).not.toMatch(/--wait-minutes \d|--channel phone/);
  });
});
