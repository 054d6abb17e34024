// The result of a check, as text for a person and as the JSON shape scripts rely on.

import { localize, weakestAnswers, type CheckResult, type Checklist, type Lang } from '../domain/checklist.js';
import type { Paint } from './colour.js';
import type { CheckVerdict } from '../domain/types.js';
import { safeText } from './safe.js';
import { fitLines, hangingIndent, textLine, textLines } from './wrap.js';
import { displayWidth } from './width.js';
import { wordsFor } from './words.js';
import { t } from '../i18n/index.js';

export interface RenderCheckInput {
  id: string;
  company: string;
  checklist: Checklist;
  result: CheckResult;
  notes: Record<string, string>;
  lang: Lang;
  paint: Paint;
  /** The score as the user's policy reads it, said beside the checklist's reading where the two differ. */
  byPolicy?: CheckVerdict;
  /** The columns of the terminal it is shown on (undefined in a pipe, where nothing is wrapped). */
  width?: number;
}

export function checkJson(id: string, company: string, checklist: Checklist, at: string, result: CheckResult, notes: Record<string, string>) {
  return {
    id,
    company,
    checklist: checklist.id,
    checklist_version: checklist.version,
    at,
    score: result.score,
    verdict: result.verdict,
    dealbreakers: result.dealbreakers,
    answers: result.answers.map((a) => ({
      question: a.question,
      answer: a.answer,
      score: a.score,
      weight: a.weight,
      ...(notes[a.question] ? { note: notes[a.question] } : {}),
    })),
  };
}

export function renderCheck({ id, company, checklist, result, notes, lang, paint, byPolicy, width }: RenderCheckInput): string {
  const w = wordsFor(lang);
  // An item's text wrapped at spaces under itself, after its mark or label (`paint` after the cut, a line at a time).
  const item = (head: string, text: string, style = (s: string) => s) =>
    hangingIndent(head, displayWidth(head), text, width)
      .split('\n')
      .map((line) => style(line))
      .join('\n');
  const colourOf = { go: paint.green, caution: paint.yellow, avoid: paint.red }[result.verdict];
  const question = (qid: string) => checklist.questions.find((q) => q.id === qid)!;
  const label = (qid: string, value: string) => textLine(localize(question(qid).answers.find((a) => a.value === value)!.label, lang));
  const text = (qid: string) => textLine(localize(question(qid).text, lang));
  const lines: string[] = [];
  lines.push(paint.bold(`${safeText(company)} — ${textLine(localize(checklist.title, lang))} (${checklist.id} v${checklist.version})`));
  const otherwise = byPolicy !== undefined && byPolicy !== result.verdict ? ` (${w.byPolicy(w.verdict[byPolicy])})` : '';
  lines.push(`${w.score}: ${paint.bold(`${result.score}/100`)}  ${colourOf.bold(w.verdict[result.verdict].toUpperCase())} — ${w.verdictLine[result.verdict]}${otherwise}`);
  lines.push('');
  if (result.dealbreakers.length) {
    lines.push(paint.red.bold(`${w.dealbreakers}:`));
    for (const qid of result.dealbreakers) {
      lines.push(item('  ✗ ', `${text(qid)} — ${label(qid, result.answers.find((a) => a.question === qid)!.answer)}`));
    }
  } else {
    lines.push(`${w.dealbreakers}: ${w.none}`);
  }
  const weak = weakestAnswers(result, 3);
  if (weak.length) {
    lines.push('', `${w.weakest}:`);
    for (const a of weak) {
      lines.push(item('  • ', text(a.question)));
      lines.push(item('    ', `${label(a.question, a.answer)} (${t().fmt.number(a.score!)} × ${w.weight} ${t().fmt.number(a.weight)})`));
    }
  }
  const toAsk = result.answers.filter((a) => a.score !== null && a.score < 0.6);
  if (toAsk.length) {
    lines.push('', paint.bold(`${w.askBefore}:`));
    for (const a of toAsk) {
      lines.push(item('  ? ', `${text(a.question)} ${paint.dim(`[${a.question}: ${a.answer}]`)}`));
      const help = localize(question(a.question).help, lang);
      if (help) for (const line of textLines(help)) lines.push(item('    ', line, paint.dim));
    }
  }
  const noted = result.answers.filter((a) => notes[a.question]);
  if (noted.length) {
    lines.push('', `${w.evidence}:`);
    for (const a of noted) lines.push(item(`  ${a.question}: `, safeText(notes[a.question])));
  }
  lines.push('', paint.dim(w.stored(id)));
  // The rest (the title, the score's line) wrapped under their first column.
  return fitLines(lines.join('\n'), width) + '\n';
}
