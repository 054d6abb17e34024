// JSON for stdout keeps its value, and shows no character that would act on a terminal or a
// reader of raw text: C1 controls, bidirectional marks and overrides, line separators.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inertJson, toJson } from '../../src/ui/safe.js';

/** The characters escaped, by their code. */
const isUnsafe = (c: number) => (c >= 0x7f && c <= 0x9f) || c === 0x200e || c === 0x200f || c === 0x61c || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x2028 || c === 0x2029;
const escaped = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
/** JSON's text with each unsafe character written as its escape, a UTF-16 unit at a time. */
const byUnits = (json: string) => Array.from({ length: json.length }, (_, k) => json.charCodeAt(k)).map((c) => (isUnsafe(c) ? escaped(c) : String.fromCharCode(c))).join('');
const SAMPLES = [...'\u007f\u0080\u0085\u009f\u200e\u200f\u061c\u202a\u202e\u2066\u2069\u2028\u2029'];

describe('toJson and inertJson', () => {
  it('are JSON.stringify with each unsafe character escaped, and the same value, for any text', () => {
    const unit = fc.oneof(fc.constantFrom(...SAMPLES, '\ud800', '\udc00', '😀', '\u{E0061}', '"', '\\', '\n', 'a', 'ж'), fc.string({ unit: 'binary', maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const value = { text, list: [text] };
        expect(toJson(value)).toBe(byUnits(JSON.stringify(value, null, 2)));
        expect(inertJson(value)).toBe(byUnits(JSON.stringify(value)));
        expect(JSON.parse(inertJson(value))).toEqual(value);
      }),
      { numRuns: 5_000 },
    );
  });

  it('escape each unsafe character as its code, and a character beyond the BMP not at all', () => {
    for (const ch of SAMPLES) expect(inertJson(ch)).toBe(`"${escaped(ch.charCodeAt(0))}"`);
    expect(inertJson('😀')).toBe('"😀"');
    expect(inertJson('\ud800')).toBe('"\\ud800"');
  });
});
