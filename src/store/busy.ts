// Waiting for another vetted process: SQLite's busy timeout covers most waits, but some
// (taking the write lock while a log is being recovered or the database is being created)
// report "busy" at once. Those are retried, with a growing random pause, until a deadline.

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Waits `ms` without a timer: the commands of the store run synchronously. */
export function pauseFor(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

/** Whether an error is SQLite saying that another connection holds what it needs. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Runs `fn`, again and again while the database is busy, for at most `deadlineMs`. */
export function retryBusy<T>(fn: () => T, deadlineMs = 20_000): T {
  const until = Date.now() + deadlineMs;
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    try {
      return fn();
    } catch (err) {
      if (!isBusy(err) || Date.now() + wait > until) throw err;
      pauseFor(wait / 2 + Math.random() * wait);
    }
  }
}
