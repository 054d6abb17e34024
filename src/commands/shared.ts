// Steps most commands share: opening the store, finding a company, reading user limits.

import type { Context } from '../context.js';
import { Store, needsMigration, type CompanyRow } from '../store/store.js';
import { UserError } from '../errors.js';
import { safeText } from '../ui/safe.js';
import { closestNames, companyKey, isVisibleName, typoAllowance } from '../domain/names.js';

export const MAX_NAME = 200;
export const MAX_NOTE = 10_000;

/** Opens the store; an existing database that needs a migration is backed up first. */
export async function openStore(ctx: Context): Promise<Store> {
  if (needsMigration(ctx.dbPath)) {
    const { backupBeforeMigration } = await import('../store/backup.js');
    const kept = await backupBeforeMigration(ctx.dbPath, ctx.now());
    if (kept) ctx.err.write(`${safeText(`backed up the database to ${kept} before upgrading it`)}\n`);
  }
  const store = Store.open(ctx.dbPath, { createDir: ctx.dbIsDefault });
  // The journal stamps operations with the same clock the command uses.
  store.now = ctx.now;
  return store;
}

/** Runs `fn` with an empty store in memory (for a dry run where no database exists yet). */
export async function withMemoryStore<T>(ctx: Context, fn: (store: Store) => T | Promise<T>): Promise<T> {
  return using(Store.inMemory(ctx.dbPath), fn);
}

/** Runs `fn` with an open store, closing it whatever happens. */
export async function withStore<T>(ctx: Context, fn: (store: Store) => T | Promise<T>): Promise<T> {
  return using(await openStore(ctx), fn);
}

async function using<T>(store: Store, fn: (store: Store) => T | Promise<T>): Promise<T> {
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

export function checkCompanyName(name: string): string {
  const trimmed = name.trim();
  if (!companyKey(trimmed)) throw new UserError('a company name cannot be empty; give the name the company uses.');
  if (!isVisibleName(trimmed)) throw new UserError('a company name must show at least one visible character, not only spaces, marks or zero-width characters; give the name the company uses.');
  if ([...trimmed].length > MAX_NAME) throw new UserError(`a company name can be at most ${MAX_NAME} characters; shorten it.`);
  return trimmed;
}

export function checkNote(note: string, what = 'a note'): string {
  if ([...note].length > MAX_NOTE) throw new UserError(`${what} can be at most ${MAX_NOTE} characters; shorten it.`);
  return note;
}

/** Existing companies whose name or alias is a likely typo of `name` (names, nearest first). */
export function companiesLike(store: Store, name: string): string[] {
  const key = companyKey(name);
  const byKey = new Map<string, string>();
  for (const k of store.allKeys()) if (!byKey.has(k.key)) byKey.set(k.key, k.name);
  return [...new Set(closestNames(key, byKey.keys()).map((k) => byKey.get(k)!))].filter((n) => companyKey(n) !== key);
}

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(' or ');

/** The company of that name or alias; a user error that names the closest ones when there is none. */
export function requireCompany(store: Store, name: string): CompanyRow {
  const found = store.findCompany(name);
  if (found) return found;
  const like = store.lookalikesOf(name);
  if (like.length) {
    throw new UserError(`there is no company "${name}"; did you mean ${quoted(like.map((c) => c.name))}? (it looks the same but is spelled with other letters)`);
  }
  const close = companiesLike(store, name);
  if (close.length) throw new UserError(`there is no company "${name}"; did you mean ${quoted(close)}? (see \`vetted company list\`)`);
  throw new UserError(`there is no company "${name}" in ${store.path}; see \`vetted company list\`.`);
}

/** The incident with this id; a user error that names the closest ids when there is none. */
export function requireIncident(store: Store, id: string) {
  const found = store.findIncident(id);
  if (found) return found;
  const close = closestNames(id.trim().toLowerCase(), store.allIncidentRefs(), 3, Math.max(2, typoAllowance(id)));
  const hint = close.length ? `did you mean ${quoted(close)}? ` : '';
  throw new UserError(`there is no incident "${id}"; ${hint}see \`vetted incident list\` for the ids.`);
}

/** A warning when a new company's name is likely a typo of an existing one. */
export function typoWarning(store: Store, name: string): { warning: string; like: string[] } | undefined {
  const like = companiesLike(store, name);
  if (!like.length) return undefined;
  return { like, warning: `warning: "${name}" is a new company, but ${quoted(like)} already exists; if you meant it, use that name (a typo can be mended with \`vetted company merge\`).` };
}

/** A warning when a new company's name looks like an existing one in another script. */
export function lookalikeWarning(store: Store, name: string): string | undefined {
  const like = store.lookalikesOf(name);
  if (!like.length) return undefined;
  return `warning: "${name}" looks like ${like.map((c) => `"${c.name}"`).join(', ')} but is spelled with letters of another script; they are kept as different companies.`;
}

/** Splits `id=value` flags into a map, naming the bad one. */
export function parsePairs(pairs: string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UserError(`${flag} takes ID=VALUE, such as ${flag} who-helps=live-support; "${p}" has no "=".`);
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  return out;
}

/** On a terminal: whether the user meant an existing company rather than a new one. */
export async function askWhichCompany(ctx: Context, typed: string, like: string[]): Promise<string> {
  const { askChoice } = await import('../ui/incident-prompts.js');
  const { colourWanted } = await import('../ui/colour.js');
  return askChoice(
    `"${safeText(typed)}" is a new company, but there is ${like.map((n) => `"${safeText(n)}"`).join(' and ')}. Which did you mean?`,
    [...like.map((n) => ({ name: `${safeText(n)} (the one you have)`, value: n })), { name: `${safeText(typed)} (a new company)`, value: typed }],
    colourWanted(ctx.err, { noColor: ctx.noColor }, ctx.env),
  );
}
