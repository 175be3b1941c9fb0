import { describe, expect, it } from 'vitest';
import type { DocumentKind, PageText } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { lettersFromLookalikes } from '../../electron/core/extract/text.js';

/** OCR words laid out as lines: each line is [y, [x, text, conf?]…]; confidence 0.93 unless given. */
function ocrPage(lines: [number, [number, string, number?][]][]): PageText {
  return {
    page: 1,
    width: 612,
    height: 792,
    method: 'ocr',
    words: lines.flatMap(([y, words]) =>
      words.map(([x, text, conf]) => ({
        text,
        bbox: [x, y - 8, x + text.length * 5.5, y + 2] as [number, number, number, number],
        conf: conf ?? 0.93,
      })),
    ),
  };
}

/** A label-left line: the label's words, then the value's words at x = 200. */
function row(y: number, label: string, value: [string, number?][]): [number, [number, string, number?][]] {
  const words: [number, string, number?][] = [];
  let x = 72;
  for (const w of label.split(' ')) {
    words.push([x, w]);
    x += w.length * 5.5 + 4;
  }
  x = 200;
  for (const [w, conf] of value) {
    words.push([x, w, conf]);
    x += w.length * 5.5 + 4;
  }
  return [y, words];
}

const extract = (page: PageText, kind: DocumentKind) => extractFields([page], kind).fields;

describe('OCR words read with letter-like digits', () => {
  it('reads the digits of an unsure word in a name as the letters they look like', () => {
    const loa = extract(
      ocrPage([
        row(100, 'Customer Legal Name:', [['01d', 0.33], ['Town'], ['Bakery'], ['LLC']]),
        row(120, 'Account Number:', [['77120-4410']]),
      ]),
      'loa',
    );
    expect(loa.account_name?.value).toBe('Old Town Bakery LLC');
    const csr = extract(
      ocrPage([
        row(100, 'Business Name:', [['Mi11er', 0.4], ['Plumbing'], ['Inc.']]),
        row(120, 'Account ID:', [['A55120']]),
      ]),
      'csr',
    );
    expect(csr.account_name?.value).toBe('Miller Plumbing Inc.');
    const signer = extract(
      ocrPage([
        row(100, 'Company:', [['Harbor'], ['Logistics'], ['LLC']]),
        row(120, 'Authorized Signer:', [['Dana'], ['0sborne', 0.41]]),
      ]),
      'loa',
    );
    expect(signer.authorized_person?.value).toBe('Dana Osborne');
  });

  it('leaves codes, ordinals, units and numbers as OCR read them', () => {
    for (const w of ['1FB', '21st', '4B', '10am', 'A55120', '2B1', 'B1G', '1x', '5s', '10b', '15a'])
      expect(lettersFromLookalikes(w)).toBeNull();
    const r = extract(
      ocrPage([
        row(100, 'Customer Name:', [['Ridge'], ['Cafe'], ['LLC']]),
        row(120, 'Service Address:', [['39'], ['21st', 0.4], ['St'], ['Apt'], ['10b', 0.5]]),
        row(132, '', [['Denver,'], ['CO'], ['80202']]),
      ]),
      'loa',
    );
    expect(r.service_address?.value).toMatchObject({ street_line: '39 21st St', city: 'Denver', zip5: '80202' });
  });
});

describe('OCR words read more cleanly elsewhere on the page', () => {
  it('takes the sure reading of a word that sits beside the same neighbour elsewhere', () => {
    const inv = extract(
      ocrPage([
        row(80, 'Bill To:', [['15486'], ['Market'], ['Pl.'], ['Suite'], ['1366']]),
        row(92, '', [['Madison,'], ['WI'], ['53784']]),
        row(120, 'Service Address:', [
          ['15486'],
          ['Market'],
          ['P1l.,', 0.45],
          ['Suite'],
          ['1366,'],
          ['Madison,'],
          ['WI'],
          ['53784'],
        ]),
        row(140, 'Account Number:', [['88120-1']]),
      ]),
      'invoice',
    );
    expect(inv.service_address?.value).toMatchObject({ street_line: '15486 Market Pl.', city: 'Madison' });
    const loa = extract(
      ocrPage([
        row(100, 'Business Name:', [['Birch'], ['Dental'], ['PC']]),
        row(120, 'Authorized Person:', [['Karen'], ['Lery', 0.38]]),
        row(300, 'Signature:', [['Karen'], ['Levy'], ['Date:'], ['03/04/2025']]),
      ]),
      'loa',
    );
    expect(loa.authorized_person?.value).toBe('Karen Levy');
  });

  it('keeps OCR reading when the clean word is another word or stands beside other words', () => {
    const r = extract(
      ocrPage([
        row(100, 'Business Name:', [['Birch'], ['Dental'], ['PC']]),
        row(120, 'Authorized Person:', [['Karen'], ['Lery', 0.38]]),
        row(300, 'Contact:', [['Tom'], ['Levy']]),
      ]),
      'loa',
    );
    expect(r.authorized_person?.value).toBe('Karen Lery');
  });
});

describe('OCR stutters in a label', () => {
  it('reads an unsure record tag with one letter doubled as the tag', () => {
    const csr = extract(
      ocrPage([
        [
          100,
          [
            [72, 'ACCT'],
            [98, '412-555-0190-88'],
          ],
        ],
        [
          112,
          [
            [72, 'BILL'],
            [96, 'NM'],
            [114, 'BLUE'],
            [142, 'HERON'],
            [176, 'TAVERN'],
            [216, 'LLC'],
          ],
        ],
        [
          124,
          [
            [72, 'SVC'],
            [92, 'ADDR'],
            [120, '8831'],
            [146, 'CANAL'],
            [180, 'WAY'],
          ],
        ],
        [
          136,
          [
            [72, 'Ccsz', 0.51],
            [98, 'GREEN'],
            [132, 'BAY,'],
            [158, 'WI'],
            [174, '54304-7484'],
          ],
        ],
      ]),
      'csr',
    );
    expect(csr.service_address?.value).toMatchObject({
      street_line: '8831 CANAL WAY',
      city: 'GREEN BAY',
      zip5: '54304',
    });
  });

  it('reads an unsure label with one letter doubled as the label', () => {
    const loa = extract(
      ocrPage([
        row(100, 'Company Name:', [['Ridge'], ['Cafe'], ['LLC']]),
        [
          120,
          [
            [72, 'PIIN:', 0.48],
            [200, '4471'],
          ],
        ],
      ]),
      'loa',
    );
    expect(loa.pin?.value).toBe('4471');
  });
});
