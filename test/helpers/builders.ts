// Small builders for the pure core's tests:
//   incident({ fault: 'company', events: [promise({ due: '2024-01-02' }), resolution('resolved', '2024-01-03T10:00')] })
// Every builder fills in the dull fields; a test names only what it is about.

import { msOf } from '../../src/domain/dates.js';
import type {
  CheckRecord,
  CheckVerdict,
  CompanyEvidence,
  Incident,
  IncidentEvent,
  Level,
  Outcome,
  Pin,
} from '../../src/domain/types.js';

/** The time of an event when a test does not care. */
export const DEFAULT_AT = '2024-01-01T10:00';

type Fields = Partial<Omit<IncidentEvent, 'type'>>;

function event(type: IncidentEvent['type'], p: Fields): IncidentEvent {
  return { at: DEFAULT_AT, type, ...p };
}

/**
 * An incident of Acme, at the company's fault, opened 2024-01-01T09:00. Events are kept
 * sorted by `at` the way the store keeps them (a stable sort: ties stay in the order given).
 */
export function incident(p: Partial<Incident> = {}): Incident {
  const events = [...(p.events ?? [])].sort((a, b) => msOf(a.at) - msOf(b.at));
  return { id: 'i1', company: 'Acme', title: 't', opened: '2024-01-01T09:00', fault: 'company', ...p, events };
}

export const contact = (p: Fields = {}): IncidentEvent => event('contact', p);
export const promise = (p: Fields & { due: string }): IncidentEvent => event('promise', { text: 'fixed tomorrow', ...p });
export const escalation = (level: Level, at: string = DEFAULT_AT): IncidentEvent => event('escalation', { level, at });
export const apology = (p: Fields = {}): IncidentEvent => event('apology', p);
export const explanation = (p: Fields = {}): IncidentEvent => event('explanation', p);
export const compensation = (p: Fields = {}): IncidentEvent => event('compensation', p);
export const refusal = (p: Fields = {}): IncidentEvent => event('refusal', p);
export const resolution = (outcome: Outcome, at: string = DEFAULT_AT): IncidentEvent => event('resolution', { outcome, at });
export const note = (p: Fields = {}): IncidentEvent => event('note', p);

/** The verdict the checklists give a score (CHECKLISTS.md): avoid below 50 or on a dealbreaker, go from 80. */
export function verdictFor(score: number, dealbreakers: string[] = []): CheckVerdict {
  if (dealbreakers.length || score < 50) return 'avoid';
  return score >= 80 ? 'go' : 'caution';
}

/** A check record of Acme on the general checklist; its verdict follows its score unless given. */
export function check(p: Partial<CheckRecord> = {}): CheckRecord {
  const score = p.score ?? 65;
  const dealbreakers = p.dealbreakers ?? [];
  return {
    id: 'acme-check-1',
    company: 'Acme',
    checklist: 'general',
    checklist_version: 1,
    at: '2024-01-01',
    verdict: verdictFor(score, dealbreakers),
    ...p,
    score,
    dealbreakers,
  };
}

export function pin(p: Partial<Pin> = {}): Pin {
  return { company: 'Acme', list: 'white', reason: 'they were kind', at: '2024-01-01', ...p };
}

/** Everything the policy sees of one company: nothing, unless given. */
export function evidence(p: Partial<CompanyEvidence> = {}): CompanyEvidence {
  return { company: 'Acme', checks: [], incidents: [], ...p };
}
