// `vetted backup [--out FILE]` and `vetted restore FILE`.

import { t } from '../i18n/index.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { backupDatabase, defaultBackupPath, restoreDatabase, verifyBackup } from '../store/backup.js';
import { inspectHeader } from '../store/open.js';
import { withStore } from './shared.js';

function requireDatabase(ctx: Context): void {
  if (!existsSync(ctx.dbPath)) throw new UserError(t().data.noDatabase(ctx.dbPath));
  inspectHeader(ctx.dbPath); // refuses a file that is not ours
}

export async function runBackup(ctx: Context, opts: { out?: string }): Promise<CommandResult> {
  requireDatabase(ctx);
  // Opening checks the file and applies any pending migration (with its own backup) first.
  await withStore(ctx, () => undefined);
  const dest = opts.out ? resolve(opts.out) : defaultBackupPath(ctx.dbPath, ctx.now());
  await backupDatabase(ctx.dbPath, dest);
  return { out: `${dest}\n`, err: t().data.backedUp(ctx.dbPath, dest) };
}

export async function runRestore(ctx: Context, file: string): Promise<CommandResult> {
  const source = resolve(file);
  if (source === ctx.dbPath) throw new UserError(t().data.isItself);
  verifyBackup(source);
  const messages: string[] = [];
  if (existsSync(ctx.dbPath) && !inspectHeader(ctx.dbPath).isNew) {
    // Keep what is being replaced, so that a restore can itself be undone.
    const keep = defaultBackupPath(ctx.dbPath, ctx.now(), 'before-restore');
    await withStore(ctx, () => undefined);
    await backupDatabase(ctx.dbPath, keep);
    messages.push(t().data.keptAs(keep));
  }
  await restoreDatabase(source, ctx.dbPath);
  // Open once, so that a backup from an older version is migrated now.
  await withStore(ctx, () => undefined);
  messages.push(t().data.restored(ctx.dbPath, source));
  return { err: messages };
}
