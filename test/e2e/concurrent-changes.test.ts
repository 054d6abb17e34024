// A change checks what it reads within the transaction it writes in: another process's write
// between the checks and the write (evidence moved to a company being removed, a parent set
// the other way, the same change undone) is seen, not written over. Each test holds the write
// lock from a connection of its own, starts the command, changes the record, and lets go.
import { spawn } from 'node:child_process';
import { readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, sandbox, type RunResult, type Sandbox } from '../helpers/cli.js';
import { ok } from '../helpers/expect.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

/** Whether a process has the database open (its descriptors, as Linux lists them). */
function hasOpen(pid: number, file: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/** The command, run as a process of its own: it waits for the write lock the test holds. */
function started(args: string[], pids: number[]): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: s.env, cwd: s.dir });
    pids.push(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Holds the write lock while `commands` start and read what they read, then makes `change`
 * (raw SQL, journaled under an operation of its own) and lets go: the commands write after it.
 */
async function whileLocked(commands: string[][], change: string): Promise<RunResult[]> {
  const db = new Database(s.db);
  db.function('vetted_op', () => 999_999);
  db.exec('BEGIN IMMEDIATE');
  const pids: number[] = [];
  const running = commands.map((c) => started(c, pids));
  // Each command has opened the database (and, as it was written before, read what it checks)
  // before the change is made: then a while more, well within its 5 s wait for the lock.
  const until = Date.now() + 4000;
  while (Date.now() < until && !pids.every((pid) => hasOpen(pid, s.db))) await new Promise((r) => setTimeout(r, 20));
  expect(pids.every((pid) => hasOpen(pid, s.db)), 'a command never opened the database').toBe(true);
  await new Promise((r) => setTimeout(r, 300));
  db.exec(change);
  db.exec('COMMIT');
  db.close();
  return Promise.all(running);
}

describe('a change and another process writing at once', () => {
  it('company remove sees the evidence another process moved to the company meanwhile, and refuses', async () => {
    ok(s.run(['incident', 'add', 'A', '--title', 'Parcel lost', '--fault', 'company', '--opened', '2026-11-01 10:00']));
    ok(s.run(['pin', 'C', 'white', '--reason', 'good so far']));
    ok(s.run(['unpin', 'C']));
    const [r] = await whileLocked([['company', 'remove', 'C']], "UPDATE incidents SET company_id = (SELECT id FROM companies WHERE name = 'C')");
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/C has evidence \(incident a-1\)/);
    expect(ok(s.run(['incident', 'show', 'a-1'])).stdout).toContain('a-1 · C · Parcel lost');
  }, 20_000);

  it('company edit --parent sees a parent set the other way meanwhile, and refuses the loop', async () => {
    ok(s.run(['pin', 'K', 'black', '--reason', 'r']));
    ok(s.run(['pin', 'M', 'black', '--reason', 'r']));
    const [r] = await whileLocked([['company', 'edit', 'K', '--parent', 'M']], "UPDATE companies SET parent_id = (SELECT id FROM companies WHERE name = 'K') WHERE name = 'M'");
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/one of its own subsidiaries/);
    const parents = (JSON.parse(ok(s.run(['company', 'list', '--json'])).stdout) as { name: string; parent: string | null }[]).map((c) => [c.name, c.parent]);
    expect(parents).toEqual([
      ['K', null],
      ['M', 'K'],
    ]);
  }, 20_000);

  it('incident close sees a close another process made meanwhile, and refuses a second one', async () => {
    ok(s.run(['incident', 'add', 'Shop', '--title', 'Parcel lost', '--fault', 'company', '--opened', '2026-11-01 10:00']));
    const [r] = await whileLocked(
      [['incident', 'close', 'shop-1', '--outcome', 'resolved', '--at', '2026-11-03 10:00']],
      `INSERT INTO events (incident_id, seq, at, at_ms, type, data) SELECT id, 1, '2026-11-02T10:00', ${Date.parse('2026-11-02T10:00')}, 'resolution', '{"outcome":"unresolved"}' FROM incidents;
       UPDATE incidents SET last_seq = 1, closed = '2026-11-02T10:00'`,
    );
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/shop-1 is closed already/);
    const shown = JSON.parse(ok(s.run(['incident', 'show', 'shop-1', '--json'])).stdout) as { events: { type: string; outcome?: string }[] };
    expect(shown.events.filter((e) => e.type === 'resolution')).toEqual([expect.objectContaining({ outcome: 'unresolved' })]);
  }, 20_000);

  it('two source adds at once of one file, or under one name, add one source; the other is refused as it is one after the other', async () => {
    const file = (name: string, company: string) => {
      const f = join(s.dir, name);
      writeFileSync(f, JSON.stringify({ format: 'vetted/1', lists: [{ company, list: 'black' }] }));
      return f;
    };
    const one = file('one.json', 'Y');
    const sameFile = await whileLocked([['source', 'add', one, '--name', 'a'], ['source', 'add', one, '--name', 'b']], 'SELECT 1');
    expect(sameFile.map((r) => r.code).sort()).toEqual([0, 2]);
    expect(sameFile.find((r) => r.code === 2)!.stderr).toMatch(/^vetted: that file is the source "[ab]" already \(the same bytes\)/);
    const sameName = await whileLocked([['source', 'add', file('two.json', 'Z'), '--name', 'c'], ['source', 'add', file('three.json', 'W'), '--name', 'c']], 'SELECT 1');
    expect(sameName.map((r) => r.code).sort()).toEqual([0, 2]);
    expect(sameName.find((r) => r.code === 2)!.stderr).toMatch(/^vetted: there is a source "c" already/);
    expect(JSON.parse(ok(s.run(['source', 'list', '--json'])).stdout)).toHaveLength(2);
  }, 30_000);

  it('two undos at once take back two changes, each recorded as undone by the undo that did it', async () => {
    ok(s.run(['pin', 'First', 'black', '--reason', 'r']));
    ok(s.run(['pin', 'Second', 'black', '--reason', 'r']));
    const runs = await whileLocked([['undo'], ['undo']], 'SELECT 1');
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(runs.map((r) => /undone #(\d+)/.exec(r.stderr)?.[1]).sort()).toEqual(['1', '2']);
    const ops = JSON.parse(ok(s.run(['history', '--json'])).stdout) as { id: number; reverts: number | null; reverted_by: number | null }[];
    for (const o of ops.filter((x) => x.reverted_by !== null)) expect(ops.find((x) => x.id === o.reverted_by)?.reverts).toBe(o.id);
    expect(ok(s.run(['company', 'list', '--json'])).stdout.trim()).toBe('[]');
  }, 20_000);
});
