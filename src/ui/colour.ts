// Colour only where a person reads it: a terminal, without NO_COLOR, FORCE_COLOR=0, TERM=dumb or --no-color.

import { Chalk, type ChalkInstance } from 'chalk';

export interface ColourOptions {
  noColor?: boolean;
  json?: boolean;
}

/** Whether a stream gets colour, from the flags and the environment (chalk alone ignores NO_COLOR). */
export function colourWanted(stream: { isTTY?: boolean }, opts: ColourOptions, env = process.env): boolean {
  if (opts.noColor || opts.json) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  // FORCE_COLOR=0 (or false) turns colour off, as chalk and Node read it; any other value forces it on.
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR !== undefined) return true;
  return !!stream.isTTY;
}

export type Paint = ChalkInstance;

export function paint(enabled: boolean): Paint {
  return new Chalk({ level: enabled ? 1 : 0 });
}
