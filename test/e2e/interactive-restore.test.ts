// Restoring on a terminal: the question names the database replaced and where the safety
// copy goes; no keeps the database as it was, yes replaces it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Terminal, after } from '../helpers/tmux.js';
import { SHARED, sandbox, type Sandbox } from '../helpers/cli.js';
import { json, ok } from '../helpers/expect.js';

let s: Sandbox;
let term: Terminal | undefined;

beforeEach(() => {
  s = sandbox();
  ok(s.run(['import', join(SHARED, 'scenarios', 'seeds.yaml')]));
});
afterEach(() => {
  term?.kill();
  term = undefined;
  s.cleanup();
});

function start(args: string[]): Terminal {
  term = Terminal.start({ dir: s.dir, args, env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' } });
  return term;
}

const companies = () => json<{ name: string }[]>(s, ['company', 'list', '--json']).map((c) => c.name);

describe('restore on a terminal', () => {
  /** A backup without the company added after it, so that a restore shows. */
  function backupThenAdd(): string {
    const backup = ok(s.run(['backup', '--out', join(s.dir, 'b.db')])).stdout.trim();
    ok(s.run(['pin', 'Added Later', 'white', '--reason', 'after the backup']));
    return backup;
  }

  it('asks, naming the database, what it holds and where the safety copy goes; no keeps it as it was', async () => {
    const backup = backupThenAdd();
    const t = start(['restore', backup]);
    await t.waitForText('y/N');
    // The question is one long line; the terminal may break it anywhere.
    const screen = t.screen().replace(/\n/g, '');
    expect(screen).toContain(s.db);
    expect(screen).toContain(backup);
    expect(screen).toMatch(/16 companies/);
    expect(screen).toMatch(/kept in \S+backups\/vetted-before-restore-/);
    t.type('n');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).toContain('nothing restored');
    expect(companies()).toContain('Added Later');
    expect(existsSync(join(s.dir, 'backups'))).toBe(false);
  });

  it('yes restores, and keeps the database it replaced', async () => {
    const backup = backupThenAdd();
    const t = start(['restore', backup]);
    await t.waitForText('Replace the database');
    t.type('y');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(companies()).not.toContain('Added Later');
    expect(readdirSync(join(s.dir, 'backups')).filter((f) => f.includes('before-restore'))).toHaveLength(1);
  });

  it('stopped with Ctrl+Z at the question and continued with fg, asks it again', async () => {
    const backup = backupThenAdd();
    term = Terminal.start({ dir: s.dir, args: ['restore', backup], env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' }, jobControl: true });
    const t = term;
    await t.waitForText('y/N');
    t.keys('C-z');
    await t.waitForText('Stopped');
    t.resume();
    await t.waitFor('the question asked again', (screen) => after(screen, 'fg; finish').includes('y/N'));
    t.type('y');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(companies()).not.toContain('Added Later');
  });

  it('--yes does not ask', async () => {
    const backup = backupThenAdd();
    const t = start(['restore', backup, '--yes']);
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).not.toContain('Replace the database');
    expect(companies()).not.toContain('Added Later');
  });
});
