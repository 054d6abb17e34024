// The command line itself: version, help with examples on every command, usage errors,
// and where the database is (--db, VETTED_DB) and what happens when it is not usable.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, sandbox, type RunResult, type Sandbox, amazonAnswerFlags } from '../helpers/cli.js';
import { STACK_FRAME, expectOneLineError, json, ok } from '../helpers/expect.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const answerFlags = amazonAnswerFlags;

const companyNames = (s: Sandbox, extra: string[] = [], env?: NodeJS.ProcessEnv) => {
  const r = s.run([...extra, 'company', 'list', '--json'], { env });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { name: string }[]).map((c) => c.name);
};

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => {
  s.cleanup();
});

describe('version', () => {
  it.each([['--version'], ['-V']])('%s prints the version of package.json and nothing else', (flag) => {
    const r = s.run([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
    expect(r.stderr).toBe('');
  });

  it('--version after a global option still prints the version', () => {
    const r = s.run(['--no-color', '--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});

describe('help', () => {
  const commands = [
    [],
    ['check'],
    ['checklists'],
    ['checklists', 'list'],
    ['checklists', 'show'],
    ['checklists', 'validate'],
    ['company'],
    ['company', 'list'],
    ['company', 'show'],
    ['company', 'alias'],
  ];

  it.each(commands.map((c) => [['vetted', ...c].join(' '), c] as const))('%s --help starts with examples of vetted', (_name, cmd) => {
    const r = s.run([...cmd, '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith('Examples:'), r.stdout).toBe(true);
    const examples = r.stdout.split(/\n\s*\n/)[0];
    expect(examples).toContain('$ vetted');
    // The examples of a subcommand show that subcommand.
    if (cmd.length) expect(examples).toContain(`$ vetted ${cmd.join(' ')}`);
    expect(r.stdout).toContain('Usage:');
  });

  it('lists every command in the top-level help', () => {
    const r = s.run(['--help']);
    for (const c of ['check', 'checklists', 'company']) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
  });

  it('`help check` shows the same help as `check --help`', () => {
    const a = s.run(['help', 'check']);
    const b = s.run(['check', '--help']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('`help incident add` shows the help of incident add, as `incident add --help` does; a topic no command there is said so', () => {
    const a = s.run(['help', 'incident', 'add']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(s.run(['incident', 'add', '--help']).stdout);
    expect(s.run(['--lang', 'ru', 'help', 'source', 'add']).stdout).toBe(s.run(['--lang', 'ru', 'source', 'add', '--help']).stdout);
    expect(expectOneLineError(s.run(['help', 'incident', 'bogus']))).toBe("vetted: unknown command 'bogus'; see `vetted incident --help`.");
    expect(expectOneLineError(s.run(['help', '--debug', 'incident', 'bogus']))).toBe("vetted: unknown command 'bogus'; see `vetted incident --help`.");
    // Only help: what follows the commands is no command, and nothing is run or written.
    expect(s.run(['help', 'incident', 'add', '--title', 'Lost parcel', '--db', join(s.dir, 'other.db')]).stdout).toBe(s.run(['incident', 'add', '--help']).stdout);
    expect(s.run(['help', 'incident', 'add', '--title', 'Lost parcel']).stdout).toBe(s.run(['incident', 'add', '--help']).stdout);
    for (const db of [s.db, join(s.dir, 'other.db'), join(s.dir, 'help')]) expect(existsSync(db), db).toBe(false);
    for (const [asked, shown] of [
      [['help', 'history', 'prune'], ['history', 'prune', '--help']],
      [['help', 'undo', '3'], ['undo', '--help']],
      [['help', 'lists', 'black'], ['lists', '--help']],
      [['help', 'incident', 'show', 'acme-1'], ['incident', 'show', '--help']],
      [['help', 'incident', '--lang', 'ru'], ['--lang', 'ru', 'incident', '--help']],
      [['history', 'help', 'prune'], ['history', 'prune', '--help']],
      // Global options anywhere after `help`, and `help` among the command words.
      [['help', '--lang', 'ru', 'incident', 'add'], ['--lang', 'ru', 'incident', 'add', '--help']],
      [['help', '--lang=ru', 'incident', 'add'], ['--lang', 'ru', 'incident', 'add', '--help']],
      [['help', '--db', join(s.dir, 'x.db'), 'incident', 'add'], ['incident', 'add', '--help']],
      [['help', '--no-color', 'history', 'prune'], ['history', 'prune', '--help']],
      [['help', 'history', 'help', 'prune'], ['history', 'prune', '--help']],
      [['help', 'incident', 'help', 'add'], ['incident', 'add', '--help']],
    ]) {
      const r = s.run(asked);
      expect(r.code, asked.join(' ')).toBe(0);
      expect(r.stdout, asked.join(' ')).toBe(s.run(shown).stdout);
    }
  });

  it('`help help` is the help of the program, on stdout, exit 0, as `help` alone is; so is `help` with only global options, and `incident help help` is that of incident', () => {
    for (const [asked, shown] of [
      [['help', 'help'], ['--help']],
      [['help', 'help', 'help'], ['--help']],
      [['help', '--lang', 'ru'], ['--lang', 'ru', '--help']],
      [['help', '--lang', 'ru', 'help'], ['--lang', 'ru', '--help']],
      [['help', '--db', join(s.dir, 'other.db')], ['--help']],
      [['incident', 'help', 'help'], ['incident', '--help']],
    ]) {
      const r = s.run(asked);
      expect(r.code, asked.join(' ')).toBe(0);
      expect(r.stderr, asked.join(' ')).toBe('');
      expect(r.stdout, asked.join(' ')).toBe(s.run(shown).stdout);
    }
    expect(existsSync(join(s.dir, 'other.db'))).toBe(false);
  });
});

describe('usage errors', () => {
  it('exits 2 on an unknown command, naming it, without a stack trace', () => {
    const r = s.run(['chekc', 'Amazon']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('chekc');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('what was typed is quoted back cut to 200 characters, never 10,000 of them, in either language', () => {
    ok(s.run(['incident', 'add', 'Acme', '--title', 't', '--fault', 'company']));
    const junk = 'x'.repeat(10_000);
    for (const args of [['why', junk], ['--lang', 'ru', 'why', junk], ['lists', junk], [`--${junk}`], [junk], ['export', '--format', junk], ['incident', 'show', junk], ['why', `-${junk}`]]) {
      const line = expectOneLineError(s.run(args));
      expect(line.length, line.slice(0, 100)).toBeLessThan(500);
      expect(line).toMatch(/[^x]x{197,199}…/);
    }
    // A name as long as a name may be is quoted whole.
    expect(expectOneLineError(s.run(['why', 'N'.repeat(200)]))).toContain(`"${'N'.repeat(200)}"`);
  });

  it('a mistyped subcommand is named with the one it is nearest, also where the command acts itself; a word a listing takes is its argument', () => {
    ok(s.run(['incident', 'add', 'Acme', '--title', 't', '--fault', 'company']));
    expect(expectOneLineError(s.run(['history', 'prun']))).toBe("vetted: unknown command 'prun' of 'vetted history' (did you mean prune? the commands are prune); see `vetted history --help`.");
    // With the mistyped subcommand's own option after it: the word is named, not the option.
    expect(expectOneLineError(s.run(['history', 'prnue', '--before', '2026-01-01']))).toBe("vetted: unknown command 'prnue' of 'vetted history' (did you mean prune? the commands are prune); see `vetted history --help`.");
    expect(expectOneLineError(s.run(['history', '--bogus']))).toBe("vetted: unknown option '--bogus'; see `vetted history --help`.");
    expect(expectOneLineError(s.run(['company', 'lsit']))).toMatch(/^vetted: unknown command 'lsit' of 'vetted company' \(did you mean list\? the commands are /);
    expect(expectOneLineError(s.run(['--lang', 'ru', 'checks', 'shw', 'x']))).toMatch(/^vetted: неизвестная команда «shw» в «vetted checks» \(может быть, show\? команды: /);
    expect(expectOneLineError(s.run(['lists', 'blak']))).toBe('vetted: there is no "blak" list; did you mean black? the lists are black, white and watch.');
    // A word after a listing that takes one is its argument, whatever it is: an incident's id may be any word.
    const file = join(s.dir, 'lost.yaml');
    writeFileSync(file, 'format: vetted/1\nincidents:\n  - id: lost\n    company: Acme\n    title: t\n    opened: 2026-11-01\n    events:\n      - {at: 2026-11-01T10:00, type: note, text: here}\n');
    ok(s.run(['import', file]));
    expect(ok(s.run(['event', 'lost'])).stdout).toMatch(/^lost#1 /m);
    expect(ok(s.run(['event', 'acme-1'])).code).toBe(0);
    // A word that is no incident's id, and a slip of a subcommand's name, is said to be that.
    expect(expectOneLineError(s.run(['event', 'lsit']))).toBe("vetted: unknown command 'lsit' of 'vetted event' (did you mean list? the commands are list, edit, remove); see `vetted event --help`.");
    expect(expectOneLineError(s.run(['event', 'list', 'nope']))).toMatch(/^vetted: there is no incident "nope"/);
    expect(ok(s.run(['history', '--limit', '1'])).code).toBe(0);
  });

  it('says help of a command there is not is asked for, in one line, at every level', () => {
    expect(expectOneLineError(s.run(['help', 'bogus']))).toBe("vetted: unknown command 'bogus'; see `vetted --help`.");
    expect(expectOneLineError(s.run(['incident', 'help', 'bogus']))).toBe("vetted: unknown command 'bogus'; see `vetted incident --help`.");
    expect(expectOneLineError(s.run(['--lang', 'ru', 'help', 'bogus']))).toBe('vetted: неизвестная команда «bogus»; см. `vetted --help`.');
    expect(s.run(['incident', 'help', 'event']).stdout).toBe(s.run(['incident', 'event', '--help']).stdout);
    // "help" as an option's value is no command word.
    expect(s.run(['incident', 'add', '--title', 'help', 'Acme', '--fault', 'company']).code).toBe(0);
    expect(s.run(['help', 'help']).stderr).not.toMatch(/unknown command/);
  });

  it('help examples name ids as vetted makes them, and run as written', () => {
    const made = JSON.parse(s.run(['--lang', 'ru', 'incident', 'add', 'Волгателеком', '--title', 'Нет интернета', '--fault', 'company', '--opened', '2026-11-20 09:00', '--json']).stdout) as { id: string };
    const ruHelp = s.run(['--lang', 'ru', 'incident', 'event', '--help']).stdout;
    expect(ruHelp).toContain(`vetted incident event ${made.id} promise`);
    expect(s.run(['--lang', 'ru', 'checks', '--help']).stdout).not.toMatch(/озон-check/);
    // Ids are made in Latin letters whatever the company's script: no example names one in Cyrillic.
    for (const command of [['incident', 'edit'], ['incident', 'remove'], ['incident', 'reopen'], ['event'], ['event', 'list'], ['event', 'edit'], ['event', 'remove']]) {
      expect(s.run(['--lang', 'ru', ...command, '--help']).stdout, command.join(' ')).not.toMatch(/vetted (?:incident|event) \S+ [а-яё]+-\d/i);
    }
    // The examples of incident event and letter, word for word, on an incident of that id.
    const run = (example: string) => {
      const words = [...example.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]));
      expect(words[0]).toBe('vetted');
      return s.run(words.slice(1));
    };
    for (const example of ruHelp.split('\n').filter((l) => l.includes('$ vetted')).map((l) => l.replace(/^.*\$ /, '').replace(/\s+#.*$/, ''))) {
      const r = run(example);
      expect(r.code, `${example}: ${r.stderr}`).toBe(0);
    }
    const en = JSON.parse(s.run(['incident', 'add', 'Volgatelecom', '--title', 'Internet down', '--fault', 'company', '--opened', '2026-11-20 09:00', '--json']).stdout) as { id: string };
    expect(en.id).toBe('volgatelecom-1');
    const letterHelp = s.run(['letter', '--help']).stdout;
    const claim = letterHelp.split('\n').find((l) => l.includes('--kind claim --jurisdiction'))!.replace(/^.*\$ /, '').replace(/\s+#.*$/, '');
    const r = run(claim);
    expect(r.code, r.stderr).toBe(0);
  });

  it('refuses --json with --ndjson, as two outputs, on every listing', () => {
    expect(expectOneLineError(s.run(['lists', '--json', '--ndjson']))).toBe('vetted: --ndjson and --json ask for two different outputs; give one; see `vetted lists --help`.');
    expect(expectOneLineError(s.run(['incident', 'list', '--ndjson', '--json']))).toMatch(/--ndjson and --json ask for two different outputs/);
  });

  it('says how many arguments a command takes, with its noun, in either language', () => {
    expect(expectOneLineError(s.run(['why', 'A', 'B']))).toBe('vetted: too many arguments: this command takes 1 argument; see `vetted why --help`.');
    expect(expectOneLineError(s.run(['--lang', 'ru', 'why', 'A', 'B']))).toBe('vetted: лишние аргументы: команда принимает 1 аргумент; см. `vetted why --help`.');
  });

  it('names a missing argument as the usage line does, in the reader\'s language', () => {
    expect(expectOneLineError(s.run(['incident', 'add']))).toBe("vetted: missing required argument 'company'; see `vetted incident add --help`.");
    expect(expectOneLineError(s.run(['--lang', 'ru', 'incident', 'add']))).toBe('vetted: не хватает аргумента «компания»; см. `vetted incident add --help`.');
  });

  it('exits 2 on an unknown option of a command', () => {
    const r = s.run(['check', 'Amazon', '--anwser', 'who-helps=nobody']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--anwser');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('an argument that begins with a dash, read as an unknown option, is said to go after --, where it is the argument; an option\'s value may begin with one', () => {
    expect(expectOneLineError(s.run(['incident', 'add', '-Shop', '--title', 'Lost parcel']))).toBe(
      "vetted: unknown option '-Shop' (if it is the argument 'company', not an option, give it after --, which ends the options: every option before --, and the arguments from it on after); see `vetted incident add --help`.",
    );
    // Without options given, the line to type, with the arguments after it too.
    expect(expectOneLineError(s.run(['company', 'alias', '-Shop', 'Gamma']))).toContain('give it after --, which ends the options: vetted company alias -- "-Shop" "Gamma")');
    expect(expectOneLineError(s.run(['--lang', 'ru', 'company', 'show', '-Shop']))).toBe(
      'vetted: неизвестный параметр «-Shop» (если это аргумент «компания», а не параметр, укажите его после --, которым кончаются параметры: vetted company show -- "-Shop"); см. `vetted company show --help`.',
    );
    // The arguments given before it are in the line to type; a file of several.
    expect(expectOneLineError(s.run(['company', 'alias', 'Acme', '-S']))).toContain('give it after --, which ends the options: vetted company alias "Acme" -- "-S")');
    expect(expectOneLineError(s.run(['incident', 'attach', 'acme-1', 'a.txt', '-b.txt']))).toContain("if it is the argument 'files'");
    // As said, it works: options before --, the argument after it.
    expect(ok(s.run(['incident', 'add', '--title', 'Lost parcel', '--fault', 'company', '--', '-Shop'])).stdout.trim()).toBe('shop-1');
    expect(ok(s.run(['company', 'show', '--', '-Shop'])).stdout.split('\n')[0]).toBe('-Shop');
    expect(json<{ company: string }>(s, ['check', ...answerFlags, '--json', '--', '-Shop']).company).toBe('-Shop');
    ok(s.run(['company', 'alias', '--', '-Shop', '-S']));
    expect(companyNames(s)).toEqual(['-Shop']);
    // Where no argument is awaited, or the option is a typo of one, or a word of two dashes, it is only an unknown option.
    expect(expectOneLineError(s.run(['lists', '--bogus']))).toBe("vetted: unknown option '--bogus'; see `vetted lists --help`.");
    expect(expectOneLineError(s.run(['company', 'show', 'Acme', '-x']))).toBe("vetted: unknown option '-x'; see `vetted company show --help`.");
    expect(expectOneLineError(s.run(['incident', 'add', '--titel', 'x', 'Acme']))).toBe("vetted: unknown option '--titel' (did you mean --title?); see `vetted incident add --help`.");
    // An option's value is the word after it, whatever it begins with; or joined by =.
    const a = json<{ id: string }>(s, ['incident', 'add', 'Acme', '--title', '-x', '--fault', 'company', '--json']);
    const b = json<{ id: string }>(s, ['incident', 'add', 'Acme', '--title=-y', '--fault', 'company', '--json']);
    expect(json<{ title: string }>(s, ['incident', 'show', a.id, '--json']).title).toBe('-x');
    expect(json<{ title: string }>(s, ['incident', 'show', b.id, '--json']).title).toBe('-y');
  });

  it('refuses an option that holds one value given twice with two, in every form, globals too, naming both; collected options take each, and the same value again is let be', () => {
    const twice = (args: string[]) => expectOneLineError(s.run(args));
    expect(twice(['incident', 'add', 'Acme', '--title', 'A', '--title', 'B'])).toBe('vetted: --title is given twice ("A", then "B"); give it once; see `vetted incident add --help`.');
    expect(twice(['--lang', 'ru', 'incident', 'add', 'Acme', '--title', 'A', '--title', 'B'])).toBe('vetted: --title указан дважды («A», затем «B»); укажите его один раз; см. `vetted incident add --help`.');
    // --flag=value and --flag value, a short alias and the long flag, count alike.
    expect(twice(['incident', 'add', 'Acme', '--title=A', '--title', 'B'])).toContain('--title is given twice ("A", then "B")');
    expect(twice(['incident', 'add', 'Acme', '--fault', 'company', '--title', 'A', '--fault=customer'])).toContain('--fault is given twice ("company", then "customer")');
    expect(twice(['check', 'Amazon', '--checklist', 'general', ...answerFlags, '--checklist', 'online-order'])).toContain('--checklist is given twice ("general", then "online-order"); give it once; see `vetted check --help`.');
    expect(twice(['due', '--format', 'ics', '--format', 'text'])).toContain('--format is given twice ("ics", then "text")');
    // Global options, before and after the command.
    const other = join(s.dir, 'other.db');
    expect(twice(['--db', s.db, 'lists', '--db', other])).toBe(`vetted: --db is given twice ("${s.db}", then "${other}"); give it once; see \`vetted --help\`.`);
    expect(twice(['--lang', 'ru', 'lists', '--lang=en'])).toContain('--lang is given twice ("ru", then "en")');
    // A flag and its negation contradict each other.
    expect(twice(['incident', 'event', 'acme-1', 'contact', '--robot', '--no-robot'])).toBe('vetted: --robot and --no-robot contradict each other; give one; see `vetted incident event --help`.');
    expect(twice(['--lang', 'ru', 'incident', 'event', 'acme-1', 'contact', '--no-robot', '--robot'])).toBe('vetted: --no-robot и --robot противоречат друг другу; укажите один; см. `vetted incident event --help`.');
    // Nothing was run: no database, no file.
    expect(existsSync(s.db)).toBe(false);
    expect(existsSync(other)).toBe(false);
    // The same value again loses nothing: a flag twice, a value twice.
    expect(json<{ id: string; title: string }>(s, ['incident', 'add', 'Acme', '--title', 'A', '--title', 'A', '--fault', 'company', '--json', '--json']).title).toBe('A');
    ok(s.run(['--no-color', 'lists', '--no-color', '--debug', '--debug']));
    // Options that collect take every value given.
    expect(json<{ answers: unknown[] }>(s, ['check', 'Amazon', ...answerFlags, '--note', 'who-helps=chat', '--note', 'returns=free', '--json']).answers).toHaveLength(answerFlags.length / 2);
  });

  it('exits 2 on an unknown global option', () => {
    const r = s.run(['--colour', 'company', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--colour');
  });

  it('exits 2 when a required argument is missing', () => {
    const r = s.run(['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/company/);
  });

  it('exits 2 on an unknown subcommand of company', () => {
    const r = s.run(['company', 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('a language without a catalog is English, with a note when asked for by --lang; ru, RU, ru-RU and ru_RU.UTF-8 are Russian', () => {
    const de = s.run(['--lang', 'de', 'lists', '--help']);
    expect(de.code, de.stderr).toBe(0);
    expect(de.stdout).toContain('Usage:');
    expect(de.stderr).toBe('vetted: note: there is no "de" translation; English is used (--lang takes en or ru).\n');
    // From the environment, English without a word; English asked for, no note.
    expect(s.run(['lists', '--help'], { env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'de_DE.UTF-8' } }).stderr).toBe('');
    expect(s.run(['--lang', 'en-GB', 'lists', '--help']).stderr).toBe('');
    for (const lang of ['ru', 'RU', 'ru-RU', 'ru_RU.UTF-8']) {
      const r = s.run(['--lang', lang, 'lists', '--help']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Использование:');
    }
    // Without the flag: LC_ALL, then LC_MESSAGES, then LANG.
    expect(s.run(['lists', '--help'], { env: { LC_ALL: '', LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' } }).stdout).toContain('Использование:');
    expect(s.run(['lists', '--help'], { env: { LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'ru_RU.UTF-8' } }).stdout).toContain('Usage:');
  });

  it('exits 2 on an unknown company in `company show`, naming it', () => {
    s.makeDatabase();
    const line = expectOneLineError(s.run(['company', 'show', 'Nobody Inc']));
    expect(line).toContain('Nobody Inc');
  });
});

describe('output to a closed pipe', () => {
  it.each([['--help'], ['checklists show general'], ['company list --json']])('`vetted %s | true` prints no stack trace', (args) => {
    s.makeDatabase();
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args} | true`], { env: s.env, encoding: 'utf8', cwd: s.dir });
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).toBe('');
  });

  it('exits as it would have, 0, where its messages went into a closed pipe (`2>&1 >/dev/null | head -c 0`)', () => {
    // An incident add writes its next step on stderr: into a pipe closed at once.
    for (let k = 0; k < 4; k++) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" incident add Shop${k} --title x 2>&1 >/dev/null | head -c 0; echo "\${PIPESTATUS[0]}"`], { env: s.env, encoding: 'utf8', cwd: s.dir });
      expect(r.stdout.trim(), r.stderr).toBe('0');
    }
  });
});

describe('output to a full device', () => {
  // /dev/full takes nothing: every write fails with ENOSPC, as on a full disk.
  it.each([['--version'], ['--help'], ['company list --json'], ['--lang ru lists'], ['due --format ics'], ['backup --out -']])('`vetted %s > /dev/full` says so in one line and exits 1', (args) => {
    expect(existsSync('/dev/full'), 'this test needs /dev/full').toBe(true);
    s.makeDatabase();
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args} > /dev/full`], { env: s.env, encoding: 'utf8', cwd: s.dir });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('ENOSPC');
    // A sentence that says what to check, in the language of the session, never the code alone.
    expect(r.stderr).toMatch(args.includes('--lang ru') ? /^vetted: [^\x00-\x7f]/ : /^vetted: the output could not be written \(ENOSPC\)/);
  });
  it('says that what a command recorded before its output failed is kept, and how to take it back: run again, it was made twice', () => {
    s.makeDatabase();
    const answers = amazonAnswerFlags.map((a) => `'${a}'`).join(' ');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check Acme ${answers} > /dev/full`], { env: s.env, encoding: 'utf8', cwd: s.dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^vetted: the output could not be written \(ENOSPC\).*\nvetted: what the command recorded is kept all the same \(change #1\), so do not run it again: `vetted history` shows it, and `vetted undo` takes it back\.\n$/);
    expect(json<{ id: string }[]>(s, ['checks', 'list', '--json']).map((c) => c.id)).toEqual(['acme-check-1']);
    // A command that records nothing says nothing of it.
    const listed = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" lists > /dev/full`], { env: s.env, encoding: 'utf8', cwd: s.dir });
    expect(listed.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('says it in Russian for `--version` where the environment asks for Russian', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --version > /dev/full`], { env: { ...s.env, LC_ALL: 'ru_RU.UTF-8' }, encoding: 'utf8', cwd: s.dir });
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^vetted: [^\x00-\x7f].*ENOSPC/);
  });
});

describe('the database', () => {
  it('refuses a --db file that is not a database: exit 2, one line, the file untouched', () => {
    const file = join(s.dir, 'notes.txt');
    const content = 'these are my notes, not a database\n'.repeat(20);
    writeFileSync(file, content);
    const before = readFileSync(file);
    for (const args of [['company', 'list'], ['check', 'Amazon', ...answerFlags], ['company', 'show', 'Amazon']]) {
      const line = expectOneLineError(s.run(['--db', file, ...args]));
      expect(line).toContain(file);
      expect(readFileSync(file).equals(before), `${args[0]} changed the file`).toBe(true);
    }
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-journal`)).toBe(false);
  });

  it('refuses a short text file given as the database', () => {
    const file = join(s.dir, 'tiny.db');
    writeFileSync(file, 'hi');
    expectOneLineError(s.run(['--db', file, 'company', 'list']));
    expect(readFileSync(file, 'utf8')).toBe('hi');
  });

  it('refuses an SQLite database of another program, leaving it byte-identical', async () => {
    const { default: Database } = await import('better-sqlite3');
    const file = join(s.dir, 'someone-else.db');
    const db = new Database(file);
    db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me')");
    db.close();
    const before = readFileSync(file);
    const line = expectOneLineError(s.run(['--db', file, 'check', 'Amazon', ...answerFlags]));
    expect(line).toContain(file);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a folder given as the database', () => {
    const dir = join(s.dir, 'a-folder');
    mkdirSync(dir);
    const line = expectOneLineError(s.run(['--db', dir, 'company', 'list']));
    expect(line).toContain('a-folder');
  });

  it('exits 2 when the folder of --db does not exist, and does not create it', () => {
    const missing = join(s.dir, 'no', 'such', 'folder');
    const line = expectOneLineError(s.run(['--db', join(missing, 'vetted.db'), 'check', 'Amazon', ...answerFlags]));
    expect(line).toContain(missing);
    expect(existsSync(join(s.dir, 'no'))).toBe(false);
  });

  it('uses VETTED_DB', () => {
    const db = join(s.dir, 'from-env.db');
    const env = { VETTED_DB: db };
    expect(s.run(['check', 'Amazon', ...answerFlags], { env }).code).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(companyNames(s, [], env)).toEqual(['Amazon']);
    expect(existsSync(s.db)).toBe(false);
  });

  it('lets --db override VETTED_DB', () => {
    const other = join(s.dir, 'other.db');
    const r = s.run(['--db', other, 'check', 'Amazon', ...answerFlags]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(other)).toBe(true);
    expect(companyNames(s, ['--db', other])).toEqual(['Amazon']);
    expect(existsSync(s.db)).toBe(false); // the VETTED_DB of the sandbox
  });

  it('takes --db after the command too', () => {
    const other = join(s.dir, 'after.db');
    const r = s.run(['check', 'Amazon', ...answerFlags, '--db', other]);
    expect(r.code, r.stderr).toBe(0);
    expect(companyNames(s, ['--db', other])).toEqual(['Amazon']);
    expect(existsSync(s.db)).toBe(false);
  });

  it.each([['lists'], ['lists', '--json'], ['why', 'Amazon'], ['due'], ['history'], ['incident', 'list'], ['checks', 'list'], ['company', 'show', 'Amazon'], ['export', '--format', 'json'], ['letter', 'amazon-1']])(
    '`%s` at a --db or VETTED_DB where there is no database refuses, and makes none',
    (...args) => {
      const typo = join(s.dir, 'vettd.db');
      for (const run of [() => s.run(['--db', typo, ...args]), () => s.run(args, { env: { VETTED_DB: typo } })]) {
        const line = expectOneLineError(run());
        expect(line).toBe(`vetted: there is no database at ${typo}, so nothing is recorded there; check the path given by --db or VETTED_DB (the first command that records something, such as \`vetted incident add\`, makes one there).`);
        expect(existsSync(typo)).toBe(false);
      }
    },
  );

  it('a command that only reads, where the default database is not made yet, reads an empty record and makes none', () => {
    const env = { VETTED_DB: '', XDG_DATA_HOME: join(s.dir, 'xdg-data'), HOME: s.dir };
    const r = s.run(['lists', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ black: [], white: [], watch: [] });
    expect(existsSync(join(s.dir, 'xdg-data'))).toBe(false);
  });

  it('takes the account\'s home folder where HOME is empty or relative: the database was once made under whatever folder a command ran in', () => {
    const home = userInfo().homedir;
    for (const HOME of ['', 'rel-home']) {
      const where = JSON.parse(ok(s.run(['paths', '--json'], { env: { VETTED_DB: '', VETTED_CONFIG: '', XDG_DATA_HOME: '', XDG_CONFIG_HOME: '', HOME } })).stdout) as { what: string; path: string }[];
      expect(where.find((p) => p.what === 'database')?.path).toBe(join(home, '.local', 'share', 'vetted', 'vetted.db'));
      expect(where.find((p) => p.what === 'config')?.path).toBe(join(home, '.config', 'vetted'));
    }
  });

  it('says which variable to mend where a file stands above the folder of settings, and refuses --db ending in a slash', () => {
    const file = join(s.dir, 'a-file');
    writeFileSync(file, 'x');
    expect(expectOneLineError(s.run(['paths'], { env: { VETTED_CONFIG: '', XDG_CONFIG_HOME: file } }))).toMatch(/a-file\/vetted, the folder of your settings .*named by XDG_CONFIG_HOME, cannot be there: a folder above it is a file; point XDG_CONFIG_HOME at a folder\./);
    expect(expectOneLineError(s.run(['incident', 'add', 'Acme', '--title', 'x', '--db', 'newdb/']))).toMatch(/newdb\/ names a folder \(it ends in a slash\).*give --db the path of a file/);
    expect(expectOneLineError(s.run(['incident', 'add', 'Acme', '--title', 'x'], { env: { VETTED_DB: '', XDG_DATA_HOME: file } }))).toMatch(/a-file\/vetted is not a folder; set XDG_DATA_HOME to a folder, or pass --db with a path in a folder\./);
    expect(existsSync(join(s.dir, 'newdb'))).toBe(false);
  });

  it('asks nothing on a terminal whose stderr, where prompts go, is sent to a file: it says what to give instead, not waits', () => {
    const err = join(s.dir, 'err.log');
    const cmd = `${[process.execPath, BIN, 'check', 'Hidden'].map((a) => `'${a}'`).join(' ')} 2>'${err}'; echo "EXIT=$?"`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { env: s.env, encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout).toMatch(/EXIT=2/);
    expect(readFileSync(err, 'utf8')).toMatch(/--answer/);
  });

  it('ignores an XDG folder that is not an absolute path, as the XDG spec says: the database stays where it is from any folder', () => {
    const env = { VETTED_DB: '', VETTED_CONFIG: '', XDG_DATA_HOME: 'rel-data', XDG_CONFIG_HOME: 'rel-config', HOME: s.dir };
    const where = JSON.parse(ok(s.run(['paths', '--json'], { env })).stdout) as { what: string; path: string; set_by: string }[];
    expect(where.find((p) => p.what === 'database')).toMatchObject({ path: join(s.dir, '.local', 'share', 'vetted', 'vetted.db'), set_by: 'the default' });
    expect(where.find((p) => p.what === 'config')).toMatchObject({ path: join(s.dir, '.config', 'vetted'), set_by: 'the default' });
  });
});
