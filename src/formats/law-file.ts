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
import { findUp, projectDir } from './project-files.js';

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

/** The packs' data by id: from the build's JSON when there is one, else from the YAML files. */
async function rawPacks(): Promise<{ data: Record<string, unknown>; where: string }> {
  const built = findUp('jurisdictions.json');
  if (built) return { data: JSON.parse(readFileSync(built, 'utf8')) as Record<string, unknown>, where: built };
  const dir = projectDir('jurisdictions', 'none.yaml');
  const { parseDataText } = await import('./data-text.js');
  const data: Record<string, unknown> = {};
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
    data[f.replace(/\.yaml$/, '')] = parseDataText(readFileSync(join(dir, f), 'utf8'), join(dir, f));
  }
  return { data, where: dir };
}

/** Every built-in pack, by id, each validated. */
export async function loadPacks(): Promise<Map<string, JurisdictionPack>> {
  const { data, where } = await rawPacks();
  return new Map(Object.keys(data).sort().map((id) => [id, checked(data[id], `${where} (${id})`)]));
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
