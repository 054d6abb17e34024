// Checklists: their shape, validation as a list of named rules returning errors as data,
// and scoring. Pure: the YAML text is parsed elsewhere and handed in as plain data.

import type { CheckVerdict } from './types.js';

export type Lang = 'en' | 'ru';
export const LANGS: readonly Lang[] = ['en', 'ru'];

/** A plain string, or a map of language to string. */
export type LocalText = string | Partial<Record<string, string>>;

export interface Answer {
  value: string;
  label: LocalText;
  /** 0..1; null leaves the question out of the score. */
  score: number | null;
  dealbreaker?: boolean;
}

export interface Question {
  id: string;
  text: LocalText;
  help?: LocalText;
  weight: number;
  answers: Answer[];
}

export interface Checklist {
  id: string;
  version: number;
  title: LocalText;
  description?: LocalText;
  questions: Question[];
}

export { formatPath, type Path } from './validation.js';
import type { Path, Problem, Validated } from './validation.js';

/** What is wrong at a path of a checklist: facts, which the catalogs put in words. */
export type ChecklistFault =
  | { kind: 'checklist-map' }
  | { kind: 'question-map' }
  | { kind: 'answer-map' }
  | { kind: 'required' }
  | { kind: 'score-required' }
  | { kind: 'empty' }
  | { kind: 'local-text' }
  | { kind: 'no-language' }
  | { kind: 'language-code'; code: string }
  | { kind: 'blank-translation' }
  | { kind: 'unknown-field'; fields: readonly string[] }
  /** An id or answer value that is not lower-case words and dashes; `example` is one that is. */
  | { kind: 'id'; example: string }
  | { kind: 'version' }
  | { kind: 'weight'; min: number; max: number }
  /** An answer `unknown` that scores otherwise than every question's (CHECKLISTS.md). */
  | { kind: 'unknown-answer'; score: number }
  | { kind: 'score' }
  /** A dealbreaker left out of the score: it would fail a check it has no part in. */
  | { kind: 'dealbreaker-unscored' }
  | { kind: 'boolean' }
  | { kind: 'questions' }
  | { kind: 'answers' }
  | { kind: 'too-many'; what: 'questions' | 'answers'; count: number; max: number }
  | { kind: 'duplicate-question'; id: string }
  | { kind: 'duplicate-answer'; value: string };

export type ChecklistProblem = Problem<ChecklistFault>;

export const UNKNOWN_ANSWER: Answer = {
  value: 'unknown',
  label: { en: 'Could not find out', ru: 'Не удалось выяснить' },
  score: 0.2,
};

export function localize(text: LocalText | undefined | null, lang: Lang): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? Object.values(text).find((t) => typeof t === 'string') ?? '';
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The most questions a checklist asks, and answers a question offers: a questionnaire a person
 * answers, not a store of data (a file of a hundred thousand was a minute and gigabytes to read). */
export const MAX_QUESTIONS = 300;
export const MAX_ANSWERS = 30;

/** Problems added to a list one by one: a spread of a hundred thousand ran out of stack. */
function add(problems: ChecklistProblem[], more: ChecklistProblem[]): void {
  for (const p of more) problems.push(p);
}
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (path: Path, fault: ChecklistFault): ChecklistProblem => ({ path, fault });

function textProblems(v: unknown, path: Path, required: boolean): ChecklistProblem[] {
  if (v === undefined || v === null) return required ? [at(path, { kind: 'required' })] : [];
  if (typeof v === 'string') return v.trim() ? [] : [at(path, { kind: 'empty' })];
  if (!isObject(v)) return [at(path, { kind: 'local-text' })];
  const problems: ChecklistProblem[] = [];
  if (Object.keys(v).length === 0) problems.push(at(path, { kind: 'no-language' }));
  for (const [lang, t] of Object.entries(v)) {
    if (!/^[a-z]{2,3}$/.test(lang)) problems.push(at([...path, lang], { kind: 'language-code', code: lang }));
    else if (typeof t !== 'string' || !t.trim()) problems.push(at([...path, lang], { kind: 'blank-translation' }));
  }
  return problems;
}

function unknownKeys(v: Record<string, unknown>, allowed: readonly string[], path: Path): ChecklistProblem[] {
  return Object.keys(v)
    .filter((k) => !allowed.includes(k))
    .map((k) => at([...path, k], { kind: 'unknown-field', fields: allowed }));
}

function answerProblems(a: unknown, path: Path): ChecklistProblem[] {
  if (!isObject(a)) return [at(path, { kind: 'answer-map' })];
  const problems = unknownKeys(a, ['value', 'label', 'score', 'dealbreaker'], path);
  if (typeof a.value !== 'string' || !ID.test(a.value)) problems.push(at([...path, 'value'], { kind: 'id', example: 'live-support' }));
  add(problems, textProblems(a.label, [...path, 'label'], true));
  if (!('score' in a)) problems.push(at([...path, 'score'], { kind: 'score-required' }));
  else if (a.score !== null && (typeof a.score !== 'number' || !(a.score >= 0 && a.score <= 1))) problems.push(at([...path, 'score'], { kind: 'score' }));
  if (a.dealbreaker !== undefined && typeof a.dealbreaker !== 'boolean') problems.push(at([...path, 'dealbreaker'], { kind: 'boolean' }));
  else if (a.dealbreaker === true && a.score === null && a.value !== UNKNOWN_ANSWER.value) problems.push(at([...path, 'dealbreaker'], { kind: 'dealbreaker-unscored' }));
  // A checklist may word its own `unknown`, not score it otherwise: not finding out is a risk, the same in every checklist.
  if (a.value === UNKNOWN_ANSWER.value && (a.score !== UNKNOWN_ANSWER.score || a.dealbreaker === true))
    problems.push(at([...path, a.score !== UNKNOWN_ANSWER.score ? 'score' : 'dealbreaker'], { kind: 'unknown-answer', score: UNKNOWN_ANSWER.score! }));
  return problems;
}

/** The largest weight of a question: enough to make one question count a hundred times
 * another, small enough that a score is always a finite number. */
export const MAX_WEIGHT = 100;

/** The smallest: a question of a hundredth of another's weight still counts, and no sum of
 * weights and scores comes near the smallest numbers, where it would count as nothing. */
export const MIN_WEIGHT = 0.01;

function questionProblems(q: unknown, path: Path): ChecklistProblem[] {
  if (!isObject(q)) return [at(path, { kind: 'question-map' })];
  const problems = unknownKeys(q, ['id', 'text', 'help', 'weight', 'answers'], path);
  if (typeof q.id !== 'string' || !ID.test(q.id)) problems.push(at([...path, 'id'], { kind: 'id', example: 'who-helps' }));
  add(problems, textProblems(q.text, [...path, 'text'], true));
  add(problems, textProblems(q.help, [...path, 'help'], false));
  if (q.weight !== undefined && (typeof q.weight !== 'number' || !(q.weight >= MIN_WEIGHT && q.weight <= MAX_WEIGHT)))
    problems.push(at([...path, 'weight'], { kind: 'weight', min: MIN_WEIGHT, max: MAX_WEIGHT }));
  if (!Array.isArray(q.answers) || q.answers.length === 0) {
    problems.push(at([...path, 'answers'], { kind: 'answers' }));
    return problems;
  }
  if (q.answers.length > MAX_ANSWERS) {
    problems.push(at([...path, 'answers'], { kind: 'too-many', what: 'answers', count: q.answers.length, max: MAX_ANSWERS }));
    return problems;
  }
  const seen = new Set<string>();
  q.answers.forEach((a, i) => {
    add(problems, answerProblems(a, [...path, 'answers', i]));
    if (isObject(a) && typeof a.value === 'string') {
      if (seen.has(a.value)) problems.push(at([...path, 'answers', i, 'value'], { kind: 'duplicate-answer', value: a.value }));
      seen.add(a.value);
    }
  });
  return problems;
}

/** Checks a parsed checklist document; every problem is named with its path. */
export function validateChecklist(doc: unknown): Validated<Checklist, ChecklistFault> {
  if (!isObject(doc)) return { errors: [at([], { kind: 'checklist-map' })] };
  const problems = unknownKeys(doc, ['id', 'version', 'title', 'description', 'questions'], []);
  if (typeof doc.id !== 'string' || !ID.test(doc.id)) problems.push(at(['id'], { kind: 'id', example: 'general' }));
  if (!Number.isInteger(doc.version) || (doc.version as number) < 1) problems.push(at(['version'], { kind: 'version' }));
  add(problems, textProblems(doc.title, ['title'], true));
  add(problems, textProblems(doc.description, ['description'], false));
  if (!Array.isArray(doc.questions) || doc.questions.length === 0) {
    problems.push(at(['questions'], { kind: 'questions' }));
  } else if (doc.questions.length > MAX_QUESTIONS) {
    problems.push(at(['questions'], { kind: 'too-many', what: 'questions', count: doc.questions.length, max: MAX_QUESTIONS }));
  } else {
    const seen = new Set<string>();
    doc.questions.forEach((q, i) => {
      add(problems, questionProblems(q, ['questions', i]));
      if (isObject(q) && typeof q.id === 'string') {
        if (seen.has(q.id)) problems.push(at(['questions', i, 'id'], { kind: 'duplicate-question', id: q.id }));
        seen.add(q.id);
      }
    });
  }
  if (problems.length) return { errors: problems };
  return { value: normalizeChecklist(doc as unknown as Checklist) };
}

/** Fills defaults: weight 1, and the `unknown` answer every question offers. */
function normalizeChecklist(c: Checklist): Checklist {
  return {
    ...c,
    questions: c.questions.map((q) => ({
      ...q,
      weight: q.weight ?? 1,
      // A score of -0 (as YAML reads `-0`) is 0: shown as "-0" it read as a negative score.
      answers: [...q.answers.map((a) => (Object.is(a.score, -0) ? { ...a, score: 0 } : a)), ...(q.answers.some((a) => a.value === 'unknown') ? [] : [UNKNOWN_ANSWER])],
    })),
  };
}

// ---- scoring ----

export interface ScoredAnswer {
  question: string;
  answer: string;
  score: number | null;
  weight: number;
  dealbreaker: boolean;
}

export interface CheckResult {
  score: number;
  verdict: CheckVerdict;
  dealbreakers: string[];
  answers: ScoredAnswer[];
}

export const GO_FROM = 80;
export const CAUTION_FROM = 50;

/** Rounds half up, immune to binary fractions such as 79.49999999 standing for 79.5. */
export function roundScore(x: number): number {
  return Math.round(Math.round(x * 1e9) / 1e9);
}

/**
 * Whether two checklists score answers alike: the same questions, weights, answer values,
 * scores and dealbreakers (their words, help and order of questions aside).
 */
export function sameScoring(a: Checklist, b: Checklist): boolean {
  const scoring = (c: Checklist) =>
    JSON.stringify(
      c.questions
        .map((q) => [q.id, q.weight, q.answers.map((x) => [x.value, x.score, !!x.dealbreaker]).sort()] as const)
        .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)),
    );
  return scoring(a) === scoring(b);
}

/** Whether a text is an id as a checklist writes its own and its questions' (lower-case words and dashes). */
export function isChecklistId(s: string): boolean {
  return ID.test(s);
}

export function verdictOf(score: number, dealbreaker: boolean): CheckVerdict {
  if (dealbreaker || score < CAUTION_FROM) return 'avoid';
  return score >= GO_FROM ? 'go' : 'caution';
}

/** Scores complete, valid answers (question id -> answer value) against a checklist. */
export function scoreCheck(checklist: Checklist, answers: Record<string, string>): CheckResult {
  let sum = 0;
  let weights = 0;
  const scored: ScoredAnswer[] = [];
  for (const q of checklist.questions) {
    const value = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    const a = q.answers.find((x) => x.value === value);
    if (!a) throw new Error(`no valid answer to ${q.id}`);
    if (a.score !== null) {
      sum += q.weight * a.score;
      weights += q.weight;
    }
    scored.push({ question: q.id, answer: a.value, score: a.score, weight: q.weight, dealbreaker: !!a.dealbreaker });
  }
  const score = weights === 0 ? 0 : roundScore((100 * sum) / weights);
  const dealbreakers = scored.filter((s) => s.dealbreaker).map((s) => s.question);
  return { score, verdict: verdictOf(score, dealbreakers.length > 0), dealbreakers, answers: scored };
}

/**
 * Whether a check's answers say anything of the company: one of them counts in the score, or a
 * dealbreaker was answered. One whose every answer is left out of the score is no check at all
 * (scored 0, it would put the company on the black list for questions that did not apply).
 */
export function hasScore(result: Pick<CheckResult, 'answers' | 'dealbreakers'>): boolean {
  return result.dealbreakers.length > 0 || result.answers.some((a) => a.score !== null);
}

/**
 * How a checklist has changed since a check was made with its id and version, as facts: the
 * questions it asks now and did not then (and the reverse), an answer given then that it has no
 * more, or the same answers scored otherwise. Undefined where it scores that check as it was scored.
 */
export type ScoringChange =
  | { kind: 'questions'; added: string[]; gone: string[] }
  | { kind: 'answer'; question: string; answer: string }
  | { kind: 'scores'; was: number; now: number };

export function scoringChange(
  checklist: Checklist,
  made: { score: number; dealbreakers: readonly string[]; answers: readonly { question: string; answer: string; score: number | null }[] },
): ScoringChange | undefined {
  const answered = new Map(made.answers.map((a) => [a.question, a]));
  const added = checklist.questions.filter((q) => !answered.has(q.id)).map((q) => q.id);
  const gone = [...answered.keys()].filter((id) => !checklist.questions.some((q) => q.id === id));
  if (added.length || gone.length) return { kind: 'questions', added, gone };
  for (const q of checklist.questions) {
    const a = answered.get(q.id)!;
    if (!q.answers.some((x) => x.value === a.answer)) return { kind: 'answer', question: q.id, answer: a.answer };
  }
  const now = scoreCheck(checklist, Object.fromEntries(made.answers.map((a) => [a.question, a.answer])));
  const same =
    now.score === made.score &&
    now.dealbreakers.length === made.dealbreakers.length &&
    now.dealbreakers.every((d) => made.dealbreakers.includes(d)) &&
    now.answers.every((a) => answered.get(a.question)!.score === a.score);
  return same ? undefined : { kind: 'scores', was: made.score, now: now.score };
}

/** A given answer that does not fit the checklist, as facts (the catalogs say it in words). */
export type AnswerProblem =
  | { kind: 'unknown-question'; question?: undefined; given: string; checklist: string; questions: string[] }
  | { kind: 'unknown-answer'; question: string; given: string; values: string[] };

/** Checks given answers against a checklist: unknown questions and values, and what is missing. */
export function checkAnswers(checklist: Checklist, answers: Record<string, string>): { problems: AnswerProblem[]; missing: string[] } {
  const problems: AnswerProblem[] = [];
  for (const [qid, value] of Object.entries(answers)) {
    const q = checklist.questions.find((x) => x.id === qid);
    if (!q) {
      problems.push({ kind: 'unknown-question', given: qid, checklist: checklist.id, questions: checklist.questions.map((x) => x.id) });
    } else if (!q.answers.some((a) => a.value === value)) {
      problems.push({ kind: 'unknown-answer', question: qid, given: value, values: q.answers.map((a) => a.value) });
    }
  }
  const missing = checklist.questions.filter((q) => !Object.hasOwn(answers, q.id)).map((q) => q.id);
  return { problems, missing };
}

/** The answers that most pulled the score down, worst first (score below 0.6, or unknown). */
export function weakestAnswers(result: CheckResult, limit = 3): ScoredAnswer[] {
  return result.answers
    .filter((a) => a.score !== null && a.score < 0.6)
    .sort((a, b) => b.weight * (1 - (b.score ?? 1)) - a.weight * (1 - (a.score ?? 1)))
    .slice(0, limit);
}
