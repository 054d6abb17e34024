// Reading a JSON or YAML document into plain data, with errors that name the line.

import { LineCounter, parseDocument, visit, isPair, isScalar, Scalar, type Pair } from 'yaml';
import { UserError } from '../errors.js';
import { YAML_LIMITS } from './yaml-limits.js';

export interface ParsedData {
  data: unknown;
  /** What was read in a way worth telling the user. */
  notices: string[];
}

/**
 * In a flow map such as `{note: another operator, no information}` an unquoted comma
 * ends the text, and YAML reads "no information" as a key without a value. Nobody
 * means that: join such a key back onto the plain text before it, and say so.
 */
function joinCommaSplitText(doc: ReturnType<typeof parseDocument>, lc: LineCounter): string[] {
  const notices: string[] = [];
  visit(doc, {
    Map(_, map) {
      if (!map.flow) return;
      const items = map.items as Pair[];
      for (let i = 1; i < items.length; i++) {
        const pair = items[i];
        const prev = items[i - 1];
        const prevValue = prev.value;
        if (
          pair.value === null &&
          isScalar(pair.key) &&
          typeof pair.key.value === 'string' &&
          isPair(prev) &&
          isScalar(prevValue) &&
          prevValue.type === Scalar.PLAIN &&
          typeof prevValue.value === 'string'
        ) {
          prevValue.value = `${prevValue.value}, ${pair.key.value}`;
          const pos = pair.key.range ? lc.linePos(pair.key.range[0]) : undefined;
          notices.push(`${pos ? `line ${pos.line}: ` : ''}read "${prevValue.value}" as one text (quote text that holds a comma inside { })`);
          items.splice(i, 1);
          i--;
        }
      }
    },
  });
  return notices;
}

/** Parses JSON (when the text starts with `{` or `[`) or YAML; a user error names the problem. */
export function parseDataDocument(text: string, file: string): ParsedData {
  const body = text.replace(/^\uFEFF/, '');
  let jsonError: string | undefined;
  if (/^\s*[[{]/.test(body)) {
    try {
      return { data: JSON.parse(body), notices: [] };
    } catch (err) {
      // Not JSON: flow-style YAML starts the same way, so let the YAML parser try.
      jsonError = (err as Error).message;
    }
  }
  const lc = new LineCounter();
  const doc = parseDocument(body, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length && jsonError !== undefined && (/\.json$/i.test(file) || /^\s*[[{]\s*"/.test(body))) {
    throw new UserError(`${file} is not valid JSON: ${jsonError}; fix it and try again.`);
  }
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = lc.linePos(e.pos[0]);
    throw new UserError(`${file}:${pos.line}:${pos.col} is not valid YAML: ${e.message.split('\n')[0]}; fix it and try again.`);
  }
  const notices = joinCommaSplitText(doc, lc);
  try {
    return { data: doc.toJS(YAML_LIMITS), notices };
  } catch (err) {
    const message = (err as Error).message;
    if (/alias/i.test(message)) throw new UserError(`${file} uses too many YAML aliases (${message}); write the data out in full.`);
    throw new UserError(`${file} cannot be read as YAML: ${message}.`);
  }
}

export function parseDataText(text: string, file: string): unknown {
  return parseDataDocument(text, file).data;
}
