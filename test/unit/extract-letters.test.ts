import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * A provider's own documents: a customer service record sent as a LETTER (the facts in sentences, the
 * provider's letterhead, footer and closing around them) and a cable bill (a service-desk block, line
 * items numbered "Line 1", a call-detail table). Wordings, names and positions written for this test.
 */

const csr = (lines: TextLine[]) => extractFields([pageOf(lines)], 'csr').fields;
const bill = (lines: TextLine[]) => extractFields([pageOf(lines)], 'invoice').fields;

/** A provider's letter: letterhead in large print, the body's sentences, a closing by the provider's team, a footer. */
function letter(provider: string, body: string[], opts: { closing?: string[] } = {}): TextLine[] {
  const lines: TextLine[] = [
    [54, 56, provider, { font: 'sans-bold', size: 18 }],
    [54, 72, '4410 Commerce Pkwy, Dayton, OH 45414', { size: 8 }],
    [54, 82, 'Support 1-800-555-0142  |  example-voice.net', { size: 8 }],
    [54, 120, 'March 3, 2026'],
    [54, 150, 'Customer Service Record', { font: 'sans-bold', size: 12 }],
    [54, 172, 'Dear Customer,'],
  ];
  let y = 196;
  for (const p of body) {
    lines.push([54, y, p]);
    y += 24;
  }
  y += 10;
  for (const c of opts.closing ?? ['Sincerely,', 'Account Services', provider]) {
    lines.push([54, y, c]);
    y += 13;
  }
  lines.push([54, 760, `${provider} | 4410 Commerce Pkwy, Dayton, OH 45414 | 1-800-555-0142`, { size: 7 }]);
  return lines;
}

describe('a customer service record written as a letter: the facts read from its sentences', () => {
  const cases: { body: string[]; name: string; person: string | null; pin: string | null }[] = [
    {
      body: [
        'Our records show that Larkspur Veterinary Clinic PLLC holds account no. 88214-0937 with us.',
        'The passcode currently on file for the account is 582211, and it is needed for any change.',
        'Marcus T. Oyelaran is listed as the authorized contact for this account.',
      ],
      name: 'Larkspur Veterinary Clinic PLLC',
      person: 'Marcus T. Oyelaran',
      pin: '582211',
    },
    {
      body: [
        'This letter confirms that account 3390-1177-42 belongs to Copperline Surveying, Inc. as of today.',
        'Only Hannah Brightwater, the authorized user, may request changes to the services listed below.',
        'A security PIN of 9046 is on file and will be asked for when you call us about the account.',
      ],
      name: 'Copperline Surveying, Inc.',
      person: 'Hannah Brightwater',
      pin: '9046',
    },
    {
      body: [
        'You asked us for the record we keep on account 71-5540-903 for Quillfeather Books LLC this month.',
        'There is no PIN on file for this account, so no passcode is needed to make a change to it.',
        'The person authorized to manage the account is Dmitri Castellanos.',
      ],
      name: 'Quillfeather Books LLC',
      person: 'Dmitri Castellanos',
      pin: null,
    },
  ];
  for (const c of cases)
    it(`${c.name}: name, authorized person and PIN`, () => {
      const f = csr(letter('Brightwave Fiber', c.body));
      expect(f.account_name?.value).toBe(c.name);
      expect(f.authorized_person?.value ?? null).toBe(c.person);
      expect(f.pin?.value ?? null).toBe(c.pin);
    });
});

describe("a provider's letter: its own name and its team's closing are not the customer's", () => {
  for (const [provider, closing] of [
    ['Tidewater Telephone Company', ['Regards,', 'Customer Care Team', 'Tidewater Telephone Company']],
    ['Ridgeline Cable Corp.', ['Thank you,', 'Business Support']],
    ['Summit Voice Networks LLC', ['Sincerely,', 'Account Services', 'Summit Voice Networks LLC']],
  ] as const)
    it(`${provider}, closing "${closing.join(' / ')}"`, () => {
      const f = csr(
        letter(
          provider,
          [
            'As requested, this letter confirms the service we provide to Orchard Lane Dental PC today.',
            'The account number is 5521098834 and the lines listed below are all in service with us.',
          ],
          { closing: [...closing] },
        ),
      );
      expect(f.account_name?.value).toBe('Orchard Lane Dental PC');
      expect(f.authorized_person).toBeUndefined();
    });
});

describe('a value read in a sentence ends with its clause', () => {
  for (const [sentence, field, want] of [
    [
      'The account holder on file is Old Mill Bakery, Inc, and the account number is 4410293.',
      'account_name',
      'Old Mill Bakery, Inc',
    ],
    [
      'The account holder on file is Granite Peak Roofing Ltd., which is billed monthly by us.',
      'account_name',
      'Granite Peak Roofing Ltd.',
    ],
    [
      'The authorized contact is Rosa E. Whitcombe. The billing number is shown in the table below.',
      'authorized_person',
      'Rosa E. Whitcombe',
    ],
  ] as const)
    it(sentence, () => {
      const f = csr(
        letter('Brightwave Fiber', [
          sentence,
          'Please keep this letter with your records and call us if any of the details have changed.',
        ]),
      );
      expect(f[field]?.value).toBe(want);
    });
});

/** A cable bill's first page: summary, window block, a service-desk block, phone lines and calls. */
function cableBill(o: { desk: [string, string][]; lineWord: string; calls: string; callHead: string }): TextLine[] {
  const lines: TextLine[] = [
    [44, 58, 'Brightwave Fiber', { font: 'sans-bold', size: 18 }],
    [44, 80, 'Account number: 8120 33 440 0192288'],
    [44, 94, 'Service address: 77 Quarry Rd, Suite 5, Marietta, GA 30060'],
    [370, 60, 'Statement date'],
    [480, 60, '04/11/2026'],
    [370, 74, 'Amount due'],
    [480, 74, '$312.40'],
    [62, 150, 'HALCYON YOGA STUDIO LLC'],
    [62, 163, 'PO Box 2231'],
    [62, 176, 'Marietta GA 30061'],
  ];
  o.desk.forEach(([caption, num], i) => lines.push([360, 150 + i * 12, `${caption} ${num}`, { size: 8 }]));
  lines.push([44, 230, 'Phone services']);
  const own = ['(770) 555-0134', '(770) 555-0187', '(770) 555-0122'];
  own.forEach((n, i) => {
    lines.push([50, 248 + i * 14, `${o.lineWord} ${i + 1}`], [110, 248 + i * 14, n], [250, 248 + i * 14, 'Unlimited']);
    lines.push([520, 248 + i * 14, '$29.99']);
  });
  lines.push([44, 310, o.calls]);
  lines.push([44, 326, 'Date'], [130, 326, o.callHead], [260, 326, 'Place'], [420, 326, 'Min'], [500, 326, 'Charge']);
  ['404-555-0171', '212-555-0139', '713-555-0108'].forEach((n, i) => {
    const y = 340 + i * 13;
    lines.push([44, y, `4/0${i + 2}/26`], [130, y, n], [260, y, 'ATLANTA GA'], [420, y, '12'], [500, y, '$0.84']);
  });
  return lines;
}

describe('a cable bill: service-desk numbers, numbered lines and called numbers are not the account', () => {
  const own = ['+17705550134', '+17705550187', '+17705550122'];
  for (const o of [
    {
      desk: [
        ['Customer care', '1-800-555-0177'],
        ['Outages', '1-888-555-0148'],
      ],
      lineWord: 'Ln',
      calls: 'Calls this month',
      callHead: 'To',
    },
    {
      desk: [
        ['Questions?', '1-877-555-0110'],
        ['Report a problem', '1-866-555-0191'],
      ],
      lineWord: 'Line',
      calls: 'Long distance',
      callHead: 'Destination',
    },
    {
      desk: [
        ['Business support', '1-855-555-0163'],
        ['Trouble', '1-844-555-0105'],
        ['Pay by phone', '1-844-555-0129'],
      ],
      lineWord: 'Ln',
      calls: 'Call log',
      callHead: 'Dialed',
    },
  ] as { desk: [string, string][]; lineWord: string; calls: string; callHead: string }[])
    it(`${o.desk.map((d) => d[0]).join(' / ')}; "${o.lineWord} 1"; "${o.callHead}"`, () => {
      const f = bill(cableBill(o));
      expect(f.phone_numbers?.value).toEqual(own);
      expect(f.account_name?.value).toBe('HALCYON YOGA STUDIO LLC');
    });
});

describe('generated provider letters (dev seeds): the sender named again in the closing is not the customer', () => {
  for (const seed of [7, 69, 92])
    it(`csr-letter seed ${seed}`, () => {
      const fx = generateRandom(seed, { family: 'csr-letter' });
      const f = extractFields(fx.pages, 'csr').fields;
      expect(f.account_name?.value.replace(/\.$/, '')).toBe(fx.truth.account_name?.replace(/\.$/, ''));
    });
});

describe('a city whose name is a label word elsewhere ("Mobile") is read after its city label', () => {
  const mono = { font: 'mono' as const, size: 9 };
  const cases: [string, 'csr' | 'loa', TextLine[]][] = [
    [
      'record slash tags "/CTY MOBILE /ST AL /ZIP"',
      'csr',
      [
        [40, 40, 'GULF COAST TEL  CUSTOMER SERVICE RECORD', mono],
        [40, 60, 'ACCT 4410-2291-55   BTN 251 555-0142', mono],
        [40, 100, '/SADR 6296 S MARKET RD', mono],
        [40, 112, '/CTY MOBILE   /ST AL   /ZIP 36604', mono],
        [40, 124, '---- REMARKS ----', mono],
        [40, 136, '/AUTH USER YOLANDA PATEL', mono],
      ],
    ],
    [
      'form parts one under another ("City" | "Mobile")',
      'loa',
      [
        [48, 60, 'Account Number: 88120441'],
        [48, 80, 'Service Address'],
        [48, 96, 'Street'],
        [130, 96, '6296 S Market Rd'],
        [48, 110, 'City'],
        [130, 110, 'Mobile'],
        [48, 124, 'State'],
        [130, 124, 'AL'],
        [48, 138, 'ZIP'],
        [130, 138, '36604'],
      ],
    ],
    [
      'form parts in one row ("City  MOBILE  State  AL  ZIP")',
      'loa',
      [
        [48, 60, 'Account Number: 88120441'],
        [48, 80, 'Service Address: 6296 S Market Rd'],
        [48, 96, 'City'],
        [100, 96, 'MOBILE'],
        [220, 96, 'State'],
        [260, 96, 'AL'],
        [300, 96, 'ZIP'],
        [330, 96, '36604'],
      ],
    ],
  ];
  for (const [name, kind, lines] of cases)
    it(name, () => {
      const a = extractFields([pageOf(lines)], kind).fields.service_address?.value;
      expect(a?.city.toUpperCase()).toBe('MOBILE');
      expect(a?.zip5).toBe('36604');
    });
});
