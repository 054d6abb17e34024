// Rules every command follows, checked over the whole command tree so that commands added
// later are held to them too: help with a description and examples, groups that list,
// required values that say so, and one shape of JSON.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Command } from 'commander';
import { BIN, SHARED, sandbox, type Sandbox } from '../helpers/cli.js';
import { expectOneLineError, ok } from '../helpers/expect.js';
import { buildProgram } from '../../src/program.js';
import { EMPTY_MEANS_NONE, applyConventions, listingOf, walk } from '../../src/cli-conventions.js';
import { loadCatalog } from '../../src/i18n/index.js';

const program = buildProgram(async () => {});
const commands: { path: string[]; cmd: Command }[] = [];
walk(program, (cmd, path) => {
  if (!(cmd as unknown as { _hidden?: boolean })._hidden) commands.push({ path, cmd });
});
// A group with an action of its own (`vetted history`, with `history prune` under it) is its own listing.
const ownAction = (c: Command) => !!(c as unknown as { _actionHandler: unknown })._actionHandler;
const groups = commands.filter((c) => c.path.length && c.cmd.commands.length && !ownAction(c.cmd));
const ndjsonListings = commands.filter((c) => c.cmd.options.some((o) => o.long === '--ndjson'));

let s: Sandbox;
beforeAll(() => {
  s = sandbox();
  ok(s.run(['import', join(SHARED, 'scenarios', 'seeds.yaml')]));
});
afterAll(() => s.cleanup());

describe('every command', () => {
  it.each(commands.map((c) => [c.path.join(' ') || '(vetted)', c] as const))('%s has a description and examples of itself in --help', (_name, { path, cmd }) => {
    expect(cmd.description().length, 'a description').toBeGreaterThan(10);
    const r = ok(s.run([...path, '--help']));
    expect(r.stdout.startsWith('Examples:'), r.stdout).toBe(true);
    const examples = r.stdout.split(/\n\s*\n/)[0];
    expect(examples).toContain(`$ vetted${path.length ? ` ${path.join(' ')}` : ''}`);
    expect(r.stdout).toContain(cmd.description().slice(0, 40));
  });

  it('marks every required option as required in help', () => {
    for (const { path, cmd } of commands) {
      for (const o of cmd.options.filter((x) => x.mandatory)) {
        const help = ok(s.run([...path, '--help'])).stdout;
        expect(help, `${path.join(' ')} ${o.long}`).toMatch(new RegExp(`${o.long}[^\\n]*\\(required\\)`));
      }
    }
  });
});

describe('a group without a subcommand runs its listing', () => {
  it.each(groups.map((g) => [g.path.join(' '), g] as const))('vetted %s', (_name, { path, cmd }) => {
    const listing = listingOf(cmd);
    expect(listing, 'every group has a list or show').toBeDefined();
    const bare = ok(s.run(path));
    expect(bare.stdout).toBe(ok(s.run([...path, listing!.name()])).stdout);
    expect(bare.stdout).not.toMatch(/^Usage:/m);
  });

  it('an unknown subcommand of a group is named as such: exit 2', () => {
    const r = s.run(['company', 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'.*list, show, alias/);
  });
});

describe('pin without --reason', () => {
  it('help and the error agree that --reason is required', () => {
    expect(ok(s.run(['pin', '--help'])).stdout).toMatch(/--reason <text>.*\(required\)/);
    const r = s.run(['pin', 'Ozon', 'black']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--reason/);
    expect(r.stderr).toMatch(/required/);
  });

  it('a missing argument is named before a missing required option: what to pin comes first', () => {
    expect(expectOneLineError(s.run(['pin']))).toBe("vetted: missing required argument 'company'; see `vetted pin --help`.");
    expect(expectOneLineError(s.run(['pin', '--reason', 'why']))).toBe("vetted: missing required argument 'company'; see `vetted pin --help`.");
    expect(expectOneLineError(s.run(['pin', 'Ozon']))).toBe("vetted: missing required argument 'list'; see `vetted pin --help`.");
    expect(expectOneLineError(s.run(['--lang', 'ru', 'pin']))).toBe('vetted: не хватает аргумента «компания»; см. `vetted pin --help`.');
    // So for every command with both: `source add` names its file before --name.
    expect(expectOneLineError(s.run(['source', 'add']))).toBe("vetted: missing required argument 'file'; see `vetted source add --help`.");
  });
});

describe('JSON', () => {
  it('there are listings with --ndjson', () => {
    expect(ndjsonListings.map((c) => c.path.join(' ')).sort()).toEqual(expect.arrayContaining(['company list', 'incident list', 'lists', 'due', 'checklists list']));
  });

  // (A listing that needs an argument, `source match <name>`, is held to it where its source is added.)
  const withoutArguments = ndjsonListings.filter((c) => !c.cmd.registeredArguments.some((a) => a.required));
  it.each(withoutArguments.map((c) => [c.path.join(' '), c.path] as const))('%s: --json is one indented document, --ndjson one object a line', (_name, path) => {
    const json = ok(s.run([...path, '--json'])).stdout;
    const doc = JSON.parse(json) as unknown;
    expect(json).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    const lines = ok(s.run([...path, '--ndjson'])).stdout.split('\n').filter(Boolean);
    for (const l of lines) expect(typeof JSON.parse(l)).toBe('object');
    const items = Array.isArray(doc) ? doc : Object.values(doc as Record<string, unknown[]>).flat();
    expect(lines).toHaveLength(items.length);
    // The seeds give most listings something to show; those they leave empty (attachments, sources) say so as [].
    if (!['attachment list', 'source list'].includes(path.join(' '))) expect(lines.length).toBeGreaterThan(0);
  });

  it('lists --ndjson names the list of each company', () => {
    const rows = ok(s.run(['lists', '--ndjson'])).stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { list: string; company: string });
    expect(rows.find((r) => r.company === 'Volgatelecom')?.list).toBe('black');
    expect(rows.find((r) => r.company === 'Zappos')?.list).toBe('white');
  });

  it.each([['company', 'show', 'Volgatelecom'], ['why', 'Volgatelecom'], ['incident', 'show', 'volga-2012-07'], ['policy', 'show'], ['paths']])('%s %s --json is indented the same way', (...args) => {
    const out = ok(s.run([...args, '--json'])).stdout;
    expect(out).toBe(`${JSON.stringify(JSON.parse(out), null, 2)}\n`);
  });
});

describe('output in a pipe', () => {
  it('is not wrapped: a long reason stays on its line', () => {
    const out = ok(s.run(['lists', 'black'])).stdout;
    expect(out).toMatch(/Volgatelecom .*B2 broke 4 promises.*switch in the building without power\)/);
    expect(out).not.toContain('pinned by you: pinned');
  });

  it('lists white shows a pin once, as "pinned by you"', () => {
    const line = ok(s.run(['lists', 'white'])).stdout.split('\n').find((l) => l.includes('Zappos'))!;
    expect(line).toMatch(/since \S+ {2}pinned by you: people call them/);
    expect(line).not.toMatch(/\bpin pinned\b/);
  });
});

describe('the tree built for one command', () => {
  // What a command line sees of its command must not depend on building the rest.
  const shape = (cmd: Command): unknown => ({
    name: cmd.name(),
    description: cmd.description(),
    usage: cmd.usage(),
    options: cmd.options.map((o) => [o.flags, o.description, o.mandatory, o.defaultValue, o.argChoices]),
    help: cmd.helpInformation(),
    commands: cmd.commands.map(shape),
  });

  it('is, for every top-level command, that command exactly as in the whole tree; the others are there by name', () => {
    const names = program.commands.map((c) => c.name());
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) {
      const one = buildProgram(async () => {}, name);
      expect(one.commands.map((c) => c.name())).toEqual(names);
      expect(shape(one.commands.find((c) => c.name() === name)!)).toEqual(shape(program.commands.find((c) => c.name() === name)!));
    }
  });

  it('names the command a command line asks for, past the global options; none for help or no command', async () => {
    const { commandNamed } = await import('../../src/program.js');
    expect(commandNamed(['--db', 'x.db', '--lang', 'ru', 'lists', '--json'])).toBe('lists');
    expect(commandNamed(['--no-color', 'incident', 'add', 'Ozon'])).toBe('incident');
    expect(commandNamed(['help', 'due'])).toBeUndefined();
    expect(commandNamed(['--help'])).toBeUndefined();
    expect(commandNamed([])).toBeUndefined();
    expect(commandNamed(['lsts'])).toBe('lsts');
  });
});

describe('an option given twice', () => {
  /** A small tree with the conventions applied, parsed in this process: the error commander throws, or the options. */
  const parse = (args: string[]): { error?: string; opts?: Record<string, unknown>; globals?: Record<string, unknown> } => {
    const root = new Command('vetted').exitOverride().configureOutput({ writeErr: () => {}, outputError: () => {} }).option('--db <path>').option('--no-color');
    const add = root
      .command('add <company>')
      .option('-t, --title <text>')
      .option('--robot')
      .option('--no-robot')
      .option('--json')
      .option('--tag <tag>', '', (v: string, previous: string[] = []) => [...previous, v])
      .option('--files <files...>')
      .action(() => {});
    applyConventions(root);
    try {
      root.parse(args, { from: 'user' });
    } catch (e) {
      return { error: (e as Error).message };
    }
    return { opts: add.opts(), globals: root.opts() };
  };

  it('with two values, is refused in every form it takes: --flag value, --flag=value, a short alias, joined to it', () => {
    for (const args of [
      ['add', 'Acme', '--title', 'A', '--title', 'B'],
      ['add', 'Acme', '--title=A', '--title', 'B'],
      ['add', 'Acme', '-t', 'A', '--title=B'],
      ['add', 'Acme', '-tA', '-t', 'B'],
      ['add', '--title', 'A', 'Acme', '-t', 'B'],
    ]) {
      expect(parse(args).error, args.join(' ')).toBe('--title is given twice ("A", then "B"); give it once');
    }
  });

  it('a global option too, before or after the command', () => {
    expect(parse(['--db', 'a.db', 'add', 'Acme', '--db=b.db']).error).toBe('--db is given twice ("a.db", then "b.db"); give it once');
  });

  it('a flag and its negation contradict each other; a flag twice, or a value twice, loses nothing and is taken', () => {
    expect(parse(['add', 'Acme', '--no-robot', '--robot']).error).toBe('--no-robot and --robot contradict each other; give one');
    expect(parse(['add', 'Acme', '--json', '--json', '--robot', '--robot', '-t', 'A', '--title', 'A']).opts).toMatchObject({ json: true, robot: true, title: 'A' });
    expect(parse(['--no-color', 'add', 'Acme', '--no-color']).globals).toMatchObject({ color: false });
  });

  it('an option that collects, by a function or as variadic, takes every value', () => {
    expect(parse(['add', 'Acme', '--tag', 'a', '--tag=b', '--files', 'x', 'y', '--files', 'z']).opts).toMatchObject({ tag: ['a', 'b'], files: ['x', 'y', 'z'] });
  });
});

describe('--out -', () => {
  // Each command with --out, by its path, and the lines that give it `-` (every form of output it has).
  const lines: Record<string, (incident: string, attachment: string) => string[][]> = {
    due: () => [['due'], ['due', '--json'], ['due', '--ndjson'], ['due', '--format', 'ics']],
    letter: (id) => [['letter', id, '--from', 'I. Ivanov'], ['letter', id, '--from', 'I. Ivanov', '--sent']],
    export: () => [['export'], ['export', '--format', 'json'], ['export', '--format', 'csv']],
    backup: () => [['backup']],
    'attachment save': (_id, attachment) => [['attachment', 'save', attachment]],
  };
  const withOut = commands.filter((c) => c.cmd.options.some((o) => o.long === '--out')).map((c) => c.path.join(' '));

  let o: Sandbox;
  let incident: string;
  let attachment: string;
  beforeAll(() => {
    o = sandbox();
    incident = ok(o.run(['incident', 'add', 'OutCo', '--title', 'no service', '--fault', 'company'])).stdout.trim();
    ok(o.run(['incident', 'event', incident, 'promise', '--text', 'a fix', '--due', '2099-01-01']));
    writeFileSync(join(o.dir, 'receipt.txt'), 'paid 300\n');
    attachment = ok(o.run(['incident', 'attach', incident, 'receipt.txt'])).stdout.trim();
  });
  afterAll(() => o.cleanup());

  it('every command with --out is held to it here', () => {
    expect(withOut.sort()).toEqual(Object.keys(lines).sort());
  });

  it.each(withOut.map((p) => [p] as const))('%s --out says in its help that - is standard output, in the words of every other', (path) => {
    const optionLine = (help: string) => help.split(/\n(?=  -)/).find((l) => l.trimStart().startsWith('--out'))!.replace(/\s+/g, ' ');
    expect(optionLine(ok(o.run([...path.split(' '), '--help'])).stdout)).toContain(', or - for stdout');
    expect(optionLine(ok(o.run(['--lang', 'ru', ...path.split(' '), '--help'])).stdout)).toContain(', или - для стандартного вывода');
  });

  it.each(withOut.map((p) => [p] as const))('%s --out - writes to standard output, and makes no file named -', (path) => {
    for (const line of lines[path](incident, attachment)) {
      // (One made by a command before is no fault of this one.)
      rmSync(join(o.dir, '-'), { force: true });
      const r = ok(o.run([...line, '--out', '-']));
      expect(r.stdout.length, line.join(' ')).toBeGreaterThan(0);
      expect(existsSync(join(o.dir, '-')), `${line.join(' ')} made a file named -`).toBe(false);
      expect(r.stderr, line.join(' ')).not.toMatch(/wrote (?:.* to )?-$/m);
    }
  });

  it('standard output sent into the database is refused by every command, whatever names it, and the database is left as it was', () => {
    const sum = () => createHash('sha256').update(readFileSync(o.db)).digest('hex');
    const before = sum();
    const intoDb = (args: string[]) => {
      const fd = openSync(o.db, 'a');
      try {
        return spawnSync(process.execPath, [BIN, ...args], { env: o.env, cwd: o.dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      } finally {
        closeSync(fd);
      }
    };
    const tried = [
      ...withOut.flatMap((path) => lines[path](incident, attachment).flatMap((line) => [[...line, '--out', '-'], [...line, '--out', '/dev/stdout']])),
      ...ndjsonListings.filter((c) => c.cmd.registeredArguments.every((a) => !a.required)).map((c) => c.path),
      ['due'],
      ['export'],
      ['letter', incident, '--from', 'I. Ivanov'],
    ];
    for (const line of tried) {
      const r = intoDb(line);
      expect([r.status, r.stderr], line.join(' ')).toEqual([2, 'vetted: standard output is sent to the database or one of its own files, so the command did not run: it would have written its output into that file; send the output elsewhere.\n']);
    }
    expect(sum()).toBe(before);
  });

  it('letter --sent --out - records the letter as sent, as it printed it', () => {
    // An incident of its own: what the lines above sent is no part of this.
    const own = ok(o.run(['incident', 'add', 'SentCo', '--title', 'no service', '--fault', 'company'])).stdout.trim();
    const printed = ok(o.run(['letter', own, '--from', 'I. Ivanov', '--sent', '--out', '-'])).stdout;
    expect(printed).toContain('SentCo');
    const show = ok(o.run(['incident', 'show', own])).stdout;
    const name = /complaint-\d{4}-\d{2}-\d{2}\.md/.exec(show)?.[0];
    expect(name, show).toBeDefined();
    const [kept] = JSON.parse(ok(o.run(['attachment', 'list', '--incident', own, '--json'])).stdout) as { id: number }[];
    expect(ok(o.run(['attachment', 'save', String(kept.id), '--out', '-'])).stdout).toBe(printed);
  });
});

describe('an option given an empty value', () => {
  // Where an empty value means something (it takes a field away, or gives an event no note): the code's own list.
  const valued = commands.flatMap(({ path, cmd }) =>
    cmd.options.filter((o) => o.required || o.optional).map((o) => ({ path, flag: o.long!, choices: !!o.argChoices, allowed: EMPTY_MEANS_NONE.has(`${path.join(' ')} ${o.long}`) })),
  );
  /** A line of the command at `path` that lacks nothing but `flag`: its arguments and its other required options given, and a command after the global options. */
  const lineWith = (path: string[], flag: string, value: string): string[] => {
    const cmd = commands.find((c) => c.path.join(' ') === path.join(' '))!.cmd;
    const args = cmd.registeredArguments.filter((a) => a.required).map(() => 'x');
    const others = cmd.options.filter((o) => o.mandatory && o.long !== flag).flatMap((o) => [o.long!, 'x']);
    return [...path, ...args, ...others, `${flag}=${value}`, ...(path.length ? [] : ['lists'])];
  };

  /** The code of the error parsing the line in this process gives, or 'ran' where it reached the command. */
  const outcome = async (line: string[]): Promise<string> => {
    const program = buildProgram(async () => {}, line.find((w) => !w.startsWith('-')));
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(line, { from: 'user' });
      return 'ran';
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    } finally {
      quiet.mockRestore();
    }
  };

  it('the options let be are options of their commands, each named with its command: an event\'s note, not a check\'s nor an attachment\'s', () => {
    expect(valued.filter((v) => v.allowed).map((v) => `${v.path.join(' ')} ${v.flag}`).sort()).toEqual([...EMPTY_MEANS_NONE].sort());
    for (const refused of ['check --note', 'incident attach --note']) expect(valued.find((v) => `${v.path.join(' ')} ${v.flag}` === refused)?.allowed, refused).toBe(false);
  });

  it('each refusal says what the option needs, in either language', async () => {
    for (const lang of ['en', 'ru'] as const) {
      const words = (await loadCatalog(lang)).help.valueWords;
      for (const { path, flag } of valued.filter((v) => !v.choices)) {
        const o = commands.find((c) => c.path === path)!.cmd.options.find((x) => x.long === flag)!;
        expect(words[flag] ?? words[/<([^>]+)>/.exec(o.flags)![1]], `${lang}: ${path.join(' ')} ${o.flags}`).toBeDefined();
      }
    }
  });

  it.each(valued.filter((v) => !v.allowed).map((v) => [`${v.path.join(' ') || '(vetted)'} ${v.flag}`, v] as const))('%s "" and "  " are refused as they are parsed', async (_name, { path, flag, choices }) => {
    for (const value of ['', '  ']) {
      expect(await outcome(lineWith(path, flag, value)), `${flag}=${JSON.stringify(value)}`).toBe(choices ? 'commander.invalidArgument' : 'commander.emptyValue');
    }
  });

  it.each(valued.filter((v) => v.allowed).map((v) => [`${v.path.join(' ')} ${v.flag}`, v] as const))('%s "" is taken: it means none', async (_name, { path, flag }) => {
    expect(await outcome(lineWith(path, flag, ''))).toBe('ran');
  });

  it('--help among the words is help, an empty value beside it or not', () => {
    const help = ok(s.run(['incident', 'list', '--company', '', '--help']));
    expect(help.stdout).toMatch(/^Examples:/);
  });

  it('a filter given nothing (--company "$C", C unset) is refused, not read as no filter: exit 2, one sentence, in the language of the reader', () => {
    for (const [line, said] of [
      [['incident', 'list', '--company', '', '--json'], 'vetted: --company needs a company name, not an empty one; see `vetted incident list --help`.'],
      [['checks', 'list', '--company', ' '], 'vetted: --company needs a company name, not an empty one; see `vetted checks list --help`.'],
      [['attachment', 'list', '--incident', ''], 'vetted: --incident needs an id, not an empty one; see `vetted attachment list --help`.'],
      [['history', '--company', '', '--json'], 'vetted: --company needs a company name, not an empty one; see `vetted history --help`.'],
      [['due', '--out', ''], 'vetted: --out needs a file path (or - for standard output), not an empty one; see `vetted due --help`.'],
      [['--lang', 'ru', 'incident', 'list', '--company', ''], 'vetted: для --company нужно указать название компании, а не пустое значение; см. `vetted incident list --help`.'],
      [['--lang', '', 'lists'], 'vetted: --lang needs a language (en or ru), not an empty one; see `vetted --help`.'],
      [['incident', 'add', 'Acme', '--fault', ''], 'vetted: --fault needs the one at fault (company, third-party, customer or unknown), not an empty one; see `vetted incident add --help`.'],
      [['--lang', 'ru', 'incident', 'add', 'Acme', '--fault', ''], 'vetted: для --fault нужно указать виновника (company, third-party, customer или unknown), а не пустое значение; см. `vetted incident add --help`.'],
      [['letter', 'acme-1', '--kind', ''], 'vetted: --kind needs a kind (complaint, escalation, claim or regulator), not an empty one; see `vetted letter --help`.'],
      [['letter', 'acme-1', '--jurisdiction', ' '], 'vetted: --jurisdiction needs a jurisdiction (ru, uk, eu, us or none), not an empty one; see `vetted letter --help`.'],
      [['--db', '', 'lists'], 'vetted: --db needs a file path (or leave --db out to use the default database), not an empty one; see `vetted --help`.'],
      [['pin', 'Acme', 'black', '--reason', ' '], 'vetted: --reason needs a few words of why (shown as "pinned by you: …" wherever the company appears), not an empty one; see `vetted pin --help`.'],
      [['check', 'Acme', '--note', ''], 'vetted: --note needs a question and a note, such as who-helps="the chat bot only", not an empty one; see `vetted check --help`.'],
    ] as const) {
      expect(expectOneLineError(s.run([...line])), line.join(' ')).toBe(said);
    }
  });
});
