// `vetted check` on a real terminal (tmux): the questions are asked one by one on stderr,
// the answers and a note are stored, Ctrl+C leaves nothing behind and exits 130, and the
// flow speaks Russian when asked to.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, sandbox, type CheckJson, type Sandbox } from '../helpers/cli.js';
import { Terminal, after, shQuote } from '../helpers/tmux.js';
import { STACK_FRAME } from '../helpers/expect.js';

interface LocalText {
  en: string;
  ru: string;
}
interface ChecklistJson {
  title: LocalText;
  questions: { id: string; text: LocalText; help: LocalText; answers: { value: string; label: LocalText }[] }[];
}

const TEST_TIMEOUT = 120_000;

let general: ChecklistJson;
let tmuxVersion = '';

beforeAll(() => {
  tmuxVersion = execFileSync('tmux', ['-V'], { encoding: 'utf8' }).trim();
  const s = sandbox();
  try {
    const r = s.run(['checklists', 'show', 'general', '--json']);
    expect(r.code, r.stderr).toBe(0);
    general = JSON.parse(r.stdout) as ChecklistJson;
  } finally {
    s.cleanup();
  }
  expect(general.questions).toHaveLength(9);
});

let s: Sandbox;
let term: Terminal | undefined;

beforeEach(() => {
  s = sandbox();
});
afterEach(() => {
  term?.kill();
  term = undefined;
  s.cleanup();
});

/** Starts `vetted ARGS` on a terminal, stdout to a file, stderr on the screen. */
function startVetted(args: string[], env: Record<string, string> = {}, unset: string[] = []): Terminal {
  const all: Record<string, string> = { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8', ...env };
  for (const name of unset) delete all[name];
  term = Terminal.start({ dir: s.dir, args, env: all, unset });
  return term;
}

/** The one check stored, as `checks list --json` gives it. */
function storedCheck() {
  const r = s.run(['checks', 'list', '--json']);
  expect(r.code, r.stderr).toBe(0);
  const checks = JSON.parse(r.stdout) as CheckJson[];
  expect(checks).toHaveLength(1);
  return checks[0];
}

const companies = () => {
  const r = s.run(['company', 'list', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { name: string; checks: number }[];
};

/** Waits until question `n` (1-based) is asked with all its choices; returns the screen. */
function waitForQuestion(t: Terminal, n: number, lang: 'en' | 'ru' = 'en'): Promise<string> {
  const q = general.questions[n - 1];
  const marker = lang === 'ru' ? `вопрос ${n} из 9` : `question ${n} of 9`;
  const text = q.text[lang];
  return t.waitFor(`question ${n} ("${text}") with its choices`, (screen) => {
    const tail = after(screen, marker);
    return tail.includes(text) && tail.includes(q.answers[0].label[lang]) && tail.includes(q.answers[q.answers.length - 1].label[lang]);
  });
}

/**
 * Answers question `n` (1-based): waits until it is asked, presses Down `down` times and
 * Enter, waits for the note prompt, types `note` (if any) and Enter.
 */
async function answer(t: Terminal, n: number, { down = 0, note = '', lang = 'en' as 'en' | 'ru' } = {}): Promise<string> {
  const q = general.questions[n - 1];
  const marker = lang === 'ru' ? `вопрос ${n} из 9` : `question ${n} of 9`;
  const text = q.text[lang];
  const chosen = q.answers[down].label[lang];
  await waitForQuestion(t, n, lang);
  for (let i = 0; i < down; i++) {
    const before = t.screen();
    t.keys('Down');
    await t.waitFor(`the cursor to move down on question ${n}`, (screen) => screen !== before);
  }
  t.keys('Enter');
  const notePrompt = lang === 'ru' ? 'Заметка' : 'Note (where you found this';
  await t.waitFor(`"${chosen}" chosen for question ${n}, then the note prompt`, (screen) => {
    const tail = after(screen, marker);
    return tail.includes(`${text} ${chosen}`) && tail.includes(notePrompt);
  });
  if (note) {
    t.type(note);
    await t.waitFor(`the note "${note}" typed`, (screen) => after(screen, marker).includes(note));
  }
  t.keys('Enter');
  return q.answers[down].value;
}

describe('vetted check on a terminal', () => {
  it('has tmux', () => {
    expect(tmuxVersion).toMatch(/^tmux \d/);
  });

  it(
    'asks all nine questions of the general checklist and stores the answers and the note',
    async () => {
      const t = startVetted(['check', 'Tmux Shop']);
      const first = await waitForQuestion(t, 1);
      expect(first).toContain('question 1 of 9');
      expect(first).toContain(general.title.en); // "Before you buy anything"
      expect(first).toContain('Before you buy anything');
      // (Its continuation lines, wrapped to the terminal, under its first.)
      expect(first.replace(/\n {17}/g, ' ')).toContain(`How to find out: ${general.questions[0].help.en}`);

      const note = 'asked in their chat, a person answered in 2 minutes';
      const chosen: Record<string, string> = {};
      for (let n = 1; n <= 9; n++) {
        const opts = n === 1 ? { down: 1, note } : n === 5 ? { down: 2 } : {};
        chosen[general.questions[n - 1].id] = await answer(t, n, opts);
      }
      expect(chosen['who-helps']).toBe('live-support');
      expect(chosen.cancel).toBe('with-penalty');

      expect(await t.waitForExit()).toBe(0);
      const screen = t.screen();
      expect(screen).not.toMatch(STACK_FRAME);

      // stdout carries only the result; the prompts went to the terminal (stderr).
      expect(t.stdout()).toMatch(/^Tmux Shop: no record yet[^]*Score: 84\/100/);
      expect(t.stdout()).not.toContain('question 1 of 9');
      const out = storedCheck();
      expect(out).toMatchObject({ company: 'Tmux Shop', checklist: 'general', dealbreakers: [], verdict: 'go' });
      // (3·0.8 + 2·1 + 1·1 + 2·1 + 3·0.3 + 1·1 + 2·1 + 2·1 + 1·1) / 17 = 84.1
      expect(out.score).toBe(84);
      expect(out.answers).toHaveLength(9);
      expect(Object.fromEntries(out.answers.map((a) => [a.question, a.answer]))).toEqual(chosen);
      expect(out.answers.find((a) => a.question === 'who-helps')!.note).toBe(note);
      expect(out.answers.filter((a) => a.note)).toHaveLength(1);

      // Stored: the company and its check, with the note, are in the database.
      expect(companies()).toEqual([expect.objectContaining({ name: 'Tmux Shop', checks: 1 })]);
      const shown = s.run(['company', 'show', 'tmux shop', '--json']);
      expect(shown.code, shown.stderr).toBe(0);
      expect(JSON.parse(shown.stdout).checks).toEqual([expect.objectContaining({ checklist: 'general', score: 84, verdict: 'go' })]);
      expect(await databaseText(s.db)).toContain(note);
    },
    TEST_TIMEOUT,
  );

  it(
    'on one screen, says the record once: before the first question, not again above the result',
    async () => {
      term = Terminal.start({ dir: s.dir, args: ['check', 'Screen Shop'], env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' }, stdoutOnTerminal: true });
      for (let n = 1; n <= 9; n++) await answer(term, n);
      expect(await term.waitForExit()).toBe(0);
      const screen = term.screen();
      expect(screen.match(/Screen Shop: no record yet/g)).toHaveLength(1);
      expect(after(screen, 'question 9 of 9')).toMatch(/Score: \d+\/100/);
    },
    TEST_TIMEOUT,
  );

  it(
    'exits 130 on Ctrl+C after question 3, without a stack trace, and stores nothing',
    async () => {
      const t = startVetted(['check', 'Tmux Shop']);
      for (let n = 1; n <= 3; n++) await answer(t, n, n === 2 ? { note: 'a note that must not be kept' } : {});
      await waitForQuestion(t, 4);
      t.keys('C-c');
      expect(await t.waitForExit()).toBe(130);
      const screen = await t.waitForText('[vetted exited]');
      expect(screen).not.toMatch(STACK_FRAME);
      expect(screen).not.toMatch(/Error|ExitPromptError|unexpected/);
      expect(t.stdout()).toBe('');
      expect(companies()).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'exits 130 on Ctrl+C at the note prompt and stores nothing',
    async () => {
      const t = startVetted(['check', 'Tmux Shop']);
      await waitForQuestion(t, 1);
      t.keys('Enter');
      await t.waitForText('Note (where you found this');
      t.type('half a no');
      await t.waitForText('half a no');
      t.keys('C-c');
      expect(await t.waitForExit()).toBe(130);
      expect(t.screen()).not.toMatch(STACK_FRAME);
      expect(companies()).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'asks, in the user\'s language, whether a name one typo from a company there is that company',
    async () => {
      expect(s.run(['incident', 'add', 'Acme', '--title', 't', '--opened', '2026-11-01']).code).toBe(0);
      const t = startVetted(['check', 'Acmee', '--lang', 'ru']);
      const asked = await t.waitForText('Какую вы имели в виду?');
      expect(asked).toContain('«Acmee» — новая компания, но есть «Acme».');
      expect(asked).toContain('Acme (та, что уже есть)');
      expect(asked).toContain('↑↓ выбрать');
      t.keys('Enter');
      // The record shown is the one of the company chosen.
      const first = await waitForQuestion(t, 1, 'ru');
      expect(first).toMatch(/Acme: под наблюдением/);
      t.keys('C-c');
      expect(await t.waitForExit()).toBe(130);
      expect(companies().map((c) => c.name)).toEqual(['Acme']);
    },
    TEST_TIMEOUT,
  );

  it(
    'asks in Russian with --lang ru',
    async () => {
      const t = startVetted(['check', 'Tmux Shop', '--lang', 'ru']);
      const first = await waitForQuestion(t, 1, 'ru');
      expect(first).toContain('вопрос 1 из 9');
      expect(first).toContain(general.title.ru); // "Прежде чем что-то купить"
      expect(first).toContain('Если что-то пойдёт не так, кто поможет?');
      expect(first.replace(/\n {14}/g, ' ')).toContain(`Как выяснить: ${general.questions[0].help.ru}`);
      expect(first).toContain(general.questions[0].answers[0].label.ru);
      expect(first).not.toContain('question 1 of 9');
      expect(first).not.toContain(general.questions[0].text.en);
      await answer(t, 1, { lang: 'ru', down: 3 });
      expect(await waitForQuestion(t, 2, 'ru')).toContain('вопрос 2 из 9');
      t.keys('C-c');
      expect(await t.waitForExit()).toBe(130);
      expect(companies()).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'asks in Russian when LANG is Russian',
    async () => {
      const t = startVetted(['check', 'Tmux Shop'], { LANG: 'ru_RU.UTF-8' });
      const first = await waitForQuestion(t, 1, 'ru');
      expect(first).toContain('вопрос 1 из 9');
      t.keys('C-c');
      expect(await t.waitForExit()).toBe(130);
    },
    TEST_TIMEOUT,
  );

  it(
    'asks only the questions that were not given with --answer',
    async () => {
      const given = general.questions.slice(0, 7).flatMap((q) => ['--answer', `${q.id}=unknown`]);
      const t = startVetted(['check', 'Half Given', ...given]);
      const screen = await waitForQuestion(t, 8);
      for (let n = 1; n <= 7; n++) expect(screen).not.toContain(`question ${n} of 9`);
      await answer(t, 8);
      await answer(t, 9, { note: 'their FAQ says so' });
      expect(await t.waitForExit()).toBe(0);
      const out = storedCheck();
      expect(out.answers.map((a) => a.answer)).toEqual([...Array(7).fill('unknown'), 'minutes', 'automatic']);
      // (14·0.2 + 2·1 + 1·1) / 17 = 34.1
      expect(out.score).toBe(34);
      expect(out.answers[8].note).toBe('their FAQ says so');
    },
    TEST_TIMEOUT,
  );

  it(
    'asks nothing with --json, which a script reads: it says which answers are missing, as without a terminal',
    async () => {
      const given = general.questions.slice(0, 7).flatMap((q) => ['--answer', `${q.id}=unknown`]);
      const t = startVetted(['check', 'Json Shop', ...given, '--json']);
      expect(await t.waitForExit()).toBe(2);
      const screen = await t.waitForText('[vetted exited]');
      expect(screen).toContain('no answer was given to reach-human, compensation; give them with --answer ID=VALUE or --answers FILE, or run without --json to be asked (see');
      expect(screen).not.toContain('question 8 of 9');
      expect(t.stdout()).toBe('');
      // Refused before the database was made.
      expect(existsSync(s.db)).toBe(false);
    },
    TEST_TIMEOUT,
  );

  it(
    'refuses a note over 10,000 characters at its prompt, where it can be shortened, not after the last question',
    async () => {
      const given = general.questions.slice(1).flatMap((q) => ['--answer', `${q.id}=unknown`]);
      const t = startVetted(['check', 'Long Note Shop', ...given]);
      await waitForQuestion(t, 1);
      t.keys('Enter');
      await t.waitForText('Note (where you found this');
      // 10,100 characters as a paste brings them: a hundred typed, cut (Ctrl+U), and put back
      // 101 times (Ctrl+Y), each at once (typed one by one, they took a minute to draw).
      t.type('x'.repeat(100));
      await t.waitForText('x'.repeat(100));
      t.keys('C-u');
      for (let i = 0; i < 101; i++) t.keys('C-y');
      // (Drawn broken into lines of the terminal's width.)
      await t.waitFor('10,100 characters in the note', (screen) => after(screen, 'Note (').replace(/[^x]/g, '').length === 10_100);
      t.keys('Enter');
      await t.waitForText('This note is 10,100 characters long, and a note can be at most 10,000: shorten it.');
      t.keys('C-u');
      t.type('their chat, in short');
      t.keys('Enter');
      expect(await t.waitForExit()).toBe(0);
      expect(storedCheck().answers[0]).toEqual({ question: 'who-helps', answer: general.questions[0].answers[0].value, score: 1, note: 'their chat, in short' });
    },
    TEST_TIMEOUT,
  );

  it(
    'says the answers asked as the command that saves them, when another process keeps them from being saved',
    async () => {
      const given = general.questions.slice(1).flatMap((q) => ['--answer', `${q.id}=unknown`]);
      const t = startVetted(['check', 'Locked Shop', ...given]);
      await waitForQuestion(t, 1);
      // Another writer holds the database until the check has given up waiting for it.
      const { default: Database } = await import('better-sqlite3');
      const lock = new Database(s.db);
      lock.exec('BEGIN IMMEDIATE');
      try {
        await answer(t, 1, { down: 1, note: `it's "quoted" $(not run)` });
        expect(await t.waitForExit(60_000)).toBe(1);
      } finally {
        lock.exec('ROLLBACK');
        lock.close();
      }
      const screen = t.screen();
      const command = `vetted check --checklist general --answer who-helps=live-support ${given.join(' ')} --note 'who-helps=it'\\''s "quoted" $(not run)' "Locked Shop"`;
      expect(screen).toContain(`Your answers were not saved. Once what is said below is mended, this saves them without asking again:\n  ${command}\nvetted: the database is busy`);
      expect(companies()).toEqual([]);
      // Run as shown, it saves them, asking nothing.
      const r = spawnSync('sh', ['-c', `${shQuote(process.execPath)} ${shQuote(BIN)} ${command.slice('vetted '.length)}`], { env: s.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(r.status, r.stderr).toBe(0);
      expect(storedCheck().answers[0]).toEqual({ question: 'who-helps', answer: 'live-support', score: 0.8, note: `it's "quoted" $(not run)` });
    },
    TEST_TIMEOUT,
  );

  it(
    'says the answers asked as a command to change, when none of them counts',
    async () => {
      const file = join(s.dir, 'not-applicable.yaml');
      const question = (id: string) => `  - id: ${id}\n    text: ${id}?\n    answers:\n      - value: na\n        label: Does not apply\n        score: null\n`;
      writeFileSync(file, `id: not-applicable\nversion: 1\ntitle: Nothing applies\nquestions:\n${question('one')}${question('two')}`);
      const t = startVetted(['check', 'Na Shop', '--checklist', file]);
      for (const id of ['one', 'two']) {
        await t.waitFor(`question ${id}`, (screen) => after(screen, `? ${id}?`).includes('Could not find out'));
        t.keys('Enter');
        await t.waitFor(`the note of ${id}`, (screen) => after(screen, `${id}? Does not apply`).includes('Note (where you found this'));
        t.keys('Enter');
      }
      expect(await t.waitForExit()).toBe(2);
      const screen = t.screen();
      expect(screen).toContain(`Your answers, to give again with at least one changed to an answer that counts:\n  vetted check --checklist ${file} --answer one=na --answer two=na "Na Shop"\nvetted: every answer given is left out of the score`);
    },
    TEST_TIMEOUT,
  );

  it(
    'asks with the texts a checklist writes in several lines as lines, with no line-break marks',
    async () => {
      mkdirSync(join(s.config, 'checklists'), { recursive: true });
      writeFileSync(
        join(s.config, 'checklists', 'multi.yaml'),
        'id: multi\nversion: 1\ntitle: >\n  Lines of\n  a title\ndescription: >\n  A description folded\n  over two lines.\nquestions:\n  - id: parcel\n    text: >\n      Who pays when\n      the parcel is lost?\n    help: |\n      First, read the delivery terms.\n      Then ask the seller in writing.\n    answers:\n      - { value: seller, label: The seller, score: 1 }\n      - value: buyer\n        label: >\n          You do,\n          the buyer\n        score: 0\n',
      );
      const t = startVetted(['check', 'Parcel Shop', '--checklist', 'multi']);
      const screen = await t.waitForText('Could not find out');
      expect(screen).not.toContain('␊');
      expect(screen).toContain('\nLines of a title\nA description folded over two lines.\n');
      expect(screen).toContain('How to find out: First, read the delivery terms.\n                 Then ask the seller in writing.\n? Who pays when the parcel is lost?\n');
      expect(screen).toContain('  You do, the buyer\n');
      t.keys('C-c');
      expect(await t.waitForExit()).toBe(130);
    },
    TEST_TIMEOUT,
  );

  it(
    'wraps the questions and the result at spaces to the width of the terminal',
    async () => {
      const given = general.questions.slice(1).flatMap((q) => ['--answer', `${q.id}=${q.id === 'cancel' ? 'unknown' : q.answers[0].value}`]);
      const env = { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' };
      const t = (term = Terminal.start({ dir: s.dir, args: ['check', 'Narrow Shop', ...given], env, width: 80, stdoutOnTerminal: true }));
      const note = 'asked in their chat on Monday, and a person answered within two minutes, with a name and a direct line';
      // (Answered by hand: the answer chosen stands on two lines at this width.)
      await waitForQuestion(t, 1);
      t.keys('Enter');
      await t.waitForText('Note (where you found this');
      t.type(note);
      await t.waitForText('direct line');
      t.keys('Enter');
      expect(await t.waitForExit()).toBe(0);
      // The screen with the terminal's own wraps joined: a word it cut shows as a line wider than 80.
      const screen = t.screen();
      for (const line of screen.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
      // Every word whole: the lines, joined, are the text.
      const joined = (from: string, to: string) =>
        screen
          .slice(screen.indexOf(from), screen.indexOf(to, screen.indexOf(from)))
          .split('\n')
          .map((l) => l.trim())
          .join(' ')
          .trim();
      expect(joined('How to find out:', '✔ If something')).toBe(`How to find out: ${general.questions[0].help.en}`);
      const cancel = general.questions.find((q) => q.id === 'cancel')!;
      expect(joined(`[cancel: unknown]`, '\n\n')).toBe(`[cancel: unknown] ${cancel.help.en}`);
      expect(joined('who-helps: asked', '\n\n')).toBe(`who-helps: ${note}`);
    },
    TEST_TIMEOUT,
  );

  it(
    'does not warn of a typo once the new company is chosen by name',
    async () => {
      const flags = general.questions.flatMap((q) => ['--answer', `${q.id}=unknown`]);
      expect(s.run(['check', 'Volgatelecom', ...flags]).code).toBe(0);
      const t = startVetted(['check', 'Volgatelekom', ...flags.slice(2)]);
      await t.waitForText('Which did you mean?');
      t.keys('Down', 'Enter');
      await answer(t, 1);
      expect(await t.waitForExit()).toBe(0);
      expect(t.screen()).not.toContain('if you meant it');
      expect(companies().map((c) => c.name).sort()).toEqual(['Volgatelecom', 'Volgatelekom']);
    },
    TEST_TIMEOUT,
  );

  it(
    'warns about a look-alike name before asking',
    async () => {
      const flags = general.questions.flatMap((q) => ['--answer', `${q.id}=unknown`]);
      expect(s.run(['check', 'Acme', ...flags]).code).toBe(0);
      const t = startVetted(['check', '\u0410\u0441me']);
      const screen = await waitForQuestion(t, 1);
      expect(screen).toMatch(/warning: .*"Acme"/);
      t.keys('C-c');
      expect(await t.waitForExit()).toBe(130);
      expect(companies().map((c) => c.name)).toEqual(['Acme']);
    },
    TEST_TIMEOUT,
  );
});

describe('stopped with Ctrl+Z and continued with fg', () => {
  it(
    'shows the cursor while stopped, then asks the question again and keeps every answer',
    async () => {
      const t = (term = Terminal.start({ dir: s.dir, args: ['check', 'Stop Shop'], env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' }, jobControl: true }));
      await answer(t, 1, { down: 1, note: 'asked in their chat' });
      await waitForQuestion(t, 2);
      expect(t.cursorShown()).toBe(false);
      t.keys('C-z');
      await t.waitForText('Stopped');
      // The shell's prompt with its cursor, not a hidden one.
      expect(t.cursorShown()).toBe(true);
      t.resume();
      // Asked again, whole, below the shell's lines.
      await t.waitFor('question 2 asked again after fg', (screen) => {
        const tail = after(screen, 'fg; finish');
        return tail.includes('question 2 of 9') && tail.includes(general.questions[1].answers.at(-1)!.label.en);
      });
      t.keys('Enter');
      await t.waitFor('the note prompt of question 2', (screen) => after(screen, 'fg; finish').includes('Note (where you found this'));
      t.type('half a no');
      await t.waitFor('half a note typed', (screen) => after(screen, 'fg; finish').includes('half a no'));
      // Stopped at the note: what was typed of it is there again.
      t.keys('C-z');
      await t.waitFor('stopped a second time', (screen) => screen.split('Stopped').length === 3);
      t.resume();
      await t.waitFor('the note asked again, with what was typed', (screen) => /Note \(where you found this[^\n]*half a no/.test(after(screen, 'fg; finish')));
      t.type('te');
      t.keys('Enter');
      for (let n = 3; n <= 9; n++) await answer(t, n);
      expect(await t.waitForExit()).toBe(0);
      expect(t.screen()).not.toMatch(STACK_FRAME);
      const out = storedCheck();
      expect(out.answers.slice(0, 2)).toEqual([
        { question: 'who-helps', answer: 'live-support', score: 0.8, note: 'asked in their chat' },
        { question: 'who-repairs', answer: general.questions[1].answers[0].value, score: 1, note: 'half a note' },
      ]);
    },
    TEST_TIMEOUT,
  );
});

describe('ended by a signal while a question waits', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const)(
    '%s: gives the terminal its cursor back and exits %i, nothing stored',
    async (signal, status) => {
      const t = startVetted(['check', 'Killed Shop']);
      await answer(t, 1, { note: 'never kept' });
      await waitForQuestion(t, 2);
      expect(t.cursorShown()).toBe(false);
      process.kill(t.vettedPid(), signal);
      expect(await t.waitForExit()).toBe(status);
      await t.waitForText('[vetted exited]');
      expect(t.cursorShown()).toBe(true);
      expect(t.screen()).not.toMatch(STACK_FRAME);
      expect(companies()).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

describe('colour on a terminal', () => {
  /** The first screen of a check, with its escape sequences. */
  async function firstScreen(env: Record<string, string>, unset: string[], extra: string[] = []): Promise<string> {
    const t = startVetted(['check', 'Tmux Shop', ...extra], env, unset);
    await waitForQuestion(t, 1);
    const screen = t.screen(true);
    t.keys('C-c');
    expect(await t.waitForExit()).toBe(130);
    return screen;
  }

  it(
    'is coloured without NO_COLOR (the control for the tests below)',
    async () => {
      expect(await firstScreen({}, ['NO_COLOR'])).toContain('\u001b[');
    },
    TEST_TIMEOUT,
  );

  it(
    'has no escape codes with NO_COLOR=1',
    async () => {
      expect(await firstScreen({ NO_COLOR: '1' }, [])).not.toContain('\u001b[');
    },
    TEST_TIMEOUT,
  );

  it(
    'has no escape codes with --no-color',
    async () => {
      expect(await firstScreen({}, ['NO_COLOR'], ['--no-color'])).not.toContain('\u001b[');
    },
    TEST_TIMEOUT,
  );
});

/** Every text value in every table of the database, whatever the schema. */
async function databaseText(file: string): Promise<string> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all())).join('\n');
  } finally {
    db.close();
  }
}
