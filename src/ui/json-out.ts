// The one shape of JSON on stdout: an indented document for --json, one compact object a
// line for --ndjson (listings only).

import { inertJson, toJson } from './safe.js';

export interface JsonOutOptions {
  json?: boolean;
  ndjson?: boolean;
}

/** A listing as JSON: an indented array, or one object a line with --ndjson. */
export function jsonList(items: readonly unknown[], opts: JsonOutOptions): string {
  if (opts.ndjson) return items.map(inertJson).join('\n') + (items.length ? '\n' : '');
  return `${toJson(items)}\n`;
}
