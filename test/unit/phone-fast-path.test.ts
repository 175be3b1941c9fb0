import { describe, expect, it } from 'vitest';
import { parseNumber, parseNumberWithLibrary, splitNumberList, validNanpE164 } from '../../shared/domain/phone.js';

/** A small deterministic generator, so a failure names the same inputs every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}
const pad = (n: number, w: number) => String(n).padStart(w, '0');

const SHAPES: ((a: string, e: string, l: string) => string)[] = [
  (a, e, l) => `${a}${e}${l}`,
  (a, e, l) => `(${a}) ${e}-${l}`,
  (a, e, l) => `(${a})${e}-${l}`,
  (a, e, l) => `${a}-${e}-${l}`,
  (a, e, l) => `${a}.${e}.${l}`,
  (a, e, l) => `${a} ${e} ${l}`,
  (a, e, l) => `1${a}${e}${l}`,
  (a, e, l) => `1-${a}-${e}-${l}`,
  (a, e, l) => `1 (${a}) ${e}-${l}`,
  (a, e, l) => `+1${a}${e}${l}`,
  (a, e, l) => `+1 ${a} ${e} ${l}`,
  (a, e, l) => `+1 (${a}) ${e}-${l}`,
  (a, e, l) => `  ${a}-${e}-${l}  `,
  (a, e, l) => `( ${a}) ${e}-${l}`,
  (a, e, l) => `(${a} )${e}-${l}`,
  (a, e, l) => `1 ( ${a} ) ${e} ${l}`,
  // shapes the fast path must leave to the library
  (a, e, l) => `(${a} ${e}-${l}`,
  (a, e, l) => `${a}--${e}-${l}`,
  (a, e, l) => `${a}-${e}-${l} x12`,
  (a, e, l) => `+${a}${e}${l}`,
  (a, e, l) => `11${a}${e}${l}`,
  (a, e, l) => `${a}${e}${l}9`,
  (a, e, l) => `${a}/${e}/${l}`,
];

describe('NANP fast path', () => {
  it('reads an area code with a space inside its brackets, as a scanned comb form gives it', () => {
    for (const [text, e164] of [
      ['( 385) 555-0101', '+13855550101'],
      ['(385 ) 555-0101', '+13855550101'],
      ['( 801 )555-0199', '+18015550199'],
      ['+1 ( 212) 555 0144', '+12125550144'],
    ] as const) {
      expect(validNanpE164(text), text).toBe(e164);
      expect(parseNumber(text), text).toEqual({ ok: true, raw: text, e164 });
      expect(splitNumberList(`${text}; 312.555.0148`), text).toEqual([text, '312.555.0148']);
    }
    // one bracket alone is no area code of this shape
    expect(validNanpE164('( 385 555-0101')).toBeNull();
  });

  it("gives exactly the library's E.164 and validity over every area code, odd exchanges and many shapes", () => {
    const next = rng(11);
    // N11 service codes, 0xx/1xx (never valid as an exchange or an area code), 555, 958/959, and random ones
    const oddExchanges = [
      '011',
      '111',
      '211',
      '311',
      '411',
      '511',
      '611',
      '711',
      '811',
      '911',
      '000',
      '099',
      '100',
      '199',
      '555',
      '958',
      '959',
      '976',
    ];
    let fast = 0;
    let compared = 0;
    const mismatches: string[] = [];
    for (let area = 0; area < 1000; area++) {
      for (let k = 0; k < 6; k++) {
        const exchange = k < 2 ? oddExchanges[next(oddExchanges.length)]! : pad(next(1000), 3);
        const shape = SHAPES[next(SHAPES.length)]!;
        const input = shape(pad(area, 3), exchange, pad(next(10000), 4));
        const got = parseNumber(input);
        const want = parseNumberWithLibrary(input);
        compared++;
        if (validNanpE164(input.trim())) fast++;
        if (JSON.stringify(got) !== JSON.stringify(want))
          mismatches.push(`${input}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBe(6000);
    // the fast path is really taken for the common shapes (not everything falling back)
    expect(fast).toBeGreaterThan(1000);
  });

  it('never calls a number valid that the library rejects, and accepts every valid one in a common shape', () => {
    const next = rng(7);
    let validByLibrary = 0;
    for (let i = 0; i < 8000; i++) {
      const national = `${2 + next(8)}${pad(next(100), 2)}${pad(next(1000), 3)}${pad(next(10000), 4)}`;
      const lib = parseNumberWithLibrary(national);
      const fast = validNanpE164(national);
      if (lib.ok) validByLibrary++;
      expect([national, fast]).toEqual([national, lib.ok ? lib.e164 : null]);
    }
    expect(validByLibrary).toBeGreaterThan(1000);
  });

  it('keeps Canadian and Caribbean numbers on +1 and other regions on the library', () => {
    expect(parseNumber('(416) 555-1234')).toEqual({ ok: true, raw: '(416) 555-1234', e164: '+14165551234' });
    expect(parseNumber('1 809 555 1234')).toEqual(parseNumberWithLibrary('1 809 555 1234'));
    expect(parseNumber('212-911-0100')).toEqual(parseNumberWithLibrary('212-911-0100'));
    expect(parseNumber('212-155-0100')).toMatchObject({ ok: false, error: 'not a valid number for its region' });
    expect(parseNumber('020 7946 0018', 'GB')).toEqual(parseNumberWithLibrary('020 7946 0018', 'GB'));
  });

  it('splits pasted lists the same way with the shortcut for one common number per chunk', () => {
    expect(splitNumberList('(312) 555-0147; 312.555.0148\n+1 312 555 0149')).toEqual([
      '(312) 555-0147',
      '312.555.0148',
      '+1 312 555 0149',
    ]);
    expect(splitNumberList('3125550147 3125550148')).toEqual(['3125550147', '3125550148']);
    expect(splitNumberList('312 555 0147')).toEqual(['312 555 0147']);
    expect(splitNumberList('1 3125550147')).toEqual(['1 3125550147']);
    expect(splitNumberList('(312) 555-0147 (312) 555-0148')).toEqual(['(312) 555-0147', '(312) 555-0148']);
  });
});
