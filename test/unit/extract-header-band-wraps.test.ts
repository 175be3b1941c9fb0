import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { looksLikeLabelText } from '../../electron/core/extract/labels.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * A record's header band of "Caption: value" cells (a CSR's account facts over its location grid): a
 * value too long for its cell wraps under itself, where the value starts, not where the caption does.
 * The text layer gives a caption and its value printed in one run as one run, and places the words in it
 * by character count, a character or two off where capitals widen the caption: the value's next line is
 * read where the value truly starts. And a footer's print stamp ("Printed on … user jsmith") says when
 * the copy came off the printer, not the record's date the header prints.
 */

const SANS: TextStyle = { font: 'sans', size: 9 };

type Put = (x: number, y: number, text: string) => number;

/** A one-page CSR built by `draw`, rendered to a real text PDF and read back. */
async function readCsr(
  draw: (put: Put, p: PageBuilder) => void,
  size: [number, number] = [612, 792],
): Promise<ExtractedFields> {
  const p = new PageBuilder(size[0], size[1]);
  draw((x, y, text) => p.text(x, y, text, SANS), p);
  const read = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'band.pdf' });
  return extractFields(read.pages, 'csr').fields;
}

/** "Caption: value" with the value's further lines under the value's start; returns where the value starts. */
function captioned(put: Put, x: number, y: number, caption: string, lines: string[]): number {
  const at = put(x, y, caption) + 5;
  lines.forEach((l, k) => put(at, y + k * 11.5, l));
  return at;
}

/** The facts band of a CSR over a location grid; `cells` fills its first row. */
function record(put: Put, cells: (put: Put) => void, foot?: string): void {
  put(36, 40, 'Prairie Line Telephone');
  put(36, 62, 'Customer Service Record');
  cells(put);
  captioned(put, 42, 150, 'Billing Addr.:', ['PO Box 4410, Salina, KS 67402']);
  put(150, 200, 'Location 1');
  put(300, 200, 'Location 2 (Main)');
  put(40, 220, 'Address');
  put(150, 220, '88 Depot Rd');
  put(300, 220, '4410 Harbor Blvd');
  put(150, 232, 'Salina, KS 67401');
  put(300, 232, 'Wichita, KS 67202');
  put(40, 252, 'Numbers');
  put(150, 252, '785-555-0141');
  put(300, 252, '316-555-0120');
  if (foot) put(36, 740, foot);
}

describe('a header band value that wraps under itself is read whole', () => {
  const names: [caption: string, lines: string[], want: string][] = [
    ['Customer Name:', ['MAGNOLIA VETERINARY HOSPITAL', 'INCORPORATED'], 'MAGNOLIA VETERINARY HOSPITAL INCORPORATED'],
    ['CUSTOMER (BUSINESS) NAME:', ['Harbor Light Family Dentistry', 'Co.'], 'Harbor Light Family Dentistry Co.'],
    ['SUBSCRIBER (LEGAL) NAME:', ['Iron Bridge Bakery &', 'Cafe Inc.'], 'Iron Bridge Bakery & Cafe Inc.'],
    // (a wrapped line opening on a caption's word joined by "&" goes on the name)
    ['Customer Name:', ['IRON BRIDGE', 'TITLE & ESCROW,', 'PLLC'], 'IRON BRIDGE TITLE & ESCROW, PLLC'],
    ['Account Name:', ['Northstar Optical', 'Contact & Lens LLC'], 'Northstar Optical Contact & Lens LLC'],
  ];
  for (const [caption, lines, want] of names)
    it(`"${caption} ${lines.join(' / ')}" — the account name is both lines`, async () => {
      const got = await readCsr((put) =>
        record(put, (put) => {
          captioned(put, 42, 90, caption, lines);
          captioned(put, 312, 90, 'Account No.:', ['508-275-4571-976']);
          captioned(put, 42, 125, 'Account PIN:', ['811263']);
        }),
      );
      expect(got.account_name?.value).toBe(want);
      expect(got.account_number?.value).toBe('508-275-4571-976');
    });

  it('"Authorized User: Marisol A." / "Delgado" — a name cut after an initial goes on under itself', async () => {
    const got = await readCsr((put) =>
      record(put, (put) => {
        captioned(put, 42, 90, 'Customer Name:', ['Northgate Animal Clinic LLC']);
        captioned(put, 312, 90, 'Account No.:', ['508-275-4571-976']);
        captioned(put, 42, 125, 'Authorized User:', ['Marisol A.', 'Delgado']);
      }),
    );
    expect(got.authorized_person?.value).toBe('Marisol A. Delgado');
  });

  it('captions run together ("ACCOUNT HOLDER / COMPANY: ACCOUNT NUMBER:") with values under each, a PIN indented under its caption', async () => {
    const got = await readCsr((put) =>
      record(put, (put) => {
        const second = put(48, 90, 'ACCOUNT HOLDER / COMPANY:') + 10;
        put(second, 90, 'ACCOUNT NUMBER:');
        put(56, 103, 'Blue Heron Realty Group Inc');
        put(second + 8, 103, '405-555-0160-082');
        put(48, 121, 'VERBAL PASSWORD:');
        put(56, 134, '5942');
      }),
    );
    expect(got.account_name?.value).toBe('Blue Heron Realty Group Inc');
    expect(got.account_number?.value).toBe('405-555-0160-082');
    expect(got.pin?.value).toBe('5942');
  });
});

describe("the record's date, not the footer's print stamp", () => {
  const cases: [header: string, foot: string, want: string][] = [
    ['Date: 12/28/25', 'Printed on 1/5/26 user jsmith', '2025-12-28'],
    ['Record Date: 2026-04-17', 'Generated 2026-04-20 by LNPDESK', '2026-04-17'],
    // (under a caption no vocabulary knows: the header's date still beats the stamp)
    ['Produced: 7/21/24', 'Printed 7/26/24 user csr_portal', '2024-07-21'],
  ];
  for (const [header, foot, want] of cases)
    it(`"${header}" in the header, "${foot}" in the footer → ${want}`, async () => {
      const got = await readCsr((put, p) => {
        p.textRight(576, 40, header, SANS);
        record(
          put,
          (put) => {
            captioned(put, 42, 90, 'Customer Name:', ['Quarry Lane Dental Group PC']);
            captioned(put, 312, 90, 'Account No.:', ['77120-4432']);
          },
          foot,
        );
      });
      expect(got.document_date?.value).toBe(want);
    });

  it('a print stamp that is the only date dates the record', async () => {
    const got = await readCsr((put) =>
      record(
        put,
        (put) => {
          captioned(put, 42, 90, 'Customer Name:', ['Quarry Lane Dental Group PC']);
          captioned(put, 312, 90, 'Account No.:', ['77120-4432']);
        },
        'Printed on 3/3/25 user jsmith',
      ),
    );
    expect(got.document_date?.value).toBe('2025-03-03');
  });
});

describe('a unit caption naming its number, its cell blank', () => {
  for (const caption of ['SUITE NO.', 'Unit #', 'Apt No.'])
    it(`"${caption}" with nothing beside it is no part of the street`, async () => {
      const got = await readCsr((put) => {
        put(36, 40, 'Prairie Line Telephone');
        captioned(put, 42, 90, 'Customer Name:', ['Quarry Lane Dental Group PC']);
        captioned(put, 312, 90, 'Account No.:', ['77120-4432']);
        put(46, 140, 'SERVICE ADDRESS');
        put(176, 140, '76 Industrial St');
        put(46, 159, caption);
        put(46, 178, 'CITY STATE ZIP');
        put(176, 178, 'Oklahoma City, OK 73170');
      });
      expect(got.service_address?.value).toMatchObject({
        street_line: '76 Industrial St',
        unit: '',
        city: 'Oklahoma City',
      });
    });
});

describe('a caption listing the address parts with a town for the city', () => {
  it('"TOWN, STATE" is caption words, never a street; "Old Town, Inc" is a name', () => {
    expect(looksLikeLabelText('TOWN, STATE')).toBe(true);
    expect(looksLikeLabelText('Town, State, ZIP')).toBe(true);
    expect(looksLikeLabelText('Old Town, Inc')).toBe(false);
  });

  for (const caption of ['TOWN, STATE, ZIP', 'Town/State/ZIP', 'Town, ST ZIP'])
    it(`"${caption}" right before "Mobile, AL 36608": the city line of the service address`, async () => {
      const got = await readCsr((put) => {
        put(36, 40, 'Spectrum Business');
        captioned(put, 48, 90, 'FIRM NAME:', ['Timberline Bakery & Cafe Co.']);
        captioned(put, 312, 90, 'ACCT NO.:', ['8553 30 582 8407122']);
        put(46, 196, 'SITE NAME');
        put(150, 196, 'Administration');
        put(46, 214, 'SERVICE ADDRESS');
        put(150, 214, '76 Mill Way');
        put(46, 233, 'SUITE / FLOOR');
        put(150, 233, 'Ste 713');
        put(put(46, 251, caption) + 6, 251, 'Mobile, AL 36608');
      });
      expect(got.service_address?.value).toMatchObject({
        street_line: '76 Mill Way',
        unit: 'Ste 713',
        city: 'Mobile',
        zip5: '36608',
      });
    });
});

describe('an account number in groups wrapped in its cell beside its caption', () => {
  it('"Billing Account: 3458 05 559" / "0375063" in a band: the last group is the number\'s', async () => {
    const got = await readCsr((put) =>
      record(put, (put) => {
        captioned(put, 48, 90, 'Customer Name:', ['Northgate Animal', 'Clinic LLC']);
        captioned(put, 224, 90, 'Billing Account:', ['3458 05 559', '0375063']);
        captioned(put, 400, 90, 'Locations:', ['2']);
      }),
    );
    expect(got.account_number?.value).toBe('3458 05 559 0375063');
  });

  it('"Account # (current" / "carrier)" beside "8533 04 737" / "3561488": the caption and the value wrap together', async () => {
    const got = await readCsr((put) => {
      put(36, 40, 'Prairie Line Telephone');
      const rows: [string, string, string, string][] = [
        ['Name, Customer', 'LAKEVIEW LANDSCAPE', 'Old Provider', 'Bluegrass Fiber'],
        ['', 'DESIGN PC', 'Account # (current', '8533 04 737'],
        ['Contact Name', 'DEREK R. JOHANSSON', 'carrier)', '3561488'],
        ['Position Held', 'Member', 'Security Passcode', '2528'],
      ];
      rows.forEach(([a, b, c, d], i) => {
        const y = 136 + i * 16;
        if (a) put(40, y, a);
        put(163, y, b);
        put(315, y, c);
        put(456, y, d);
      });
    });
    expect(got.account_number?.value).toBe('8533 04 737 3561488');
  });

  for (const next of ['Quote #', 'Security Passcode'])
    it(`a label-left row "${next}" under the number is the next row: the number stays as printed`, async () => {
      const got = await readCsr((put) => {
        put(36, 40, 'Prairie Line Telephone');
        put(315, 136, 'Old Provider');
        put(456, 136, 'Bluegrass Fiber');
        put(315, 155, 'Account Number');
        put(456, 155, '8533 04 737');
        put(315, 172, next);
        put(456, 172, '5875502');
      });
      expect(got.account_number?.value).toBe('8533 04 737');
    });
});
