import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * An authorization written as a letter: a letterhead, a salutation, the facts in sentences, a
 * closing and the signer's name under it. The wordings here are written for this test (not the
 * generator's stand-in letter); each describes a sentence shape, not one phrasing. Values read from
 * sentences have no label, so none is near-certain.
 */

/** Lines of a letter: [text] at the left margin, 13 pt apart; '' leaves a blank line. */
function letter(lines: (string | TextLine)[]) {
  const out: TextLine[] = [];
  let y = 80;
  for (const l of lines) {
    if (typeof l !== 'string') out.push(l);
    else if (l) out.push([72, y, l]);
    y += 13;
  }
  return extractFields([pageOf(out)], 'loa').fields;
}

describe('letters: who signs for which business', () => {
  it('a job title before the business is not part of its name', () => {
    const cases = [
      {
        lines: [
          'Good afternoon,',
          '',
          'I am the Managing Director of Quarry Hill Stoneworks Inc. and I would like Northwind Voice to take',
          'over our telephone numbers from our present carrier as soon as it can be arranged for us.',
        ],
        name: 'Quarry Hill Stoneworks Inc.',
      },
      {
        lines: [
          'This note comes from the Practice Manager for Willow Bend Veterinary PLLC, who asks that the',
          'lines listed below be moved to Northwind Voice on the first available date after approval.',
        ],
        name: 'Willow Bend Veterinary PLLC',
      },
    ];
    for (const c of cases) {
      const f = letter(c.lines);
      expect(f.account_name?.value).toBe(c.name);
      expect(f.account_name!.confidence).toBeLessThan(0.9);
    }
  });

  it('a business after a job title needs no legal form', () => {
    const f = letter([
      'Writing as the sole proprietor of Fern Hollow Pottery, I ask Northwind Voice to take over the',
      'two telephone lines of the studio from our present carrier at the end of this billing month.',
    ]);
    expect(f.account_name?.value).toBe('Fern Hollow Pottery');
  });

  it('a letter typed in capitals: the business starts after the words before it', () => {
    const f = letter([
      'THIS LETTER AUTHORIZES NORTHWIND VOICE TO PORT ALL NUMBERS OF BLUE MESA GRILL LLC FROM THE CARRIER',
      'THAT SERVES THEM TODAY, ON THE DATE OUR NEW SERVICE IS READY AND TESTED BY THE INSTALLER.',
    ]);
    expect(f.account_name?.value).toBe('BLUE MESA GRILL LLC');
  });

  it('a heading or "Attention" line above the first sentence does not run into the business name', () => {
    for (const head of ['Attention: Provisioning Desk', 'Porting Request']) {
      const f = letter([
        head,
        'Crescent Moon Bakery L.L.C. has chosen Northwind Voice as its new provider and asks that our',
        'numbers be moved over to them as soon as the current carrier is able to release them to us.',
      ]);
      expect(f.account_name?.value).toBe('Crescent Moon Bakery L.L.C.');
    }
  });

  it('a business defined as the customer is the account name, not the carrier named before it', () => {
    const f = letter([
      'Northwind Voice LLC is appointed by Pelican Point Marine Supply Corp. (the "Client") to act for',
      'it in every matter concerning the transfer of its telephone service away from its carrier.',
    ]);
    expect(f.account_name?.value).toBe('Pelican Point Marine Supply Corp.');
  });

  it('a person named with a job title before or after the name is the authorized person', () => {
    const cases = [
      {
        lines: [
          'Harbor Fog Coffee Roasters LLC, acting through its Chief Financial Officer Dana Whitfield, asks',
          'Northwind Voice to move the numbers of the company to its network on the requested date.',
        ],
        person: 'Dana Whitfield',
      },
      {
        lines: [
          'This request is made for Ridgeback Analytics LLC by Marcus Oyelaran (Treasurer) who is able',
          'to approve changes to the telephone service of the company and confirms the details below.',
        ],
        person: 'Marcus Oyelaran',
      },
    ];
    for (const c of cases) {
      const f = letter(c.lines);
      expect(f.authorized_person?.value).toBe(c.person);
      expect(f.authorized_person!.confidence).toBeLessThan(0.9);
    }
  });

  it('the signer under the closing is read before the title on the same line', () => {
    const f = letter([
      'Please move the numbers on our account to Northwind Voice, who will handle the transfer for us',
      'with our current carrier from the date of this letter until the work has been completed.',
      '',
      'Very truly yours,',
      '',
      'Tomas Ekberg, Hospital Administrator',
    ]);
    expect(f.authorized_person?.value).toBe('Tomas Ekberg');
  });

  it('the name printed under the closing is the signer', () => {
    for (const closing of ['Warm regards,', 'Cordially,', 'Best,']) {
      const f = letter([
        'Please move the numbers on our account to Northwind Voice, who will handle the transfer for us',
        'with our current carrier from the date of this letter until the work has been completed.',
        '',
        closing,
        '',
        '',
        'Priya Raman',
        'Owner',
      ]);
      expect(f.authorized_person?.value).toBe('Priya Raman');
    }
  });
});

describe('letters: the account number in a sentence', () => {
  it('finds it in digit groups and a few words after "account"', () => {
    const cases = [
      {
        line: 'Our Frontier account, which is in the name of the company, is 4410 22 918 0031 and is current.',
        account: '4410 22 918 0031',
      },
      {
        line: 'For the record, the acct. with Windstream: 77-0192-3381, opened in the spring.',
        account: '77-0192-3381',
      },
      {
        line: 'The account we hold with Lumen is numbered QX-88120455 on every statement we get.',
        account: 'QX-88120455',
      },
    ];
    for (const c of cases) {
      const f = letter([
        c.line,
        'Please move all of the lines on it to Northwind Voice as soon as it can be arranged.',
      ]);
      expect(f.account_number?.value).toBe(c.account);
      expect(f.account_number!.confidence).toBeLessThan(0.9);
    }
  });

  it('a number the sentence gives to something else of the account is not the account number', () => {
    const f = letter([
      'The main line on the account is (207) 555-0100 and our account with Consolidated is 88123-0045.',
      'Please move every line on it to Northwind Voice as soon as the current carrier releases them.',
    ]);
    expect(f.account_number?.value).toBe('88123-0045');
  });
});

describe('letters: a value given before the words that name it', () => {
  it('reads "NNNN is our account number" and "NNNN as the PIN"', () => {
    const f = letter([
      'Northwind Voice may move our lines; 3320871 is to be used as the port-out PIN and 88120-4410',
      'is our account number with the current carrier, as printed on the statement we have enclosed.',
    ]);
    expect(f.account_number?.value).toBe('88120-4410');
    expect(f.pin?.value).toBe('3320871');
  });

  it('an address after another number in its sentence starts at its own house number', () => {
    const f = letter([
      'Our account with Verizon is 4410-2291-55 and the lines are at 4 Main St, Keene, NH 03431, where',
      'the office has been since it opened; please move them to Northwind Voice on the date requested.',
    ]);
    expect(f.service_address?.value).toMatchObject({ street_line: '4 Main St', city: 'Keene', state: 'NH' });
  });
});

describe('letters: the service address in a sentence', () => {
  it('reads it after words that say where the lines are, over the letterhead mailing address', () => {
    const cases = [
      {
        body: 'Our phones ring at the shop, 712 Orchard Row, Apt 3, Walla Walla, WA 99362, every weekday.',
        address: { street_line: '712 Orchard Row', unit: 'Apt 3', city: 'Walla Walla', state: 'WA', zip5: '99362' },
      },
      {
        body: 'The four lines were put in at 55 Ferry Road in Bar Harbor, ME 04609 when the office opened.',
        address: { street_line: '55 Ferry Road', unit: '', city: 'Bar Harbor', state: 'ME', zip5: '04609' },
      },
    ];
    for (const c of cases) {
      const f = letter([
        'Tidewater Kayak Outfitters LLC',
        'PO Box 118',
        'Augusta, ME 04332',
        '',
        'To the porting team at Northwind Voice, please move our numbers to your service this month.',
        c.body,
      ]);
      expect(f.service_address?.value).toMatchObject(c.address);
      expect(f.service_address!.confidence).toBeLessThan(0.9);
    }
  });
});

describe('letters: what the sentences say about each number', () => {
  it('leaves out a letterhead phone, a number the letter keeps, and a billing number it does not list', () => {
    const f = letter([
      'Granite Ledge Surveying LLC',
      '14 Quarry Street, Concord, NH 03301   Ph. 603-555-0142',
      '',
      'Dear Northwind Voice,',
      '',
      'Everything on our account is billed under 603-555-0100 today. Please move 603-555-0111 and',
      '603-555-0112 to your network. Please leave 603-555-0199 with our current carrier for now.',
      'The alarm line 603-555-0177 is not included in this request at all and stays where it is.',
    ]);
    expect(f.phone_numbers?.value).toEqual(['+16035550111', '+16035550112']);
    expect(f.numbers_not_to_port?.value).toEqual(expect.arrayContaining(['+16035550199', '+16035550177']));
    expect(f.btn?.value).toBe('+16035550100');
    expect(f.btn!.confidence).toBeLessThan(0.9);
  });
});
