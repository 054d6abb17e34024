// The next steps of `due` in the catalog's words.

import type { Advice } from '../domain/incident.js';
import type { Catalog } from '../i18n/index.js';

export function adviceWords(c: Catalog, a: Advice): { step: string; why: string } {
  const d = c.due;
  switch (a.kind) {
    case 'escalate':
      return { step: d.step.escalate(a.from), why: d.why.escalate(a.broken, a.missed, a.since, a.refusals, a.from, a.here, a.quiet_days) };
    case 'tell':
      return { step: d.step.tell(a.incident), why: d.why.tell };
    case 'compensation':
      return { step: d.step.compensation, why: d.why.compensation(a.days) };
    case 'chase':
      return { step: d.step.chase, why: d.why.chase(a.days) };
    case 'after-fix':
      return { step: d.step.afterFix(a.incident), why: d.why.afterFix(a.broken) };
    case 'timeline':
      return { step: d.step.timeline, why: d.why.timeline };
  }
}
