// Reading the jurisdiction packs (the project's jurisdictions/ folder) and the user's
// overrides (<config>/law.yaml). Problems are named with their path.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyOverrides, validateOverrides, validatePack, type JurisdictionPack } from '../domain/law.js';
import { formatPath, type Problem } from '../domain/validation.js';
import { UserError } from '../errors.js';
import { parseDataText } from './data-text.js';

/** A folder of the project (jurisdictions/, templates/), found from where this code runs (src/ or dist/). */
export function projectDir(name: string, probe: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, name);
    if (existsSync(join(candidate, probe))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`the built-in ${name} are missing from the installation`);
}

const describe = (file: string, errors: Problem[]) =>
  `${file}: ${errors
    .slice(0, 3)
    .map((e) => `${formatPath(e.path) || '(top)'}: ${e.message}`)
    .join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`;

/** Parses and validates one pack file. */
export function readPackFile(file: string): JurisdictionPack {
  const data = parseDataText(readFileSync(file, 'utf8'), file);
  const result = validatePack(data);
  if ('errors' in result) throw new UserError(`the jurisdiction pack ${describe(file, result.errors)}; fix it.`);
  return result.value;
}

export function jurisdictionIds(): string[] {
  return readdirSync(projectDir('jurisdictions', 'none.yaml'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

/** Every built-in pack, by id. */
export function loadPacks(): Map<string, JurisdictionPack> {
  const dir = projectDir('jurisdictions', 'none.yaml');
  return new Map(jurisdictionIds().map((id) => [id, readPackFile(join(dir, `${id}.yaml`))]));
}

/** One pack with the user's overrides from <config>/law.yaml applied. */
export function loadPack(id: string, configDir: string): JurisdictionPack {
  const ids = jurisdictionIds();
  if (!ids.includes(id)) throw new UserError(`--jurisdiction takes ${ids.join(', ')}, not "${id}".`);
  const packs = loadPacks();
  const file = join(configDir, 'law.yaml');
  if (!existsSync(file)) return packs.get(id)!;
  const overrides = validateOverrides(parseDataText(readFileSync(file, 'utf8'), file), packs);
  if ('errors' in overrides) throw new UserError(`your law overrides ${describe(file, overrides.errors)}; fix them, or remove the file.`);
  return applyOverrides(packs.get(id)!, overrides.value);
}
