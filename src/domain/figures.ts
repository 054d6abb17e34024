// Service figures of one company across its incidents: pure sums of the timelines.

import type { Incident, Level } from './types.js';
import { closingOf, highestLevel, isReachedUnknown, levelRank, promisesApart } from './incident.js';

export interface ServiceFigures {
  incidents: number;
  contacts: number;
  /** The contacts that reached a live person: where none logged its wait, the median is null, but a person was reached. */
  contacts_reached_human: number;
  /** The contacts (by letter or email aside) that do not say whether a person answered: counted neither as reaching one nor as not. */
  contacts_reached_human_unknown: number;
  median_minutes_to_human: number | null;
  blocked_share: number | null;
  promises_kept: number;
  promises_broken: number;
  resolved_share: number | null;
  apologies: number;
  explanations: number;
  compensations: number;
  proactive_compensations: number;
  highest_level: Level | null;
}

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const share = (n: number, of: number) => (of ? Math.round((1000 * n) / of) / 1000 : null);

export function serviceFigures(incidents: Incident[], now: number): ServiceFigures {
  const waits: number[] = [];
  let contacts = 0, reachedHuman = 0, unknown = 0, blocked = 0, kept = 0, broken = 0, resolved = 0;
  let apologies = 0, explanations = 0, compensations = 0, proactive = 0;
  let highest: Level | null = null;
  for (const i of incidents) {
    for (const e of i.events) {
      if (e.type === 'contact') {
        contacts++;
        if (e.robot || e.dropped) blocked++;
        if (e.reached_human) reachedHuman++;
        else if (isReachedUnknown(e)) unknown++;
        if (e.reached_human && e.wait_minutes !== undefined) waits.push(e.wait_minutes);
      } else if (e.type === 'apology') apologies++;
      else if (e.type === 'explanation') explanations++;
      else if (e.type === 'compensation') {
        compensations++;
        if (e.proactive) proactive++;
      }
    }
    // The company's own promises: a reply deadline of the customer's letter is not one it kept or broke.
    for (const p of promisesApart(i, now).company) {
      if (p.state === 'kept') kept++;
      else if (p.state === 'broken') broken++;
    }
    if (closingOf(i)?.outcome === 'resolved') resolved++;
    const h = highestLevel(i);
    if (i.events.length && (highest === null || levelRank(h) > levelRank(highest))) highest = h;
  }
  return {
    incidents: incidents.length,
    contacts,
    contacts_reached_human: reachedHuman,
    contacts_reached_human_unknown: unknown,
    median_minutes_to_human: median(waits),
    blocked_share: share(blocked, contacts),
    promises_kept: kept,
    promises_broken: broken,
    resolved_share: share(resolved, incidents.length),
    apologies,
    explanations,
    compensations,
    proactive_compensations: proactive,
    highest_level: highest,
  };
}
