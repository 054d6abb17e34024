// The default list policy of PRODUCT.md: one table per rule (B1–B4, W1–W3), the verdict
// that folds the findings, and the policy override file.
import { describe, expect, it } from 'vitest';
import { msOf } from '../../src/domain/dates.js';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';
import { B1, B2, B3, B4, DEFAULT_POLICY, factsOf, judgeCompany, validatePolicy, W1, W2, W3, type Policy, type Rule } from '../../src/domain/policy.js';
import type { CompanyEvidence, Incident, IncidentEvent } from '../../src/domain/types.js';
import {
  apology,
  check,
  compensation,
  contact,
  escalation,
  evidence,
  explanation,
  incident,
  note,
  pin,
  promise,
  refusal,
  resolution,
} from '../helpers/builders.js';

const NOW = msOf('2026-11-22T10:00');

/** A rule run on a company's evidence, as judgeCompany runs it: on the digests of its incidents. */
function judgeBy(rule: Rule, e: CompanyEvidence, policy: Policy, now: number) {
  return rule.judge(factsOf(e), policy, now);
}

/** The incidents a rule cites, by id ('' when it finds nothing). */
function fired(rule: Rule, e: CompanyEvidence, policy: Policy = DEFAULT_POLICY, now = NOW): string[] {
  return judgeBy(rule, e, policy, now).flatMap((f) => f.evidence);
}

type Case = [name: string, incidents: Incident[], fires: boolean];

function table(rule: Rule, cases: Case[]) {
  it.each(cases)(`${rule.id}: %s → %s`, (_name, incidents, fires) => {
    const e = evidence({ incidents });
    const findings = judgeBy(rule, e, DEFAULT_POLICY, NOW);
    expect(findings.length > 0).toBe(fires);
    for (const f of findings) {
      expect(f.rule).toBe(rule.id);
      expect(f.side).toBe(rule.side);
      expect(en.finding(f.facts).length).toBeGreaterThan(0);
      expect(ru.finding(f.facts)).toMatch(/[а-я]/);
    }
  });
}

// ---- black ----

describe('B1 institutional failure', () => {
  const reached = (level: 'quality' | 'management' | 'regulator' | 'court', ...rest: Incident['events']) =>
    [contact({ at: '2024-01-02T10:00' }), escalation(level, '2024-01-05T10:00'), ...rest];
  table(B1, [
    ['quality reached, closed unresolved', [incident({ events: reached('quality', resolution('unresolved', '2024-01-10T10:00')) })], true],
    ['management reached, closed abandoned', [incident({ events: reached('management', resolution('abandoned', '2024-01-10T10:00')) })], true],
    ['the regulator reached, closed unresolved', [incident({ events: reached('regulator', resolution('unresolved', '2024-01-10T10:00')) })], true],
    ['court reached, closed abandoned', [incident({ events: reached('court', resolution('abandoned', '2024-01-10T10:00')) })], true],
    ['an apology from management is a level reached too', [incident({ events: [apology({ at: '2024-01-05T10:00', level: 'management' }), resolution('unresolved', '2024-01-10T10:00')] })], true],
    ['quality reached, closed resolved with neither apology nor compensation', [incident({ events: reached('quality', resolution('resolved', '2024-01-10T10:00')) })], true],
    ['quality reached, closed partial with neither apology nor compensation', [incident({ events: reached('quality', resolution('partial', '2024-01-10T10:00')) })], true],
    ['quality reached, closed resolved with only an explanation', [incident({ events: reached('quality', explanation({ at: '2024-01-06T10:00', level: 'quality' }), resolution('resolved', '2024-01-10T10:00')) })], true],
    [
      'a quality department that put things right with an apology',
      [incident({ events: reached('quality', apology({ at: '2024-01-06T10:00', level: 'quality' }), resolution('resolved', '2024-01-10T10:00')) })],
      false,
    ],
    ['a quality department that put things right with a compensation', [incident({ events: reached('quality', compensation({ at: '2024-01-06T10:00', effort: 'paperwork' }), resolution('resolved', '2024-01-10T10:00')) })], false],
    ['partial, with compensation', [incident({ events: reached('management', compensation({ at: '2024-01-06T10:00' }), resolution('partial', '2024-01-10T10:00')) })], false],
    ['quality reached, still open', [incident({ events: reached('quality') })], false],
    ['supervisor level only, closed unresolved', [incident({ events: [escalation('supervisor', '2024-01-05T10:00'), resolution('unresolved', '2024-01-10T10:00')] })], false],
    ['front line only, closed abandoned', [incident({ events: [contact({ at: '2024-01-05T10:00' }), resolution('abandoned', '2024-01-10T10:00')] })], false],
    ['a refusal at management, still open', [incident({ events: [refusal({ at: '2024-01-05T10:00', level: 'management', text: 'no refunds' })] })], true],
    ['a refusal at quality, later resolved with an apology', [incident({ events: [refusal({ at: '2024-01-05T10:00', level: 'quality' }), apology({ at: '2024-01-06T10:00' }), resolution('resolved', '2024-01-10T10:00')] })], true],
    ['a refusal stated as policy at the front line', [incident({ events: [refusal({ at: '2024-01-05T10:00', policy: true, text: 'redelivery is paid by the buyer' })] })], true],
    ['a refusal at the front line, not as policy', [incident({ events: [refusal({ at: '2024-01-05T10:00', text: 'not my job' })] })], false],
    ['a refusal at the front line, policy: false', [incident({ events: [refusal({ at: '2024-01-05T10:00', policy: false })] })], false],
    ['a refusal by a supervisor, not as policy', [incident({ events: [refusal({ at: '2024-01-05T10:00', level: 'supervisor' })] })], false],
    ['fault unknown counts as at fault', [incident({ fault: 'unknown', events: reached('quality', resolution('unresolved', '2024-01-10T10:00')) })], true],
    ['a third-party fault: quality reached, closed unresolved', [incident({ fault: 'third-party', events: reached('quality', resolution('unresolved', '2024-01-10T10:00')) })], false],
    // A level first reached after the closing was not one the customer had to go to (a word of thanks to management once the fix came).
    ['resolved at the front line, management thanked afterwards', [incident({ events: [contact({ at: '2024-01-02T10:00' }), resolution('resolved', '2024-01-03T10:00'), contact({ at: '2024-01-04T10:00', level: 'management', reached_human: true })] })], false],
    ['quality reached before a fix without amends, management told afterwards', [incident({ events: reached('quality', resolution('resolved', '2024-01-10T10:00'), contact({ at: '2024-01-12T10:00', level: 'management' })) })], true],
    // After a closing that left the problem unresolved, going further up is the customer's next step.
    ['closed unresolved at the front line, then the regulator written to', [incident({ events: [contact({ at: '2024-01-02T10:00' }), resolution('unresolved', '2024-01-05T10:00'), contact({ at: '2024-01-20T10:00', channel: 'letter', level: 'regulator' })] })], true],
    ['put right in part at the front line, then the regulator written to', [incident({ events: [contact({ at: '2024-01-02T10:00' }), resolution('partial', '2024-01-05T10:00'), contact({ at: '2024-01-20T10:00', channel: 'letter', level: 'regulator' })] })], true],
    // A closing of a day alone is that whole day's: an escalation that day came before it.
    ['management reached the day of a closing dated by its day alone', [incident({ events: [escalation('management', '2024-01-05T10:00'), resolution('resolved', '2024-01-05')] })], true],
    ['a third-party fault: a refusal as policy', [incident({ fault: 'third-party', events: [refusal({ at: '2024-01-05T10:00', policy: true })] })], false],
    ['the customer’s fault: refused at management', [incident({ fault: 'customer', events: [refusal({ at: '2024-01-05T10:00', level: 'management' })] })], false],
  ]);

  it('cites the incident, dated by its last event', () => {
    const i = incident({ id: 'volga-2012-07', events: reached('quality', resolution('unresolved', '2024-01-10T10:00'), note({ at: '2024-01-12T08:00' })) });
    const [f] = judgeBy(B1, evidence({ incidents: [i] }), DEFAULT_POLICY, NOW);
    expect(f).toMatchObject({ rule: 'B1', side: 'black', evidence: ['incident:volga-2012-07'], date: '2024-01-12T08:00' });
  });

  it('one finding per failed incident', () => {
    const a = incident({ id: 'a', events: reached('quality', resolution('unresolved', '2024-01-10T10:00')) });
    const b = incident({ id: 'b', events: [refusal({ at: '2024-02-01T10:00', policy: true })] });
    const c = incident({ id: 'c', events: [escalation('supervisor', '2024-03-01T10:00'), resolution('unresolved', '2024-03-02T10:00')] });
    expect(fired(B1, evidence({ incidents: [a, b, c] })).sort()).toEqual(['incident:a', 'incident:b']);
  });
});

describe('B2 broken-promise pattern', () => {
  // Promises made 2024-01-02, each due a day apart from 2024-01-03; none kept by now.
  const broken = (n: number, rest: Incident['events'] = [], fault: Incident['fault'] = 'company') =>
    incident({
      fault,
      events: [
        ...Array.from({ length: n }, (_, k) => promise({ at: `2024-01-02T1${k}:00`, due: `2024-01-0${3 + k}T10:00`, text: `promise ${k}` })),
        ...rest,
      ],
    });
  table(B2, [
    ['no promises', [incident()], false],
    ['exactly 2 broken promises', [broken(2)], false],
    ['exactly 3 broken promises', [broken(3)], true],
    ['4 broken promises', [broken(4)], true],
    ['3 promises of the same words, all broken', [incident({ events: [1, 2, 3].map((k) => promise({ at: `2024-01-0${k}T10:00`, due: `2024-01-0${k + 1}T10:00`, text: 'within 24 hours' })) })], true],
    ['2 broken and 1 kept by marking', [broken(2, [promise({ at: '2024-01-02T15:00', due: '2024-01-03T10:00', kept: true })])], false],
    ['3 promises, all kept by a resolution in time', [broken(3, [resolution('resolved', '2024-01-02T20:00')])], false],
    ['3 promises, resolved after the last was due', [broken(3, [resolution('resolved', '2024-01-09T10:00')])], true],
    ['2 broken, 1 still pending', [incident({ events: [...broken(2).events, promise({ at: '2024-01-02T15:00', due: '2027-01-01T10:00' })] })], false],
    ['3 broken promises spread over two incidents', [broken(2), incident({ id: 'i2', events: [promise({ at: '2024-01-02T10:00', due: '2024-01-03T10:00' })] })], false],
    [
      '3 marked kept: false, though resolved before they were due',
      [incident({ events: [...[0, 1, 2].map((k) => promise({ at: `2024-01-02T1${k}:00`, due: '2024-02-01T10:00', kept: false })), resolution('resolved', '2024-01-03T10:00')] })],
      true,
    ],
  ]);

  // A letter the customer sent, with its reply deadline logged at its moment (as `letter --sent` logs them).
  const letter = (at: string, due: string, level: IncidentEvent['level'] = 'frontline') => [
    contact({ at, channel: 'letter', level }),
    promise({ at, due, text: `a reply to my letter of ${at}`, level }),
  ];

  it("counts the company's promises, not the reply deadlines of the customer's letters, to anyone, a regulator's too", () => {
    // Three letters unanswered, each deadline passed: the company promised nothing.
    const letters = incident({ events: [...letter('2024-01-02T10:00', '2024-01-16'), ...letter('2024-01-02T10:01', '2024-01-16'), ...letter('2024-01-02T10:02', '2024-01-16', 'regulator')] });
    expect(fired(B2, evidence({ incidents: [letters] }))).toEqual([]);
    expect(judgeCompany(evidence({ incidents: [letters] }), DEFAULT_POLICY, NOW).findings.map((f) => f.rule)).not.toContain('B2');
    // Two of its own broken and one letter's: still two.
    expect(fired(B2, evidence({ incidents: [broken(2, letter('2024-01-05T10:00', '2024-01-19'))] }))).toEqual([]);
    expect(fired(B2, evidence({ incidents: [broken(3, letter('2024-01-05T10:00', '2024-01-19'))] }))).toEqual(['incident:i1']);
    // A promise of the company's logged at a letter's moment but before it is the company's.
    const before = incident({ events: [promise({ at: '2024-01-02T10:00', due: '2024-01-03T10:00' }), promise({ at: '2024-01-02T10:05', due: '2024-01-03T10:00' }), promise({ at: '2024-01-02T10:10', due: '2024-01-03T10:00' }), ...letter('2024-01-02T10:10', '2024-01-16')] });
    expect(fired(B2, evidence({ incidents: [before] }))).toEqual(['incident:i1']);
  });

  it('a W1 recovery is not denied by an unanswered letter of the customer, as it is by a promise of the company broken', () => {
    const fixed = (extra: IncidentEvent[]) => incident({ events: [contact({ at: '2024-01-01T10:00' }), ...extra, resolution('resolved', '2024-03-01T10:00')] });
    expect(fired(W1, evidence({ incidents: [fixed(letter('2024-01-02T10:00', '2024-01-16'))] }))).toEqual(['incident:i1']);
    expect(fired(W1, evidence({ incidents: [fixed([promise({ at: '2024-01-02T10:00', due: '2024-01-16' })])] }))).toEqual([]);
  });

  it('counts promises broken by the passage of time: 3 due, only 2 passed at `now`', () => {
    const i = broken(3);
    expect(fired(B2, evidence({ incidents: [i] }), DEFAULT_POLICY, msOf('2024-01-04T12:00'))).toEqual([]);
    expect(fired(B2, evidence({ incidents: [i] }), DEFAULT_POLICY, msOf('2024-01-05T12:00'))).toEqual(['incident:i1']);
  });

  it('a policy with broken_promises: 2 makes 2 broken promises B2', () => {
    const v = validatePolicy({ broken_promises: 2 });
    if (!('value' in v)) throw new Error(JSON.stringify(v.errors));
    expect(fired(B2, evidence({ incidents: [broken(2)] }), v.value)).toEqual(['incident:i1']);
    expect(fired(B2, evidence({ incidents: [broken(1)] }), v.value)).toEqual([]);
    expect(judgeCompany(evidence({ incidents: [broken(2)] }), v.value, NOW).list).toBe('black');
    expect(judgeCompany(evidence({ incidents: [broken(2)] }), DEFAULT_POLICY, NOW).list).toBe('watch');
  });
});

describe('B3 repeat offender', () => {
  // Incidents closed by their resolution time; B3 compares those closing times.
  const failed = (id: string, opened: string, closedAt: string, outcome: 'unresolved' | 'abandoned' = 'unresolved', fault: Incident['fault'] = 'company', extra: Incident['events'] = []) =>
    incident({ id, opened, fault, events: [contact({ at: opened }), resolution(outcome, closedAt), ...extra] });
  table(B3, [
    ['one failed incident', [failed('a', '2022-03-01T09:00', '2022-03-15T10:00')], false],
    ['two failed, closed just inside 24 months of each other', [failed('a', '2022-03-01T09:00', '2022-03-15T10:00'), failed('b', '2024-03-01T09:00', '2024-03-15T09:59')], true],
    ['two failed, closed exactly 24 months apart', [failed('a', '2022-03-01T09:00', '2022-03-15T10:00'), failed('b', '2024-03-01T09:00', '2024-03-15T10:00')], true],
    ['two failed, closed just outside 24 months of each other', [failed('a', '2022-03-01T09:00', '2022-03-15T10:00'), failed('b', '2024-03-01T09:00', '2024-03-15T10:01')], false],
    ['unresolved and abandoned both count', [failed('a', '2023-01-01T09:00', '2023-01-10T10:00', 'abandoned'), failed('b', '2023-06-01T09:00', '2023-06-10T10:00', 'unresolved')], true],
    ['given in any order', [failed('b', '2024-03-01T09:00', '2024-03-15T09:59'), failed('a', '2022-03-01T09:00', '2022-03-15T10:00')], true],
    [
      'opened more than 24 months apart, closed within 24 months',
      [failed('a', '2020-01-01T09:00', '2022-06-01T10:00'), failed('b', '2023-05-01T09:00', '2024-05-01T10:00')],
      true,
    ],
    [
      'opened within 24 months, closed more than 24 months apart',
      [failed('a', '2022-01-01T09:00', '2022-02-01T10:00'), failed('b', '2023-06-01T09:00', '2024-03-01T10:00')],
      false,
    ],
    [
      'a note long after closing does not move the closing time',
      [failed('a', '2022-03-01T09:00', '2022-03-15T10:00', 'unresolved', 'company', [note({ at: '2022-06-01T10:00' })]), failed('b', '2024-04-01T09:00', '2024-04-10T10:00')],
      false,
    ],
    ['one resolved, one unresolved', [incident({ id: 'a', events: [resolution('resolved', '2023-01-10T10:00')] }), failed('b', '2023-06-01T09:00', '2023-06-10T10:00')], false],
    ['one partial, one unresolved', [incident({ id: 'a', events: [resolution('partial', '2023-01-10T10:00')] }), failed('b', '2023-06-01T09:00', '2023-06-10T10:00')], false],
    ['one still open, one unresolved', [incident({ id: 'a', events: [contact({ at: '2023-01-10T10:00' })] }), failed('b', '2023-06-01T09:00', '2023-06-10T10:00')], false],
    ['a third-party fault does not count', [failed('a', '2023-01-01T09:00', '2023-01-10T10:00', 'unresolved', 'third-party'), failed('b', '2023-06-01T09:00', '2023-06-10T10:00')], false],
    ['the customer’s fault does not count', [failed('a', '2023-01-01T09:00', '2023-01-10T10:00', 'abandoned', 'customer'), failed('b', '2023-06-01T09:00', '2023-06-10T10:00')], false],
    ['fault unknown counts', [failed('a', '2023-01-01T09:00', '2023-01-10T10:00', 'unresolved', 'unknown'), failed('b', '2023-06-01T09:00', '2023-06-10T10:00')], true],
  ]);

  it('says what it checks: a chain of failures, each within the window of another, may span far more than the window', () => {
    // 20 months apart each, 40 from the first to the last: no two "within 24 months of each other" but neighbours.
    const chain = [failed('a', '2020-01-01T09:00', '2020-01-01T10:00'), failed('b', '2021-09-01T09:00', '2021-09-01T10:00'), failed('c', '2023-05-01T09:00', '2023-05-01T10:00')];
    const [f] = judgeBy(B3, evidence({ incidents: chain }), DEFAULT_POLICY, NOW);
    expect(f.evidence).toHaveLength(3);
    expect(en.finding(f.facts)).toMatch(/^3 incidents left unresolved, each within 24 months of another unresolved one: /);
    expect(ru.finding(f.facts)).toMatch(/^3 обращения остались нерешёнными, каждое — в пределах 24 месяцев от другого нерешённого: /);
    for (const c of [en, ru]) expect(`${c.finding(f.facts)} ${c.rules.explain.B3(DEFAULT_POLICY)}`).not.toMatch(/of each other|друг от друга/);
    expect(en.rules.explain.B3(DEFAULT_POLICY)).toBe('2 or more failures left unresolved, each within 24 months of another, are a habit');
    expect(en.rules.explain.B3({ ...DEFAULT_POLICY, repeat_unresolved: 3 })).toBe('3 or more failures left unresolved, each within 24 months of 2 others, are a habit');
    expect(ru.rules.explain.B3(DEFAULT_POLICY)).toBe('2 нерешённые ошибки и больше, каждая в пределах 24 месяцев от другой, — это привычка');
    expect(ru.rules.explain.B3({ ...DEFAULT_POLICY, repeat_unresolved: 5 })).toBe('5 нерешённых ошибок и больше, каждая в пределах 24 месяцев от 4 других, — это привычка');
  });

  it('cites every failed incident with another within 24 months, dated by the newest last event', () => {
    const a = failed('a', '2020-01-01T09:00', '2020-01-10T10:00'); // alone: 3 years before b
    const b = failed('b', '2023-03-01T09:00', '2023-03-10T10:00', 'unresolved', 'company', [note({ at: '2023-09-01T10:00' })]);
    const c = failed('c', '2024-01-01T09:00', '2024-01-10T10:00');
    const findings = judgeBy(B3, evidence({ incidents: [a, b, c] }), DEFAULT_POLICY, NOW);
    expect(findings).toHaveLength(1);
    expect(findings[0].evidence.sort()).toEqual(['incident:b', 'incident:c']);
    expect(findings[0].date).toBe('2024-01-10T10:00');
  });

  it('the finding is dated by the last event of a cited incident, even a note after closing', () => {
    const a = failed('a', '2023-01-01T09:00', '2023-01-10T10:00', 'unresolved', 'company', [note({ at: '2024-08-01T10:00' })]);
    const b = failed('b', '2024-01-01T09:00', '2024-01-10T10:00');
    expect(judgeBy(B3, evidence({ incidents: [a, b] }), DEFAULT_POLICY, NOW)[0].date).toBe('2024-08-01T10:00');
  });
});

describe('B4 failed check and W3 passed check (the latest check decides)', () => {
  const cases: [name: string, checks: ReturnType<typeof check>[], b4: boolean, w3: boolean][] = [
    ['no check', [], false, false],
    ['score 80: go', [check({ score: 80 })], false, true],
    ['score 100: go', [check({ score: 100 })], false, true],
    ['score 79: caution', [check({ score: 79 })], false, false],
    ['score exactly 50: caution, neither', [check({ score: 50 })], false, false],
    ['score 49: avoid', [check({ score: 49 })], true, false],
    ['score 0: avoid', [check({ score: 0 })], true, false],
    ['a dealbreaker whatever the score', [check({ score: 95, dealbreakers: ['how-to-cancel'] })], true, false],
    ['a newer passed check after an older failed one', [check({ id: 'acme-check-1', at: '2024-01-01', score: 20 }), check({ id: 'acme-check-2', at: '2024-06-01', score: 90 })], false, true],
    ['a newer failed check after an older passed one', [check({ id: 'acme-check-1', at: '2024-01-01', score: 90 }), check({ id: 'acme-check-2', at: '2024-06-01', score: 20 })], true, false],
    ['the newer check given first', [check({ id: 'acme-check-2', at: '2024-06-01', score: 90 }), check({ id: 'acme-check-1', at: '2024-01-01', score: 20 })], false, true],
    ['a newer caution check after an older failed one', [check({ id: 'acme-check-1', at: '2024-01-01', score: 20 }), check({ id: 'acme-check-2', at: '2024-06-01', score: 60 })], false, false],
    ['two at the same moment: the one logged last (recorded later) wins', [check({ id: 'acme-check-1', at: '2024-06-01T09:00', score: 90 }), check({ id: 'acme-check-2', at: '2024-06-01T09:00', score: 20 })], true, false],
    ['two on the same day: the later time wins', [check({ id: 'acme-check-1', at: '2024-06-01T18:00', score: 20 }), check({ id: 'acme-check-2', at: '2024-06-01T09:00', score: 90 })], true, false],
  ];
  it.each(cases)('%s', (_name, checks, b4, w3) => {
    const e = evidence({ checks });
    expect(judgeBy(B4, e, DEFAULT_POLICY, NOW).length > 0).toBe(b4);
    expect(judgeBy(W3, e, DEFAULT_POLICY, NOW).length > 0).toBe(w3);
  });

  it('cites the latest check by its id and date', () => {
    const e = evidence({ checks: [check({ id: 'acme-check-3', at: '2024-01-01', score: 90 }), check({ id: 'acme-check-7', at: '2024-05-02', score: 10 })] });
    expect(judgeBy(B4, e, DEFAULT_POLICY, NOW)).toEqual([expect.objectContaining({ rule: 'B4', side: 'black', evidence: ['check:acme-check-7'], date: '2024-05-02' })]);
  });

  it('W3 cites its check', () => {
    const e = evidence({ checks: [check({ id: 'acme-check-4', at: '2024-05-02T10:00', score: 85 })] });
    expect(judgeBy(W3, e, DEFAULT_POLICY, NOW)).toEqual([expect.objectContaining({ rule: 'W3', side: 'white', evidence: ['check:acme-check-4'], date: '2024-05-02T10:00' })]);
  });

  it('names the dealbreaker in the reason', () => {
    const [f] = judgeBy(B4, evidence({ checks: [check({ score: 95, dealbreakers: ['how-to-cancel'] })] }), DEFAULT_POLICY, NOW);
    expect(en.finding(f.facts)).toContain('how-to-cancel');
  });
});

// ---- white ----

describe('W1 good recovery', () => {
  const resolvedWith = (...events: Incident['events']) => incident({ events: [contact({ at: '2024-01-02T10:00' }), ...events, resolution('resolved', '2024-01-10T10:00')] });
  table(W1, [
    ['resolved, nothing else', [resolvedWith()], true],
    ['resolved with an apology and an explanation', [resolvedWith(apology({ at: '2024-01-03T10:00' }), explanation({ at: '2024-01-03T11:00' }))], true],
    ['resolved, a supervisor involved', [resolvedWith(escalation('supervisor', '2024-01-03T10:00'))], true],
    ['resolved, management thanked afterwards', [incident({ events: [contact({ at: '2024-01-02T10:00' }), resolution('resolved', '2024-01-10T10:00'), contact({ at: '2024-01-11T10:00', level: 'management' })] })], true],
    ['resolved after going to management', [incident({ events: [contact({ at: '2024-01-02T10:00' }), escalation('management', '2024-01-05T10:00'), resolution('resolved', '2024-01-10T10:00')] })], false],
    ['resolved, a promise kept', [resolvedWith(promise({ at: '2024-01-03T10:00', due: '2024-01-10T10:00' }))], true],
    ['resolved, compensation with effort none', [resolvedWith(compensation({ at: '2024-01-03T10:00', effort: 'none' }))], true],
    ['resolved, compensation when asked', [resolvedWith(compensation({ at: '2024-01-03T10:00', effort: 'asked' }))], true],
    ['resolved, compensation without an effort given', [resolvedWith(compensation({ at: '2024-01-03T10:00' }))], true],
    ['fault unknown counts as at fault', [incident({ fault: 'unknown', events: [resolution('resolved', '2024-01-10T10:00')] })], true],
    ['compensation that took paperwork', [resolvedWith(compensation({ at: '2024-01-03T10:00', effort: 'paperwork' }))], false],
    ['compensation that took going in person', [resolvedWith(compensation({ at: '2024-01-03T10:00', effort: 'in-person' }))], false],
    ['compensation that took a lawyer', [resolvedWith(compensation({ at: '2024-01-03T10:00', effort: 'legal' }))], false],
    ['one easy and one paperwork compensation', [resolvedWith(compensation({ at: '2024-01-03T10:00', effort: 'none', proactive: true }), compensation({ at: '2024-01-04T10:00', effort: 'paperwork' }))], false],
    ['escalation to quality', [resolvedWith(escalation('quality', '2024-01-03T10:00'))], false],
    ['an apology from management is an event above supervisor', [resolvedWith(apology({ at: '2024-01-03T10:00', level: 'management' }))], false],
    ['a broken promise (resolved after due)', [resolvedWith(promise({ at: '2024-01-03T10:00', due: '2024-01-05T10:00' }))], false],
    ['a promise marked kept: false', [resolvedWith(promise({ at: '2024-01-03T10:00', due: '2024-01-20T10:00', kept: false }))], false],
    ['closed partial', [incident({ events: [resolution('partial', '2024-01-10T10:00')] })], false],
    ['closed unresolved', [incident({ events: [resolution('unresolved', '2024-01-10T10:00')] })], false],
    ['still open', [incident({ events: [contact({ at: '2024-01-02T10:00' })] })], false],
    ['a third-party fault', [incident({ fault: 'third-party', events: [resolution('resolved', '2024-01-10T10:00')] })], false],
    ['the customer’s fault', [incident({ fault: 'customer', events: [resolution('resolved', '2024-01-10T10:00')] })], false],
  ]);

  it('cites the incident, dated by its last event', () => {
    const i = incident({ id: 'host-1', events: [contact({ at: '2024-01-02T10:00' }), resolution('resolved', '2024-01-03T10:00')] });
    expect(judgeBy(W1, evidence({ incidents: [i] }), DEFAULT_POLICY, NOW)).toEqual([
      expect.objectContaining({ rule: 'W1', side: 'white', evidence: ['incident:host-1'], date: '2024-01-03T10:00' }),
    ]);
  });
});

describe('W2 beyond expectations', () => {
  table(W2, [
    ['proactive compensation, still open', [incident({ events: [compensation({ at: '2024-01-02T10:00', proactive: true })] })], true],
    ['proactive compensation, after paperwork and unresolved', [incident({ events: [compensation({ at: '2024-01-02T10:00', proactive: true, effort: 'paperwork' }), resolution('unresolved', '2024-01-05T10:00')] })], true],
    ['proactive compensation, a third party’s fault', [incident({ fault: 'third-party', events: [compensation({ at: '2024-01-02T10:00', proactive: true })] })], true],
    ['compensation when asked, the company’s fault', [incident({ events: [compensation({ at: '2024-01-02T10:00', effort: 'asked' }), resolution('resolved', '2024-01-05T10:00')] })], false],
    ['compensation marked proactive: false', [incident({ events: [compensation({ at: '2024-01-02T10:00', proactive: false }), resolution('resolved', '2024-01-05T10:00')] })], false],
    ['the customer’s fault, resolved with compensation', [incident({ fault: 'customer', events: [compensation({ at: '2024-01-02T10:00', kind: 'replacement' }), resolution('resolved', '2024-01-05T10:00')] })], true],
    ['the customer’s fault, compensation but unresolved', [incident({ fault: 'customer', events: [compensation({ at: '2024-01-02T10:00' }), resolution('unresolved', '2024-01-05T10:00')] })], false],
    ['the customer’s fault, compensation, still open', [incident({ fault: 'customer', events: [compensation({ at: '2024-01-02T10:00' })] })], false],
    ['the customer’s fault, resolved without compensation', [incident({ fault: 'customer', events: [resolution('resolved', '2024-01-05T10:00')] })], false],
    ['no incident', [], false],
  ]);
});

// ---- the verdict ----

describe('judgeCompany', () => {
  const black = (id: string, at: string) =>
    incident({ id, events: [escalation('quality', '2024-01-02T10:00'), resolution('unresolved', at)] }); // B1, dated `at`
  const white = (id: string, at: string) => incident({ id, events: [contact({ at: '2024-01-02T10:00' }), resolution('resolved', at)] }); // W1, dated `at`

  it('no evidence: unlisted', () => {
    const v = judgeCompany(evidence(), DEFAULT_POLICY, NOW);
    expect(v).toMatchObject({ list: 'unlisted', since: null, pinned: false, reasons: [] });
  });

  it("on watch for an incident whose fault is the customer's: no failure of the company's is said to have stayed with the front line", () => {
    const refused = (fault: 'company' | 'customer') => incident({ id: 'k', fault, events: [refusal({ at: '2024-01-05T10:00', level: 'frontline' })] });
    const facts = (fault: 'company' | 'customer') => judgeCompany(evidence({ incidents: [refused(fault)] }), DEFAULT_POLICY, NOW).reasons.map((f) => f.facts);
    expect(facts('customer')).toEqual([expect.objectContaining({ kind: 'watch-incident', stayed_with: null })]);
    expect(en.finding(facts('customer')[0])).not.toMatch(/stayed/);
    // The company's own refusal at the front line is one employee's, said so.
    expect(facts('company')).toEqual([expect.objectContaining({ kind: 'watch-incident', stayed_with: 'frontline' })]);
  });

  it('evidence but no rule: watch, since the newest evidence', () => {
    const open = incident({ id: 'o', events: [contact({ at: '2024-03-05T10:00', robot: true })] });
    const v = judgeCompany(evidence({ incidents: [open], checks: [check({ id: 'acme-check-2', at: '2024-02-01', score: 60 })] }), DEFAULT_POLICY, NOW);
    expect(v.list).toBe('watch');
    expect(v.since).toBe('2024-03-05');
    expect(v.reasons.flatMap((f) => f.evidence).sort()).toEqual(['check:acme-check-2', 'incident:o']);
  });

  it.each([
    ['a failure that stayed at the front line', [incident({ events: [contact({ at: '2024-01-02T10:00' }), resolution('unresolved', '2024-01-05T10:00')] })], []],
    ['an open incident', [incident({ events: [contact({ at: '2024-01-02T10:00' })] })], []],
    ['a caution check', [], [check({ score: 65 })]],
  ] as [string, Incident[], ReturnType<typeof check>[]][])('watch: %s', (_name, incidents, checks) => {
    expect(judgeCompany(evidence({ incidents, checks }), DEFAULT_POLICY, NOW).list).toBe('watch');
  });

  it.each([
    ['black only', [black('b', '2024-03-01T10:00')], [], 'black', '2024-03-01'],
    ['white only', [white('w', '2024-03-01T10:00')], [], 'white', '2024-03-01'],
    ['black and white at the same moment: black', [black('b', '2024-03-01T10:00'), white('w', '2024-03-01T10:00')], [], 'black', '2024-03-01'],
    ['white a day newer: white', [black('b', '2024-03-01T10:00'), white('w', '2024-03-02T09:00')], [], 'white', '2024-03-02'],
    ['white later on the same date: a tie, so black', [black('b', '2024-03-01T10:00'), white('w', '2024-03-01T18:00')], [], 'black', '2024-03-01'],
    ['two failed checks and a newer one: the latest check decides when no incident finding holds', [], [check({ id: 'acme-check-1', at: '2024-01-01', score: 90 }), check({ id: 'acme-check-2', at: '2024-03-01', score: 10 })], 'black', '2024-03-01'],
    ['black newer: black', [black('b', '2024-06-01T10:00'), white('w', '2024-03-01T10:00')], [], 'black', '2024-06-01'],
    ['a passed check alone: white', [], [check({ at: '2024-03-01T10:00', score: 90 })], 'white', '2024-03-01'],
    ['a passed check and a failure at the same moment: black', [black('b', '2024-03-01T10:00')], [check({ at: '2024-03-01T10:00', score: 90 })], 'black', '2024-03-01'],
    ['since is the newest of several black findings', [black('b1', '2024-03-01T10:00'), black('b2', '2024-09-09T10:00'), white('w', '2024-05-01T10:00')], [], 'black', '2024-09-09'],
  ] as [string, Incident[], ReturnType<typeof check>[], string, string][])('%s', (_name, incidents, checks, list, since) => {
    const v = judgeCompany(evidence({ incidents, checks }), DEFAULT_POLICY, NOW);
    expect(v.list).toBe(list);
    expect(v.since).toBe(since);
    expect(v.pinned).toBe(false);
    expect(v.reasons.length).toBeGreaterThan(0);
    expect(v.reasons.every((f) => f.side === list)).toBe(true);
    expect(v.decided_by).toBe(v.reasons[0]);
  });

  describe('deeds over words: incident findings decide when any holds; checks only when none does', () => {
    const broken = (id: string) =>
      incident({
        id,
        events: [
          promise({ at: '2024-03-01T10:00', due: '2024-03-02T10:00', text: 'tomorrow' }),
          promise({ at: '2024-03-03T10:00', due: '2024-03-04T10:00', text: 'tomorrow' }),
          promise({ at: '2024-03-05T10:00', due: '2024-03-06T10:00', text: 'tomorrow' }),
        ],
      }); // B2, dated its last event 2024-03-05
    const nothing = incident({ id: 'n', events: [contact({ at: '2024-02-01T10:00' }), resolution('resolved', '2024-02-02T10:00')], fault: 'third-party' }); // no finding

    it.each([
      ['a passed check after broken promises: black (B2), the check set aside', [broken('p')], [check({ id: 'acme-check-7', at: '2024-07-15', score: 100 })], 'black', 'B2', ['W3']],
      ['a failed check after a good recovery: white (W1), the check set aside', [white('w', '2024-03-01T10:00')], [check({ id: 'acme-check-7', at: '2024-07-15', score: 10 })], 'white', 'W1', ['B4']],
      [
        'an old institutional failure, a newer good recovery, a newer still failed check: white (W1)',
        [black('b', '2023-01-10T10:00'), white('w', '2024-03-01T10:00')],
        [check({ id: 'acme-check-7', at: '2024-07-15', score: 10 })],
        'white',
        'W1',
        ['B4'],
      ],
      ['a failed check beside an incident that gives no finding: black (B4)', [nothing], [check({ id: 'acme-check-7', at: '2024-01-15', score: 10 })], 'black', 'B4', []],
      ['a passed check beside an incident that gives no finding: white (W3)', [nothing], [check({ id: 'acme-check-7', at: '2024-01-15', score: 95 })], 'white', 'W3', []],
      ['a failed check and a good recovery on the same day: white, no tie with words', [white('w', '2024-03-01T10:00')], [check({ at: '2024-03-01T10:00', score: 10 })], 'white', 'W1', ['B4']],
    ] as [string, Incident[], ReturnType<typeof check>[], string, string, string[]][])('%s', (_name, incidents, checks, list, rule, setAside) => {
      const v = judgeCompany(evidence({ incidents, checks }), DEFAULT_POLICY, NOW);
      expect(v.list).toBe(list);
      expect(v.decided_by?.rule).toBe(rule);
      expect(v.reasons.every((f) => ['B1', 'B2', 'B3', 'W1', 'W2'].includes(f.rule) || !setAside.length)).toBe(true);
      expect(v.set_aside.map((f) => f.rule)).toEqual(setAside);
      // Set-aside findings are still among the findings shown for and against.
      for (const r of setAside) expect(v.findings.map((f) => f.rule)).toContain(r);
    });

    it('a pin still overrides deeds and words, and says what the evidence would decide', () => {
      const v = judgeCompany(evidence({ incidents: [broken('p')], checks: [check({ at: '2024-07-15', score: 100 })], pin: pin({ list: 'white', reason: 'x' }) }), DEFAULT_POLICY, NOW);
      expect(v).toMatchObject({ list: 'white', pinned: true });
      expect(v.would_change).toEqual([{ kind: 'unpin', company: 'Acme', evidence_says: 'black' }]);
    });
  });

  it('says which levels blacken a company as the policy counts them: "or above" only where it counts every level above the first', () => {
    const watched = evidence({ incidents: [incident({ events: [contact({ at: '2024-01-02T10:00' }), resolution('unresolved', '2024-01-05T10:00')] })] });
    const toBlack = (levels: Policy['institutional_levels']) => judgeCompany(watched, { ...DEFAULT_POLICY, institutional_levels: levels }, NOW).would_change[0];
    expect(toBlack(['quality', 'management', 'regulator', 'court'])).toMatchObject({ kind: 'watch-to-black', level: 'quality' });
    expect(toBlack(['quality', 'management', 'regulator', 'court'])).not.toHaveProperty('levels');
    const skipping = toBlack(['management', 'court']);
    expect(skipping).toMatchObject({ kind: 'watch-to-black', level: 'management', levels: ['management', 'court'] });
    expect(en.change(skipping)).toContain('if a failure reaches management or court and is not put right');
    expect(en.change(toBlack(['supervisor', 'quality', 'management', 'regulator', 'court']))).toContain('reaches a supervisor or above');
    expect(ru.change(skipping)).toContain('дойдёт до руководства или суда');
  });

  it('keeps both sides among its findings, newest first', () => {
    const v = judgeCompany(evidence({ incidents: [black('b', '2024-03-01T10:00'), white('w', '2024-06-01T10:00')] }), DEFAULT_POLICY, NOW);
    expect(v.findings.map((f) => f.rule)).toEqual(['W1', 'B1']);
    expect(v.reasons.map((f) => f.evidence)).toEqual([['incident:w']]);
  });

  it('a pin overrides everything and is shown as such', () => {
    const v = judgeCompany(
      evidence({ incidents: [black('b', '2024-06-01T10:00')], pin: pin({ list: 'white', reason: 'talked me through ordering a pizza', at: '2024-02-01' }) }),
      DEFAULT_POLICY,
      NOW,
    );
    expect(v.list).toBe('white');
    expect(v.pinned).toBe(true);
    expect(v.since).toBe('2024-02-01');
    expect(v.reasons).toHaveLength(1);
    expect(v.reasons[0]).toMatchObject({ rule: 'pin', facts: { kind: 'pin', reason: 'talked me through ordering a pizza' } });
    expect(en.finding(v.reasons[0].facts)).toBe('pinned by you: talked me through ordering a pizza');
    expect(v.findings.map((f) => f.rule)).toEqual(['B1']);
  });

  it('a black pin on a company with only good evidence', () => {
    const v = judgeCompany(evidence({ incidents: [white('w', '2024-06-01T10:00')], pin: pin({ list: 'black', reason: 'rude', at: '2024-07-01' }) }), DEFAULT_POLICY, NOW);
    expect(v).toMatchObject({ list: 'black', pinned: true, since: '2024-07-01' });
    expect(en.finding(v.reasons[0].facts)).toBe('pinned by you: rude');
    expect(ru.finding(v.reasons[0].facts)).toBe('закреплено вами: rude');
  });

  it('a pin on a company without evidence', () => {
    expect(judgeCompany(evidence({ pin: pin({ list: 'black', reason: 'x' }) }), DEFAULT_POLICY, NOW)).toMatchObject({ list: 'black', pinned: true });
  });

  it('findings are dated by the last event of the incident, and refer to it', () => {
    const i = incident({ id: 'volga', events: [escalation('management', '2024-01-02T10:00'), resolution('abandoned', '2024-01-05T10:00'), note({ at: '2024-01-07T15:30' })] });
    const v = judgeCompany(evidence({ incidents: [i] }), DEFAULT_POLICY, NOW);
    expect(v.reasons[0]).toMatchObject({ rule: 'B1', date: '2024-01-07T15:30', evidence: ['incident:volga'] });
    expect(v.since).toBe('2024-01-07');
  });
});

// ---- the policy file ----

describe('validatePolicy', () => {
  it('no file: the defaults', () => {
    expect(validatePolicy(undefined)).toEqual({ value: DEFAULT_POLICY });
    expect(validatePolicy(null)).toEqual({ value: DEFAULT_POLICY });
    expect(validatePolicy({})).toEqual({ value: DEFAULT_POLICY });
  });

  it('overrides apply, the rest stays default', () => {
    const v = validatePolicy({ broken_promises: 2, repeat_window_months: 12, recovery_max_effort: 'paperwork', institutional_levels: ['management', 'quality', 'management'] });
    expect(v).toEqual({
      value: { ...DEFAULT_POLICY, broken_promises: 2, repeat_window_months: 12, recovery_max_effort: 'paperwork', institutional_levels: ['quality', 'management'] },
    });
  });

  it('does not change the defaults it starts from', () => {
    validatePolicy({ broken_promises: 9 });
    expect(DEFAULT_POLICY.broken_promises).toBe(3);
  });

  it.each([
    ['not a map', [1, 2], []],
    ['a string', 'broken_promises: 2', []],
    ['an unknown key', { brokn_promises: 2 }, ['brokn_promises']],
    ['zero broken promises', { broken_promises: 0 }, ['broken_promises']],
    ['a fraction', { broken_promises: 2.5 }, ['broken_promises']],
    ['a number in a string', { broken_promises: '3' }, ['broken_promises']],
    ['a repeat of one', { repeat_unresolved: 1 }, ['repeat_unresolved']],
    ['a window of 0 months', { repeat_window_months: 0 }, ['repeat_window_months']],
    ['a score above 100', { check_go_from: 101 }, ['check_go_from']],
    ['a negative score', { check_avoid_below: -1 }, ['check_avoid_below']],
    ['avoid above go', { check_avoid_below: 90, check_go_from: 80 }, ['check_avoid_below']],
    ['an unknown level', { institutional_levels: ['quality', 'ceo'] }, ['institutional_levels']],
    ['no levels', { institutional_levels: [] }, ['institutional_levels']],
    ['levels not a list', { institutional_levels: 'quality' }, ['institutional_levels']],
    ['an unknown recovery level', { recovery_max_level: 'boss' }, ['recovery_max_level']],
    ['an unknown effort', { recovery_max_effort: 'a lot' }, ['recovery_max_effort']],
  ] as [string, unknown, string[]][])('%s is an error at its path', (_name, doc, path) => {
    const v = validatePolicy(doc);
    expect('errors' in v).toBe(true);
    if (!('errors' in v)) return;
    expect(v.errors.map((e) => e.path)).toContainEqual(path);
    for (const e of v.errors) expect(en.policyFile.fault(e.fault).length).toBeGreaterThan(0);
  });

  it('reports every bad setting, not only the first', () => {
    const v = validatePolicy({ broken_promises: 0, levle: 1, recovery_max_level: 'x' });
    expect('errors' in v && v.errors.map((e) => e.path[0]).sort()).toEqual(['broken_promises', 'levle', 'recovery_max_level']);
  });

  it.each([['constructor'], ['toString'], ['hasOwnProperty']])('the key %s is unknown', (key) => {
    const v = validatePolicy({ [key]: 2 });
    expect('errors' in v && v.errors.map((e) => e.path)).toEqual([[key]]);
  });

  it('a raised institutional level changes B1', () => {
    const v = validatePolicy({ institutional_levels: ['management'] });
    if (!('value' in v)) throw new Error('invalid');
    const i = incident({ events: [escalation('quality', '2024-01-02T10:00'), resolution('unresolved', '2024-01-05T10:00')] });
    expect(fired(B1, evidence({ incidents: [i] }))).toEqual(['incident:i1']);
    expect(fired(B1, evidence({ incidents: [i] }), v.value)).toEqual([]);
  });
});
