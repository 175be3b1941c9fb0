/**
 * A CSR's PIN the reader read under a PIN caption it knows is labelled for the review, however the scan
 * drifted. The review used to look for the caption again in its own index of the page; on a scanned
 * portal card (captions in one column, values in another far to their right, every word's box a little
 * off its line) it found none and said the PIN was "not under its label": a planted difference was only
 * a check, and an LOA that gives no PIN only a look. The extraction now keeps how its PIN was found (the
 * caption's words and box), stored with the document, and the review weighs that first:
 * - a PIN read under its caption, in several wordings, differing from the LOA's: a rejection; the same
 *   PIN: a match; no PIN on the LOA: the account's PIN is missing;
 * - one digit OCR confuses (3 for 8) between them is a check, never a rejection;
 * - a PIN the reader took under a caption only its shape made one (no vocabulary knows its words): a
 *   check, as before;
 * - a document stored before readings kept how they were found: reviewed as before (a check).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentRepository } from '../../electron/core/documents/store.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { openCore } from '../../electron/core/index.js';
import { toExtracted } from '../../electron/core/review/review.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { codes, run } from '../helpers/compare.js';
import { ocrWords, pageOfLines, rewrite } from '../helpers/pages.js';
import { loaWithPin } from '../helpers/review-pages.js';
import { tempDir } from '../helpers/tmp.js';

const PIN = 'PASSCODE_PIN_INVALID';

/**
 * A scanned carrier portal's account card: captions in a column at x 310, their values in a column at
 * x 427 (a wide gap), every word's box off its line by a point or two as a scan sets it, the PIN's
 * caption `caption` (its words from x 311) over the PIN a little lower than its caption.
 */
const portalCard = (caption: string) => (pin: string) => {
  const words: [number, number, string, number, number][] = [
    [52.2, 31.7, 'Windstream', 68.1, 11.6],
    [488.3, 42.5, 'Account', 27.0, 6.8],
    [517.2, 44.4, 'Service', 25.9, 4.3],
    [546.3, 44.5, 'Record', 23.0, 3.9],
    [52.1, 63.4, 'INQUIRY', 35.4, 7.5],
    [91.5, 62.5, 'DATE:', 22.8, 8.7],
    [168.4, 65.7, 'February', 38.0, 6.8],
    [210.6, 65.6, '12,', 17.0, 7.2],
    [230.6, 65.6, '2024', 20.2, 5.7],
    [51.9, 77.7, 'LEGAL', 25.1, 5.6],
    [82.1, 77.6, 'NAME', 17.9, 5.5],
    [105.8, 78.2, 'OF', 10.4, 5.5],
    [52.5, 87.7, 'CUSTOMER:', 41.6, 7.1],
    [169.3, 78.8, 'Prairie', 30.9, 7.4],
    [206.1, 80.6, 'Wind', 21.1, 6.3],
    [230.6, 78.1, 'Chiropractic', 57.6, 8.2],
    [167.1, 87.8, 'Center,', 34.0, 7.9],
    [208.3, 88.6, 'Corp.', 21.8, 7.2],
    [51.6, 100.7, 'MASTER', 29.3, 5.9],
    [86.3, 100.2, 'ACCOUNT:', 36.4, 8.1],
    [166.9, 102.7, '458367315', 43.6, 7.8],
    [52.0, 113.1, 'BILLING', 34.8, 9.3],
    [89.0, 115.9, 'TEL.', 19.4, 4.2],
    [113.1, 113.8, 'NUMBER:', 34.7, 8.2],
    [167.3, 115.7, '+1', 9.7, 6.4],
    [181.1, 116.3, '319', 17.1, 7.4],
    [203.0, 116.4, '603', 13.3, 6.4],
    [219.4, 115.5, '4710', 19.2, 6.1],
    [309.4, 65.6, 'AUTHORIZED', 48.4, 8.1],
    [362.5, 67.4, 'USER:', 23.6, 7.7],
    [426.7, 69.9, 'Priya', 24.6, 4.7],
    [454.5, 70.1, 'Whitaker', 40.3, 5.6],
    [311.1, 79.3, 'PASS', 17.6, 7.1],
    [334.1, 80.0, 'CODE:', 24.2, 6.9],
    [427.0, 81.6, pin, 4.6 * pin.length, 7.3],
    [310.5, 93.6, 'STATUS:', 32.4, 8.4],
    [426.4, 96.1, 'ACTIVE', 29.2, 6.2],
  ];
  const page = ocrWords(words.map(([x, y, text, w, h]) => [x, y, text, w, h]));
  return rewrite(page, ['PASS', 'CODE:'], caption.split(' '));
};

/** An LOA that gives no PIN. */
const loaWithoutPin = () =>
  pageOfLines([
    [40, 60, 'Letter of Agency'],
    [40, 90, 'Customer Name: Prairie Wind Chiropractic Center, Corp.'],
  ]);

const opened: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
});

/**
 * The review of an LOA and a CSR as the app reviews a case after a restart: each document's pages and
 * extracted fields stored in a real SQLite file and read back (`keep` edits the CSR's fields before they
 * are stored: an older extraction's shape).
 */
async function reviewStored(
  loa: PageText[],
  csr: PageText[],
  keep: (f: ExtractedFields) => ExtractedFields = (f) => f,
) {
  const core = openCore({ dataDir: tempDir('portdesk-pin-why-'), hostKind: 'loopback', actor: 'tester' });
  opened.push(core);
  const kase = await core.call('cases.create', { fields: { entity_name: 'Prairie Wind Chiropractic Center, Corp.' } });
  const repo = new DocumentRepository(core.ctx.db, core.ctx.now);
  const stored = (kind: 'loa' | 'csr', pages: PageText[], edit: (f: ExtractedFields) => ExtractedFields) => {
    const id = repo.create({
      caseId: kase.id,
      sha256: (kind === 'loa' ? 'a' : 'b').repeat(64),
      name: `${kind}.pdf`,
      mime: 'application/pdf',
      size: 1,
      pages: pages.length,
    });
    repo.savePages(id, pages);
    repo.saveExtracted(id, edit(extractFields(pages, kind).fields), 'extraction');
    return { fields: toExtracted(repo.fields(id), repo.extractedCandidates(id)), pages: repo.pages(id) };
  };
  const l = stored('loa', loa, (f) => f);
  const c = stored('csr', csr, keep);
  return { result: run({ loa: l.fields, csr: c.fields, pages: { loa: l.pages, csr: c.pages } }), csr: c.fields };
}

const pinCheck = (r: ReturnType<typeof run>) => r.checks.find((c) => c.field === 'pin');

describe("a scanned CSR's PIN read under its caption is labelled, the caption kept with the document", () => {
  for (const caption of ['PASS CODE:', 'Port Out Passcode:', 'Account PIN:', 'Security Code:'])
    it(`"${caption}": a PIN differing from the LOA's is a rejection, the same PIN a match, none on the LOA missing`, async () => {
      const differ = await reviewStored(loaWithPin('5802'), portalCard(caption)('9357'));
      // (what the reader kept: the caption it read the PIN under, and where, beside the PIN)
      const why = differ.csr.pin?.candidates?.[0]?.why;
      expect(why?.source).toBe('label');
      expect(why?.label_bbox?.[0]).toBeCloseTo(311.1, 0);
      expect(codes(differ.result)).toContain(PIN);
      expect(differ.result.fields.pin.verdict).toBe('mismatch');
      expect(pinCheck(differ.result)).toBeUndefined();

      const same = await reviewStored(loaWithPin('9357'), portalCard(caption)('9357'));
      expect(same.result.fields.pin.verdict).toBe('match');
      expect(codes(same.result)).not.toContain(PIN);

      const none = await reviewStored(loaWithoutPin(), portalCard(caption)('9357'));
      expect(none.result.fields.pin.verdict).toBe('missing');
      expect(codes(none.result)).toContain(PIN);
    });

  it('one digit OCR confuses (3 read for 8) between the two PINs is a check, never a rejection', async () => {
    const slip = await reviewStored(loaWithPin('9857'), portalCard('PASS CODE:')('9357'));
    expect(codes(slip.result)).not.toContain(PIN);
    expect(slip.result.fields.pin.verdict).toBe('check');
  });

  for (const [read, loaPin, how] of [
    ['SB77', '5877', 'in lookalike letters'],
    ['41540', '41540036', 'cut short (OCR split it)'],
  ] as const)
    it(`a scan's reading that is the LOA's PIN ${how} ("${read}" for ${loaPin}) is a check, never a rejection`, async () => {
      const misread = await reviewStored(loaWithPin(loaPin), portalCard('PASS CODE:')(read));
      expect(codes(misread.result)).not.toContain(PIN);
      expect(misread.result.fields.pin.verdict).toBe('check');
    });
});

describe('a PIN the reader did not read under a PIN caption it knows stays a check', () => {
  it("a PIN the reader took under a caption only its shape made one ('Release Key:') is a check", async () => {
    const differ = await reviewStored(loaWithPin('5802'), portalCard('Release Key:')('9357'));
    const why = differ.csr.pin?.candidates?.[0]?.why;
    expect(differ.csr.pin?.value).toBe('9357');
    expect(why?.source).toBe('shape');
    expect(codes(differ.result)).not.toContain(PIN);
    // (the check names the caption the reader took it under, where the specialist looks)
    expect(pinCheck(differ.result)?.why).toMatch(/under no PIN label .*under "Release Key"/);
  });

  it('a document stored before readings kept how they were found is reviewed as before: a check', async () => {
    const withoutWhy = (f: ExtractedFields): ExtractedFields => {
      const { candidates: _old, ...pin } = f.pin!;
      return { ...f, pin };
    };
    const differ = await reviewStored(loaWithPin('5802'), portalCard('PASS CODE:')('9357'), withoutWhy);
    expect(differ.csr.pin?.value).toBe('9357');
    expect(differ.csr.pin?.candidates).toBeUndefined();
    expect(codes(differ.result)).not.toContain(PIN);
    expect(differ.result.fields.pin.verdict).toBe('check');
  });
});
