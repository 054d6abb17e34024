// `vetted import FILE [--dry-run] [--json]`: merge a vetted/1 data file, all or nothing.

import { t } from '../i18n/index.js';
import { toJson } from '../ui/safe.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { parseDataDocument, type ParsedData } from '../formats/data-text.js';
import { describeProblems, validateDataFile } from '../formats/data-file.js';
import { loadAllChecklists } from '../formats/checklist-file.js';
import { mergeDataFile, type MergeReport } from '../store/merge.js';
import { formatLocalDate } from '../domain/dates.js';
import { withMemoryStore, withStore } from './shared.js';
import type { Store } from '../store/store.js';

/** The largest data file read (documented in the README). */
export const MAX_DATA_FILE_BYTES = 512 * 1024 * 1024;

export interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
}

function readData(file: string): ParsedData {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserError(t().data.folder(file));
    size = st.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(t().data.noFile(file));
  }
  if (size > MAX_DATA_FILE_BYTES) {
    throw new UserError(t().data.tooBig(file, Math.round(size / 1048576), MAX_DATA_FILE_BYTES / 1048576));
  }
  return parseDataDocument(readFileSync(file, 'utf8'), file);
}

function renderReport(file: string, r: MergeReport, dryRun: boolean): string[] {
  const rows: [string, keyof MergeReport][] = [
    ['companies', 'companies'],
    ['aliases', 'aliases'],
    ['checks', 'checks'],
    ['incidents', 'incidents'],
    ['events', 'events'],
    ['pins', 'pins'],
  ];
  const parts = rows
    .filter(([, k]) => r[k].added || r[k].existing)
    .map(([label, k]) => t().data.counts(t().data.sections[label] ?? label, r[k].added, dryRun, r[k].existing));
  const head = dryRun ? t().data.dryRunHead(file) : t().data.importedHead(file);
  return [head, ...(parts.length ? parts.map((p) => `  ${p}`) : [`  ${t().data.nothing}`])];
}

/** Merges, naming the file in any refusal. */
function mergeInto(file: string, ...args: Parameters<typeof mergeDataFile>): MergeReport {
  try {
    return mergeDataFile(...args);
  } catch (err) {
    if (err instanceof UserError) throw new UserError(`${file}: ${err.message}`);
    throw err;
  }
}

export async function run(ctx: Context, file: string, opts: ImportOptions): Promise<CommandResult> {
  const { data, notices } = readData(file);
  const validated = validateDataFile(data);
  if ('errors' in validated) {
    throw new UserError(t().data.invalid(file, describeProblems(validated.errors)));
  }
  const checklists = new Map(loadAllChecklists(ctx.configDir).map((c) => [c.checklist.id, c.checklist]));
  const showProgress = !!ctx.err.isTTY && !opts.json;
  // A dry run with no database yet works on an empty one in memory: it creates no file.
  const dryRunInMemory = opts.dryRun && !existsSync(ctx.dbPath);
  const withTarget = dryRunInMemory ? <T>(fn: (s: Store) => T) => withMemoryStore(ctx, fn) : <T>(fn: (s: Store) => T) => withStore(ctx, fn);
  const report = await withTarget((store) =>
    mergeInto(file, store, validated.value, {
      checklists,
      today: formatLocalDate(ctx.now()),
      dryRun: opts.dryRun,
      onProgress: showProgress
        ? (done, total) => {
            if (total >= 2000) ctx.err.write(`\r${t().data.progress(Math.floor((100 * done) / total), done, total)}${done === total ? '\n' : ''}`);
          }
        : undefined,
    }),
  );
  const noticeLines = notices.map((n) => t().data.note(file, n));
  if (opts.json) return { out: toJson({ file, dry_run: !!opts.dryRun, ...report, notices }), err: noticeLines };
  return { err: [...noticeLines, ...renderReport(file, report, !!opts.dryRun)] };
}
