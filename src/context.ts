// What every command gets from the shell: where data lives, the language, the clock,
// the output streams and whether a person is there to answer prompts.

import envPaths from 'env-paths';
import { join, resolve } from 'node:path';
import type { Lang } from './domain/checklist.js';
import { pickLang } from './i18n/index.js';

export interface GlobalOptions {
  db?: string;
  lang?: string;
  color?: boolean;
  debug?: boolean;
}

export interface Writer {
  write(s: string): unknown;
  isTTY?: boolean;
}

export interface Context {
  dbPath: string;
  /** Whether dbPath is the default location (its folder may be created). */
  dbIsDefault: boolean;
  configDir: string;
  lang: Lang;
  noColor: boolean;
  debug: boolean;
  /** A person at a terminal who can answer prompts. */
  interactive: boolean;
  out: Writer;
  err: Writer;
  now: () => number;
  env: NodeJS.ProcessEnv;
}

const paths = () => envPaths('vetted', { suffix: '' });

/** The language of checklists and messages: never an error; anything without a catalog is English. */
export function langFrom(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  return pickLang(flag, env);
}

export function makeContext(opts: GlobalOptions, env = process.env): Context {
  const explicit = opts.db ?? (env.VETTED_DB || undefined);
  return {
    // Looked up when asked: touching stdin costs start-up time that most commands never need.
    get interactive() {
      return !!process.stdin.isTTY;
    },
    dbPath: explicit ? resolve(explicit) : join(paths().data, 'vetted.db'),
    dbIsDefault: !explicit,
    configDir: env.VETTED_CONFIG ? resolve(env.VETTED_CONFIG) : paths().config,
    lang: langFrom(opts.lang, env),
    noColor: opts.color === false,
    debug: !!opts.debug,
    out: process.stdout,
    err: process.stderr,
    now: () => Date.now(),
    env,
  };
}
