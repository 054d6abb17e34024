// The local time zone, as what is worked out from times read in it is kept under (cached
// verdicts, digests of timelines). Read from the environment and the clock: not in domain/.

import { timeZoneChanged } from './domain/dates.js';

/**
 * The local time zone as judging meets it: the TZ setting and this year's offsets from UTC in
 * winter and in summer (asking Intl for the zone's name costs some 15 ms at start-up).
 */
export function localZone(year = new Date().getFullYear()): string {
  return `${process.env.TZ ?? ''}\u0000${new Date(year, 0, 1).getTimezoneOffset()}\u0000${new Date(year, 6, 1).getTimezoneOffset()}`;
}

let zoneKept: string | undefined;

/** localZone() as it was first asked, until localZoneChanged(): for what asks it thousands of times (an import keeps a digest an incident). */
export function keptLocalZone(): string {
  return (zoneKept ??= localZone());
}

/**
 * Forgets the zone kept, and the local days the dates keep (timeZoneChanged): for a process that
 * changes its time zone (`process.env.TZ`), as tests do; the CLI never does.
 */
export function localZoneChanged(): void {
  zoneKept = undefined;
  timeZoneChanged();
}
