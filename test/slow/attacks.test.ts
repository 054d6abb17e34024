// The attacks that take time, done for real: writers logging events while a restore runs
// (no acknowledged write may be lost), a dozen processes starting on a database that does
// not exist yet, and inputs built to exhaust memory (each must end in a sentence, within a
// gigabyte).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AMAZON_ANSWERS, BIN, SHARED } from '../helpers/cli.js';

const SEEDS = join(SHARED, 'scenarios', 'seeds.yaml');

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-attack-'));
  env = { ...process.env, VETTED_DB: join(dir, 'vetted.db'), VETTED_CONFIG: join(dir, 'config'), NO_COLOR: '1', LANG: 'en_US.UTF-8' };
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runAsync(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function runSync(args: string[], extra: NodeJS.ProcessEnv = {}): Result {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...env, ...extra }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The note texts of every event in a database file. */
function noteTexts(file: string): Set<string> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare("SELECT data FROM events WHERE type = 'note'").pluck().all() as string[];
    return new Set(rows.map((d) => (JSON.parse(d) as { text?: string }).text ?? ''));
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('3. restore while others write', () => {
  it('every event whose command exited 0 is in the restored database or in the backup kept before the restore', async () => {
    const TRIALS = 5;
    const WRITERS = 3;
    const EVENTS = 10;
    for (let trial = 0; trial < TRIALS; trial++) {
      rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'vetted-attack-'));
      env = { ...env, VETTED_DB: join(dir, 'vetted.db'), VETTED_CONFIG: join(dir, 'config') };
      const add = runSync(['incident', 'add', 'Shop', '--title', 'Down', '--fault', 'company', '--opened', '2024-05-01', '--json']);
      expect(add.code, add.stderr).toBe(0);
      const id = (JSON.parse(add.stdout) as { id: string }).id;
      const base = join(dir, 'base.db');
      expect(runSync(['backup', '--out', base]).code).toBe(0);

      const acknowledged: string[] = [];
      const writer = async (w: number) => {
        for (let k = 0; k < EVENTS; k++) {
          const text = `t${trial}-w${w}-e${k}`;
          const r = await runAsync(['incident', 'event', id, 'note', '--text', text]);
          if (r.code === 0) acknowledged.push(text);
          else expect(r.stderr).not.toMatch(/unexpected error/);
        }
      };
      const restore = (async () => {
        await sleep(400 + 150 * trial);
        return runAsync(['restore', base, '--yes']);
      })();
      await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), restore]);
      const r = await restore;
      expect(r.code, r.stderr).toBe(0);

      const kept = readdirSync(join(dir, 'backups')).filter((f) => f.includes('before-restore'));
      expect(kept).toHaveLength(1);
      const inKept = noteTexts(join(dir, 'backups', kept[0]));
      const inFinal = noteTexts(env.VETTED_DB!);
      const lost = acknowledged.filter((t) => !inKept.has(t) && !inFinal.has(t));
      expect(lost, `trial ${trial}: ${acknowledged.length} acknowledged, ${inKept.size} kept, ${inFinal.size} after`).toEqual([]);
      // A write landed before the restore or after it, never in both.
      expect(acknowledged.filter((t) => inKept.has(t) && inFinal.has(t))).toEqual([]);
    }
  }, 600_000);
});

describe('5. first use by many at once', () => {
  const answers = Object.entries(AMAZON_ANSWERS).flatMap(([q, a]) => ['--answer', `${q}=${a}`]);

  async function round(prepare: () => void): Promise<void> {
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'vetted-attack-'));
    env = { ...env, VETTED_DB: join(dir, 'vetted.db'), VETTED_CONFIG: join(dir, 'config') };
    prepare();
    const N = 12;
    const runs = Array.from({ length: N }, (_, i) =>
      i % 3 === 2 ? runAsync(['lists']) : runAsync(['check', `Shop ${i}`, ...answers]),
    );
    const results = await Promise.all(runs);
    results.forEach((r, i) => {
      // A listing before any check has made the database finds none there, and says so.
      if (i % 3 === 2 && r.code === 2) expect(r.stderr, r.stderr).toMatch(/^vetted: there is no database at /);
      else expect(r.code, r.stderr).toBe(0);
    });
    const db = new Database(env.VETTED_DB!, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM checks').pluck().get()).toBe(8);
    } finally {
      db.close();
    }
  }

  it('twelve processes on a database that does not exist: all exit 0, all their checks are there', async () => {
    for (let i = 0; i < 5; i++) await round(() => undefined);
  }, 600_000);

  it('twelve processes on an empty file someone made: all exit 0', async () => {
    for (let i = 0; i < 3; i++) await round(() => writeFileSync(env.VETTED_DB!, ''));
  }, 600_000);

  it('then pins by twelve processes at once on the new database: none fails busy', async () => {
    await round(() => undefined);
    const pins = await Promise.all(Array.from({ length: 8 }, (_, i) => runAsync(['pin', `Shop ${i % 3 === 2 ? 0 : i}`, 'white', '--reason', `r${i}`])));
    for (const r of pins) expect(r.code, r.stderr).toBe(0);
  }, 600_000);
});

const TIME = '/usr/bin/time';

/** Runs the CLI under /usr/bin/time; returns its result and its peak memory in MB. */
function measured(args: string[]): Result & { peakMB: number } {
  const r = spawnSync(TIME, ['-f', 'PEAK %M', process.execPath, BIN, ...args], { env, encoding: 'utf8', timeout: 300_000 });
  const m = /PEAK (\d+)/.exec(r.stderr);
  const stderr = r.stderr.replace(/^(PEAK \d+|Command exited with non-zero status \d+)\n?/gm, '');
  return { code: r.status, stdout: r.stdout, stderr, peakMB: m ? Number(m[1]) / 1024 : Infinity };
}

describe.runIf(existsSync(TIME))('4. no input takes more than 1 GB or ends in a crash', () => {
  const BUDGET_MB = 1024;
  const cases: [string, () => string][] = [
    ['a JSON list of 11.9 million zeros (under the value budget)', () => `{"format":"vetted/1","companies":[${'0,'.repeat(11_900_000)}0]}`],
    ['a JSON list of 2.99 million empty maps (under the map budget)', () => `{"format":"vetted/1","companies":[${'{},'.repeat(2_990_000)}{}]}`],
    ['a JSON text of 126 MB in one string', () => `{"format":"vetted/1","source":"${'я'.repeat(63_000_000)}"}`],
    ['a YAML flow list just under the token budget', () => `format: vetted/1\ncompanies: [${'[],'.repeat(330_000)}[]]\n`],
    // Each alias is taken (no count of them refuses a file), and found once: not its anchor looked for anew each time.
    ['a YAML flow list of 450,000 aliases of one anchor (under the token budget)', () => `format: vetted/1\nx: &s 0\ncompanies: [${'*s,'.repeat(450_000)}*s]\n`],
    ['a YAML flow list far over it (the shape that took 4 GB)', () => `format: vetted/1\ncompanies: [${'0,'.repeat(3_000_000)}0]\n`],
  ];
  for (const [what, make] of cases) {
    it(`${what}: a sentence, exit 2, within ${BUDGET_MB} MB`, () => {
      const file = join(dir, what.includes('YAML') ? 'in.yaml' : 'in.json');
      writeFileSync(file, make());
      const r = measured(['import', file]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^vetted: /);
      expect(r.stderr).not.toMatch(/unexpected error|heap|Allocation failed/);
      expect(r.peakMB).toBeLessThan(BUDGET_MB);
    }, 300_000);
  }

  it('import /dev/zero: exit 2 within the budget', () => {
    const r = measured(['import', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.peakMB).toBeLessThan(BUDGET_MB);
  }, 120_000);

  it('a shared file of 745,000 entries (just under its limit) is added and shown within the budget; one more than a shared file holds is refused', () => {
    const shared = (n: number) => `{"format":"vetted/1","lists":[${Array.from({ length: n }, (_, k) => `{"company":"c${k}","list":"black"}`).join(',')}]}`;
    const file = join(dir, 'shared.json');
    writeFileSync(file, shared(745_000));
    const added = measured(['source', 'add', file, '--name', 'big']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.peakMB).toBeLessThan(BUDGET_MB);
    const listed = measured(['source', 'show', 'big']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.peakMB).toBeLessThan(BUDGET_MB);
    writeFileSync(file, shared(750_001));
    const refused = measured(['source', 'add', file, '--name', 'bigger']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/holds more than 750,000 maps and lists/);
  }, 300_000);

  it('a record whose shared file would be more than source add takes is not shared: a sentence, no file', () => {
    const pins = join(dir, 'pins.json');
    writeFileSync(pins, JSON.stringify({ format: 'vetted/1', pins: Array.from({ length: 160_000 }, (_, k) => ({ company: `c${k}`, list: 'black', reason: 'r', at: '2026-01-01' })) }));
    expect(spawnSync(process.execPath, [BIN, 'import', pins], { env, encoding: 'utf8' }).status).toBe(0);
    const out = join(dir, 'share.json');
    const r = spawnSync(process.execPath, [BIN, 'export', '--format', 'json', '--share', '--out', out], { env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^vetted: the shared file would hold more than 750,000 maps and lists or 3,000,000 values, more than `vetted source add` takes of a shared file, so it was not written/);
    expect(existsSync(out)).toBe(false);
  }, 300_000);

  it('the seeds still import (a YAML file well inside the budget)', () => {
    const r = measured(['import', SEEDS]);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);
});
