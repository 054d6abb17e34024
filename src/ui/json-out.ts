// The one shape of JSON on stdout: an indented document for --json, one compact object a
// line for --ndjson (listings only).

import { inertJson, jsonBatches, jsonGroupPieces, jsonGroupTextPieces, toJson } from './safe.js';

export interface JsonOutOptions {
  json?: boolean;
  ndjson?: boolean;
}

/** A listing as JSON: an indented array, or one object a line with --ndjson. */
export function jsonList(items: readonly unknown[], opts: JsonOutOptions): string {
  if (opts.ndjson) return items.map(inertJson).join('\n') + (items.length ? '\n' : '');
  return `${toJson(items)}\n`;
}

/**
 * The text of jsonList(items, opts) in pieces, an item or a few dozen at a time, read from
 * `items` only as the pieces are taken: a long listing is never one value or one text.
 */
export function* jsonListPieces(items: Iterable<unknown>, opts: JsonOutOptions): Generator<string> {
  if (opts.ndjson) {
    for (const item of items) yield `${inertJson(item)}\n`;
    return;
  }
  // A batch's array stringified as the whole one would be, less its brackets: "\n  {…},\n  {…}".
  yield '[';
  const n = yield* jsonBatches(items, (batch) => {
    const text = toJson(batch);
    return text.slice(1, text.length - 2);
  });
  yield n ? '\n]\n' : ']\n';
}

/**
 * The lists (black, white, watch) in pieces: one indented document of a key each, or with
 * --ndjson one object a line, each with its list. `entriesOf` is read a list at a time, as the
 * pieces are taken.
 */
export function* listsJsonPieces<L extends string>(shown: readonly L[], entriesOf: (list: L) => Iterable<object>, opts: JsonOutOptions): Generator<string> {
  if (opts.ndjson) {
    for (const l of shown) for (const e of entriesOf(l)) yield `${inertJson({ list: l, ...e })}\n`;
    return;
  }
  yield* jsonGroupPieces(shown.map((l) => [l, entriesOf(l)]));
  yield '\n';
}

/** The lists as one indented document (listsJsonPieces without --ndjson), of entries whose texts are made already (textInGroup's). */
export function* listsJsonTextPieces<L extends string>(shown: readonly L[], textsOf: (list: L) => Iterable<string>): Generator<string> {
  yield* jsonGroupTextPieces(shown.map((l) => [l, textsOf(l)]));
  yield '\n';
}
