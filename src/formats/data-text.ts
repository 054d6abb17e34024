// Reading a JSON or YAML document into plain data, with errors that name the line. Both are
// read as their specifications say, and held to the same rules: a key given twice is an
// error, text must be Unicode text (no lone surrogates), and what is built in memory is
// bounded before it is built.

import { LineCounter, isMap, isNode, isPair, isScalar, type Document, type Pair } from 'yaml';
import { t } from '../i18n/index.js';
import { UserError } from '../errors.js';
import { formatPath, type Path } from '../domain/validation.js';
import { parseYaml, assertYamlBudget, yamlLimitHit, yamlValue } from './yaml-limits.js';

export interface Location {
  line: number;
  /** A key with no value in a `{ }` map: most likely the rest of a text cut at a comma. */
  strayKey?: boolean;
}

export interface ParsedData {
  data: unknown;
  /** Where a path of the data stands in the file (YAML and JSON alike), when it can be told. */
  locate: (path: Path) => Location | undefined;
}

/** The most containers (maps and lists) and values a JSON document may hold: with the byte
 * limit of a data file, this keeps what JSON.parse builds within the memory budget. */
export const JSON_LIMITS = { containers: 3_000_000, values: 12_000_000 } as const;

/**
 * The most a shared file holds: a quarter of a data file's. A shared file is read whole and kept
 * whole as a source (every company's lists and names), where an import is merged a record at a
 * time: one of 2.9 million entries, within a data file's limits, took 1.9 GB to add, and 990,000
 * took 950 MB to list beside one's own (`lists --from`).
 */
export const SHARED_LIMITS = { containers: 750_000, values: 3_000_000 } as const;

const noLocation = () => undefined;

/**
 * The keys given so far in one object, to refuse one given twice: a short list searched in
 * place, as most objects have a handful (a set made for each object of a file was a sixth of
 * laying it out), and a set once the list is long.
 */
export class ObjectKeys {
  private readonly list: string[] = [];
  /** How many of `list` are this object's (the rest are an earlier object's). */
  private count = 0;
  private set: Set<string> | null = null;

  clear(): void {
    this.count = 0;
    this.set = null;
  }

  /** Adds a key; false when the object has it already. */
  add(key: string): boolean {
    if (this.set) {
      if (this.set.has(key)) return false;
      this.set.add(key);
      return true;
    }
    const list = this.list;
    for (let k = 0; k < this.count; k++) if (list[k] === key) return false;
    list[this.count++] = key;
    if (this.count > 16) this.set = new Set(list.slice(0, this.count));
    return true;
  }
}

/**
 * One pass over JSON text before it is parsed: a key given twice in one object is refused
 * with its line (JSON.parse would keep the last silently), and so is a document of more
 * containers or values than the budget. The text has been parsed or will be; this pass
 * only needs to follow strings, objects and arrays. A key that is no JSON text (a bad escape)
 * ends the pass: the text is not JSON, and its parse says where.
 */
export function scanJson(text: string, file: string, limits: { containers: number; values: number } = JSON_LIMITS): void {
  // The keys of each open object (null for a list), and the objects' key lists, one a depth, reused.
  const keys: (ObjectKeys | null)[] = [];
  const keysAtDepth: ObjectKeys[] = [];
  let line = 1;
  let containers = 0;
  let values = 0;
  let expectKey = false;
  const n = text.length;
  // A string's characters are not looked at one by one: the text is searched (natively) for the
  // next quote and the next backslash, each remembered until it is passed (a tenth of an
  // import's reading of an 11 MB file went to the walk of every character).
  let quote = -1;
  let backslash = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0x22) {
      // a string: find its end, decoding it only when it is a key with escapes
      let j = i + 1;
      let escaped = false;
      for (;;) {
        if (quote < j) {
          quote = text.indexOf('"', j);
          if (quote < 0) quote = n;
        }
        if (backslash < j) {
          backslash = text.indexOf('\\', j);
          if (backslash < 0) backslash = n;
        }
        if (backslash >= quote) {
          j = quote;
          break;
        }
        // the escaped character is skipped, whatever it is
        escaped = true;
        j = backslash + 2;
      }
      const top = keys[keys.length - 1];
      if (expectKey && top) {
        const raw = text.slice(i + 1, j);
        let key = raw;
        if (escaped) {
          try {
            key = JSON.parse(`"${raw}"`) as string;
          } catch {
            return;
          }
        }
        if (!top.add(key)) throw new UserError(t().files.keyTwice(file, line, JSON.stringify(key)));
        expectKey = false;
      } else values++;
      i = j;
    } else if (c === 0x7b || c === 0x5b) {
      containers++;
      if (c === 0x7b) {
        const own = (keysAtDepth[keys.length] ??= new ObjectKeys());
        own.clear();
        keys.push(own);
      } else keys.push(null);
      expectKey = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      keys.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      expectKey = keys[keys.length - 1] !== null && keys.length > 0;
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x3a) {
      // the first character of a number, true, false or null
      const p = text.charCodeAt(i - 1);
      if (p === 0x2c || p === 0x3a || p === 0x5b || p === 0x20 || p === 0x0a || p === 0x09 || p === 0x0d) values++;
    }
    if (containers > limits.containers || values > limits.values) {
      throw new UserError(t().files.jsonTooBig(file, limits.containers, limits.values));
    }
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first text (key or value) that is not Unicode text: a lone surrogate
 * would be stored as invalid UTF-8, and two different names would read back as one. */
export function findBrokenText(data: unknown, path: Path = []): Path | undefined {
  if (typeof data === 'string') return LONE_SURROGATE.test(data) ? [...path] : undefined;
  // One path, grown and shrunk as the walk goes: a file of 50,000 companies is a million texts.
  // Walked with a stack of its own rather than by recursion: lists nested 20,000 deep (a file
  // of 40 KB) ran out of the engine's stack.
  const at: Path = [...path];
  const frames: { list?: unknown[]; map?: Record<string, unknown>; keys?: string[]; next: number }[] = [];
  const enter = (v: unknown): boolean => {
    if (Array.isArray(v)) frames.push({ list: v, next: 0 });
    else if (typeof v === 'object' && v !== null) frames.push({ map: v as Record<string, unknown>, keys: Object.keys(v), next: 0 });
    else return false;
    return true;
  };
  enter(data);
  while (frames.length) {
    const f = frames[frames.length - 1];
    if (f.next >= (f.keys ?? f.list!).length) {
      // Done with it: out of it, to the place of its parent.
      frames.pop();
      if (frames.length) at.pop();
      continue;
    }
    const key = f.keys ? f.keys[f.next] : f.next;
    f.next++;
    at.push(key);
    if (typeof key === 'string' && LONE_SURROGATE.test(key)) return at;
    const child = f.keys ? f.map![key as string] : f.list![key as number];
    if (typeof child === 'string' && LONE_SURROGATE.test(child)) return at;
    if (!enter(child)) at.pop();
  }
  return undefined;
}

/** Whether JSON text can hold a lone surrogate once parsed: only through a \uD800–\uDFFF escape
 * or a surrogate in the text itself, so that text with neither needs no walk of what it gives. */
function mayHoldSurrogates(json: string): boolean {
  return /\\u[dD][89a-fA-F]|[\uD800-\uDFFF]/.test(json);
}

function assertText(data: unknown, file: string): void {
  const bad = findBrokenText(data);
  if (bad) throw new UserError(t().files.surrogate(file, formatPath(bad)));
}

/** Where a path of a YAML document stands: the key of the deepest part of it that exists. */
function yamlLocator(doc: Document, lc: LineCounter): (path: Path) => Location | undefined {
  return (path) => {
    for (let n = path.length; n > 0; n--) {
      const parent = n > 1 ? doc.getIn(path.slice(0, n - 1), true) : doc.contents;
      const key = path[n - 1];
      if (isMap(parent) && typeof key === 'string') {
        const pair = (parent.items as Pair[]).find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === key);
        if (pair && isNode(pair.key) && pair.key.range) {
          return { line: lc.linePos(pair.key.range[0]).line, strayKey: !!parent.flow && pair.value === null };
        }
      }
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return { line: lc.linePos(node.range[0]).line };
    }
    return undefined;
  };
}

/** Parses JSON (when the text starts with `{` or `[`) or YAML; a user error names the problem. */
export function parseDataDocument(text: string, file: string, limits: { containers: number; values: number } = JSON_LIMITS): ParsedData {
  const body = text.replace(/^\uFEFF/, '');
  let jsonError: string | undefined;
  if (/^\s*[[{]/.test(body)) {
    // Bounded and free of repeated keys before JSON.parse builds anything.
    scanJson(body, file, limits);
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (err) {
      // Not JSON: flow-style YAML starts the same way, so let the YAML parser try.
      jsonError = (err as Error).message;
    }
    if (jsonError === undefined) {
      if (mayHoldSurrogates(body)) assertText(data, file);
      return { data, locate: noLocation };
    }
  }
  if (jsonError !== undefined && (/\.json$/i.test(file) || /^\s*[[{]\s*"/.test(body))) {
    throw new UserError(t().files.badJson(file, jsonError));
  }
  assertYamlBudget(body, file);
  const lc = new LineCounter();
  const doc = parseYaml(body, lc);
  if (doc.errors.length) {
    const e = doc.errors[0];
    // The parser's own stack ran out: said as what it is, not as the engine's words.
    if (yamlLimitHit(e) === 'too-deep') throw new UserError(t().files.yamlTooDeep(file));
    const pos = lc.linePos(e.pos[0]);
    throw new UserError(t().files.badYaml(`${file}:${pos.line}:${pos.col}`, e.message.split('\n')[0], e.code));
  }
  let data: unknown;
  try {
    data = yamlValue(doc, file, lc);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const message = (err as Error).message;
    const limit = yamlLimitHit(err);
    if (limit === 'aliases') throw new UserError(t().files.yamlAliases(file));
    if (limit === 'too-deep') throw new UserError(t().files.yamlTooDeep(file));
    throw new UserError(t().files.cannotYaml(file, message));
  }
  assertText(data, file);
  return { data, locate: yamlLocator(doc, lc) };
}

export function parseDataText(text: string, file: string): unknown {
  return parseDataDocument(text, file).data;
}
