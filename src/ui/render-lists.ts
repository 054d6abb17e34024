// The lists and the reasons behind a verdict, as text for a terminal, in the catalog's words.

import type { Finding, FindingFacts, Verdict } from '../domain/policy.js';
import type { CompanyEvidence, ListName } from '../domain/types.js';
import { closingOf, computeMetrics } from '../domain/incident.js';
import type { ListEntry } from '../commands/verdicts.js';
import { DEFAULT_POLICY, RULES, type Policy, type RuleId } from '../domain/policy.js';
import type { Paint } from './colour.js';
import { safeText } from './safe.js';
import { displayWidth } from './width.js';
import { hangingIndent } from './wrap.js';
import { cut } from './table.js';
import { t } from '../i18n/index.js';

export function listColour(p: Paint, list: string): (s: string) => string {
  return list === 'black' ? p.red : list === 'white' ? p.green : list === 'watch' ? p.yellow : p.dim;
}

export function ruleTitle(rule: string): string {
  const c = t();
  if (rule === 'pin') return c.rules.pinned;
  if (rule === 'watch') return c.rules.evidence;
  return c.rules.title[rule as RuleId] ?? rule;
}

/** A reason in the catalog's words; a source's reason (which has no facts) as the source wrote it,
 * in the language of the interface when it gave that too. */
export function reasonWords(r: { rule?: string; facts?: FindingFacts; text?: string; text_ru?: string }): string {
  if (r.facts) return t().finding(r.facts);
  const text = (t().lang === 'ru' ? r.text_ru : undefined) ?? r.text ?? '';
  // A pin of theirs is said to be one, as a pin of yours says "pinned by you": a decision by hand, not a finding.
  return r.rule === 'pin' && text ? `${t().sources.pinned}${text}` : text;
}

/** A finding's reason in the catalog's words. */
export function findingWords(f: Pick<Finding, 'facts'>): string {
  return t().finding(f.facts);
}

/** The lists; on a terminal (`columns` given) each reason wraps under its own column; `extra` adds a note to a company's line (its words, unpainted). */
export function renderLists(groups: Partial<Record<ListName, ListEntry[]>>, p: Paint, columns?: number, extra?: (entry: ListEntry) => string): string {
  const sections = (Object.entries(groups) as [ListName, ListEntry[]][]).map(([list, entries]) => ({ list, count: entries.length, width: nameColumn(entries.map((e) => e.company)), entries }));
  return [...renderListPieces(sections, p, columns, extra)].join('');
}

/** The width of the name column: the widest name, up to 32 columns. */
export function nameColumn(names: Iterable<string>): number {
  let width = 0;
  for (const name of names) width = Math.max(width, Math.min(32, displayWidth(safeText(name))));
  return width;
}

/** One list of a listing: its entries (read as the text is made), how many, and its name column. */
export interface ListSection<E extends ListEntry> {
  list: ListName;
  count: number;
  width: number;
  entries: Iterable<E>;
}

/**
 * The text of renderLists, a line at a time, each with its line end: the entries are read
 * only as their lines are made, so that a listing of ten thousand companies holds one at a
 * time. The text ends with a line end.
 */
export function* renderListPieces<E extends ListEntry>(sections: ListSection<E>[], p: Paint, columns?: number, extra?: (entry: E) => string): Generator<string> {
  const c = t();
  for (let k = 0; k < sections.length; k++) {
    const { list, count, width, entries } = sections[k];
    yield `${listColour(p, list)(p.bold(`${c.lists.title[list]} (${count})`))}\n`;
    if (!count) yield `${p.dim(`  ${c.lists.nobody}`)}\n`;
    for (const v of entries) {
      const full = safeText(v.company);
      // A name wider than the column stands on a line of its own: the rest of its row stays in
      // the columns of the others, and its reason as wide as theirs.
      const long = displayWidth(full) > width;
      // On a terminal that line is cut to its width, as a table cuts a name (in a pipe it is whole).
      if (long) yield `  ${columns === undefined ? full : cut(full, Math.max(1, columns - 2))}\n`;
      const name = long ? '' : full;
      const pad = ' '.repeat(Math.max(1, width - displayWidth(name) + 2));
      const top = v.reasons[0];
      // A pin's text says "pinned by you" itself; a rule is named by its id.
      const tag = top && top.rule !== 'pin' && top.rule !== 'watch' ? safeText(top.rule) : '';
      const since = c.lists.since(v.since);
      const more = v.reasons.length > 1 ? ` ${c.lists.more(v.reasons.length - 1)}` : '';
      const reason = `${tag ? `${tag} ` : ''}${safeText(top ? reasonWords(top) : '')}${more}`;
      const head = `  ${name}${pad}${since}  `;
      const wrapped = hangingIndent('', displayWidth(head), reason, columns).split('\n');
      // Paint after wrapping, so that widths are of the text alone.
      const painted = wrapped.map((l, i) => {
        let line = i === 0 && tag ? `${p.bold(tag)}${l.slice(tag.length)}` : l;
        if (more && i === wrapped.length - 1 && line.endsWith(more)) line = `${line.slice(0, -more.length)}${p.dim(more)}`;
        return line;
      });
      yield `  ${name}${pad}${p.dim(since)}  ${painted.join('\n')}${extra ? noteAfter(extra(v), head, wrapped, p, columns) : ''}\n`;
    }
    // A blank line between lists.
    if (k < sections.length - 1) yield '\n';
  }
}

/**
 * A note after a company's reason (`  · …`, dimmed): on its last line where it fits the
 * terminal, else on lines of its own under the reason, wrapped as the reason is.
 */
function noteAfter(note: string, head: string, wrapped: string[], p: Paint, columns: number | undefined): string {
  if (!note) return '';
  const at = displayWidth(head);
  const last = wrapped[wrapped.length - 1];
  const lastWidth = wrapped.length === 1 ? at + displayWidth(last) : displayWidth(last);
  if (columns === undefined || lastWidth + 4 + displayWidth(note) <= columns) return p.dim(`  · ${note}`);
  return `\n${hangingIndent('', at, `· ${note}`, columns)
    .split('\n')
    .map((l, i) => (i === 0 ? `${' '.repeat(at)}${p.dim(l)}` : `${l.slice(0, at)}${p.dim(l.slice(at))}`))
    .join('\n')}`;
}

function findingLine(f: Finding, p: Paint): string {
  const c = t();
  const tag = f.rule === 'pin' || f.rule === 'watch' ? '' : `${f.rule} ${ruleTitle(f.rule)}: `;
  const evidence = f.evidence.length ? ` [${f.evidence.map(safeText).join(', ')}]` : '';
  return `${p.bold(tag)}${safeText(c.finding(f.facts))} ${p.dim(`— ${c.fmt.date(f.date)}${evidence}`)}`;
}

export function renderWhy(v: Verdict, p: Paint, evidence?: CompanyEvidence, now = Date.now(), policy: Policy = DEFAULT_POLICY): string {
  const c = t();
  const w = c.why;
  const lines: string[] = [];
  lines.push(`${p.bold(safeText(v.company))} ${w.is} ${listColour(p, v.list)(p.bold(w.head(v.list, v.since)))}${v.pinned ? w.pinnedMark : ''}.`);
  if (v.decided_by) {
    lines.push('', `${w.decidedBy} ${findingLine(v.decided_by, p)}`);
    const rule = RULES.find((r) => r.id === v.decided_by!.rule);
    if (rule) lines.push(p.dim(`  (${rule.id}: ${c.rules.explain[rule.id](policy)})`));
  } else if (v.list === 'watch') {
    // The note on failures that stayed low explains a watch from such a failure, not one from an
    // incident still open, one put right, or a check alone.
    lines.push('', p.dim(v.reasons.some((f) => f.facts.kind === 'watch-incident' && f.facts.stayed_with !== null) ? w.watchNote(policy) : w.watchNoteNoRule));
  }
  const aside = new Set(v.set_aside);
  const black = v.findings.filter((f) => f.side === 'black' && !aside.has(f));
  const white = v.findings.filter((f) => f.side === 'white' && !aside.has(f));
  lines.push('', p.red.bold(w.against(black.length)));
  for (const f of black) lines.push(`  • ${findingLine(f, p)}`);
  lines.push('', p.green.bold(w.for(white.length)));
  for (const f of white) lines.push(`  • ${findingLine(f, p)}`);
  if (v.set_aside.length) {
    lines.push('', p.bold(w.setAside(v.set_aside.length)));
    for (const f of v.set_aside) lines.push(`  • ${f.side === 'black' ? p.red('−') : p.green('+')} ${findingLine(f, p)}`);
    lines.push(p.dim(`  ${w.setAsideWhy}`));
  }
  if (v.list === 'watch') {
    lines.push('', p.yellow.bold(w.onWatch));
    for (const f of v.reasons) lines.push(`  • ${findingLine(f, p)}`);
  }
  if (!v.pinned && black.length && white.length) {
    lines.push('', p.dim(w.bothSides(v.list, v.since)));
  }
  const cited = new Set((v.pinned ? v.findings : [...v.findings, ...v.reasons]).flatMap((f) => f.evidence));
  if (evidence) {
    const incidentLines = (i: CompanyEvidence['incidents'][number]) => {
      const m = computeMetrics(i, now);
      const closing = closingOf(i);
      // Closed without a resolution (a file may say so), it is closed at its closing, as every listing says.
      const closedAt = closing ? (i.events.find((e) => e.type === 'resolution' && e.outcome === closing.outcome)?.at ?? null) : (i.closed ?? null);
      const comp = i.events.filter((e) => e.type === 'compensation');
      return [
        `  incident:${i.id} — ${safeText(i.title)}`,
        `    ${w.incidentSpan(i.opened, closedAt, closing?.outcome ?? null)} · ${w.incidentFacts(i.fault, m.contacts, m.highest_level)}`,
        `    ${w.promisesLine(m.promises_broken, m.promises, m.apologized, m.explained, comp.map((x) => w.compensation(x.kind, !!x.proactive, x.effort)), { broken: m.reply_deadlines_missed, total: m.reply_deadlines }, { broken: m.authority_reply_deadlines_missed, total: m.authority_reply_deadlines })}`,
      ];
    };
    const checkLine = (ch: CompanyEvidence['checks'][number]) => `  check:${ch.id} — ${w.checkLine(ch.checklist, ch.at, ch.score, ch.verdict, ch.dealbreakers)}`;
    if (cited.size) {
      lines.push('', p.bold(w.evidence));
      for (const i of evidence.incidents.filter((x) => cited.has(`incident:${x.id}`))) lines.push(...incidentLines(i));
      for (const ch of evidence.checks.filter((x) => cited.has(`check:${x.id}`))) lines.push(checkLine(ch));
    }
    // The rest of the record, which no rule holds on now: seen beside what decides, not left out unsaid.
    const otherIncidents = evidence.incidents.filter((x) => !cited.has(`incident:${x.id}`));
    const otherChecks = evidence.checks.filter((x) => !cited.has(`check:${x.id}`));
    if (otherIncidents.length || otherChecks.length) {
      lines.push('', p.bold(w.alsoOnRecord));
      for (const i of otherIncidents) lines.push(...incidentLines(i).map((l) => p.dim(l)));
      for (const ch of otherChecks) lines.push(p.dim(checkLine(ch)));
    }
  }
  lines.push('', w.wouldChange);
  for (const x of v.would_change) lines.push(`  → ${safeText(c.change(x))}`);
  return lines.join('\n') + '\n';
}
