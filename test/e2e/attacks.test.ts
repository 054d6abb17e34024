// Attacks on the tool from outside, each done for real: output paths that name the database,
// devices and pipes in place of files, planted links, escape sequences in echoed values,
// files and folders where they do not belong, text that is not text, a forged header, dates
// that cannot be, and YAML read as YAML. Each ends in a sentence and an exit code, and
// nothing that is not ours is touched.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, SHARED, readRecordByRecord, sandbox, type RunResult, type Sandbox } from '../helpers/cli.js';
import { STACK_FRAME, expectOneLineError, ok } from '../helpers/expect.js';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../src/store/schema.js';
import { writeOutputFile } from '../../src/formats/write-file.js';
import { terminalText } from '../../src/ui/safe.js';

const SEEDS = join(SHARED, 'scenarios', 'seeds.yaml');
const ROOT = resolve(import.meta.dirname, '..', '..');
const isRoot = process.getuid?.() === 0;

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => {
  s.cleanup();
});

/** Exit 1 or 2 with one sentence: never "unexpected error … please report it", never a stack. */
function expectSentence(r: RunResult): string {
  expect([1, 2], `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toContain(r.code);
  expect(r.stderr).not.toMatch(STACK_FRAME);
  expect(r.stderr).not.toMatch(/unexpected error|please report/);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^vetted: /);
  return lines[0];
}

const bytes = (f: string) => readFileSync(f);

/** A database with the seeds, its bytes settled (one read after the import). */
function seeded(): Buffer {
  ok(s.run(['import', SEEDS]));
  ok(s.run(['lists']));
  return bytes(s.db);
}

describe('1. an output file never replaces the database or anything of SQLite', () => {
  const spellings: [string, (sb: Sandbox) => string][] = [
    ['its own path', (sb) => sb.db],
    ['a relative path with ..', (sb) => {
      mkdirSync(join(sb.dir, 'sub'));
      return 'sub/../vetted.db';
    }],
    ['a symbolic link to it', (sb) => {
      symlinkSync(sb.db, join(sb.dir, 'link.md'));
      return join(sb.dir, 'link.md');
    }],
    ['a hard link to it', (sb) => {
      linkSync(sb.db, join(sb.dir, 'hard.md'));
      return join(sb.dir, 'hard.md');
    }],
    ['its -wal, not there yet', (sb) => `${sb.db}-wal`],
    ['its -journal', (sb) => `${sb.db}-journal`],
  ];
  for (const [what, spell] of spellings) {
    it(`export --out ${what}: exit 2, the database byte for byte as it was`, () => {
      const before = seeded();
      const out = spell(s);
      expectOneLineError(s.run(['export', '--format', 'md', '--out', out]));
      expect(bytes(s.db).equals(before)).toBe(true);
      // A database of two names is refused as such, until it has one again.
      if (lstatSync(s.db).nlink > 1) rmSync(out);
      ok(s.run(['lists']));
    });
  }

  it('a backup in its backups folder, and another program\'s SQLite file, are refused too', () => {
    seeded();
    const backup = ok(s.run(['backup'])).stdout.trim();
    const kept = bytes(backup);
    expect(expectOneLineError(s.run(['export', '--out', backup]))).toMatch(/backups folder/);
    expect(bytes(backup).equals(kept)).toBe(true);

    const other = join(s.dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (42)');
    db.close();
    const otherBytes = bytes(other);
    expect(expectOneLineError(s.run(['export', '--format', 'json', '--out', other]))).toMatch(/SQLite/);
    expect(bytes(other).equals(otherBytes)).toBe(true);
  });

  it('backup --out the database\'s -wal or -shm: exit 2, nothing created', () => {
    seeded();
    for (const suffix of ['-wal', '-shm']) {
      expectOneLineError(s.run(['backup', '--out', `${s.db}${suffix}`]));
      expect(existsSync(`${s.db}${suffix}`)).toBe(false);
    }
  });

  it('an ordinary file is still written, whole, and nothing is left beside it', () => {
    seeded();
    const out = join(s.dir, 'out', 'lists.md');
    mkdirSync(join(s.dir, 'out'));
    ok(s.run(['export', '--out', out]));
    expect(readFileSync(out, 'utf8')).toMatch(/^# Black and white lists/);
    expect(readdirSync(join(s.dir, 'out'))).toEqual(['lists.md']);
  });
});

describe('2. devices and special files are not taken for ours', () => {
  it.runIf(isRoot)('VETTED_DB on a character device (a copy of /dev/null): exit 2, not chmod-ed, still a device', () => {
    const dev = join(s.dir, 'null');
    expect(spawnSync('mknod', ['-m', '666', dev, 'c', '1', '3']).status).toBe(0);
    expect(expectOneLineError(s.run(['lists'], { env: { VETTED_DB: dev } }))).toMatch(/not a regular file/);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(statSync(dev).mode & 0o777).toBe(0o666);
  });

  it('a database of two names (a hard link) is refused by either: two logs beside them lost the writes of one', () => {
    seeded();
    const other = join(s.dir, 'again.db');
    linkSync(s.db, other);
    const before = bytes(s.db);
    for (const db of [s.db, other]) expect(expectOneLineError(s.run(['incident', 'add', 'Acme', '--title', 'x'], { env: { VETTED_DB: db } }))).toMatch(/one file with 2 names \(hard links\).*cp /);
    expect(bytes(s.db).equals(before)).toBe(true);
    // Given one name of its own, as the message says, it opens again.
    rmSync(other);
    ok(s.run(['incident', 'add', 'Acme', '--title', 'x']));
  });

  it('the private name of a new database whose maker stopped before taking it away is taken away, and the database opens', () => {
    seeded();
    // A process id no process has (above Linux's largest): its maker is gone.
    const left = join(s.dir, '.vetted.db.0123456789abcdef.4999999.tmp');
    linkSync(s.db, left);
    ok(s.run(['incident', 'add', 'Acme', '--title', 'x']));
    expect(existsSync(left)).toBe(false);
    expect(lstatSync(s.db).nlink).toBe(1);
  });

  it('a new database made by many processes at once is made once, none refused for the moment it has two names', async () => {
    const runs = await Promise.all(
      Array.from({ length: 12 }, (_, k) =>
        new Promise<number | null>((done) => spawn(process.execPath, [BIN, 'incident', 'add', `Company ${k}`, '--title', 'x'], { env: s.env, stdio: 'ignore' }).on('close', done)),
      ),
    );
    expect(runs).toEqual(Array(12).fill(0));
    expect(ok(s.run(['incident', 'list', '--json'])).stdout.match(/"id":/g)).toHaveLength(12);
  });

  it('VETTED_DB on a FIFO: exit 2 at once, not a wait for a writer', () => {
    const fifo = join(s.dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = spawnSync(process.execPath, [BIN, 'lists'], { env: { ...s.env, VETTED_DB: fifo }, encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(2);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('export --out /dev/stdout writes through it (the link stays a link), and --out - is stdout', () => {
    seeded();
    const before = lstatSync('/dev/stdout');
    const r = ok(s.run(['export', '--out', '/dev/stdout']));
    expect(r.stdout).toMatch(/^# Black and white lists/);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(before.isSymbolicLink());
    expect(ok(s.run(['export', '--format', 'json', '--out', '-'])).stdout).toMatch(/"format": "vetted\/1"/);
  });

  it("--out onto another SQLite database's own files, its shared memory and its log, is refused, leaving them as they were", () => {
    seeded();
    const other = join(s.dir, 'other.db');
    const db = new Database(other);
    try {
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
      for (const file of [`${other}-shm`, `${other}-wal`]) {
        const before = bytes(file);
        for (const args of [['export', '--format', 'json'], ['backup']]) {
          expect(expectOneLineError(s.run([...args, '--out', file]))).toBe(
            `vetted: ${file} is one of an SQLite database's own files (its log or its shared memory), so nothing was written there; choose another --out.`,
          );
        }
        expect(bytes(file).equals(before)).toBe(true);
      }
      expect(db.prepare('SELECT x FROM t').pluck().all()).toEqual([1]);
    } finally {
      db.close();
    }
    // Not there yet (the database closed, its log and shared memory gone; a journal it would
    // read at its next opening): refused as well, nothing made.
    expect(existsSync(`${other}-wal`)).toBe(false);
    for (const suffix of ['-wal', '-shm', '-journal']) {
      expect(expectOneLineError(s.run(['export', '--format', 'json', '--out', `${other}${suffix}`]))).toMatch(/is one of an SQLite database's own files/);
      expect(existsSync(`${other}${suffix}`)).toBe(false);
    }
    // A file merely named so, beside no database, is written.
    const plain = join(s.dir, 'notes-wal');
    writeFileSync(plain, 'old');
    ok(s.run(['export', '--format', 'json', '--out', plain]));
    expect(readFileSync(plain, 'utf8')).toMatch(/"format": "vetted\/1"/);
  });

  it('--out /dev/stdin, or a descriptor not open, is refused in a sentence: standard input is open for reading', () => {
    seeded();
    const attached = join(s.dir, 'receipt.txt');
    writeFileSync(attached, 'paid');
    ok(s.run(['incident', 'attach', 'volga-2012-07', attached]));
    // Standard input from /dev/null, opened for reading only (a shell's `< /dev/null`).
    const input = openSync('/dev/null', 'r');
    const run = (args: string[]): RunResult => {
      const r = spawnSync(process.execPath, [BIN, ...args], { env: s.env, cwd: s.dir, encoding: 'utf8', stdio: [input, 'pipe', 'pipe'] });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    try {
      for (const out of ['/dev/stdin', '/proc/self/fd/0', '/dev/fd/0']) {
        const said = `vetted: ${out} is the standard input, open here for reading only, so nothing can be written to it; give --out a file path (or - for standard output).`;
        for (const args of [['export'], ['export', '--format', 'json'], ['backup'], ['attachment', 'save', '1'], ['due', '--format', 'ics'], ['letter', 'volga-2012-07', '--kind', 'complaint', '--from', 'Me']]) {
          expect(expectOneLineError(run([...args, '--out', out])), args.join(' ')).toBe(said);
        }
      }
    } finally {
      closeSync(input);
    }
    expect(expectOneLineError(s.run(['export', '--out', '/dev/fd/9']))).toBe('vetted: /dev/fd/9 names descriptor 9, which is not open here for writing, so nothing can be written to it; give --out a file path (or - for standard output).');
  });

  it('--out a name too long for a file system is refused at once, naming the path given, not a temporary file', () => {
    seeded();
    const attached = join(s.dir, 'receipt.txt');
    writeFileSync(attached, 'paid');
    ok(s.run(['incident', 'attach', 'volga-2012-07', attached]));
    const long = `${'x'.repeat(300)}.md`;
    const said = (path: string) => `vetted: ${path} holds a name too long for a file system (303 bytes, where 255 at most are allowed); give --out a shorter name.`;
    for (const args of [['export'], ['export', '--format', 'json'], ['backup'], ['due', '--format', 'ics'], ['letter', 'volga-2012-07', '--kind', 'complaint', '--from', 'Me']]) {
      expect(expectOneLineError(s.run([...args, '--out', long])), args.join(' ')).toBe(said(long));
    }
    // attachment save names the file by its whole path, as when it writes it.
    expect(expectOneLineError(s.run(['attachment', 'save', '1', '--out', long]))).toBe(said(join(s.dir, long)));
    // A folder's name too long, and a path too long in all.
    expect(expectOneLineError(s.run(['export', '--out', `${'y'.repeat(256)}/lists.md`]))).toMatch(/holds a name too long for a file system \(256 bytes/);
    const deep = `${'abcdefghij/'.repeat(400)}lists.md`;
    expect(expectOneLineError(s.run(['export', '--out', deep]))).toBe(`vetted: ${deep} is too long a path for a file system; give --out a shorter path.`);
    expect(expectOneLineError(s.run(['--lang', 'ru', 'export', '--out', long]))).toBe(`vetted: в пути ${long} есть имя, слишком длинное для файловой системы (303 байта, а допустимо не больше 255); укажите в --out имя покороче.`);
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.runIf(isRoot)('export --out a character device writes through it, which stays a device', () => {
    seeded();
    const dev = join(s.dir, 'null');
    expect(spawnSync('mknod', [dev, 'c', '1', '3']).status).toBe(0);
    ok(s.run(['export', '--out', dev]));
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('export --out a FIFO writes through it to its reader, and it stays a FIFO', async () => {
    seeded();
    const fifo = join(s.dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const done = new Promise((resolve) => reader.on('close', resolve));
    ok(s.run(['export', '--out', fifo]));
    await done;
    expect(got).toMatch(/^# Black and white lists/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('backup --out - writes the database to stdout, and that copy restores', () => {
    seeded();
    const r = spawnSync(process.execPath, [BIN, 'backup', '--out', '-'], { env: s.env, cwd: s.dir });
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    const copy = join(s.dir, 'piped.db');
    writeFileSync(copy, r.stdout);
    ok(s.run(['restore', copy, '--yes']));
  });

  it('backup --out - into a reader that leaves before its end fails, saying so: what it read is no backup', async () => {
    seeded();
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" backup --out - | head -c 4096 > cut.db`], { env: s.env, cwd: s.dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('vetted: the reader of the output went away before its end, so what it read is cut short and is no whole file; write it to a file with --out FILE.\n');
    // Nor is a data file exported to it (one larger than a pipe holds): what it read would not import.
    const { generate } = (await import(pathToFileURL(join(ROOT, 'bench', 'generate.mjs')).href)) as { generate: (n: number, seed?: number) => unknown };
    writeFileSync(join(s.dir, 'many.json'), JSON.stringify(generate(100, 3)));
    ok(s.run(['import', 'many.json']));
    const e = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" export --format json | head -c 100 > cut.json`], { env: s.env, cwd: s.dir, encoding: 'utf8' });
    expect([e.status, e.stderr]).toEqual([1, r.stderr]);
    const shared = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" export --share --format json | head -c 100 > cut.json`], { env: s.env, cwd: s.dir, encoding: 'utf8' });
    expect([shared.status, shared.stderr]).toEqual([1, r.stderr]);
    // Read whole, both are what they were.
    expect(JSON.parse(spawnSync(process.execPath, [BIN, 'export', '--share', '--format', 'json'], { env: s.env, cwd: s.dir, encoding: 'utf8', maxBuffer: 1 << 26 }).stdout).format).toBe('vetted/1');
    // A listing cut short by its reader is not: it stops quietly.
    const l = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" lists --json | head -c 1 > /dev/null`], { env: s.env, cwd: s.dir, encoding: 'utf8' });
    expect([l.status, l.stderr]).toEqual([0, '']);
  });

  it('backup, attachment save and export --out a FIFO whose reader leaves before its end fail, saying so, as into stdout', async () => {
    seeded();
    // Larger than a pipe holds, so that the reader leaves before the last write.
    const big = join(s.dir, 'big.bin');
    writeFileSync(big, Buffer.alloc(300_000, 7));
    ok(s.run(['incident', 'attach', 'volga-2012-07', big]));
    const fifo = join(s.dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const args of [
      ['backup', '--out', fifo],
      ['attachment', 'save', '1', '--out', fifo],
      ['export', '--format', 'json', '--with-attachments', '--out', fifo],
    ]) {
      const reader = spawn('head', ['-c', '10', fifo], { stdio: ['ignore', 'ignore', 'ignore'] });
      const gone = new Promise((resolve) => reader.on('close', resolve));
      const r = s.run(args);
      await gone;
      expect([r.code, r.stderr], args.join(' ')).toEqual([1, 'vetted: the reader of the output went away before its end, so what it read is cut short and is no whole file; write it to a file with --out FILE.\n']);
      expect(statSync(fifo).isFIFO()).toBe(true);
    }
  });
});

describe('6. a temporary file is never one someone else planted', () => {
  it('a link planted at the name the old scheme used (.x.<pid>.tmp) is not written through', () => {
    const victim = join(s.dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(s.dir, `.x.md.${process.pid}.tmp`));
    writeOutputFile(join(s.dir, 'x.md'), ['hello\n'], { dbPath: s.db });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(join(s.dir, 'x.md'), 'utf8')).toBe('hello\n');
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([`.x.md.${process.pid}.tmp`]);
    expect(statSync(join(s.dir, 'x.md')).mode & 0o777).toBe(0o600);
  });

  it('a link at the output path itself is followed to its file, which is replaced whole; the link stays', () => {
    const real = join(s.dir, 'real.md');
    writeFileSync(real, 'old');
    symlinkSync(real, join(s.dir, 'via.md'));
    writeOutputFile(join(s.dir, 'via.md'), ['new\n'], { dbPath: s.db });
    expect(lstatSync(join(s.dir, 'via.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new\n');
  });
});

describe('7. every byte to a terminal passes the same neutraliser', () => {
  const EVIL = 'x\x1b]0;PWN\x07\x1b[2J';
  const raw = (r: RunResult) => `${r.stdout}${r.stderr}`;
  it('values echoed by the command-line parser: an option value, an unknown option, an unknown command', () => {
    for (const args of [
      ['incident', 'add', 'Shop', '--fault', EVIL],
      [`--bogus${EVIL}`],
      [`frob${EVIL}`],
      ['incident', `frob${EVIL}`],
      ['lists', `black${EVIL}`],
    ]) {
      const r = s.run(args);
      expect(r.code).toBe(2);
      expect(raw(r)).not.toMatch(/[\x07\x1b]/);
      expect(r.stderr).toMatch(/␛/);
    }
  });

  it('vetted backup prints a path with an escape sequence in it neutralised, on both streams', () => {
    const dir = join(s.dir, `evil${EVIL}`);
    mkdirSync(dir);
    const db = join(dir, 'v.db');
    ok(s.run(['--db', db, 'import', SEEDS]));
    const r = ok(s.run(['--db', db, 'backup']));
    expect(raw(r)).not.toMatch(/[\x07\x1b]/);
    expect(r.stdout).toMatch(/evilx␛\]0;PWN␇␛\[2J/);
  });

  it('the terminal guard keeps lines and colours, and shows every other control', () => {
    expect(terminalText('a\x1b[31mred\x1b[39m\nb\r')).toBe('a\x1b[31mred\x1b[39m\nb\r');
    expect(terminalText('t\x1b]0;PWN\x07\u202e\x9b')).toBe('t␛]0;PWN␇<U+202E><U+009B>');
  });

  it('names on a list show the characters that show nothing, so two companies never look like one', () => {
    ok(s.run(['pin', 'Acme', 'white', '--reason', 'good']));
    ok(s.run(['pin', 'Ac\u200bme', 'black', '--reason', 'bad']));
    ok(s.run(['pin', 'Acme\u00ad', 'black', '--reason', 'bad too']));
    const listed = ok(s.run(['lists'])).stdout;
    expect(listed).toContain('Ac<U+200B>me');
    expect(listed).toContain('Acme<U+00AD>');
    // And a command shown for copying names it as it is, not as it is shown.
    expect(ok(s.run(['company', 'show', 'Ac\u200bme'])).stdout).toContain(`none yet: vetted check "$(printf -- 'Ac\\342\\200\\213me')"`);
    // What scripts and emoji need to join stays as it is.
    expect(terminalText('می\u200cخواهم 👩\u200d💻 ❤\ufe0f')).toBe('می\u200cخواهم 👩\u200d💻 ❤\ufe0f');
  });
});

describe('8. a sentence where a report of an unexpected error was', () => {
  it('a dangling symbolic link at the database path', () => {
    symlinkSync(join(s.dir, 'nowhere', 'x.db'), s.db);
    expect(expectSentence(s.run(['lists']))).toMatch(/symbolic link/);
  });

  it('a database path refused says to name another where it was named: in VETTED_DB when that variable named it, with --db otherwise', () => {
    seeded();
    const text = join(s.dir, 'notes.db');
    writeFileSync(text, 'not a database\n'.repeat(20));
    const other = join(s.dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    const cut = join(s.dir, 'cut.db');
    writeFileSync(cut, readFileSync(s.db).subarray(0, 50));
    const damaged = join(s.dir, 'damaged.db');
    const reader = new Database(s.db, { readonly: true });
    const page = reader.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'companies'").pluck().get() as number;
    reader.close();
    writeFileSync(damaged, readFileSync(s.db).fill(0xde, 4096 * (page - 1), 4096 * page));
    const cases: [string, string, string, string][] = [
      [s.dir, `${s.dir} is a folder, not a database file; `, 'a file path', ''],
      ['/dev/null', '/dev/null is not a regular file (it is a device, a pipe or a socket), so it cannot be a database; ', 'a file path', ''],
      [text, `${text} is not a vetted database (it is not an SQLite file); `, 'another path', ', or move that file away'],
      [other, `${other} is an SQLite database of another program, not of vetted; `, 'another path', ''],
      [cut, `${cut} is an SQLite database cut short (50 bytes: not even its header is whole): a copy that stopped part way, damaged, which nothing can read. Restore a backup with \`vetted restore FILE\`, or `, 'another path', ''],
      [join(s.dir, 'none', 'x.db'), `the folder ${join(s.dir, 'none')} does not exist; create it first, or `, 'a path in an existing folder', ''],
      [join(text, 'x.db'), `${text} is not a folder; `, 'a path in a folder', ''],
      [`${s.db}-wal`, `${s.db}-wal is the write-ahead log of the database ${s.db}, kept beside it by SQLite, not a database of its own; `, 'the database itself', ''],
    ];
    for (const [path, what, another, after] of cases) {
      const add = ['incident', 'add', 'Foo', '--title', 'x', '--fault', 'company'];
      expect(expectSentence(s.run(add, { env: { VETTED_DB: path } })), path).toBe(`vetted: ${what}set VETTED_DB to ${another}${after}.`);
      expect(expectSentence(s.run(['--db', path, ...add])), path).toBe(`vetted: ${what}pass --db with ${another}${after}.`);
    }
    // An import of a file vetted wrote, read record by record, opens the database its own way: the same words.
    const exported = join(s.dir, 'exported.json');
    ok(s.run(['export', '--format', 'json', '--out', exported]));
    writeFileSync(exported, readRecordByRecord(readFileSync(exported, 'utf8')));
    for (const args of [['import', exported], ['import', '--dry-run', exported]]) {
      expect(expectSentence(s.run(args, { env: { VETTED_DB: s.dir } })), args.join(' ')).toBe(`vetted: ${s.dir} is a folder, not a database file; set VETTED_DB to a file path.`);
    }
    // SQLite's own word on a damaged database, said at the one exit point.
    expect(expectSentence(s.run(['lists'], { env: { VETTED_DB: damaged } }))).toMatch(/^vetted: the database is damaged \(SQLite says: .*\); restore a backup with `vetted restore FILE`, or set VETTED_DB to another file\.$/);
    expect(expectSentence(s.run(['--db', damaged, 'lists']))).toMatch(/, or pass --db with another file\.$/);
    // In Russian, the same place named.
    expect(expectSentence(s.run(['--lang', 'ru', 'lists'], { env: { VETTED_DB: text } }))).toBe(`vetted: ${text} — не база данных vetted (это не файл SQLite); укажите в VETTED_DB другой путь или уберите этот файл.`);
    expect(expectSentence(s.run(['--lang', 'ru', '--db', text, 'lists']))).toBe(`vetted: ${text} — не база данных vetted (это не файл SQLite); укажите в --db другой путь или уберите этот файл.`);
    expect(expectSentence(s.run(['--lang', 'ru', 'lists'], { env: { VETTED_DB: damaged } }))).toMatch(/или укажите другой файл в VETTED_DB\.$/);
    // The database at the default place (XDG_DATA_HOME) is named again with --db.
    const data = join(s.dir, 'data');
    mkdirSync(join(data, 'vetted', 'vetted.db'), { recursive: true });
    const atDefault = s.run(['lists'], { env: { VETTED_DB: '', XDG_DATA_HOME: data } });
    expect(expectSentence(atDefault)).toBe(`vetted: ${join(data, 'vetted', 'vetted.db')} is a folder, not a database file; pass --db with a file path.`);
  });

  it('a loop of symbolic links as the database, the output or the backup to restore is called one, not a link to nothing', () => {
    seeded();
    const a = join(s.dir, 'a');
    symlinkSync(join(s.dir, 'b'), a);
    symlinkSync(a, join(s.dir, 'b'));
    expect(expectSentence(s.run(['lists'], { env: { VETTED_DB: a } }))).toBe(`vetted: ${a} is a loop of symbolic links; remove the link, or set VETTED_DB to another path.`);
    expect(expectSentence(s.run(['--db', a, 'lists']))).toBe(`vetted: ${a} is a loop of symbolic links; remove the link, or pass --db with another path.`);
    expect(expectSentence(s.run(['--lang', 'ru', 'pin', 'Foo', 'white', '--reason', 'x'], { env: { VETTED_DB: a } }))).toMatch(/петля символических ссылок/);
    expect(expectSentence(s.run(['export', '--format', 'md', '--out', a]))).toBe(`vetted: ${a} is a loop of symbolic links; remove the link or choose another --out.`);
    expect(expectSentence(s.run(['restore', a, '--yes']))).toBe(`vetted: ${a} is not a vetted backup (it is a loop of symbolic links), so nothing was restored.`);
    for (const args of [['source', 'add', a, '--name', 'q'], ['letter', 'aku-boots', '--kind', 'complaint', '--from', 'I', '--template', a], ['import', a]]) {
      expect(expectSentence(s.run(args)), args.join(' ')).toBe(`vetted: ${a} is a loop of symbolic links; check the path.`);
    }
    // A link to nothing, as a backup to restore, is said to be one too (not "no file").
    const nowhere = join(s.dir, 'nowhere.db');
    symlinkSync(join(s.dir, 'missing.db'), nowhere);
    expect(expectSentence(s.run(['restore', nowhere, '--yes']))).toBe(`vetted: ${nowhere} is not a vetted backup (it is a symbolic link to a file that does not exist), so nothing was restored.`);
  });

  it('VETTED_DB=/proc/self/environ', () => {
    expectSentence(s.run(['lists'], { env: { VETTED_DB: '/proc/self/environ' } }));
    expectSentence(s.run(['pin', 'Shop', 'black', '--reason', 'x'], { env: { VETTED_DB: '/proc/self/environ' } }));
  });

  it('a database of ours whose schema version was lost: refused in a sentence, read or written', () => {
    seeded();
    const db = new Database(s.db);
    db.pragma('user_version = 0');
    db.close();
    for (const args of [['lists'], ['pin', 'Foo', 'white', '--reason', 'x']]) {
      expect(expectSentence(s.run(args))).toMatch(/says it is a vetted database but lacks its schema version, so it is not read as any; restore a backup/);
    }
  });

  it('a file that cannot be read on (EIO), attached or given as a public record', () => {
    ok(s.run(['incident', 'add', 'Eio', '--title', 't', '--opened', '2026-12-01 09:00']));
    expect(expectSentence(s.run(['incident', 'attach', 'eio-1', '/proc/self/mem']))).toBe('vetted: cannot read /proc/self/mem (EIO); check the path.');
    expect(expectSentence(s.run(['source', 'add', '/proc/self/mem', '--kind', 'cfpb', '--name', 'zz']))).toBe('vetted: cannot read /proc/self/mem (EIO); check the path.');
  });

  it('a YAML alias inside the value it names, in a policy, a data file and a checklist', () => {
    seeded();
    mkdirSync(s.config, { recursive: true });
    writeFileSync(join(s.config, 'policy.yaml'), 'a: &a [*a]\n');
    expect(expectSentence(s.run(['lists']))).toMatch(/policy\.yaml:1: the YAML alias \*a stands inside the value it names/);
    rmSync(join(s.config, 'policy.yaml'));
    const data = join(s.dir, 'self.yaml');
    writeFileSync(data, 'format: vetted/1\nsource: &a [*a]\n');
    expect(expectSentence(s.run(['import', data]))).toMatch(/self\.yaml:2: the YAML alias \*a/);
    const list = join(s.dir, 'self-list.yaml');
    writeFileSync(list, 'id: x\nversion: 1\ntitle: &t [*t]\nquestions: []\n');
    const r = s.run(['checklists', 'validate', list]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/self-list\.yaml:3:1: the YAML alias \*t stands inside the value it names/);
  });

  it('a policy.yaml of two YAML documents is said so in words of the file, not of the parser', () => {
    seeded();
    mkdirSync(s.config, { recursive: true });
    writeFileSync(join(s.config, 'policy.yaml'), 'broken_promises: 3\n---\nbroken_promises: 4\n');
    const line = expectSentence(s.run(['lists']));
    expect(line).toMatch(/is not valid YAML: the file holds several YAML documents \(---\) where one is read; fix it and try again\./);
    expect(line).not.toMatch(/parseAllDocuments/);
    rmSync(join(s.config, 'policy.yaml'));
  });

  it('VETTED_CONFIG naming a file, not a folder', () => {
    seeded();
    const file = join(s.dir, 'policy-file.yaml');
    writeFileSync(file, 'broken_promises: 9\n');
    for (const args of [['policy', 'show'], ['lists'], ['paths']]) {
      expect(expectSentence(s.run(args, { env: { VETTED_CONFIG: file } }))).toMatch(/policy-file\.yaml, the folder of your settings \(policy, checklists, letters\), named by VETTED_CONFIG, is a file; point VETTED_CONFIG at a folder\./);
    }
  });

  it('a policy.yaml that is a folder', () => {
    seeded();
    mkdirSync(join(s.config, 'policy.yaml'), { recursive: true });
    expect(expectSentence(s.run(['lists']))).toMatch(/policy\.yaml is a folder/);
    expectSentence(s.run(['policy', 'show']));
  });

  /** The command, run as a user without rights of its own (nobody), on the database `db`. */
  const asNobody = (db: string, args: string[]) => {
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], {
      env: { ...s.env, VETTED_DB: db, HOME: '/nonexistent' },
      encoding: 'utf8',
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  /** A copy of the seeded database in a folder of its own, `ro`, that others may enter; its path. */
  const seededCopy = () => {
    seeded();
    chmodSync(s.dir, 0o755);
    const dir = join(s.dir, 'ro');
    mkdirSync(dir);
    const db = join(dir, 'v.db');
    writeFileSync(db, readFileSync(s.db));
    return { dir, db };
  };

  it.runIf(isRoot && existsSync('/usr/bin/setpriv'))('a read-only folder holding a writable database, even for lists', () => {
    const { dir, db } = seededCopy();
    chmodSync(db, 0o666);
    chmodSync(dir, 0o555);
    for (const args of [['lists'], ['pin', 'Beeline', 'black', '--reason', 'x']]) {
      // Named by VETTED_DB (see asNobody): another is named there.
      expect(expectSentence(asNobody(db, args))).toMatch(/folder is read-only.*; make the folder writable, or copy the database into a writable folder .*and set VETTED_DB to the copy\.$/);
    }
  });

  it.runIf(isRoot && existsSync('/usr/bin/setpriv'))('a new database in a read-only folder, named by VETTED_DB: another is named there', () => {
    const { dir } = seededCopy();
    chmodSync(dir, 0o555);
    expect(expectSentence(asNobody(join(dir, 'new.db'), ['incident', 'add', 'Foo', '--title', 'x']))).toBe(`vetted: no file can be made in ${dir} (EACCES); check its permissions, or choose another VETTED_DB.`);
  });

  it.runIf(isRoot && existsSync('/usr/bin/setpriv'))('a database made writable again after a read while it was not: the read-only -shm or -wal left beside it is named, and once writable all works', () => {
    const { dir, db } = seededCopy();
    chmodSync(dir, 0o777);
    const readWhileReadOnly = () => {
      for (const f of [`${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
      chmodSync(db, 0o444);
      ok(asNobody(db, ['lists']));
      // SQLite gave the files it keeps beside the database the database's mode.
      expect(statSync(`${db}-shm`).mode & 0o777).toBe(0o444);
      chmodSync(db, 0o666);
    };
    readWhileReadOnly();
    for (const [lang, words] of [['en', 'is read-only'], ['ru', 'доступен только для чтения']]) {
      const r = asNobody(db, ['--lang', lang, 'pin', 'Beeline', 'black', '--reason', 'x']);
      expectSentence(r);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${db}-shm`);
      expect(r.stderr).toContain(words);
    }
    chmodSync(`${db}-shm`, 0o666);
    ok(asNobody(db, ['pin', 'Beeline', 'black', '--reason', 'x']));
    // An empty -wal left read-only alone: SQLite makes it again as it refuses the write; named, as made again, and the next run writes.
    readWhileReadOnly();
    chmodSync(`${db}-shm`, 0o666);
    expect(statSync(`${db}-wal`).mode & 0o777).toBe(0o444);
    const wal = asNobody(db, ['pin', 'Volgatelecom', 'black', '--reason', 'x']);
    expect(expectSentence(wal)).toBe(`vetted: cannot write to the database: ${db}-wal, which SQLite keeps beside it, was read-only (a read made while the database was read-only leaves it so), and SQLite has just made it again; run the command again.`);
    ok(asNobody(db, ['pin', 'Volgatelecom', 'black', '--reason', 'x']));
  });

  it.runIf(isRoot && existsSync('/usr/bin/setpriv'))('an older database that cannot be written is refused in words, with no copy kept at each try', () => {
    const { dir, db } = seededCopy();
    const older = new Database(db);
    older.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    older.close();
    const bytes = readFileSync(db);
    for (const [fileMode, dirMode] of [[0o444, 0o777], [0o666, 0o555]]) {
      chmodSync(db, fileMode);
      chmodSync(dir, dirMode);
      for (const args of [['lists'], ['incident', 'list']]) {
        const r = asNobody(db, args);
        expectSentence(r);
        expect(r.stderr).toMatch(/was written by an older version of vetted .* needs it, its folder and the -wal and -shm files beside it writable/);
      }
    }
    // A dry run, which writes nothing, reads it all the same, leaving nothing beside it.
    const dry = asNobody(db, ['import', join(SHARED, 'scenarios', 'seeds.yaml'), '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toMatch(/dry run, nothing written/);
    expect(readdirSync(dir)).toEqual(['v.db']);
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });

  it.runIf(isRoot && existsSync('/usr/bin/setpriv'))('an older database whose copy before the upgrade cannot be kept is refused in words of the upgrade, not of --out', () => {
    const { dir, db } = seededCopy();
    const older = new Database(db);
    older.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    older.close();
    chmodSync(db, 0o666);
    chmodSync(dir, 0o777);
    mkdirSync(join(dir, 'backups'), { mode: 0o555 });
    for (const lang of ['en', 'ru']) {
      const r = asNobody(db, ['--lang', lang, 'lists']);
      expectSentence(r);
      expect(r.stderr).not.toMatch(/--out/);
      expect(r.stderr).toMatch(lang === 'en' ? /is upgraded when it is first opened, after a copy of it is kept in .*backups, where no file can be made/ : /сохраняет её копию в .*backups, но в этой папке нельзя создать файл/);
    }
    expect(readdirSync(dir).sort()).toEqual(['backups', 'v.db']);
  });

  it('two questions of weight 1e308: validate names both, and no check is scored NaN', () => {
    const file = join(s.dir, 'heavy.yaml');
    const q = (id: string) => `  - id: ${id}\n    text: ${id}?\n    weight: 1e308\n    answers:\n      - {value: 'yes', label: Yes, score: 1}\n      - {value: 'no', label: No, score: 0}\n`;
    writeFileSync(file, `id: heavy\nversion: 1\ntitle: Heavy\nquestions:\n${q('a')}${q('b')}`);
    const r = s.run(['checklists', 'validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/heavy\.yaml:7:\d+: questions\[0\]\.weight: must be a positive number, from 0.01 to 100/);
    expect(r.stderr).toMatch(/questions\[1\]\.weight/);
    expectSentence(s.run(['check', 'Shop', '--checklist', file, '--answer', 'a=yes', '--answer', 'b=no']));
  });
});

describe('9. text that is not text', () => {
  function importJson(text: string): RunResult {
    const file = join(s.dir, 'in.json');
    writeFileSync(file, text);
    return s.run(['import', file]);
  }

  it('lone surrogates in a JSON data file: exit 2, two names are not collapsed into one', () => {
    const line = expectOneLineError(importJson('{"format":"vetted/1","companies":[{"name":"A\\ud800"},{"name":"A\\udfff"}]}'));
    expect(line).toMatch(/companies\[0\]\.name/);
    expect(existsSync(s.db)).toBe(false);
  });

  it('a lone surrogate in a key, and in YAML', () => {
    expectOneLineError(importJson('{"format":"vetted/1","companies":[{"name":"A","\\udc00":1}]}'));
    const file = join(s.dir, 'in.yaml');
    writeFileSync(file, 'format: vetted/1\ncompanies:\n  - name: "B\\ud83d"\n');
    expect(expectOneLineError(s.run(['import', file]))).toMatch(/broken character/);
  });

  it('invisible names (zero-width, combining, fillers only), in a file and on the command line', () => {
    for (const name of ['\u200b', '\u200b\u0301', '\u3164', '\u2800\u200d', '\ufe0f']) {
      expect(expectOneLineError(importJson(JSON.stringify({ format: 'vetted/1', companies: [{ name }] })))).toMatch(/no visible character/);
      expect(expectOneLineError(s.run(['pin', name, 'black', '--reason', 'x']))).toMatch(/visible character/);
    }
    // A name with marks on a letter is a name.
    ok(importJson(JSON.stringify({ format: 'vetted/1', companies: [{ name: 'Cafe\u0301' }] })));
  });

  it('a key given twice in JSON is refused as in YAML, however it is spelled', () => {
    expect(expectOneLineError(importJson('{"format":"vetted/1",\n"companies":[{"name":"A",\n"name":"B"}]}'))).toMatch(/in\.json:3: the key "name" is given twice/);
    expectOneLineError(importJson('{"format":"vetted/1","companies":[{"name":"A","n\\u0061me":"B"}]}'));
    expectOneLineError(importJson('{"format":"vetted/1","format":"vetted/1"}'));
    // The same key in two objects is no repeat.
    ok(importJson('{"format":"vetted/1","companies":[{"name":"A"},{"name":"B"}]}'));
  });

  it('--db "" and other empty paths: exit 2', () => {
    expect(expectOneLineError(s.run(['--db', '', 'lists']))).toMatch(/--db needs a file path/);
    expectOneLineError(s.run(['import', '']));
    expectOneLineError(s.run(['export', '--out', '']));
    expectOneLineError(s.run(['restore', '']));
  });

  it('VETTED_DB of spaces is refused as --db " " is, and makes no file', () => {
    const here = readdirSync(s.dir).sort();
    for (const blank of [' ', '  \t']) {
      const r = s.run(['incident', 'add', 'Blank', '--title', 'x', '--fault', 'company'], { env: { VETTED_DB: blank } });
      expect(expectOneLineError(r), JSON.stringify(blank)).toBe('vetted: VETTED_DB holds only spaces; set it to a file path, or leave it empty or unset to use the default database.');
      expect(expectOneLineError(s.run(['--lang', 'ru', 'lists'], { env: { VETTED_DB: blank } }))).toMatch(/^vetted: в VETTED_DB одни пробелы; /);
    }
    expect(readdirSync(s.dir).sort()).toEqual(here);
    // --db, given, is what names the database: the variable is not read.
    expect(ok(s.run(['--db', s.db, 'paths'], { env: { VETTED_DB: ' ' } })).stdout).toContain(s.db);
  });

  it('a data file that is not UTF-8: exit 2', () => {
    const file = join(s.dir, 'latin1.yaml');
    writeFileSync(file, Buffer.from('format: vetted/1\ncompanies:\n  - name: Caf\xe9\n', 'latin1'));
    expect(expectOneLineError(s.run(['import', file]))).toMatch(/not UTF-8/);
  });
});

describe('10. a forged header is not trusted', () => {
  function forge(file: string): Buffer {
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.close();
    return bytes(file);
  }

  it('opened: exit 2, one sentence, the file byte for byte as it was', () => {
    const before = forge(s.db);
    for (const args of [['lists'], ['pin', 'Shop', 'black', '--reason', 'x']]) {
      expect(expectOneLineError(s.run(args))).toMatch(/says it is a vetted database but lacks its table/);
    }
    expect(bytes(s.db).equals(before)).toBe(true);
    expect(existsSync(`${s.db}-wal`)).toBe(false);
  });

  it('restored: exit 2, the live database unchanged', () => {
    const live = seeded();
    const forged = join(s.dir, 'forged.db');
    forge(forged);
    expect(expectOneLineError(s.run(['restore', forged]))).toMatch(/lacks its table/);
    expect(bytes(s.db).equals(live)).toBe(true);
  });
});

describe('11. dates that cannot be', () => {
  const now = new Date();
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';
  function importIncident(fields: Record<string, unknown>, events: Record<string, unknown>[] = []): RunResult {
    const file = join(s.dir, 'in.json');
    writeFileSync(file, JSON.stringify({ format: 'vetted/1', incidents: [{ company: 'Shop', title: 'Down', opened: '2024-05-01T10:00', ...fields, events }] }));
    return s.run(['import', file]);
  }

  it('closed before opened', () => {
    expect(expectOneLineError(importIncident({ closed: '2024-04-30' }))).toMatch(/incidents\[0\]\.closed: is before the incident was opened/);
  });
  it('a promise due before it was made', () => {
    expect(expectOneLineError(importIncident({}, [{ at: '2024-05-02T10:00', type: 'promise', text: 'soon', due: '2024-05-01T12:00' }]))).toMatch(
      /events\[0\]\.due: is before the promise was made/,
    );
  });
  it('an event before the opening of its incident', () => {
    expect(expectOneLineError(importIncident({}, [{ at: '2024-04-01T10:00', type: 'note', text: 'early' }]))).toMatch(/events\[0\]\.at: is before the incident was opened/);
  });
  it('a year-9999 event, an event an hour ahead, a check and an opening in the future', () => {
    expect(expectOneLineError(importIncident({}, [{ at: '9999-12-31T23:59', type: 'note', text: 'far' }]))).toMatch(/year 9999/);
    expect(expectOneLineError(importIncident({}, [{ at: iso(now.getTime() + 3_600_000), type: 'note', text: 'soon' }]))).toMatch(/in the future/);
    expect(expectOneLineError(importIncident({ opened: iso(now.getTime() + 86_400_000) }))).toMatch(/opened: is in the future/);
    const file = join(s.dir, 'check.json');
    writeFileSync(file, JSON.stringify({ format: 'vetted/1', checks: [{ company: 'Shop', checklist: 'general', at: '2999-01-01', answers: {} }] }));
    expect(expectOneLineError(s.run(['import', file]))).toMatch(/checks\[0\]\.at/);
    expect(existsSync(s.db)).toBe(false);
  });
  it('a time without its offset, logged "now" where the clocks are ahead of these, comes back from its export: local to where it was written', () => {
    // Kiritimati (UTC+14) beside Pago Pago (UTC-11): a day and an hour apart.
    const local = (ms: number, zone: string) => {
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
      const v = (t: string) => parts.find((p) => p.type === t)!.value;
      return `${v('year')}-${v('month')}-${v('day')}T${v('hour')}:${v('minute')}`;
    };
    const file = join(s.dir, 'east.json');
    writeFileSync(file, JSON.stringify({ format: 'vetted/1', incidents: [{ company: 'Shop', title: 'Down', opened: '2024-05-01T10:00', events: [{ at: local(now.getTime(), 'Pacific/Kiritimati'), type: 'note', text: 'just now, there' }] }] }));
    ok(s.run(['import', file], { env: { TZ: 'Pacific/Pago_Pago' } }));
    // Two days ahead is ahead anywhere.
    expect(expectOneLineError(importIncident({}, [{ at: local(now.getTime() + 2 * 86_400_000, 'UTC'), type: 'note', text: 'later' }]))).toMatch(/in the future/);
  });
  it('a promise due next week is fine, and so is an event a minute ahead (clock drift)', () => {
    ok(importIncident({}, [
      { at: iso(now.getTime() + 60_000), type: 'promise', text: 'next week', due: iso(now.getTime() + 7 * 86_400_000) },
    ]));
  });
});

describe('12. YAML read as YAML', () => {
  it('an unquoted comma in a flow map: the rest is an unknown field, with its line and the advice to quote', () => {
    const file = join(s.dir, 'comma.yaml');
    writeFileSync(
      file,
      [
        'format: vetted/1',
        'incidents:',
        '  - company: Shop',
        '    title: Down',
        '    opened: 2024-05-01',
        '    events:',
        '      - {at: 2024-05-01T10:00, type: note, text: another operator, no information}',
        '',
      ].join('\n'),
    );
    const line = expectOneLineError(s.run(['import', file]));
    expect(line).toMatch(/line 7: incidents\[0\]\.events\[0\]\.no information: unknown field/);
    expect(line).toMatch(/in quotes/);
    expect(existsSync(s.db)).toBe(false);
    writeFileSync(file, readFileSync(file, 'utf8').replace('text: another operator, no information', 'text: "another operator, no information"'));
    ok(s.run(['import', file]));
    const shown = ok(s.run(['incident', 'show', 'shop-1', '--json'])).stdout;
    expect(shown).toMatch(/another operator, no information/);
  });
});

describe('4. inputs are bounded whatever they are', () => {
  it('import /dev/zero: refused at the limit, at once', () => {
    const r = spawnSync(process.execPath, [BIN, 'import', '/dev/zero'], { env: s.env, encoding: 'utf8', timeout: 20_000 });
    expectOneLineError({ code: r.status, stdout: r.stdout, stderr: r.stderr });
    expect(r.stderr).toMatch(/more than 128 MB/);
  });

  it('a sparse 200 MB file: refused by its size before a byte is read', () => {
    const file = join(s.dir, 'huge.json');
    writeFileSync(file, '');
    spawnSync('truncate', ['-s', '200M', file]);
    expect(expectOneLineError(s.run(['import', file]))).toMatch(/more than 128 MB/);
  });

  it('answers, checklists and the policy are read up to 1 MB', () => {
    expect(expectOneLineError(s.run(['check', 'Shop', '--answers', '/dev/zero']))).toMatch(/more than 1 MB/);
    expect(expectOneLineError(s.run(['checklists', 'validate', '/dev/zero']))).toMatch(/more than 1 MB/);
  });

  it('a YAML document beyond its token budget is refused before it is built', () => {
    const file = join(s.dir, 'many.yaml');
    writeFileSync(file, `format: vetted/1\ncompanies: [${'0,'.repeat(800_000)}0]\n`);
    expect(expectOneLineError(s.run(['import', file]))).toMatch(/YAML tokens/);
  });

  it('a JSON document of more maps than the budget is refused before it is parsed', () => {
    const file = join(s.dir, 'many.json');
    writeFileSync(file, `{"format":"vetted/1","companies":[${'{},'.repeat(4_000_001)}{}]}`);
    expect(expectOneLineError(s.run(['import', file]))).toMatch(/maps and lists/);
  });
});
