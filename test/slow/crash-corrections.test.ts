// A kill -9 in the middle of a merge, an undo and an editor apply: the database is left as it
// was before the command or as it is after it, never in between, and whole.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { Store } from '../../src/store/store.js';
import { exportJson } from '../../src/commands/export.js';

let dir: string;
const env = (db: string) => ({ ...process.env, VETTED_DB: db, VETTED_CONFIG: join(dir, 'config'), NO_COLOR: '1' });
const run = (db: string, args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: env(db), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
};
const snapshot = (db: string) => {
  const s = Store.open(db);
  try {
    expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok');
    return exportJson(s, '2000-01-01T00:00:00Z');
  } finally {
    s.close();
  }
};

/** A file of `n` incidents of one company, `events` events each. */
function bigFile(company: string, n: number, events: number): string {
  const file = join(dir, `${company}-${n}.json`);
  const incidents = Array.from({ length: n }, (_, i) => ({
    id: `${company.toLowerCase()}-${i + 1}`,
    company,
    title: `incident ${i + 1}`,
    opened: '2024-01-01T09:00',
    fault: 'company',
    events: Array.from({ length: events }, (_, k) => ({ at: `2024-01-01T10:${String(k % 60).padStart(2, '0')}`, type: 'note', text: `note ${k} of ${i}` })),
  }));
  writeFileSync(file, JSON.stringify({ format: 'vetted/1', companies: [{ name: company }, { name: 'Target' }], incidents }));
  return file;
}

/** Runs `args` and kills it after `ms`; the exit status (null when killed). */
async function killAfter(db: string, args: string[], ms: number, extraEnv: Record<string, string> = {}, tty = false): Promise<number | null> {
  const child = tty
    ? spawn('script', ['-qec', [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'], { env: { ...env(db), ...extraEnv }, stdio: 'ignore', detached: true })
    : spawn(process.execPath, [BIN, ...args], { env: { ...env(db), ...extraEnv }, stdio: 'ignore' });
  const done = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  let exited = false;
  void done.then(() => (exited = true));
  await Promise.race([sleep(ms), done]);
  if (!exited) try {
    if (tty) process.kill(-child.pid!, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    /* it had finished */
  }
  return done;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-crash-fix-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kill -9 during corrections', () => {
  it('during a merge and its undo: before or after, never between', async () => {
    const base = join(dir, 'base.db');
    run(base, ['import', bigFile('Source', 3000, 4)]);
    const before = snapshot(base);
    const merged = join(dir, 'merged.db');
    copyFileSync(base, merged);
    run(merged, ['company', 'merge', 'Source', 'Target']);
    const after = snapshot(merged);
    expect(after).not.toBe(before);
    for (const ms of [150, 300, 450, 600, 800, 1100]) {
      const db = join(dir, `m-${ms}.db`);
      copyFileSync(base, db);
      await killAfter(db, ['company', 'merge', 'Source', 'Target'], ms);
      expect([before, after]).toContain(snapshot(db));
      // Undo, killed too: back to before, or still merged.
      const u = join(dir, `u-${ms}.db`);
      copyFileSync(merged, u);
      await killAfter(u, ['undo'], ms);
      expect([before, after]).toContain(snapshot(u));
    }
  }, 300_000);

  it('during an editor apply: before or after, never between', async () => {
    const base = join(dir, 'edit.db');
    run(base, ['import', bigFile('Edited', 1, 1500)]);
    const before = snapshot(base);
    const ed = join(dir, 'editor.sh');
    writeFileSync(ed, '#!/bin/sh\nsed -i "s/text: note /text: changed /" "$1"\n');
    chmodSync(ed, 0o755);
    const done = join(dir, 'edit-done.db');
    copyFileSync(base, done);
    expect(await killAfter(done, ['incident', 'edit', 'edited-1'], 120_000, { EDITOR: ed, VISUAL: '' }, true)).toBe(0);
    const after = snapshot(done);
    expect(after).not.toBe(before);
    for (const ms of [300, 600, 900, 1300, 1800]) {
      const db = join(dir, `e-${ms}.db`);
      copyFileSync(base, db);
      await killAfter(db, ['incident', 'edit', 'edited-1'], ms, { EDITOR: ed, VISUAL: '' }, true);
      expect([before, after]).toContain(snapshot(db));
    }
  }, 300_000);
});
