// The next steps of `due` in the catalog's words.

import type { Advice } from '../domain/incident.js';
import type { DeadlineStep } from '../domain/digest.js';
import type { Catalog } from '../i18n/index.js';

/** The step alone, in the words adviceWords gives it: what a calendar's event names. */
export function stepWords(c: Catalog, s: DeadlineStep): string {
  return s.kind === 'escalate' ? c.due.step.escalate(s.from) : c.due.step.afterFix(s.incident);
}

export function adviceWords(c: Catalog, a: Advice): { step: string; why: string } {
  const d = c.due;
  switch (a.kind) {
    case 'escalate':
      return { step: stepWords(c, a), why: d.why.escalate(a.broken, a.missed, a.since, a.refusals, a.from, a.here, a.quiet_days) };
    case 'tell':
      return { step: d.step.tell(a.incident), why: d.why.tell };
    case 'compensation':
      return { step: d.step.compensation, why: d.why.compensation(a.days) };
    case 'chase':
      return { step: d.step.chase, why: d.why.chase(a.days) };
    case 'after-fix':
      return { step: stepWords(c, a), why: d.why.afterFix(a.broken) };
    case 'timeline':
      return { step: d.step.timeline, why: d.why.timeline };
  }
}
