// The lists and the reasons behind a verdict, as text for a terminal.

import type { Finding, Verdict } from '../domain/policy.js';
import type { CompanyEvidence, ListName } from '../domain/types.js';
import { closingOf, computeMetrics } from '../domain/incident.js';
import type { ListEntry } from '../commands/verdicts.js';
import { DEFAULT_POLICY, RULES, findingText, type Policy } from '../domain/policy.js';
import type { Lang } from '../domain/checklist.js';
import { datePart, plural } from '../domain/dates.js';
import type { Paint } from './colour.js';
import { safeText } from './safe.js';
import { displayWidth } from './width.js';
import { hangingIndent } from './wrap.js';

const TITLES: Record<ListName, string> = { black: 'Black list', white: 'White list', watch: 'Watch list' };

export function listColour(p: Paint, list: string): (s: string) => string {
  return list === 'black' ? p.red : list === 'white' ? p.green : list === 'watch' ? p.yellow : p.dim;
}

export function ruleTitle(rule: string): string {
  if (rule === 'pin') return 'pinned by you';
  if (rule === 'watch') return 'evidence';
  return RULES.find((r) => r.id === rule)?.title ?? rule;
}

/** The lists; on a terminal (`columns` given) each reason wraps under its own column; `extra` adds to a company's line. */
export function renderLists(groups: Partial<Record<ListName, ListEntry[]>>, p: Paint, lang: Lang = 'en', columns?: number, extra?: (entry: ListEntry) => string): string {
  const out: string[] = [];
  for (const [list, entries] of Object.entries(groups) as [ListName, ListEntry[]][]) {
    out.push(listColour(p, list)(p.bold(`${TITLES[list]} (${entries.length})`)));
    if (!entries.length) out.push(p.dim('  nobody'));
    let width = 0;
    for (const v of entries) width = Math.max(width, Math.min(32, displayWidth(safeText(v.company))));
    for (const v of entries) {
      const name = safeText(v.company);
      const pad = ' '.repeat(Math.max(1, width - displayWidth(name) + 2));
      const top = v.reasons[0];
      // A pin's text says "pinned by you" itself; a rule is named by its id.
      const tag = top && top.rule !== 'pin' && top.rule !== 'watch' ? top.rule : '';
      const since = `since ${v.since ?? '—'}`;
      const more = v.reasons.length > 1 ? ` (+${v.reasons.length - 1} more)` : '';
      const reason = `${tag ? `${tag} ` : ''}${safeText(top ? findingText(top, lang) : '')}${more}`;
      const head = `  ${name}${pad}${since}  `;
      const wrapped = hangingIndent('', displayWidth(head), reason, columns).split('\n');
      // Paint after wrapping, so that widths are of the text alone.
      const painted = wrapped.map((l, i) => {
        let line = i === 0 && tag ? `${p.bold(tag)}${l.slice(tag.length)}` : l;
        if (more && i === wrapped.length - 1 && line.endsWith(more)) line = `${line.slice(0, -more.length)}${p.dim(more)}`;
        return line;
      });
      out.push(`  ${name}${pad}${p.dim(since)}  ${painted.join('\n')}${extra ? extra(v) : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function findingLine(f: Finding, p: Paint, lang: Lang): string {
  const tag = f.rule === 'pin' || f.rule === 'watch' ? '' : `${f.rule} ${ruleTitle(f.rule)}: `;
  const evidence = f.evidence.length ? ` [${f.evidence.map(safeText).join(', ')}]` : '';
  return `${p.bold(tag)}${safeText(findingText(f, lang))} ${p.dim(`— ${datePart(f.date)}${evidence}`)}`;
}

export function renderWhy(v: Verdict, p: Paint, lang: Lang = 'en', evidence?: CompanyEvidence, now = Date.now(), policy: Policy = DEFAULT_POLICY): string {
  const lines: string[] = [];
  const head = v.list === 'unlisted' ? 'on no list' : `on the ${v.list} list${v.since ? ` since ${v.since}` : ''}`;
  lines.push(`${p.bold(safeText(v.company))} is ${listColour(p, v.list)(p.bold(head))}${v.pinned ? ' (pinned by you)' : ''}.`);
  if (v.decided_by) {
    lines.push('', `Decided by: ${findingLine(v.decided_by, p, lang)}`);
    const rule = RULES.find((r) => r.id === v.decided_by!.rule);
    if (rule) lines.push(p.dim(`  (${rule.id}: ${rule.explain(policy)})`));
  } else if (v.list === 'watch') {
    lines.push('', p.dim('No black or white rule holds: failures that stayed with the front line or a supervisor are one employee, not the company.'));
  }
  const black = v.findings.filter((f) => f.side === 'black');
  const white = v.findings.filter((f) => f.side === 'white');
  lines.push('', p.red.bold(`Against (black rules that hold): ${black.length || 'none'}`));
  for (const f of black) lines.push(`  • ${findingLine(f, p, lang)}`);
  lines.push('', p.green.bold(`For (white rules that hold): ${white.length || 'none'}`));
  for (const f of white) lines.push(`  • ${findingLine(f, p, lang)}`);
  if (v.list === 'watch') {
    lines.push('', p.yellow.bold('On watch because of'));
    for (const f of v.reasons) lines.push(`  • ${findingLine(f, p, lang)}`);
  }
  if (v.set_aside.length) {
    lines.push('', p.bold(`Not counted (${v.set_aside.length}): a check says what a company promises; your incidents say what it did, and deeds decide over words`));
    for (const f of v.set_aside) lines.push(`  • ${findingLine(f, p, lang)}`);
  }
  const decidingBlack = black.filter((f) => !v.set_aside.includes(f));
  const decidingWhite = white.filter((f) => !v.set_aside.includes(f));
  if (!v.pinned && decidingBlack.length && decidingWhite.length) {
    lines.push('', p.dim(`Both sides hold; the newest evidence decides (black on a tie): ${v.list} evidence from ${v.since}.`));
  }
  const cited = new Set((v.pinned ? v.findings : [...v.findings, ...v.reasons]).flatMap((f) => f.evidence));
  if (evidence && cited.size) {
    lines.push('', p.bold('The evidence'));
    for (const i of evidence.incidents.filter((x) => cited.has(`incident:${x.id}`))) {
      const m = computeMetrics(i, now);
      const closing = closingOf(i);
      lines.push(`  incident:${i.id} — ${safeText(i.title)}`);
      lines.push(`    ${datePart(i.opened)}${closing ? ` to ${datePart(i.events.find((e) => e.type === 'resolution' && e.outcome === closing.outcome)?.at ?? '')}, ${closing.outcome}` : ', still open'} · fault: ${i.fault} · ${plural(m.contacts, 'contact')} · highest level reached: ${m.highest_level}`);
      const comp = i.events.filter((e) => e.type === 'compensation');
      lines.push(
        `    promises: ${m.promises_broken} of ${m.promises} broken · apology: ${m.apologized ? 'yes' : 'no'} · explanation: ${m.explained ? 'yes' : 'no'} · compensation: ${comp.length ? `${comp.map((c) => `${c.kind ?? 'yes'}${c.proactive ? ', unasked' : ''}${c.effort ? `, it took: ${c.effort}` : ''}`).join('; ')}` : 'none'}`,
      );
    }
    for (const c of evidence.checks.filter((x) => cited.has(`check:${x.id}`))) {
      lines.push(`  check:${c.id} — ${c.checklist} checklist on ${datePart(c.at)}: ${c.score}/100, ${c.verdict}${c.dealbreakers.length ? ` (dealbreakers: ${c.dealbreakers.join(', ')})` : ''}`);
    }
  }
  lines.push('', 'What would change it:');
  for (const c of v.would_change) lines.push(`  → ${safeText(c)}`);
  return lines.join('\n') + '\n';
}
