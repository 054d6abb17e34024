// The lists as a markdown document to publish, built as a syntax tree and serialised by
// mdast-util-to-markdown, so that user text always renders as the same text: no cell split
// by a pipe, no HTML, no link or image, no emphasis, no line break inside a cell.

import { defaultHandlers, toMarkdown, type Handle, type Options, type State, type Unsafe } from 'mdast-util-to-markdown';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { safeText } from '../ui/safe.js';
import type { Paragraph, RootContent, PhrasingContent, TableRow } from 'mdast';
import type { ListName } from '../domain/types.js';
import { DEFAULT_POLICY, RULES, type Finding, type Policy, type Verdict } from '../domain/policy.js';
import { t } from '../i18n/index.js';
import type { Incident } from '../domain/types.js';
import { publishedRef, redactDeep, redactText, refSlugOf } from '../domain/redact.js';

export interface MarkdownEntry {
  company: string;
  since: string | null;
  pinned: boolean;
  reasons: Pick<Finding, 'rule' | 'facts' | 'evidence'>[];
}

/** A listed company: its entry, or only its serialised table row where that was cached. */
export type MarkdownCompany = ({ entry: MarkdownEntry; row?: string } | { entry?: undefined; row: string }) & {
  /** For --detail: the whole verdict and the incidents. */
  verdict?: Verdict;
  incidents?: Incident[];
};

export interface MarkdownInput {
  date: string;
  lists: Record<ListName, MarkdownCompany[]>;
  detail: boolean;
  /** One incident event in plain words (from the terminal renderer, without colour). */
  describeEvent: (e: Incident['events'][number], i: Incident) => string;
  /** User text kept as typed (--no-redact); otherwise what identifies a person is redacted (see published). */
  keep?: boolean;
  /** The policy in force, whose rules --detail explains as `vetted why` does. */
  policy?: Policy;
}

/**
 * Text of the user's on a page to publish: e-mail addresses, phone, card and account numbers and
 * links with a query string redacted, as a shared file's evidence is, unless kept (--no-redact).
 * What the user typed is redacted, not the sentences made of it: a sum in words ("1 500 000") is
 * no phone number.
 */
function published(s: string, keep = false): string {
  return keep ? s : redactText(s);
}

/**
 * A record's id on a page to publish (`incident:<id>`, `check:<id>`, or an incident's id alone):
 * where it begins with a number or an address, or with its company's name where that is redacted,
 * the beginning is redacted (see publishedRef).
 */
function publishedId(id: string, company: string, keep = false): string {
  return keep ? id : publishedRef(id, published(company) !== company ? refSlugOf(company) : undefined);
}

/** The ids of a company's evidence on a page to publish (see publishedId). */
const publishedIds = (ids: string[], company: string, keep = false) => ids.map((id) => publishedId(id, company, keep));

/** The same of a finding's facts or an event: every text in it (dates stay as they are; numbers are not text). */
function publishedFields<T>(value: T, keep = false): T {
  return keep ? value : redactDeep(value);
}

/** A text on one line: each line break a space. */
const oneLine = (s: string): string => s.replace(/\r\n|\r|\n/g, ' ');

/** User text for a markdown page: one line, control and bidi characters made visible. */
export function markdownText(s: string): string {
  return safeText(oneLine(s));
}

/** An event with the line breaks of its texts made spaces, as a page shows every other text of the user's. */
function eventOnOneLine<E extends object>(e: E): E {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(e)) {
    if (typeof v !== 'string' || !/[\r\n]/.test(v)) continue;
    out ??= { ...(e as Record<string, unknown>) };
    out[k] = oneLine(v);
  }
  return (out ?? e) as E;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value: markdownText(value) });
const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [text(value)] });
const heading = (depth: 1 | 2 | 3 | 4, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });

function row(cells: string[]): TableRow {
  return { type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: c ? [text(c)] : [] })) };
}

/** A reason as a published page says it: a pin is the author's, not its reader's ("pinned by you" in the tool itself). */
function pageReason(f: Pick<Finding, 'facts'>): string {
  return f.facts.kind === 'pin' ? t().page.pinnedByAuthor(f.facts.reason) : t().finding(f.facts);
}

function reasonShort(f: Pick<Finding, 'rule' | 'facts'>): string {
  const text = pageReason(f);
  return f.rule === 'watch' || f.rule === 'pin' ? text : `${f.rule}: ${text}`;
}

function rowCells(e: MarkdownEntry, keep: boolean): string[] {
  return [
    published(e.company, keep),
    e.since ? t().fmt.date(e.since) : '',
    e.reasons.map((f) => reasonShort({ rule: f.rule, facts: publishedFields(f.facts, keep) })).join('; '),
    publishedIds([...new Set(e.reasons.flatMap((f) => f.evidence))], e.company, keep).join(', '),
  ];
}

function serialise(children: RootContent[]): string {
  return toMarkdown({ type: 'root', children }, markdownOptions());
}

/** How every page here is serialised; with `libraryText`, text by the library's own handler alone (the same output, more slowly: for tests). */
export function markdownOptions({ libraryText = false } = {}): Options {
  return { extensions: [gfmTableToMarkdown({ tablePipeAlign: false })], unsafe: NO_AUTOLINKS, bullet: '-', ...(libraryText ? {} : { handlers: { text: plainText } }) };
}

/**
 * Text as the library's own handler writes it, without its search where nothing can need an
 * escape. The library looks for each pattern it must escape (some forty in a table cell) over
 * every text, a search a pattern: nine tenths of the time it took to make the rows of 10,000
 * companies, for cells that almost never hold one. A pattern escapes its character, found in
 * the text: here only the patterns whose character the text holds are looked for, as the
 * library looks for them (in the text with the characters around it). Where none is found in
 * the text and there is no backslash to escape, the library would return the text as it is,
 * and so does this; anything else goes to the library's handler.
 */
const plainText: Handle = (node, parent, state, info) => {
  const value = (node as { value: unknown }).value;
  if (typeof value !== 'string') return defaultHandlers.text(node as never, parent as never, state, info);
  const before = info.before ?? '';
  const after = info.after ?? '';
  const byCharacter = unsafeSearch(state);
  if (byCharacter && !value.includes('\\') && !after.includes('\\') && !escapesIn(value, before, after, byCharacter)) return value;
  return defaultHandlers.text(node as never, parent as never, state, info);
};

/** Whether a pattern matches a character of `value` (not one of those around it), searched as the library searches. */
function escapesIn(value: string, before: string, after: string, byCharacter: Map<string, Unescaped[]>): boolean {
  let whole: string | undefined;
  let lineEnding: boolean | undefined;
  for (const [character, patterns] of byCharacter) {
    if (!value.includes(character)) continue;
    whole ??= `${before}${value}${after}`;
    for (const { search, lookBehind, nearLineEnding } of patterns) {
      if (nearLineEnding && !(lineEnding ??= /[\r\n]/.test(whole))) continue;
      search.lastIndex = 0;
      for (let m = search.exec(whole); m; m = search.exec(whole)) {
        const at = m.index + (lookBehind ? m[1].length : 0);
        if (at >= before.length && at < before.length + value.length) return true;
      }
    }
  }
  return false;
}

/**
 * Per serialisation (its list of patterns) and construct stack: the patterns that apply, by the
 * character each escapes; null where one depends on the nodes beside the text.
 */
const searches = new WeakMap<readonly Unsafe[], Map<string, Map<string, Unescaped[]> | null>>();

/** A pattern as searched for here: a copy of the library's regexp, and what the match holds before the character. */
interface Unescaped {
  search: RegExp;
  lookBehind: boolean;
  /** Whether it matches only beside a line ending (at a break, or with one before or after the character). */
  nearLineEnding: boolean;
}

const LINE_ENDING = new Set(['[\\r\\n]', '\\r', '\\n']);

function unsafeSearch(state: State): Map<string, Unescaped[]> | null {
  let byStack = searches.get(state.unsafe);
  if (!byStack) searches.set(state.unsafe, (byStack = new Map()));
  const key = state.stack.join('\u0000');
  let found = byStack.get(key);
  if (found === undefined) {
    const applying = state.unsafe.filter((p) => inScope(state.stack, p.inConstruct, true) && !inScope(state.stack, p.notInConstruct, false));
    if (applying.some((p) => p.beforeNode || p.afterNode || p.character.length !== 1)) found = null;
    else {
      found = new Map();
      for (const p of applying) {
        const list = found.get(p.character) ?? found.set(p.character, []).get(p.character)!;
        // A copy of the library's own search, which keeps its place between uses.
        const compiled = state.compilePattern(p);
        const nearLineEnding = !!p.atBreak || LINE_ENDING.has(p.before ?? '') || LINE_ENDING.has(p.after ?? '');
        list.push({ search: new RegExp(compiled.source, compiled.flags), lookBehind: !!(p.before || p.atBreak), nearLineEnding });
      }
    }
    byStack.set(key, found);
  }
  return found;
}

/** Whether a pattern's list of constructs names one of the stack (`none` when it names none), as the library reads it. */
function inScope(stack: readonly string[], list: Unsafe['inConstruct'], none: boolean): boolean {
  const names = typeof list === 'string' ? [list] : list;
  if (!names || names.length === 0) return none;
  return names.some((n) => stack.includes(n));
}

/** The table of a list: header and delimiter lines serialised from a tree, then the rows. */
function listTable(companies: MarkdownCompany[], columns: string[], keep: boolean): string {
  const head = serialise([{ type: 'table', align: [null, null, null, null], children: [row(columns)] }]).trimEnd();
  return [head, ...companies.map((c) => (c.entry === undefined ? c.row : (c.row ?? markdownRow(c.entry, keep))))].join('\n');
}

/** One company's table row (no column padding, so rows do not depend on each other). */
export function markdownRow(entry: MarkdownEntry, keep = false): string {
  return markdownRowsOf([entry], keep)[0];
}

/**
 * The table rows of many companies, serialised as one table and cut into its lines: the same
 * line for each as alone (a cell is one line, and no column is padded), in half the time.
 */
export function markdownRowsOf(entries: MarkdownEntry[], keep = false): string[] {
  if (!entries.length) return [];
  const cells = entries.map((e) => rowCells(e, keep));
  const table = serialise([{ type: 'table', align: [null, null, null, null], children: [row(cells[0].map(() => 'x')), ...cells.map(row)] }]);
  return table.trimEnd().split('\n').slice(2);
}

// Text that GFM would turn into a link by itself (www., http://, e-mail) is escaped too.
// So is a tilde, which GFM reads as strikethrough.
const NO_AUTOLINKS: Unsafe[] = [
  { character: '~', inConstruct: 'phrasing' },
  { character: ':', before: '[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp]|[Mm][Aa][Ii][Ll][Tt][Oo]|[Xx][Mm][Pp][Pp]', after: '[\\\\/]?' },
  { character: '.', before: '[Ww][Ww][Ww]' },
  { character: '@', before: '[\\w.+-]', after: '[\\w]' },
];

/** A finding as a line of the page: its reason, then its date and evidence. */
function findingItem(f: Finding, company: string, keep: boolean): string {
  return `${reasonShort({ rule: f.rule, facts: publishedFields(f.facts, keep) })} (${t().fmt.date(f.date)}${f.evidence.length ? `; ${publishedIds(f.evidence, company, keep).join(', ')}` : ''})`;
}

const bullets = (lines: string[]): RootContent => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: lines.map((line) => ({ type: 'listItem', spread: false, children: [paragraph(line)] })),
});

/**
 * How a verdict was reached, in the words of `vetted why`: what decided it and the rule behind
 * that, which side's newest evidence won where both hold, the findings for and against, and
 * the checks that were not counted and why. A reader of the page cannot run `why`: a verdict
 * with a passed check among the findings of a black-listed company must say itself why the
 * check did not count.
 */
function verdictDetail(v: Verdict, policy: Policy, keep: boolean): RootContent[] {
  const c = t();
  const w = c.why;
  const out: RootContent[] = [];
  const line = (f: Finding) => findingItem(f, v.company, keep);
  if (v.decided_by) {
    out.push(paragraph(`${w.decidedBy} ${line(v.decided_by)}`));
    const rule = RULES.find((r) => r.id === v.decided_by!.rule);
    if (rule) out.push(paragraph(`(${rule.id}: ${c.rules.explain[rule.id](policy)})`));
  } else if (v.list === 'watch') {
    // As `why` says it: the note on failures that stayed low explains a watch from such a failure only.
    out.push(paragraph(v.reasons.some((f) => f.facts.kind === 'watch-incident' && f.facts.stayed_with !== null) ? w.watchNote(policy) : w.watchNoteNoRule));
  }
  const aside = new Set(v.set_aside);
  const black = v.findings.filter((f) => f.side === 'black' && !aside.has(f));
  const white = v.findings.filter((f) => f.side === 'white' && !aside.has(f));
  if (!v.pinned && black.length && white.length) out.push(paragraph(w.bothSides(v.list, v.since)));
  out.push(heading(4, c.page.findings));
  if (v.list === 'watch') out.push(bullets(v.reasons.map(line)));
  else {
    out.push(paragraph(w.against(black.length)));
    if (black.length) out.push(bullets(black.map(line)));
    out.push(paragraph(w.for(white.length)));
    if (white.length) out.push(bullets(white.map(line)));
  }
  if (v.set_aside.length) {
    out.push(heading(4, w.setAside(v.set_aside.length)));
    out.push(bullets(v.set_aside.map(line)));
    out.push(paragraph(c.page.setAsideWhy));
  }
  return out;
}

export function renderMarkdownLists(input: MarkdownInput): string {
  const w = t().page;
  const { black, white, watch } = input.lists;
  const parts: string[] = [
    serialise([
      heading(1, w.title),
      paragraph(`${w.exported(input.date)} ${w.counts(black.length, white.length, watch.length)}`),
      paragraph(w.method),
    ]),
  ];
  for (const list of ['black', 'white', 'watch'] as ListName[]) {
    const companies = input.lists[list];
    parts.push(serialise([heading(2, w.lists[list])]));
    parts.push(companies.length ? `${listTable(companies, w.columns, !!input.keep)}\n` : serialise([paragraph(w.nobody)]));
  }
  if (input.detail) {
    const children: RootContent[] = [heading(2, w.companies)];
    for (const list of ['black', 'white', 'watch'] as ListName[]) {
      for (const c of input.lists[list]) {
        const v = c.verdict!;
        children.push(heading(3, published(v.company, input.keep)));
        children.push(paragraph(w.verdictLine(list, v.since)));
        children.push(...verdictDetail(v, input.policy ?? DEFAULT_POLICY, !!input.keep));
        for (const whole of c.incidents ?? []) {
          // The timeline redacted whole, so that each event is read against the others as ever.
          const kept = input.keep ? whole : { ...whole, title: published(whole.title), events: whole.events.map((e) => publishedFields(e)) };
          // Each event on one line, as every other text of the page (the timeline made anew whole, as its events are read together).
          const i = { ...kept, events: kept.events.map(eventOnOneLine) };
          children.push(heading(4, w.timeline(publishedId(i.id, v.company, input.keep), i.title)));
          children.push({
            type: 'list',
            ordered: false,
            spread: false,
            children: i.events.map((e) => ({
              type: 'listItem',
              spread: false,
              children: [paragraph(`${t().fmt.dateTime(e.at)} — ${input.describeEvent(e, i)}`)],
            })),
          });
        }
      }
    }
    parts.push(serialise(children));
  }
  return parts.join('\n');
}

/** One row per listed company, RFC 4180 quoting; cells that a spreadsheet would run as a formula are
 * defused, and control characters are made visible as everywhere else. */
export function renderCsvLists(lists: Record<ListName, { entry: MarkdownEntry }[]>, keep = false): string {
  const cell = (text: string) => {
    const s = markdownText(text); // one line, as on the page; control characters shown, not sent
    const safe = /^\s*[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const w = t().page;
  const lines = [w.csvColumns.join(',')];
  for (const list of ['black', 'white', 'watch'] as ListName[]) {
    for (const { entry: v } of lists[list]) {
      lines.push(
        [
          // In the language of the header and of the other words (a spreadsheet's reader reads it).
          t().words.list[list],
          published(v.company, keep),
          v.since ?? '',
          v.pinned ? w.yes : w.no,
          [...new Set(v.reasons.map((f) => f.rule))].join(' '),
          v.reasons.map((f) => pageReason({ facts: publishedFields(f.facts, keep) })).join('; '),
          publishedIds([...new Set(v.reasons.flatMap((f) => f.evidence))], v.company, keep).join(' '),
        ]
          .map(cell)
          .join(','),
      );
    }
  }
  return lines.join('\r\n') + '\r\n';
}
