/**
 * An account lookup that matched several accounts of one customer (csr-accounts.ts; the dev stand-in
 * csr-multiacct, standin-ad.ts, imitates such responses): each account a stacked section with its own
 * account number, the subject the one the response marks — flagged in its heading, holding the searched
 * number, or the only one not closed / related. The record is the subject's: the other accounts' numbers,
 * addresses and contacts are no part of it. A master account's locations (no account number per section)
 * are no such list. The names and numbers below are ours; the pages are synthetic.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { withoutOtherAccounts } from '../../electron/core/extract/csr-accounts.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';

interface Acct {
  head: string;
  name: string;
  no: string;
  tn: string;
  status: string;
  addr: string;
  tns: string;
}

const page = (header: string[], accts: Acct[]) => {
  const rows: [string, string][] = [];
  for (const a of accts)
    rows.push(
      [a.head, ''],
      ['Subscriber', a.name],
      ['Account No.', a.no],
      ['Billing TN', a.tn],
      ['Status', a.status],
      ['Service Address', a.addr],
      ['Lines', a.tns],
    );
  const lines: TextLine[] = header.map((t, i) => [40, 50 + i * 14, t]);
  let y = 60 + header.length * 14;
  for (const [c, v] of rows) {
    lines.push([c && !v ? 40 : 48, y, c]);
    if (v) lines.push([190, y, v]);
    y += 14;
  }
  return pageOf(lines);
};

const A: Acct = {
  head: 'Match 1',
  name: 'Larkspur Veterinary Partners',
  no: '5512-0093-71',
  tn: '(406) 555-0142',
  status: 'Active',
  addr: '4410 Quarry Bend Rd, Missoula, MT 59801',
  tns: '(406) 555-0142, (406) 555-0188',
};
const B: Acct = {
  head: 'Match 2',
  name: 'Larkspur Veterinary Partners',
  no: '5512-4410-08',
  tn: '(406) 555-0177',
  status: 'Active',
  addr: '92 Orchard Hollow Ln, Missoula, MT 59803',
  tns: '(406) 555-0177, (406) 555-0121',
};
const C: Acct = {
  head: 'Match 3',
  name: 'Larkspur Animal Clinic',
  no: '5512-7781-40',
  tn: '(406) 555-0163',
  status: 'Closed',
  addr: '17 Teller Gulch Rd, Lolo, MT 59847',
  tns: '(406) 555-0163',
};

describe('an account lookup listing several accounts of one customer', () => {
  it('reads the account its heading flags, whatever its place', () => {
    const p = page(['Lookup by tax ID 81-2200417', 'As of 03/04/2026'], [A, { ...B, head: 'Match 2 (Requested)' }, C]);
    const f = extractFields([p], 'csr').fields;
    expect(f.account_number?.value).toBe('5512-4410-08');
    expect(f.service_address?.value.street_line).toBe('92 Orchard Hollow Ln');
    expect([...(f.phone_numbers?.value ?? [])].sort()).toEqual(['+14065550121', '+14065550177']);
  });

  it('reads the account holding the number the search names', () => {
    const p = page(['Lookup by billing TN 406-555-0177', 'As of 03/04/2026'], [A, B, C]);
    const f = extractFields([p], 'csr').fields;
    expect(f.account_number?.value).toBe('5512-4410-08');
    expect(f.phone_numbers?.value).not.toContain('+14065550142');
  });

  it('reads the only account not closed or related', () => {
    const p = page(['Lookup by tax ID 81-2200417'], [{ ...C, status: 'Closed' }, { ...A, status: 'Related' }, B]);
    const f = extractFields([p], 'csr').fields;
    expect(f.account_number?.value).toBe('5512-4410-08');
    expect(f.service_address?.value.zip5).toBe('59803');
  });

  it('changes nothing where no account is told apart, or each section is a location of one account', () => {
    expect(withoutOtherAccounts([page(['Lookup by tax ID 81-2200417'], [A, B])])).toBeNull();
    const sites = page(
      ['Account No. 5512-0093-71'],
      [A, B].map((a) => ({ ...a, no: '' })),
    );
    expect(withoutOtherAccounts([sites])).toBeNull();
  });

  it('reads the subject account of the stand-in responses (text PDFs)', async () => {
    for (const seed of [43509, 43510, 43512, 43556]) {
      const fx = generateRandom(seed, { family: 'csr-multiacct' });
      const doc = await readDocument(await renderTextPdf(fx.model), { name: `${fx.id}.pdf` });
      const f = extractFields(doc.pages, 'csr').fields;
      expect(f.account_number?.value, `seed ${seed}`).toBe(fx.truth.account_number);
      expect(f.service_address?.value.zip5, `seed ${seed}`).toBe(fx.truth.service_address?.zip5);
    }
  });
});
