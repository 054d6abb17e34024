// Runs the built binary with a private database and config folder, as a user would.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { READ_WHOLE_BYTES } from '../../src/formats/data-stream.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'vetted.js');
export const SHARED = resolve(ROOT, '..', 'shared');

export interface Sandbox {
  dir: string;
  db: string;
  config: string;
  env: NodeJS.ProcessEnv;
  run(args: string[], opts?: { input?: string; env?: NodeJS.ProcessEnv }): RunResult;
  /** Makes the sandbox's database, empty, as the import of a file with nothing in it does (a command that only reads makes none). */
  makeDatabase(opts?: { env?: NodeJS.ProcessEnv }): void;
  cleanup(): void;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'vetted-test-'));
  const db = join(dir, 'vetted.db');
  const config = join(dir, 'config');
  const env: NodeJS.ProcessEnv = { ...process.env, VETTED_DB: db, VETTED_CONFIG: config, NO_COLOR: '1', LANG: 'en_US.UTF-8' };
  delete env.FORCE_COLOR;
  return {
    dir,
    db,
    config,
    env,
    run(args, opts = {}) {
      const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
        env: { ...env, ...opts.env },
        input: opts.input ?? '',
        encoding: 'utf8',
        cwd: dir,
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    makeDatabase(opts = {}) {
      const file = join(dir, 'nothing.json');
      writeFileSync(file, '{"format": "vetted/1"}');
      const r = this.run(['import', file], opts);
      if (r.code !== 0) throw new Error(`the import of an empty file failed: ${r.stderr}`);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The answers of the Amazon check of the seed scenarios (general checklist: score 92, go). */
export const AMAZON_ANSWERS: Record<string, string> = {
  'who-helps': 'live-support',
  'who-repairs': 'ship-free',
  'who-to-ask': 'human-help',
  returns: 'free-return',
  cancel: 'self-service',
  'after-leaving': 'keep-everything',
  'lost-parcel': 'seller-replaces',
  'reach-human': 'minutes',
  compensation: 'on-request',
};

/** The same answers as repeated --answer flags. */
export const amazonAnswerFlags = Object.entries(AMAZON_ANSWERS).flatMap(([q, a]) => ['--answer', `${q}=${a}`]);

/**
 * A JSON text made long enough, with blanks at its end, that `import` reads it record by record
 * (a smaller file is read whole: see READ_WHOLE_BYTES).
 */
export function readRecordByRecord(text: string): string {
  return text + ' '.repeat(Math.max(0, READ_WHOLE_BYTES + 1024 - Buffer.byteLength(text)));
}

/** A check as `check --json` and `checks list --json` give it. */
export interface CheckJson {
  company: string;
  checklist: string;
  score: number;
  verdict: string;
  dealbreakers: string[];
  answers: { question: string; answer: string; score: number | null; note?: string }[];
}
