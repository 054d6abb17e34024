// `vetted paths [--json]`: where each file of vetted lives, and what chose that place.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { toJson } from '../ui/safe.js';
import { renderTable } from '../ui/table.js';
import { colourWanted, paint } from '../ui/colour.js';
import { terminalWidth } from '../ui/wrap.js';

export interface PathEntry {
  what: string;
  path: string;
  set_by: string;
  exists: boolean;
}

const SET_BY: Record<string, string> = {
  '--db': 'the --db flag',
  VETTED_DB: 'VETTED_DB',
  VETTED_CONFIG: 'VETTED_CONFIG',
  XDG_DATA_HOME: 'XDG_DATA_HOME',
  XDG_CONFIG_HOME: 'XDG_CONFIG_HOME',
  default: 'the default',
};

export function pathsOf(ctx: Context): PathEntry[] {
  const db = SET_BY[ctx.setBy.db] ?? ctx.setBy.db;
  const config = SET_BY[ctx.setBy.config] ?? ctx.setBy.config;
  const entries: Omit<PathEntry, 'exists'>[] = [
    { what: 'database', path: ctx.dbPath, set_by: db },
    { what: 'backups', path: join(dirname(ctx.dbPath), 'backups'), set_by: `beside the database (${db})` },
    { what: 'config', path: ctx.configDir, set_by: config },
    { what: 'checklists', path: join(ctx.configDir, 'checklists'), set_by: `in the config folder (${config})` },
    { what: 'letters', path: join(ctx.configDir, 'letters'), set_by: `in the config folder (${config})` },
    { what: 'policy', path: join(ctx.configDir, 'policy.yaml'), set_by: `in the config folder (${config})` },
  ];
  return entries.map((e) => ({ ...e, exists: existsSync(e.path) }));
}

export async function run(ctx: Context, opts: { json?: boolean }): Promise<CommandResult> {
  const entries = pathsOf(ctx);
  if (opts.json) return { out: toJson(entries) };
  const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
  const rows = entries.map((e) => [e.what, `${e.path}${e.exists ? '' : ' (not there yet)'}`, e.set_by]);
  return { out: renderTable([{ header: 'WHAT' }, { header: 'WHERE' }, { header: 'SET BY', wrap: true }], rows, p.bold, terminalWidth(ctx.out)) };
}
