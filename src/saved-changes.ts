// The changes this process has recorded, by their numbers in the journal: what a command that
// fails after recording (its output could not be written) says was kept all the same, so that
// it is not made a second time. Written by the store at each commit, read by the exit point.
// Kept on globalThis: each command is bundled into a file of its own, with its own copy of
// this module, and the exit point's must be the store's.

const SLOT = Symbol.for('vetted.saved-changes');

export function savedChanges(): number[] {
  const g = globalThis as { [SLOT]?: number[] };
  return (g[SLOT] ??= []);
}
