// Store tests call the store's writing methods one by one; the journal takes only writes made
// inside an operation. This wraps each such call that is not inside one in an operation of its own.
import type { Store } from '../../src/store/store.js';

const WRITES = new Set([
  'createCompany', 'ensureCompany', 'addAlias', 'updateCompany', 'insertCheck', 'insertIncident', 'addEvent', 'setIncidentClosed',
  'setPin', 'removePin', 'renameCompany', 'mergeCompanies', 'editCompany', 'removeCompany', 'updateIncident', 'removeIncident',
  'reopenIncident', 'updateEvent', 'removeEvent', 'removeCheck', 'setLastSeq', 'setIncidentClosedTo',
]);

export function journaled(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !WRITES.has(prop) || typeof value !== 'function') return value;
      return (...args: unknown[]) => target.write(() => (value as (...a: unknown[]) => unknown).apply(target, args), { summary: `test: ${prop}` });
    },
  });
}
