// Backups and restores: `backup` makes a private, whole, standalone copy through SQLite's
// backup API; `restore` checks what it is given, keeps the database it replaces, and
// refuses anything that is not a vetted database; an older database is backed up before
// it is migrated; the database is private (0600) from its first byte.
import { chmodSync, chownSync, closeSync, copyFileSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, SHARED, sandbox, type RunResult, type Sandbox } from '../helpers/cli.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { backupDatabase, restoreDatabase } from '../../src/store/backup.js';
import { runBackup } from '../../src/commands/backup.js';
import { makeContext } from '../../src/context.js';
import { STACK_FRAME, expectOneLineError, ok } from '../helpers/expect.js';

const SEEDS = join(SHARED, 'scenarios', 'seeds.yaml');

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => {
  s.cleanup();
});

/** The whole database as a data file, without the export time. */
function exported(db = s.db): unknown {
  const r = ok(s.run(['--db', db, 'export', '--format', 'json']));
  const doc = JSON.parse(r.stdout) as Record<string, unknown>;
  expect(doc.format).toBe('vetted/1');
  delete doc.exported_at;
  return doc;
}

/** The same export, read in-process (quicker than a spawn; the CLI path is tested above). */
/** The record a database holds, as the built binary exports it (opened by the sources, which are another build, it would drop the digests the binary kept). */
function dump(file = s.db): unknown {
  const doc = JSON.parse(ok(s.run(['--db', file, 'export', '--format', 'json'])).stdout) as Record<string, unknown>;
  delete doc.exported_at;
  return doc;
}

/** Runs vetted with its standard output sent into `file`, opened as the shell's `>` (`w`) or `>>` (`a`) opens it. */
function into(file: string, flags: string, args: string[]) {
  const fd = openSync(file, flags);
  try {
    return spawnSync(process.execPath, [BIN, ...args], { env: s.env, cwd: s.dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  } finally {
    closeSync(fd);
  }
}

const mode = (file: string) => statSync(file).mode & 0o777;

function pinned(file = s.db): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT c.name FROM pins p JOIN companies c ON c.id = p.company_id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('backup', () => {
  it('says in its help where a backup goes by default, named after the database, beside it', () => {
    const other = join(s.dir, 'family.db');
    const env = { VETTED_DB: other };
    ok(s.run(['pin', 'X', 'black', '--reason', 'r'], { env }));
    const path = ok(s.run(['backup'], { env })).stdout.trim();
    expect(path).toMatch(new RegExp(`^${s.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/backups/family-backup-\\d{8}-\\d{6}\\.db$`));
    const help = ok(s.run(['backup', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('(default: backups/<database name>-backup-<time>.db beside the database)');
    expect(ok(s.run(['--lang', 'ru', 'backup', '--help'])).stdout.replace(/\s+/g, ' ')).toContain('(по умолчанию: backups/<имя базы>-backup-<время>.db рядом с базой данных)');
  });

  it('writes <dir of db>/backups/…db, prints its path, 0600, and it holds the same data', () => {
    ok(s.run(['import', SEEDS]));
    const original = exported();
    expect((original as { companies: unknown[] }).companies.length).toBeGreaterThan(10);
    const r = ok(s.run(['backup']));
    const path = r.stdout.trim();
    expect(r.stdout).toBe(`${path}\n`);
    expect(dirname(path)).toBe(join(s.dir, 'backups'));
    expect(basename(path)).toMatch(/^vetted-.*\.db$/);
    expect(existsSync(path)).toBe(true);
    expect(mode(path)).toBe(0o600);
    expect(mode(join(s.dir, 'backups'))).toBe(0o700);
    // A standalone file: nothing left beside it, no temporary file either.
    expect(readdirSync(join(s.dir, 'backups'))).toEqual([basename(path)]);
    // A valid vetted database: its header says so and SQLite finds it whole.
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      db.close();
    }
    expect(exported(path)).toEqual(original);
    // The live database is as it was.
    expect(exported()).toEqual(original);
  });

  it('sends standard output into a log or a new file of the backups folder, as a cron job does, never into a copy there', () => {
    ok(s.run(['pin', 'Acme', 'black', '--reason', 'r']));
    const folder = join(s.dir, 'backups');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // `vetted backup >> backups/backup.log`: the backup is made, its path added to the log.
    const log = join(folder, 'backup.log');
    writeFileSync(log, 'an earlier run\n');
    const logged = into(log, 'a', ['backup']);
    expect(logged.status, logged.stderr).toBe(0);
    const [copy] = readdirSync(folder).filter((f) => f.endsWith('.db'));
    expect(readFileSync(log, 'utf8')).toBe(`an earlier run\n${join(folder, copy)}\n`);
    // `vetted backup --out - > backups/manual.db`: a new file there takes the copy, as --out would.
    const manual = join(folder, 'manual.db');
    expect(into(manual, 'w', ['backup', '--out', '-']).status).toBe(0);
    expect(readFileSync(manual).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    // A copy there is refused, and left as it was.
    const held = readFileSync(manual);
    for (const file of [manual, join(folder, copy)]) {
      const r = into(file, 'a', ['lists']);
      expect([r.status, r.stderr]).toEqual([2, 'vetted: standard output is sent to a file in the backups folder of the database, so the command did not run: it would have written its output into that file; send the output elsewhere.\n']);
    }
    expect(readFileSync(manual).equals(held)).toBe(true);
  });

  it('says of the database standard output emptied (`vetted lists > vetted.db`) that the shell emptied it, and where its copies are to restore', () => {
    ok(s.run(['pin', 'Acme', 'black', '--reason', 'r']));
    const copy = ok(s.run(['backup'])).stdout.trim();
    const folder = join(s.dir, 'backups');
    const en = `vetted: standard output is sent to the database or one of its own files, so the command did not run, but that file is empty now: \`>\` empties the file it names before the command starts. If it held your record, put back a copy: \`vetted restore FILE\`, with a copy from ${folder} (\`ls ${folder}\`) or one of your own; and send the output elsewhere.\n`;
    // Appended to, it is as it was: refused, without a word of emptying.
    expect(into(s.db, 'a', ['lists']).stderr).toMatch(/so the command did not run: it would have written its output into that file/);
    for (const file of [s.db, `${s.db}-wal`]) {
      const r = into(file, 'w', ['lists']);
      expect([r.status, r.stderr], file).toEqual([2, en]);
    }
    const ru = into(s.db, 'w', ['--lang', 'ru', 'lists']);
    expect([ru.status, ru.stderr]).toEqual([2, `vetted: стандартный вывод направлен в файл, а это база данных или один из её файлов, поэтому команда не выполнена, но этот файл уже пуст: \`>\` очищает файл ещё до запуска команды. Если в нём были ваши записи, верните копию: \`vetted restore ФАЙЛ\`, взяв копию из ${folder} (\`ls ${folder}\`) или свою; и направьте вывод в другое место.\n`]);
    // What it says to do brings the record back.
    rmSync(`${s.db}-wal`, { force: true });
    ok(s.run(['restore', copy, '--yes']));
    expect(ok(s.run(['lists', '--json'])).stdout).toMatch(/Acme/);
  });

  it('two backups in the same second get two different files', () => {
    ok(s.run(['import', SEEDS]));
    const a = ok(s.run(['backup'])).stdout.trim();
    const b = ok(s.run(['backup'])).stdout.trim();
    expect(a).not.toBe(b);
    expect(readdirSync(join(s.dir, 'backups')).sort()).toEqual([basename(a), basename(b)].sort());
  });

  it('--out FILE writes there, 0600, with the same data', () => {
    ok(s.run(['import', SEEDS]));
    const original = exported();
    const out = join(s.dir, 'copy.db');
    const r = ok(s.run(['backup', '--out', out]));
    expect(r.stdout.trim()).toBe(out);
    expect(mode(out)).toBe(0o600);
    expect(existsSync(join(s.dir, 'backups'))).toBe(false);
    expect(exported(out)).toEqual(original);
  });

  it('--out onto an existing file is refused, and that file is left alone', () => {
    ok(s.run(['import', SEEDS]));
    const out = join(s.dir, 'precious.txt');
    writeFileSync(out, 'do not overwrite me');
    expectOneLineError(s.run(['backup', '--out', out]));
    expect(readFileSync(out, 'utf8')).toBe('do not overwrite me');
  });

  it.each([
    ['a file', (p: string) => writeFileSync(p, 'x')],
    ['a link to nothing', (p: string) => symlinkSync(join(s.dir, 'gone'), p)],
  ])('where %s has the name of the backups folder, backup and restore say so of that folder, not of the database', (_what, make) => {
    ok(s.run(['import', SEEDS]));
    const out = join(s.dir, 'kept.db');
    ok(s.run(['backup', '--out', out]));
    make(join(s.dir, 'backups'));
    const said = /backups is not a folder \(a file or a link to nothing has its name\), so no copy of the database can be made in it; move it away\.$/;
    expect(expectOneLineError(s.run(['backup']))).toMatch(said);
    expect(expectOneLineError(s.run(['restore', out, '--yes']))).toMatch(said);
    // The copy given a place of its own is made.
    ok(s.run(['backup', '--out', join(s.dir, 'other.db')]));
  });

  it('there is nothing to back up without a database: exit 2, nothing created', () => {
    expectOneLineError(s.run(['backup']));
    expect(existsSync(s.db)).toBe(false);
    expect(existsSync(join(s.dir, 'backups'))).toBe(false);
  });
});

describe('a backup given to import', () => {
  it('is said to be a database, naming restore and the export that merges it; nothing is imported', () => {
    ok(s.run(['import', SEEDS]));
    const backup = join(s.dir, 'copy.db');
    ok(s.run(['backup', '--out', backup]));
    const before = exported();
    const r = s.run(['import', backup]);
    expect(r.code).toBe(2);
    expect(expectOneLineError(r)).toBe(
      `vetted: ${backup} is a database (a vetted backup?), not a data file: \`vetted restore "${backup}"\` puts a backup back in place of your record; to add its record to yours, export it first (\`vetted --db "${backup}" export --format json --out record.json\`) and import that. Nothing was imported.`,
    );
    // From standard input, without a file to name; in Russian too.
    const piped = s.run(['import', '-'], { input: readFileSync(backup, 'latin1') });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/^vetted: standard input is a database \(a vetted backup\?\), not a data file: give its file to `vetted restore`/);
    expect(s.run(['--lang', 'ru', 'import', backup]).stderr).toMatch(/ — база данных \(резервная копия vetted\?\), а не файл данных: `vetted restore /);
    // The database in use, by its path or by a link to it: nothing to restore, nothing to import.
    const link = join(s.dir, 'live.json');
    symlinkSync(s.db, link);
    for (const file of [s.db, link]) {
      expect(expectOneLineError(s.run(['import', file]))).toBe(`vetted: ${file} is the database in use, the record itself, not a data file: there is nothing to import from it. Nothing was imported.`);
    }
    // Nor is one a shared file to read beside the record.
    expect(expectOneLineError(s.run(['source', 'add', backup, '--name', 'copy']))).toBe(
      `vetted: ${backup} is a database (a vetted backup?), not a shared file: make one from it with \`vetted --db "${backup}" export --share --out shared.json\`, and add that.`,
    );
    expect(exported()).toEqual(before);
  });
});

/** The built binary run with a file as its standard input, as `< file` gives it, or (`piped`) as `cat file |` does. */
function runWithStdin(args: string[], stdin: { file: string; piped?: boolean }, lang = 'en'): RunResult {
  const argv = [BIN, '--lang', lang, ...args];
  if (stdin.piped) {
    const r = spawnSync('sh', ['-c', 'cat -- "$0" | "$@"', stdin.file, process.execPath, ...argv], { env: s.env, cwd: s.dir, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  const fd = openSync(stdin.file, 'r');
  try {
    const r = spawnSync(process.execPath, argv, { env: s.env, cwd: s.dir, encoding: 'utf8', stdio: [fd, 'pipe', 'pipe'] });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe('a database given to import on standard input', () => {
  it('is said to be one, with restore to be given its file: no command is named with a path that cannot be read again', () => {
    ok(s.run(['import', SEEDS]));
    const backup = join(s.dir, 'copy.db');
    ok(s.run(['backup', '--out', backup]));
    const before = exported();
    for (const [path, piped] of [
      ['/dev/stdin', false],
      ['/dev/stdin', true],
      ['/dev/fd/0', false],
      ['-', false],
      ['-', true],
    ] as const) {
      const line = expectOneLineError(runWithStdin(['import', path], { file: backup, piped }));
      expect(line, `${path}${piped ? ', piped' : ''}`).toBe(
        `vetted: ${path === '-' ? 'standard input' : path} is a database (a vetted backup?), not a data file: give its file to \`vetted restore\`, which puts a backup back in place of your record, or export its record as a data file first (\`vetted --db FILE export --format json\`) and import that. Nothing was imported.`,
      );
    }
    expect(expectOneLineError(runWithStdin(['import', '/dev/stdin'], { file: backup }, 'ru'))).toMatch(/: передайте её файл `vetted restore`/);
    expect(exported()).toEqual(before);
  });
});

describe('a database\'s log or shared memory given to import', () => {
  it('is said to be that, with the database beside it to give instead; the log of the database in use, to be part of it', () => {
    ok(s.run(['import', SEEDS]));
    const backup = join(s.dir, 'copy.db');
    ok(s.run(['backup', '--out', backup]));
    const before = exported();
    // A change in the log, not yet written into the database: its log and shared memory are there while it is open.
    const open = new Database(backup);
    try {
      open.pragma('journal_mode = WAL');
      open.pragma('wal_autocheckpoint = 0');
      open.pragma(`user_version = ${open.pragma('user_version', { simple: true }) as number}`);
      const restoreIt = `give the database itself: \`vetted restore "${backup}"\`; to add its record to yours, export it (\`vetted --db "${backup}" export --format json --out record.json\`) and import that. Nothing was imported.`;
      expect(expectOneLineError(s.run(['import', `${backup}-wal`]))).toBe(
        `vetted: ${backup}-wal is the write-ahead log of the database ${backup}, kept beside it by SQLite: no data file and no backup, and nothing that can be read without that database. To put the database back in place of your record, ${restoreIt}`,
      );
      expect(expectOneLineError(s.run(['import', `${backup}-shm`]))).toBe(
        `vetted: ${backup}-shm is the shared-memory file of the database ${backup}, kept beside it by SQLite: no data file and no backup, and nothing that can be read without that database. To put the database back in place of your record, ${restoreIt}`,
      );
      expect(expectOneLineError(s.run(['--lang', 'ru', 'import', `${backup}-wal`]))).toMatch(/ — журнал предварительной записи базы данных \S+copy\.db, который SQLite держит рядом с ней: .*`vetted restore "\S+copy\.db"`/);
      // A log copied away from its database is told by what it holds, and on standard input too.
      const log = join(s.dir, 'log-copy');
      copyFileSync(`${backup}-wal`, log);
      const away = `is the write-ahead log of an SQLite database: no data file and no backup, and nothing that can be read without its database. Give the database instead: its file to \`vetted restore\`, which puts a backup back in place of your record, or its record exported as a data file (\`vetted --db FILE export --format json\`) to import. Nothing was imported.`;
      expect(expectOneLineError(s.run(['import', log]))).toBe(`vetted: ${log} ${away}`);
      expect(expectOneLineError(runWithStdin(['import', '-'], { file: log }))).toBe(`vetted: standard input ${away}`);
    } finally {
      open.close();
    }
    // The log of the database in use, empty between writes: a part of the record.
    writeFileSync(`${s.db}-wal`, '');
    expect(expectOneLineError(s.run(['import', `${s.db}-wal`]))).toBe(
      `vetted: ${s.db}-wal is the write-ahead log of the database in use (${s.db}), a part of the record itself, not a data file: there is nothing to import from it. Nothing was imported.`,
    );
    rmSync(`${s.db}-wal`);
    expect(exported()).toEqual(before);
  });
});

describe('the database in use given to import under another name', () => {
  it('on standard input, or its log or shared memory by a hard link, is said to be the record itself, with nothing to import, and not sent to restore', () => {
    ok(s.run(['import', SEEDS]));
    const inUse = (file: string) => `vetted: ${file} is the database in use, the record itself, not a data file: there is nothing to import from it. Nothing was imported.`;
    const partOf = (file: string, what: string) => `vetted: ${file} is ${what} of the database in use (${s.db}), a part of the record itself, not a data file: there is nothing to import from it. Nothing was imported.`;
    expect(expectOneLineError(runWithStdin(['import', '-'], { file: s.db }))).toBe(inUse('standard input'));
    expect(expectOneLineError(runWithStdin(['import', '--dry-run', '-'], { file: s.db }))).toBe(inUse('standard input'));
    expect(expectOneLineError(runWithStdin(['import', '/dev/stdin'], { file: s.db }))).toBe(inUse('/dev/stdin'));
    expect(expectOneLineError(runWithStdin(['import', '-'], { file: s.db }, 'ru'))).toBe('vetted: стандартный ввод — база данных, которая сейчас используется, то есть сами записи, а не файл данных: загружать из неё нечего. Ничего не загружено.');
    // Held open, the database keeps a change in its log, which has other names besides its own.
    const open = new Database(s.db);
    try {
      open.prepare('SELECT count(*) FROM sqlite_master').get();
      ok(s.run(['pin', 'Beeline', 'black', '--reason', 'kept in the log']));
      const before = exported();
      const log = join(s.dir, 'log-link');
      const shared = join(s.dir, 'shared-link');
      linkSync(`${s.db}-wal`, log);
      linkSync(`${s.db}-shm`, shared);
      expect(statSync(log).size).toBeGreaterThan(0);
      expect(expectOneLineError(s.run(['import', log]))).toBe(partOf(log, 'the write-ahead log'));
      expect(expectOneLineError(s.run(['import', shared]))).toBe(partOf(shared, 'the shared-memory file'));
      expect(expectOneLineError(runWithStdin(['import', '-'], { file: log }))).toBe(partOf('standard input', 'the write-ahead log'));
      expect(expectOneLineError(s.run(['--lang', 'ru', 'import', log]))).toMatch(/ — журнал предварительной записи базы данных, которая сейчас используется \(/);
      expect(exported()).toEqual(before);
    } finally {
      open.close();
    }
  });
});

describe('a database cut short given to import', () => {
  it('is said to be damaged at once, without sending it to restore', () => {
    ok(s.run(['import', SEEDS]));
    const whole = join(s.dir, 'whole.db');
    ok(s.run(['backup', '--out', whole]));
    const before = exported();
    const size = statSync(whole).size;
    const cut = join(s.dir, 'cut.db');
    writeFileSync(cut, readFileSync(whole).subarray(0, 8192));
    const damaged = 'a copy that stopped part way, damaged, which neither import nor restore can read. Copy it again, whole, from where it came, or give another backup. Nothing was imported.';
    const bytesOf = (n: number) => n.toLocaleString('en-US');
    expect(expectOneLineError(s.run(['import', cut]))).toBe(`vetted: ${cut} is an SQLite database cut short (8,192 bytes of the ${bytesOf(size)} its header gives): ${damaged}`);
    expect(expectOneLineError(runWithStdin(['import', '-'], { file: cut }))).toBe(`vetted: standard input is an SQLite database cut short (8,192 bytes of the ${bytesOf(size)} its header gives): ${damaged}`);
    writeFileSync(cut, readFileSync(whole).subarray(0, 50));
    expect(expectOneLineError(s.run(['import', cut]))).toBe(`vetted: ${cut} is an SQLite database cut short (50 bytes: not even its header is whole): ${damaged}`);
    expect(expectOneLineError(s.run(['--lang', 'ru', 'import', cut]))).toMatch(/ — неполная копия базы данных SQLite \(50 байт: не уцелел даже заголовок\): .*Ничего не загружено\.$/);
    expect(exported()).toEqual(before);
  });
});

describe('restore', () => {
  it('puts a backup in place of a database too damaged to open, keeping the damaged file as it was', () => {
    ok(s.run(['import', SEEDS]));
    const original = dump();
    const backup = ok(s.run(['backup', '--out', join(s.dir, 'good.db')])).stdout.trim();
    // The first page of the companies table overwritten: the database cannot be read any more.
    const reader = new Database(s.db, { readonly: true });
    const page = reader.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'companies'").pluck().get() as number;
    reader.close();
    const bytes = readFileSync(s.db);
    bytes.fill(0xde, 4096 * (page - 1), 4096 * page);
    writeFileSync(s.db, bytes);
    expect(expectOneLineError(s.run(['lists']))).toMatch(/the database is damaged .*restore a backup with `vetted restore FILE`/);
    const r = ok(s.run(['restore', backup, '--yes']));
    expect(exported()).toEqual(original);
    const kept = readdirSync(join(s.dir, 'backups')).filter((f) => f.includes('before-restore'));
    expect(kept).toHaveLength(1);
    expect(r.stderr).toContain(join(s.dir, 'backups', kept[0]));
    expect(readFileSync(join(s.dir, 'backups', kept[0]))).toEqual(bytes);
    expect(mode(s.db)).toBe(0o600);
  });

  it('a database cut short before the end of its header is said to be that, by --db and VETTED_DB alike, and a backup is put in its place', () => {
    ok(s.run(['import', SEEDS]));
    const original = dump();
    const backup = ok(s.run(['backup', '--out', join(s.dir, 'good.db')])).stdout.trim();
    const cut = join(s.dir, 'cut.db');
    const bytes = readFileSync(s.db).subarray(0, 50);
    writeFileSync(cut, bytes);
    const said = `vetted: ${cut} is an SQLite database cut short (50 bytes: not even its header is whole): a copy that stopped part way, damaged, which nothing can read. Restore a backup with \`vetted restore FILE\`, or pass --db with another path.`;
    for (const args of [['lists'], ['incident', 'list'], ['backup'], ['pin', 'Beeline', 'black', '--reason', 'x']]) {
      expect(expectOneLineError(s.run(['--db', cut, ...args])), args.join(' ')).toBe(said);
      expect(expectOneLineError(s.run(args, { env: { VETTED_DB: cut } })), args.join(' ')).toMatch(/ is an SQLite database cut short \(50 bytes: not even its header is whole\)/);
    }
    expect(expectOneLineError(s.run(['--lang', 'ru', '--db', cut, 'lists']))).toMatch(/ — неполная копия базы данных SQLite \(50 байт: не уцелел даже заголовок\): .*`vetted restore FILE`/);
    expect(readFileSync(cut)).toEqual(bytes);
    // The restore it is sent to puts the backup in its place, keeping it as it was.
    ok(s.run(['--db', cut, 'restore', backup, '--yes']));
    expect(dump(cut)).toEqual(original);
    const [kept] = readdirSync(join(s.dir, 'backups')).filter((f) => f.includes('before-restore'));
    expect(readFileSync(join(s.dir, 'backups', kept))).toEqual(bytes);
  });

  it('puts a backup in place of a damaged database of an older version, which it does not migrate', () => {
    ok(s.run(['import', SEEDS]));
    const original = dump();
    const backup = ok(s.run(['backup', '--out', join(s.dir, 'good.db')])).stdout.trim();
    const older = new Database(s.db);
    const page = older.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'incidents'").pluck().get() as number;
    older.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    older.close();
    const bytes = readFileSync(s.db);
    bytes.fill(0xde, 4096 * (page - 1), 4096 * page);
    writeFileSync(s.db, bytes);
    // Said at once, with no copy of it kept before an upgrade that cannot be.
    expect(expectOneLineError(s.run(['lists']))).toMatch(/is damaged.*restore a backup/);
    expect(existsSync(join(s.dir, 'backups'))).toBe(false);
    ok(s.run(['restore', backup, '--yes']));
    expect(exported()).toEqual(original);
    const [kept] = readdirSync(join(s.dir, 'backups')).filter((f) => f.includes('before-restore'));
    expect(readFileSync(join(s.dir, 'backups', kept))).toEqual(bytes);
  });

  it('replaces the data with the backup (a pin added after it is gone) and keeps a before-restore backup', () => {
    ok(s.run(['import', SEEDS]));
    const original = dump();
    const backup = ok(s.run(['backup', '--out', join(s.dir, 'before-pin.db')])).stdout.trim();
    const backupBytes = readFileSync(backup);
    ok(s.run(['pin', 'Beeline', 'black', '--reason', 'added after the backup']));
    const withPin = dump();
    expect(pinned()).toContain('Beeline');

    const r = ok(s.run(['restore', backup, '--yes']));
    expect(r.stderr).toMatch(/restored/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(pinned()).not.toContain('Beeline');
    expect(exported()).toEqual(original);
    expect(mode(s.db)).toBe(0o600);

    // The database as it was before the restore is kept, and holds the pin.
    const kept = readdirSync(join(s.dir, 'backups')).filter((f) => f.includes('before-restore'));
    expect(kept).toHaveLength(1);
    const keptPath = join(s.dir, 'backups', kept[0]);
    expect(r.stderr).toContain(keptPath);
    expect(mode(keptPath)).toBe(0o600);
    expect(pinned(keptPath)).toContain('Beeline');
    expect(dump(keptPath)).toEqual(withPin);
    // The backup restored from is unchanged.
    expect(readFileSync(backup).equals(backupBytes)).toBe(true);
  });

  it('three restores at once each keep what they replaced, under a name of its own, and say where', async () => {
    ok(s.run(['import', SEEDS]));
    const backups = ['a', 'b', 'c'].map((n) => {
      const out = join(s.dir, `${n}.db`);
      ok(s.run(['pin', `Shop ${n}`, 'white', '--reason', n]));
      ok(s.run(['backup', '--out', out]));
      return out;
    });
    const run = (file: string) =>
      new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn(process.execPath, [BIN, 'restore', file, '--yes'], { env: s.env });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => done({ code, stderr }));
      });
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(backups.map(run));
      const kept = results.map((r) => {
        expect(r.code, r.stderr).toBe(0);
        return /kept the database as it was in (.+)$/m.exec(r.stderr)![1];
      });
      // Three copies, each where its restore said, each a whole database.
      expect(new Set(kept).size).toBe(3);
      for (const file of kept) {
        const db = new Database(file, { readonly: true });
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        } finally {
          db.close();
        }
      }
    }
  });

  it('leaves the folder of the backup as it found it: no log or shared memory made beside a copy of a database file, even one copied with its log', () => {
    ok(s.run(['import', SEEDS]));
    const original = dump();
    const folder = join(s.dir, 'copies');
    mkdirSync(folder);
    const made = ok(s.run(['backup', '--out', join(folder, 'made.db')])).stdout.trim();
    // A copy of the database file, which is in WAL mode (SQLite makes a log and a shared memory beside such a file it reads).
    const copied = join(folder, 'copied.db');
    copyFileSync(s.db, copied);
    // A copy taken with its log, which holds a pin the database file itself does not have yet.
    const live = new Database(s.db);
    let withLog: string;
    try {
      // Read once, so that the pin's connection, closed, is not the last one, which would write the log into the file.
      live.prepare('SELECT count(*) FROM sqlite_master').get();
      ok(s.run(['pin', 'Beeline', 'black', '--reason', 'in the log only']));
      withLog = join(folder, 'with-log.db');
      copyFileSync(s.db, withLog);
      copyFileSync(`${s.db}-wal`, `${withLog}-wal`);
    } finally {
      live.close();
    }
    const files = () => Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(join(folder, f)).toString('base64')]));
    const before = files();
    expect(Object.keys(before)).toEqual(['copied.db', 'made.db', 'with-log.db', 'with-log.db-wal']);
    for (const backup of [made, copied]) {
      ok(s.run(['restore', backup, '--yes']));
      expect(files(), backup).toEqual(before);
      expect(dump()).toEqual(original);
    }
    ok(s.run(['restore', withLog, '--yes']));
    expect(files()).toEqual(before);
    expect(pinned()).toContain('Beeline');
    // With no temporary folder to copy it into, it is restored all the same, read where it is.
    ok(s.run(['unpin', 'Beeline']));
    ok(s.run(['restore', copied, '--yes'], { env: { TMPDIR: join(s.dir, 'none') } }));
    expect(dump()).toEqual(original);
  });

  it.runIf(process.getuid?.() === 0 && existsSync('/usr/bin/setpriv'))('restores a copy of a database file from a folder it cannot write (a backup disk mounted read-only)', () => {
    ok(s.run(['import', SEEDS]));
    const original = dump();
    chmodSync(s.dir, 0o777);
    const folder = join(s.dir, 'read-only');
    mkdirSync(folder);
    const backup = join(folder, 'copied.db');
    copyFileSync(s.db, backup);
    chmodSync(backup, 0o444);
    chmodSync(folder, 0o555);
    // The database of a user without rights of their own (nobody), who runs the restore.
    const db = join(s.dir, 'theirs.db');
    copyFileSync(s.db, db);
    chownSync(db, 65534, 65534);
    const asNobody = (args: string[]) => {
      const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], {
        env: { ...s.env, VETTED_DB: db, HOME: '/nonexistent' },
        encoding: 'utf8',
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    ok(asNobody(['pin', 'Beeline', 'black', '--reason', 'after the copy']));
    expect(ok(asNobody(['restore', backup, '--yes'])).stderr).toMatch(/restored/);
    expect(readdirSync(folder)).toEqual(['copied.db']);
    expect(pinned(db)).not.toContain('Beeline');
    expect(dump(db)).toEqual(original);
  });

  it('restoring into a database path that does not exist yet creates it, 0600', () => {
    ok(s.run(['import', SEEDS]));
    const original = dump();
    const backup = ok(s.run(['backup', '--out', join(s.dir, 'b.db')])).stdout.trim();
    const fresh = join(s.dir, 'fresh.db');
    ok(s.run(['--db', fresh, 'restore', backup, '--yes']));
    expect(mode(fresh)).toBe(0o600);
    expect(dump(fresh)).toEqual(original);
  });

  /** A refused restore: exit 2, and neither the live database nor the file given changed. */
  function refusedRestore(make: (file: string) => void, sentence: RegExp, oneLine = true): void {
    ok(s.run(['import', SEEDS]));
    const before = dump();
    const bytes = readFileSync(s.db);
    const file = join(s.dir, 'not-a-backup.db');
    make(file);
    const given = readFileSync(file);
    const r = s.run(['restore', file, '--yes']);
    if (oneLine) expect(expectOneLineError(r)).toMatch(sentence);
    else {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(sentence);
      expect(r.stderr).not.toMatch(STACK_FRAME);
    }
    expect(readFileSync(s.db).equals(bytes), 'the live database changed').toBe(true);
    expect(readFileSync(file).equals(given), 'the file given was changed').toBe(true);
    expect(existsSync(join(s.dir, 'backups'))).toBe(false);
    expect(dump()).toEqual(before);
  }

  it('of a text file: exit 2, the live database unchanged', () => {
    refusedRestore((f) => writeFileSync(f, 'just some text\n'.repeat(100)), /^vetted: \S+not-a-backup\.db is not a vetted backup \(it is not an SQLite file\), so nothing was restored\.$/);
  });

  it('of a folder: exit 2, said of the file given, with no advice to pass --db', () => {
    ok(s.run(['import', SEEDS]));
    const folder = join(s.dir, 'a-folder');
    mkdirSync(folder);
    expect(expectOneLineError(s.run(['restore', folder, '--yes']))).toBe(`vetted: ${folder} is not a vetted backup (it is a folder), so nothing was restored.`);
  });

  it("of another program's database: exit 2, the live database unchanged", () => {
    refusedRestore((f) => {
      const db = new Database(f);
      db.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('la')");
      db.close();
    }, /another program|not a vetted/i);
  });

  it('of a database from a newer vetted: exit 2, the live database unchanged', () => {
    refusedRestore((f) => {
      const db = new Database(f);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma('user_version = 99');
      db.exec('CREATE TABLE future (x)');
      db.close();
    }, /newer/i);
  });

  it('of an empty file: exit 2, the live database unchanged', () => {
    refusedRestore((f) => writeFileSync(f, ''), /empty|not a vetted/i);
  });

  const damage = (f: string) => {
    ok(s.run(['backup', '--out', f]));
    const bytes = readFileSync(f);
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    writeFileSync(f, bytes);
  };

  it('of a damaged vetted database: exit 2, the live database unchanged', () => {
    refusedRestore(damage, /damaged/i, false);
  });

  it('of a damaged vetted database: the refusal is one line', () => {
    refusedRestore(damage, /damaged/i, true);
  });

  it('of a truncated backup: exit 2, the backup named as damaged, not the database in use', () => {
    refusedRestore((f) => {
      ok(s.run(['backup', '--out', f]));
      writeFileSync(f, readFileSync(f).subarray(0, 8192));
    }, /^vetted: \S+not-a-backup\.db is not a vetted backup \(it is an SQLite database cut short, a copy that stopped part way; copy it again, whole\), so nothing was restored\.$/);
  });

  it("of a database's log, by its first bytes wherever it was copied to: exit 2, the live database unchanged", () => {
    refusedRestore(
      (f) => writeFileSync(f, Buffer.concat([Buffer.from([0x37, 0x7f, 0x06, 0x82, 0, 0x2d, 0xe2, 0x18]), Buffer.alloc(24)])),
      /^vetted: \S+not-a-backup\.db is not a vetted backup \(it is the write-ahead log SQLite keeps beside a database: give the database itself\), so nothing was restored\.$/,
    );
  });

  it("of a database's shared memory, by its name beside the database: exit 2, nothing changed", () => {
    ok(s.run(['import', SEEDS]));
    const backup = join(s.dir, 'kept.db');
    ok(s.run(['backup', '--out', backup]));
    writeFileSync(`${backup}-shm`, Buffer.alloc(32768));
    const before = dump();
    expect(expectOneLineError(s.run(['restore', `${backup}-shm`, '--yes']))).toBe(`vetted: ${backup}-shm is not a vetted backup (it is the shared-memory file SQLite keeps beside a database: give the database itself), so nothing was restored.`);
    expect(dump()).toEqual(before);
  });

  it('of a file that does not exist: exit 2', () => {
    ok(s.run(['import', SEEDS]));
    const line = expectOneLineError(s.run(['restore', join(s.dir, 'missing.db'), '--yes']));
    expect(line).toContain('missing.db');
  });

  it('without a terminal needs --yes: exit 2 naming what would be replaced, nothing changed', () => {
    ok(s.run(['import', SEEDS]));
    const backup = ok(s.run(['backup', '--out', join(s.dir, 'b.db')])).stdout.trim();
    ok(s.run(['pin', 'Beeline', 'black', '--reason', 'after the backup']));
    const line = expectOneLineError(s.run(['restore', backup]));
    expect(line).toContain(s.db);
    expect(line).toContain('--yes');
    expect(line).toMatch(/kept in .*before-restore/);
    expect(pinned()).toContain('Beeline');
    expect(existsSync(join(s.dir, 'backups'))).toBe(false);
  });

  it('of the database itself: exit 2', () => {
    ok(s.run(['import', SEEDS]));
    expectOneLineError(s.run(['restore', s.db, '--yes']));
  });
});

describe("a database's log or shared memory given as the database (--db)", () => {
  it('is refused, there or not yet, naming the database beside it: no database is made in its place', () => {
    ok(s.run(['import', SEEDS]));
    const before = dump();
    for (const companion of [`${s.db}-wal`, `${s.db}-shm`, `${s.db}-journal`]) {
      const kind = companion.endsWith('-wal') ? 'the write-ahead log' : companion.endsWith('-shm') ? 'the shared-memory file' : 'the rollback journal';
      for (const args of [['incident', 'add', 'Acme', '--title', 'into the log'], ['lists']]) {
        expect(expectOneLineError(s.run(['--db', companion, ...args]))).toBe(`vetted: ${companion} is ${kind} of the database ${s.db}, kept beside it by SQLite, not a database of its own; pass --db with the database itself.`);
      }
      expect(existsSync(companion) && readFileSync(companion).subarray(0, 15).toString('latin1') === 'SQLite format 3', `a database was made at ${companion}`).toBe(false);
    }
    // By a link to one, too (of another database, whose log is there).
    const kept = join(s.dir, 'kept.db');
    ok(s.run(['backup', '--out', kept]));
    writeFileSync(`${kept}-wal`, '');
    const link = join(s.dir, 'other.db');
    symlinkSync(`${kept}-wal`, link);
    expect(expectOneLineError(s.run(['--db', link, 'incident', 'add', 'Acme', '--title', 'into the log']))).toBe(`vetted: ${link} is the write-ahead log of the database ${kept}, kept beside it by SQLite, not a database of its own; pass --db with the database itself.`);
    expect(readFileSync(`${kept}-wal`).length).toBe(0);
    expect(dump()).toEqual(before);
    expect(expectOneLineError(s.run(['--lang', 'ru', '--db', `${s.db}-wal`, 'lists']))).toBe(`vetted: ${s.db}-wal — журнал предварительной записи базы данных ${s.db}, который SQLite держит рядом с ней, а не отдельная база; укажите в --db саму базу.`);
  });
});

describe('a database to be made where SQLite would take it, or a file beside it, for another database\'s own file', () => {
  it('is not made at the name of a log, shared memory or journal, with or without the database it names', () => {
    for (const name of ['y.db-wal', 'y.db-shm', 'y.db-journal']) {
      const path = join(s.dir, name);
      expect(expectOneLineError(s.run(['--db', path, 'incident', 'add', 'Keep', '--title', 'precious']))).toMatch(new RegExp(`^vetted: .*${name} is the name SQLite gives the .* of a database .*y\\.db: a database made there would be taken for that one's own file, and wiped, once .*y\\.db is made and opened\\. Choose another name\\.$`));
      expect(existsSync(path)).toBe(false);
    }
    ok(s.run(['incident', 'add', 'Acme', '--title', 'so that there is a database to back up']));
    const out = join(s.dir, 'other.db-wal');
    expect(expectOneLineError(s.run(['backup', '--out', out]))).toMatch(/other\.db-wal is the name SQLite gives the write-ahead log of a database/);
    expect(existsSync(out)).toBe(false);
  });

  it('is not made beside a file of such a name: a file of your own, a folder', () => {
    const notes = join(s.dir, 'notes');
    writeFileSync(`${notes}-wal`, 'my precious notes\n');
    expect(expectOneLineError(s.run(['--db', notes, 'incident', 'add', 'N', '--title', 't']))).toBe(
      `vetted: ${notes}-wal is there already, where SQLite keeps a file of its own for a database made at ${notes} (its log, shared memory or journal): it would be taken for that file, and wiped. Move it away first, or choose another path for the database.`,
    );
    expect(readFileSync(`${notes}-wal`, 'utf8')).toBe('my precious notes\n');
    expect(existsSync(notes)).toBe(false);
    const folder = join(s.dir, 'dir.db');
    mkdirSync(`${folder}-wal`);
    expect(expectOneLineError(s.run(['--db', folder, 'incident', 'add', 'Q', '--title', 't']))).toMatch(/dir\.db-wal is there already/);
    expect(existsSync(folder)).toBe(false);
  });
});

describe("a database of its own under the name of another's log", () => {
  it('is said to be one, to be moved before that other database is opened again: nothing wipes it meanwhile', () => {
    ok(s.run(['import', SEEDS]));
    const kept = join(s.dir, 'kept.db');
    ok(s.run(['backup', '--out', kept]));
    // A record made at `--db kept.db-wal`, as an older version did.
    const other = sandbox();
    try {
      ok(other.run(['incident', 'add', 'Zed', '--title', 'kept in the log']));
      copyFileSync(other.db, `${kept}-wal`);
    } finally {
      other.cleanup();
    }
    const misplaced = `${kept}-wal`;
    const said = `is a database of its own, under the name SQLite gives a file of the database ${kept} (its log, shared memory or journal): the next opening of ${kept} would take it for that file and wipe it. Move it to another name first (\`mv "${misplaced}" "${misplaced}.db"\`), and give it by that name.`;
    for (const args of [['--db', misplaced, 'incident', 'list'], ['restore', misplaced, '--yes'], ['import', misplaced], ['source', 'add', misplaced, '--name', 'x']]) {
      expect(expectOneLineError(s.run(args))).toBe(`vetted: ${misplaced} ${said}`);
    }
    expect(readFileSync(misplaced).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    copyFileSync(misplaced, `${misplaced}.db`);
    expect(ok(s.run(['--db', `${misplaced}.db`, 'incident', 'list'])).stdout).toContain('kept in the log');
  });

  it('a data file named as a log beside a database is read as the data file it is', () => {
    ok(s.run(['import', SEEDS]));
    const kept = join(s.dir, 'kept.db');
    ok(s.run(['backup', '--out', kept]));
    writeFileSync(`${kept}-journal`, 'format: vetted/1\ncompanies:\n  - name: Journal Co\n');
    expect(ok(s.run(['import', `${kept}-journal`])).stderr).toMatch(/companies: 1 added/);
  });
});

describe('the database file', () => {
  it('is 0600 from its creation', () => {
    s.makeDatabase();
    expect(existsSync(s.db)).toBe(true);
    expect(mode(s.db)).toBe(0o600);
    ok(s.run(['import', SEEDS]));
    expect(mode(s.db)).toBe(0o600);
  });

  it('of a damaged database keeps the copy, says that it is of the damaged file and what to do instead, and fails', () => {
    ok(s.run(['import', SEEDS]));
    const good = ok(s.run(['backup'])).stdout.trim();
    // The first page of the companies table overwritten, as a failing disk does: the header and the schema still read.
    const reader = new Database(s.db, { readonly: true });
    const page = reader.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'companies'").pluck().get() as number;
    reader.close();
    const bytes = readFileSync(s.db);
    bytes.fill(0xff, 4096 * (page - 1), 4096 * page);
    writeFileSync(s.db, bytes);
    expect(expectOneLineError(s.run(['incident', 'list']))).toMatch(/damaged/);
    const dir = join(s.dir, 'backups');
    const line = expectOneLineError(s.run(['backup']));
    const made = readdirSync(dir).filter((f) => f !== basename(good));
    expect(made).toHaveLength(1);
    const copy = join(dir, made[0]);
    const re = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(line).toMatch(
      new RegExp(
        `^vetted: ${re(s.db)} is damaged \\(SQLite says: .+\\), and so is the copy of it just written to ${re(copy)}, kept all the same for what can still be read from it; ` +
          `restore a backup made before the damage with \`vetted restore FILE\`, which refuses a damaged one \\(the copies in ${re(dir)}, newest first: ${re(good)}\\), ` +
          `or salvage what can still be read with \`sqlite3 .+ \\.recover \\| sqlite3 salvaged\\.db\` and restore salvaged\\.db\\.$`,
      ),
    );
    // The copy is of the damaged file, as a restore of it finds; the one made before is whole.
    expect(readFileSync(copy).subarray(4096 * (page - 1), 4096 * page).every((b) => b === 0xff)).toBe(true);
    expect(expectOneLineError(s.run(['restore', copy, '--yes']))).toMatch(/is damaged .*so it was not restored/);
    // Written through standard output, the copy goes all the same, and the command fails.
    const piped = spawnSync(process.execPath, [BIN, 'backup', '--out', '-'], { env: s.env, cwd: s.dir });
    expect(piped.status).toBe(2);
    expect(piped.stdout.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(piped.stderr.toString()).toMatch(/^vetted: .* is damaged .*, and so is the copy of it just written to standard output; restore a backup made before the damage/);
    expect(expectOneLineError(s.run(['--lang', 'ru', 'backup']))).toMatch(/ повреждена \(SQLite: .+\), а значит, повреждена и только что записанная в .+ копия .*; восстановите копию, сделанную до повреждения .*`sqlite3 .+ \.recover/);
    // The copies of the damage made before, kept under a backup's name, are not offered as ones to restore.
    expect(readdirSync(dir).length).toBeGreaterThan(2);
    expect(expectOneLineError(s.run(['backup']))).toMatch(new RegExp(`newest first: ${re(good)}\\), `));
    // Nor what a restore would not take under a copy's name (a folder, an empty file): the damage is still what is said.
    mkdirSync(join(dir, 'vetted-backup-20990101-000000.db'));
    writeFileSync(join(dir, 'vetted-backup-20990101-000001.db'), '');
    expect(expectOneLineError(s.run(['backup']))).toMatch(new RegExp(`is damaged .*newest first: ${re(good)}\\), `));
  });

  it('to standard output says so, --out /dev/stdout as --out -', () => {
    ok(s.run(['import', SEEDS]));
    for (const out of ['-', '/dev/stdout']) {
      const piped = spawnSync(process.execPath, [BIN, 'backup', '--out', out], { env: s.env, cwd: s.dir });
      expect(piped.status, out).toBe(0);
      expect(piped.stdout.subarray(0, 16).toString('latin1'), out).toBe('SQLite format 3\0');
      expect(piped.stderr.toString(), out).toBe(`backed up ${s.db} to standard output\n`);
    }
  });

  it('to standard output that is a terminal is refused, as an attachment is: a database is no text for the screen', async () => {
    ok(s.run(['import', SEEDS]));
    const written: string[] = [];
    const ctx = { ...makeContext({ db: s.db }, { VETTED_CONFIG: s.config, LANG: 'en' }), out: { write: (x: string) => written.push(x), isTTY: true } };
    for (const out of ['-', '/dev/stdout']) {
      await expect(runBackup(ctx, { out }), out).rejects.toThrow('a backup is a database file, not text for a terminal; write it to a file with --out FILE, or pipe it (--out - | …).');
    }
    expect(written).toEqual([]);
  });

  it('to standard output says so in the language asked for', () => {
    ok(s.run(['import', SEEDS]));
    const piped = spawnSync(process.execPath, [BIN, '--lang', 'ru', 'backup', '--out', '-'], { env: s.env, cwd: s.dir });
    expect(piped.status).toBe(0);
    expect(piped.stderr.toString()).toBe(`копия ${s.db} записана в стандартный вывод\n`);
  });

  it('to standard output removes the private folders that backups stopped part way left, and no other', () => {
    ok(s.run(['import', SEEDS]));
    const tmp = join(s.dir, 'tmp');
    mkdirSync(tmp);
    const left = (name: string, minutesAgo: number) => {
      const dir = join(tmp, name);
      mkdirSync(dir);
      writeFileSync(join(dir, 'backup.db'), 'a copy cut short');
      const at = new Date(Date.now() - minutesAgo * 60_000);
      utimesSync(join(dir, 'backup.db'), at, at);
      utimesSync(dir, at, at);
      return name;
    };
    // A process id no process has (above any pid_max), and this test's own process, still running.
    left('vetted-backup-999999999-aB3dE9', 30);
    const running = left(`vetted-backup-${process.pid}-xYz123`, 30);
    const lately = left('vetted-backup-999999998-Qq0Qq0', 1);
    const unnamed = left('vetted-backup-aB3dE9', 30);
    const piped = spawnSync(process.execPath, [BIN, 'backup', '--out', '-'], { env: { ...s.env, TMPDIR: tmp }, cwd: s.dir });
    expect(piped.status, piped.stderr.toString()).toBe(0);
    expect(piped.stdout.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(readdirSync(tmp).sort()).toEqual([lately, running, unnamed].sort());
  });

  it('the default data folder is created private (0700)', () => {
    const env = { VETTED_DB: '', XDG_DATA_HOME: join(s.dir, 'xdg-data'), HOME: s.dir };
    // A command that only reads makes no database, nor its folder.
    ok(s.run(['company', 'list'], { env }));
    expect(existsSync(join(s.dir, 'xdg-data'))).toBe(false);
    s.makeDatabase({ env });
    const files = readdirSync(join(s.dir, 'xdg-data'), { recursive: true }).map(String);
    const db = files.find((f) => f.endsWith('vetted.db'));
    expect(db, files.join(', ')).toBeDefined();
    const path = join(s.dir, 'xdg-data', db!);
    expect(mode(path)).toBe(0o600);
    expect(mode(dirname(path))).toBe(0o700);
  });
});

describe('before a migration', () => {
  /** A database at schema version 1, made by hand from the first migration, with one company. */
  function makeVersion1(file: string): void {
    const db = new Database(file);
    db.exec(MIGRATIONS[0].sql);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 1');
    db.prepare('INSERT INTO companies (name, key, skeleton, created_at) VALUES (?, ?, ?, ?)').run('Old Company', 'old company', 'old company', '2020-01-01');
    db.close();
  }

  it.skipIf(SCHEMA_VERSION === 1)('a file that will be refused neither migrates an older database nor backs it up', () => {
    makeVersion1(s.db);
    const before = readFileSync(s.db);
    const file = join(s.dir, 'bad.json');
    const incident = (n: number) => ({ id: `shop-${n}`, company: 'Shop', title: `order ${n}`, opened: '2020-01-01' });
    writeFileSync(file, JSON.stringify({ format: 'vetted/1', incidents: [incident(1), { ...incident(2), titel: 'misspelt' }] }, null, 2));
    for (const extra of [[], ['--dry-run']]) {
      const line = expectOneLineError(s.run(['import', file, ...extra]));
      expect(line).toContain('incidents[1].titel: unknown field');
      expect(readFileSync(s.db).equals(before)).toBe(true);
      expect(existsSync(join(s.dir, 'backups'))).toBe(false);
    }
  });

  it.skipIf(SCHEMA_VERSION === 1)('a database whose tables are not those of the version its header gives is refused before any copy is kept, however often it is opened', () => {
    ok(s.run(['import', SEEDS]));
    // A version set back by hand: the header says 1, the tables are the current ones.
    const db = new Database(s.db);
    db.pragma('user_version = 1');
    db.close();
    const before = readFileSync(s.db);
    for (const args of [['lists'], ['company', 'list'], ['incident', 'list']]) {
      const line = expectOneLineError(s.run(args));
      expect(line).toMatch(/says it is a vetted database but lacks its .*; restore a backup with `vetted restore FILE`/);
    }
    expect(existsSync(join(s.dir, 'backups'))).toBe(false);
    expect(readFileSync(s.db).equals(before)).toBe(true);
  });

  /** Runs the binary without waiting for it, for several to run at once. */
  const started = (args: string[]) =>
    new Promise<RunResult>((done) => {
      const child = spawn(process.execPath, [BIN, ...args], { env: s.env, cwd: s.dir });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });

  it.skipIf(SCHEMA_VERSION === 1)('commands started at once on an older database keep one copy of it between them, and each finds it upgraded', async () => {
    makeVersion1(s.db);
    // In WAL mode, as vetted leaves a database: the version in the file's header is the older one
    // until the upgrade's log is checkpointed into it.
    const wal = new Database(s.db);
    wal.pragma('journal_mode = WAL');
    wal.close();
    const runs = await Promise.all(Array.from({ length: 16 }, () => started(['company', 'list', '--json'])));
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { name: string }[]).map((c) => c.name)).toEqual(['Old Company']);
    }
    const copies = readdirSync(join(s.dir, 'backups'));
    expect(copies).toHaveLength(1);
    const said = runs.filter((r) => r.stderr.includes('before upgrading it'));
    expect(said).toHaveLength(1);
    expect(said[0].stderr).toContain(join(s.dir, 'backups', copies[0]));
    const b = new Database(join(s.dir, 'backups', copies[0]), { readonly: true });
    try {
      expect(b.pragma('user_version', { simple: true })).toBe(1);
      expect(b.prepare('SELECT name FROM companies').pluck().all()).toEqual(['Old Company']);
    } finally {
      b.close();
    }
  });

  it.skipIf(SCHEMA_VERSION < 2)('an upgrade that fails keeps no copy, and leaves the database as it was', () => {
    // A database of the version before the one that sets chains of undos right, made by its
    // migrations, with a journal whose chain of undos that migration must set right, and a
    // trigger that refuses every change of the journal's operations: that migration fails at
    // every try (and those after it are never reached).
    const v = MIGRATIONS.findIndex((m) => m.name.startsWith('which change each undo stands for'));
    const db = new Database(s.db);
    db.pragma('foreign_keys = OFF');
    db.function('vetted_op', () => null);
    for (const m of MIGRATIONS.slice(0, v)) {
      db.exec(m.sql);
      m.run?.(db);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${v}`);
    expect(MIGRATIONS[v].name, 'the last migration is another: make this test fail it another way').toMatch(/^which change each undo stands for/);
    // #1 marked undone by #2, an undo of it that is itself undone by #3: #1 stands again.
    db.exec(`INSERT INTO operations (id, at, command, summary, reverts, reverted_by) VALUES
      (1, '2026-01-01T00:00:00Z', 'vetted x', 'x', NULL, 2), (2, '2026-01-01T00:00:01Z', 'vetted undo', 'undo', 1, 3), (3, '2026-01-01T00:00:02Z', 'vetted undo --op 2', 'redo', 2, NULL)`);
    db.exec("CREATE TRIGGER refuse BEFORE UPDATE ON operations BEGIN SELECT RAISE(ABORT, 'refused'); END");
    db.close();
    const before = readFileSync(s.db);
    for (let i = 0; i < 3; i++) {
      const r = s.run(['company', 'list']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).not.toMatch(/backed up/);
    }
    expect(existsSync(join(s.dir, 'backups')) ? readdirSync(join(s.dir, 'backups')) : []).toEqual([]);
    const after = new Database(s.db, { readonly: true });
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(v);
    } finally {
      after.close();
    }
    expect(readFileSync(s.db).length).toBe(before.length);
  });

  it('a copy kept before an upgrade takes the next name where another process took its name meanwhile', async () => {
    ok(s.run(['import', SEEDS]));
    const dir = join(s.dir, 'backups');
    mkdirSync(dir);
    const taken = join(dir, 'taken.db');
    writeFileSync(taken, 'another copy');
    const next = join(dir, 'next.db');
    expect(await backupDatabase(s.db, taken, () => next)).toBe(next);
    expect(readFileSync(taken, 'utf8')).toBe('another copy');
    expect(readFileSync(next).subarray(0, 15).toString()).toBe('SQLite format 3');
    await expect(backupDatabase(s.db, taken)).rejects.toThrow(/exists already/);
  });

  it.skipIf(SCHEMA_VERSION === 1)('a backup of an older version is upgraded before it is put in place: no process reads the older schema in the database meanwhile', async () => {
    s.makeDatabase();
    const old = join(s.dir, 'old.db');
    makeVersion1(old);
    expect(await restoreDatabase(old, s.db)).toBeUndefined();
    // Read as the restore left it, before any command opens (and so migrates) it.
    const db = new Database(s.db, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT name FROM companies').pluck().all()).toEqual(['Old Company']);
    } finally {
      db.close();
    }
    // The file given is only read.
    const given = new Database(old, { readonly: true });
    expect(given.pragma('user_version', { simple: true })).toBe(1);
    given.close();
  });

  it('a restore where there was no database keeps a copy only if another process wrote to the one made meanwhile', async () => {
    ok(s.run(['import', SEEDS]));
    const backup = ok(s.run(['backup', '--out', join(s.dir, 'b.db')])).stdout.trim();
    const dir = join(s.dir, 'backups');
    mkdirSync(dir, { recursive: true });
    let n = 0;
    const another = () => join(dir, `kept-${++n}.db`);
    // Made a moment ago, with nothing in it: nothing to keep.
    const fresh = join(s.dir, 'fresh.db');
    s.makeDatabase({ env: { VETTED_DB: fresh } });
    expect(await restoreDatabase(backup, fresh, { name: another(), another, ifAny: true })).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
    // Written to by another process before the restore took its lock: kept, as a database replaced is.
    const written = join(s.dir, 'written.db');
    ok(s.run(['--db', written, 'pin', 'Meanwhile Shop', 'black', '--reason', 'written as the restore began']));
    const kept = await restoreDatabase(backup, written, { name: another(), another, ifAny: true });
    expect(kept).toBeDefined();
    expect(pinned(kept)).toEqual(['Meanwhile Shop']);
    expect(pinned(written)).not.toContain('Meanwhile Shop');
  });

  it('a restore where there was no database needs no folder of backups, and makes none', () => {
    ok(s.run(['import', SEEDS]));
    const backup = ok(s.run(['backup', '--out', join(s.dir, 'b.db')])).stdout.trim();
    const dir = join(s.dir, 'elsewhere');
    mkdirSync(dir);
    writeFileSync(join(dir, 'backups'), 'a file of the user\'s');
    ok(s.run(['--db', join(dir, 'z.db'), 'restore', backup, '--yes']));
    expect(readFileSync(join(dir, 'backups'), 'utf8')).toBe('a file of the user\'s');
    const clean = join(s.dir, 'clean');
    mkdirSync(clean);
    ok(s.run(['--db', join(clean, 'z.db'), 'restore', backup, '--yes']));
    expect(readdirSync(clean).filter((f) => !f.startsWith('z.db'))).toEqual([]);
  });

  it('a backup whose upgrade fails leaves no staged copy beside the database', () => {
    ok(s.run(['import', SEEDS]));
    const backup = ok(s.run(['backup', '--out', join(s.dir, 'b.db')])).stdout.trim();
    // Every table of the current schema, and a version that says it lacks the later ones: its migrations fail.
    const db = new Database(backup);
    db.pragma('user_version = 9');
    db.close();
    const before = dump();
    // Said as the backup's fault, naming it: it was an unexpected error.
    expect(expectOneLineError(s.run(['restore', backup, '--yes']))).toMatch(new RegExp(`^vetted: ${backup.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be brought to this version of vetted \\(.+\\), so it was not restored`));
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(dump()).toEqual(before);
  });

  it('backs up no empty file: there is no database there yet, and none is made', () => {
    writeFileSync(s.db, '');
    const line = expectOneLineError(s.run(['backup']));
    expect(line).toMatch(/no database/);
    expect(statSync(s.db).size).toBe(0);
    expect(existsSync(join(s.dir, 'backups'))).toBe(false);
  });

  it('two backups in the same second each take a name of their own', async () => {
    ok(s.run(['import', SEEDS]));
    const ctx = { ...makeContext({}, { ...process.env, VETTED_DB: s.db, VETTED_CONFIG: s.config }), now: () => Date.UTC(2026, 11, 7, 10, 0, 0) };
    const made = await Promise.all([runBackup(ctx, {}), runBackup(ctx, {})]);
    const names = made.map((r) => String(r.out).trim());
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(readFileSync(name).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it.skipIf(SCHEMA_VERSION === 1)('a dry run on an older database upgrades a copy in memory only: the file as it was, no backup', () => {
    makeVersion1(s.db);
    const wal = new Database(s.db);
    wal.pragma('journal_mode = WAL');
    wal.close();
    const before = readFileSync(s.db);
    const r = ok(s.run(['import', SEEDS, '--dry-run', '--json']));
    const report = JSON.parse(r.stdout) as { dry_run: boolean; companies: { added: number } };
    expect(report.dry_run).toBe(true);
    expect(report.companies.added).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/backed up/);
    expect(readFileSync(s.db).equals(before)).toBe(true);
    expect(existsSync(join(s.dir, 'backups'))).toBe(false);
    // Read as a file at rest: no connection left its log files beside it.
    for (const beside of ['-wal', '-shm']) expect(existsSync(`${s.db}${beside}`), beside).toBe(false);
  });

  it('a database at the current version is opened without a backup', () => {
    ok(s.run(['import', SEEDS]));
    const r = ok(s.run(['company', 'list']));
    expect(r.stderr).not.toMatch(/backed up/);
    expect(existsSync(join(s.dir, 'backups'))).toBe(false);
  });

  // With SCHEMA_VERSION 1 there is no older version to migrate from; this runs as soon as
  // migration 2 exists.
  it.skipIf(SCHEMA_VERSION === 1)('an older database is backed up, as it was, before it is migrated', () => {
    makeVersion1(s.db);
    const before = readFileSync(s.db);
    const r = ok(s.run(['company', 'list', '--json']));
    expect((JSON.parse(r.stdout) as { name: string }[]).map((c) => c.name)).toEqual(['Old Company']);
    expect(r.stderr).toMatch(/backed up the database to .* before upgrading it/);
    // The way back for one who must use an older version, which cannot read the upgraded database.
    expect(r.stderr).toMatch(/before upgrading it: an older version of vetted reads that copy, not the upgraded database\n/);
    const files = readdirSync(join(s.dir, 'backups'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^vetted-before-v${SCHEMA_VERSION}-.*\\.db$`));
    const backup = join(s.dir, 'backups', files[0]);
    expect(r.stderr).toContain(backup);
    expect(mode(backup)).toBe(0o600);
    const b = new Database(backup, { readonly: true });
    try {
      expect(b.pragma('user_version', { simple: true })).toBe(1);
      expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(b.prepare('SELECT name FROM companies').pluck().all()).toEqual(['Old Company']);
    } finally {
      b.close();
    }
    // The live one is migrated, and the next run makes no second backup.
    const live = new Database(s.db, { readonly: true });
    try {
      expect(live.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      live.close();
    }
    expect(readFileSync(s.db).equals(before)).toBe(false);
    ok(s.run(['company', 'list']));
    expect(readdirSync(join(s.dir, 'backups'))).toHaveLength(1);
  });

  it.skipIf(SCHEMA_VERSION === 1)('an older database whose folder has a `backups` file (not a folder) is not migrated without a backup', () => {
    makeVersion1(s.db);
    writeFileSync(join(s.dir, 'backups'), 'a file in the way');
    const before = readFileSync(s.db);
    const r = s.run(['company', 'list']);
    if (r.code !== 0) {
      // Refusing is fine, but then the database must be as it was.
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(readFileSync(s.db).equals(before)).toBe(true);
    } else {
      expect(r.stderr).toMatch(/backed up/);
    }
  });
});
