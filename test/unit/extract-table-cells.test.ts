import { describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { textWidth } from '../fixtures/generator/layout.js';

/*
 * Header tables: a row of labels over a row of values (an invoice's "strip" of account facts, a
 * CSR's boxed cells). Values are often wider than their labels, centred under them or starting left
 * of them, and a name may wrap inside its cell; the label's column is where its value lies.
 */

const w = (s: string, size = 10) => textWidth(s, 'sans', size);

/** A header table with its cells centred on the given x; each value may be several lines. */
function centredTable(y: number, cols: [number, string, string[]][], size = 10): TextLine[] {
  const out: TextLine[] = [];
  for (const [cx, label, lines] of cols) {
    out.push([cx - w(label, size) / 2, y, label, { size }]);
    lines.forEach((l, k) => out.push([cx - w(l, size) / 2, y + 16 + k * 12, l, { size }]));
  }
  return out;
}

const masthead: TextLine[] = [
  [48, 40, 'Prairie Link Telephone', { font: 'sans-bold', size: 16 }],
  [470, 40, 'STATEMENT'],
  [48, 54, 'prairielink.example  (800) 555-0134', { size: 8 }],
];

function fields(lines: TextLine[], kind: 'invoice' | 'csr' = 'invoice') {
  return extractFields([pageOf([...masthead, ...lines])], kind).fields;
}

describe('a header table whose values are centred under narrower labels', () => {
  it.each([
    {
      cols: [
        [110, 'Customer', ['Juniper Creek Veterinary Clinic LLC']],
        [255, 'Acct #', ['7730-118-4420-06']],
        [360, 'Bill Date', ['March 4, 2025']],
        [470, 'Amount Due', ['$1,208.44']],
      ],
      name: 'Juniper Creek Veterinary Clinic LLC',
      account: '7730-118-4420-06',
      date: '2025-03-04',
    },
    {
      cols: [
        [80, 'No.', ['55120938817']],
        [200, 'Invoice Date', ['11/07/2025']],
        [350, 'Company Name', ['Ostrander & Vale Surveying, Inc.']],
      ],
      name: 'Ostrander & Vale Surveying, Inc.',
      account: '55120938817',
      date: '2025-11-07',
    },
    {
      cols: [
        [95, 'ACCOUNT', ['A-99017733-2']],
        [215, 'NAME', ['Bright Harbor Pediatrics PA']],
        [340, 'DATE', ['2024-06-19']],
        [430, 'PAGE', ['1 of 2']],
        [510, 'TOTAL', ['$87.10']],
      ],
      name: 'Bright Harbor Pediatrics PA',
      account: 'A-99017733-2',
      date: '2024-06-19',
    },
  ] as { cols: [number, string, string[]][]; name: string; account: string; date: string }[])(
    '$name',
    ({ cols, name, account, date }) => {
      const f = fields(centredTable(100, cols));
      expect(f.account_name?.value).toBe(name);
      expect(f.account_number?.value).toBe(account);
      expect(f.document_date?.value).toBe(date);
    },
  );

  it('reads a name that wraps inside its centred cell, its lines starting at different x', () => {
    for (const [label, lines] of [
      ['Account Name', ['Cottonwood Family', 'Dentistry, P.C.']],
      ['Customer', ['Lone Pine Sheet Metal', '& Roofing Co.']],
      ['Business Name', ['Tidewater Marine', 'Supply LLC']],
    ] as [string, string[]][]) {
      const f = fields(
        centredTable(100, [
          [100, label, lines],
          [240, 'Billing Number', ['(402) 555-0187']],
          [380, 'Account Number', ['402-555-0187-611']],
        ]),
      );
      expect(f.account_name?.value).toBe(lines.join(' '));
      expect(f.btn?.value).toBe('+14025550187');
      expect(f.account_number?.value).toBe('402-555-0187-611');
    }
  });
});

describe('a header table with a caption the reader does not know', () => {
  it.each([
    ['Please Pay', 'Customer Name'],
    ['Remit Amount', 'Account Holder'],
    ['Pay This Amount', 'Company'],
  ])('the name is the value under its label, never the caption %j beside it', (caption, nameLabel) => {
    const f = fields(
      centredTable(100, [
        [120, nameLabel, ['Granite Hollow Outfitters LLC']],
        [240, caption, ['$310.05']],
        [340, 'Statement Date', ['09/30/2025']],
      ]),
    );
    expect(f.account_name?.value).toBe('Granite Hollow Outfitters LLC');
  });
});

/** A left-aligned header table whose columns are a word space or two apart: cells run together. */
function tightTable(y: number, cols: [string, string][], gap = 8): TextLine[] {
  const out: TextLine[] = [];
  let x = 52;
  for (const [label, value] of cols) {
    out.push([x, y, label], [x, y + 16, value]);
    x += Math.max(w(label), w(value)) + gap;
  }
  return out;
}

describe('a header table whose cells run together', () => {
  it.each(
    (
      [
        [
          ['Legal Business Name', 'Hollis Creek Pediatric Associates'],
          ['Billing Account Number', '6467 41 989 1479337'],
          ['Statement Date', '8 Mar 2023'],
        ],
        [
          ['Date Issued', 'August 24, 2024'],
          ['Amount Due', '$502.69'],
          ['#', 'A589323715'],
          ['Company', 'Quarry Lane Books'],
        ],
        [
          ['Customer', 'Bramble & Finch Design Studio'],
          ['Acct. No.', '5523019987'],
          ['Bill Date', '06/02/2025'],
        ],
      ] as [string, string][][]
    ).map((cols) => ({ cols })),
  )('$cols', ({ cols }) => {
    const f = fields(tightTable(100, cols));
    const name = cols.find(([l]) => /Name|Company|Customer/.test(l))![1];
    const acct = cols.find(([l]) => /Account|Acct|#/.test(l))![1];
    expect(f.account_name?.value).toBe(name);
    expect(f.account_number?.value).toBe(acct);
  });
});

describe('label-above cells: wrapped labels and caption cells', () => {
  it.each([
    [['Customer Name (exactly', 'as billed)'], 'Ames & Pruitt Surveyors LLC'],
    [['Legal Business', 'Name'], 'Saltmarsh Veterinary Group PC'],
  ])('a header label wrapped over two lines %j is no part of the value under it', (label, name) => {
    const f = fields(
      [
        [52, 100, label[0]!, { size: 8 }],
        [52, 110, label[1]!, { size: 8 }],
        [200, 100, 'Acct No.', { size: 8 }],
        [330, 100, 'Date Printed', { size: 8 }],
        [54, 124, name],
        [202, 124, '604-555-0190-118'],
        [332, 124, '4/30/24'],
      ],
      'csr',
    );
    expect(f.account_name?.value).toBe(name);
    expect(f.account_number?.value).toBe('604-555-0190-118');
  });

  it.each([
    ['AUTHORIZED USER', 'CLASS OF SERVICE', 'BUS'],
    ['Authorized Contact', 'Tariff Class', 'Business'],
    ['Authorized Person', 'Line Status', 'Active'],
  ])('%j beside the caption %j reads the value under it', (label, caption, other) => {
    const f = fields(
      [
        [52, 100, label, { size: 8 }],
        [300, 100, caption, { size: 8 }],
        [54, 113, 'Ingrid Solberg'],
        [302, 113, other],
      ],
      'csr',
    );
    expect(f.authorized_person?.value).toBe('Ingrid Solberg');
  });
});

describe('address blocks under side-by-side headings', () => {
  it.each([
    ['Service Location', 'Send Payment To', '1180 East Cottonwood Canyon Road, Suite 12, Salt Lake', 'City, UT 84121'],
  ])('%j: a long line runs on under the next heading', (heading, other, line1, line2) => {
    const f = fields([
      [48, 140, heading],
      [311, 140, other],
      [48, 153, 'Mesa Verde Physical Therapy, Inc'],
      [311, 153, 'Prairie Link Telephone'],
      [48, 164, line1],
      [311, 164, 'PO BOX 39592'],
      [48, 176, line2],
      [311, 176, 'Chicago, IL 60637-4905'],
    ]);
    expect(f.account_name?.value).toBe('Mesa Verde Physical Therapy, Inc');
    expect(f.service_address?.value.zip5).toBe(line2.match(/\d{5}/)![0]);
  });
});

/** Words as OCR boxes them (ink height ~0.8 of the font, positions a little off), each [x, baseline y, text]. */
function ocrPage(cells: [number, number, string][]): PageText {
  const words: PageText['words'] = [];
  for (const [x0, y, text] of cells) {
    let x = x0;
    for (const word of text.split(' ')) {
      const wd = w(word);
      words.push({ text: word, bbox: [x, y - 7.6, x + wd, y + (/[gjpqy,]/.test(word) ? 2 : 0)], conf: 0.88 });
      x += wd + 2.8;
    }
  }
  return { page: 1, width: 612, height: 792, method: 'ocr', words };
}

describe('a header table read by OCR', () => {
  it.each([
    ['Billing Name', 'Acct No.', 'Issue Date'],
    ['Company', 'Account #', 'Statement Date'],
    ['Name on Account', 'Account Number', 'Invoice Date'],
  ])('%j / %j / %j over values that start left of their labels', (nameLabel, acctLabel, dateLabel) => {
    const name = 'Silver Creek Wellness Center Inc.';
    const page = ocrPage([
      [48, 40, 'Prairie Link Telephone'],
      [470, 40, 'STATEMENT'],
      [96, 101, nameLabel],
      [262, 100, acctLabel],
      [395, 101, dateLabel],
      [61, 118, name],
      [243, 117, '881 204 5537 19'],
      [392, 118, 'Aug 12, 2025'],
    ]);
    const f = extractFields([page], 'invoice').fields;
    expect(f.account_name?.value).toBe(name);
    expect(f.account_number?.value).toBe('881 204 5537 19');
    expect(f.document_date?.value).toBe('2025-08-12');
  });
});

describe('a label-left list is no header table', () => {
  // each row a label and its value, row under row: a name in capitals reads like a caption, and the
  // row under it a label the reader does not know; the rows above show the list reads left to right
  it.each([
    ['Authorized Contact', 'MARIA OKAFOR', 'Contract / Term', 'BVE-36 (ends 07/31/2027)'],
    ['Authorized Person', 'DESMOND ALVAREZ', 'Plan Tier', 'Gold Voice 12 (2026)'],
    ['Contact Name', 'Priya Raman', 'Agreement', 'MSA-7 signed 02/11/2025'],
  ])('%j keeps its value %j beside it', (label, person, nextLabel, nextValue) => {
    const rows: [string, string][] = [
      ['Customer Name', 'Birchwood Optometry PLLC'],
      ['Account Number', '6612009340077215'],
      ['Billing Address', '410 Harbor View Rd, Duluth MN 55802-1184'],
      [label, person],
      [nextLabel, nextValue],
    ];
    const f = fields(
      rows.flatMap(([l, v], k): TextLine[] => [
        [52, 100 + 18 * k, l, { size: 9 }],
        [222, 100 + 18 * k, v, { size: 9 }],
      ]),
      'csr',
    );
    expect(f.authorized_person?.value).toBe(person);
    expect(f.account_number?.value).toBe('6612009340077215');
  });
});
