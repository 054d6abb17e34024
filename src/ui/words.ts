// The few interface words shown around checklists, in English and Russian.

import type { Lang } from '../domain/checklist.js';

const WORDS = {
  en: {
    questionOf: (n: number, total: number) => `question ${n} of ${total}`,
    howToFind: 'How to find out',
    notePrompt: 'Note (where you found this; Enter to skip)',
    score: 'Score',
    verdict: { go: 'go', caution: 'caution', avoid: 'avoid' },
    verdictLine: { go: 'safe to buy from', caution: 'buy with care', avoid: 'do not buy from this vendor' },
    dealbreakers: 'Dealbreakers',
    none: 'none',
    weakest: 'Weakest answers',
    askBefore: 'Before you pay, ask the vendor',
    evidence: 'evidence',
    stored: (id: string) => `saved as check ${id}`,
    weight: 'weight',
    notCounted: 'not counted',
  },
  ru: {
    questionOf: (n: number, total: number) => `вопрос ${n} из ${total}`,
    howToFind: 'Как выяснить',
    notePrompt: 'Заметка (где вы это узнали; Enter — пропустить)',
    score: 'Оценка',
    verdict: { go: 'можно', caution: 'осторожно', avoid: 'избегать' },
    verdictLine: { go: 'у этого продавца можно покупать', caution: 'покупайте с осторожностью', avoid: 'у этого продавца лучше не покупать' },
    dealbreakers: 'Неприемлемые ответы',
    none: 'нет',
    weakest: 'Самые слабые ответы',
    askBefore: 'Прежде чем платить, спросите продавца',
    evidence: 'источник',
    stored: (id: string) => `сохранено как проверка ${id}`,
    weight: 'вес',
    notCounted: 'не учитывается',
  },
} as const;

export type Words = (typeof WORDS)['en'];

export function wordsFor(lang: Lang): Words {
  return WORDS[lang] as unknown as Words;
}

/** An English noun with its indefinite article: "a promise", "an explanation". */
export function a(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** A count with its noun: "1 question", "2 questions". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
