// `vetted history [--company C] [--limit N] [--json]`, `history prune --before DATE` and
// `vetted undo [N] [--op ID]`: every change, and the way back.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { toJson } from '../ui/safe.js';
import { renderTable } from '../ui/table.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import { colourWanted, paint } from '../ui/colour.js';
import { formatLocalMinute } from '../domain/dates.js';
import { requireCompany, withStore } from './shared.js';
import { checkWhen } from './when.js';
import type { Operation, Store } from '../store/store.js';

function positive(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UserError(`${flag} takes a whole number, 1 or more, not "${value}".`);
  return Number(value);
}

const stateOf = (o: Operation) => (o.reverted_by !== null ? `undone by #${o.reverted_by}` : o.reverts !== null ? `undid #${o.reverts}` : '');

function operationJson(o: Operation) {
  return { id: o.id, at: o.at, command: o.command, summary: o.summary, changes: o.changes, reverts: o.reverts, reverted_by: o.reverted_by };
}

export async function runHistory(ctx: Context, opts: { company?: string; limit?: string } & JsonOutOptions): Promise<CommandResult> {
  const limit = positive(opts.limit, '--limit', opts.json || opts.ndjson ? Number.MAX_SAFE_INTEGER : 20);
  return withStore(ctx, (store) => {
    const companyId = opts.company ? requireCompany(store, opts.company).id : undefined;
    const ops = store.operations({ companyId, limit });
    if (opts.json || opts.ndjson) return { out: jsonList(ops.map(operationJson), opts) };
    if (!ops.length) return { out: 'No changes recorded yet.\n' };
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const table = renderTable(
      [{ header: '#', align: 'right' }, { header: 'when' }, { header: 'what' }, { header: '' }],
      ops.map((o) => [String(o.id), formatLocalMinute(Date.parse(o.at)), o.summary, stateOf(o)]),
      p.bold,
    );
    return { out: table, err: ops.length === limit ? `(the newest ${limit}; --limit N shows more)` : undefined };
  });
}

export async function runPrune(ctx: Context, opts: { before?: string }): Promise<CommandResult> {
  if (!opts.before) throw new UserError('say up to when: history prune --before DATE (such as --before 2025-01-01).');
  const before = new Date(checkWhen(opts.before, '--before', ctx.now()).ms).toISOString();
  return withStore(ctx, (store) => {
    const n = store.pruneOperations(before);
    return { err: n ? `forgot ${n} operations from before ${opts.before}: they can no longer be undone.` : `nothing was recorded before ${opts.before}.` };
  });
}

/** Reverts one operation as a new operation; returns the new one's id. */
function revertOne(store: Store, target: Operation): number {
  const later = store.laterChangesTo(target.id);
  if (later.length) {
    throw new UserError(
      `#${target.id} cannot be undone on its own: ${later.map((n) => `#${n}`).join(', ')} changed the same records later; undo ${later.length === 1 ? 'it' : 'them'} first (see \`vetted history\`).`,
    );
  }
  store.write(() => store.revert(target), { summary: `undo #${target.id}: ${target.summary}`, reverts: target.id });
  return store.operations({ limit: 1 })[0].id;
}

export async function runUndo(ctx: Context, count: string | undefined, opts: { op?: string; json?: boolean }): Promise<CommandResult> {
  if (count !== undefined && opts.op !== undefined) throw new UserError('give either a count (undo N) or --op ID, not both.');
  const n = positive(count, 'undo', 1);
  return withStore(ctx, (store) => {
    let targets: Operation[];
    if (opts.op !== undefined) {
      const id = positive(opts.op.replace(/^#/, ''), '--op', 0);
      const op = store.operation(id);
      if (!op) throw new UserError(`there is no operation #${id}; see \`vetted history\` for their numbers.`);
      if (op.reverted_by !== null) throw new UserError(`#${id} was undone already by #${op.reverted_by}; to bring it back, undo that: \`vetted undo --op ${op.reverted_by}\`.`);
      targets = [op];
    } else {
      targets = store.undoable(n);
      if (!targets.length) throw new UserError('there is nothing to undo: no change is recorded (see `vetted history`).');
    }
    // Newest first, each an operation of its own (so each can be redone), all in one transaction.
    const done = store.write(() => targets.map((t) => ({ undone: t, by: revertOne(store, t) })));
    if (opts.json) return { out: toJson(done.map((d) => ({ undone: operationJson(d.undone), by: d.by }))) };
    const lines = done.map((d) => `undone #${d.undone.id}: ${d.undone.summary} (to redo: vetted undo --op ${d.by})`);
    if (targets.length < n) lines.push(`only ${targets.length} change${targets.length === 1 ? ' was' : 's were'} left to undo.`);
    return { err: lines };
  });
}

