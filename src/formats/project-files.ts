// The project's own files (checklists/, jurisdictions/, templates/, and the JSON the build makes
// of some of them), found from where this code runs: src/formats/ or a bundle in dist/.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file or folder of the project, looked for from this code's folder up (a folder by a file of it, `probe`); undefined when there is none. */
export function findUp(name: string, probe?: string): string | undefined {
  let dir = import.meta.dirname;
  for (let i = 0; i < 4; i++) {
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
