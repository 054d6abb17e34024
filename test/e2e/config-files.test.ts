// The files a user keeps in the config folder (checklists, letter templates, the policy) and
// the ones given by path, when they are not files: a link to nothing, a loop of links, a
// pipe, a device. Each is refused or skipped in a sentence, and never read without end.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, amazonAnswerFlags, sandbox, type RunResult, type Sandbox } from '../helpers/cli.js';
import { STACK_FRAME, expectOneLineError, ok } from '../helpers/expect.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

/** The command, stopped after 20 s: a command that reads without end fails here rather than hanging the run. */
function bounded(args: string[]): RunResult & { timedOut: boolean } {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: s.env, cwd: s.dir, encoding: 'utf8', timeout: 20_000, input: '' });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut: r.signal === 'SIGTERM' };
}

function refusedIn(r: ReturnType<typeof bounded>, sentence: RegExp): void {
  expect(r.timedOut, 'the command did not finish').toBe(false);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(sentence);
  expect(r.stderr).not.toMatch(STACK_FRAME);
}

const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);

describe('letter templates', () => {
  it('a template given by path is read from a pipe as any input is, and cut off at its limit from an endless device', () => {
    ok(s.run(['incident', 'add', 'Shop', '--title', 'Parcel lost', '--fault', 'company', '--opened', '2026-11-01 10:00']));
    // Through the shell, as a user gives one: <(…) names a pipe.
    const piped = (args: string, template: string) =>
      spawnSync('bash', ['-c', `"$0" "$1" ${args} <(printf '%s\\n' "$2")`, process.execPath, BIN, template], { env: s.env, cwd: s.dir, encoding: 'utf8', timeout: 20_000 });
    const letter = piped('letter shop-1 --from X --kind complaint --template', 'Dear {{company}}');
    expect([letter.status, letter.stdout], letter.stderr).toEqual([0, 'Dear Shop\n']);
    const checked = piped('letters check', 'Dear {{company}}');
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/^\/dev\/fd\/\d+: a valid letter template$/m);
    const wrong = piped('letters check', 'Dear {{compny}}');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^\/dev\/fd\/\d+:1: unknown placeholder \{\{compny\}\}/m);
    refusedIn(bounded(['letters', 'check', '/dev/zero']), /^vetted: \/dev\/zero holds more than 1 MB, the most vetted reads as a letter template; shorten it\.$/m);
    refusedIn(bounded(['letter', 'shop-1', '--from', 'X', '--kind', 'complaint', '--template', '/dev/zero']), /^vetted: \/dev\/zero holds more than 1 MB/m);
  });

  it('a template or a law.yaml kept in the config folder that is a device or a pipe is refused at once', () => {
    ok(s.run(['incident', 'add', 'Shop', '--title', 'Parcel lost', '--fault', 'company', '--opened', '2026-11-01 10:00']));
    mkdirSync(join(s.config, 'letters', 'en'), { recursive: true });
    symlinkSync('/dev/zero', join(s.config, 'letters', 'en', 'complaint.md'));
    refusedIn(bounded(['letter', 'shop-1', '--from', 'X', '--kind', 'complaint']), /complaint\.md is a device, a pipe or a socket, not a letter template/);
    mkfifo(join(s.config, 'letters', 'en', 'escalation.md'));
    refusedIn(bounded(['letter', 'shop-1', '--from', 'X', '--kind', 'escalation']), /escalation\.md is a device, a pipe or a socket/);
    // Listed as unusable, not waited on.
    const listed = bounded(['letters']);
    expect([listed.timedOut, listed.code]).toEqual([false, 0]);
    expect(listed.stdout).toMatch(/escalation +user, unusable/);
    expect(listed.stderr).toMatch(/escalation\.md is a device, a pipe or a socket/);
    mkfifo(join(s.config, 'law.yaml'));
    refusedIn(bounded(['letter', 'shop-1', '--from', 'X', '--kind', 'claim']), /law\.yaml is a device, a pipe or a socket, not a law\.yaml of overrides/);
  });
});

describe('the checklists folder', () => {
  it('skips, with a warning each, a link to nothing, a loop of links, a device, a pipe and a folder; never reads a device or waits on a pipe', () => {
    const dir = join(s.config, 'checklists');
    mkdirSync(dir, { recursive: true });
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    symlinkSync(join(s.dir, 'nothing.yaml'), join(dir, 'dangling.yaml'));
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    mkfifo(join(dir, 'pipe.yaml'));
    const r = bounded(['checklists']);
    expect(r.timedOut).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^general\s/m);
    expect(r.stderr).toMatch(/skipped a checklist file: .*loop\.yaml is a loop of symbolic links/);
    expect(r.stderr).toMatch(/skipped a checklist file: there is no file .*dangling\.yaml/);
    // A device, a pipe and a folder are left out, and said to be.
    expect(r.stderr).toMatch(/skipped a checklist file: .*pipe\.yaml is a device, a pipe or a socket, not a file; put a checklist file there, or move it out of the folder\./);
    expect(r.stderr).toMatch(/skipped a checklist file: .*zero\.yaml is a device, a pipe or a socket, not a file/);
    mkdirSync(join(dir, 'folder.yaml'));
    expect(bounded(['checklists']).stderr).toMatch(/skipped a checklist file: .*folder\.yaml is a folder, not a file/);
    const completed = bounded(['__complete', 'checklist', '']);
    expect(completed.timedOut, 'completion read without end').toBe(false);
    expect(completed.stdout.split('\n').filter(Boolean)).toEqual(['general', 'online-order', 'subscription']);
  });
});

describe('a checklist file of the user’s that cannot be read', () => {
  const general = readFileSync(join(ROOT, 'checklists', 'general.yaml'), 'utf8');
  it('is not stood in for by the built-in one it was made from: the check is refused, not recorded as made with the built-in', () => {
    s.makeDatabase();
    const dir = join(s.config, 'checklists');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'mine.yaml'), general.replace(/^version: 1$/m, 'version: 2') + '  - id: broken: [\n');
    const r = s.run(['check', 'Acme', ...amazonAnswerFlags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/your own checklist "general" cannot be read, and the built-in one is not taken in its place; nothing was recorded\. .*mine\.yaml:\d+:\d+: .*move that file out of the checklists folder/);
    expect(ok(s.run(['checks', 'list', '--json'])).stdout).not.toMatch(/acme/i);
    // A pipe of that name is said to be left out, never waited on.
    rmSync(join(dir, 'mine.yaml'));
    mkfifo(join(dir, 'general.yaml'));
    const piped = bounded(['check', 'Acme', ...amazonAnswerFlags]);
    expect(piped.timedOut).toBe(false);
    expect(piped.stderr).toMatch(/general\.yaml is a device, a pipe or a socket/);
  });

  it('--checklist takes what `checklists validate` takes: a JSON file, and - for standard input; a database given for one is said to be one', () => {
    const json = join(s.dir, 'mine.json');
    writeFileSync(json, JSON.stringify({ ...(parseYaml(general) as object), id: 'mine' }));
    expect(ok(s.run(['check', 'Acme', '--checklist', json, ...amazonAnswerFlags])).stdout).toMatch(/\(mine v1\)/);
    expect(ok(s.run(['check', 'Beta', '--checklist', '-', ...amazonAnswerFlags], { input: readFileSync(json, 'utf8') })).stdout).toMatch(/\(mine v1\)/);
    expect(expectOneLineError(s.run(['check', 'Gamma', '--checklist', '-', '--answers', '-'], { input: readFileSync(json, 'utf8') }))).toMatch(/both name standard input, which is read once/);
    const r = s.run(['checklists', 'validate', s.db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is an SQLite database, not a text file/);
  });
});

describe('the policy file', () => {
  it('a link to nothing is refused, not taken for "no policy": the lists would be made under a policy not meant', () => {
    mkdirSync(s.config, { recursive: true });
    symlinkSync(join(s.dir, 'moved-away.yaml'), join(s.config, 'policy.yaml'));
    refusedIn(bounded(['policy', 'show']), /there is no file .*policy\.yaml/);
    refusedIn(bounded(['lists']), /there is no file .*policy\.yaml/);
  });

  it('a pipe is refused at once, never waited on', () => {
    mkdirSync(s.config, { recursive: true });
    mkfifo(join(s.config, 'policy.yaml'));
    refusedIn(bounded(['lists']), /policy\.yaml is a device, a pipe or a socket, not a policy; put a file there, or remove it/);
  });
});

describe('an --out where no file can be made', () => {
  it('is said of that folder and of --out, not of the database', () => {
    s.makeDatabase();
    refusedIn(bounded(['due', '--out', '/proc/deadlines.txt']), /^vetted: no file can be made in \/proc \(ENOENT\); check its permissions, or choose another --out\.$/m);
    refusedIn(bounded(['due', '--out', join(s.dir, 'missing', 'deadlines.txt')]), /the folder .*missing does not exist; create it or choose another --out/);
  });
});
