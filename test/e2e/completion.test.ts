// Shell completion as a user gets it: the bash script sourced in a real bash and its function
// called with COMP_WORDS set; fish asked with `complete -C`; zsh and fish scripts parsed by
// their shells; and the hidden `__complete` that answers with names and ids, never writing.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, SHARED, sandbox, type Sandbox } from '../helpers/cli.js';
import { BUILT_IN_JURISDICTIONS } from '../../src/completion/values.js';
import { ok } from '../helpers/expect.js';
import { buildProgram } from '../../src/program.js';
import { walk } from '../../src/cli-conventions.js';

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

let s: Sandbox;
let bin: string;
let scripts: Record<'bash' | 'zsh' | 'fish', string>;

beforeAll(() => {
  s = sandbox();
  ok(s.run(['import', join(SHARED, 'scenarios', 'seeds.yaml')]));
  ok(s.run(['company', 'alias', 'Cool Air Installations', 'Кул Эйр']));
  // A source to complete by its name (a shared list of one company).
  const shared = join(s.dir, 'anna.json');
  writeFileSync(shared, '{"format": "vetted/1", "lists": [{"company": "Volgatelecom", "list": "black"}]}');
  ok(s.run(['source', 'add', shared, '--name', 'Anna']));
  // `vetted` on the PATH, as `npm link` puts it there.
  bin = join(s.dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'vetted'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  chmodSync(join(bin, 'vetted'), 0o755);
  scripts = { bash: '', zsh: '', fish: '' };
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    const r = ok(s.run(['completion', shell]));
    expect(r.stderr).toBe('');
    scripts[shell] = join(s.dir, `vetted.${shell}`);
    writeFileSync(scripts[shell], r.stdout);
  }
});
afterAll(() => s.cleanup());

// The shells keep their own files (fish its history and variables) in the sandbox, not in the user's home.
const env = () => ({ ...s.env, PATH: `${bin}:${process.env.PATH}`, HOME: s.dir, XDG_CONFIG_HOME: join(s.dir, 'xdg-config'), XDG_DATA_HOME: join(s.dir, 'xdg-data') });

/** What bash offers for a command line whose last word is being completed. */
function bashComplete(...words: string[]): string[] {
  return bashCompleteWith({}, ...words);
}

/** The same, with more of the environment (a locale, say). */
function bashCompleteWith(more: NodeJS.ProcessEnv, ...words: string[]): string[] {
  const script = `
source ${JSON.stringify(scripts.bash)}
COMP_WORDS=("$@")
COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
_vetted vetted "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "\${COMPREPLY[@]}"
`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script, 'bash', 'vetted', ...words], { env: { ...env(), ...more }, encoding: 'utf8', cwd: s.dir });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '');
}

/** A candidate bash inserts unquoted, as the word the shell then reads: its backslashes taken off. */
const unescaped = (c: string) => c.replace(/\\(.)/gu, '$1');

describe('bash', () => {
  it('completes --jurisdiction with every jurisdiction that comes with vetted', () => {
    expect(readdirSync(join(ROOT, 'jurisdictions')).map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual([...BUILT_IN_JURISDICTIONS]);
  });

  it('completes file names where a file is given: the files attached to an incident, a letter\'s template', () => {
    writeFileSync(join(s.dir, 'ed-receipt.pdf'), 'x');
    expect(bashComplete('incident', 'attach', 'volga-2012-07', 'ed-')).toEqual(['ed-receipt.pdf']);
    expect(bashComplete('incident', 'attach', 'volga-2012-07', 'ed-receipt.pdf', 'ed-')).toEqual(['ed-receipt.pdf']);
    expect(bashComplete('letter', 'volga-2012-07', '--template', 'ed-')).toEqual(['ed-receipt.pdf']);
  });

  it('puts no blank after an incident id and its #, where the number of an event follows', () => {
    const options = (...words: string[]) => {
      const script = `
source ${JSON.stringify(scripts.bash)}
compopt() { printf 'compopt %s\\n' "$*"; }
COMP_WORDS=("$@")
COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
_vetted vetted "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
`;
      const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script, 'bash', 'vetted', ...words], { env: env(), encoding: 'utf8', cwd: s.dir });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    expect(options('event', 'edit', 'volga-2012')).toContain('compopt -o nospace');
    expect(options('event', 'edit', 'volga-2012-07#1')).not.toContain('nospace');
    expect(options('incident', 'event', 'volga')).not.toContain('nospace');
  });

  it.each([
    [['inc'], ['incident']],
    [['incident', ''], ['add', 'event', 'list', 'show', 'close', 'attach', 'edit', 'remove', 'reopen']],
    [['event', 'edit', 'volga-2012'], ['volga-2012-07#']],
    [['event', 'edit', 'volga-2012-07#1'], ['volga-2012-07#1', 'volga-2012-07#10']],
    // Whatever the case of its letters, as the id is looked up, after the # too.
    [['event', 'edit', 'VOLGA-2012-07#1'], ['volga-2012-07#1', 'volga-2012-07#10']],
    [['checks', 'show', 'ama'], ['amazon-check-1']],
    [['company', 'merge', 'Vol'], ['Volgatelecom']],
    [['incident', 'event', 'volga'], ['volga-2012-07']],
    [['incident', 'event', 'volga-2012-07', 'pro'], ['promise']],
    [['incident', 'event', 'volga-2012-07', 'promise', '--lev'], ['--level']],
    [['incident', 'event', 'volga-2012-07', 'escalation', '--level', 'su'], ['supervisor']],
    [['incident', 'event', 'volga-2012-07', 'escalation', '--level', '=', 'qu'], ['quality']],
    [['incident', 'event', 'x', 'contact', '--channel', 'p'], ['phone']],
    [['letter', 'x', '--sent', '--channel', ''], ['letter', 'email']],
    [['letter', 'x', '--jurisdiction', ''], ['eu', 'none', 'ru', 'uk', 'us']],
    [['attachment', 'list', '--incident', 'volga'], ['volga-2012-07']],
    [['incident', 'event', 'x', 'compensation', '--kind', 'r'], ['refund', 'replacement', 'repair']],
    [['incident', 'event', 'x', 'compensation', '--effort', 'p'], ['paperwork']],
    [['incident', 'add', 'X', '--fault', 'th'], ['third-party']],
    [['incident', 'close', 'volga-2012-07', '--outcome', 'a'], ['abandoned']],
    [['incident', 'list', '--company', 'Vol'], ['Volgatelecom']],
    [['why', 'Vol'], ['Volgatelecom']],
    [['why', 'vol'], ['Volgatelecom']],
    [['why', 'Вол'], ['Волгателеком']],
    [['why', '"Cool A'], ['Cool Air Installations']],
    [['why', 'Cool\\ A'], ['Cool\\ Air\\ Installations']],
    [['why', 'Кул'], ['Кул\\ Эйр']],
    [['company', 'show', 'A'], ['AKU', 'Amazon']],
    [['pin', 'Ozon', ''], ['black', 'white']],
    [['lists', ''], ['black', 'white', 'watch']],
    [['checklists', 'show', ''], ['general', 'online-order', 'subscription']],
    [['check', 'Amazon', '--checklist', 'on'], ['online-order']],
    [['--lang', ''], ['en', 'ru']],
    [['completion', ''], ['bash', 'zsh', 'fish']],
    [['export', '--format', 'c'], ['csv']],
    [['company', 'edit', 'Volgatelecom', '--parent', 'Ros'], ['Rostelecom']],
    [['lists', '--from', 'an'], ['Anna']],
    [['source', 'show', 'A'], ['Anna']],
    [['source', 'match', 'Anna', 'Vol'], ['Volgatelecom']],
    [['source', 'add', 'x.json', '--name', 'A'], []],
  ])('vetted %j offers %j', (words, expected) => {
    expect(bashComplete(...words).sort()).toEqual([...expected].sort());
  });

  it('keeps what was typed where names match it only in another case, and extends it as far as they agree', () => {
    const db = join(s.dir, 'cases.db');
    const file = join(s.dir, 'cases.yaml');
    writeFileSync(file, 'format: vetted/1\ncompanies:\n  - name: Acme Air\n  - name: ACME Travel\n  - name: Acme Airlines\n  - name: Кулер\n  - name: КУЛОН\n  - name: İstanbul Air\n  - name: Istanbul Bus\n');
    const r = spawnSync(process.execPath, [BIN, '--db', db, 'import', file], { env: env(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    // Each as the shell reads it back (a blank escaped), here as the name it stands for.
    const offered = (typed: string) => bashComplete('--db', db, 'why', typed).map(unescaped).sort();
    // Readline puts the candidates' common beginning in place of the word: "A" for "acm" once.
    expect(offered('acm')).toEqual(['acme Air', 'acme Airlines', 'acme Travel']);
    expect(offered('acme a')).toEqual(['acme air', 'acme airlines']);
    expect(offered('a')).toEqual(['acme Air', 'acme Airlines', 'acme Travel']);
    // Every name that matches whatever its case is offered, as typed, as far as they agree: "Ac"
    // offers ACME Travel beside Acme Air (none is hidden by one that matches as typed).
    expect(offered('ACM')).toEqual(['ACMe Air', 'ACMe Airlines', 'ACMe Travel']);
    expect(offered('Acm')).toEqual(['Acme Air', 'Acme Airlines', 'Acme Travel']);
    expect(offered('Ac')).toEqual(['Acme Air', 'Acme Airlines', 'Acme Travel']);
    // One name is given whole, as the database spells it.
    expect(offered('acme t')).toEqual(['ACME Travel']);
    expect(offered('кул')).toEqual(['кулОН', 'кулер']);
    for (const typed of ['acm', 'acme a', 'a', 'кул']) for (const c of offered(typed)) expect(c.startsWith(typed), `${typed} → ${c}`).toBe(true);
    // The same in the C locale, where bash itself knows no case of Cyrillic letters.
    expect(bashCompleteWith({ LC_ALL: 'C' }, '--db', db, 'why', 'кул').map(unescaped).sort()).toEqual(['кулОН', 'кулер']);
    // Where a name so spelt would be another name (İ is not I with its case changed), all stay as spelt.
    expect(offered('i')).toEqual(['Istanbul Bus', 'İstanbul Air']);
    // zsh, which puts their common beginning in place of the word as bash does, is given them so too;
    // fish, which matches whatever the case itself, every one as spelt.
    const asked = (shell: string, typed: string) =>
      spawnSync(process.execPath, [BIN, '__complete', 'company', typed, shell], { env: { ...env(), VETTED_DB: db }, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
    expect(asked('zsh', 'Ac')).toEqual(['Acme Air', 'Acme Airlines', 'Acme Travel']);
    expect(asked('fish', 'Ac')).toEqual(['ACME Travel', 'Acme Air', 'Acme Airlines']);
    expect(asked('fish', 'acm')).toEqual(['ACME Travel', 'Acme Air', 'Acme Airlines']);
    // A blank typed at the end: the names that begin so, whatever their case, and none that only begins as its key does.
    ok(s.run(['--db', db, 'incident', 'add', 'Acmeville', '--title', 'x']));
    expect(asked('bash', 'Acme ')).toEqual(['Acme Air', 'Acme Airlines', 'Acme Travel']);
    expect(asked('bash', 'ACME ')).toEqual(['ACME Air', 'ACME Airlines', 'ACME Travel']);
  });

  it("inserts a name as the shell reads it back: never as code, nor as a pattern, whoever's file it came from", () => {
    const db = join(s.dir, 'hostile.db');
    const names = ['Qq`whoami`', 'Zz$USER', 'Star*', "It's here", 'Back\\slash', 'Quote"d', 'Bang!x', "Zq'", 'Qp "dq"'];
    for (const name of names) {
      const r = spawnSync(process.execPath, [BIN, '--db', db, 'pin', name, 'black', '--reason', 'x'], { env: env(), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
    // A file whose name the unquoted pattern Star* would have matched, beside the database.
    writeFileSync(join(s.dir, 'Starfish.txt'), '');
    /** What bash makes of each candidate, inserted after the word as begun (and a quote closed
     * after it, as readline closes it: unless the candidate ends with that quote), read as an
     * interactive shell reads a line typed (history expansion and all). */
    const readBack = (begun: string, close: string) => {
      const words = bashComplete('--db', db, 'why', begun);
      const line = words.map((w) => `${begun.slice(0, 1) === '"' || begun.slice(0, 1) === "'" ? begun.slice(0, 1) : ''}${w}${close && !w.endsWith(close) ? close : ''}`).join(' ');
      const r = spawnSync('bash', ['--norc', '--noprofile', '-i'], { env: env(), encoding: 'utf8', cwd: s.dir, input: `printf '%s\\0' ${line}\n` });
      return r.stdout.split('\0').slice(0, -1).sort();
    };
    const first = (x: string) => [...new Set(names.filter((n) => n.startsWith(x)))].sort();
    for (const start of ['Q', 'Z', 'S', 'I', 'Ba', 'Bac']) expect(readBack(start, ''), start).toEqual(first(start));
    for (const start of ['Q', 'Z', 'S', 'I', 'Ba', 'Bac']) expect(readBack(`'${start}`, "'"), `'${start}`).toEqual(first(start));
    for (const start of ['Q', 'Z', 'S', 'I', 'Ba', 'Bac']) expect(readBack(`"${start}`, '"'), `"${start}`).toEqual(first(start));
    expect(readBack('', '')).toEqual([...names].sort());
  });

  it('reads names from the database given with --db', () => {
    const other = join(s.dir, 'other.db');
    const r = spawnSync(process.execPath, [BIN, '--db', other, 'pin', 'Only Here', 'black', '--reason', 'x'], { env: env(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(bashComplete('--db', other, 'why', 'Only')).toEqual(['Only\\ Here']);
    expect(bashComplete('why', 'Only')).toEqual([]);
  });

  it('reads the --db given quoted as the shell reads it: in \'…\', "…" or $\'…\', a blank escaped, after an =', () => {
    // A folder with a blank, a quote and a backslash in its name.
    const dir = join(s.dir, "my dbs 'q' a\\b");
    mkdirSync(dir);
    const db = join(dir, 'x.db');
    const r = spawnSync(process.execPath, [BIN, '--db', db, 'pin', 'Quoted Co', 'black', '--reason', 'x'], { env: env(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const single = `'${db.replace(/'/g, `'\\''`)}'`;
    const double = `"${db.replace(/["$`\\]/g, '\\$&')}"`;
    const escaped = db.replace(/[^\w/.-]/g, '\\$&');
    const ansi = `$'${db.replace(/[\\']/g, '\\$&').replace(/ /g, '\\x20')}'`;
    // Inside "…" a backslash before a letter is itself: the folder's a\b typed as it is.
    const doubleAsTyped = `"${db.replace(/["$`]/g, '\\$&')}"`;
    for (const word of [single, double, escaped, ansi, doubleAsTyped]) {
      expect(bashComplete('--db', word, 'why', 'Quo'), word).toEqual(['Quoted\\ Co']);
      expect(bashComplete('--db', '=', word, 'why', 'Quo'), `--db=${word}`).toEqual(['Quoted\\ Co']);
    }
    // And as bash itself reads each word.
    const script = `source ${JSON.stringify(scripts.bash)}; for w; do __vetted_dequote "$w"; printf '\\0'; done`;
    const words = [single, double, escaped, ansi, doubleAsTyped, `"a\\b\\$c\\"d\\\\e\\\`f"`, `a"b c"d'e f'$'\\t\\x41\\101\\''`, `$"x y"`];
    const dequoted = spawnSync('bash', ['--norc', '--noprofile', '-c', script, 'bash', ...words], { encoding: 'utf8' }).stdout.split('\0').slice(0, -1);
    const read = spawnSync('bash', ['--norc', '--noprofile', '-c', `printf '%s\\0' ${words.join(' ')}`], { encoding: 'utf8' }).stdout.split('\0').slice(0, -1);
    expect(read.slice(0, 5)).toEqual([db, db, db, db, db]);
    expect(dequoted).toEqual(read);
  });

  it('never runs what a --db or the word typed holds: a $(…), a `…` or a ; in them stays text', () => {
    const marks = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((m) => join(s.dir, m));
    for (const [db, typed] of [
      [`"$(touch ${marks[0]})"`, 'Vol'],
      [`\`touch ${marks[1]}\``, 'Vol'],
      [`x\\;touch\\ ${marks[2]}`, 'Vol'],
      [`$(touch ${marks[3]})`, 'Vol'],
      [`'x';touch ${marks[4]}`, 'Vol'],
    ]) expect(bashComplete('--db', db, 'why', typed), db).toEqual([]);
    expect(bashComplete('why', `"$(touch ${marks[5]})`)).toEqual([]);
    for (const m of marks) expect(existsSync(m), m).toBe(false);
  });

  it('offers every command and subcommand of the tree, those added later too', () => {
    const program = buildProgram(async () => {});
    const seen: string[][] = [];
    walk(program, (c, path) => {
      if (!path.length || (c as unknown as { _hidden?: boolean })._hidden) return;
      seen.push(path);
      expect(bashComplete(...path.slice(0, -1), ''), path.join(' ')).toContain(path[path.length - 1]);
    });
    expect(seen.length).toBeGreaterThan(20);
  });

  it('offers the flags of the command, and the global ones', () => {
    const flags = bashComplete('incident', 'list', '--');
    for (const f of ['--company', '--open', '--json', '--ndjson', '--db', '--lang', '--help']) expect(flags).toContain(f);
    expect(flags).not.toContain('--level');
  });
});

describe('fish', () => {
  it.skipIf(!has('fish'))('parses the script, and completes names, ids and values (skipped only where fish is not installed: apt-get install fish)', () => {
    const run = (line: string) => {
      const r = spawnSync('fish', ['--no-config', '-c', `source ${JSON.stringify(scripts.fish)}; complete -C ${JSON.stringify(line)}`], { env: env(), encoding: 'utf8', cwd: s.dir });
      expect(r.stderr).toBe('');
      return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
    };
    expect(spawnSync('fish', ['--no-config', '-n', scripts.fish]).status).toBe(0);
    expect(run('vetted why Vol')).toEqual(['Volgatelecom']);
    expect(run('vetted why Cool')).toEqual(['Cool Air Installations']);
    // A word typed with its quote, or with a space escaped: completed as its text.
    expect(run('vetted why "Cool')).toEqual(['Cool Air Installations']);
    expect(run("vetted why 'Cool A")).toEqual(['Cool Air Installations']);
    expect(run('vetted why Cool\\ A')).toEqual(['Cool Air Installations']);
    expect(run('vetted incident close volga')).toEqual(['volga-2012-07']);
    expect(run('vetted letter volga')).toEqual(['volga-2012-07']);
    expect(run('vetted event list volga')).toEqual(['volga-2012-07']);
    expect(run('vetted incident event volga-2012-07 escalation --level su')).toEqual(['supervisor']);
    expect(run('vetted incident ')).toEqual(expect.arrayContaining(['add', 'event', 'list', 'show', 'close']));
    // A --db typed quoted, or with its blank escaped: read as the path it names.
    const db = join(s.dir, 'fish dbs', 'f.db');
    mkdirSync(join(s.dir, 'fish dbs'));
    ok(s.run(['--db', db, 'pin', 'Fish Only', 'black', '--reason', 'x']));
    for (const word of [`'${db}'`, `"${db}"`, db.replace(/ /g, '\\ ')]) expect(run(`vetted why --db ${word} Fis`), word).toEqual(['Fish Only']);
  });
});

describe('zsh', () => {
  it.skipIf(!has('zsh'))('parses the script (skipped only where zsh is not installed: apt-get install zsh)', () => {
    const r = spawnSync('zsh', ['-n', scripts.zsh], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(scripts.zsh, 'utf8')).toMatch(/^#compdef vetted/);
  });
});

describe('vetted completion', () => {
  it('of an unknown shell: exit 2, naming the shells', () => {
    const r = s.run(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bash, zsh, fish/);
  });
});

describe('vetted __complete', () => {
  const complete = (args: string[], envOver: NodeJS.ProcessEnv = {}) => {
    const r = spawnSync(process.execPath, [BIN, '__complete', ...args], { env: { ...s.env, ...envOver }, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('answers names (and other names) by their key, one a line', () => {
    expect(complete(['company', 'vol']).out).toBe('Volgatelecom\n');
    expect(complete(['company', 'ВОЛГ']).out).toBe('Волгателеком\n');
    expect(complete(['incident', 'VOLGA']).out).toBe('volga-2012-07\n');
    expect(complete(['company', 'zzz'])).toEqual({ code: 0, out: '', err: '' });
  });

  it('offers one candidate a company, matched as typed first: a name that differs only in case never shortens what was typed', () => {
    const db = join(s.dir, 'names.db');
    for (const args of [
      ['incident', 'add', 'Wells Fargo', '--title', 'a payment lost'],
      ['company', 'alias', 'Wells Fargo', 'WELLS FARGO & COMPANY'],
      ['company', 'alias', 'Wells Fargo', 'Norwest'],
      ['incident', 'add', 'WELCOME Shop', '--title', 'a parcel lost'],
    ]) ok(s.run(['--db', db, ...args]));
    const names = (prefix: string) => complete(['company', prefix], { VETTED_DB: db }).out.split('\n').filter(Boolean);
    // The other name that begins the same way is left out: its company is offered by its name.
    expect(names('wells')).toEqual(['Wells Fargo']);
    expect(names('WELLS')).toEqual(['Wells Fargo']);
    // As typed first: "Wel" offers only what begins with "Wel", so the shell keeps "Wel".
    expect(names('Wel')).toEqual(['Wells Fargo']);
    expect(names('WEL')).toEqual(['WELCOME Shop']);
    expect(names('wel').sort()).toEqual(['WELCOME Shop', 'Wells Fargo']);
    // An other name is offered when it alone matches.
    expect(names('nor')).toEqual(['Norwest']);
  });

  it('never creates a database that is not there', () => {
    const missing = join(s.dir, 'missing.db');
    expect(complete(['company', ''], { VETTED_DB: missing })).toEqual({ code: 0, out: '', err: '' });
    expect(existsSync(missing)).toBe(false);
  });

  it('never writes the database: its bytes and time are as they were', () => {
    const before = readFileSync(s.db);
    const mtime = statSync(s.db).mtimeMs;
    expect(complete(['company', '']).out.split('\n')).toContain('Volgatelecom');
    expect(readFileSync(s.db).equals(before)).toBe(true);
    expect(statSync(s.db).mtimeMs).toBe(mtime);
  });

  it('never writes a database a writer stopped halfway left with its rollback journal: the journal stays for a writer to roll back', () => {
    const db = join(s.dir, 'journal.db');
    ok(s.run(['--db', db, 'incident', 'add', 'Hot Journal', '--title', 'a parcel lost']));
    // Out of WAL mode, then a writer killed halfway through a transaction whose pages spilled into the file.
    const killed = spawnSync(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const d = new D(process.argv[1]); d.pragma('journal_mode = DELETE'); d.pragma('cache_size = 1');
         d.exec('BEGIN; CREATE TABLE filler (x BLOB)'); const put = d.prepare('INSERT INTO filler VALUES (randomblob(4000))');
         for (let i = 0; i < 200; i++) put.run(); process.kill(process.pid, 'SIGKILL');`,
        db,
      ],
      { cwd: ROOT },
    );
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(`${db}-journal`)).toBe(true);
    const before = readFileSync(db);
    const journal = readFileSync(`${db}-journal`);
    complete(['company', ''], { VETTED_DB: db });
    complete(['incident', ''], { VETTED_DB: db });
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(readFileSync(`${db}-journal`).equals(journal)).toBe(true);
  });

  it('gives nothing, and no error, for a file that is not a vetted database or an unknown kind', () => {
    const text = join(s.dir, 'notes.txt');
    writeFileSync(text, 'not a database\n'.repeat(20));
    expect(complete(['company', ''], { VETTED_DB: text })).toEqual({ code: 0, out: '', err: '' });
    expect(readFileSync(text, 'utf8')).toBe('not a database\n'.repeat(20));
    expect(complete(['nonsense', ''])).toEqual({ code: 0, out: '', err: '' });
  });

  it('offers no name with a line break or a control character in it', () => {
    ok(s.run(['pin', 'Evil\u001b[2JCo', 'black', '--reason', 'x']));
    expect(complete(['company', 'evil']).out).toBe('');
  });
});
