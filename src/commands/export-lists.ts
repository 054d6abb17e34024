// The lists as markdown or CSV: filled in with the list policy.
import type { Context } from '../context.js';
import type { Store } from '../store/store.js';
import { UserError } from '../errors.js';

export function exportLists(_ctx: Context, _store: Store, format: 'md' | 'csv', _detail: boolean): string {
  throw new UserError(`--format ${format} is not available in this build yet; use --format json.`);
}
