// Commands run in the test's own process, as the CLI runs them: a context with no terminal and
// no output kept, at a fixed time, and a store opened for one look at the database.
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { makeContext, type Context } from '../../src/context.js';

/** A context of the database `db`, its settings in a folder of `dir` that holds none, at `now`. */
export function commandContext(db: string, dir: string, now: number): Context {
  const ctx = makeContext({ db }, { VETTED_CONFIG: join(dir, 'no-config'), LANG: 'en' });
  const sink = { write: () => true };
  return { ...ctx, now: () => now, out: sink, err: sink, interactive: false };
}

/** `fn` of the database `db`, opened for it and closed after. */
export function withStore<T>(db: string, fn: (s: Store) => T): T {
  const s = Store.open(db);
  try {
    return fn(s);
  } finally {
    s.close();
  }
}
