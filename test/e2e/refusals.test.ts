// Refusals: every command that opens the database meets a file that is not ours — a text
// file, a database of a newer vetted, another program's SQLite database — and must say so
// in one sentence, exit 2, and leave the file byte for byte as it was, with no -wal, -shm
// or -journal beside it. Bad data files and a --db in a missing folder likewise.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHARED, readRecordByRecord, sandbox, type RunResult, type Sandbox, amazonAnswerFlags } from '../helpers/cli.js';
import { STACK_FRAME, expectOneLineError } from '../helpers/expect.js';

const SEEDS = join(SHARED, 'scenarios', 'seeds.yaml');

const answerFlags = amazonAnswerFlags;

/** Every command that opens the database, as argv. */
const COMMANDS: [string, string[]][] = [
  ['lists', ['lists']],
  ['company list', ['company', 'list']],
  ['incident list', ['incident', 'list']],
  ['import seeds', ['import', SEEDS]],
  ['check X --answer …', ['check', 'Some Shop', ...answerFlags]],
  ['backup', ['backup']],
];

function expectNoCompanions(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) expect(existsSync(`${file}${suffix}`), `${file}${suffix} was created`).toBe(false);
}

type Maker = (file: string) => void;

const BAD_FILES: [string, Maker, RegExp, string[]?][] = [
  [
    'a text file',
    (file) => writeFileSync(file, 'milk, eggs, bread\nthis is a shopping list, not a database\n'.repeat(40)),
    /not a vetted database|not an SQLite/i,
  ],
  [
    'a database of a newer vetted (schema 99)',
    (file) => {
      const db = new Database(file);
      db.pragma('application_id = 0x56455454');
      db.pragma('user_version = 99');
      db.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('from the future')");
      db.close();
    },
    /newer version/i,
  ],
  [
    "another program's SQLite database",
    (file) => {
      const db = new Database(file);
      db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me')");
      db.close();
    },
    /another program/i,
  ],
  // Two more variants, on fewer commands to keep the run short.
  [
    "another program's SQLite database in WAL mode",
    (file) => {
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me')");
      db.close();
    },
    /another program/i,
    ['company list', 'import seeds', 'backup'],
  ],
  [
    'another program\'s SQLite database with its own application_id',
    (file) => {
      const db = new Database(file);
      db.pragma('application_id = 1234');
      db.exec('CREATE TABLE notes (text TEXT)');
      db.close();
    },
    /another program/i,
    ['lists', 'check X --answer …'],
  ],
];

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => {
  s.cleanup();
});

describe.each(BAD_FILES)('the database is %s', (_what, make, sentence, only) => {
  it.each(COMMANDS.filter(([name]) => !only || only.includes(name)))('`%s` exits 2 with one sentence and leaves the file byte-identical', (_name, args) => {
    make(s.db);
    expectNoCompanions(s.db);
    const before = readFileSync(s.db);
    const line = expectOneLineError(s.run(args));
    expect(line).toMatch(sentence);
    expect(line).toContain(s.db);
    expect(readFileSync(s.db).equals(before), 'the file changed').toBe(true);
    expectNoCompanions(s.db);
    // No backup folder, nothing else beside it.
    expect(readdirSync(s.dir).sort()).toEqual(['vetted.db']);
  });
});

describe('a damaged vetted database (valid header, garbage pages)', () => {
  function damaged(): Buffer {
    expect(s.run(['import', SEEDS]).code).toBe(0);
    const bytes = readFileSync(s.db);
    expect(bytes.length).toBeGreaterThan(8192);
    // Keep the 100-byte header and page 1, overwrite every later page with garbage.
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(s.db, bytes);
    expectNoCompanions(s.db);
    return bytes;
  }

  it('`company list` says the database is damaged in one sentence, exit 2, not "please report"', () => {
    damaged();
    const line = expectOneLineError(s.run(['company', 'list']));
    expect(line).toMatch(/damaged|corrupt|malformed/i);
  });

  it('whatever it says, it does not print a stack trace and does not exit 0', () => {
    damaged();
    for (const args of [['company', 'list'], ['lists'], ['incident', 'list']]) {
      const r = s.run(args);
      expect(r.code, r.stderr).not.toBe(0);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('data files', () => {
  it('a data file of a newer format (vetted/2) is refused with exit 2, nothing imported', () => {
    expect(s.run(['import', SEEDS]).code).toBe(0);
    const before = s.run(['export', '--format', 'json']);
    const file = join(s.dir, 'future.yaml');
    writeFileSync(file, 'format: vetted/2\ncompanies:\n  - name: From The Future\n    hologram: true\n');
    const line = expectOneLineError(s.run(['import', file]));
    expect(line).toMatch(/vetted\/2/);
    expect(line).toMatch(/newer|upgrade/i);
    // It says only that, not every field it does not know.
    expect(line).not.toContain('hologram');
    const after = s.run(['export', '--format', 'json']);
    const strip = (t: string) => t.replace(/"exported_at": "[^"]*"/, '');
    expect(strip(after.stdout)).toBe(strip(before.stdout));
  });

  it('a vetted/2 file into a fresh database creates no database', () => {
    const file = join(s.dir, 'future.json');
    writeFileSync(file, JSON.stringify({ format: 'vetted/2', companies: [{ name: 'X' }] }));
    expectOneLineError(s.run(['import', file]));
    expect(existsSync(s.db)).toBe(false);
  });

  it('a missing data file is refused with exit 2 and names the path', () => {
    const missing = join(s.dir, 'no-such-file.yaml');
    const line = expectOneLineError(s.run(['import', missing]));
    expect(line).toContain(missing);
    expect(existsSync(s.db)).toBe(false);
  });

  it('a key with a bad escape (\\q, a cut \\u) is said as text that is not JSON, naming the file: it was an unexpected error', () => {
    s.makeDatabase();
    const imports: [string, string][] = [
      ['bad-key.json', '{"format":"vetted/1", "\\q": 1}'],
      ['cut-escape.yaml', '{"format":"vetted/1","companies":[{"na\\u12me":"X"}]}'],
      // Laid out as vetted writes a large file, the bad key among the records.
      ['large.json', readRecordByRecord('{"format":"vetted/1","companies":[{"name":"A"},{"n\\qame":"B"}]}')],
    ];
    for (const [name, text] of imports) {
      const file = join(s.dir, name);
      writeFileSync(file, text);
      const line = expectOneLineError(s.run(['import', file]));
      expect(line).toContain(file);
      expect(line).toMatch(/not valid JSON/);
    }
    const shared = join(s.dir, 'shared.json');
    writeFileSync(shared, '{"format":"vetted/1","source":"x","lists":{"bl\\qack":[]}}');
    expect(expectOneLineError(s.run(['source', 'add', shared, '--name', 'friend']))).toContain(shared);
    // A policy file so written stopped every command that reads the policy.
    mkdirSync(s.config, { recursive: true });
    writeFileSync(join(s.config, 'policy.yaml'), '{"r\\qules": 1}');
    for (const args of [['policy', 'show'], ['lists']]) expect(expectOneLineError(s.run(args))).toContain('policy.yaml');
    expect(s.run(['company', 'list', '--json']).stdout).toBe('[]\n');
  });

  it('a folder given as the data file is refused with exit 2', () => {
    const r = s.run(['import', s.dir]);
    expectOneLineError(r);
  });
});

describe('a change refused where there is no database yet', () => {
  it('leaves none behind: nothing to undo, a company, check or incident not there', () => {
    const receipt = join(s.dir, 'receipt.txt');
    writeFileSync(receipt, 'paid');
    // An undo, a new event or a source's change at a path named by VETTED_DB says no database is
    // there (an undo said "nothing to undo", as of a record without changes; the others left an empty database).
    const saysNone = [['undo'], ['undo', '--op', '3'], ['incident', 'event', 'x-1', 'note', '--text', 'hi'], ['incident', 'close', 'x-1', '--outcome', 'resolved'], ['source', 'remove', 'x'], ['source', 'update', 'x', receipt]];
    for (const args of [...saysNone, ['company', 'rename', 'A', 'B'], ['unpin', 'X'], ['checks', 'remove', 'x-check-1'], ['incident', 'attach', 'x-1', receipt], ['event', 'remove', 'x-1#1']]) {
      expect(expectOneLineError(s.run(args))).toMatch(saysNone.includes(args) ? /^vetted: there is no database at .*vetted\.db, so nothing is recorded there/ : /no company|no check|no incident/);
      expect(existsSync(s.db), args.join(' ')).toBe(false);
      expectNoCompanions(s.db);
    }
  });
});

describe('an undo where no database is', () => {
  it('says nothing is to undo in the default database, made by no command yet, and no database is at a path named', () => {
    const home = join(s.dir, 'home');
    const env = { VETTED_DB: '', XDG_DATA_HOME: join(home, 'data'), HOME: home };
    expect(expectOneLineError(s.run(['undo'], { env }))).toMatch(/there is nothing to undo/);
    expect(expectOneLineError(s.run(['--db', join(s.dir, 'typo.db'), 'undo', '--op', '2']))).toMatch(/^vetted: there is no database at .*typo\.db/);
    expect(existsSync(join(s.dir, 'typo.db'))).toBe(false);
    // In the default database, made by no command yet: the incident is not there, and none is made.
    expect(expectOneLineError(s.run(['incident', 'event', 'x-1', 'note', '--text', 'hi'], { env }))).toMatch(/there is no incident "x-1"/);
    expect(readdirSync(home, { recursive: true }).map(String).filter((f) => f.endsWith('.db'))).toEqual([]);
  });
});

describe('--db in a folder that does not exist', () => {
  it.each(COMMANDS.filter(([name]) => name !== 'backup'))('`%s` exits 2 and creates nothing', (_name, args) => {
    const missing = join(s.dir, 'no', 'such', 'folder');
    const line = expectOneLineError(s.run(['--db', join(missing, 'vetted.db'), ...args]));
    expect(line).toContain(join(s.dir, 'no'));
    expect(existsSync(join(s.dir, 'no'))).toBe(false);
    expect(readdirSync(s.dir)).toEqual([]);
  });

  it('`backup` exits 2 and creates nothing', () => {
    const missing = join(s.dir, 'no', 'such', 'folder');
    expectOneLineError(s.run(['--db', join(missing, 'vetted.db'), 'backup']));
    expect(existsSync(join(s.dir, 'no'))).toBe(false);
  });
});

describe('lists nested 20,000 deep in a file of 40 KB that holds an emoji', () => {
  // The look for lone surrogates, made only where the text may hold one, ran out of stack.
  it('are refused in a sentence by import, source add and check --answers, not with the engine\'s words', () => {
    const d = 20_000;
    const nested = `${'['.repeat(d)}${']'.repeat(d)}`;
    const file = join(s.dir, 'deep.json');
    writeFileSync(file, `{"format":"vetted/1","companies":[{"name":"Café 😀"}],"checks":[${nested}]}`);
    const answers = join(s.dir, 'answers.json');
    writeFileSync(answers, `{"who-helps":"😀","x":${nested}}`);
    expect(expectOneLineError(s.run(['import', file, '--dry-run']))).toMatch(/checks\[0\]: must be a map, not a list; nothing was imported\./);
    expect(expectOneLineError(s.run(['source', 'add', file, '--name', 'deep']))).toMatch(/checks\[0\]: must be a map, not a list; nothing was stored\./);
    expect(expectOneLineError(s.run(['check', 'Foo', '--answers', answers]))).toMatch(/the answer of "x" must be text/);
    expect(existsSync(s.db)).toBe(false);
  });
});
