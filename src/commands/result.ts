// What a command hands back to the one exit point: text for stdout and stderr, and a code.
export interface CommandResult {
  out?: string;
  /** Messages for stderr, a line each: user text inside a line never breaks it. */
  err?: string | string[];
  code?: number;
}
