/**
 * A "caption - value" line whose dash a scan glued to the caption's last word ("Authorizing Official- Dmitri
 * Ivanova"): the dash still ends the caption, as one set apart by spaces does. Unread, the person was lost
 * and the review's own search read the caption's word into the name ("Official- Dmitri Ivanova"), a false
 * AUTH_PERSON_MISMATCH (dev guard bad scans, csr-email 9335), once the business line above no longer ran
 * on into it. Every wording and name below is ours; each page is synthetic.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

const BIZ = 'Kestrel Point Hardware Co.';

const email = (personLine: string): TextLine[] =>
  [
    'From: Jordan Pike <jpike@northwind.example>',
    'Subject: FW: CSR - 60449289',
    'Hi Sam, the CSR is below.',
    `Name on Account - ${BIZ}`,
    personLine,
    'Billing Number - (406) 555-0172',
    'Acct # - 5521 880 1734',
    'Service Address - 418 Oakmont Dr, Bozeman, MT 59715',
  ].map((t, k): TextLine => [48, 60 + 14 * k, t]);

describe('a dash a scan glued to the caption before a person', () => {
  for (const caption of ['Authorizing Official', 'Decision Maker', 'Authorized Contact', 'Account Administrator'])
    it(`"${caption}- Dana Whitfield"`, () => {
      const f = extractFields([pageOf(email(`${caption}- Dana Whitfield`))], 'csr').fields;
      expect(f.authorized_person?.value).toBe('Dana Whitfield');
      expect(f.account_name?.value).toBe(BIZ);
    });
  it('a hyphenated word inside a sentence is no caption', () => {
    const f = extractFields([pageOf(email('Please call our after- Hours line for help.'))], 'csr').fields;
    expect(f.authorized_person?.value ?? '').not.toMatch(/Hours/);
  });
});
