import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { DocumentKind } from '../../shared/domain/document.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * The failure classes issue 9 reports from a corpus of unseen layouts, each as small synthetic
 * pages in several wordings and shapes (label-left, label-above, inline, fixed-width records).
 * Label wordings here are deliberately ones the label table does not list verbatim.
 */

const read = (kind: DocumentKind, lines: TextLine[]) => extractFields([pageOf(lines)], kind).fields;
const mono = { font: 'mono' as const, size: 9 };

describe('class 1: label text is never returned as a value', () => {
  it('skips a label carrying a hint in parentheses above its value (label-above form)', () => {
    const f = read('invoice', [
      [72, 100, 'Name (as shown on your statement)'],
      [72, 114, 'Cedar Point Bakery LLC'],
      [72, 140, 'Account No.'],
      [72, 154, '4410 2281 09'],
    ]);
    expect(f.account_name?.value).toBe('Cedar Point Bakery LLC');
  });

  it('reads "Customer name on file" as a label, the value beside it', () => {
    const f = read('csr', [
      [60, 100, 'Customer name on file:'],
      [240, 100, 'Brightwater Dental Group PC'],
      [60, 116, 'Acct. Nbr.:'],
      [240, 116, '7730-0192-55'],
    ]);
    expect(f.account_name?.value).toBe('Brightwater Dental Group PC');
    expect(f.account_number?.value).toBe('7730-0192-55');
  });

  it('does not take "Trading As" (a DBA label) as the account name', () => {
    const f = read('csr', [
      [60, 100, 'Legal entity'],
      [220, 100, 'Sunnyside Hospitality Group Inc'],
      [60, 116, 'Trading As'],
      [220, 116, 'Sunny Side Cafe'],
      [60, 132, 'Account Number'],
      [220, 132, '99120441'],
    ]);
    expect(f.account_name?.value).toBe('Sunnyside Hospitality Group Inc');
  });

  it("does not return the next row's label when a value cell is empty", () => {
    const f = read('loa', [
      [60, 100, 'Authorized person (please print full name):'],
      [60, 130, 'Title / Position:'],
      [240, 130, 'Owner'],
      [60, 150, 'Signature:'],
    ]);
    expect(f.authorized_person?.value ?? '').not.toMatch(/title|position|signature|name/i);
  });

  it('reads the signer under a long hinted caption on an LOA', () => {
    const f = read('loa', [
      [60, 100, 'Printed name of the person authorizing this request'],
      [60, 114, 'Maria L. Gomez'],
      [300, 100, 'Business name as it appears on the bill'],
      [300, 114, 'Gomez Family Bakery LLC'],
    ]);
    expect(f.authorized_person?.value).toBe('Maria L. Gomez');
    expect(f.account_name?.value).toBe('Gomez Family Bakery LLC');
  });

  it('reads a hinted "Name (as shown on your bill)" on an LOA as the account name, not the signer', () => {
    const f = read('loa', [
      [51, 100, 'Name (as shown on your bill)'],
      [223, 100, 'Print Name'],
      [395, 100, 'Job Title'],
      [53, 114, 'Keystone Physical Therapy, P.A.'],
      [225, 114, 'Rebecca Johnson'],
      [397, 114, 'Owner'],
    ]);
    expect(f.account_name?.value).toBe('Keystone Physical Therapy, P.A.');
    expect(f.authorized_person?.value).toBe('Rebecca Johnson');
  });

  it('never returns a value that is only label words or ends with a colon', () => {
    const f = read('invoice', [
      [60, 100, 'Billed To'],
      [60, 114, 'Customer Name:'],
      [60, 128, 'Harbor Yoga LLC'],
    ]);
    expect(f.account_name?.value ?? '').not.toMatch(/:$|^customer name/i);
  });
});

describe('class 2: a wrapped value continues in its own column', () => {
  it('joins a key/value cell that wraps onto a second line', () => {
    const f = read('csr', [
      [60, 100, 'Account Name'],
      [220, 100, 'Harbor Light Marine'],
      [220, 112, 'Supply LLC'],
      [60, 128, 'Account Number'],
      [220, 128, '55120094'],
    ]);
    expect(f.account_name?.value).toBe('Harbor Light Marine Supply LLC');
  });

  it('keeps the business suffix wrapped below a label-above value', () => {
    const f = read('invoice', [
      [72, 100, 'Business Name', { font: 'sans-bold', size: 9 }],
      [72, 113, 'Northgate Family Dental Group'],
      [72, 125, 'PC'],
      [72, 150, 'Service Address', { font: 'sans-bold', size: 9 }],
      [72, 163, '400 Main St, Fargo, ND 58102'],
    ]);
    expect(f.account_name?.value).toBe('Northgate Family Dental Group PC');
    expect(f.service_address?.value.city).toBe('Fargo');
  });

  it('joins an inline "Label: value" that wraps under the value, in a narrow column beside another', () => {
    const f = read('invoice', [
      [40, 100, 'Customer: Lakeshore Pediatric'],
      [330, 100, 'Invoice Date: 03/02/2026'],
      [89, 112, 'Dentistry Associates'],
      [330, 112, 'Amount Due: $182.40'],
      [40, 128, 'Account #: 22019944'],
    ]);
    expect(f.account_name?.value).toBe('Lakeshore Pediatric Dentistry Associates');
  });

  it('keeps the rest of a street that wraps in its cell (address cells under a header row)', () => {
    const f = read('loa', [
      [51, 100, 'Address Line 1'],
      [154, 100, 'Address Line 2'],
      [257, 100, 'City'],
      [361, 100, 'ST'],
      [464, 100, 'ZIP+4'],
      [53, 114, '4325 Kings'],
      [259, 114, 'Juneau'],
      [363, 114, 'AK'],
      [466, 114, '99803'],
      [53, 125, 'Highway Drive'],
      [48, 150, 'Lines and Numbers'],
    ]);
    expect(f.service_address?.value).toMatchObject({
      street_line: '4325 Kings Highway Drive',
      city: 'Juneau',
      state: 'AK',
      zip5: '99803',
    });
  });

  it('keeps the end of a street that wraps before the city line (key/value cell)', () => {
    const f = read('invoice', [
      [48, 100, 'Account Holder:'],
      [110, 100, 'Sunbelt Animal Clinic, Corp.'],
      [392, 100, 'Service At:'],
      [454, 100, '11177 Martin Luther King Jr'],
      [454, 111, 'Ct.'],
      [454, 122, 'Corpus Christi, TX 78460'],
    ]);
    expect(f.service_address?.value).toMatchObject({
      street_line: '11177 Martin Luther King Jr Ct.',
      city: 'Corpus Christi',
      zip5: '78460',
    });
  });

  it('does not run an account name into the address below it', () => {
    const f = read('csr', [
      [60, 100, 'Customer'],
      [200, 100, 'Mesa Verde Landscaping'],
      [200, 112, '1400 Canyon Rd'],
      [200, 124, 'Santa Fe, NM 87501'],
      [60, 140, 'Account Number'],
      [200, 140, '8830201'],
    ]);
    expect(f.account_name?.value).toBe('Mesa Verde Landscaping');
  });
});

describe('class 3: fixed-width mainframe CSRs', () => {
  it('reads CUS / SA / city-state-ZIP tags and ignores the listed name and USOC lines', () => {
    const f = read('csr', [
      [36, 40, 'NORTHSTAR TEL  CUSTOMER SERVICE RECORD', { font: 'mono-bold', size: 10 }],
      [36, 60, 'ACCT 813-555-0100-417   BTN 813 555-0100   DT 03/14/2026', mono],
      [36, 71, 'CUS  HARBOR LIGHT MARINE SUPPLY LLC', mono],
      [36, 82, 'LN   HARBOR LIGHT MARINE', mono],
      [36, 93, 'SA   1200 HARBOR DR STE 4', mono],
      [36, 104, '     TAMPA FL 33602', mono],
      [36, 121, 'S&E', mono],
      [36, 132, '1FB  813 555-0100  BUSINESS LINE', mono],
      [36, 143, 'ESX  813 555-0101  CALL FORWARD BUSY', mono],
    ]);
    expect(f.account_name?.value).toBe('HARBOR LIGHT MARINE SUPPLY LLC');
    expect(f.service_address?.value).toEqual({
      street_line: '1200 HARBOR DR',
      unit: 'STE 4',
      city: 'TAMPA',
      state: 'FL',
      zip5: '33602',
      zip4: '',
    });
    expect(f.btn?.value).toBe('+18135550100');
  });

  it('takes the customer tag over a listed name (DBA) printed first', () => {
    const f = read('csr', [
      [36, 60, 'BTN  602-555-0144      ACCT NO 4402918830', mono],
      [36, 71, 'LN   DESERT BLOOM FLORIST', mono],
      [36, 82, 'CUST NM  PAVON FLORAL DESIGNS INC', mono],
      [36, 93, 'LA   77 W ROOSEVELT ST', mono],
      [36, 104, 'CTY  PHOENIX AZ 85003', mono],
      [36, 121, '--- SVC & EQUIP ---', mono],
      [36, 132, 'USOC  QTY  DESC', mono],
      [36, 143, '1MB   2    MEASURED BUS LINE', mono],
    ]);
    expect(f.account_name?.value).toBe('PAVON FLORAL DESIGNS INC');
    expect(f.account_number?.value).toBe('4402918830');
    expect(f.service_address?.value).toMatchObject({
      street_line: '77 W ROOSEVELT ST',
      city: 'PHOENIX',
      state: 'AZ',
      zip5: '85003',
    });
  });

  it('reads dotted tags (CUSTOMER..: / SVC ADDR..:) and two service-address lines', () => {
    const f = read('csr', [
      [36, 60, 'ACCOUNT....: 5051 2209 83', mono],
      [36, 71, 'CUSTOMER...: RIO GRANDE TITLE CO', mono],
      [36, 82, 'LISTED NAME: RGT ESCROW', mono],
      [36, 93, 'SVC ADDR 1.: 2600 LOUISIANA BLVD NE', mono],
      [36, 104, 'SVC ADDR 2.: ALBUQUERQUE NM 87110', mono],
      [36, 121, 'FEATURES...: 1FB HUNT CFB', mono],
    ]);
    expect(f.account_name?.value).toBe('RIO GRANDE TITLE CO');
    expect(f.service_address?.value).toMatchObject({
      street_line: '2600 LOUISIANA BLVD NE',
      city: 'ALBUQUERQUE',
      state: 'NM',
      zip5: '87110',
    });
  });

  it('falls back to the listed name only when no customer tag exists', () => {
    const f = read('csr', [
      [36, 60, 'BTN  505 555 0190', mono],
      [36, 71, 'LN   SANDIA AUTO GLASS LLC', mono],
      [36, 82, 'SA   9 EUBANK BLVD', mono],
      [36, 93, '     ALBUQUERQUE NM 87123', mono],
    ]);
    expect(f.account_name?.value).toBe('SANDIA AUTO GLASS LLC');
  });
});

describe('unlisted wordings of known concepts land (concept vocabulary)', () => {
  const cases: [string, string, keyof ReturnType<typeof read>, string][] = [
    ['Acct. Nbr.:', '5520 0913 22', 'account_number', '5520 0913 22'],
    ['Name of the business as billed:', 'Blue Heron Outfitters LLC', 'account_name', 'Blue Heron Outfitters LLC'],
    ['Main Tel. No.:', '(505) 555-0147', 'btn', '+15055550147'],
    ["Account holder's legal name:", 'Quarry Hill Veterinary PC', 'account_name', 'Quarry Hill Veterinary PC'],
    ['Svc. Location Addr.:', '81 Quarry Rd, Barre, VT 05641', 'service_address', 'Barre'],
  ];
  for (const [label, value, field, expected] of cases) {
    it(`"${label}"`, () => {
      const f = read('csr', [
        [60, 100, label],
        [260, 100, value],
        [60, 130, 'Page 1 of 1'],
      ]);
      const got = f[field]?.value as unknown;
      if (field === 'service_address') expect((got as { city: string }).city).toBe(expected);
      else expect(got).toBe(expected);
    });
  }
});

describe('wrapped label cells in a grid', () => {
  it('reads a label that wraps over two or more lines as one label, its value beside the first line', () => {
    const f = read('invoice', [
      [48, 100, 'BUSINESS'],
      [113, 100, 'Northgate'],
      [335, 100, 'SERVICE'],
      [399, 100, '76 Forest Way'],
      [48, 110, 'NAME:'],
      [113, 110, 'Plumbing &'],
      [335, 110, 'LOCATION:'],
      [399, 110, 'Fargo, ND 58102'],
      [113, 120, 'Heating, PLLC'],
      [191, 140, 'BILLING'],
      [256, 140, '701.225.5743'],
      [191, 150, 'TELEPHONE'],
      [191, 160, '(BTN):'],
    ]);
    expect(f.account_name?.value).toBe('Northgate Plumbing & Heating, PLLC');
    expect(f.btn?.value).toBe('+17012255743');
  });
});

describe('the final guard against label text', () => {
  it('knows label text from values', async () => {
    const { looksLikeLabelText } = await import('../../electron/core/extract/labels.js');
    for (const label of [
      'Customer name on file',
      'Trading As',
      'Print Name',
      'Name of the business as billed',
      'Account Holder:',
      '(as shown on your statement)',
      'LEGAL BUSINESS',
      'Current',
    ]) {
      expect(looksLikeLabelText(label), label).toBe(true);
    }
    for (const value of [
      'Harbor Light Marine Supply LLC',
      'Business Services Group',
      'Maria L. Gomez',
      'Main Street Dental',
      'Customer First Credit Union',
      'Comcast Business',
    ]) {
      expect(looksLikeLabelText(value), value).toBe(false);
    }
  });

  it('uses the next candidate when the best-placed one is label text', () => {
    const f = read('invoice', [
      [60, 100, 'Account Name'],
      [220, 100, 'Customer Name on File'],
      [60, 140, 'Bill To'],
      [60, 154, 'Juniper Ridge Veterinary PC'],
      [60, 166, '400 Main St'],
      [60, 178, 'Fargo, ND 58102'],
    ]);
    expect(f.account_name?.value).toBe('Juniper Ridge Veterinary PC');
  });
});

describe('candidates and calibrated confidence', () => {
  it('keeps the alternatives with their evidence and lowers confidence when two labels disagree', () => {
    const f = read('csr', [
      [60, 100, 'Customer Name:'],
      [220, 100, 'Blue Heron Outfitters LLC'],
      [60, 116, 'Company Name:'],
      [220, 116, 'Heron Holdings Inc'],
      [60, 132, 'Account Number:'],
      [220, 132, '55120094'],
    ]);
    const name = f.account_name!;
    expect(name.candidates?.map((c) => c.value)).toEqual(
      expect.arrayContaining(['Blue Heron Outfitters LLC', 'Heron Holdings Inc']),
    );
    expect(name.candidates?.[0]?.value).toBe(name.value);
    expect(name.candidates?.[0]?.why).toMatchObject({ source: 'label', mode: 'right' });
    expect(name.confidence).toBeLessThan(0.9);
    // one clear label, one value: near-certain
    expect(f.account_number!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('never reports a value found without a label as near-certain', () => {
    const f = read('invoice', [
      [60, 100, 'Juniper Ridge Veterinary PC'],
      [60, 112, '400 Main St'],
      [60, 124, 'Fargo, ND 58102'],
      [300, 100, 'Invoice Date: 03/02/2026'],
    ]);
    expect(f.billing_address?.value.city).toBe('Fargo');
    expect(f.billing_address!.confidence).toBeLessThanOrEqual(0.85);
    expect(f.billing_address!.candidates?.[0]?.why.source).toBe('layout');
  });

  it('lowers confidence for a value read from unsure OCR words', () => {
    const page = pageOf([
      [60, 100, 'Account Number:'],
      [220, 100, '55120094'],
    ]);
    const sure = extractFields([page], 'csr').fields.account_number!;
    const unsure = extractFields(
      [{ ...page, method: 'ocr', words: page.words.map((w) => (w.text === '55120094' ? { ...w, conf: 0.55 } : w)) }],
      'csr',
    ).fields.account_number!;
    expect(unsure.value).toBe(sure.value);
    expect(unsure.confidence).toBeLessThan(0.9);
    expect(sure.confidence).toBeGreaterThan(unsure.confidence);
  });

  it('keeps no alternatives for a PIN (a secret), only how the PIN itself was found', () => {
    const f = read('loa', [
      [60, 100, 'Port-out PIN:'],
      [220, 100, '4417'],
      [60, 116, 'Passcode:'],
      [220, 116, '9921'],
    ]);
    // (the one candidate is the value itself: the rival 9921 is kept nowhere)
    expect(f.pin?.candidates?.map((c) => c.value)).toEqual([f.pin!.value]);
    expect(JSON.stringify(f.pin)).not.toContain('9921');
    expect(f.pin?.candidates?.[0]?.why.source).toBe('label');
  });
});
