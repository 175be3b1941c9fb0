import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { textWidth } from '../fixtures/generator/layout.js';
import { parsePerson } from '../../electron/core/extract/values.js';

/*
 * The authorized person where no name label gives it: a signature line's typed or e-signed name, a
 * letter's sentences and closing, a record tag longer than its column, a name cell that ran into the
 * column beside it. Wordings written for this test (not the generator's).
 */

const person = (lines: TextLine[], kind: 'loa' | 'csr' = 'loa') =>
  extractFields([pageOf(lines)], kind).fields.authorized_person?.value;

const letter = (lines: string[]) =>
  extractFields([pageOf(lines.map((s, i) => [72, 100 + i * 14, s] as TextLine))], 'loa').fields;

describe('the name on a signature line is the signer', () => {
  for (const [label, value] of [
    ['Signed By:', 'Elizabeth Zhang'],
    ['Signature of Authorized Person:', '/s/ Samuel M. Delgado'],
    ['Customer Signature', 'e-signed by Mateo Hughes'],
  ])
    it(`"${label}" "${value}"`, () => {
      const p = person([
        [48, 94, 'Company Name:'],
        [200, 94, 'Gulf Breeze Orthodontics, Ltd.'],
        [48, 106, 'Account Number:'],
        [200, 106, '253-611-7974-84'],
        [48, 130, label!],
        [200, 130, value!],
      ]);
      expect(p).toBe(value!.replace(/^\/s\/ |^e-signed by /, ''));
    });

  it('a label run into the name below it ("Signed By" over the name) does not stay in front of it', () => {
    const p = person([
      [51, 85, 'Company Name'],
      [204, 85, 'Signed'],
      [358, 85, 'Customer No.'],
      [53, 96, 'Levy & Hernandez PLLC'],
      [204, 96, 'By Marisol Nguyen'],
      [360, 96, '816777852'],
    ]);
    expect(p).toBe('Marisol Nguyen');
  });
});

describe('a letter names its signer', () => {
  for (const [sentence, name] of [
    ['The authorized signer for the account is Mateo Hughes.', 'Mateo Hughes'],
    ['The person authorizing this request is Grace E. Johnson, Controller.', 'Grace E. Johnson'],
    ['My name is Daniel Reyes and I manage the office.', 'Daniel Reyes'],
  ])
    it(sentence!, () => {
      const f = letter([
        'This letter authorizes Northcoast Fiber Voice to port the numbers listed below.',
        sentence!,
        'Account number: 4432-1190',
      ]);
      expect(f.authorized_person?.value).toBe(name);
    });

  it('a closing with an e-signature under it', () => {
    const f = letter([
      'Please port our numbers to Telnyx on behalf of Granite Peak Brewing Company LLP.',
      'Respectfully,',
      '/s/ Priya Patel',
    ]);
    expect(f.authorized_person?.value).toBe('Priya Patel');
  });

  it('a PIN written straight after its word ("passcode 908172")', () => {
    const f = letter([
      'Please transfer the numbers of Blue Heron Design PLLC (account 77120-4410, passcode 908172) to Telnyx.',
    ]);
    expect(f.pin?.value).toBe('908172');
  });
});

describe('a record tag longer than its column', () => {
  it('"AUTH USR" is the tag, the name after it the value', () => {
    const p = person(
      [
        [36, 65, 'MBTN'],
        [74, 65, '5615550128'],
        [36, 77, 'CUSNM COASTAL HARDWARE & LUMBER INC'],
        [36, 88, 'SVC ADDR 5744 SPRING CIRCLE'],
        [36, 100, 'PSCD'],
        [74, 100, '466466'],
        [36, 112, 'ACCT'],
        [74, 112, '8996110838961'],
        [36, 124, "AUTH USR PRIYA O'BRIEN", { font: 'mono', size: 9 }],
      ],
      'csr',
    );
    expect(p).toBe("PRIYA O'BRIEN");
  });
});

describe('a name cell that ran into the next column of a label-above grid', () => {
  it("the words starting under the next column's label are that column's value", () => {
    const business = 'Twin Oaks Marine Supply LLC';
    const col = 53 + textWidth(business, 'sans', 10) + textWidth(' ', 'sans', 10);
    const f = extractFields(
      [
        pageOf([
          [51, 87, 'Billing Name', { size: 10 }],
          [col - 2, 87, 'Name of Authorized Person'],
          [col + 170, 87, 'Title'],
          [53, 101, business],
          [col, 101, 'Chen Yilmaz'],
          [col + 172, 101, 'Practice Administrator'],
          [51, 116, 'Acct. Number'],
          [col - 2, 116, 'Billing Number'],
          [53, 130, '201735850'],
          [col, 130, '937-555-0101'],
        ]),
      ],
      'loa',
    ).fields;
    expect(f.authorized_person?.value).toBe('Chen Yilmaz');
    expect(f.account_name?.value).toBe(business);
  });
});

describe('a label-above record grid with a features table', () => {
  it('reads the customer, signer, PIN and account from caption cells in wordings of their own', () => {
    const rows: TextLine[] = [
      [40, 40, 'Frontier Communications'],
      [420, 40, 'Customer Service Record'],
      [40, 80, 'ACCOUNT NUMBER'],
      [200, 80, 'BILLING TELEPHONE'],
      [380, 80, 'RECORD DATE'],
      [40, 92, '412-555-0190-221'],
      [200, 92, '(412) 555-0190'],
      [380, 92, '03/14/2025'],
      [40, 112, 'CUSTOMER OF RECORD'],
      [200, 112, 'LISTED AS'],
      [380, 112, 'AUTHORIZED CALLER'],
      [40, 124, 'Allegheny Valley Veterinary'],
      [200, 124, 'AV Pet Hospital'],
      [380, 124, 'Dana R. Whitfield'],
      [40, 135, 'Partners PLLC'],
      [40, 155, 'PORT-OUT CODE'],
      [200, 155, 'STREET'],
      [380, 155, 'CITY / STATE / ZIP'],
      [40, 167, '884213'],
      [200, 167, '1400 Penn Ave, Suite 3'],
      [380, 167, 'Pittsburgh, PA 15222'],
      [40, 195, 'SERVICE AND EQUIPMENT'],
      [40, 210, 'USOC'],
      [100, 210, 'QTY'],
      [140, 210, 'DESCRIPTION'],
      [40, 222, '1MB'],
      [100, 222, '1'],
      [140, 222, 'BUSINESS LINE MEASURED'],
      [40, 234, 'ESX'],
      [100, 234, '1'],
      [140, 234, 'CALL WAITING'],
    ];
    const f = extractFields([pageOf(rows)], 'csr').fields;
    expect(f.account_name?.value).toBe('Allegheny Valley Veterinary Partners PLLC');
    expect(f.authorized_person?.value).toBe('Dana R. Whitfield');
    expect(f.pin?.value).toBe('884213');
    expect(f.account_number?.value).toBe('412-555-0190-221');
  });
});

describe('OCR slips in a person name', () => {
  it("a middle initial's full stop read as a comma is not a name-and-title comma", () => {
    for (const [read, name] of [
      ['SIOBHAN T, DELGADO', 'SIOBHAN T. DELGADO'],
      ['Siobhan T, Delgado', 'Siobhan T. Delgado'],
    ])
      expect(parsePerson(read!)?.value).toBe(name);
    expect(parsePerson('Maria Lopez, Owner')?.value).toBe('Maria Lopez');
  });
});
