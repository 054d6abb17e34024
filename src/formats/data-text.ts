// Reading a JSON or YAML document into plain data, with errors that name the line.

import { parse as parseYaml, YAMLParseError } from 'yaml';
import { UserError } from '../errors.js';
import { YAML_LIMITS } from './yaml-limits.js';

/** Parses JSON (when the text starts with `{` or `[`) or YAML; a user error names the problem. */
export function parseDataText(text: string, file: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(body)) {
    try {
      return JSON.parse(body);
    } catch {
      // Not JSON: flow-style YAML starts the same way, so let the YAML parser say what is wrong.
    }
  }
  try {
    return parseYaml(body, { ...YAML_LIMITS, uniqueKeys: true, prettyErrors: false });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const pos = err.linePos?.[0];
      const where = pos ? `:${pos.line}:${pos.col}` : '';
      throw new UserError(`${file}${where} is not valid YAML: ${err.message.split('\n')[0]}; fix it and try again.`);
    }
    const message = (err as Error).message;
    if (/alias/i.test(message)) throw new UserError(`${file} uses too many YAML aliases (${message}); write the data out in full.`);
    throw new UserError(`${file} cannot be read as YAML: ${message}.`);
  }
}
