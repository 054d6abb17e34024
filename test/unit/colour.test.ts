// When output gets colour: a terminal, unless NO_COLOR, FORCE_COLOR=0, TERM=dumb or a flag says not.
import { describe, expect, it } from 'vitest';
import { colourWanted } from '../../src/ui/colour.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('colourWanted', () => {
  it.each([
    [tty, {}, true],
    [pipe, {}, false],
    [tty, { NO_COLOR: '1' }, false],
    [tty, { NO_COLOR: '' }, true],
    [tty, { TERM: 'dumb' }, false],
    [tty, { FORCE_COLOR: '0' }, false],
    [tty, { FORCE_COLOR: 'false' }, false],
    [pipe, { FORCE_COLOR: '1' }, true],
    [pipe, { FORCE_COLOR: '' }, true],
    [pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ] as [{ isTTY: boolean }, NodeJS.ProcessEnv, boolean][])('%j with %j → %s', (stream, env, want) => {
    expect(colourWanted(stream, {}, env)).toBe(want);
  });

  it('never with --no-color or for JSON, whatever forces it', () => {
    expect(colourWanted(tty, { noColor: true }, { FORCE_COLOR: '1' })).toBe(false);
    expect(colourWanted(tty, { json: true }, { FORCE_COLOR: '1' })).toBe(false);
  });
});
