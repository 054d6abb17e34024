// A small logic-less template language for letters. Pure: text in, text out.
//
//   {{name}}                 insert a value (escaped for the output format)
//   {{#name}} … {{/name}}    a list: the body once per item, with the item's fields in scope;
//                            a single value: the body once when the value is present
//   {{^name}} … {{/name}}    the body once when the value is absent or the list is empty
//   {{! words }}             a comment, left out
//
// A value is inserted once and never read as a template again, so a note that holds "{{x}}"
// or markdown stays literal text. A name the template uses that the letter does not know, or
// a value inserted that the letter lacks, is an error: never an empty gap.

export type TemplateValue = string | number | boolean | null | TemplateScope[];
export interface TemplateScope {
  [name: string]: TemplateValue | undefined;
}

export type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'value'; name: string; line: number }
  | { type: 'section'; name: string; inverted: boolean; line: number; body: TemplateNode[] };

/** What is wrong at a place of a template: facts, which the catalogs put in words. `tag` is
 * the placeholder as written, such as {{#items}}. */
export type TemplateFault =
  | { kind: 'stray'; text: string }
  | { kind: 'bad-name'; tag: string }
  | { kind: 'never-opened'; name: string }
  | { kind: 'crossed'; name: string; open: string; openLine: number }
  | { kind: 'never-closed'; tag: string; name: string }
  | { kind: 'unknown'; tag: string }
  | { kind: 'is-list'; name: string }
  | { kind: 'not-in-letter'; name: string }
  /** `flag`: the option of the command that gives the value, where one does. */
  | { kind: 'no-value'; name: string; flag?: string }
  | { kind: 'not-single'; name: string }
  /** Sections nested deeper than `max` (no letter needs more; a deep enough one exhausts the stack). */
  | { kind: 'too-deep'; max: number }
  /** A list repeated inside itself: the whole list once per item, over and over. */
  | { kind: 'repeats-itself'; name: string }
  /** A value a letter has only at times, and no option gives, outside the section of its name. */
  | { kind: 'unguarded'; name: string }
  /** A name inside a list's section that is no field of its items: it would be the letter's, shown as the item's. */
  | { kind: 'not-of-item'; tag: string; list: string; fields: string[] }
  /** A letter that grows beyond any letter's size as it is made. */
  | { kind: 'too-large' }
  /** Nothing but blanks: a letter of nothing. */
  | { kind: 'empty' };

export interface TemplateProblem {
  line: number;
  fault: TemplateFault;
  /** The placeholder the problem is about, when there is one. */
  name?: string;
}

/** A template that names what a letter cannot fill: thrown while rendering. */
export class TemplateError extends Error {
  constructor(
    readonly fault: TemplateFault,
    readonly line: number,
    readonly placeholder?: string,
  ) {
    super(`template ${fault.kind} at line ${line}`);
    this.name = 'TemplateError';
  }
}

const TAG = /\{\{([#^/!]?)\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[a-z_][a-z0-9_]*$/;

interface Token {
  kind: '' | '#' | '^' | '/' | '!';
  name: string;
  start: number;
  end: number;
  line: number;
}

/** The line of each index of `src`: the line breaks are found once (counting from the start
 * for every placeholder took 100 s for a template of 110,000 of them). */
function linesOf(src: string): (index: number) => number {
  const breaks: number[] = [];
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) breaks.push(i);
  return (index) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (breaks[mid] < index) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

/** How deep sections may nest. */
export const MAX_SECTION_DEPTH = 16;

/** How many placeholders and texts a letter may be made of, counting each repetition: far
 * beyond any letter, well short of a template that repeats lists inside each other. */
export const MAX_RENDERED_NODES = 1_000_000;

/** Widens a section tag that stands alone on its line to the whole line, so it leaves no blank line. */
function standalone(src: string, t: Token): { start: number; end: number } {
  if (t.kind === '') return t;
  let s = t.start;
  while (s > 0 && (src[s - 1] === ' ' || src[s - 1] === '\t')) s--;
  if (s > 0 && src[s - 1] !== '\n') return t;
  let e = t.end;
  while (e < src.length && (src[e] === ' ' || src[e] === '\t' || src[e] === '\r')) e++;
  if (e < src.length && src[e] !== '\n') return t;
  return { start: s, end: e < src.length ? e + 1 : e };
}

/** Parses a template; every problem with its line. */
export function parseTemplate(src: string): { nodes: TemplateNode[] } | { errors: TemplateProblem[]; partial: TemplateNode[] } {
  const errors: TemplateProblem[] = [];
  const tokens: Token[] = [];
  const lineAt = linesOf(src);
  for (const m of src.matchAll(TAG)) {
    const start = m.index!;
    tokens.push({ kind: m[1] as Token['kind'], name: m[2], start, end: start + m[0].length, line: lineAt(start) });
  }
  const root: TemplateNode[] = [];
  const stack: { node: Extract<TemplateNode, { type: 'section' }>; }[] = [];
  const current = () => (stack.length ? stack[stack.length - 1].node.body : root);
  let pos = 0;
  const text = (upTo: number) => {
    if (upTo > pos) {
      const chunk = src.slice(pos, upTo);
      const stray = chunk.search(/\{\{|\}\}/);
      if (stray >= 0) errors.push({ line: lineAt(pos + stray), fault: { kind: 'stray', text: chunk.slice(stray, stray + 2) } });
      current().push({ type: 'text', text: chunk });
    }
  };
  for (const t of tokens) {
    // A brace against a placeholder ({{{name}}}, as other template languages write a value
    // left unescaped) would be printed as a brace on either side of the value.
    if (src[t.start - 1] === '{' || src[t.end] === '}') errors.push({ line: t.line, fault: { kind: 'stray', text: src[t.start - 1] === '{' ? '{{{' : '}}}' } });
    const span = standalone(src, t);
    text(span.start);
    pos = span.end;
    if (t.kind === '!') continue;
    if (!NAME.test(t.name)) {
      errors.push({ line: t.line, name: t.name, fault: { kind: 'bad-name', tag: `{{${t.kind}${t.name}}}` } });
      continue;
    }
    if (t.kind === '') current().push({ type: 'value', name: t.name, line: t.line });
    else if (t.kind === '#' || t.kind === '^') {
      if (stack.length === MAX_SECTION_DEPTH) {
        errors.push({ line: t.line, name: t.name, fault: { kind: 'too-deep', max: MAX_SECTION_DEPTH } });
        return { errors, partial: root };
      }
      const node = { type: 'section' as const, name: t.name, inverted: t.kind === '^', line: t.line, body: [] };
      current().push(node);
      stack.push({ node });
    } else {
      const open = stack.pop();
      if (!open) errors.push({ line: t.line, name: t.name, fault: { kind: 'never-opened', name: t.name } });
      else if (open.node.name !== t.name) {
        errors.push({ line: t.line, name: t.name, fault: { kind: 'crossed', name: t.name, open: open.node.name, openLine: open.node.line } });
      }
    }
  }
  text(src.length);
  for (const open of stack) errors.push({ line: open.node.line, name: open.node.name, fault: { kind: 'never-closed', tag: `{{${open.node.inverted ? '^' : '#'}${open.node.name}}}`, name: open.node.name } });
  return errors.length ? { errors, partial: root } : { nodes: root };
}

/**
 * The placeholders of a template read as far as its syntax allows (`partial`) that no level
 * of the schema knows: unknown wherever they stand, whatever the sections around them.
 */
export function namesUnknownAnywhere(nodes: TemplateNode[], schema: TemplateSchema): TemplateProblem[] {
  const known = new Set<string>();
  const collect = (s: TemplateSchema) => {
    for (const [name, v] of Object.entries(s)) {
      known.add(name);
      if (typeof v === 'object') collect(v);
    }
  };
  collect(schema);
  const out: TemplateProblem[] = [];
  const walk = (list: TemplateNode[]) => {
    for (const n of list) {
      if (n.type === 'text') continue;
      if (!known.has(n.name)) out.push({ line: n.line, name: n.name, fault: { kind: 'unknown', tag: tagOf(n) } });
      if (n.type === 'section') walk(n.body);
    }
  };
  walk(nodes);
  return out;
}

/**
 * What a template may name: a field is text (always there), optional (there only at times: it
 * stands inside its own section), given (there where an option of the command gives it), or a
 * list whose items have fields of their own.
 */
export interface TemplateSchema {
  [name: string]: 'text' | 'optional' | 'given' | TemplateSchema;
}

/** A placeholder as written: {{name}}, {{#list}} or {{^list}}. */
const tagOf = (n: Exclude<TemplateNode, { type: 'text' }>) => `{{${n.type === 'section' ? (n.inverted ? '^' : '#') : ''}${n.name}}}`;

/**
 * Names a template uses that the schema does not know, each with its line; and names a letter
 * would fill otherwise than they read: inside a list's section, a name that is no field of its
 * items (the letter's own date, say, shown beside each item as if it were the item's); an
 * optional value outside its own section (a letter without it is refused, and no option gives it).
 */
export function checkTemplate(nodes: TemplateNode[], schema: TemplateSchema): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const open: string[] = [];
  // The list whose section the walk is in, innermost: its name and its items' fields.
  const lists: { name: string; fields: TemplateSchema }[] = [];
  const walk = (list: TemplateNode[], scopes: TemplateSchema[]) => {
    for (const n of list) {
      if (n.type === 'text') continue;
      if (n.type === 'section' && !n.inverted && open.includes(n.name)) {
        out.push({ line: n.line, name: n.name, fault: { kind: 'repeats-itself', name: n.name } });
        continue;
      }
      const found = scopes.find((s) => Object.hasOwn(s, n.name))?.[n.name];
      if (found === undefined) {
        out.push({ line: n.line, name: n.name, fault: { kind: 'unknown', tag: tagOf(n) } });
        if (n.type === 'section') walk(n.body, scopes);
        continue;
      }
      const item = lists.at(-1);
      // (A list named inside its own section is said of elsewhere, where it would repeat itself.)
      if (item && !Object.hasOwn(item.fields, n.name) && !lists.some((l) => l.name === n.name)) {
        out.push({ line: n.line, name: n.name, fault: { kind: 'not-of-item', tag: tagOf(n), list: item.name, fields: Object.keys(item.fields) } });
      }
      if (n.type === 'value' && typeof found !== 'string') {
        out.push({ line: n.line, name: n.name, fault: { kind: 'is-list', name: n.name } });
      } else if (n.type === 'value' && found === 'optional' && !open.includes(n.name)) {
        out.push({ line: n.line, name: n.name, fault: { kind: 'unguarded', name: n.name } });
      }
      if (n.type === 'section') {
        if (!n.inverted) open.push(n.name);
        const isList = typeof found === 'object' && !n.inverted;
        if (isList) lists.push({ name: n.name, fields: found });
        walk(n.body, isList ? [found, ...scopes] : scopes);
        if (isList) lists.pop();
        if (!n.inverted) open.pop();
      }
    }
  };
  walk(nodes, [schema]);
  return out;
}

function present(v: TemplateValue): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && v !== false && v !== '';
}

/** List and quote markers at a line's start, however indented (`- `, `1. `, `> `, `- > `), as a regexp's source. */
export const LINE_MARKERS = String.raw`(?:[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+|[ \t]*>[ \t]?)*`;

/** What may stand before a value that still starts a line's content: indentation, list
 * markers (`- `, `1. `) and quote markers (`> `), where a value's `#` or `- ` would open a block. */
const BLOCK_START = new RegExp(String.raw`^${LINE_MARKERS}[ \t]*$`);

/** A line longer than this is no line of markers: what follows on it is not at a line's start. */
const MARKERS_AT_MOST = 1000;

/** Renders parsed nodes with the data; `escape` makes a value safe for the output format
 * (told whether the value starts a line's content: at its start, or after a list or quote
 * marker; and the line so far, or its start where it is longer than any markers). */
export function renderTemplate(nodes: TemplateNode[], data: TemplateScope, escape: (s: string, atLineStart: boolean, line: string) => string): string {
  const parts: string[] = [];
  // The output's last line so far, kept as it grows (looking back through the parts for every
  // value took time in the square of a line's values), as far as it is short enough to be
  // markers: beyond that, only its start (which says whether it is a heading's) is kept.
  let line = '';
  let long = false;
  const emit = (s: string) => {
    parts.push(s);
    const nl = s.lastIndexOf('\n');
    if (nl >= 0) {
      line = s.slice(nl + 1);
      long = false;
    } else if (!long) line += s;
    if (line.length > MARKERS_AT_MOST) {
      long = true;
      line = line.slice(0, MARKERS_AT_MOST);
    }
  };
  const lookup = (name: string, scopes: TemplateScope[], line: number): TemplateValue => {
    for (const s of scopes) if (Object.hasOwn(s, name) && s[name] !== undefined) return s[name] as TemplateValue;
    throw new TemplateError({ kind: 'not-in-letter', name }, line, name);
  };
  let budget = MAX_RENDERED_NODES;
  const walk = (list: TemplateNode[], scopes: TemplateScope[]) => {
    for (const n of list) {
      if (--budget < 0) throw new TemplateError({ kind: 'too-large' }, n.type === 'text' ? 0 : n.line);
      if (n.type === 'text') emit(n.text);
      else if (n.type === 'value') {
        const v = lookup(n.name, scopes, n.line);
        if (v === null || v === false || v === '') throw new TemplateError({ kind: 'no-value', name: n.name }, n.line, n.name);
        if (Array.isArray(v) || v === true) throw new TemplateError({ kind: 'not-single', name: n.name }, n.line, n.name);
        emit(escape(String(v), !long && BLOCK_START.test(line), line));
      } else {
        const v = lookup(n.name, scopes, n.line);
        if (n.inverted) {
          if (!present(v)) walk(n.body, scopes);
        } else if (Array.isArray(v)) {
          for (const item of v) walk(n.body, [item, ...scopes]);
        } else if (present(v)) walk(n.body, scopes);
      }
    }
  };
  walk(nodes, [data]);
  return parts.join('');
}
