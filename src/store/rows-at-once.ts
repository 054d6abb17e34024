// Rows of one table inserted many to a statement: handing SQLite one row per statement cost
// bulk writes (ten thousand cached verdicts, a shared file's hundred thousand rows) a third
// more time or worse.

import type { Statement } from 'better-sqlite3';

/**
 * Rows inserted `rows` to a statement as they are added, and the rest one at a time by `end`,
 * in the order they were added (so that a conflict is met, or ignored, as with a statement
 * each). `prepare` makes (or finds) a statement for a text; `head` is the statement up to its
 * VALUES.
 */
export class RowsAtOnce {
  private values: unknown[] = [];
  private many: Statement | undefined;
  private one: Statement | undefined;

  constructor(
    private readonly prepare: (sql: string) => Statement,
    private readonly head: string,
    private readonly columns: number,
    private readonly rows = 32,
  ) {}

  private row(): string {
    return `(${Array(this.columns).fill('?').join(', ')})`;
  }

  /** Whether rows were added that are not inserted yet. */
  get waiting(): boolean {
    return this.values.length > 0;
  }

  // The rows are taken off before they are inserted: an insert that fails aborts its
  // transaction, and none of them is ever inserted twice by a later end().
  add(...values: unknown[]): void {
    for (const v of values) this.values.push(v);
    if (this.values.length === this.rows * this.columns) {
      this.many ??= this.prepare(`${this.head} ${Array(this.rows).fill(this.row()).join(', ')}`);
      const rows = this.values;
      this.values = [];
      this.many.run(rows);
    }
  }

  end(): void {
    if (!this.values.length) return;
    this.one ??= this.prepare(`${this.head} ${this.row()}`);
    const rows = this.values;
    this.values = [];
    for (let k = 0; k < rows.length; k += this.columns) this.one.run(rows.slice(k, k + this.columns));
  }
}
