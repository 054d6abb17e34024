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
    stored: (id: number) => `saved as check ${id}`,
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
    stored: (id: number) => `сохранено как проверка ${id}`,
    weight: 'вес',
    notCounted: 'не учитывается',
  },
} as const;

export type Words = (typeof WORDS)['en'];

export function wordsFor(lang: Lang): Words {
  return WORDS[lang] as unknown as Words;
}
