// `vetted paths [--json]`: where each file of vetted lives, and what chose that place.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import { renderTable } from '../ui/table.js';
import { colourWanted, paint } from '../ui/colour.js';
import { terminalWidth } from '../ui/wrap.js';
import { t } from '../i18n/index.js';
import type { PathWhat } from '../i18n/en.js';

export interface PathEntry {
  what: PathWhat;
  path: string;
  set_by: string;
  exists: boolean;
}

/** Where a path was chosen, as facts: the setting that chose it, and the place it is in. */
interface PathFact {
  what: PathWhat;
  path: string;
  /** `--db`, an environment variable, or `default`. */
  by: string;
  within?: 'database' | 'config';
}

/** How JSON names what chose a path: the same in every language. */
const SET_BY_JSON: Record<string, string> = { '--db': 'the --db flag', default: 'the default' };
const setByJson = (by: string) => SET_BY_JSON[by] ?? by;

function factsOf(ctx: Context): PathFact[] {
  const db = ctx.setBy.db;
  const config = ctx.setBy.config;
  return [
    { what: 'database', path: ctx.dbPath, by: db },
    { what: 'backups', path: join(dirname(ctx.dbPath), 'backups'), by: db, within: 'database' },
    { what: 'config', path: ctx.configDir, by: config },
    { what: 'checklists', path: join(ctx.configDir, 'checklists'), by: config, within: 'config' },
    { what: 'letters', path: join(ctx.configDir, 'letters'), by: config, within: 'config' },
    { what: 'policy', path: join(ctx.configDir, 'policy.yaml'), by: config, within: 'config' },
    { what: 'law', path: join(ctx.configDir, 'law.yaml'), by: config, within: 'config' },
  ];
}

export function pathsOf(ctx: Context): PathEntry[] {
  return factsOf(ctx).map((f) => {
    const by = setByJson(f.by);
    const set_by = f.within === 'database' ? `beside the database (${by})` : f.within === 'config' ? `in the config folder (${by})` : by;
    return { what: f.what, path: f.path, set_by, exists: existsSync(f.path) };
  });
}

export async function run(ctx: Context, opts: JsonOutOptions): Promise<CommandResult> {
  if (opts.json || opts.ndjson) return { out: jsonList(pathsOf(ctx), opts) };
  const w = t().paths;
  const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
  const rows = factsOf(ctx).map((f) => {
    const by = w.setBy[f.by] ?? f.by;
    const setBy = f.within === 'database' ? w.besideDatabase(by) : f.within === 'config' ? w.inConfig(by) : by;
    return [w.what[f.what], `${f.path}${existsSync(f.path) ? '' : w.notThere}`, setBy];
  });
  const [what, where, setBy] = w.headers;
  return { out: renderTable([{ header: what }, { header: where }, { header: setBy, wrap: true }], rows, p.bold, terminalWidth(ctx.out)) };
}
