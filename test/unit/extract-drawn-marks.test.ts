import { describe, expect, it } from 'vitest';
import type { BBox, PageText } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';

/** A text-layer LOA signature block: caption under a rule at y≈520, date beside it. */
function loaPage(marks?: BBox[]): PageText {
  const words: [number, number, string][] = [
    [72, 100, 'LETTER'],
    [130, 100, 'OF'],
    [152, 100, 'AUTHORIZATION'],
    [72, 140, 'Account'],
    [120, 140, 'Number:'],
    [170, 140, '7781-0'],
    [72, 160, 'Authorized'],
    [130, 160, 'Name:'],
    [170, 160, 'Dana'],
    [200, 160, 'Whitfield'],
    [72, 530, 'Signature'],
    [330, 530, 'Date:'],
    [360, 530, '03/14/2025'],
  ];
  return {
    page: 1,
    width: 612,
    height: 792,
    method: 'text',
    words: words.map(([x, y, text]) => ({ text, bbox: [x, y - 8, x + text.length * 5.5, y + 2] as BBox, conf: 1 })),
    ...(marks ? { marks } : {}),
  };
}

describe('drawn marks on a text page', () => {
  it('a mark above the Signature caption is a signature', () => {
    const r = extractFields([loaPage([[76, 492, 210, 518]])], 'loa');
    expect(r.fields.signature_present?.value).toBe(true);
    expect(r.fields.signature_present?.bbox).toEqual([76, 492, 210, 518]);
  });

  it('no mark, a mark far from the caption, or a flat rule-sized box is no signature', () => {
    expect(extractFields([loaPage()], 'loa').fields.signature_present?.value).toBe(false);
    // a logo at the top of the page
    expect(extractFields([loaPage([[400, 40, 540, 90]])], 'loa').fields.signature_present?.value).toBe(false);
    // an underline the reader would never report, but were it given: thinner than a letter
    expect(extractFields([loaPage([[72, 519, 300, 521]])], 'loa').fields.signature_present?.value).toBe(false);
  });
});
