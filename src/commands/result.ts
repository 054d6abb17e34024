// What a command hands back to the one exit point: text for stdout and stderr, and a code.
export interface CommandResult {
  out?: string;
  err?: string;
  code?: number;
}
