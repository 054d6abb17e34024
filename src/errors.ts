// Typed errors: the one exit point (main.ts) turns them into exit codes.

/** Bad usage or bad input: exit 2, one sentence saying what was wrong and what to do. */
export class UserError extends Error {
  readonly exitCode: number = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
