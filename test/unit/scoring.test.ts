// Scoring a check: the score, the verdict and its boundaries, rounding, dealbreakers,
// not-applicable answers, and the helpers that check and rank answers.
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  checkAnswers,
  scoringChange,
  roundScore,
  scoreCheck,
  verdictOf,
  weakestAnswers,
  type Answer,
  type Checklist,
  type Question,
} from '../../src/domain/checklist.js';
import type { CheckVerdict } from '../../src/domain/types.js';
import { parseChecklistText } from '../../src/formats/checklist-file.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SEEDS = resolve(ROOT, '..', 'shared', 'scenarios', 'seeds.yaml');

function loadGeneral(): Checklist {
  const { checklist, problems } = parseChecklistText(readFileSync(resolve(ROOT, 'checklists', 'general.yaml'), 'utf8'));
  expect(problems).toEqual([]);
  return checklist!;
}
const general = loadGeneral();

// ---- small builders for synthetic checklists ----

function answer(value: string, score: number | null, dealbreaker?: boolean): Answer {
  return { value, label: value, score, ...(dealbreaker === undefined ? {} : { dealbreaker }) };
}

function question(id: string, weight: number, answers: Answer[]): Question {
  return { id, text: id, weight, answers };
}

function checklist(...questions: Question[]): Checklist {
  return { id: 'synthetic', version: 1, title: 'Synthetic', questions };
}

/** A question that offers exactly one answer `a` with the given score. */
function single(id: string, weight: number, score: number | null, dealbreaker?: boolean): Question {
  return question(id, weight, [answer('a', score, dealbreaker), answer('other', 0.5)]);
}

/** Answers `a` to every question of a checklist. */
function allA(c: Checklist): Record<string, string> {
  return Object.fromEntries(c.questions.map((q) => [q.id, 'a']));
}

// ---- the general checklist's best answers, to vary one at a time ----

const BEST: Record<string, string> = {
  'who-helps': 'named-person',
  'who-repairs': 'they-come',
  'who-to-ask': 'human-help',
  returns: 'free-return',
  cancel: 'self-service',
  'after-leaving': 'keep-everything',
  'lost-parcel': 'seller-replaces',
  'reach-human': 'minutes',
  compensation: 'automatic',
};

const ALL_UNKNOWN: Record<string, string> = Object.fromEntries(Object.keys(BEST).map((q) => [q, 'unknown']));

function seedAnswers(company: string): Record<string, string> {
  const seeds = parse(readFileSync(SEEDS, 'utf8')) as { checks: { company: string; checklist: string; answers: Record<string, string> }[] };
  const check = seeds.checks.find((c) => c.company === company && c.checklist === 'general');
  if (!check) throw new Error(`no general check of ${company} in seeds.yaml`);
  return check.answers;
}

describe('verdictOf', () => {
  const cases: [score: number, dealbreaker: boolean, verdict: CheckVerdict][] = [
    [100, false, 'go'],
    [80, false, 'go'],
    [79, false, 'caution'],
    [65, false, 'caution'],
    [50, false, 'caution'],
    [49, false, 'avoid'],
    [0, false, 'avoid'],
    [100, true, 'avoid'],
    [80, true, 'avoid'],
    [50, true, 'avoid'],
    [0, true, 'avoid'],
  ];
  it.each(cases)('score %d, dealbreaker %s -> %s', (score, dealbreaker, verdict) => {
    expect(verdictOf(score, dealbreaker)).toBe(verdict);
  });
});

describe('roundScore', () => {
  const cases: [input: number, rounded: number][] = [
    [0, 0],
    [100, 100],
    [79.4, 79],
    [79.49, 79],
    [79.4999999, 79], // a real value below the half, not a binary artefact
    [79.5, 80],
    [80.5, 81],
    [49.5, 50],
    [49.49, 49],
    [79.49999999999999, 80], // 100 * (3*0.6 + 3*0.99) / 6 in binary floating point
    [49.49999999999999, 50], // 100 * (3*0.6 + 1*0.18) / 4
    [22.499999999999996, 23], // 100 * (1*0 + 3*0.3) / 4
    [7.500000000000001, 8],
    [79.99999999999999, 80],
    [91.76470588235294, 92],
    [21.818181818181817, 22],
  ];
  it.each(cases)('%d -> %d', (input, rounded) => {
    expect(roundScore(input)).toBe(rounded);
  });

  it('the float cases really are what the weights produce', () => {
    expect((100 * (3 * 0.6 + 3 * 0.99)) / 6).toBe(79.49999999999999);
    expect((100 * (3 * 0.6 + 1 * 0.18)) / 4).toBe(49.49999999999999);
  });
});

describe('scoreCheck with synthetic checklists', () => {
  const cases: [name: string, c: Checklist, score: number, verdict: CheckVerdict][] = [
    ['exactly 80 is go', checklist(single('q', 1, 0.8)), 80, 'go'],
    ['79 is caution', checklist(single('q', 1, 0.79)), 79, 'caution'],
    ['exactly 50 is caution', checklist(single('q', 1, 0.5)), 50, 'caution'],
    ['49 is avoid', checklist(single('q', 1, 0.49)), 49, 'avoid'],
    ['79.5 rounds up to 80: go', checklist(single('q', 1, 0.795)), 80, 'go'],
    ['49.5 rounds up to 50: caution', checklist(single('q', 1, 0.495)), 50, 'caution'],
    ['79.5 from two equal weights rounds up', checklist(single('q1', 1, 1), single('q2', 1, 0.59)), 80, 'go'],
    ['float 79.49999999999999 from weights counts as 79.5: go', checklist(single('q1', 3, 0.6), single('q2', 3, 0.99)), 80, 'go'],
    ['float 49.49999999999999 from weights counts as 49.5: caution', checklist(single('q1', 3, 0.6), single('q2', 1, 0.18)), 50, 'caution'],
    ['weights weigh: (2*1 + 3*0.5) / 5 = 70', checklist(single('q1', 2, 1), single('q2', 3, 0.5)), 70, 'caution'],
    ['weights weigh the other way: (3*1 + 2*0.5) / 5 = 80', checklist(single('q1', 3, 1), single('q2', 2, 0.5)), 80, 'go'],
    ['a fractional weight: (0.5*0 + 1.5*1) / 2 = 75', checklist(single('q1', 0.5, 0), single('q2', 1.5, 1)), 75, 'caution'],
    ['all best: 100', checklist(single('q1', 1, 1), single('q2', 5, 1)), 100, 'go'],
    ['all zero: 0', checklist(single('q1', 1, 0), single('q2', 5, 0)), 0, 'avoid'],
    ['a not-applicable answer is left out (would be 40 if counted as 0)', checklist(single('q1', 2, 1), single('q2', 3, null)), 100, 'go'],
    ['a heavy not-applicable answer does not dilute', checklist(single('q1', 1, 0.5), single('q2', 10, null)), 50, 'caution'],
    ['not-applicable among several', checklist(single('q1', 1, 0.2), single('q2', 5, null), single('q3', 1, 0.8)), 50, 'caution'],
    ['all not-applicable: score 0', checklist(single('q1', 1, null), single('q2', 3, null)), 0, 'avoid'],
    ['a dealbreaker among perfect answers: 99 but avoid', checklist(single('q1', 99, 1), single('q2', 1, 0, true)), 99, 'avoid'],
    ['a dealbreaker answer that itself scores 1: 100 but avoid', checklist(single('q1', 1, 1), single('q2', 1, 1, true)), 100, 'avoid'],
    ['dealbreaker: false is not a dealbreaker', checklist(single('q1', 1, 1), single('q2', 1, 1, false)), 100, 'go'],
  ];
  it.each(cases)('%s', (_name, c, score, verdict) => {
    const result = scoreCheck(c, allA(c));
    expect(result.score).toBe(score);
    expect(result.verdict).toBe(verdict);
  });

  it('names the dealbreakers, in question order', () => {
    const c = checklist(single('q1', 1, 0, true), single('q2', 1, 1), single('q3', 1, 0.5, true));
    expect(scoreCheck(c, allA(c)).dealbreakers).toEqual(['q1', 'q3']);
    const none = checklist(single('q1', 1, 0), single('q2', 1, 1));
    expect(scoreCheck(none, allA(none)).dealbreakers).toEqual([]);
  });

  it('a not-applicable dealbreaker still fails the check', () => {
    const c = checklist(single('q1', 1, 1), single('q2', 1, null, true));
    expect(scoreCheck(c, allA(c))).toMatchObject({ score: 100, verdict: 'avoid', dealbreakers: ['q2'] });
  });

  it('returns every answer with its score and weight', () => {
    const c = checklist(single('q1', 2, 0.8), single('q2', 3, null), single('q3', 1, 0, true));
    expect(scoreCheck(c, { q1: 'a', q2: 'a', q3: 'other' })).toEqual({
      score: 70, // (2*0.8 + 1*0.5) / 3; q3 answered `other` (0.5), not the dealbreaker
      verdict: 'caution',
      dealbreakers: [],
      answers: [
        { question: 'q1', answer: 'a', score: 0.8, weight: 2, dealbreaker: false },
        { question: 'q2', answer: 'a', score: null, weight: 3, dealbreaker: false },
        { question: 'q3', answer: 'other', score: 0.5, weight: 1, dealbreaker: false },
      ],
    });
  });

  it('throws on a missing or invalid answer', () => {
    const c = checklist(single('q1', 1, 1), single('q2', 1, 1));
    expect(() => scoreCheck(c, { q1: 'a' })).toThrow('no valid answer to q2');
    expect(() => scoreCheck(c, { q1: 'a', q2: 'nope' })).toThrow('no valid answer to q2');
  });
});

describe('scoreCheck with the general checklist', () => {
  const cases: [name: string, answers: Record<string, string>, score: number, verdict: CheckVerdict, dealbreakers: string[]][] = [
    ['every best answer', BEST, 100, 'go', []],
    ['every answer unknown', ALL_UNKNOWN, 20, 'avoid', []],
    // 17 - 0.6 - 1.2 - 0.8 - 0.8 = 13.6 of 17 = 80 (79.99999999999999 in floating point)
    [
      'exactly 80',
      { ...BEST, 'who-helps': 'live-support', cancel: 'by-request', 'reach-human': 'within-hour', returns: 'paid-return' },
      80,
      'go',
      [],
    ],
    // (1.2 + 0.5 + 1.2 + 1.8 + 0.5 + 0.8 + 1.2 + 0.6) / 15 = 7.8 / 15 = 52; who-repairs left out
    [
      'middling with one not-applicable',
      {
        'who-helps': 'tickets-only',
        'who-repairs': 'not-applicable',
        'who-to-ask': 'docs-only',
        returns: 'paid-return',
        cancel: 'by-request',
        'after-leaving': 'partial',
        'lost-parcel': 'claim-carrier',
        'reach-human': 'within-hour',
        compensation: 'on-request',
      },
      52,
      'caution',
      [],
    ],
    // only who-helps, who-to-ask and reach-human count: 3 + 1 + 2 of 6
    [
      'every question that can be not-applicable is',
      {
        ...BEST,
        'who-repairs': 'not-applicable',
        returns: 'not-applicable',
        cancel: 'not-applicable',
        'after-leaving': 'not-applicable',
        'lost-parcel': 'not-applicable',
        compensation: 'not-applicable',
      },
      100,
      'go',
      [],
    ],
    ['nobody helps: 14 of 17 = 82, but avoid', { ...BEST, 'who-helps': 'nobody' }, 82, 'avoid', ['who-helps']],
    ['cannot cancel: 14 of 17 = 82, but avoid', { ...BEST, cancel: 'cannot' }, 82, 'avoid', ['cancel']],
    ['the buyer pays for a lost parcel: 15 of 17 = 88, but avoid', { ...BEST, 'lost-parcel': 'buyer-pays' }, 88, 'avoid', ['lost-parcel']],
    [
      'every dealbreaker',
      { ...BEST, 'who-helps': 'nobody', 'who-repairs': 'not-covered', cancel: 'cannot', 'lost-parcel': 'buyer-pays' },
      41, // 7 of 17 = 41.18
      'avoid',
      ['who-helps', 'who-repairs', 'cancel', 'lost-parcel'],
    ],
    ['who-to-ask nobody is bad but no dealbreaker: 16 of 17 = 94', { ...BEST, 'who-to-ask': 'nobody' }, 94, 'go', []],
    ['reach-human never is bad but no dealbreaker: 15 of 17 = 88', { ...BEST, 'reach-human': 'never' }, 88, 'go', []],
  ];
  it.each(cases)('%s', (_name, answers, score, verdict, dealbreakers) => {
    const result = scoreCheck(general, answers);
    expect(result.score).toBe(score);
    expect(result.verdict).toBe(verdict);
    expect(result.dealbreakers).toEqual(dealbreakers);
  });

  it('Amazon in the seeds scores 92: go', () => {
    const answers = seedAnswers('Amazon');
    expect(answers['who-helps']).toBe('live-support');
    const result = scoreCheck(general, answers);
    expect(result).toMatchObject({ score: 92, verdict: 'go', dealbreakers: [] });
  });

  it('Cool Air Installations in the seeds scores 22: avoid', () => {
    const answers = seedAnswers('Cool Air Installations');
    expect(answers.cancel).toBe('not-applicable');
    const result = scoreCheck(general, answers);
    expect(result).toMatchObject({ score: 22, verdict: 'avoid', dealbreakers: [] });
    expect(result.answers.filter((a) => a.score === null).map((a) => a.question)).toEqual(['cancel', 'after-leaving', 'lost-parcel']);
  });
});

describe('checkAnswers', () => {
  const others = (...answered: string[]) => general.questions.map((q) => q.id).filter((id) => !answered.includes(id));

  it('accepts a complete, valid set of answers', () => {
    expect(checkAnswers(general, BEST)).toEqual({ problems: [], missing: [] });
    expect(checkAnswers(general, ALL_UNKNOWN)).toEqual({ problems: [], missing: [] });
  });

  it('lists every question when nothing is answered, in checklist order', () => {
    expect(checkAnswers(general, {})).toEqual({
      problems: [],
      missing: ['who-helps', 'who-repairs', 'who-to-ask', 'returns', 'cancel', 'after-leaving', 'lost-parcel', 'reach-human', 'compensation'],
    });
  });

  it('lists what is missing from a partial set', () => {
    expect(checkAnswers(general, { 'who-helps': 'nobody', cancel: 'cannot' })).toEqual({
      problems: [],
      missing: others('who-helps', 'cancel'),
    });
  });

  it('names an unknown question and lists the real ones', () => {
    const { problems, missing } = checkAnswers(general, { ...BEST, colour: 'red' });
    expect(missing).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0].question).toBeUndefined();
    expect(en.answers.problem(problems[0])).toBe(
      '"colour" is not a question of the general checklist; its questions are: who-helps, who-repairs, who-to-ask, returns, cancel, after-leaving, lost-parcel, reach-human, compensation',
    );
  });

  it('names an unknown value and lists the valid ones', () => {
    const { problems, missing } = checkAnswers(general, { ...BEST, 'who-helps': 'maybe' });
    expect(missing).toEqual([]);
    expect(problems).toEqual([{ kind: 'unknown-answer', question: 'who-helps', given: 'maybe', values: ['named-person', 'live-support', 'tickets-only', 'bot-only', 'nobody', 'unknown'] }]);
    expect(en.answers.problem(problems[0])).toBe('"maybe" is not an answer to who-helps; valid answers are: named-person, live-support, tickets-only, bot-only, nobody, unknown');
    expect(ru.answers.problem(problems[0])).toBe('«maybe» — не ответ на who-helps; ответы: named-person, live-support, tickets-only, bot-only, nobody, unknown');
  });

  it('refuses not-applicable where the question does not offer it', () => {
    const { problems } = checkAnswers(general, { 'who-helps': 'not-applicable', 'reach-human': 'not-applicable' });
    expect(problems.map((p) => p.question)).toEqual(['who-helps', 'reach-human']);
  });

  it('reports problems and missing answers together', () => {
    const { problems, missing } = checkAnswers(general, { 'who-helps': 'Nobody', typo: 'x' });
    expect(problems.map((p) => p.question)).toEqual(['who-helps', undefined]);
    expect(missing).toEqual(others('who-helps'));
  });
});

describe('weakestAnswers', () => {
  it('ranks the answers that cost most, worst first, ties in question order', () => {
    const result = scoreCheck(general, seedAnswers('Cool Air Installations'));
    // returns 2*(1-0) = 2, who-helps 3*(1-0.4) = 1.8, who-repairs and reach-human 2*(1-0.3) = 1.4,
    // who-to-ask and compensation 1*(1-0) = 1; the not-applicable ones are left out
    expect(weakestAnswers(result).map((a) => a.question)).toEqual(['returns', 'who-helps', 'who-repairs']);
    expect(weakestAnswers(result, 10).map((a) => a.question)).toEqual([
      'returns',
      'who-helps',
      'who-repairs',
      'reach-human',
      'who-to-ask',
      'compensation',
    ]);
    expect(weakestAnswers(result, 1)).toEqual([{ question: 'returns', answer: 'no-returns', score: 0, weight: 2, dealbreaker: false }]);
  });

  it('leaves out answers scoring 0.6 or more', () => {
    expect(weakestAnswers(scoreCheck(general, seedAnswers('Amazon')))).toEqual([]);
    expect(weakestAnswers(scoreCheck(general, BEST))).toEqual([]);
  });

  it('counts unknown answers as weak', () => {
    const result = scoreCheck(general, { ...BEST, cancel: 'unknown', 'who-to-ask': 'unknown' });
    expect(weakestAnswers(result).map((a) => [a.question, a.answer])).toEqual([
      ['cancel', 'unknown'],
      ['who-to-ask', 'unknown'],
    ]);
  });

  it('weighs: a heavy mild answer outranks a light bad one', () => {
    const c = checklist(single('light', 1, 0), single('heavy', 5, 0.5), single('fine', 1, 0.6), single('na', 9, null));
    const result = scoreCheck(c, allA(c));
    expect(weakestAnswers(result).map((a) => a.question)).toEqual(['heavy', 'light']);
  });
});

describe('the built-in checklists', () => {
  // A check names its checklist by id and version, and `check` compares a checklist of the
  // user's with the checks made under its version (a built-in one it does not): a built-in
  // checklist that comes to score otherwise takes a new version. This table changes only with one.
  const SCORING: Record<string, string> = {
    'general@1': 'ec0d4966472a5d94',
    'online-order@1': '0ecafa6bb77de48d',
    'subscription@1': 'bbc5341c1faaaff7',
  };
  it('score as they did under each version', async () => {
    const { createHash } = await import('node:crypto');
    const { readdirSync } = await import('node:fs');
    const dir = resolve(ROOT, 'checklists');
    const found: Record<string, string> = {};
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
      const { checklist } = parseChecklistText(readFileSync(resolve(dir, f), 'utf8'));
      const scoring = checklist!.questions.map((q) => [q.id, q.weight, q.answers.map((a) => [a.value, a.score, !!a.dealbreaker])]);
      found[`${checklist!.id}@${checklist!.version}`] = createHash('sha256').update(JSON.stringify(scoring)).digest('hex').slice(0, 16);
    }
    expect(found).toEqual(SCORING);
  });
});

describe('scoringChange', () => {
  const q = (id: string, answers: Answer[], weight = 1): Question => ({ id, text: { en: id }, weight, answers }) as Question;
  const a = (value: string, score: number | null, dealbreaker = false): Answer => ({ value, label: { en: value }, score, ...(dealbreaker ? { dealbreaker } : {}) }) as Answer;
  const list = (...questions: Question[]): Checklist => ({ id: 'mine', version: 1, title: { en: 'Mine' }, questions }) as Checklist;
  const made = (c: Checklist, answers: Record<string, string>) => scoreCheck(c, answers);
  const one = list(q('q1', [a('x', 1), a('y', 0.5)]), q('q2', [a('z', 0), a('n', null)]));
  it('finds none where the checklist scores a check as it was scored', () => {
    expect(scoringChange(one, made(one, { q1: 'y', q2: 'n' }))).toBeUndefined();
  });
  it('finds a question asked now or no longer, an answer gone, a score, weight or dealbreaker changed', () => {
    const then = made(one, { q1: 'y', q2: 'z' });
    expect(scoringChange(list(...one.questions, q('q3', [a('w', 1)])), then)).toEqual({ kind: 'questions', added: ['q3'], gone: [] });
    expect(scoringChange(list(one.questions[0]), then)).toEqual({ kind: 'questions', added: [], gone: ['q2'] });
    expect(scoringChange(list(q('q1', [a('x', 1)]), one.questions[1]), then)).toEqual({ kind: 'answer', question: 'q1', answer: 'y' });
    expect(scoringChange(list(q('q1', [a('x', 1), a('y', 0.25)]), one.questions[1]), then)).toEqual({ kind: 'scores', was: 25, now: 13 });
    expect(scoringChange(list(one.questions[0], q('q2', [a('z', 0)], 3)), then)).toEqual({ kind: 'scores', was: 25, now: 13 });
    // The same score, with a dealbreaker now: scored otherwise all the same.
    expect(scoringChange(list(one.questions[0], q('q2', [a('z', 0, true), a('n', null)])), then)).toEqual({ kind: 'scores', was: 25, now: 25 });
  });
});
