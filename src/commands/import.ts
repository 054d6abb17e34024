// `vetted import FILE [--dry-run] [--json]`: merge a vetted/1 data file, all or nothing.

import { t } from '../i18n/index.js';
import { toJson } from '../ui/safe.js';
import { existsSync, statSync } from 'node:fs';
import { INPUT_LIMITS, decodeInput, readInputBytes } from '../formats/read-input.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { parseDataDocument } from '../formats/data-text.js';
import { isValidLayout, layoutOf, recordsOfFile, type FileIdentity } from '../formats/data-stream.js';
import { describeProblems, validateDataFile } from '../formats/data-file.js';
import { loadAllChecklists } from '../formats/checklist-file.js';
import { mergeRecords, recordsOf, type DataRecords, type MergeReport } from '../store/merge.js';
import { formatLocalDate } from '../domain/dates.js';
import { withMemoryStore, withStore } from './shared.js';
import { IMPORT_MAP_BYTES, type Store } from '../store/store.js';
import { basename } from 'node:path';
import { opSummary } from '../domain/op-summary.js';

export interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
}

function renderReport(file: string, r: MergeReport, dryRun: boolean): string[] {
  const rows: [string, Exclude<keyof MergeReport, 'attachments_without_content'>][] = [
    ['companies', 'companies'],
    ['aliases', 'aliases'],
    ['checks', 'checks'],
    ['incidents', 'incidents'],
    ['events', 'events'],
    ['pins', 'pins'],
    ['attachments', 'attachments'],
  ];
  const parts = rows
    .filter(([, k]) => r[k].added || r[k].existing)
    .map(([label, k]) => t().data.counts(t().data.sections[label] ?? label, r[k].added, dryRun, r[k].existing));
  const head = dryRun ? t().data.dryRunHead(file) : t().data.importedHead(file);
  const missing = r.attachments_without_content ? [`  ${t().data.attachmentsLeftOut(r.attachments_without_content)}`] : [];
  return [head, ...(parts.length ? parts.map((p) => `  ${p}`) : missing.length ? [] : [`  ${t().data.nothing}`]), ...missing];
}

/** Merges, naming the file in any refusal. */
function mergeInto(file: string, ...args: Parameters<typeof mergeRecords>): MergeReport {
  try {
    return mergeRecords(...args);
  } catch (err) {
    if (err instanceof UserError) throw new UserError(`${file}: ${err.message}`);
    throw err;
  }
}

/** A regular file's identity, to tell whether it changed between two readings. */
function identityOf(path: string): FileIdentity | undefined {
  if (path === '-') return undefined;
  const st = statSync(path);
  return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino } : undefined;
}

export async function run(ctx: Context, path: string, opts: ImportOptions): Promise<CommandResult> {
  const file = path === '-' ? t().data.stdin : path;
  let bytes: Buffer | undefined = readInputBytes(path, { what: 'data', maxBytes: INPUT_LIMITS.data });
  const identity = identityOf(path);
  const showProgress = !!ctx.err.isTTY && !opts.json;
  // A dry run with no database yet works on an empty one in memory: it creates no file.
  const dryRunInMemory = opts.dryRun && !existsSync(ctx.dbPath);
  const withTarget = dryRunInMemory ? <T>(fn: (s: Store) => T) => withMemoryStore(ctx, fn) : <T>(fn: (s: Store) => T) => withStore(ctx, fn, { mapBytes: IMPORT_MAP_BYTES });
  // A JSON file laid out as vetted writes it, and valid, is merged a record at a time as it is
  // read again from the file (see formats/data-stream.ts): the bytes read first go at once
  // (a large file's are 100 MB). Any other file is read whole, and its problems named, as before.
  const layout = identity ? layoutOf(bytes, path) : undefined;
  let records: DataRecords | undefined;
  if (layout && identity) {
    bytes = undefined;
    if (isValidLayout(path, layout, identity, ctx.now())) records = recordsOfFile(path, layout, identity);
  }
  if (!records) {
    bytes ??= readInputBytes(path, { what: 'data', maxBytes: INPUT_LIMITS.data });
    const { data, locate } = parseDataDocument(decodeInput(bytes, path), file);
    const validated = validateDataFile(data, { now: ctx.now() });
    if ('errors' in validated) {
      throw new UserError(t().data.invalid(file, describeProblems(validated.errors, 5, locate)));
    }
    records = recordsOf(validated.value);
  }
  const checklists = new Map(loadAllChecklists(ctx.configDir).map((c) => [c.checklist.id, c.checklist]));
  const report = await withTarget((store) =>
    mergeInto(file, store, records, {
      checklists,
      today: formatLocalDate(ctx.now()),
      dryRun: opts.dryRun,
      summary: (r) =>
        opSummary({ k: 'import', file: basename(file), companies: r.companies.added, checks: r.checks.added, incidents: r.incidents.added, events: r.events.added, pins: r.pins.added }),
      onProgress: showProgress
        ? (done, total) => {
            if (total >= 2000) ctx.err.write(`\r${t().data.progress(Math.floor((100 * done) / total), done, total)}${done === total ? '\n' : ''}`);
          }
        : undefined,
    }),
  );
  if (opts.json) return { out: toJson({ file: path, dry_run: !!opts.dryRun, ...report }) };
  return { err: renderReport(file, report, !!opts.dryRun) };
}
