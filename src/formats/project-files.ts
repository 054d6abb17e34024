// The project's own files (checklists/, jurisdictions/, templates/, and the JSON the build makes
// of some of them), found from where this code runs: src/formats/ or a bundle in dist/.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file or folder of the project, looked for from this code's folder up (a folder by a file of it, `probe`); undefined when there is none. */
export function findUp(name: string, probe?: string, levels = 4): string | undefined {
  let dir = import.meta.dirname;
  for (let i = 0; i < levels; i++) {
    const candidate = join(dir, name);
    if (existsSync(probe ? join(candidate, probe) : candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

/** A folder or file of the project (jurisdictions/, templates/, checklists/), which an installation has. */
export function projectDir(name: string, probe: string): string {
  const found = findUp(name, probe);
  if (!found) throw new Error(`the built-in ${name} are missing from the installation`);
  return found;
}

/**
 * The entries of the JSON the build made of a folder of the project (`checklists.json`,
 * `jurisdictions.json`), by the name of each file it holds, each checked by `check`: only beside
 * the bundles (dist/, or one of its folders), never above the installation, and only when it is
 * an object of exactly the `names` given (the files of the folder now), every entry passing.
 * Undefined when there is none, or it is damaged or another folder's: the caller then reads the
 * files themselves, as the sources do.
 */
export function builtEntries<T>(file: string, names: string[], check: (data: unknown) => { value: T } | { errors: unknown }): Map<string, T> | undefined {
  const data = builtCopy(file, names);
  if (data === undefined) return undefined;
  const out = new Map<string, T>();
  for (const name of names) {
    const result = check(data[name]);
    if (!('value' in result)) return undefined;
    out.set(name, result.value);
  }
  return out;
}

function builtCopy(file: string, names: string[]): Record<string, unknown> | undefined {
  const path = findUp(file, undefined, 2);
  if (path === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const keys = Object.keys(data).sort();
  const wanted = [...names].sort();
  return keys.length === wanted.length && keys.every((k, i) => k === wanted[i]) ? (data as Record<string, unknown>) : undefined;
}
