// Limits for every YAML document we read: an alias bomb is refused, not expanded, and a
// document is counted before it is built. A YAML parser keeps every token of a document in
// memory several hundred bytes at a time, so the budget is counted in tokens, not bytes.

import { Lexer } from 'yaml';
import { t } from '../i18n/index.js';
import { UserError } from '../errors.js';

export const YAML_LIMITS = { maxAliasCount: 100 } as const;

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
