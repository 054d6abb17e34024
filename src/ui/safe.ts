// The one way user text reaches a terminal: control characters, escape sequences and
// bidirectional overrides are made visible and harmless.

import { safeText } from '../domain/shown-text.js';

export { UNSAFE, safeText } from '../domain/shown-text.js';

// What a terminal may receive of ours besides text: line breaks, a carriage return (progress
// lines) and colour (SGR) sequences. Everything else is shown, not obeyed.
const TERMINAL_KEEP = /(\n|\r|\u001b\[[0-9;]*m)/u;

/** Any text made safe for a terminal, keeping its lines and colours: the last guard that every
 * byte written to a terminal passes, after user text was made safe where it was rendered. */
export function terminalText(s: string): string {
  return s
    .split(TERMINAL_KEEP)
    .map((part, i) => (i % 2 === 1 ? part : safeText(part)))
    .join('');
}

/** A stream that passes everything written to it through terminalText when it is a terminal
 * (its width read from it as it is now: a listing fits a window of 60 columns, not 80). */
export function guardTerminal<T extends { write(s: string): unknown; isTTY?: boolean; columns?: number }>(stream: T): { write(s: string): unknown; isTTY?: boolean; columns?: number } {
  if (!stream.isTTY) return stream;
  return {
    isTTY: true,
    get columns() {
      return stream.columns;
    },
    write: (s: string) => stream.write(terminalText(s)),
  };
}

// Every character of the class is one UTF-16 unit, and none a surrogate: searched by units (no
// `u` flag), it finds the same characters, and a first search of ten thousand texts of
// `lists --json` took 6 ms rather than 13.
const JSON_UNSAFE = /[\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const escapeForJson = (ch: string) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`;

/** JSON for stdout: JSON escapes C0 controls itself; C1 controls, bidi overrides and line
 * separators are escaped too (still the same JSON value), so that raw output is inert. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, escapeForJson);
}

/** Compact JSON with the same escaping as toJson. */
export function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(JSON_UNSAFE, escapeForJson);
}

/**
 * How many values are stringified at once where output is made in pieces. JSON.stringify
 * returns its text as a tree of parts, copied into one string by the first thing that reads
 * it; for a few dozen values that copy is cheap, for hundreds (half a megabyte of text) it
 * cost more than the stringify itself: 130 ms of a 1.1 s export at 10,000 companies.
 */
export const JSON_BATCH = 32;

/**
 * The text of toJson(an object of arrays), in pieces, a value at a time: `groups` gives each
 * key with its values in order, read only as the pieces are taken. The same bytes as
 * toJson, without the whole value or the whole text in memory at once.
 */
export function* jsonGroupPieces(groups: [string, Iterable<unknown>][]): Generator<string> {
  yield* groupPieces(groups, (key, values, opening) =>
    // Stringified under their key as the whole object would be (so already indented as
    // there); the piece is that text between the brackets.
    jsonBatches(values, (batch) => {
      const text = toJson({ [key]: batch });
      return text.slice('{'.length + opening.length, text.length - GROUP_TAIL.length);
    }),
  );
}

/** The same text as jsonGroupPieces, of values whose texts are made already (each textInGroup's). */
export function* jsonGroupTextPieces(groups: [string, Iterable<string>][]): Generator<string> {
  yield* groupPieces(groups, function* (_key, texts) {
    let n = 0;
    for (const text of texts) yield `${n++ ? ',' : ''}\n${text}`;
    return n;
  });
}

/** One value's text as it stands in an array under a key of toJson's document: indented four spaces, without the comma or the line break before it. */
export function textInGroup(value: unknown): string {
  const text = toJson({ k: [value] });
  return text.slice(GROUP_HEAD.length, text.length - GROUP_TAIL.length);
}

const GROUP_HEAD = '{\n  "k": [\n';
/** How toJson ends an object whose last value is an array: its closing bracket, then brace. */
const GROUP_TAIL = '\n  ]\n}';

/** The braces and keys of an object of arrays, each array's inside given by `inside` (which returns how many values it gave). */
function* groupPieces<V>(groups: [string, Iterable<V>][], inside: (key: string, values: Iterable<V>, opening: string) => Generator<string, number>): Generator<string> {
  if (!groups.length) {
    yield '{}';
    return;
  }
  yield '{';
  for (let g = 0; g < groups.length; g++) {
    const [key, values] = groups[g];
    const opening = `\n  ${toJson(key)}: [`;
    yield `${g ? ',' : ''}${opening}`;
    const n = yield* inside(key, values, opening);
    yield n ? '\n  ]' : ']';
  }
  yield '\n}';
}

/**
 * Values stringified a few dozen at a time: `inner` gives a batch's text as the whole value's
 * would have it between its brackets, and each piece after the first begins with the comma
 * between. Returns how many values there were.
 */
export function* jsonBatches(values: Iterable<unknown>, inner: (batch: unknown[]) => string): Generator<string, number> {
  let n = 0;
  let batch: unknown[] = [];
  const flush = () => {
    const piece = `${n ? ',' : ''}${inner(batch)}`;
    n += batch.length;
    batch = [];
    return piece;
  };
  for (const value of values) {
    batch.push(value);
    if (batch.length === JSON_BATCH) yield flush();
  }
  if (batch.length) yield flush();
  return n;
}

/**
 * Pieces of text joined into writes of about 16,000 UTF-16 units (at most 48 KB of UTF-8):
 * each fits a pipe's 64 KB buffer whole, so that a write to a pipe seldom waits for its
 * reader, and the next piece is made while the reader takes the last. (Writes of a megabyte
 * waited for the reader to drain each one, 64 KB at a time.)
 */
export function* inWrites(pieces: Iterable<string>, size = WRITE_SIZE): Generator<string> {
  let buffered: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    buffered.push(piece);
    length += piece.length;
    if (length >= size) {
      yield buffered.join('');
      buffered = [];
      length = 0;
    }
  }
  if (buffered.length) yield buffered.join('');
}

export const WRITE_SIZE = 1 << 14;

/** The mark of an output carrying a whole file (`whole` in writePieces): one whose reader leaves
 * before its end fails, where a listing cut short by `| head` stops quietly. On the stream
 * itself, by a symbol of the global registry: each bundle of the build has its own copy of
 * this module, and the one that writes is not the one that handles the stream's errors. */
const WHOLE_FILE = Symbol.for('vetted.wholeFile');

/** Whether a whole file was being written to `out` (see writePieces). */
export function carriesWholeFile(out: object): boolean {
  return (out as Record<symbol, unknown>)[WHOLE_FILE] === true;
}

/**
 * Writes pieces (in writes of inWrites' size) no faster than the reader takes them: into a
 * pipe whose reader is slower, every write beyond the pipe's buffer would otherwise wait in
 * memory, until the whole output was held there at once.
 */
export async function writePieces(out: { write(s: string): unknown }, pieces: Iterable<string>, { whole = false } = {}): Promise<void> {
  const stream = out as { write(s: string): unknown; once?: (event: 'drain', listener: () => void) => unknown };
  if (whole) (out as Record<symbol, unknown>)[WHOLE_FILE] = true;
  for (const piece of inWrites(pieces)) {
    if (stream.write(piece) === false && typeof stream.once === 'function') await new Promise<void>((resolve) => stream.once!('drain', resolve));
  }
}
