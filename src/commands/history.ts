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
import { opSummary, readOpSummary } from '../domain/op-summary.js';
import { loadCatalog, t, type Catalog } from '../i18n/index.js';
import { refuseWhereNone, requireCompany, readingStore, writingStore } from './shared.js';
import { checkWhen } from './when.js';
import type { Operation, Store } from '../store/store.js';
import { Sources } from '../store/sources.js';
import { LARGE_OPERATION } from '../store/journal.js';
import { newTimelineFaults } from '../domain/incident.js';

function positive(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UserError(t().history.positive(flag, value));
  // Beyond 2^53 a count means "all of them" (SQLite takes no larger whole number from JavaScript).
  return Math.min(Number(value), Number.MAX_SAFE_INTEGER);
}

const stateOf = (o: Operation) => (o.reverted_by !== null ? t().history.undoneBy(o.reverted_by) : o.reverts !== null ? t().history.undid(o.reverts) : '');

/** An operation's summary in the words of a catalog (the one in use unless given). */
const summaryOf = (o: Operation, c: Catalog = t()) => c.history.summary(readOpSummary(o.summary));

/**
 * An operation as JSON: `summary` stays one English line, as it always was; `what` is the
 * same as facts (a kind `k` and its arguments), or null for a summary an older version kept as text.
 */
function operationJson(o: Operation, en: Catalog) {
  const what = readOpSummary(o.summary);
  return {
    id: o.id,
    at: o.at,
    command: o.command,
    summary: summaryOf(o, en),
    what: typeof what === 'string' ? null : what,
    changes: o.changes,
    reverts: o.reverts,
    reverted_by: o.reverted_by,
  };
}

export async function runHistory(ctx: Context, opts: { company?: string; limit?: string } & JsonOutOptions): Promise<CommandResult> {
  const limit = positive(opts.limit, '--limit', opts.json || opts.ndjson ? Number.MAX_SAFE_INTEGER : 20);
  const en = opts.json || opts.ndjson ? await loadCatalog('en') : undefined;
  return readingStore(ctx, (store) => {
    const companyId = opts.company !== undefined ? requireCompany(store, opts.company).id : undefined;
    // One more than shown, read only to know whether there are more: the last page said "--limit N
    // shows more" when it held exactly N and there were no more.
    const read = store.operations({ companyId, limit: en ? limit : limit + 1 });
    const more = read.length > limit;
    const ops = more ? read.slice(0, limit) : read;
    if (en) return { out: jsonList(ops.map((o) => operationJson(o, en)), opts) };
    const h = t().history;
    if (!ops.length) return { out: `${h.none}\n` };
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const [id, when, what, state] = h.headers;
    const rows = ops.map((o) => [String(o.id), t().fmt.dateTime(formatLocalMinute(Date.parse(o.at))), summaryOf(o), stateOf(o)]);
    // The undo column only where a change listed was undone or undid one.
    const undos = rows.some((r) => r[3] !== '');
    const table = renderTable(
      [{ header: id, align: 'right' }, { header: when }, { header: what }, ...(undos ? [{ header: state }] : [])],
      undos ? rows : rows.map((r) => r.slice(0, 3)),
      p.bold,
    );
    return { out: table, err: more ? h.newest(limit) : undefined };
  });
}

export async function runPrune(ctx: Context, opts: { before: string }): Promise<CommandResult> {
  const now = ctx.now();
  const when = checkWhen(opts.before, '--before', now);
  // Tomorrow at the latest, to its end here (before it, every change made so far): a date further
  // on is one mistyped, and would forget every change without a word.
  const today = new Date(now);
  const endOfTomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 2).getTime();
  // By the instant it names, however it is written: a date alone is the start of its day, so the
  // day after tomorrow is the end of tomorrow, as its midnight is.
  if (when.ms > endOfTomorrow) throw new UserError(t().correct.pruneFuture(opts.before, formatLocalMinute(now)));
  const before = new Date(when.ms).toISOString();
  // Said as the reader's language writes a date (31.12.2026 in Russian), where it is one it reads.
  const saidBefore = t().fmt.dateTime(when.text);
  return writingStore(ctx, (store) => {
    const { removed, scrubbed } = store.pruneOperations(before);
    const said = removed ? t().history.pruned(removed, saidBefore) : t().history.nothingBefore(saidBefore);
    return { err: scrubbed ? said : [said, t().history.notScrubbed] };
  });
}

/** Reverts one operation as a new operation; returns the new one's id. */
function revertOne(store: Store, target: Operation): number {
  const later = store.laterChangesTo(target.id);
  if (later.length) {
    // A closing with notes after it: what was likely meant is to open the incident again.
    const what = readOpSummary(target.summary);
    const closed = typeof what !== 'string' && what.k === 'event' && what.type === 'resolution' && store.findIncident(what.incident)?.closed ? what.incident : undefined;
    throw new UserError(t().history.laterChanges(target.id, later, closed));
  }
  const taken = store.idTakenSince(target.id);
  if (taken) throw new UserError(t().history.idTaken(target.id, taken.what, taken.id, taken.holder, taken.by));
  const name = store.nameTakenSince(target.id);
  if (name) {
    const by = name.by === undefined ? undefined : store.operation(name.by);
    throw new UserError(t().history.nameTaken(target.id, name, by && summaryOf(by)));
  }
  try {
    store.write(
      () => {
        const small = target.changes <= LARGE_OPERATION.changes;
        // Each incident as it stands before the undo: a rule of its timeline broken then (an event an
        // older version let in before the opening, say) is not the undo's doing.
        const before = new Map((small ? store.incidentsChangedBy(target.id) : []).map((i) => [i.rowId, i]));
        store.revert(target);
        // A name is one company's, as its name or an alias: a revert may bring back a company
        // named what has become an alias since, which no unique index of either table sees.
        if (store.namePutBackTaken()) throw new UserError(t().history.taken(target.id, 'company'));
        // Nor a parent that makes a company a subsidiary of its own subsidiary, one having been
        // given since: its export would not import.
        const loop = store.parentLoopPutBack();
        if (loop !== undefined) throw new UserError(t().history.parentLoop(target.id, loop.company, loop.parent));
        // Nor may it put back an event, an opening or a closing that breaks its timeline as it
        // stands since (an event before an opening moved later): its export would not import.
        // A large operation put back whole (a removal of a company with its incidents) is as it was.
        // A break between rows no later change touched (the incident's, and the event's) is as
        // they stood before the change undone: not the undo's doing. (A time without its offset,
        // read in another zone than it was written in, may read as before the opening: an edit of
        // such a timeline's title, or its removal, could not be undone.)
        // A break is the undo's doing where it did not stand before it, and the rows it is between
        // changed since the change undone: the incident's, whatever changed it (an opening moved
        // since), or the event's, logged or moved since (not only re-worded) before an opening the
        // undo puts back. One between rows left where they were is as it stood before the change undone.
        if (small) {
          for (const i of store.incidentsPutBack()) {
            for (const fault of newTimelineFaults(before.get(i.rowId), i)) {
              if (!store.changedSince(target.id, i.rowId, fault.kind === 'before-opening' ? fault.event : undefined)) continue;
              const was = before.get(i.rowId)?.opened;
              const putBack = was !== undefined && was !== i.opened ? i.opened : undefined;
              throw new UserError(t().history.breaksTimeline(target.id, i.id, fault, putBack));
            }
          }
        }
      },
      { summary: opSummary({ k: 'undo', op: target.id, of: readOpSummary(target.summary) }), reverts: target.id },
    );
  } catch (err) {
    // A row put back under a unique name or id that a later change has given to another record.
    const e = err as { code?: string; message?: string };
    if (e.code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
    throw new UserError(t().history.taken(target.id, TAKEN[/: (\w+\.\w+)/.exec(e.message ?? '')?.[1] ?? ''] ?? 'other'));
  }
  return store.operations({ limit: 1 })[0].id;
}

/** What a unique column SQLite names holds, in the user's words. */
const TAKEN: Record<string, 'incident' | 'check' | 'company' | 'alias'> = { 'incidents.ref': 'incident', 'checks.ref': 'check', 'companies.key': 'company', 'aliases.key': 'alias' };

export async function runUndo(ctx: Context, count: string | undefined, opts: { op?: string; json?: boolean }): Promise<CommandResult> {
  const h = t().history;
  if (count !== undefined && opts.op !== undefined) throw new UserError(h.countOrOp);
  const n = positive(count, 'undo', 1);
  const en = opts.json ? await loadCatalog('en') : undefined;
  refuseWhereNone(ctx);
  return writingStore(ctx, (store) => {
    const pick = (): Operation[] => {
      if (opts.op !== undefined) {
        const given = opts.op.replace(/^#/, '');
        const id = positive(given, '--op', 0);
        // An operation's number as given: one past 2^53 names none, and is not taken for another.
        const op = Number.isSafeInteger(Number(given)) ? store.operation(id) : undefined;
        if (!op) throw new UserError(h.noOperation(given));
        if (op.reverted_by !== null) throw new UserError(h.undoneAlready(id, op.reverted_by));
        return [op];
      }
      const found = store.undoable(n);
      if (!found.length) throw new UserError(store.operations({ limit: 1 }).length ? h.allUndone : h.nothingToUndo);
      // More asked than there is: a number mistyped (1000 for 10) would take back everything.
      if (found.length < n) throw new UserError(h.onlyLeft(String(count).trim(), found.length));
      notPastSource(found);
      return found;
    };
    // A source added since is the last change a person made, and undo cannot take it back: the
    // change before it would be undone in its place (an import, gone, while the source stayed).
    // Nor does `undo 2` reach past one.
    const notPastSource = (found: Operation[]): void => {
      const since = new Sources(store).changedAfter(found[found.length - 1].id);
      if (!since) return;
      const newer = found.filter((o) => o.id > since.afterOp).length;
      throw new UserError(newer ? h.pastSource(since.name, since.updated, newer) : h.sourceSince(since.name, since.updated, found[0].id, summaryOf(found[0])));
    };
    let targets = pick();
    // Newest first, each an operation of its own (so each can be redone), all in one transaction.
    // A large undo runs without SQLite's per-row key lookups (see writeWithoutForeignKeys).
    const write = targets.reduce((n, t) => n + t.changes, 0) > LARGE_OPERATION.changes ? store.writeWithoutForeignKeys.bind(store) : store.write.bind(store);
    // Checked again within the write (and chosen again if need be): another undo run at once
    // may have taken back these meanwhile.
    const done = write(() => {
      if (!store.stillUndoable(targets.map((t) => t.id), opts.op === undefined)) targets = pick();
      // A source added meanwhile, by another process, is in the way too.
      else if (opts.op === undefined) notPastSource(targets);
      return targets.map((t) => {
        const by = revertOne(store, t);
        return { undone: t, by, changedNothing: !store.changedAnything(by) };
      });
    });
    // The operation as it stands now: undone, by the operation just made.
    if (en) return { out: toJson(done.map((d) => ({ undone: operationJson({ ...d.undone, reverted_by: d.by }, en), by: d.by }))) };
    // Several undone at once are redone the last first (a change made later may stand on one
    // made before it): each undo's number alone would name an order that is refused.
    // An undo that changed nothing has nothing to redo: it is not offered.
    const redoable = done.filter((d) => !d.changedNothing);
    const one = redoable.length === 1;
    return {
      err: [
        ...done.flatMap((d) => [h.undone(d.undone.id, summaryOf(d.undone), one && d === redoable[0] ? d.by : undefined), ...(d.changedNothing ? [h.foundUndone(d.undone.id)] : [])]),
        ...(redoable.length > 1 ? [h.redoAll(redoable.map((d) => d.by).reverse())] : []),
      ],
    };
  });
}
