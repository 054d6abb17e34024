// The one shape of JSON on stdout: an indented document for --json, one compact object a
// line for --ndjson (listings only).

import { JSON_BATCH, inertJson, toJson } from './safe.js';

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
  let n = 0;
  let batch: unknown[] = [];
  // A batch's array stringified as the whole one would be, less its brackets: "\n  {…},\n  {…}".
  const flush = () => {
    const text = toJson(batch);
    const piece = `${n ? ',' : '['}${text.slice(1, text.length - 2)}`;
    n += batch.length;
    batch = [];
    return piece;
  };
  for (const item of items) {
    batch.push(item);
    if (batch.length === JSON_BATCH) yield flush();
  }
  if (batch.length) yield flush();
  yield n ? '\n]\n' : '[]\n';
}
