// Limits for every YAML document we read: an alias bomb is refused, not expanded, and a
// document is counted before it is built. A YAML parser keeps every token of a document in
// memory several hundred bytes at a time, so the budget is counted in tokens, not bytes.
// And the rules every reader parses by: merge keys taken, a key given twice refused.

import { Lexer, isScalar, visit, type Document, type LineCounter } from 'yaml';
import { t } from '../i18n/index.js';
import { UserError } from '../errors.js';

export const YAML_LIMITS = { maxAliasCount: 100 } as const;

/** A merge key (`<<`, unquoted): the parser makes each one a symbol of its own. */
const isMergeKey = (node: unknown): boolean => isScalar(node) && typeof node.value === 'symbol' && node.value.description === '<<';

/**
 * Whether two keys of one map are one key. The parser's own test compares values, and no two
 * merge keys have the same: a second `<<` in a map was taken without a word (its keys merged
 * under the first's), where any other key given twice is refused. Several maps are merged by
 * one key, `<<: [*a, *b]`.
 */
function sameKey(a: unknown, b: unknown): boolean {
  return a === b || (isScalar(a) && isScalar(b) && (a.value === b.value || (isMergeKey(a) && isMergeKey(b))));
}

/** How every YAML document is parsed: merge keys (`<<: *shop`) taken, a key given twice in a map refused (a merge key too). */
export const YAML_PARSE = { uniqueKeys: sameKey, prettyErrors: false, merge: true } as const;

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
 * The value of a parsed YAML document, within YAML_LIMITS. An alias that stands inside the value
 * it names (`a: &a [*a]`) makes a value that contains itself, which every reader would walk
 * without end: refused, naming its line, before the value is made.
 */
export function yamlValue(doc: Document, file: string, lineCounter?: LineCounter): unknown {
  let self: { name: string; offset: number } | undefined;
  visit(doc, {
    Alias(_key, node, path) {
      const named = node.resolve(doc);
      if (named && path.includes(named)) {
        self = { name: node.source, offset: node.range?.[0] ?? 0 };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (self) throw new YamlAliasInItself(file, lineCounter ? lineCounter.linePos(self.offset).line : undefined, self.name);
  return doc.toJS(YAML_LIMITS);
}

/**
 * Which limit a failure of the parser, or of making a document's value, ran into: its stack,
 * run out by lists or maps nested thousands deep, or YAML_LIMITS' count of aliases (an alias
 * bomb); undefined for any other (an alias to no anchor is no bomb).
 */
export function yamlLimitHit(err: unknown): 'too-deep' | 'aliases' | undefined {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof RangeError || /call stack/i.test(message)) return 'too-deep';
  if (/excessive alias count/i.test(message)) return 'aliases';
  return undefined;
}

/** A YAML alias inside the value it names: where it stands, and its name. */
export class YamlAliasInItself extends UserError {
  constructor(
    file: string,
    readonly line: number | undefined,
    readonly alias: string,
  ) {
    super(`${line === undefined ? file : `${file}:${line}`}: ${t().files.yamlAliasInItself(alias)}`);
  }
}
