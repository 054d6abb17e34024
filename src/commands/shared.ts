// Steps most commands share: opening the store, finding a company, reading user limits.

import type { Context } from '../context.js';
import { Store, needsMigration, type CompanyRow } from '../store/store.js';
import { UserError } from '../errors.js';
import { companyKey } from '../domain/names.js';
import { t } from '../i18n/index.js';

export const MAX_NAME = 200;
export const MAX_NOTE = 10_000;

/** Opens the store; an existing database that needs a migration is backed up first. */
export async function openStore(ctx: Context): Promise<Store> {
  if (needsMigration(ctx.dbPath)) {
    const { backupBeforeMigration } = await import('../store/backup.js');
    const kept = await backupBeforeMigration(ctx.dbPath, ctx.now());
    if (kept) ctx.err.write(`${t().errors.backedUp(kept)}\n`);
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
  if (!companyKey(trimmed)) throw new UserError(t().errors.emptyName);
  if ([...trimmed].length > MAX_NAME) throw new UserError(t().errors.longName(MAX_NAME));
  return trimmed;
}

export function checkNote(note: string, what = t().errors.aNote): string {
  if ([...note].length > MAX_NOTE) throw new UserError(t().errors.longNote(what, MAX_NOTE));
  return note;
}

/** The company of that name or alias; a user error that says how to list them when there is none. */
export function requireCompany(store: Store, name: string): CompanyRow {
  const found = store.findCompany(name);
  if (found) return found;
  const like = store.lookalikesOf(name);
  const hint = like.length ? t().errors.didYouMean(like.map((c) => c.name)) : '';
  throw new UserError(`${t().errors.noCompany(name, store.path)}${hint}`);
}

/** A warning when a new company's name looks like an existing one in another script. */
export function lookalikeWarning(store: Store, name: string): string | undefined {
  const like = store.lookalikesOf(name);
  if (!like.length) return undefined;
  return t().errors.lookalike(name, like.map((c) => c.name));
}

/** Splits `id=value` flags into a map, naming the bad one. */
export function parsePairs(pairs: string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UserError(t().errors.pairs(flag, p));
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  return out;
}
