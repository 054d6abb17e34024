// What every command gets from the shell: where data lives, the language, the clock,
// the output streams and whether a person is there to answer prompts.

import envPaths from 'env-paths';
import { statSync, type Stats } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from './errors.js';
import { guardTerminal } from './ui/safe.js';
import type { Lang } from './domain/checklist.js';
import { pickLang, t } from './i18n/index.js';

export interface GlobalOptions {
  db?: string;
  lang?: string;
  color?: boolean;
  debug?: boolean;
}

export interface Writer {
  write(s: string): unknown;
  isTTY?: boolean;
  /** The width of the terminal, where it is one. */
  columns?: number;
}

export interface Context {
  dbPath: string;
  /** Whether dbPath is the default location (its folder may be created). */
  dbIsDefault: boolean;
  /** What chose dbPath and configDir: a flag, an environment variable, or the platform's default. */
  setBy: { db: string; config: string };
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

/**
 * The folders of data and settings by the platform's conventions. An XDG variable that is not an
 * absolute path is ignored, as the XDG spec says: a relative one put the database under whatever
 * folder a command ran in, and the next command, run elsewhere, found none.
 */
const paths = () => {
  for (const k of ['XDG_DATA_HOME', 'XDG_CONFIG_HOME'] as const) if (process.env[k] && !isAbsolute(process.env[k]!)) delete process.env[k];
  const p = envPaths('vetted', { suffix: '' });
  if (isAbsolute(p.data) && isAbsolute(p.config)) return p;
  // Built on a HOME that is empty or relative, for the same reason: the home folder is the
  // account's own, as the system gives it.
  let home: string | undefined;
  try {
    home = userInfo().homedir;
  } catch {
    // An account the system does not know (a container run under a number): no home to give.
  }
  if (!home || !isAbsolute(home)) throw new UserError(t().files.noHome);
  const homeOf = (dir: string) => (isAbsolute(dir) ? dir : join(home, relative(homedir() || '.', dir)));
  return { ...p, data: homeOf(p.data), config: homeOf(p.config) };
};
/** The XDG variables choose the folders on Linux and the BSDs only, and only as absolute paths. */
const xdg = (value: string | undefined) => !!value && isAbsolute(value) && process.platform !== 'darwin' && process.platform !== 'win32';

/** The language of checklists and messages: never an error; anything without a catalog is English. */
export function langFrom(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  return pickLang(flag, env);
}

export function makeContext(opts: GlobalOptions, env = process.env): Context {
  // An empty VETTED_DB is none (the default database); a blank one is refused, as --db " " is:
  // it named a database file " " in whatever folder the command ran in.
  if (opts.db === undefined && env.VETTED_DB && env.VETTED_DB.trim() === '') throw new UserError(t().files.blankDbVariable);
  const explicit = opts.db ?? (env.VETTED_DB || undefined);
  const configDir = env.VETTED_CONFIG ? resolve(env.VETTED_CONFIG) : paths().config;
  const configFrom = env.VETTED_CONFIG ? 'VETTED_CONFIG' : xdg(env.XDG_CONFIG_HOME) ? 'XDG_CONFIG_HOME' : 'default';
  // A file where the folder of settings should be: its policy, checklists and letters would be
  // looked for inside it, found nowhere, and the defaults used without a word.
  let configIs: Stats | undefined;
  try {
    configIs = statSync(configDir, { throwIfNoEntry: false });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') throw new UserError(t().files.configUnderFile(configDir, configFrom));
    throw err;
  }
  if (configIs?.isDirectory() === false) throw new UserError(t().files.configNotFolder(configDir, configFrom));
  // A path that ends in a slash names a folder: it was once taken for the file without it, made there.
  if (explicit && /[\\/]$/.test(explicit)) throw new UserError(t().files.outNamesFolder(explicit, opts.db !== undefined ? '--db' : 'VETTED_DB'));
  return {
    // Looked up when asked: touching stdin costs start-up time that most commands never need.
    get interactive() {
      // Prompts are written to stderr: with it sent to a file, a prompt would wait for an answer to a question nobody sees.
      return !!process.stdin.isTTY && !!process.stderr.isTTY;
    },
    dbPath: explicit ? resolve(explicit) : join(paths().data, 'vetted.db'),
    dbIsDefault: !explicit,
    setBy: {
      db: opts.db !== undefined ? '--db' : env.VETTED_DB ? 'VETTED_DB' : xdg(env.XDG_DATA_HOME) ? 'XDG_DATA_HOME' : 'default',
      config: configFrom,
    },
    configDir,
    lang: langFrom(opts.lang, env),
    noColor: opts.color === false,
    debug: !!opts.debug,
    // Every byte to a terminal passes the same neutraliser (see ui/safe.ts).
    out: guardTerminal(process.stdout),
    err: guardTerminal(process.stderr),
    now: () => Date.now(),
    env,
  };
}
