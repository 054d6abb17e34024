// Limits for every YAML document we read: an alias bomb is refused, not expanded, and a
// document is counted before it is built. A YAML parser keeps every token of a document in
// memory several hundred bytes at a time, so the budget is counted in tokens, not bytes.
// And the rules every reader parses by: merge keys taken, a key given twice refused.

import { Lexer, YAMLParseError, isAlias, isCollection, isPair, isScalar, parseDocument, visit, type Alias, type Document, type LineCounter } from 'yaml';
import { t } from '../i18n/index.js';
import { UserError } from '../errors.js';

/**
 * How a document's value is made: without the parser's count of aliases, which refused an honest
 * file that names one anchor a hundred times (yamlValue counts the values they make instead).
 */
export const YAML_LIMITS = { maxAliasCount: -1 } as const;

/** A merge key (`<<`, unquoted): the parser makes each one a symbol of its own. */
const isMergeKey = (node: unknown): boolean => isScalar(node) && typeof node.value === 'symbol' && node.value.description === '<<';

/**
 * How every YAML document is parsed (by parseYaml): merge keys (`<<: *shop`) taken, and no
 * warning of the parser's written to the terminal in Node's words (a key that is a list or a map,
 * `? [x]`, is read as its text, and the reader then says it is no key it knows). The YAML 1.1
 * types a tag names (`!!binary`, `!!timestamp`, `!!set`, `!!omap`, `!!pairs`) are not made: their
 * text is read as any other tag's is, as plain YAML (a `!!binary` title was a list of bytes, each
 * said to be no language code; a `!!timestamp` date was said to be "not a map"). A key given
 * twice is looked for by parseYaml, not by the parser, which compared each key with every key
 * before it (a map of 40,000 keys took 54 s). The core schema whatever the document says: a
 * `%YAML 1.1` directive made those types again.
 */
const YAML_PARSE = { schema: 'core', uniqueKeys: false, prettyErrors: false, merge: true, logLevel: 'error', resolveKnownTags: false } as const;

/**
 * A YAML document parsed as every reader parses it (YAML_PARSE), a key given twice in one map
 * among its errors, where the key is: two keys are one where they are one key of the map made of
 * it (`1` and `"1"`, `true` and `"true"`: the last one's value was taken without a word), and a
 * merge key given twice is refused as any other key (several maps are merged by one key,
 * `<<: [*a, *b]`). A key that is a list, a map or an alias is told apart by nothing.
 */
export function parseYaml(text: string, lineCounter: LineCounter): Document.Parsed {
  const doc = parseDocument(text, { lineCounter, ...YAML_PARSE });
  visit(doc, {
    Map(_, map) {
      if (map.items.length < 2) return;
      const seen = new Set<string>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        // As the map made of it names the key (a null key is the empty text).
        // (A plain `<<` tagged as text is a merge key to the parser too.)
        const merges = isMergeKey(key) || (key.value === '<<' && (!key.type || key.type === 'PLAIN'));
        const name = merges ? '\0<<' : key.value === null ? '' : typeof key.value === 'object' ? undefined : String(key.value);
        if (name === undefined) continue;
        if (seen.has(name)) {
          const at = key.range?.[0] ?? 0;
          doc.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else seen.add(name);
      }
    },
  });
  // In the order of the text, as the parser's own were (a key given twice is said before a fault further on).
  doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  return doc;
}

/** The most YAML read at once: a million tokens (about 3 MB of typical data) and 16 MB. */
export const YAML_BUDGET = { tokens: 1_000_000, bytes: 16 * 1024 * 1024 } as const;

/** Refuses, before it is parsed, a YAML document that would not fit the memory budget. */
export function assertYamlBudget(text: string, file: string): void {
  if (text.length > YAML_BUDGET.bytes || Buffer.byteLength(text) > YAML_BUDGET.bytes) {
    throw new UserError(t().files.yamlTooBig(file, YAML_BUDGET.bytes));
  }
  // A token takes at least half a character: a short text cannot exceed the budget.
  if (text.length * 2 <= YAML_BUDGET.tokens) return;
  let tokens = 0;
  for (const _ of new Lexer().lex(text)) {
    if (++tokens > YAML_BUDGET.tokens) {
      throw new UserError(t().files.yamlTooManyTokens(file, YAML_BUDGET.tokens));
    }
  }
}

/**
 * The value of a parsed YAML document. An alias that stands inside the value it names
 * (`a: &a [*a]`) makes a value that contains itself, which every reader would walk without end:
 * refused, naming its line, before the value is made; so is a document whose aliases, written
 * out, make more than `maxValues` values (an alias bomb). Any number of aliases is taken below
 * that: a file that names one company by an anchor in each of its thousand incidents is honest.
 */
export function yamlValue(doc: Document, file: string, lineCounter?: LineCounter, maxValues: number = YAML_BUDGET.tokens): unknown {
  let fault: { name: string; offset: number; kind: 'self' | 'nothing' } | undefined;
  // Each alias's value, found in one pass: the last node before it with its anchor, as the
  // parser's own resolve finds it, which looks through every anchor and alias before the alias
  // each time it is asked (a file of 10,000 aliases took minutes, twice over).
  const named = new Map<Alias, unknown>();
  const anchored = new Map<string, unknown>();
  visit(doc, (_key, node, path) => {
    if (isAlias(node)) {
      const target = anchored.get(node.source);
      named.set(node, target);
      if (!target || path.includes(target as never)) {
        fault = { name: node.source, offset: node.range?.[0] ?? 0, kind: target ? 'self' : 'nothing' };
        return visit.BREAK;
      }
    } else if ((isScalar(node) || isCollection(node)) && node.anchor) anchored.set(node.anchor, node);
    return undefined;
  });
  if (fault) {
    const line = lineCounter ? lineCounter.linePos(fault.offset).line : undefined;
    throw fault.kind === 'self' ? new YamlAliasInItself(file, line, fault.name) : new YamlAliasToNothing(file, line, fault.name);
  }
  if (!named.size) return doc.toJS(YAML_LIMITS);
  if (valuesWrittenOut(doc.contents, named, maxValues) > maxValues) throw new YamlAliasBomb();
  // The value is made with each alias resolved as found above (the parser would search again).
  for (const [alias, target] of named) Object.defineProperty(alias, 'resolve', { value: () => target, configurable: true });
  return doc.toJS(YAML_LIMITS);
}

/**
 * How many values a document makes with every alias written out as the value it names, counted
 * up to a little past `max` (then it stops). The parser's own count of aliases looks only at
 * aliases within aliased values: a list of ten thousand maps named once and aliased ninety-nine
 * times, 33 KB of text, passed it and made a million maps (a checklist of them took minutes and
 * gigabytes to be told what was wrong with it). Counted without recursion (a document may nest
 * deeply), each value once.
 */
function valuesWrittenOut(root: unknown, named: Map<Alias, unknown>, max: number): number {
  const made = new Map<unknown, number>();
  const parts = (node: unknown): unknown[] => {
    if (isAlias(node)) return named.has(node) && named.get(node) !== undefined ? [named.get(node)] : [];
    if (!isCollection(node)) return [];
    return node.items.flatMap((item) => (isPair(item) ? [item.key, item.value] : [item]));
  };
  const stack: [unknown, boolean][] = [[root, false]];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (made.has(top[0])) {
      stack.pop();
      continue;
    }
    if (!top[1]) {
      top[1] = true;
      for (const part of parts(top[0])) if (part !== null && part !== undefined && !made.has(part)) stack.push([part, false]);
      continue;
    }
    stack.pop();
    let n = 1;
    for (const part of parts(top[0])) n += made.get(part) ?? 0;
    if (n > max) return n;
    made.set(top[0], n);
  }
  return made.get(root) ?? 0;
}

/** A document whose aliases, written out, make more values than any vetted file holds. */
export class YamlAliasBomb extends Error {
  constructor() {
    // In the reader's words: the incident editor says it as it is (a data file and a checklist say it by yamlLimitHit).
    super(t().files.yamlAliasesHere);
  }
}

/**
 * Which limit a failure of the parser, or of making a document's value, ran into: its stack,
 * run out by lists or maps nested thousands deep, or the values its aliases make (an alias
 * bomb); undefined for any other (an alias to no anchor is no bomb).
 */
export function yamlLimitHit(err: unknown): 'too-deep' | 'aliases' | undefined {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof YamlAliasBomb) return 'aliases';
  if (err instanceof RangeError || /call stack/i.test(message)) return 'too-deep';
  return undefined;
}

/** A YAML alias inside the value it names: where it stands, and its name. */
export class YamlAliasInItself extends UserError {
  constructor(
    file: string,
    readonly line: number | undefined,
    readonly alias: string,
    /** What is wrong with the alias, in the catalog's words (said after its place). */
    readonly detail: string = t().files.yamlAliasInItself(alias),
  ) {
    super(`${line === undefined ? file : `${file}:${line}`}: ${detail}`);
  }
}

/** A YAML alias that names no anchor before it: where it stands, and its name (the parser's own
 * words were English in every language, and placed it at the top of the file). */
export class YamlAliasToNothing extends YamlAliasInItself {
  constructor(file: string, line: number | undefined, alias: string) {
    super(file, line, alias, t().files.yamlAliasToNothing(alias));
  }
}
