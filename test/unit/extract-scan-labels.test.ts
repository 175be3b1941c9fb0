import { describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { buildLayout } from '../../electron/core/extract/layout.js';
import { devBadScanPort, reviewPort } from '../bench/review-ports.js';
import { codes } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * Issue 9/10: values a bad scan's CSR never gave because OCR broke its label: a label word split by a
 * stray space ("Conta ct", "contac t"), a hint in parentheses glued to its caption
 * ("CONTACT(AUTHORIZED)"), and the account's own contact named by its role ("Contact on account").
 */

const csr = (lines: string[], method: 'ocr' | 'text' = 'ocr') =>
  extractFields(
    page(
      lines.map((t, i) => [40, 100 + i * 20, t]),
      method,
    ),
    'csr',
  ).fields;

const ACCOUNT = ['Company: Harbor Light Marine LLC', 'Account number: 4451 2290'];

/** The words of every label the layout found for the authorised person. */
const authorisedLabels = (pages: PageText[]) =>
  buildLayout(pages, 'csr')
    .hits.filter((h) => h.field === 'authorized_person')
    .map((h) =>
      h.seg.toks
        .slice(h.start, h.end)
        .map((t) => t.text)
        .join(' '),
    );

describe('dev bad-scan ports whose CSR label OCR broke (generated documents)', () => {
  it('dev port 183: "PRIMARY CONTACT(AUTHORIZED)", its hint glued on, labels the authorised person', () => {
    const p = devBadScanPort(183, undefined, 26);
    expect(p.csr.scanned).toBe(true);
    const read = extractFields(p.csr.pages, 'csr').fields;
    expect(read.authorized_person?.value.replace(/\s+/g, '')).toBe(p.csr.truth.authorized_person?.replace(/\s+/g, ''));
    expect(codes(reviewPort(p))).toContain('AUTH_PERSON_MISMATCH');
  });

  it('dev port 474: "Conta ct on account" (a word split by OCR) is the authorised person\'s label', () => {
    const p = devBadScanPort(474, undefined, 26);
    const labels = authorisedLabels(p.csr.pages);
    expect(labels).toContain('Contact on account');
  });

  it('dev port 287: "Primary contac t (authorized)" is the authorised person\'s label', () => {
    const p = devBadScanPort(287, undefined, 26);
    const labels = authorisedLabels(p.csr.pages);
    expect(labels).toContain('Primary contact (authorized)');
  });
});

describe('a label word OCR split by a stray space', () => {
  for (const label of [
    'Conta ct on account:',
    'Primary contac t (authorized):',
    'Conta ct on the account:',
    'CONTA CT ON ACCOUNT:',
    'Contact on acco unt:',
  ])
    it(`"${label}" on an OCR page labels the authorised person`, () => {
      const f = csr([...ACCOUNT, 'Technical contact: Ann Smith', `${label} Maria Lopez`]);
      expect(f.authorized_person?.value).toBe('Maria Lopez');
    });

  it('ordinary words split by a space are not joined into label words', () => {
    // "Con Tact": a capital after lower case starts a word; "on", "in", "to" are label fillers
    expect(csr(['Company: Con Tact Lenses LLC', 'Account number: 4451 2290']).account_name?.value).toBe(
      'Con Tact Lenses LLC',
    );
    const doc = buildLayout(
      page(
        [
          [40, 100, 'Notes: paid on account in voice to tal by Robe rt'],
          [40, 120, 'Account number: 4451 2290'],
        ],
        'ocr',
      ),
      'csr',
    );
    const words = doc.segs.flatMap((s) => s.toks.map((t) => t.text));
    expect(words).toEqual(expect.arrayContaining(['on', 'account', 'in', 'voice', 'to', 'tal', 'Robe', 'rt']));
    expect(words).not.toContain('onaccount');
  });

  it("a text layer's words are left as printed", () => {
    const doc = buildLayout(page([[40, 100, 'Conta ct on account: Maria Lopez']], 'text'), 'csr');
    expect(doc.segs.flatMap((s) => s.toks.map((t) => t.text))).toContain('Conta');
  });
});

describe('a hint in parentheses glued to its caption', () => {
  for (const method of ['ocr', 'text'] as const)
    for (const line of ['PRIMARY CONTACT(AUTHORIZED)      MARIA LOPEZ', 'Contact(Authorized)      Maria Lopez'])
      it(`"${line}" (${method}) labels the authorised person`, () => {
        expect(csr([...ACCOUNT, line], method).authorized_person?.value.toLowerCase()).toBe('maria lopez');
      });
});

describe("the account's own contact named by its role", () => {
  for (const label of ['Contact on account:', 'Primary contact:', 'Account contact:'])
    it(`"${label}" is the authorised person over another contact`, () => {
      const f = csr([...ACCOUNT, 'Technical contact: Ann Smith', `${label} Maria Lopez`], 'text');
      expect(f.authorized_person?.value).toBe('Maria Lopez');
    });
});
