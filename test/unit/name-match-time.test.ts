// `source match` suggests names for every company against a source's names: no company may go
// through all of them, to compare keys or because a word thousands of them hold is one of its
// own (300 companies "Acme Store N" against 20,000 names "Acme Shop M" took 9 s, 10,000
// companies against 50,000 shared names two minutes).
import { describe, expect, it } from 'vitest';
import { indexNames, suggestNames } from '../../src/domain/name-match.js';

describe('suggestNames among names that share a word', () => {
  it('matches companies in time of the order of reading the names once', () => {
    const names = Array.from({ length: 6_000 }, (_, k) => ({ id: k + 1, name: `Acme Shop ${k}` }));
    const companies = Array.from({ length: 300 }, (_, k) => [`Acme Store ${k}`]);
    const time = (f: () => void) => {
      const started = performance.now();
      f();
      return performance.now() - started;
    };
    indexNames(names);
    const [indexing, index] = [Math.min(...[1, 2, 3].map(() => time(() => indexNames(names)))), indexNames(names)];
    let suggested: ReturnType<typeof suggestNames>[] = [];
    const matching = time(() => (suggested = companies.map((c) => suggestNames(c, names, index))));
    // Each company alike in two words of three to one name only: "acme" alone is not enough.
    expect(suggested[7]).toEqual([{ id: 8, name: 'Acme Shop 7', score: 0.5, linked: false }]);
    expect(suggested.every((s, k) => s.length === 1 && s[0].name === `Acme Shop ${k}`)).toBe(true);
    // Walking through all the names for each company took some 190 times the reading of them;
    // leaving the names of "acme" alone, it takes a tenth of it or less.
    expect(matching).toBeLessThan(5 * Math.max(indexing, 1));
  });
});
