// Reading the jurisdiction packs (the project's jurisdictions/ folder, or the JSON the build
// makes of it) and the user's overrides (<config>/law.yaml). Problems are named with their path.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyOverrides, validateOverrides, validatePack, type JurisdictionPack, type LawProblem } from '../domain/law.js';
import { formatPath } from '../domain/validation.js';
import { formatLocalDate } from '../domain/dates.js';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import { INPUT_LIMITS, readInputText, refuseSpecial } from './read-input.js';
import { builtEntries, projectDir } from './project-files.js';

/** The first few problems in words, each with its path. */
function describe(errors: LawProblem[]): string {
  const w = t().letter;
  return w.problems(
    errors.slice(0, 3).map((e) => `${formatPath(e.path) || w.top}: ${w.lawFault(e.fault)}`),
    Math.max(0, errors.length - 3),
  );
}

function checked(data: unknown, file: string): JurisdictionPack {
  const result = validatePack(data);
  if ('errors' in result) throw new UserError(t().letter.badPack(file, describe(result.errors)));
  return result.value;
}

/** The packs' ids: the names of the YAML files of the project's jurisdictions/ folder. */
function packFiles(dir: string): string[] {
  return readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort();
}

/** Each pack file of a folder, by id, as this reader reads it: its data, and the pack it is; a file with a problem is refused, named. */
async function readPacks(dir: string): Promise<{ id: string; data: unknown; pack: JurisdictionPack }[]> {
  const { parseDataText } = await import('./data-text.js');
  return packFiles(dir).map((f) => {
    const file = join(dir, f);
    const data = parseDataText(readFileSync(file, 'utf8'), file);
    return { id: f.replace(/\.yaml$/, ''), data, pack: checked(data, file) };
  });
}

/** The data of each pack file of a folder, by id: what the build keeps as `jurisdictions.json`. A file with a problem stops the build, named with it. */
export async function packsDataOf(dir: string): Promise<Record<string, unknown>> {
  return Object.fromEntries((await readPacks(dir)).map((p) => [p.id, p.data]));
}

/**
 * Every built-in pack, by id, each validated: from the JSON the build made of the files
 * (`jurisdictions.json` beside the bundles); else, and where that copy is damaged or is not of
 * the files there now, from the files themselves.
 */
export async function loadPacks(): Promise<Map<string, JurisdictionPack>> {
  const dir = projectDir('jurisdictions', 'none.yaml');
  return builtEntries('jurisdictions.json', packFiles(dir).map((f) => f.replace(/\.yaml$/, '')), validatePack) ?? new Map((await readPacks(dir)).map((p) => [p.id, p.pack]));
}

/** One pack with the user's overrides from <config>/law.yaml applied. */
export async function loadPack(id: string, configDir: string, now = Date.now()): Promise<JurisdictionPack> {
  const packs = await loadPacks();
  const pack = packs.get(id);
  if (!pack) throw new UserError(t().letter.badJurisdiction([...packs.keys()], id));
  const file = join(configDir, 'law.yaml');
  if (!existsSync(file)) return pack;
  const { parseDataText } = await import('./data-text.js');
  refuseSpecial(file, 'law');
  const overrides = validateOverrides(parseDataText(readInputText(file, { what: 'law', maxBytes: INPUT_LIMITS.small }), file), packs, formatLocalDate(now));
  if ('errors' in overrides) throw new UserError(t().letter.badOverrides(file, describe(overrides.errors)));
  return applyOverrides(pack, overrides.value);
}
