// `vetted check` without a terminal, and the checklists and companies around it: answers
// given by flags and files, the --json shape, every way the input can be wrong, custom
// and user checklists, company names, and colour.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, SHARED, sandbox, type CheckJson, type RunResult, type Sandbox, amazonAnswerFlags } from '../helpers/cli.js';
import { STACK_FRAME, json, ok } from '../helpers/expect.js';

interface SeedCheck {
  company: string;
  checklist: string;
  answers: Record<string, string>;
  notes?: Record<string, string>;
}
const seeds = parse(readFileSync(join(SHARED, 'scenarios', 'seeds.yaml'), 'utf8')) as { checks: SeedCheck[] };
const seedCheck = (company: string) => seeds.checks.find((c) => c.company === company)!;
const AMAZON = seedCheck('Amazon').answers;
const COOL_AIR = seedCheck('Cool Air Installations').answers;

const GENERAL_IDS = ['who-helps', 'who-repairs', 'who-to-ask', 'returns', 'cancel', 'after-leaving', 'lost-parcel', 'reach-human', 'compensation'];

/** `--answer id=value` for each answer. */
const answerFlags = (answers: Record<string, string>) => Object.entries(answers).flatMap(([q, a]) => ['--answer', `${q}=${a}`]);

const ESC = '\u001b[';

/** Exit 2, nothing on stdout, one sentence on stderr and no stack trace. */
function expectUsageError(r: RunResult): string {
  expect(r.code, `stderr: ${r.stderr}`).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK_FRAME);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, `stderr: ${r.stderr}`).toHaveLength(1);
  expect(lines[0]).toMatch(/^vetted: .+[.)]$/);
  return lines[0];
}


function checkJson(r: RunResult): CheckJson {
  expect(r.code, `stderr: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as CheckJson;
}

const companies = (s: Sandbox) => {
  // Nothing stored may be no database at all: a refused first command makes none.
  if (!existsSync(s.db)) return [];
  const r = s.run(['company', 'list', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { name: string; aliases: string[]; checks: number }[];
};

// A checklist whose texts are YAML blocks of several lines, folded (>) and kept as they are (|).
const MULTI_LINE = `id: multi
version: 1
title: >
  Lines of
  a title
description: >
  A description folded
  over two lines.
questions:
  - id: parcel
    text: >
      Who pays when
      the parcel is lost?
    help: |
      First, read the delivery terms.
      Then ask the seller in writing.
    answers:
      - value: seller
        label: The seller
        score: 1
      - value: buyer
        label: >
          You do,
          the buyer
        score: 0
`;

// A small checklist of our own: score = round(100 × Σ weight·score / Σ weight).
const CUSTOM = `id: laptop
version: 2
title: { en: Buying a laptop, ru: Покупка ноутбука }
questions:
  - id: warranty
    text: { en: Who repairs it under warranty?, ru: Кто чинит по гарантии? }
    weight: 2
    answers:
      - { value: on-site, label: They come to you, score: 1 }
      - { value: depot, label: You send it in, score: 0.5 }
      - { value: none, label: Nobody, score: 0, dealbreaker: true }
  - id: battery
    text: Is the battery replaceable?
    answers:
      - { value: yes-easily, label: Yes, score: 1 }
      - { value: service-only, label: Only at a service centre, score: 0.4 }
`;

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => {
  s.cleanup();
});

describe('vetted check with all answers given', () => {
  it('scores the Amazon answers of the seeds 92, go, with the DATA-FORMAT shape', () => {
    const out = checkJson(s.run(['check', 'Amazon', ...answerFlags(AMAZON), '--json']));
    expect(out).toMatchObject({ company: 'Amazon', checklist: 'general', score: 92, verdict: 'go', dealbreakers: [] });
    expect(out.answers.map((a) => a.question)).toEqual(GENERAL_IDS);
    for (const a of out.answers) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['question', 'answer', 'score']));
      expect(a.answer).toBe(AMAZON[a.question]);
    }
    expect(out.answers.find((a) => a.question === 'who-helps')!.score).toBe(0.8);
    expect(out.answers.find((a) => a.question === 'compensation')!.score).toBe(0.6);
  });

  it('keeps the time of the check, read off the clock, with its offset', () => {
    const out = checkJson(s.run(['check', 'Amazon', ...answerFlags(AMAZON), '--json'], { env: { TZ: 'Asia/Kathmandu' } }));
    expect((out as typeof out & { at: string }).at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:45$/);
  });

  it('scores the Cool Air answers 22, avoid; not-applicable answers have a null score', () => {
    const out = checkJson(s.run(['check', 'Cool Air Installations', ...answerFlags(COOL_AIR), '--json']));
    expect(out).toMatchObject({ company: 'Cool Air Installations', checklist: 'general', score: 22, verdict: 'avoid', dealbreakers: [] });
    expect(out.answers.find((a) => a.question === 'cancel')).toMatchObject({ answer: 'not-applicable', score: null });
  });

  it('says avoid for a dealbreaker answer however high the score, and names it', () => {
    const out = checkJson(s.run(['check', 'Amazon', ...answerFlags({ ...AMAZON, cancel: 'cannot' }), '--json']));
    expect(out.dealbreakers).toEqual(['cancel']);
    expect(out.verdict).toBe('avoid');
    expect(out.score).toBe(74); // (15.6 − 3) / 17
  });

  it('prints the verdict for a person without --json, and nothing on stderr', () => {
    const r = s.run(['check', 'Amazon', ...answerFlags(AMAZON)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Amazon');
    expect(r.stdout).toMatch(/92\/100/);
    expect(r.stdout).toMatch(/\bGO\b/);
  });

  it('reads the answers from a YAML file', () => {
    const file = join(s.dir, 'answers.yaml');
    writeFileSync(file, Object.entries(COOL_AIR).map(([q, a]) => `${q}: ${a}`).join('\n') + '\n');
    const out = checkJson(s.run(['check', 'Cool Air Installations', '--answers', file, '--json']));
    expect(out).toMatchObject({ score: 22, verdict: 'avoid' });
  });

  it('reads the answers from a JSON file', () => {
    const file = join(s.dir, 'answers.json');
    writeFileSync(file, JSON.stringify(AMAZON, null, 2));
    const out = checkJson(s.run(['check', 'Amazon', '--answers', file, '--json']));
    expect(out).toMatchObject({ score: 92, verdict: 'go' });
    expect(Object.fromEntries(out.answers.map((a) => [a.question, a.answer]))).toEqual(AMAZON);
  });

  it('reads answers and notes from a file shaped like a check of the data file', () => {
    const file = join(s.dir, 'check.yaml');
    const { answers, notes } = seedCheck('Amazon');
    writeFileSync(file, JSON.stringify({ answers, notes }));
    const out = checkJson(s.run(['check', 'Amazon', '--answers', file, '--json']));
    expect(out.score).toBe(92);
    expect(out.answers.find((a) => a.question === 'lost-parcel')!.note).toBe(notes!['lost-parcel']);
  });

  it('refuses sections it does not read beside answers and notes, and notes or answers in a shape it cannot read, storing nothing', () => {
    const file = join(s.dir, 'check.yaml');
    const { answers } = seedCheck('Amazon');
    writeFileSync(file, JSON.stringify({ answers, notse: { 'lost-parcel': 'asked in chat' }, company: 'Else' }));
    expect(expectUsageError(s.run(['check', 'Amazon', '--answers', file]))).toBe('vetted: ' + file + ' has "notse", "company" beside "answers" and "notes", and no other section is read; remove them; notes go under "notes".');
    expect(expectUsageError(s.run(['--lang', 'ru', 'check', 'Amazon', '--answers', file]))).toMatch(/кроме «answers» и «notes» в нём есть «notse», «company»/);
    writeFileSync(file, JSON.stringify({ ...answers, notes: { 'lost-parcel': 'x' } }));
    expect(expectUsageError(s.run(['check', 'Amazon', '--answers', file]))).toMatch(/gives "notes" as a map among the answers; put the answers under "answers:" and the notes under "notes:"/);
    writeFileSync(file, JSON.stringify({ answers: [] }));
    expect(expectUsageError(s.run(['check', 'Amazon', '--answers', file]))).toMatch(/"answers" must be a map of question id to answer value/);
    // An answer nested thousands deep, or long, is named by its brackets, not written out (which overflowed the stack).
    writeFileSync(file, `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`);
    expect(expectUsageError(s.run(['check', 'Amazon', '--answers', file]))).toBe(`vetted: ${file}: the answer of "a" must be text, not {…}.`);
    // An empty notes: is no notes.
    writeFileSync(file, `answers:\n${Object.entries(answers).map(([q, a]) => `  ${q}: ${a}`).join('\n')}\nnotes:\n`);
    ok(s.run(['check', 'Amazon', '--answers', file]));
    ok(s.run(['undo']));
    writeFileSync(file, JSON.stringify({ answers, notes: ['x'] }));
    expect(expectUsageError(s.run(['check', 'Amazon', '--answers', file]))).toMatch(/"notes" must be a map of question id to note/);
    expect(ok(s.run(['checks', 'list', '--json'])).stdout.trim()).toBe('[]');
  });

  it('lets --answer override the same answer in --answers', () => {
    const file = join(s.dir, 'answers.yaml');
    writeFileSync(file, Object.entries(AMAZON).map(([q, a]) => `${q}: ${a}`).join('\n') + '\n');
    const out = checkJson(s.run(['check', 'Amazon', '--answers', file, '--answer', 'who-helps=nobody', '--json']));
    expect(out.answers.find((a) => a.question === 'who-helps')).toMatchObject({ answer: 'nobody', score: 0 });
    expect(out.dealbreakers).toEqual(['who-helps']);
    expect(out.verdict).toBe('avoid');
  });

  it('completes a partial --answers file with --answer flags', () => {
    const [first, ...rest] = Object.entries(AMAZON);
    const file = join(s.dir, 'answers.yaml');
    writeFileSync(file, rest.map(([q, a]) => `${q}: ${a}`).join('\n') + '\n');
    const out = checkJson(s.run(['check', 'Amazon', '--answers', file, '--answer', `${first[0]}=${first[1]}`, '--json']));
    expect(out.score).toBe(92);
  });
});

describe('checks show', () => {
  it('shows every note whole: in a pipe on its line, cut nowhere', () => {
    const note = `${'asked in their chat on Monday, '.repeat(6)}and a person answered in two minutes`;
    ok(s.run(['check', 'Amazon', ...answerFlags(AMAZON), '--note', `who-helps=${note}`]));
    const out = ok(s.run(['checks', 'show', 'amazon-check-1'])).stdout;
    expect(out).toMatch(new RegExp(`^who-helps +live-support +0\\.8 +${note}$`, 'm'));
    expect(out).not.toContain('…');
  });
});

describe('vetted check with something missing or wrong', () => {
  it('without a terminal, names every missing question, exits 2 and stores nothing', () => {
    const given = { 'who-helps': 'live-support', cancel: 'self-service' };
    const r = s.run(['check', 'Half Done Shop', ...answerFlags(given), '--json']);
    const line = expectUsageError(r);
    for (const q of GENERAL_IDS.filter((q) => !(q in given))) expect(line).toContain(q);
    expect(line).not.toMatch(/who-helps|\bcancel\b/);
    expect(companies(s)).toEqual([]);
  });

  it('with no answers at all, names all nine questions and stores nothing', () => {
    const line = expectUsageError(s.run(['check', 'Some Shop']));
    for (const q of GENERAL_IDS) expect(line).toContain(q);
    expect(companies(s)).toEqual([]);
  });

  it('refused without a terminal, makes no database where there was none', () => {
    const fresh = sandbox();
    try {
      for (const args of [['check', 'X', '--answer', 'who-helps=nobody'], ['check', 'X', '--answer', 'who-helps=bogus'], ['check', 'X', ...GENERAL_IDS.flatMap((q) => ['--answer', `${q}=not-applicable`])]]) {
        expectUsageError(fresh.run(args));
        expect(existsSync(fresh.db), args.join(' ')).toBe(false);
      }
    } finally {
      fresh.cleanup();
    }
  });

  it('says of an answer given without its question id that the id is missing', () => {
    expect(expectUsageError(s.run(['check', 'Some Shop', '--answer', '=x']))).toBe('vetted: --answer takes ID=VALUE, such as --answer who-helps=live-support; "=x" has no ID before its "=".');
    expect(expectUsageError(s.run(['check', 'Some Shop', '--answer', 'x']))).toBe('vetted: --answer takes ID=VALUE, such as --answer who-helps=live-support; "x" has no "=".');
    // A note's example is a note, not an answer.
    expect(expectUsageError(s.run(['check', 'Some Shop', '--note', 'who-helps']))).toBe('vetted: --note takes ID=TEXT, such as --note who-helps="the chat bot only"; "who-helps" has no "=".');
    expect(expectUsageError(s.run(['--lang', 'ru', 'check', 'Some Shop', '--note', 'who-helps']))).toBe('vetted: --note принимает ID=ТЕКСТ, например --note who-helps="только чат-бот"; в «who-helps» нет «=».');
  });

  it('refuses a question given twice in --note or --answer, where one would be lost without a word', () => {
    expect(expectUsageError(s.run(['check', 'Some Shop', ...answerFlags(AMAZON), '--note', 'who-helps=first', '--note', 'who-helps=second']))).toBe('vetted: --note who-helps=… is given twice; give it once (one note may say several things).');
    expect(expectUsageError(s.run(['check', 'Some Shop', ...answerFlags(AMAZON), '--answer', 'cancel=cannot']))).toMatch(/^vetted: --answer cancel=… is given twice; give it once\.$/);
  });

  it('names an unknown checklist and lists the valid ones', () => {
    const line = expectUsageError(s.run(['check', 'Amazon', '--checklist', 'no-such-list', ...answerFlags(AMAZON)]));
    expect(line).toContain('no-such-list');
    for (const id of ['general', 'online-order', 'subscription']) expect(line).toContain(id);
    expect(companies(s)).toEqual([]);
  });

  it('names an unknown question and lists the questions', () => {
    const line = expectUsageError(s.run(['check', 'Amazon', ...answerFlags({ ...AMAZON, 'who-cares': 'nobody' })]));
    expect(line).toContain('who-cares');
    for (const q of GENERAL_IDS) expect(line).toContain(q);
    expect(companies(s)).toEqual([]);
  });

  it('names an unknown answer value and lists the valid answers to that question', () => {
    const line = expectUsageError(s.run(['check', 'Amazon', ...answerFlags({ ...AMAZON, returns: 'whenever' })]));
    expect(line).toContain('whenever');
    expect(line).toContain('returns');
    for (const v of ['free-return', 'paid-return', 'exchange-only', 'no-returns', 'not-applicable', 'unknown']) expect(line).toContain(v);
    expect(companies(s)).toEqual([]);
  });

  it('names an unknown answer value given in an --answers file', () => {
    const file = join(s.dir, 'answers.yaml');
    writeFileSync(file, Object.entries({ ...AMAZON, 'reach-human': 'eventually' }).map(([q, a]) => `${q}: ${a}`).join('\n') + '\n');
    const line = expectUsageError(s.run(['check', 'Amazon', '--answers', file]));
    expect(line).toContain('eventually');
    expect(line).toContain('reach-human');
    expect(line).toContain('within-hour');
  });

  it('rejects an --answer without "=" naming the flag', () => {
    const line = expectUsageError(s.run(['check', 'Amazon', '--answer', 'who-helps']));
    expect(line).toContain('--answer');
    expect(line).toContain('who-helps');
  });

  it('rejects an --answers file that does not exist, naming it', () => {
    const line = expectUsageError(s.run(['check', 'Amazon', '--answers', join(s.dir, 'missing.yaml')]));
    expect(line).toContain('missing.yaml');
  });

  it('rejects a malformed --answers file with its line, and stores nothing', () => {
    const file = join(s.dir, 'broken.yaml');
    writeFileSync(file, 'who-helps: live-support\ncancel: [self-service\nreturns: free-return\n');
    const line = expectUsageError(s.run(['check', 'Amazon', '--answers', file]));
    expect(line).toMatch(/broken\.yaml:\d+:\d+/);
    expect(companies(s)).toEqual([]);
  });
});

describe('custom and user checklists', () => {
  it('runs a checklist given as a file path with --checklist', () => {
    const file = join(s.dir, 'laptop.yaml');
    writeFileSync(file, CUSTOM);
    const out = checkJson(s.run(['check', 'Laptop Shop', '--checklist', file, '--answer', 'warranty=on-site', '--answer', 'battery=service-only', '--json']));
    // (2·1 + 1·0.4) / 3 = 80
    expect(out).toMatchObject({ company: 'Laptop Shop', checklist: 'laptop', score: 80, verdict: 'go', dealbreakers: [] });
    expect(out.answers).toEqual([
      expect.objectContaining({ question: 'warranty', answer: 'on-site', score: 1 }),
      expect.objectContaining({ question: 'battery', answer: 'service-only', score: 0.4 }),
    ]);
  });

  it('shows the texts a checklist writes in several lines as lines, with no line-break marks', () => {
    mkdirSync(join(s.config, 'checklists'), { recursive: true });
    writeFileSync(join(s.config, 'checklists', 'multi.yaml'), MULTI_LINE);
    const shown = ok(s.run(['checklists', 'show', 'multi'])).stdout;
    expect(shown).not.toContain('␊');
    expect(shown).toMatch(/^Lines of a title {2}\(multi v1, /);
    expect(shown).toContain('\nA description folded over two lines.\n\n1. Who pays when the parcel is lost?  [parcel, weight 1]\n   First, read the delivery terms.\n   Then ask the seller in writing.\n');
    expect(shown).toMatch(/ {2}You do, the buyer\n/);
    expect(ok(s.run(['checklists', 'list'])).stdout).toMatch(/^multi .* Lines of a title$/m);
    const result = ok(s.run(['check', 'Parcel Shop', '--checklist', 'multi', '--answer', 'parcel=buyer'])).stdout;
    expect(result).not.toContain('␊');
    expect(result).toContain('Parcel Shop — Lines of a title (multi v1)');
    expect(result).toContain('  • Who pays when the parcel is lost?\n    You do, the buyer (0 × weight 1)');
    expect(result).toContain('  ? Who pays when the parcel is lost? [parcel: buyer]\n    First, read the delivery terms.\n    Then ask the seller in writing.\n');
  });

  it('offers "unknown" on every question of a custom checklist, scored 0.2', () => {
    const file = join(s.dir, 'laptop.yaml');
    writeFileSync(file, CUSTOM);
    const out = checkJson(s.run(['check', 'Laptop Shop', '--checklist', file, '--answer', 'warranty=unknown', '--answer', 'battery=yes-easily', '--json']));
    // (2·0.2 + 1·1) / 3 = 46.7
    expect(out).toMatchObject({ score: 47, verdict: 'avoid' });
  });

  it('skips a broken checklist in $VETTED_CONFIG/checklists/ with a warning naming it, and keeps the others usable', () => {
    mkdirSync(join(s.config, 'checklists'), { recursive: true });
    const broken = join(s.config, 'checklists', 'broken.yaml');
    writeFileSync(broken, 'id: broken\nversion: 1\n');
    const list = s.run(['checklists', 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^general\s/m);
    expect(list.stderr).toContain(broken);
    expect(list.stderr).toContain('validate');
    const line = expectUsageError(s.run(['check', 'Shop', '--checklist', 'broken', '--answer', 'x=y']));
    expect(line).toContain('could not be read');
    expect(line).toContain(broken);
    // Among others not read (a folder first in name order), the file named as the checklist asked for is the one said.
    mkdirSync(join(s.config, 'checklists', 'a-folder.yaml'));
    const named = expectUsageError(s.run(['checklists', 'show', 'broken']));
    expect(named).toMatch(/\(2 of your checklist files could not be read; the one of that name: skipped .*broken\.yaml:/);
    expect(named).not.toContain('a-folder.yaml');
    expect(named).not.toMatch(/\.\)\.$/);
    expect(expectUsageError(s.run(['checklists', 'show', 'other']))).toMatch(/could not be read; the first: .*a-folder\.yaml is a folder/);
  });

  it('reads the built-in checklists, with a warning, where the folder of your checklists is a file (every check failed with ENOTDIR)', () => {
    mkdirSync(s.config, { recursive: true });
    writeFileSync(join(s.config, 'checklists'), 'not a folder');
    const list = ok(s.run(['checklists', 'list']));
    expect(list.stdout).toMatch(/^general\s/m);
    expect(list.stderr).toContain(`${join(s.config, 'checklists')} is a file, where your checklists' folder should be`);
    expect(ok(s.run(['--lang', 'ru', 'checklists', 'list'])).stderr).toContain('должна быть папка ваших чек-листов');
    ok(s.run(['check', 'Shop', ...amazonAnswerFlags]));
    // The Russian line of a JSON export written to a file is Russian too.
    expect(ok(s.run(['--lang', 'ru', 'export', '--format', 'json', '--out', join(s.dir, 'x.json')])).stderr).not.toMatch(/wrote/);
  });

  it('ids a check of a company whose name has no Latin letter or digit as a check of a company (it was incident-check-1)', () => {
    expect(json<{ id: string }>(s, ['check', '東京', ...amazonAnswerFlags, '--json']).id).toBe('company-check-1');
  });

  it('names the missing questions of a custom checklist', () => {
    const file = join(s.dir, 'laptop.yaml');
    writeFileSync(file, CUSTOM);
    const line = expectUsageError(s.run(['check', 'Laptop Shop', '--checklist', file, '--answer', 'warranty=depot']));
    expect(line).toContain('battery');
    // A checklist given by its file is shown by its file (`checklists show laptop` knew no such id), and one question is "it".
    expect(line).toContain(`give it with --answer ID=VALUE or --answers FILE, or run on a terminal to be asked (see \`vetted checklists show ${file}\`)`);
    ok(s.run(['checklists', 'show', file]));
  });

  it('shows a checklist in $VETTED_CONFIG/checklists/ in `checklists list` and runs it by id', () => {
    mkdirSync(join(s.config, 'checklists'), { recursive: true });
    writeFileSync(join(s.config, 'checklists', 'laptop.yaml'), CUSTOM);
    const text = s.run(['checklists', 'list']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^laptop\s+2\s+2\s+user\s+Buying a laptop/m);
    expect(text.stdout).toMatch(/^general\s/m);

    const json = s.run(['checklists', 'list', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const list = JSON.parse(json.stdout) as { id: string; source: string; questions: number }[];
    expect(list).toContainEqual(expect.objectContaining({ id: 'laptop', source: 'user', questions: 2 }));
    expect(list).toContainEqual(expect.objectContaining({ id: 'general', source: 'built-in', questions: 9 }));

    const out = checkJson(s.run(['check', 'Laptop Shop', '--checklist', 'laptop', '--answer', 'warranty=none', '--answer', 'battery=yes-easily', '--json']));
    expect(out).toMatchObject({ checklist: 'laptop', dealbreakers: ['warranty'], verdict: 'avoid' });
  });

  it('saves no check whose every answer is left out of the score: the company is not blacklisted for questions that did not apply', () => {
    const file = join(s.dir, 'optional.yaml');
    writeFileSync(
      file,
      `id: optional\nversion: 1\ntitle: Optional things\nquestions:\n  - id: gift-wrap\n    text: Is gift wrapping offered?\n    answers:\n      - { value: yes, label: Yes, score: 1 }\n      - { value: no, label: No, score: 0, dealbreaker: true }\n      - { value: not-applicable, label: Does not apply, score: null }\n`,
    );
    const line = expectUsageError(s.run(['check', 'Gift Shop', '--checklist', file, '--answer', 'gift-wrap=not-applicable']));
    expect(line).toMatch(/left out of the score .* was not saved/);
    // Refused before anything is opened: not even a database is made.
    expect(existsSync(s.db)).toBe(false);
    ok(s.run(['incident', 'add', 'Other Shop', '--title', 't', '--opened', '2026-11-01']));
    expectUsageError(s.run(['check', 'Gift Shop', '--checklist', file, '--answer', 'gift-wrap=not-applicable']));
    expect(ok(s.run(['checks', 'list', '--json'])).stdout.trim()).toBe('[]');
    expect(ok(s.run(['lists', 'black'])).stdout).not.toContain('Gift Shop');
    // A dealbreaker decides without a score; "unknown" counts as an answer.
    expect(checkJson(s.run(['check', 'Gift Shop', '--checklist', file, '--answer', 'gift-wrap=no', '--json']))).toMatchObject({ verdict: 'avoid', dealbreakers: ['gift-wrap'] });
    expect(checkJson(s.run(['check', 'Gift Shop', '--checklist', file, '--answer', 'gift-wrap=unknown', '--json']))).toMatchObject({ score: 20 });
  });

  it('names answers to questions of another checklist together, saying its questions once', () => {
    const r = expectUsageError(s.run(['check', 'Beeline', '--checklist', 'subscription', '--answer', 'who-helps=bot-only', '--answer', 'cancel=in-person-only', '--answer', 'cancellation=zzz']));
    expect(r).toMatch(/^vetted: "who-helps", "cancel" are not questions of the subscription checklist; its questions are: cancellation, [a-z, -]+; "zzz" is not an answer to cancellation; valid answers are: /);
    expect(r.split('its questions are').length).toBe(2);
  });

  it('names the first ten answers to no question, and counts the rest (65,000 made one sentence of 640 KB)', () => {
    const file = join(s.dir, 'many.json');
    writeFileSync(file, JSON.stringify(Object.fromEntries(Array.from({ length: 65_000 }, (_, k) => [`k${k}`, 'x']))));
    const r = expectUsageError(s.run(['check', 'Foo', '--answers', file]));
    expect(r).toMatch(/^vetted: "k0", "k1", .*"k9", and 64,990 more are not questions of the general checklist; its questions are: who-helps,/);
    expect(r.length).toBeLessThan(400);
  });

  it('takes a question id that names a property of every object (constructor, __proto__) as the word it is', () => {
    const file = join(s.dir, 'words.yaml');
    writeFileSync(file, 'id: words\nversion: 1\ntitle: Words\nquestions:\n  - id: constructor\n    text: Who built it?\n    answers:\n      - { value: known, label: A known maker, score: 1 }\n');
    expect(expectUsageError(s.run(['check', 'Maker', '--checklist', file]))).toMatch(/no answer was given to constructor/);
    expect(expectUsageError(s.run(['check', 'Maker', '--checklist', file, '--answer', 'constructor=known', '--answer', '__proto__=x']))).toMatch(/"__proto__" is not a question of the words checklist/);
    const out = checkJson(s.run(['check', 'Maker', '--checklist', file, '--answer', 'constructor=known', '--json']));
    expect(out).toMatchObject({ score: 100, verdict: 'go' });
    expect(ok(s.run(['check', 'Maker', '--checklist', file, '--answer', 'constructor=known'])).stdout).toContain('GO');
    expect(ok(s.run(['--lang', 'constructor', 'checklists'])).stdout).toContain('general');
  });

  it("refuses a checklist file that takes the id and version of another with other questions: its checks would be read as that one's", () => {
    const file = join(s.dir, 'general.yaml');
    writeFileSync(file, 'id: general\nversion: 1\ntitle: Not the general one\nquestions:\n  - id: foo\n    text: Q?\n    answers:\n      - { value: yes, label: Yes, score: 1 }\n');
    expect(expectUsageError(s.run(['check', 'Bob', '--checklist', file, '--answer', 'foo=yes']))).toMatch(/calls itself general v1, as the built-in checklist general does, but scored otherwise \(its questions, answers, weights or scores differ\)/);
    expect(existsSync(s.db)).toBe(false);
    // The same questions weighed otherwise are said to be scored otherwise, not to be other questions.
    const weighed = join(s.dir, 'weighed.yaml');
    writeFileSync(weighed, readFileSync(join(ROOT, 'checklists', 'general.yaml'), 'utf8').replace(/weight: 3/, 'weight: 4'));
    expect(expectUsageError(s.run(['check', 'Bob', '--checklist', weighed, '--answer', 'foo=yes']))).toMatch(/weighed\.yaml calls itself general v1, as the built-in checklist general does, but scored otherwise/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: 1', 'version: 7'));
    expect(checkJson(s.run(['check', 'Bob', '--checklist', file, '--answer', 'foo=yes', '--json']))).toMatchObject({ checklist: 'general', score: 100 });
    // Its words may be the user's own: only how it scores makes it another checklist.
    const builtIn = join(ROOT, 'checklists', 'general.yaml');
    writeFileSync(file, readFileSync(builtIn, 'utf8').replace('If something goes wrong, who will help?', 'Who helps when it breaks?'));
    ok(s.run(['check', 'Bob', '--checklist', file, ...answerFlags(AMAZON)]));
    // In the checklists folder, one that scores otherwise under the built-in id and version is skipped, said so.
    mkdirSync(join(s.config, 'checklists'), { recursive: true });
    writeFileSync(join(s.config, 'checklists', 'general.yaml'), readFileSync(builtIn, 'utf8').replace(/dealbreaker: true/, ''));
    const listed = s.run(['checklists', 'list']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^general\s+1\s+9\s+built-in/m);
    expect(listed.stderr).toMatch(/skipped a checklist file: .*general\.yaml calls itself general v1, as the built-in checklist general does, but scored otherwise \(its questions, answers, weights or scores differ\)/);
    // validate says so too, as it says of any problem: valid alone, it is not to be used so.
    const validated = s.run(['checklists', 'validate', join(s.config, 'checklists', 'general.yaml')]);
    expect(validated.code).toBe(2);
    expect(validated.stderr).toMatch(/general\.yaml calls itself general v1, as the built-in checklist general does, but scored otherwise \(its questions, answers, weights or scores differ\)/);
    expect(JSON.parse(s.run(['checklists', 'validate', join(s.config, 'checklists', 'general.yaml'), '--json']).stdout)).toMatchObject({ valid: false, id: 'general' });
  });

  it("refuses a file that calls itself the built-in general v1 with other scores when a general of the user's own has taken its id: its checks are still read as the built-in one's", () => {
    const builtIn = readFileSync(join(ROOT, 'checklists', 'general.yaml'), 'utf8');
    mkdirSync(join(s.config, 'checklists'), { recursive: true });
    writeFileSync(join(s.config, 'checklists', 'general2.yaml'), builtIn.replace(/^version: 1$/m, 'version: 2'));
    const impostor = join(s.dir, 'general1x.yaml');
    writeFileSync(impostor, builtIn.replace(/dealbreaker: true/, ''));
    expect(expectUsageError(s.run(['check', 'Bob', '--checklist', impostor, ...answerFlags(AMAZON)]))).toMatch(/calls itself general v1, as the built-in checklist general does, but scored otherwise \(its questions, answers, weights or scores differ\)/);
    expect(existsSync(s.db)).toBe(false);
    const validated = s.run(['checklists', 'validate', impostor]);
    expect(validated.code).toBe(2);
    expect(validated.stderr).toMatch(/calls itself general v1, as the built-in checklist general does/);
    // The built-in one itself, as a file, is that checklist.
    ok(s.run(['check', 'Bob', '--checklist', join(ROOT, 'checklists', 'general.yaml'), ...answerFlags(AMAZON)]));
  });

  it('validate refuses either of two files of yours under one id, as check does', () => {
    mkdirSync(join(s.config, 'checklists'), { recursive: true });
    const one = 'id: laptop\nversion: 1\ntitle: Laptop\nquestions:\n  - id: q1\n    text: A\n    answers:\n      - {value: y, label: Y, score: 1}\n';
    const first = join(s.config, 'checklists', 'laptop.yaml');
    const second = join(s.config, 'checklists', 'laptop2.yml');
    writeFileSync(first, one);
    writeFileSync(second, one);
    expect(expectUsageError(s.run(['check', 'Foo', '--checklist', 'laptop', '--answer', 'q1=y']))).toMatch(/two of your checklist files give the id laptop/);
    for (const file of [first, second]) {
      const r = s.run(['checklists', 'validate', file]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/laptop/);
    }
    expect(s.run(['checklists', 'validate', first]).stderr).toMatch(/two of your checklist files give the id laptop/);
    expect(s.run(['checklists', 'validate', second]).stderr).toMatch(/laptop2\.yml gives the id laptop, as .*laptop\.yaml does/);
    // A file the loader refuses for another reason is no second one: the general v2 in use is valid.
    const builtIn = readFileSync(join(ROOT, 'checklists', 'general.yaml'), 'utf8');
    writeFileSync(join(s.config, 'checklists', 'a-gen.yaml'), builtIn.replace(/dealbreaker: true/, ''));
    writeFileSync(join(s.config, 'checklists', 'general.yaml'), builtIn.replace(/^version: 1$/m, 'version: 2'));
    expect(ok(s.run(['checklists', 'list'])).stdout).toMatch(/^general\s+2\s+9\s+user/m);
    expect(s.run(['checklists', 'validate', join(s.config, 'checklists', 'general.yaml')]).code).toBe(0);
  });

  it('refuses a check by a checklist of your own changed since a check was made with it under the same version, and takes it under a new one', () => {
    mkdirSync(join(s.config, 'checklists'), { recursive: true });
    const file = join(s.config, 'checklists', 'mine.yaml');
    const q1 = '  - id: q1\n    text: Q1?\n    answers:\n      - { value: a, label: A, score: 1 }\n      - { value: b, label: B, score: 0.5 }\n';
    const q2 = '  - id: q2\n    text: Q2?\n    answers:\n      - { value: c, label: C, score: 0 }\n';
    const mine = (version: number, questions: string) => writeFileSync(file, `id: mine\nversion: ${version}\ntitle: Mine\nquestions:\n${questions}`);
    mine(1, q1);
    ok(s.run(['check', 'Foo', '--checklist', 'mine', '--answer', 'q1=b']));
    // Its words changed, not how it scores: the same checklist.
    mine(1, q1.replace('Q1?', 'The first question?'));
    ok(s.run(['check', 'Foo', '--checklist', 'mine', '--answer', 'q1=a']));
    mine(1, q1 + q2);
    expect(expectUsageError(s.run(['check', 'Foo', '--checklist', 'mine', '--answer', 'q1=a', '--answer', 'q2=c']))).toMatch(
      /the mine checklist \(.*mine\.yaml\) has changed since foo-check-2 was made with it on \d{4}-\d\d-\d\d, under the same version 1: it asks q2 now\. Give its file a new version \(`version: 2`\)/,
    );
    // An answer's score changed: seen in the older check, whose answer scores so.
    mine(1, q1.replace('score: 0.5', 'score: 0.25'));
    expect(expectUsageError(s.run(['check', 'Foo', '--checklist', 'mine', '--answer', 'q1=a']))).toMatch(/since foo-check-1 was made .*: it scores the same answers otherwise \(50 then, 25 now\)/);
    mine(1, q1.replace('      - { value: b, label: B, score: 0.5 }\n', ''));
    expect(expectUsageError(s.run(['--lang', 'ru', 'check', 'Foo', '--checklist', 'mine', '--answer', 'q1=a']))).toMatch(/изменился с тех пор, как по нему сделана проверка foo-check-1 .*: ответа «b» на q1 больше нет\. Дайте его файлу новую версию/);
    expect(JSON.parse(ok(s.run(['checks', 'list', '--json'])).stdout)).toHaveLength(2);
    mine(2, q1 + q2);
    ok(s.run(['check', 'Foo', '--checklist', 'mine', '--answer', 'q1=a', '--answer', 'q2=c']));
    // The export of both versions' checks comes back whole into a database of its own.
    const exported = join(s.dir, 'all.json');
    ok(s.run(['export', '--format', 'json', '--out', exported]));
    const other = sandbox();
    try {
      mkdirSync(join(other.config, 'checklists'), { recursive: true });
      writeFileSync(join(other.config, 'checklists', 'mine.yaml'), readFileSync(file, 'utf8'));
      ok(other.run(['import', exported]));
      expect(JSON.parse(ok(other.run(['checks', 'list', '--json'])).stdout)).toHaveLength(3);
    } finally {
      other.cleanup();
    }
  });

  it('says which of two of your checklist files under one id is left out, keeps the first in the list, and checks by neither', () => {
    mkdirSync(join(s.config, 'checklists'), { recursive: true });
    const body = (title: string) => `id: dup\nversion: 1\ntitle: ${title}\nquestions:\n  - id: q1\n    text: Q1?\n    answers:\n      - { value: a, label: A, score: 1 }\n`;
    writeFileSync(join(s.config, 'checklists', 'a.yaml'), body('First'));
    writeFileSync(join(s.config, 'checklists', 'b.yaml'), body('Second'));
    const listed = ok(s.run(['checklists', 'list']));
    expect(listed.stdout).toMatch(/^dup\s+1\s+1\s+user\s+First$/m);
    expect(listed.stdout).not.toContain('Second');
    expect(listed.stderr).toMatch(/skipped a checklist file: .*b\.yaml gives the id dup, as .*a\.yaml does; it is left out until one of them is given another id\./);
    // validate says which is left out, and of the one listed that a check by its id takes neither.
    expect(s.run(['checklists', 'validate', join(s.config, 'checklists', 'b.yaml')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/b\.yaml gives the id dup, as .*a\.yaml does; it is left out/) });
    expect(s.run(['checklists', 'validate', join(s.config, 'checklists', 'a.yaml')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/two of your checklist files give the id dup, .*a\.yaml and .*b\.yaml/) });
    // A check by that id is refused: which of the two was meant is the user's to say.
    expect(expectUsageError(s.run(['check', 'Foo', '--checklist', 'dup', '--answer', 'q1=a']))).toMatch(/two of your checklist files give the id dup, .*a\.yaml and .*b\.yaml; give one of them another id/);
  });

  it('shows the general checklist in Russian with --lang ru', () => {
    const r = s.run(['checklists', 'show', 'general', '--lang', 'ru']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Прежде чем что-то купить');
    expect(r.stdout).toContain('Если что-то пойдёт не так, кто поможет?');
    expect(r.stdout).toContain('Как расторгнуть договор?');
    expect(r.stdout).not.toContain('If something goes wrong, who will help?');
  });

  it.each([
    ['en', /(?:\d(?:\.\d+)?|not counted)(?=  )/],
    ['ru', /(?:\d(?:,\d+)?|не учитывается)(?=  )/],
  ])('shows the answers of a checklist with their scores in one column, in %s too ("не учитывается" is longer than a number)', (lang, score) => {
    const r = s.run(['checklists', 'show', 'general', '--lang', lang]);
    expect(r.code, r.stderr).toBe(0);
    const answers = r.stdout.split('\n').filter((l) => l.startsWith('   - '));
    expect(answers.length).toBeGreaterThan(40);
    const ends = answers.map((l) => {
      const m = score.exec(l);
      expect(m, l).not.toBeNull();
      return m!.index + m![0].length;
    });
    expect(new Set(ends).size, answers.join('\n')).toBe(1);
  });

  it('takes Russian from LANG when there is no --lang', () => {
    const r = s.run(['checklists', 'show', 'general'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Если что-то пойдёт не так, кто поможет?');
  });

  it('validates a good checklist file with exit 0', () => {
    const file = join(s.dir, 'laptop.yaml');
    writeFileSync(file, CUSTOM);
    const r = s.run(['checklists', 'validate', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('laptop');
  });

  it('names every problem of a bad checklist as file:line:col: and exits 2', () => {
    const file = join(s.dir, 'bad.yaml');
    const lines = [
      'id: Bad_Id', //                                 1: id
      'version: 0', //                                 2: version
      'title: Bad', //                                 3
      'questions:', //                                 4
      '  - id: q1', //                                 5
      '    text: Is it good?', //                      6
      '    weight: -1', //                             7: weight
      '    colour: red', //                            8: unknown field
      '    answers:', //                               9
      '      - value: good', //                       10
      '        label: Good', //                       11
      '        score: 2', //                          12: score
      '      - value: good', //                       13: duplicate value
      '        label: Also good', //                  14
      '        score: 0.5', //                        15
    ];
    writeFileSync(file, lines.join('\n') + '\n');
    const r = s.run(['checklists', 'validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    const expected: [number, string][] = [
      [1, 'id'],
      [2, 'version'],
      [7, 'questions[0].weight'],
      [8, 'questions[0].colour'],
      [12, 'questions[0].answers[0].score'],
      [13, 'questions[0].answers[1].value'],
    ];
    const located = r.stderr.split('\n').filter((l) => l.startsWith(`${file}:`));
    for (const l of located) expect(l).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
    for (const [line, path] of expected) {
      expect(located, `no problem at line ${line} naming ${path}:\n${r.stderr}`).toContainEqual(expect.stringMatching(new RegExp(`:${line}:\\d+: ${path.replace(/[[\].]/g, '\\$&')}\\b`)));
    }
    expect(located).toHaveLength(expected.length);
  });

  it('names a YAML syntax error in a checklist with its line', () => {
    const file = join(s.dir, 'syntax.yaml');
    writeFileSync(file, 'id: broken\nversion: 1\ntitle: [unclosed\nquestions: []\n');
    const r = s.run(['checklists', 'validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
  });

  it('refuses a broken checklist given to check, pointing at validate, and stores nothing', () => {
    const file = join(s.dir, 'bad.yaml');
    writeFileSync(file, 'id: bad\nversion: 1\ntitle: Bad\nquestions:\n  - id: q1\n    text: Q?\n    answers: []\n');
    const line = expectUsageError(s.run(['check', 'Shop', '--checklist', file, '--answer', 'q1=unknown']));
    expect(line).toContain('validate');
    expect(line).toMatch(/bad\.yaml:\d+:\d+/);
    expect(companies(s)).toEqual([]);
  });
});

describe('companies of checks', () => {
  it('`company show` lists the check with its score and verdict', () => {
    expect(s.run(['check', 'Amazon', ...answerFlags(AMAZON)]).code).toBe(0);
    expect(s.run(['check', 'Amazon', ...answerFlags({ ...AMAZON, 'lost-parcel': 'buyer-pays' })]).code).toBe(0);
    const text = s.run(['company', 'show', 'Amazon']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Checks \(2\)/);
    expect(text.stdout).toMatch(/general v1\s+92\s+go\b/);
    expect(text.stdout).toMatch(/general v1\s+\d+\s+avoid\s+lost-parcel/);

    const json = s.run(['company', 'show', 'amazon', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const profile = JSON.parse(json.stdout) as { name: string; checks: { checklist: string; score: number; verdict: string; dealbreakers: string[] }[] };
    expect(profile.name).toBe('Amazon');
    expect(profile.checks).toEqual([
      expect.objectContaining({ checklist: 'general', score: 92, verdict: 'go', dealbreakers: [] }),
      expect.objectContaining({ checklist: 'general', verdict: 'avoid', dealbreakers: ['lost-parcel'] }),
    ]);
  });

  it('finds a company whatever its case and spacing', () => {
    expect(s.run(['check', 'Amazon', ...answerFlags(AMAZON)]).code).toBe(0);
    const again = checkJson(s.run(['check', '  amazon ', ...answerFlags(AMAZON), '--json']));
    expect(again.company).toBe('Amazon');
    expect(s.run(['check', 'AMAZON', ...answerFlags(AMAZON)]).code).toBe(0);
    expect(companies(s)).toEqual([expect.objectContaining({ name: 'Amazon', checks: 3 })]);
  });

  it('folds inner spaces of a name', () => {
    expect(s.run(['check', 'Cool Air Installations', ...answerFlags(COOL_AIR)]).code).toBe(0);
    expect(s.run(['check', 'cool   air  installations', ...answerFlags(COOL_AIR)]).code).toBe(0);
    expect(companies(s)).toEqual([expect.objectContaining({ name: 'Cool Air Installations', checks: 2 })]);
  });

  it('stores a name typed with stray spaces trimmed', () => {
    expect(s.run(['check', '  Tidy   Shop ', ...answerFlags(AMAZON)]).code).toBe(0);
    expect(companies(s).map((c) => c.name)).toEqual(['Tidy Shop']);
  });

  it('warns on stderr when a new name looks like another in a different script', () => {
    expect(s.run(['check', 'Acme', ...answerFlags(AMAZON)]).code).toBe(0);
    const lookalike = '\u0410\u0441me'; // Cyrillic А and с
    const r = s.run(['check', lookalike, ...answerFlags(AMAZON), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning/i);
    expect(r.stderr).toContain('"Acme"');
    expect(JSON.parse(r.stdout)).toMatchObject({ company: lookalike }); // stdout is still only the JSON
    expect(companies(s).map((c) => c.name).sort()).toEqual(['Acme', lookalike].sort());
  });

  it('shows terminal escape sequences in a typed name and note as visible text', () => {
    const evil = 'Evil\u001b[31mRed\u001b]0;pwned\u0007';
    const r = s.run(['check', evil, ...answerFlags(AMAZON), '--note', 'who-helps=see\u001b[2J']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
    expect(r.stdout).toContain('Red');
    for (const cmd of [['company', 'list'], ['company', 'show', evil]]) {
      const out = s.run(cmd);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout, cmd.join(' ')).not.toMatch(/[\u0007\u001b]/);
      expect(out.stdout).toContain('Red');
    }
    // The data keeps what was typed.
    expect(companies(s).map((c) => c.name)).toEqual([evil]);
  });

  it('does not warn when the same company is checked again', () => {
    expect(s.run(['check', 'Acme', ...answerFlags(AMAZON)]).code).toBe(0);
    const r = s.run(['check', 'acme', ...answerFlags(AMAZON)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('colour', () => {
  const args = () => ['check', 'Amazon', ...answerFlags(AMAZON)];

  it('colours the verdict when colour is forced (the control for the tests below)', () => {
    const r = s.run(args(), { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(ESC);
  });

  it('has no escape codes with NO_COLOR=1 and FORCE_COLOR unset', () => {
    const r = s.run(args());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('\u001b');
  });

  it('has no escape codes with --no-color, even when colour is forced', () => {
    const r = s.run(['--no-color', ...args()], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('\u001b');
    const after = s.run([...args(), '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout + after.stderr).not.toContain('\u001b');
  });

  it('has no escape codes in checklists show and company show with NO_COLOR=1', () => {
    expect(s.run(args()).code).toBe(0);
    for (const cmd of [['checklists', 'show', 'general'], ['checklists', 'list'], ['company', 'show', 'Amazon'], ['company', 'list']]) {
      const r = s.run(cmd);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr, cmd.join(' ')).not.toContain('\u001b');
    }
  });

  it('has no escape codes in --json even when colour is forced', () => {
    const r = s.run([...args(), '--json'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
  });
});

/** Answers of the general checklist that score 62: caution by its own thresholds. */
const MIDCO_ANSWERS: Record<string, string> = {
  'who-helps': 'live-support',
  'who-repairs': 'ship-free',
  'who-to-ask': 'docs-only',
  returns: 'paid-return',
  cancel: 'by-request',
  'after-leaving': 'partial',
  'lost-parcel': 'claim-carrier',
  'reach-human': 'within-hour',
  compensation: 'on-request',
};

describe('a check under a policy that moved the check thresholds', () => {
  it("lists say the check's own verdict beside the policy's, never one for the other", () => {
    const t = sandbox();
    try {
      mkdirSync(t.config, { recursive: true });
      writeFileSync(join(t.config, 'policy.yaml'), 'check_avoid_below: 70\ncheck_go_from: 95\n');
      const mid = JSON.parse(ok(t.run(['check', 'MidCo', ...answerFlags(MIDCO_ANSWERS), '--json'])).stdout);
      expect([mid.score, mid.verdict]).toEqual([62, 'caution']);
      const amazon = JSON.parse(ok(t.run(['check', 'Amazon', ...answerFlags(AMAZON), '--json'])).stdout);
      expect([amazon.score, amazon.verdict]).toEqual([92, 'go']);
      const lists = ok(t.run(['lists'])).stdout;
      expect(lists).toMatch(/MidCo .*scored 62: caution by its checklist, avoid by your policy \(score 62 is below 70\)/);
      expect(lists).toMatch(/Amazon .*scored 92: go by its checklist, caution by your policy/);
      expect(ok(t.run(['--lang', 'ru', 'lists'])).stdout).toMatch(/по чек-листу — осторожно, по вашей политике — избегать/);
      // The check's headline gives both readings, in either language; one the policy reads alike, one.
      expect(ok(t.run(['check', 'MidCo Three', ...answerFlags(MIDCO_ANSWERS)])).stdout).toMatch(/^Score: 62\/100 {2}CAUTION — buy with care \(by its checklist; avoid by your policy\)$/m);
      expect(ok(t.run(['--lang', 'ru', 'check', 'MidCo Four', ...answerFlags(MIDCO_ANSWERS)])).stdout).toMatch(/^Оценка: 62\/100 {2}ОСТОРОЖНО — покупайте с осторожностью \(по чек-листу; по вашей политике — избегать\)$/m);
      writeFileSync(join(t.config, 'policy.yaml'), 'check_avoid_below: 50\ncheck_go_from: 80\n');
      expect(ok(t.run(['check', 'MidCo Five', ...answerFlags(MIDCO_ANSWERS)])).stdout).toMatch(/^Score: 62\/100 {2}CAUTION — buy with care$/m);
      writeFileSync(join(t.config, 'policy.yaml'), 'check_avoid_below: 70\ncheck_go_from: 95\n');
      // The check itself says so, beside its own verdict.
      expect(ok(t.run(['check', 'MidCo Two', ...answerFlags(MIDCO_ANSWERS)])).stdout).toContain(
        'Your policy reads this score otherwise than its checklist: the pre-purchase check (general) on ',
      );
    } finally {
      t.cleanup();
    }
  });

  it('says a policy that reads a check more kindly than its checklist in both directions too', () => {
    const t = sandbox();
    try {
      mkdirSync(t.config, { recursive: true });
      writeFileSync(join(t.config, 'policy.yaml'), 'check_avoid_below: 10\ncheck_go_from: 60\n');
      const out = ok(t.run(['check', 'MidCo', ...answerFlags(MIDCO_ANSWERS)])).stdout;
      expect(out).toMatch(/Your policy reads this score otherwise than its checklist: .*scored 62: caution by its checklist, go by your policy\./);
      expect(ok(t.run(['lists'])).stdout).toMatch(/MidCo .*scored 62: caution by its checklist, go by your policy/);
      expect(ok(t.run(['--lang', 'ru', 'lists'])).stdout).toMatch(/по чек-листу — осторожно, по вашей политике — можно покупать/);
      // A check the policy reads as its checklist does says nothing more.
      rmSync(join(t.config, 'policy.yaml'));
      expect(ok(t.run(['check', 'Other', ...answerFlags(MIDCO_ANSWERS)])).stdout).not.toContain('Your policy reads');
    } finally {
      t.cleanup();
    }
  });
});

describe('why a company is on watch', () => {
  it('says of a company white by its check which failures would blacken it, as the rules have them, in both languages', () => {
    const t = sandbox();
    try {
      ok(t.run(['check', 'Amazon', ...answerFlags(AMAZON)]));
      ok(t.run(['incident', 'add', 'Amazon', '--title', 'lost', '--fault', 'company', '--opened', '2026-11-20 10:00']));
      ok(t.run(['incident', 'close', 'amazon-1', '--outcome', 'unresolved', '--at', '2026-11-21 10:00']));
      const why = ok(t.run(['why', 'Amazon'])).stdout.replace(/\s+/g, ' ');
      expect(why).toContain('Amazon is on the white list');
      expect(why).toContain('a newer failed check, a failure that reaches the quality or complaints department or above and is not put right, 3 promises broken in one incident, or 2 failures of theirs left unresolved within 24 months, would move it to the black list');
      expect(why).not.toContain('any failure the company does not put right');
      // The incident no rule holds on now is shown too, apart from the evidence that decides.
      expect(why).toMatch(/The evidence check:amazon-check-1 — .* Also on record \(no rule holds on it now\) incident:amazon-1 — lost 2026-11-20 to 2026-11-21, unresolved/);
      expect(ok(t.run(['--lang', 'ru', 'why', 'Amazon'])).stdout.replace(/\s+/g, ' ')).toMatch(/Ещё в записях \(ни одно правило сейчас на них не опирается\) incident:amazon-1 — lost/);
      expect(ok(t.run(['--lang', 'ru', 'why', 'Amazon'])).stdout.replace(/\s+/g, ' ')).toContain('3 нарушенных обещания в одном обращении или 2 неисправленные ошибки по их вине за 24 месяца');
    } finally {
      t.cleanup();
    }
  });

  it('gives the note on failures that stayed low for incidents, and not for a check alone', () => {
    const t = sandbox();
    try {
      ok(t.run(['check', 'MidCo', ...answerFlags(MIDCO_ANSWERS)]));
      const mid = ok(t.run(['why', 'MidCo'])).stdout;
      expect(mid).toContain('MidCo is on the watch list');
      expect(mid).toContain('No black or white rule holds.');
      expect(mid).not.toContain('one employee');
      ok(t.run(['incident', 'add', 'Slowco', '--title', 'late', '--fault', 'company', '--opened', '2026-11-20']));
      // Still open, nothing failed yet: no failure stayed low.
      expect(ok(t.run(['why', 'Slowco'])).stdout).toContain('No black or white rule holds.');
      expect(ok(t.run(['why', 'Slowco'])).stdout).not.toContain('one employee');
      ok(t.run(['incident', 'close', 'slowco-1', '--outcome', 'unresolved', '--at', '2026-11-21']));
      expect(ok(t.run(['why', 'Slowco'])).stdout).toContain('failures that stayed with the front line or a supervisor are one employee, not the company');
      // One that reached management is not said to have stayed low.
      ok(t.run(['incident', 'add', 'Highco', '--title', 'late', '--fault', 'company', '--opened', '2026-11-20']));
      ok(t.run(['incident', 'event', 'highco-1', 'escalation', '--level', 'management', '--at', '2026-11-20T12:00']));
      expect(ok(t.run(['why', 'Highco'])).stdout).not.toContain('one employee');
    } finally {
      t.cleanup();
    }
  });
});
