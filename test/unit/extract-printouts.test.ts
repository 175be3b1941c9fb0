import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { pageOf, pagesOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * Printouts met on the csr-greenbar and loa-carrierform stand-ins: a line printer's CSR whose tags
 * run to their values along dots or an '=' ("CUST NAME....... ACME", "LSTD NM = …"), with a REMARKS
 * line mentioning some other number; and a new carrier's LOA form with a contact-number blank, a list
 * of numbers to keep, and the numbers on an attachment page. Names, tags and numbers written for this
 * test (not the generator's).
 */

const MONO = { font: 'mono' as const, size: 7 };

/** A line-printer page: one record a line at x=24, 11 pt apart, monospaced. */
function printout(rows: string[]): TextLine[] {
  return rows.map((r, i) => [24, 60 + i * 11, r, MONO] as TextLine);
}
const csr = (rows: string[]) => extractFields([pageOf(printout(rows))], 'csr').fields;

/** Header and S&E of the record (the numbers on the account: 614 555-0142 and -0143). */
const HEAD = ['RUN DATE 03/11/26        OHIO VALLEY TEL      CUSTOMER SERVICE RECORD        PAGE 1', ''];
const SE = [
  '---- SERVICE AND EQUIPMENT ----',
  'TN             USOC    QTY  DESCRIPTION                DIR',
  '614 555-0142   1FB     1    BUSINESS LINE FLAT RATE    LST',
  '               ESX     1    CALL WAITING',
  '614 555-0143   1FB     1    BUSINESS LINE FLAT RATE    NP',
];

describe('a tag padded to its value with dots or an = reads as a label ending there', () => {
  for (const [nameTag, addrTag, cszTag] of [
    ['CUST NAME =', 'SVC LOC =', 'SVC CSZ ='],
    ['NAME..........', 'SVC LOC.......', 'CITY/ST/ZIP...'],
    ['CUST NAME.....:', 'SVC LOC......:', 'SVC CSZ......:'],
    ['CUST NAME   =', 'SVC ADDR    =', 'SVC CSZ     ='],
  ])
    it(`${nameTag} / ${addrTag} / ${cszTag}`, () => {
      const f = csr([
        ...HEAD,
        'ACCT NO......... 614-555-0142-881      BTN....... 614 555-0142',
        `${nameTag} GRANVILLE FEED & SEED CO`,
        `${addrTag} 4410 RIVERSIDE DR`,
        `${cszTag} GROVE CITY OH 43123`,
        '',
        ...SE,
      ]);
      expect(f.account_name?.value).toBe('GRANVILLE FEED & SEED CO');
      expect(f.service_address?.value).toMatchObject({
        street_line: '4410 RIVERSIDE DR',
        city: 'GROVE CITY',
        state: 'OH',
        zip5: '43123',
      });
    });
});

describe("a number a record's REMARKS line mentions is not a line on the account", () => {
  for (const remark of [
    'REMARKS....... CUST CALLED FROM 614 555-0190 REQ COPY OF CSR',
    'REMARKS =      ALT CONTACT 6145550177 PER OFFICE MGR',
    'COMMENTS:      TT CLOSED - CB 614-555-0163 - NO TROUBLE FOUND',
    'NOTES          WIFE CELL (614) 555-0188',
    'REMARKS:       CUST CALLED FROM (614)555-0123 REQ COPY OF CSR',
    'COMMENTS       CUST REQ CALLBACK AT 614.555.0166 AFTER 2PM',
  ])
    it(remark, () => {
      const f = csr([
        ...HEAD,
        'ACCT........... 614-555-0142-881',
        'CUST NAME...... GRANVILLE FEED & SEED CO',
        ...SE,
        '',
        remark,
      ]);
      expect(f.phone_numbers?.value).toEqual(['+16145550142', '+16145550143']);
    });
});

describe('who is authorized, on a padded record line', () => {
  for (const [tag, person] of [
    ['AUTHRZD.......', 'ROSA QUINTERO'],
    ['AUTHRZD =', 'TOBIAS WREN'],
    ['AUTHRZD:', 'MIRIAM A. FELDT'],
  ])
    it(`a participle tag of seven letters: ${tag} ${person}`, () => {
      const f = csr([...HEAD, 'ACCT........... 614-555-0142-881', `${tag} ${person}`, ...SE]);
      expect(f.authorized_person?.value).toBe(person);
    });

  for (const [tag, none] of [
    ['AUTH:', 'SEE REMARKS'],
    ['AUTH NM:', 'SEE NOTES'],
    ['AUTH PARTY =', 'SEE ATTACHED'],
  ])
    it(`"${tag} ${none}": the name is elsewhere, this is nobody`, () => {
      const f = csr([...HEAD, 'ACCT........... 614-555-0142-881', `${tag} ${none}`, ...SE]);
      expect(f.authorized_person?.value ?? null).toBeNull();
    });
});

/* ───────────── the new carrier's LOA form ───────────── */

const FORM_HEAD: TextLine[] = [
  [48, 52, 'Northcoast Fiber Voice', { font: 'sans-bold', size: 16 }],
  [48, 74, 'Porting Authorization Form'],
  [48, 92, 'Please complete every section. The information must match your current carrier exactly.', { size: 8 }],
  [48, 120, '1. Customer Information'],
  [48, 140, 'Account name:'],
  [200, 140, 'Granville Feed & Seed Co'],
  [48, 158, 'Service address:'],
  [200, 158, '4410 Riverside Dr, Upper Arlington, OH 43221'],
];
const loa = (pages: TextLine[][]) => extractFields(pagesOf(pages), 'loa').fields;

describe('an LOA form: a phone blank that is how to reach the customer is not a number to port', () => {
  for (const label of ['Best number to reach you:', 'Where we can reach you:', 'Number to reach me:'])
    it(label, () => {
      const f = loa([
        [
          ...FORM_HEAD,
          [48, 176, label],
          [200, 176, '614-555-0190'],
          [48, 210, '3. Numbers to Port'],
          [48, 228, '1. 614-555-0142'],
          [220, 228, '2. 614-555-0143'],
          [48, 290, 'Authorized signature:'],
          [360, 290, 'Date: 03/11/2026'],
          [48, 308, 'Printed name:'],
          [200, 308, 'Rosa Quintero'],
        ],
      ]);
      expect(f.phone_numbers?.value).toEqual(['+16145550142', '+16145550143']);
    });
});

describe('an LOA form: numbers kept with the current carrier', () => {
  for (const heading of [
    'Numbers staying with current carrier',
    'NUMBERS STAYING WITH CURRENT CARRIER',
    'Stay with current carrier:',
  ])
    it(`under "${heading}"`, () => {
      const f = loa([
        [
          ...FORM_HEAD,
          [48, 210, '3. Numbers to Port'],
          [48, 228, '1. 614-555-0142'],
          [220, 228, '2. 614-555-0143'],
          [48, 250, heading],
          [60, 268, '614-555-0171, 614-555-0172'],
          [48, 310, 'Printed name:'],
          [200, 310, 'Rosa Quintero'],
        ],
      ]);
      expect(f.phone_numbers?.value).toEqual(['+16145550142', '+16145550143']);
      expect(f.numbers_not_to_port?.value).toEqual(['+16145550171', '+16145550172']);
    });

  it('a numbered list item right above "Do NOT port these numbers" is still to port (generated form, PDF text layer)', async () => {
    // loa-carrierform dev seed 36: "1. 225-555-0173 …" over the heading "Do NOT port these numbers"
    const fx = generateRandom(36, { family: 'loa-carrierform' });
    const read = await readDocument(await renderTextPdf(fx.model), { name: 'loa-carrierform-36.pdf' });
    const f = extractFields(read.pages, 'loa').fields;
    expect(f.phone_numbers?.value).toEqual(fx.truth.phone_numbers);
    expect(f.numbers_not_to_port?.value).toEqual(fx.truth.numbers_not_to_port);
  });

  for (const title of ['Attachment A - Telephone Numbers', 'ATTACHMENT A: NUMBERS', 'Exhibit 1'])
    it(`the numbers on a later page ("${title}") are not under page 1's list to keep`, () => {
      const f = loa([
        [
          ...FORM_HEAD,
          [48, 210, '3. Numbers to Port'],
          [48, 228, 'See Attachment A (3 numbers).'],
          [48, 246, 'Numbers NOT to port'],
          [60, 264, '614-555-0171'],
          [48, 300, 'Printed name:'],
          [200, 300, 'Rosa Quintero'],
        ],
        [
          [48, 52, title, { font: 'sans-bold', size: 12 }],
          [48, 76, '1. (614) 555-0142'],
          [220, 76, '2. (614) 555-0143'],
          [392, 76, '3. (614) 555-0144'],
        ],
      ]);
      expect(f.phone_numbers?.value).toEqual(['+16145550142', '+16145550143', '+16145550144']);
      expect(f.numbers_not_to_port?.value).toEqual(['+16145550171']);
    });
});
