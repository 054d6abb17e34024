// Listings written a piece at a time must be the very bytes of the whole value's JSON.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventEmitter } from 'node:events';
import { WRITE_SIZE, inWrites, jsonGroupPieces, jsonGroupTextPieces, textInGroup, toJson, writePieces } from '../../src/ui/safe.js';
import { jsonList, jsonListPieces } from '../../src/ui/json-out.js';

const whole = (groups: [string, unknown[]][]) => toJson(Object.fromEntries(groups));
const pieces = (groups: [string, unknown[]][]) => [...jsonGroupPieces(groups.map(([k, v]) => [k, v[Symbol.iterator]()]))].join('');
/** The same, of each value's text made beforehand (as the verdict cache keeps them). */
const textPieces = (groups: [string, unknown[]][]) => [...jsonGroupTextPieces(groups.map(([k, v]) => [k, v.map(textInGroup)[Symbol.iterator]()]))].join('');

describe('JSON of groups in pieces', () => {
  it('is toJson of the whole object: empty groups, one value, and more values than a batch', () => {
    const entry = (i: number) => ({ company: `Co ${i}`, since: i % 3 ? null : '2024-01-01', pinned: i % 2 === 0, reasons: i % 4 ? [] : [{ rule: 'B1', text: 'a', evidence: ['incident:x'] }] });
    for (const groups of [
      [] as [string, unknown[]][],
      [['black', []]] as [string, unknown[]][],
      [['black', [entry(1)]], ['white', []], ['watch', [entry(2), entry(3)]]] as [string, unknown[]][],
      [['black', Array.from({ length: 600 }, (_, i) => entry(i))], ['white', Array.from({ length: 256 }, (_, i) => entry(i))]] as [string, unknown[]][],
      [['a [b]: {c}', [entry(1)]], ['\u2028"\n', [entry(2)]]] as [string, unknown[]][],
    ]) {
      expect(pieces(groups)).toBe(whole(groups));
      expect(textPieces(groups)).toBe(whole(groups));
    }
  });

  it('is toJson of the whole object for any values, text that must be escaped included', () => {
    const value = fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ unit: 'binary' }), { maxLength: 3 }), fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), { maxKeys: 3 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.array(value, { maxLength: 300 })), { maxLength: 4 }), (raw) => {
        // Keys of an object are unique: the first of each key is kept, as the listing's are.
        const seen = new Set<string>();
        const groups = raw.filter(([k]) => !seen.has(k) && seen.add(k) && !/^\d+$/.test(k));
        expect(pieces(groups)).toBe(whole(groups));
        expect(textPieces(groups)).toBe(whole(groups));
      }),
      { numRuns: 100 },
    );
  });

  it('pieces joined into writes of the size a pipe holds lose and add nothing', () => {
    const parts = Array.from({ length: 5000 }, (_, i) => `${i}:${'x'.repeat(i % 700)}\n`);
    const joined = [...inWrites(parts)];
    expect(joined.join('')).toBe(parts.join(''));
    expect(joined.length).toBeGreaterThan(1);
    expect(joined.slice(0, -1).every((p) => p.length >= WRITE_SIZE)).toBe(true);
  });
});

describe('a JSON listing in pieces', () => {
  const listed = (items: unknown[], ndjson: boolean) => [...jsonListPieces(items[Symbol.iterator](), { json: !ndjson, ndjson })].join('');

  it('is jsonList of the whole array, as --json and as --ndjson: empty, one item, a batch and one more', () => {
    const report = (i: number) => ({ incident: `inc-${i}`, broken: i % 2 ? [] : [{ text: 'a "call" back', due: '2024-01-01' }], stale_days: i % 3 ? null : i });
    for (const n of [0, 1, 31, 32, 33, 64, 100]) {
      const items = Array.from({ length: n }, (_, i) => report(i));
      for (const ndjson of [false, true]) expect(listed(items, ndjson)).toBe(jsonList(items, { json: !ndjson, ndjson }));
    }
  });

  it('is jsonList of the whole array for any values, text that must be escaped included', () => {
    const value = fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.constant(null), fc.array(fc.string({ unit: 'binary' }), { maxLength: 3 }), fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), { maxKeys: 3 }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 120 }), fc.boolean(), (items, ndjson) => {
        expect(listed(items, ndjson)).toBe(jsonList(items, { json: !ndjson, ndjson }));
      }),
      { numRuns: 100 },
    );
  });
});

describe('writePieces', () => {
  it('waits for the reader: never a write while one is waiting to drain, and every byte in order', async () => {
    // A stream whose buffer is full after every write, drained a moment later.
    const written: string[] = [];
    let waiting = false;
    let made = 0;
    const stream = Object.assign(new EventEmitter(), {
      write(s: string) {
        expect(waiting).toBe(false);
        written.push(s);
        waiting = true;
        setTimeout(() => {
          waiting = false;
          stream.emit('drain');
        }, 1);
        return false;
      },
    });
    function* text() {
      for (let i = 0; i < 5000; i++) {
        made++;
        yield `piece ${i};`;
      }
    }
    await writePieces(stream, text());
    expect(made).toBe(5000);
    expect(written.length).toBeGreaterThan(2);
    expect(written.join('')).toBe([...text()].join(''));
  });

  it('writes straight on to a writer that never asks to wait', async () => {
    const out: string[] = [];
    await writePieces({ write: (s: string) => out.push(s) }, ['a', 'b', 'c']);
    expect(out.join('')).toBe('abc');
  });
});
