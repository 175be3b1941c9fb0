import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText, Word } from '../../shared/domain/document.js';

/*
 * A scan of a fixed-pitch value: OCR boxes each word by its ink, and a comma's ink ends more than half a
 * character before its character does, so "City," and the state after it stand a word space and most
 * of a character apart (dev scan loa-kv-39426: "Lake Havasu City, AZ 86406-7130", 6.5 pt apart on a
 * line 6.8 pt tall). The layout read that as a column gap and lost the service address; a gap after
 * a comma now counts from where the comma's character ends (layout.ts cellsOf).
 */

/** Fixed-pitch print as OCR boxes it: 4.5 pt a character, the ink 0.4 pt in from each side, a comma's ink 2 pt short. */
function monoLine(x: number, y: number, text: string, method: PageText['method']): Word[] {
  const pitch = 4.5;
  const out: Word[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const x0 = x + m.index * pitch;
    const cellEnd = x0 + m[0].length * pitch;
    // a text layer's box is the characters' cells; a scan's is the ink
    const x1 = method === 'ocr' ? cellEnd - (m[0].endsWith(',') ? 2.4 : 0.4) : cellEnd;
    const h = /[,gpqy]/.test(m[0]) ? 7.6 : 6;
    out.push({ text: m[0], bbox: [method === 'ocr' ? x0 + 0.4 : x0, y, x1, y + h], conf: method === 'ocr' ? 0.95 : 1 });
  }
  return out;
}

/** A proportional font's print (the form's captions): 5 pt a character, 2.4 pt word spaces. */
function proseLine(x: number, y: number, text: string, method: PageText['method']): Word[] {
  const out: Word[] = [];
  for (const w of text.split(' ')) {
    out.push({ text: w, bbox: [x, y, x + 5 * w.length, y + 6], conf: method === 'ocr' ? 0.95 : 1 });
    x += 5 * w.length + 2.4;
  }
  return out;
}

/** Lines of [x, y, text, fixed pitch?]. */
function page(lines: [number, number, string, boolean?][], method: PageText['method']): PageText[] {
  const words = lines.flatMap(([x, y, t, mono]) => (mono ? monoLine : proseLine)(x, y, t, method));
  return [{ page: 1, width: 612, height: 792, method, words }];
}

const address = (lines: [number, number, string, boolean?][], method: PageText['method'] = 'ocr') =>
  extractFields(page(lines, method), 'loa').fields.service_address?.value;

describe('a fixed-pitch address on a scan, a comma before its state', () => {
  it.each([
    [['INSTALLATION ADDRESS:', '9436 Maple Dr Suite 10', 'Lake Havasu City, AZ 86406-7130']],
    [['Service address:', '2865 MAPLE CT', 'SIOUX FALLS, SD 57107']],
    [['Location of service', '18422 Lake Lane', 'Juneau, AK 99812']],
  ])('reads city, state and ZIP as one address: %j', ([caption, street, city]) => {
    const lines: [number, number, string, boolean?][] = [
      [60, 80, 'Complete every field exactly as it appears on your current bill or Customer Service Record.'],
      [60, 100, 'LEGAL BUSINESS NAME:'],
      [180, 100, 'Timberline Physical Therapy', true],
      [60, 136, caption!],
      [180, 136, street!, true],
      [180, 146, city!, true],
      [60, 170, 'WORKING TELEPHONE NUMBERS:'],
      [180, 170, '928.952.2477', true],
      [60, 190, 'I authorize the carrier to act as my agent to port the numbers above.'],
    ];
    const [cityName, rest] = city!.split(', ');
    const [state, zip] = rest!.split(' ');
    for (const method of ['ocr', 'text'] as const)
      expect(address(lines, method)).toMatchObject({ city: cityName, state, zip5: zip!.slice(0, 5) });
  });

  it('keeps a name with a comma in it whole, and still parts the column a gap after it', () => {
    const pages = page(
      [
        [60, 80, 'Statement of your account for the period shown below, with all charges.'],
        [60, 100, 'Customer name:'],
        [140, 100, 'Levy, Corp', true],
        // the next column a character's width and more than a word space after the comma
        [140 + 11 * 4.5 + 14, 100, 'Invoice date: 03/14/2025', true],
      ],
      'ocr',
    );
    expect(extractFields(pages, 'invoice').fields.account_name?.value).toBe('Levy, Corp');
  });
});
