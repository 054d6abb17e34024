// Steps most commands share: opening the store, finding a company, reading user limits.

import type { Context } from '../context.js';
import { NoDatabase, Store, needsMigration, type CompanyRow, type OpenOptions } from '../store/store.js';
import { lstatOr } from '../store/open.js';
import { UserError } from '../errors.js';
import { safeText } from '../ui/safe.js';
import { closestNames, companyKey, isVisibleName, typoAllowance } from '../domain/names.js';
import { t } from '../i18n/index.js';

export const MAX_NAME = 200;
export const MAX_NOTE = 10_000;

/** Opens the store; an existing database that needs a migration is backed up first, and upgraded with its copy made. */
export async function openStore(ctx: Context, options: Pick<OpenOptions, 'mapBytes' | 'existing'> = {}): Promise<Store> {
  if (needsMigration(ctx.dbPath, ctx.setBy.db)) {
    const { backupAndUpgrade } = await import('../store/backup.js');
    const kept = await backupAndUpgrade(ctx.dbPath, ctx.now(), ctx.setBy.db);
    if (kept) ctx.err.write(`${safeText(t().errors.backedUp(kept))}\n`);
  }
  const store = Store.open(ctx.dbPath, { createDir: ctx.dbIsDefault, namedBy: ctx.setBy.db, ...options });
  // The journal stamps operations with the same clock the command uses.
  store.now = ctx.now;
  return store;
}

/** Runs `fn` with a private copy of a database an older version wrote, upgraded there (for a dry run, which writes nothing). */
export async function withUpgradedCopy<T>(ctx: Context, fn: (store: Store) => T | Promise<T>): Promise<T> {
  return using(Store.upgradedCopy(ctx.dbPath, ctx.setBy.db), fn);
}

/** Runs `fn` with an empty store in memory (for a dry run where no database exists yet). */
export async function withMemoryStore<T>(ctx: Context, fn: (store: Store) => T | Promise<T>): Promise<T> {
  return using(Store.inMemory(ctx.dbPath), fn);
}

/**
 * Runs `fn` with the store of a new database, made and filled in a private file and linked into
 * place whole once `fn` has returned: a refusal leaves no file. Undefined, with nothing made,
 * when there is a database already (or one appears meanwhile): the caller then uses withStore.
 */
export function withNewStore<T>(ctx: Context, fn: (store: Store) => T, options: Pick<OpenOptions, 'mapBytes'> = {}): { value: T } | undefined {
  return Store.createFilled(ctx.dbPath, { createDir: ctx.dbIsDefault, namedBy: ctx.setBy.db, ...options }, (store) => {
    store.now = ctx.now;
    return fn(store);
  });
}

/**
 * Runs `fn` with the store of a command that only reads. Where no database is there yet, it
 * reads an empty one in memory and makes no file; at a path given by --db or VETTED_DB, it
 * refuses: a mistyped path showed an empty record as if the evidence were gone, and left an
 * empty database behind. `emptyWhereNone`: an empty record in memory wherever there is none (a
 * dry run, which writes nothing).
 */
export async function readingStore<T>(ctx: Context, fn: (store: Store) => T | Promise<T>, options: Pick<OpenOptions, 'mapBytes'> = {}, emptyWhereNone = ctx.dbIsDefault): Promise<T> {
  let store: Store;
  try {
    // Never made here, nor an empty file filled, whatever happens to the path meanwhile.
    store = await openStore(ctx, { ...options, existing: true });
  } catch (err) {
    if (!(err instanceof NoDatabase) || !emptyWhereNone) throw err;
    return withMemoryStore(ctx, fn);
  }
  return using(store, fn);
}

/** Runs `fn` with an open store, closing it whatever happens. */
export async function withStore<T>(ctx: Context, fn: (store: Store) => T | Promise<T>, options: Pick<OpenOptions, 'mapBytes'> = {}): Promise<T> {
  return using(await openStore(ctx, options), fn);
}

/**
 * A change that reads what it checks and writes it in one transaction, begun for writing: the
 * record cannot change between the checks (a company's evidence, a parent loop, a name taken)
 * and the write, as another process's write in between would have it. Never for a command
 * that asks on a terminal, which would hold every other writer back while the user answers.
 */
export async function changingStore<T>(ctx: Context, fn: (store: Store) => T extends PromiseLike<unknown> ? never : T): Promise<T> {
  return writingStore(ctx, (store) => store.write(() => fn(store)));
}

/**
 * Refuses, where no database is yet, a change to something that would have to be in it (an
 * incident, a source, a change to undo): at a path named by --db or VETTED_DB, as no database
 * there; in the default one, as not there (`missing`), or left to the command where none is
 * given. Opened, the store made one, and an empty database was left behind; and an undo at a
 * mistyped path said "nothing to undo", as of a record without changes.
 */
export function refuseWhereNone(ctx: Context, missing?: () => UserError): void {
  if (lstatOr(ctx.dbPath, ctx.setBy.db) !== undefined) return;
  if (!ctx.dbIsDefault) throw new NoDatabase(ctx.dbPath);
  if (missing) throw missing();
}

/**
 * Runs `fn`, a change made at once (no question asked meanwhile), with an open store. Into no
 * database yet, it runs on a new one made in a private file and linked into place only when
 * `fn` returns: a change refused (nothing to undo, a company not there) leaves no empty
 * database behind, as it did. Should another process make the database meanwhile, `fn` runs
 * again, on that one: it must do nothing but read and write the store.
 */
export async function writingStore<T>(ctx: Context, fn: (store: Store) => T extends PromiseLike<unknown> ? never : T): Promise<T> {
  const once = (store: Store): T => {
    const value = fn(store);
    // The private database is linked into place when `fn` returns: work still under way would be cut off.
    if (typeof (value as { then?: unknown } | null)?.then === 'function') throw new Error('writingStore takes a change made at once, not one that waits');
    return value;
  };
  const made = withNewStore(ctx, once);
  return made ? made.value : withStore(ctx, once);
}

async function using<T>(store: Store, fn: (store: Store) => T | Promise<T>): Promise<T> {
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

/** A company's name as typed, made the name the record keeps (its spaces one each): or a user error. */
export function checkCompanyName(name: string): string {
  const trimmed = name.trim().replace(/\s+/gu, ' ');
  if (!companyKey(trimmed)) throw new UserError(t().errors.emptyName);
  if (!isVisibleName(trimmed)) throw new UserError(t().errors.invisibleName);
  if ([...trimmed].length > MAX_NAME) throw new UserError(t().errors.longName(MAX_NAME));
  return trimmed;
}

export function checkNote(note: string, what = t().errors.aNote): string {
  if ([...note].length > MAX_NOTE) throw new UserError(t().errors.longNote(what, MAX_NOTE));
  return note;
}

/**
 * What is wrong with an answer typed at a prompt, as `check` says it of the same value given by
 * its flag: said under the answer, to be mended there, not after every question (which lost them
 * all). Undefined when nothing is.
 */
export function problemOf(check: (value: string) => unknown): (value: string) => string | undefined {
  return (value) => {
    try {
      check(value);
      return undefined;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      // A sentence on its own under the answer, where after `vetted:` it went on from it.
      return err.message.charAt(0).toUpperCase() + err.message.slice(1);
    }
  };
}

/** Existing companies whose name or alias is a likely typo of `name` (names, nearest first). */
export function companiesLike(store: Store, name: string): string[] {
  const key = companyKey(name);
  const byKey = new Map<string, string>();
  for (const k of store.allKeys()) if (!byKey.has(k.key)) byKey.set(k.key, k.name);
  return [...new Set(closestNames(key, byKey.keys()).map((k) => byKey.get(k)!))].filter((n) => companyKey(n) !== key);
}


/** The name or alias a lookalike looks like, and the company it names. */
const lookedLike = (c: { name: string; looksLike: string }) => ({ name: c.looksLike, of: c.name });

/**
 * What the record holds of a name: the company it names; else a refusal naming those it is like
 * (lookalikes in letters of another script, else likely typos), or, where it is like none (or only
 * `except`, which it cannot mean), the warning a new company of that name gets, if any. Each
 * search runs once, and only when needed: the typo search reads every name and alias, and a
 * lookalike settles the answer before it.
 */
function lookUpCompany(store: Store, name: string, except?: CompanyRow): { company: CompanyRow } | { refusal: string } | { warning?: string } {
  const found = store.findCompany(name);
  if (found) return { company: found };
  const like = store.lookalikesOf(name);
  const others = like.filter((c) => c.id !== except?.id);
  if (others.length) return { refusal: `${t().errors.noCompanyShort(name)}${t().errors.didYouMean(others.map(lookedLike))}` };
  if (like.length) return { warning: t().errors.lookalike(name, like.map(lookedLike)) };
  const close = companiesLike(store, name);
  const otherNames = close.filter((n) => n !== except?.name);
  if (otherNames.length) return { refusal: t().errors.noCompanyLike(name, otherNames) };
  return close.length ? { warning: t().errors.typo(name, close) } : {};
}

/**
 * The company of this name; none for a name like none on record, which the caller adds (as
 * `incident add` adds one). A name like one on record (a typo, a lookalike) is refused, naming
 * it, as requireCompany refuses it. `parentOf`: the company the one named is to be the parent
 * of, never offered as its own parent: a name like that company alone is a new company, with
 * the warning a new company like one on record gets.
 */
export function companyOrNew(store: Store, name: string, parentOf?: CompanyRow): { company?: CompanyRow; warning?: string } {
  const r = lookUpCompany(store, name, parentOf);
  if ('refusal' in r) throw new UserError(r.refusal);
  return r;
}

/** The company of that name or alias; a user error that names the closest ones when there is none. */
export function requireCompany(store: Store, name: string): CompanyRow {
  const r = lookUpCompany(store, name);
  if ('company' in r) return r.company;
  if ('refusal' in r) throw new UserError(r.refusal);
  throw new UserError(t().errors.noCompany(name, store.path));
}

/** The incident with this id; a user error that names the closest ids when there is none. */
export function requireIncident(store: Store, id: string) {
  const found = store.findIncident(id);
  if (found) return found;
  const close = closestNames(id.trim().toLowerCase(), store.allIncidentRefs(), 3, Math.max(2, typoAllowance(id)));
  throw new UserError(t().errors.noIncidentLike(id, close));
}

/** A warning when a new company's name is likely a typo of an existing one. */
export function typoWarning(store: Store, name: string): { warning: string; like: string[] } | undefined {
  const like = companiesLike(store, name);
  if (!like.length) return undefined;
  return { like, warning: t().errors.typo(name, like) };
}

/** A warning when a new company's name looks like an existing one's name or alias in another script. */
export function lookalikeWarning(store: Store, name: string, companyId?: number): string | undefined {
  const like = store.lookalikesOf(name).filter((c) => c.id !== companyId);
  if (!like.length) return undefined;
  return t().errors.lookalike(name, like.map(lookedLike));
}

/** Splits `id=value` flags into a map, naming the bad one. */
export function parsePairs(pairs: string[] | undefined, flag: string): Record<string, string> {
  // Without a prototype: a key such as __proto__ or constructor is a key like any other.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const p of pairs ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UserError(t().errors.pairs(flag, p));
    const id = p.slice(0, eq).trim();
    // Given twice, one would be lost without a word (a note), or one answer taken of two.
    if (Object.hasOwn(out, id)) throw new UserError(t().errors.pairTwice(flag, id));
    out[id] = p.slice(eq + 1).trim();
  }
  return out;
}

/** On a terminal: whether the user meant an existing company rather than a new one. */
export async function askWhichCompany(ctx: Context, typed: string, like: string[]): Promise<string> {
  const { askChoice } = await import('../ui/incident-prompts.js');
  const { colourWanted } = await import('../ui/colour.js');
  const e = t().errors;
  return askChoice(
    e.whichCompany(safeText(typed), like.map(safeText)),
    [...like.map((n) => ({ name: e.theOneYouHave(safeText(n)), value: n })), { name: e.aNewCompany(safeText(typed)), value: typed }],
    colourWanted(ctx.err, { noColor: ctx.noColor }, ctx.env),
  );
}
