// The pure parts of sources: suggesting links between names, the public record's figures, and
// whether two shared files say the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexNames, nameTokens, suggestNames, type NameSuggestion } from '../../src/domain/name-match.js';
import { companyKey, lookalikeSkeleton } from '../../src/domain/names.js';
import { complaintRecord, emptyCounts, sameSharedContent, type ComplaintCounts, type SharedCompany } from '../../src/domain/sources.js';

describe('nameTokens', () => {
  it.each([
    ['BANK OF AMERICA, NATIONAL ASSOCIATION', ['bank', 'america']],
    ['Bank of America, N.A.', ['bank', 'america']],
    ['PNC Bank N.A.', ['pnc', 'bank']],
    ['TRANSUNION INTERMEDIATE HOLDINGS, INC.', ['transunion', 'intermediate']],
    ['Experian Information Solutions Inc.', ['experian', 'information', 'solutions']],
    ['WELLS FARGO & COMPANY', ['wells', 'fargo']],
    ['ООО «Волгателеком»', ['волгателеком']],
  ])('%s -> %j', (name, tokens) => {
    expect(nameTokens(name)).toEqual(tokens);
  });
});

describe('suggestNames', () => {
  const names = [
    { id: 1, name: 'BANK OF AMERICA, NATIONAL ASSOCIATION', complaints: 91 },
    { id: 2, name: 'DISCOVER BANK', complaints: 42 },
    { id: 3, name: 'CAPITAL ONE FINANCIAL CORPORATION', complaints: 110 },
    { id: 4, name: 'Experian Information Solutions Inc.', complaints: 850 },
    { id: 5, name: 'EQUIFAX, INC.', complaints: 497 },
  ];
  const index = indexNames(names);
  it.each([
    [['Bank of America'], ['BANK OF AMERICA, NATIONAL ASSOCIATION']],
    [['Capital One'], ['CAPITAL ONE FINANCIAL CORPORATION']],
    [['Experian'], []],
    [['Experian', 'Experian Information Solutions'], ['Experian Information Solutions Inc.']],
    [['Zappos'], []],
  ])('%j -> %j', (user, expected) => {
    expect(suggestNames(user, names, index).map((s) => s.name)).toEqual(expected);
  });
  it('suggests a name in lookalike letters, or with a character that shows nothing inside a word, as the name it looks like', () => {
    const odd = [
      { id: 1, name: 'Ozоn' }, // a Cyrillic о
      { id: 2, name: 'Volga\u200btelecom' },
      { id: 3, name: 'Unrelated Shop' },
      { id: 4, name: 'Exp\u{E0078}erian' }, // a tag character, which shows nothing
    ];
    const oddIndex = indexNames(odd);
    expect(suggestNames(['Experian'], odd, oddIndex)).toEqual([{ id: 4, name: 'Exp\u{E0078}erian', score: 1, linked: false }]);
    expect(suggestNames(['Ozon'], odd, oddIndex)).toEqual([{ id: 1, name: 'Ozоn', score: 1, linked: false }]);
    expect(suggestNames(['Volgatelecom'], odd, oddIndex)).toEqual([{ id: 2, name: 'Volga\u200btelecom', score: 1, linked: false }]);
  });

  it('puts a name the company answers to already first, as linked', () => {
    const s = suggestNames(['Equifax', 'EQUIFAX, INC.'], names, index);
    expect(s[0]).toMatchObject({ name: 'EQUIFAX, INC.', linked: true });
  });

  it('suggests, in the same order, what scoring every name against each of the company’s names suggests', () => {
    // The plain reading: every name compared by key, every name that shares a word scored.
    const plain = (userNames: string[], candidates: { id: number; name: string; complaints: number }[]) => {
      const words = (name: string) => [...new Set(nameTokens(name).map(lookalikeSkeleton))];
      const keys = new Set(userNames.map(companyKey));
      const out = new Map<number, NameSuggestion>();
      candidates.forEach((c, i) => keys.has(companyKey(c.name)) && out.set(i, { id: c.id, name: c.name, score: 1, linked: true }));
      for (const user of userNames) {
        const tokens = words(user);
        if (!tokens.length) continue;
        const hits = new Map<number, number>();
        for (const t of tokens) candidates.forEach((c, i) => words(c.name).includes(t) && hits.set(i, (hits.get(i) ?? 0) + 1));
        for (const [i, shared] of hits) {
          const score = shared / (tokens.length + words(candidates[i].name).length - shared);
          if (out.get(i)?.linked || shared / tokens.length < 0.5 || score < 0.4) continue;
          if (score > (out.get(i)?.score ?? 0)) out.set(i, { id: candidates[i].id, name: candidates[i].name, score, linked: false });
        }
      }
      return [...out.entries()]
        .sort(([ia, a], [ib, b]) => Number(b.linked) - Number(a.linked) || b.score - a.score || candidates[ib].complaints - candidates[ia].complaints || (a.name < b.name ? -1 : 1))
        .map(([, s]) => s);
    };
    // Few words, so that names share them often; legal forms, case, lookalike letters and the same name twice.
    const word = fc.constantFrom('acme', 'Acme', 'ACME', 'shop', 'store', 'bank', 'of', 'america', 'N.A.', 'Inc.', 'LLC', 'the', 'one', 'ozon', 'ozоn', 'волга', 'елка', 'ёлка', '1', '2');
    const name = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
    const source = fc.array(fc.record({ name, complaints: fc.integer({ min: 0, max: 2 }) }), { maxLength: 40 }).map((cs) => cs.map((c, k) => ({ id: k + 1, ...c })));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 3 }), source, (userNames, candidates) => {
        expect(suggestNames(userNames, candidates, indexNames(candidates), Infinity)).toEqual(plain(userNames, candidates));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('complaintRecord', () => {
  const row = (month: string, product: string, c: Partial<ComplaintCounts>) => ({ month, product, ...emptyCounts(), ...c });
  it('counts the 12 months up to the last one and the 12 before, and hides rates under 30 complaints', () => {
    const rows = [
      row('2020-03', 'Mortgage', { complaints: 20, timely: 19, untimely: 1, monetary: 2, non_monetary: 3 }),
      row('2019-04', 'Card', { complaints: 20, timely: 20, monetary: 1 }),
      row('2019-03', 'Card', { complaints: 7, timely: 7 }),
      row('2018-04', 'Card', { complaints: 5, timely: 5 }),
      row('2018-03', 'Card', { complaints: 100, timely: 100 }),
    ];
    const r = complaintRecord(rows, '2020-03');
    expect(r.last12).toMatchObject({ from: '2019-04', to: '2020-03', complaints: 40 });
    expect(r.last12.monetary_relief).toEqual({ count: 3, of: 40, rate: 3 / 40 });
    expect(r.last12.any_relief).toEqual({ count: 6, of: 40, rate: 6 / 40 });
    expect(r.last12.untimely).toEqual({ count: 1, of: 40, rate: 1 / 40 });
    expect(r.previous12).toMatchObject({ from: '2018-04', to: '2019-03', complaints: 12 });
    expect(r.previous12!.monetary_relief.rate).toBeNull();
    expect(r.all_time).toBe(152);
    expect(r.top_products).toEqual([{ product: 'Card', complaints: 20 }, { product: 'Mortgage', complaints: 20 }]);
    expect(r.disputed).toBeNull();
  });
  it('says a period the record does not cover is not covered, rather than none; counts the last 12 months from its first month', () => {
    const rows = [row('2013-07', 'Card', { complaints: 4 }), row('2013-08', 'Card', { complaints: 10 })];
    const r = complaintRecord(rows, '2013-08', [], '2013-07');
    expect(r.last12).toMatchObject({ from: '2013-07', to: '2013-08', complaints: 14 });
    expect(r.previous12).toBeNull();
    // Starting within the 12 before: those are counted from its first month.
    expect(complaintRecord(rows, '2014-08', [], '2013-07').previous12).toMatchObject({ from: '2013-07', to: '2013-08', complaints: 14 });
    // Without its first month known, as before.
    expect(complaintRecord(rows, '2013-08').previous12).toMatchObject({ from: '2011-09', complaints: 0 });
  });
  it('counts disputes only from the months when they existed', () => {
    const r = complaintRecord(
      [row('2017-04', 'Card', { complaints: 40, disputed_yes: 10, disputed_no: 30 }), row('2017-05', 'Card', { complaints: 40, disputed_yes: 40 })],
      '2017-05',
    );
    expect(r.disputed).toEqual({ count: 10, of: 40, rate: 0.25 });
  });
});

describe('sameSharedContent', () => {
  const reason = { rule: 'B2', text: 'broke 4 promises', date: '2026-11-20', evidence: ['incident:acme-1'] };
  const acme: SharedCompany = { name: 'Acme', aliases: ['ACME Ltd', 'Акме'], list: { list: 'black', since: '2026-11-20', pinned: false, reasons: [reason] }, evidence: [{ kind: 'incident', data: { id: 'acme-1', title: 'Late', events: [{ at: '2026-11-20T10:00', type: 'note' }] } }] };
  const zed: SharedCompany = { name: 'Zed', aliases: [], list: { list: 'white', since: null, pinned: true, reasons: [{ rule: 'pin', text: 'kind', evidence: [] }] } };
  const plain: SharedCompany = { name: 'Plain', aliases: [] };
  it.each<[string, SharedCompany[], boolean]>([
    ['the same, in another order, keys laid out otherwise, a key left out', [zed, plain, { evidence: acme.evidence, list: { reasons: [{ evidence: reason.evidence, date: reason.date, text: reason.text, rule: 'B2', text_ru: undefined }], pinned: false, since: '2026-11-20', list: 'black' }, aliases: ['Акме', 'ACME Ltd'], name: 'Acme' }], true],
    ['a company on another list', [{ ...acme, list: { ...acme.list!, list: 'watch' } }, zed, plain], false],
    ['another reason', [{ ...acme, list: { ...acme.list!, reasons: [{ ...reason, text: 'broke 5 promises' }] } }, zed, plain], false],
    ['other evidence', [{ ...acme, evidence: [{ kind: 'incident', data: { id: 'acme-1', title: 'Very late', events: [] } }] }, zed, plain], false],
    ['a company no longer listed', [acme, zed, { ...plain, list: undefined }], true],
    ['a company listed that was not', [acme, zed, { ...plain, list: zed.list }], false],
    ['a company fewer', [acme, zed], false],
    ['a company more', [acme, zed, plain, { name: 'New', aliases: [] }], false],
    ['a company under another name', [acme, zed, { name: 'Plain Co', aliases: [] }], false],
    ['an alias more', [{ ...acme, aliases: [...acme.aliases, 'Acme Inc'] }, zed, plain], false],
  ])('%s: %s', (_, other, same) => {
    expect(sameSharedContent([acme, zed, plain], other)).toBe(same);
  });
  it('takes the evidence of a company in any order: a file may give its checks and incidents so', () => {
    const two = [{ kind: 'check' as const, data: { id: 'c-1', score: 40 } }, ...acme.evidence!];
    expect(sameSharedContent([{ ...acme, evidence: two }, zed], [zed, { ...acme, evidence: [...two].reverse() }])).toBe(true);
  });
});
