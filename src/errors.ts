// Typed errors: the one exit point (main.ts) turns them into exit codes.

/** Bad usage or bad input: exit 2, one sentence saying what was wrong and what to do. */
export class UserError extends Error {
  readonly exitCode: number = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A failure at run time that the user can act on (disk full, locked database): exit 1. */
export class RuntimeFailure extends Error {
  readonly exitCode: number = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RuntimeFailure';
  }
}

/** The user pressed Ctrl+C: exit 130, nothing stored. */
export class Interrupted extends Error {
  readonly exitCode: number = 130;
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}
