// `vetted backup [--out FILE]` and `vetted restore FILE`.

import { existsSync } from 'node:fs';
import { t } from '../i18n/index.js';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { backupDatabase, backupDir, backupThrough, copiesOf, damageIn, defaultBackupPath, isDamage, replaceDamaged, restoreDatabase, verifyBackup } from '../store/backup.js';
import { checkOutputPath, outputFileOf, writesThrough } from '../formats/write-file.js';
import { sameFile } from '../formats/read-input.js';
import { safeText } from '../ui/safe.js';
import { inspectHeader, refuseNewDatabaseAt } from '../store/open.js';
import { withStore } from './shared.js';
import type { Store } from '../store/store.js';

function requireDatabase(ctx: Context): void {
  if (!existsSync(ctx.dbPath)) throw new UserError(t().data.noDatabase(ctx.dbPath));
  // Refuses a file that is not ours; an empty file is no database yet either (it was made into one, and backed up).
  if (inspectHeader(ctx.dbPath, 'database', ctx.setBy.db).isNew) throw new UserError(t().data.noDatabase(ctx.dbPath));
}

export async function runBackup(ctx: Context, opts: { out?: string }): Promise<CommandResult> {
  requireDatabase(ctx);
  // `-` (or /dev/stdout) is standard output: the backup is written there, never onto a terminal.
  const file = outputFileOf(opts.out);
  const toStdout = opts.out !== undefined && file === undefined;
  if (toStdout && ctx.out.isTTY) throw new UserError(t().data.backupNotToTerminal);
  if (opts.out !== undefined) checkOutputPath(opts.out, { dbPath: ctx.dbPath });
  // A backup is a database: not made where SQLite would take it for another's own file.
  if (file !== undefined && !writesThrough(file) && !existsSync(file)) refuseNewDatabaseAt(resolve(file));
  // Opening checks the file and applies any pending migration (with its own backup) first.
  await withStore(ctx, () => undefined);
  if (toStdout || (file !== undefined && writesThrough(file))) {
    // Standard output, a device or a pipe: the backup is made aside and copied through.
    const damage = await backupThrough(ctx.dbPath, file ?? '-');
    if (damage) throw damagedCopy(ctx, file, damage);
    return { err: file === undefined ? t().data.backedUpToStdout(ctx.dbPath) : t().data.backedUp(ctx.dbPath, file) };
  }
  // A name of our own choosing is another where it is taken meanwhile (two backups in one second); one given with --out is not.
  const chosen = () => defaultBackupPath(ctx.dbPath, ctx.now());
  const dest = await backupDatabase(ctx.dbPath, file !== undefined ? resolve(file) : chosen(), file !== undefined ? undefined : chosen);
  // A copy of a damaged database is kept all the same (what can still be read may be salvaged
  // from it), but it is no backup to restore: said so, and the command fails.
  const damage = damageIn(dest);
  if (damage) throw damagedCopy(ctx, dest, damage);
  return { out: `${safeText(dest)}\n`, err: t().data.backedUp(ctx.dbPath, dest) };
}

/** Whether a copy in the backups folder is one a restore would take (verifyBackup, which restore runs): not one that cannot be opened, nor an empty or damaged one. */
function restorable(file: string): boolean {
  try {
    verifyBackup(file);
    return true;
  } catch {
    return false;
  }
}

/** The refusal of a backup whose copy (at `to`; undefined: standard output) SQLite finds damaged, naming the copies that may be restored instead. */
function damagedCopy(ctx: Context, to: string | undefined, damage: string): UserError {
  // Only copies found whole are offered (a backup of the damage made before this one is kept
  // under a backup's name too): the newest three, looked at among the newest ten.
  const copies = copiesOf(ctx.dbPath, to);
  const whole = copies.slice(0, 10).filter(restorable);
  // The rest: whole ones beyond the three, and those not looked at.
  const more = Math.max(0, whole.length - 3) + Math.max(0, copies.length - 10);
  return new UserError(t().data.backedUpDamaged(ctx.dbPath, to, damage, whole.slice(0, 3), more, backupDir(ctx.dbPath)));
}

export async function runRestore(ctx: Context, file: string, opts: { yes?: boolean } = {}): Promise<CommandResult> {
  if (file === '') throw new UserError(t().data.emptyRestore);
  const source = resolve(file);
  if (sameFile(source, ctx.dbPath)) throw new UserError(t().data.isItself);
  verifyBackup(source);
  // A database too damaged to open is what a restore is for: it is kept as it is and replaced whole.
  let damaged = false;
  let replacing: boolean;
  try {
    replacing = existsSync(ctx.dbPath) && !inspectHeader(ctx.dbPath, 'database', ctx.setBy.db).isNew;
  } catch (err) {
    // Cut short before the end of its header: damaged before it is opened.
    if (!isDamage(err)) throw err;
    replacing = damaged = true;
  }
  const keepName = () => defaultBackupPath(ctx.dbPath, ctx.now(), 'before-restore');
  let keep = replacing ? keepName() : undefined;
  let counts: ReturnType<Store['counts']> | undefined;
  if (replacing && !damaged) {
    try {
      counts = await withStore(ctx, (store) => store.counts());
    } catch (err) {
      if (!isDamage(err)) throw err;
      damaged = true;
    }
  }
  if (!opts.yes) {
    const say = t().data;
    if (!ctx.interactive) throw new UserError(say.restoreWould(ctx.dbPath, source, keep));
    const [{ askYesNo }, { colourWanted }] = await Promise.all([import('../ui/confirm.js'), import('../ui/colour.js')]);
    const yes = await askYesNo(
      safeText(say.restoreAsk(ctx.dbPath, source, keep, counts)),
      colourWanted(ctx.err, { noColor: ctx.noColor }, ctx.env),
      ctx.lang,
    );
    if (!yes) return { err: say.notRestored(ctx.dbPath) };
  }
  if (damaged) await replaceDamaged(source, ctx.dbPath, keep!);
  else {
    // Opening checks the database (and creates it when there is none) before it is replaced.
    await withStore(ctx, () => undefined);
    // Keep what is being replaced, so that a restore can itself be undone.
    try {
      // Where there was none to replace, a copy is kept all the same if another process wrote to
      // the database made meanwhile (found under the restore's own lock).
      keep = await restoreDatabase(source, ctx.dbPath, { name: keep, another: keepName, ifAny: keep === undefined });
    } catch (err) {
      // Damaged where no count reads it (the copy of its rows met the damage, and wrote nothing).
      if (!keep || !isDamage(err)) throw err;
      await replaceDamaged(source, ctx.dbPath, keep);
    }
  }
  // Open once, so that a backup from an older version put in place of a damaged database is migrated now.
  await withStore(ctx, () => undefined);
  return { err: [...(keep ? [t().data.keptAs(keep)] : []), t().data.restored(ctx.dbPath, source)] };
}


