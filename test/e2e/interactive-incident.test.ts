// Logging an incident on a terminal: `incident add` asks for what is missing and offers to
// log the first contact; `incident event` with no flags asks the questions of its type.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Terminal, after } from '../helpers/tmux.js';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { json, ok } from '../helpers/expect.js';

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

function start(args: string[], opts: { jobControl?: boolean } = {}): Terminal {
  term = Terminal.start({ dir: s.dir, args, env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' }, ...opts });
  return term;
}

/** 10,100 characters at the prompt, as a paste brings them: a hundred typed, cut (Ctrl+U), put back 101 times (Ctrl+Y), each at once. */
async function paste10100(t: Terminal): Promise<void> {
  t.type('x'.repeat(100));
  await t.waitForText('x'.repeat(100));
  t.keys('C-u');
  for (let i = 0; i < 101; i++) t.keys('C-y');
}

interface Shown {
  id: string;
  title: string;
  fault: string;
  events: Record<string, unknown>[];
  metrics: { contacts: number; minutes_to_human: number | null; robot_contacts: number; promises: number };
}

describe('incident add on a terminal', () => {
  it('asks for the title, then logs the first contact it offers to log', async () => {
    const t = start(['incident', 'add', 'Some ISP', '--fault', 'company']);
    await t.waitForText('What went wrong?');
    t.type('Internet down since morning');
    t.keys('Enter');
    await t.waitForText('Log the first contact');
    t.keys('Enter'); // yes
    await t.waitForText('When was it?');
    t.keys('Enter'); // now, as offered
    await t.waitForText('How did you get in touch?');
    t.keys('Enter'); // phone
    await t.waitForText('Did a live person answer?');
    t.keys('Enter'); // yes
    await t.waitForText('Minutes until a person answered');
    t.type('25');
    t.keys('Enter');
    await t.waitForText('voice menu or a bot');
    t.type('y');
    t.keys('Enter');
    await t.waitForText('Your place in the queue');
    t.type('4');
    t.keys('Enter');
    await t.waitForText('cut off');
    t.keys('Enter'); // no
    await t.waitForText('how far up the company');
    t.keys('Enter'); // frontline
    await t.waitForText('Note (names');
    t.type('operator Olga');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.stdout().trim()).toBe('some-isp-1');
    // The hint is the next step, not the contact just logged.
    const screen = t.screen();
    expect(screen).toContain('next, when they promise something: vetted incident event some-isp-1 promise');
    expect(screen).not.toMatch(/next: vetted incident event some-isp-1 contact/);

    const shown = json<Shown>(s, ['incident', 'show', 'some-isp-1', '--json']);
    expect(shown.title).toBe('Internet down since morning');
    expect(shown.fault).toBe('company');
    expect(shown.events).toHaveLength(1);
    expect(shown.events[0]).toMatchObject({ type: 'contact', channel: 'phone', reached_human: true, wait_minutes: 25, robot: true, queue_position: 4, dropped: false, level: 'frontline', note: 'operator Olga' });
    expect(shown.metrics).toMatchObject({ contacts: 1, minutes_to_human: 25, robot_contacts: 1 });
  });

  it('takes да and нет in Russian, says so when neither was typed, and shows the answer in Russian', async () => {
    const t = start(['--lang', 'ru', 'incident', 'add', 'ДНС', '--title', 'Не тот размер', '--fault', 'company']);
    await t.waitForText('Записать первый контакт с ними сейчас? Д/н');
    t.type('ок');
    t.keys('Enter');
    await t.waitForText('Ответьте «Да» или «Нет» (д или н)');
    t.keys('C-u');
    t.type('да');
    t.keys('Enter');
    await t.waitForText('Когда это было?');
    t.keys('Enter'); // now, as offered
    await t.waitForText('Как вы связались?');
    expect(t.screen()).toContain('Записать первый контакт с ними сейчас? Да');
    t.keys('Enter'); // phone
    await t.waitForText('Ответил живой человек?');
    t.type('нет');
    t.keys('Enter');
    await t.waitForText('Сколько минут');
    t.keys('Enter');
    await t.waitForText('голосовое меню');
    t.type('y'); // the English keys as well
    t.keys('Enter');
    await t.waitForText('место в очереди');
    t.keys('Enter');
    await t.waitForText('оборвалась');
    t.type('н');
    t.keys('Enter');
    // No one answered: no question of how far up the company that one was.
    await t.waitForText('Заметка');
    expect(t.screen()).not.toMatch(/насколько высоко/);
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(json<Shown>(s, ['incident', 'show', 'dns-1', '--json']).events[0]).toMatchObject({ type: 'contact', channel: 'phone', reached_human: false, robot: true, dropped: false });
  });

  it('asks nothing with --json, and says to run without it to be asked, not to run on the terminal it runs on', async () => {
    for (const [args, said] of [
      [['incident', 'add', 'JsonTty', '--json'], 'vetted: an incident needs a title: give --title "what went wrong" (or run without --json to be asked).'],
      [['--lang', 'ru', 'incident', 'add', 'JsonTty', '--json'], 'vetted: у обращения должен быть заголовок: --title "что случилось" (или запустите без --json, и вас спросят).'],
    ] as const) {
      const t = start([...args]);
      expect(await t.waitForExit()).toBe(2);
      const screen = await t.waitForText('[vetted exited]');
      expect(screen).toContain(said);
      t.kill();
    }
    // Refused before the database was made.
    expect(existsSync(s.db)).toBe(false);
  });

  it('Ctrl+C at a question leaves with 130 and stores nothing', async () => {
    const t = start(['incident', 'add', 'Some ISP']);
    await t.waitForText('What went wrong?');
    t.keys('C-c');
    expect(await t.waitForExit()).toBe(130);
    expect(t.screen()).not.toMatch(/^\s+at /m);
    expect(json<unknown[]>(s, ['incident', 'list', '--json'])).toEqual([]);
  });
});

describe('incident event on a terminal', () => {
  it('asks the questions of a promise, the due date required', async () => {
    expect(s.run(['incident', 'add', 'Some ISP', '--title', 'Down', '--opened', '2026-11-20T09:00']).code).toBe(0);
    const t = start(['incident', 'event', 'some-isp-1', 'promise', '--at', '2026-11-20T09:10']);
    await t.waitForText('What exactly did they say?');
    t.type('fixed within 24 hours');
    t.keys('Enter');
    await t.waitForText('By when?');
    t.keys('Enter'); // empty: refused, asked again
    await t.waitForText('This one is needed');
    t.type('2026-11-21T09:10');
    t.keys('Enter');
    await t.waitForText('how far up the company');
    t.keys('Enter');
    await t.waitForText('Note');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    const shown = json<Shown>(s, ['incident', 'show', 'some-isp-1', '--json']);
    expect(shown.events).toEqual([{ id: 'some-isp-1#1', at: '2026-11-20T09:10', type: 'promise', text: 'fixed within 24 hours', due: '2026-11-21T09:10', level: 'frontline' }]);
    expect(shown.metrics.promises).toBe(1);
  });

  it("refuses at the question a deadline the clocks skipped, and one before the promise was made, and asks again: no answer is lost", async () => {
    expect(s.run(['incident', 'add', 'Some ISP', '--title', 'Down', '--opened', '2026-11-20T09:00']).code).toBe(0);
    term = Terminal.start({ dir: s.dir, args: ['incident', 'event', 'some-isp-1', 'promise', '--at', '2026-11-20T09:10'], env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8', TZ: 'America/New_York' } });
    const t = term;
    await t.waitForText('What exactly did they say?');
    t.type('fixed within 24 hours');
    t.keys('Enter');
    await t.waitForText('By when?');
    t.type('2027-03-14 02:30');
    t.keys('Enter');
    await t.waitForText('skipped that time');
    t.keys('C-u');
    t.type('2026-11-19 18:00');
    t.keys('Enter');
    await t.waitForText('cannot fall due before it was made');
    expect(t.screen()).not.toMatch(/--due|--at/);
    t.keys('C-u');
    t.type('2026-11-21 09:10');
    t.keys('Enter');
    await t.waitForText('how far up the company');
    t.keys('Enter');
    await t.waitForText('Note');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    const shown = json<Shown>(s, ['incident', 'show', 'some-isp-1', '--json']);
    expect(shown.events).toEqual([{ id: 'some-isp-1#1', at: '2026-11-20T09:10', type: 'promise', text: 'fixed within 24 hours', due: '2026-11-21T09:10', level: 'frontline' }]);
  });

  it('says the range of a whole number refused at its question, as the flag does', async () => {
    expect(s.run(['incident', 'add', 'Some ISP', '--title', 'Down', '--opened', '2026-11-20T09:00']).code).toBe(0);
    const t = start(['incident', 'event', 'some-isp-1', 'contact', '--at', '2026-11-20T09:10']);
    await t.waitForText('How did you get in touch?');
    t.keys('Enter'); // phone
    await t.waitForText('Did a live person answer?');
    t.keys('Enter'); // yes
    await t.waitForText('Minutes until a person answered');
    t.type('99999999999999999999');
    t.keys('Enter');
    await t.waitForText('A whole number from 0 to 1,000,000,000, please.');
    t.keys('C-c');
    await t.waitForExit();
  });

  it('offers an opening given with its offset as the time of the first contact, in local time, and keeps it as given when taken', async () => {
    const t = start(['incident', 'add', 'Some ISP', '--fault', 'company', '--title', 'Down', '--opened', '2026-11-20T09:00+03:00']);
    await t.waitForText('Log the first contact');
    t.keys('Enter'); // yes
    await t.waitForText('When was it?');
    expect(t.screen()).toMatch(/2026-11-20 \d\d:00/);
    expect(t.screen()).not.toMatch(/\+03:00/);
    t.keys('Enter'); // as offered
    await t.waitForText('How did you get in touch?');
    t.keys('Enter'); // phone
    await t.waitForText('Did a live person answer?');
    t.keys('Enter'); // yes
    await t.waitForText('Minutes until a person answered');
    t.keys('Enter');
    for (const question of ['voice menu or a bot', 'Your place in the queue', 'cut off', 'how far up the company', 'Note (names']) {
      await t.waitForText(question);
      t.keys('Enter');
    }
    expect(await t.waitForExit()).toBe(0);
    expect(json<Shown>(s, ['incident', 'show', 'some-isp-1', '--json']).events.map((e) => e.at)).toEqual(['2026-11-20T09:00+03:00']);
  });

  it('refuses a title too long at its question, and asks again before the next', async () => {
    const t = start(['incident', 'add', 'Some ISP', '--fault', 'company']);
    await t.waitForText('What went wrong?');
    t.type('x'.repeat(401));
    t.keys('Enter');
    await t.waitForText('at most 400 characters');
    t.keys('C-u');
    t.type('Down');
    t.keys('Enter');
    await t.waitForText('Log the first contact');
    t.type('n');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(json<Shown>(s, ['incident', 'show', 'some-isp-1', '--json']).title).toBe('Down');
  });

  it('asks only what makes sense after the answers before: compensation asked for took the asking, an escalation goes above the front line, no one answered has no place', async () => {
    expect(s.run(['incident', 'add', 'Some ISP', '--title', 'Down', '--opened', '2026-11-20T09:00']).code).toBe(0);
    let t = start(['incident', 'event', 'some-isp-1', 'compensation', '--at', '2026-11-20T09:10']);
    for (const [question, answer] of [['How much?', '500'], ['Currency', 'RUB'], ['What kind of compensation?', ''], ['without being asked?', 'n']]) {
      await t.waitForText(question);
      if (answer) t.type(answer);
      t.keys('Enter');
    }
    await t.waitForText('What did you have to do to get it?');
    expect(t.screen()).not.toMatch(/^\s*❯?\s*none\s*$/mu);
    t.keys('Enter');
    await t.waitForText('how far up the company');
    t.keys('Enter');
    await t.waitForText('Note');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    t = start(['incident', 'event', 'some-isp-1', 'escalation', '--at', '2026-11-20T09:20']);
    await t.waitForText('how far up the company');
    expect(t.screen()).not.toMatch(/front line/);
    t.keys('Enter');
    await t.waitForText('Note');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    t = start(['incident', 'event', 'some-isp-1', 'contact', '--at', '2026-11-20T09:30']);
    for (const [question, answer] of [['How did you get in touch?', ''], ['Did a live person answer?', 'n'], ['Minutes until', ''], ['voice menu or a bot', 'n'], ['Your place in the queue', ''], ['cut off', 'n']]) {
      await t.waitForText(question);
      if (answer) t.type(answer);
      t.keys('Enter');
    }
    await t.waitForText('Note');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).not.toMatch(/how far up the company/);
    const events = json<Shown>(s, ['incident', 'show', 'some-isp-1', '--json']).events as unknown as { type: string; effort?: string; level?: string }[];
    expect(events.map((e) => [e.type, e.effort ?? null, e.level ?? null])).toEqual([
      ['compensation', 'asked', 'frontline'],
      ['escalation', null, 'supervisor'],
      ['contact', null, null],
    ]);
  });

  it('incident close asks how it ended, as a resolution event does; without a terminal it must be said', async () => {
    expect(s.run(['incident', 'add', 'Some ISP', '--title', 'Down', '--opened', '2026-11-20T09:00']).code).toBe(0);
    expect(s.run(['incident', 'close', 'some-isp-1']).stderr).toMatch(/^vetted: say how it ended: --outcome resolved\|partial\|unresolved\|abandoned\.\n$/);
    const t = start(['incident', 'close', 'some-isp-1', '--at', '2026-11-21T09:00']);
    await t.waitForText('How did it end?');
    t.keys('Enter');
    await t.waitForText('how far up the company');
    t.keys('Enter');
    await t.waitForText('Note');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(json<{ closed: string; open: boolean }>(s, ['incident', 'show', 'some-isp-1', '--json'])).toMatchObject({ closed: '2026-11-21T09:00', open: false });
  });

  it('asks again for the text of a note left empty, as the command refuses a note of none', async () => {
    expect(s.run(['incident', 'add', 'Some ISP', '--title', 'Down', '--opened', '2026-11-20T09:00']).code).toBe(0);
    const t = start(['incident', 'event', 'some-isp-1', 'note', '--at', '2026-11-20T09:10']);
    await t.waitForText('What exactly did they say?');
    t.keys('Enter'); // empty: refused, asked again
    await t.waitForText('This one is needed');
    t.type('they hung up');
    t.keys('Enter');
    await t.waitForText('how far up the company');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(json<Shown>(s, ['incident', 'show', 'some-isp-1', '--json']).events).toEqual([{ id: 'some-isp-1#1', at: '2026-11-20T09:10', type: 'note', text: 'they hung up', level: 'frontline' }]);
  });
});

describe('answers refused at their question, where they can be mended', () => {
  it('a text longer than 10,000 characters, as its flag refuses it (an export holding it could not be imported)', async () => {
    ok(s.run(['incident', 'add', 'Some ISP', '--title', 'Down', '--opened', '2026-11-20T09:00']));
    const t = start(['incident', 'event', 'some-isp-1', 'note', '--at', '2026-11-20T09:10']);
    await t.waitForText('What exactly did they say?');
    await paste10100(t);
    await t.waitFor('10,100 characters typed', (screen) => after(screen, 'did they say?').replace(/[^x]/g, '').length === 10_100);
    t.keys('Enter');
    await t.waitForText('Their words can be at most 10000 characters; shorten it.');
    expect(t.screen()).not.toContain('how far up the company');
    t.keys('C-u');
    t.type('they hung up');
    t.keys('Enter');
    await t.waitForText('how far up the company');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(json<Shown>(s, ['incident', 'show', 'some-isp-1', '--json']).events).toEqual([{ id: 'some-isp-1#1', at: '2026-11-20T09:10', type: 'note', text: 'they hung up', level: 'frontline' }]);
  });

  it('a note of the first contact longer than 10,000 characters', async () => {
    const t = start(['incident', 'add', 'Some ISP', '--title', 'Down', '--fault', 'company']);
    for (const [question, answer] of [['Log the first contact', 'y'], ['When was it?', ''], ['How did you get in touch?', ''], ['Did a live person answer?', 'n'], ['Minutes until', ''], ['voice menu or a bot', 'n'], ['Your place in the queue', ''], ['cut off', 'n']]) {
      await t.waitForText(question);
      if (answer) t.type(answer);
      t.keys('Enter');
    }
    await t.waitForText('Note (names');
    await paste10100(t);
    await t.waitFor('10,100 characters typed', (screen) => after(screen, 'Note (names').replace(/[^x]/g, '').length === 10_100);
    t.keys('Enter');
    await t.waitForText('A note can be at most 10000 characters; shorten it.');
    t.keys('C-u');
    t.type('no one');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(json<Shown>(s, ['incident', 'show', 'some-isp-1', '--json']).events[0]).toMatchObject({ type: 'contact', note: 'no one' });
  });

  it('a title longer than a title may be, by the check its flag has, before the next question', async () => {
    const t = start(['incident', 'add', 'Zeta']);
    await t.waitForText('What went wrong?');
    t.type('z'.repeat(450));
    // (Drawn broken into lines of the terminal's width.)
    await t.waitFor('450 characters typed', (screen) => after(screen, 'What went wrong?').replace(/[^z]/g, '').length === 450);
    t.keys('Enter');
    await t.waitForText('A title can be at most 400 characters; shorten it.');
    expect(t.screen()).not.toContain('Whose fault');
    t.keys('C-u');
    // As long as a title may be, with spaces after it, which are not kept: taken.
    t.type(`${'L'.repeat(400)}   `);
    t.keys('Enter');
    await t.waitForText('Whose fault');
    t.keys('Enter');
    await t.waitForText('Log the first contact');
    t.type('n');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(json<Shown>(s, ['incident', 'show', 'zeta-1', '--json'])).toMatchObject({ title: 'L'.repeat(400), fault: 'unknown' });
  });
});

describe('a list of choices', () => {
  it('Escape leaves the choice where it was, not on the first', async () => {
    const t = start(['incident', 'add', 'Zeta', '--title', 'T']);
    await t.waitForText('Whose fault');
    t.keys('Escape');
    // (Read as Escape once nothing follows it for a while; with Enter at once, as Alt+Enter.)
    await sleep(1500);
    expect(after(t.screen(), 'Whose fault')).toMatch(/^❯ not clear yet$/m);
    t.keys('Enter');
    await t.waitForText('Log the first contact');
    t.type('n');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(json<Shown>(s, ['incident', 'show', 'zeta-1', '--json']).fault).toBe('unknown');
  });
});

describe('the time of the first contact', () => {
  it('is asked, the opening given offered, in the forms the other dates take; one before the opening is refused there', async () => {
    const t = start(['incident', 'add', 'Some ISP', '--title', 'Down', '--fault', 'company', '--opened', '2026-11-20 09:00']);
    await t.waitForText('Log the first contact');
    t.keys('Enter');
    await t.waitForText('When was it? (such as 2026-11-23 18:00 or 23.11.2026 18:00) (2026-11-20 09:00)');
    t.type('2026-11-19 10:00');
    t.keys('Enter');
    await t.waitForText('That is before the incident opened (2026-11-20 09:00); give a time from then on.');
    t.keys('C-u');
    t.type('21.11.2026 10:30');
    t.keys('Enter');
    for (const [question, answer] of [['How did you get in touch?', ''], ['Did a live person answer?', 'n'], ['Minutes until', ''], ['voice menu or a bot', 'n'], ['Your place in the queue', ''], ['cut off', 'n'], ['Note (names', '']]) {
      await t.waitForText(question);
      if (answer) t.type(answer);
      t.keys('Enter');
    }
    expect(await t.waitForExit()).toBe(0);
    expect(json<Shown>(s, ['incident', 'show', 'some-isp-1', '--json']).events[0]).toMatchObject({ at: '2026-11-21T10:30', type: 'contact' });
  });

  it('is the opening given, when the time offered is taken', async () => {
    const t = start(['incident', 'add', 'Some ISP', '--title', 'Down', '--fault', 'company', '--opened', '2026-11-20 09:00']);
    for (const [question, answer] of [['Log the first contact', ''], ['When was it?', ''], ['How did you get in touch?', ''], ['Did a live person answer?', 'n'], ['Minutes until', ''], ['voice menu or a bot', 'n'], ['Your place in the queue', ''], ['cut off', 'n'], ['Note (names', '']]) {
      await t.waitForText(question);
      if (answer) t.type(answer);
      t.keys('Enter');
    }
    expect(await t.waitForExit()).toBe(0);
    const shown = json<Shown & { opened: string }>(s, ['incident', 'show', 'some-isp-1', '--json']);
    expect(shown.events[0]).toMatchObject({ at: shown.opened, type: 'contact' });
  });
});

describe('which company was meant', () => {
  it('the new one chosen by name is not warned of as a typo', async () => {
    ok(s.run(['incident', 'add', 'Volgatelecom', '--title', 'Down', '--fault', 'company']));
    const t = start(['incident', 'add', 'Volgatelekom', '--title', 'Slow', '--fault', 'company']);
    await t.waitForText('Which did you mean?');
    t.keys('Down', 'Enter');
    await t.waitForText('Log the first contact');
    t.type('n');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).toContain('opened incident volgatelekom-1 with Volgatelekom');
    expect(t.screen()).not.toContain('if you meant it');
  });
});

describe('stopped with Ctrl+Z and continued with fg', () => {
  it('a list, a line of text and a yes or no are asked again (the text with what was typed), and every answer is kept', async () => {
    ok(s.run(['incident', 'add', 'Volgatelecom', '--title', 'Down', '--fault', 'company']));
    const t = start(['incident', 'add', 'Volgatelekom'], { jobControl: true });
    const stops = (n: number) => (screen: string) => screen.split('Stopped').length === n + 1;
    await t.waitForText('Which did you mean?');
    expect(t.cursorShown()).toBe(false);
    t.keys('C-z');
    await t.waitFor('stopped at the list', stops(1));
    // The shell's prompt with its cursor, not a hidden one.
    expect(t.cursorShown()).toBe(true);
    t.resume();
    await t.waitFor('the list asked again', (screen) => after(screen, 'fg; finish').includes('Volgatelekom (a new company)'));
    t.keys('Down', 'Enter');
    await t.waitForText('What went wrong?');
    t.type('Internet do');
    await t.waitFor('half a title typed', (screen) => after(screen, 'What went wrong?').includes('Internet do'));
    t.keys('C-z');
    await t.waitFor('stopped at the title', stops(2));
    t.resume();
    await t.waitFor('the title asked again, with what was typed', (screen) => /What went wrong\?[^\n]*Internet do/.test(after(screen, 'fg; finish')));
    t.type('wn');
    t.keys('Enter');
    await t.waitForText('Whose fault');
    t.keys('Enter');
    await t.waitForText('Log the first contact');
    t.keys('C-z');
    await t.waitFor('stopped at the yes or no', stops(3));
    t.resume();
    await t.waitFor('the yes or no asked again', (screen) => after(screen, 'fg; finish').includes('Log the first contact'));
    t.type('n');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(json<Shown>(s, ['incident', 'show', 'volgatelekom-1', '--json'])).toMatchObject({ title: 'Internet down', fault: 'unknown', events: [] });
  });

  it('a question of an event is asked again with what was typed', async () => {
    ok(s.run(['incident', 'add', 'Some ISP', '--title', 'Down', '--opened', '2026-11-20T09:00']));
    const t = start(['incident', 'event', 'some-isp-1', 'promise', '--at', '2026-11-20T09:10'], { jobControl: true });
    await t.waitForText('What exactly did they say?');
    t.type('fixed with');
    await t.waitFor('half the words typed', (screen) => after(screen, 'What exactly').includes('fixed with'));
    t.keys('C-z');
    await t.waitForText('Stopped');
    t.resume();
    await t.waitFor('asked again, with what was typed', (screen) => /What exactly did they say\?[^\n]*fixed with/.test(after(screen, 'fg; finish')));
    t.type('in a day');
    t.keys('Enter');
    await t.waitForText('By when?');
    t.type('2026-11-21T09:10');
    t.keys('Enter');
    await t.waitForText('how far up the company');
    t.keys('Enter');
    await t.waitForText('Note');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(json<Shown>(s, ['incident', 'show', 'some-isp-1', '--json']).events[0]).toMatchObject({ type: 'promise', text: 'fixed within a day', due: '2026-11-21T09:10' });
  });
});

describe('ended by a signal while a list waits', () => {
  it('SIGTERM gives the terminal its cursor back and exits 143, nothing stored', async () => {
    ok(s.run(['incident', 'add', 'Volgatelecom', '--title', 'Down', '--fault', 'company']));
    const t = start(['incident', 'add', 'Volgatelekom']);
    await t.waitForText('Which did you mean?');
    expect(t.cursorShown()).toBe(false);
    process.kill(t.vettedPid(), 'SIGTERM');
    expect(await t.waitForExit()).toBe(143);
    await t.waitForText('[vetted exited]');
    expect(t.cursorShown()).toBe(true);
    expect(json<unknown[]>(s, ['incident', 'list', '--json'])).toHaveLength(1);
  });
});
