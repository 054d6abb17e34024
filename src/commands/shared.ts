// Steps most commands share: opening the store, finding a company, reading user limits.

import type { Context } from '../context.js';
import { Store, needsMigration, type CompanyRow } from '../store/store.js';
import { UserError } from '../errors.js';
import { safeText } from '../ui/safe.js';
import { companyKey, isVisibleName } from '../domain/names.js';

export const MAX_NAME = 200;
export const MAX_NOTE = 10_000;

/** Opens the store; an existing database that needs a migration is backed up first. */
export async function openStore(ctx: Context): Promise<Store> {
  if (needsMigration(ctx.dbPath)) {
    const { backupBeforeMigration } = await import('../store/backup.js');
    const kept = await backupBeforeMigration(ctx.dbPath, ctx.now());
    if (kept) ctx.err.write(`${safeText(`backed up the database to ${kept} before upgrading it`)}\n`);
  }
  return Store.open(ctx.dbPath, { createDir: ctx.dbIsDefault });
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

/** The company of that name or alias; a user error that says how to list them when there is none. */
export function requireCompany(store: Store, name: string): CompanyRow {
  const found = store.findCompany(name);
  if (found) return found;
  const like = store.lookalikesOf(name);
  const hint = like.length ? ` Did you mean ${like.map((c) => `"${c.name}"`).join(' or ')}? (it looks the same but is spelled with other letters)` : '';
  throw new UserError(`there is no company "${name}" in ${store.path}; see \`vetted company list\`.${hint}`);
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
