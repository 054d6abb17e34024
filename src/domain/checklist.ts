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

export { formatPath, type Path, type Problem, type Validated } from './validation.js';
import type { Path, Problem, Validated } from './validation.js';

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
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function textProblems(v: unknown, path: Path, required: boolean): Problem[] {
  if (v === undefined || v === null) return required ? [{ path, message: 'is required' }] : [];
  if (typeof v === 'string') return v.trim() ? [] : [{ path, message: 'must not be empty' }];
  if (!isObject(v)) return [{ path, message: 'must be a string or a map of language to string' }];
  const problems: Problem[] = [];
  if (Object.keys(v).length === 0) problems.push({ path, message: 'must name at least one language' });
  for (const [lang, t] of Object.entries(v)) {
    if (!/^[a-z]{2,3}$/.test(lang)) problems.push({ path: [...path, lang], message: `"${lang}" is not a language code such as en or ru` });
    else if (typeof t !== 'string' || !t.trim()) problems.push({ path: [...path, lang], message: 'must be a non-empty string' });
  }
  return problems;
}

function unknownKeys(v: Record<string, unknown>, allowed: string[], path: Path): Problem[] {
  return Object.keys(v)
    .filter((k) => !allowed.includes(k))
    .map((k) => ({ path: [...path, k], message: `unknown field (expected one of: ${allowed.join(', ')})` }));
}

function answerProblems(a: unknown, path: Path): Problem[] {
  if (!isObject(a)) return [{ path, message: 'must be a map with value, label and score' }];
  const problems = unknownKeys(a, ['value', 'label', 'score', 'dealbreaker'], path);
  if (typeof a.value !== 'string' || !ID.test(a.value))
    problems.push({ path: [...path, 'value'], message: 'must be lower-case words and dashes, such as live-support' });
  problems.push(...textProblems(a.label, [...path, 'label'], true));
  if (!('score' in a)) problems.push({ path: [...path, 'score'], message: 'is required (a number from 0 to 1, or null)' });
  else if (a.score !== null && (typeof a.score !== 'number' || !(a.score >= 0 && a.score <= 1)))
    problems.push({ path: [...path, 'score'], message: 'must be a number from 0 to 1, or null' });
  if (a.dealbreaker !== undefined && typeof a.dealbreaker !== 'boolean')
    problems.push({ path: [...path, 'dealbreaker'], message: 'must be true or false' });
  return problems;
}

/** The largest weight of a question: enough to make one question count a hundred times
 * another, small enough that a score is always a finite number. */
export const MAX_WEIGHT = 100;

function questionProblems(q: unknown, path: Path): Problem[] {
  if (!isObject(q)) return [{ path, message: 'must be a map with id, text and answers' }];
  const problems = unknownKeys(q, ['id', 'text', 'help', 'weight', 'answers'], path);
  if (typeof q.id !== 'string' || !ID.test(q.id))
    problems.push({ path: [...path, 'id'], message: 'must be lower-case words and dashes, such as who-helps' });
  problems.push(...textProblems(q.text, [...path, 'text'], true));
  problems.push(...textProblems(q.help, [...path, 'help'], false));
  if (q.weight !== undefined && (typeof q.weight !== 'number' || !(q.weight > 0 && q.weight <= MAX_WEIGHT)))
    problems.push({ path: [...path, 'weight'], message: `must be a positive number, at most ${MAX_WEIGHT}` });
  if (!Array.isArray(q.answers) || q.answers.length === 0) {
    problems.push({ path: [...path, 'answers'], message: 'must be a list of at least one answer' });
    return problems;
  }
  const seen = new Set<string>();
  q.answers.forEach((a, i) => {
    problems.push(...answerProblems(a, [...path, 'answers', i]));
    if (isObject(a) && typeof a.value === 'string') {
      if (seen.has(a.value)) problems.push({ path: [...path, 'answers', i, 'value'], message: `"${a.value}" appears twice in this question` });
      seen.add(a.value);
    }
  });
  return problems;
}

/** Checks a parsed checklist document; every problem is named with its path. */
export function validateChecklist(doc: unknown): Validated<Checklist> {
  if (!isObject(doc)) return { errors: [{ path: [], message: 'a checklist must be a map with id, version, title and questions' }] };
  const problems = unknownKeys(doc, ['id', 'version', 'title', 'description', 'questions'], []);
  if (typeof doc.id !== 'string' || !ID.test(doc.id))
    problems.push({ path: ['id'], message: 'must be lower-case words and dashes, such as general' });
  if (!Number.isInteger(doc.version) || (doc.version as number) < 1)
    problems.push({ path: ['version'], message: 'must be a whole number from 1 up' });
  problems.push(...textProblems(doc.title, ['title'], true));
  problems.push(...textProblems(doc.description, ['description'], false));
  if (!Array.isArray(doc.questions) || doc.questions.length === 0) {
    problems.push({ path: ['questions'], message: 'must be a list of at least one question' });
  } else {
    const seen = new Set<string>();
    doc.questions.forEach((q, i) => {
      problems.push(...questionProblems(q, ['questions', i]));
      if (isObject(q) && typeof q.id === 'string') {
        if (seen.has(q.id)) problems.push({ path: ['questions', i, 'id'], message: `"${q.id}" appears twice in this checklist` });
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
      answers: q.answers.some((a) => a.value === 'unknown') ? q.answers : [...q.answers, UNKNOWN_ANSWER],
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
    const value = answers[q.id];
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
  const missing = checklist.questions.filter((q) => !(q.id in answers)).map((q) => q.id);
  return { problems, missing };
}

/** The answers that most pulled the score down, worst first (score below 0.6, or unknown). */
export function weakestAnswers(result: CheckResult, limit = 3): ScoredAnswer[] {
  return result.answers
    .filter((a) => a.score !== null && a.score < 0.6)
    .sort((a, b) => b.weight * (1 - (b.score ?? 1)) - a.weight * (1 - (a.score ?? 1)))
    .slice(0, limit);
}
